import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  auditedTransaction,
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  forbidden,
  keysetPage,
  notFound,
  requireSignedIn,
  translateDatabaseError,
  whereSearchMatches,
} from '@tdkt/subgraph-kit';
import { Conference, ConferenceDelegate } from '../entities/conference.entity.js';
import {
  AddConferenceDelegatesInput,
  CompositionReport,
  ConferenceConnection,
  ConferenceFilter,
  ConferencePageArgs,
  CreateConferenceInput,
  SelectDelegatesForHigherConferenceInput,
} from '../types/conference.types.js';
import { AgeBand, ConferenceFacet, Gender } from '../types/campaign-enums.movements.js';
import { Organization, Person, organizationRef, personRef } from '../types/federation.types.js';
import { CONFERENCE_CODE, FIRST_YEAR, checkConference, checkDelegate, type ConferenceProblem } from '../rules/conference.rule.js';
import { ageBand, checkComposition, isExemplarCategory, type DelegateFacts } from '../rules/conference-composition.rule.js';
import { normalizeCode } from '../rules/movement.rule.js';
import { isInCallerSubtree, requireActFor, type CampaignsContext } from '../context.js';
import { isUuid } from '../loaders/movement.loaders.js';
import { directoryOrganizationOrFail, refuse } from './movement.resolver.js';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  conference_code_key: 'Mã hội nghị này đã được dùng cho một hội nghị khác.',
  conference_period_check: 'Giai đoạn không hợp lệ: năm cuối phải sau năm đầu, trong khoảng 1945–2100.',
  conference_delegate_person_key: 'Một cá nhân có tên hai lần trong danh sách đại biểu.',
  conference_delegate_organization_key: 'Một tập thể có hai người đại diện trong danh sách đại biểu.',
  conference_delegate_ordinal_key: 'Danh sách đại biểu vừa được người khác cập nhật cùng lúc. Vui lòng thử lại.',
};

/** A delegate list is typed by hand or imported: a few thousand rows is already a national congress. */
const MAX_ROWS_PER_CALL = 3000;

/** Year in which the delegates' ages are counted: the conference's own year, else the period's first. */
const referenceYear = (conference: Conference): number => (conference.heldOn ? Number(conference.heldOn.slice(0, 4)) : conference.periodFrom);

async function conferenceByCodeOrFail(context: CampaignsContext, rawCode: string, field: string): Promise<Conference> {
  const code = normalizeCode(rawCode);
  const conference = CONFERENCE_CODE.test(code) ? await context.loaders.conferenceByCode.load(code) : null;
  if (!conference) throw notFound(`Không tìm thấy hội nghị có mã ${rawCode.trim() || '(trống)'}.`, { field });
  return conference;
}

/** Acting for the host of a conference (its organizing unit). */
async function requireActForHost(context: CampaignsContext, conference: Conference, action: string): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  const host = await context.organizations.organizationById.load(conference.hostId);
  if (!host) throw forbidden(`Không xác định được đơn vị tổ chức "${conference.title}"; chỉ Ban TĐKT Trung ương được ${action}.`);
  await requireActFor(context, host, action);
}

/**
 * Gender, ethnicity, birth year and work of a delegate are personal data: the Central Board, or staff
 * of the host's subtree, see them; the public sees the name, category and sector of an honour list.
 */
async function canSeeDelegateDetails(context: CampaignsContext, delegate: ConferenceDelegate): Promise<boolean> {
  if (context.caller.role === 'CENTRAL_BOARD') return true;
  if (context.caller.role !== 'VIEWER' && context.caller.role !== 'ORG_OFFICER') return false;
  const conference = await context.loaders.conferenceById.load(delegate.conferenceId);
  const host = conference ? await context.organizations.organizationById.load(conference.hostId) : null;
  return !!host && isInCallerSubtree(context, host);
}

const facts = (delegate: ConferenceDelegate): DelegateFacts => ({
  category: delegate.category,
  gender: delegate.gender,
  ethnicity: delegate.ethnicity,
  birthYear: delegate.birthYear,
  isDirectWorker: delegate.isDirectWorker,
  sector: delegate.sector,
});

@Resolver(() => Conference)
export class ConferenceResolver {
  @Query(() => Conference, { nullable: true, description: 'Một hội nghị, đại hội theo mã.' })
  conference(@Ctx() context: CampaignsContext, @Arg('code', () => String) code: string): Promise<Conference | null> {
    return context.loaders.conferenceByCode.load(normalizeCode(code));
  }

  @Query(() => ConferenceConnection, { description: 'Danh sách hội nghị, đại hội theo giai đoạn, có lọc và phân trang.' })
  async conferences(
    @Ctx() context: CampaignsContext,
    @Args() { first, after }: ConferencePageArgs,
    @Arg('filter', () => ConferenceFilter, { nullable: true }) filter?: ConferenceFilter | null,
  ): Promise<ConferenceConnection> {
    const query = context.db.getRepository(Conference).createQueryBuilder('c');
    whereSearchMatches(query, 'c', filter?.search);
    if (filter?.hostCode) {
      const code = normalizeCode(filter.hostCode);
      const host = /^[A-Z0-9][A-Z0-9_]{1,39}$/.test(code) ? await context.organizations.organizationByCode.load(code) : null;
      if (!host) return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      query.andWhere('c.host_id = :hostId', { hostId: host.id });
    }
    if (filter?.kind) query.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter?.level) query.andWhere('c.level = :level', { level: filter.level });
    if (filter?.year !== undefined && filter?.year !== null) {
      if (!Number.isInteger(filter.year) || filter.year < FIRST_YEAR || filter.year > 2100) throw badInput(`Năm ${filter.year} không hợp lệ.`, { field: 'filter.year' });
      query.andWhere('c.period_from <= :year AND c.period_to >= :year', { year: filter.year });
    }
    const page = await keysetPage(query, { first, after, alias: 'c', sort: [{ column: 'period_from', of: (row) => row.periodFrom }, { column: 'code', of: (row) => row.code }] });
    for (const edge of page.edges) context.loaders.conferenceById.prime(edge.node.id, edge.node);
    return page;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị tổ chức.' })
  host(@Root() conference: Conference): Organization {
    return organizationRef(conference.hostId);
  }

  @FieldResolver(() => Conference, { nullable: true, description: 'Hội nghị, đại hội cấp trên nhận đại biểu của hội nghị này.' })
  feedsInto(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<Conference | null> | null {
    return conference.feedsIntoId ? context.loaders.conferenceById.load(conference.feedsIntoId) : null;
  }

  @FieldResolver(() => [Conference], { description: 'Các hội nghị cấp dưới gửi đại biểu lên hội nghị này.' })
  feeders(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<Conference[]> {
    return context.loaders.conferenceFeedersById.load(conference.id);
  }

  @FieldResolver(() => [ConferenceDelegate], { description: 'Danh sách đại biểu của hội nghị, theo số thứ tự.' })
  delegates(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<ConferenceDelegate[]> {
    return context.loaders.delegatesByConferenceId.load(conference.id);
  }

  @FieldResolver(() => [ConferenceDelegate], { description: 'Đại biểu do các hội nghị cấp dưới chọn lên dự hội nghị này.' })
  incomingDelegates(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<ConferenceDelegate[]> {
    return context.loaders.delegatesSelectedForConferenceId.load(conference.id);
  }

  @FieldResolver(() => CompositionReport, { description: 'Kiểm tra số lượng, cơ cấu đại biểu (đại biểu của hội nghị và đại biểu cấp dưới chọn lên).' })
  async compositionReport(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<CompositionReport> {
    const [own, incoming] = await Promise.all([
      context.loaders.delegatesByConferenceId.load(conference.id),
      context.loaders.delegatesSelectedForConferenceId.load(conference.id),
    ]);
    const report = checkComposition(
      { maxDelegates: conference.maxDelegates, minExemplarShare: conference.minExemplarShare, balanceFacets: conference.balanceFacets, referenceYear: referenceYear(conference) },
      [...own, ...incoming].map(facts),
    );
    return report as CompositionReport;
  }

  @Mutation(() => Conference, { description: 'Tạo hội nghị điển hình tiên tiến, đại hội thi đua yêu nước… với quy định về số lượng, cơ cấu đại biểu.' })
  async createConference(@Ctx() context: CampaignsContext, @Arg('input', () => CreateConferenceInput) input: CreateConferenceInput): Promise<Conference> {
    const code = normalizeCode(input.code);
    if (!CONFERENCE_CODE.test(code)) {
      throw badInput('Mã hội nghị gồm 2–60 ký tự: chữ in hoa không dấu, chữ số, dấu gạch dưới (ví dụ DHTT_HN_2020).', { field: 'input.code' });
    }
    const title = cleanText(input.title, { label: 'Tên hội nghị', field: 'input.title', maxLength: 500 });
    const theme = cleanOptionalText(input.theme, { label: 'Chủ đề', field: 'input.theme', maxLength: 500 });
    const source = cleanOptionalText(input.source, { label: 'Kế hoạch tổ chức', field: 'input.source', maxLength: 1000 });
    const host = await directoryOrganizationOrFail(context, input.hostCode, 'input.hostCode');
    await requireActFor(context, host, 'tổ chức hội nghị');
    const feedsInto = input.feedsIntoCode ? await conferenceByCodeOrFail(context, input.feedsIntoCode, 'input.feedsIntoCode') : null;
    const problems = checkConference({
      level: input.level,
      periodFrom: input.periodFrom,
      periodTo: input.periodTo,
      heldOn: input.heldOn ?? null,
      maxDelegates: input.maxDelegates ?? null,
      minExemplarShare: input.minExemplarShare ?? null,
      host,
      feedsInto,
      latestYear: new Date().getUTCFullYear() + 10,
    });
    if (problems.length) refuse(problems);
    const balanceFacets = [...new Set(input.balanceFacets ?? [])] as ConferenceFacet[];
    try {
      return await auditedTransaction(context.db, context, 'createConference', async (manager, audit) => {
        const repository = manager.getRepository(Conference);
        const saved = await repository.save(
          repository.create({
            code,
            title,
            kind: input.kind,
            level: input.level,
            hostId: host.id,
            periodFrom: input.periodFrom,
            periodTo: input.periodTo,
            heldOn: input.heldOn ?? null,
            theme,
            maxDelegates: input.maxDelegates ?? null,
            minExemplarShare: input.minExemplarShare ?? null,
            balanceFacets,
            feedsIntoId: feedsInto?.id ?? null,
            source,
            isDemo: false,
          }),
        );
        await audit.recordRow('Conference', 'conference', saved.id);
        return saved;
      });
    } catch (error) {
      throw translateDatabaseError(error, { ...CONSTRAINT_MESSAGES, conference_code_key: `Mã hội nghị ${code} đã tồn tại.` });
    }
  }

  @Mutation(() => Conference, { description: 'Thêm đại biểu vào danh sách (cả danh sách được ghi, hoặc không dòng nào nếu có dòng sai).' })
  async addConferenceDelegates(@Ctx() context: CampaignsContext, @Arg('input', () => AddConferenceDelegatesInput) input: AddConferenceDelegatesInput): Promise<Conference> {
    const conference = await conferenceByCodeOrFail(context, input.conferenceCode, 'input.conferenceCode');
    await requireActForHost(context, conference, 'lập danh sách đại biểu');
    if (input.delegates.length === 0) throw badInput('Danh sách đại biểu trống.', { field: 'input.delegates' });
    if (input.delegates.length > MAX_ROWS_PER_CALL) throw badInput(`Mỗi lần thêm tối đa ${MAX_ROWS_PER_CALL} đại biểu.`, { field: 'input.delegates' });
    const year = referenceYear(conference);

    // Validate every row and report all faults at once (the officer fixes the whole list in one pass).
    const problems: (ConferenceProblem & { code: string })[] = [];
    const rows = await Promise.all(
      input.delegates.map(async (delegate, index) => {
        const path = `input.delegates[${index}]`;
        try {
          const fullName = cleanText(delegate.fullName, { label: `Họ tên đại biểu thứ ${index + 1}`, field: `${path}.fullName`, maxLength: 200 });
          const ethnicity = cleanOptionalText(delegate.ethnicity, { label: `Dân tộc của đại biểu thứ ${index + 1}`, field: `${path}.ethnicity`, maxLength: 60 });
          const personId = delegate.personId ?? null;
          if (personId !== null && !isUuid(personId)) throw badInput(`Mã cá nhân (personId) của đại biểu thứ ${index + 1} không hợp lệ.`, { field: `${path}.personId` });
          if (personId !== null && !(await context.organizations.personById.load(personId))) {
            throw notFound(`Không tìm thấy cá nhân (personId) của đại biểu thứ ${index + 1}.`, { field: `${path}.personId` });
          }
          const organization = delegate.organizationCode ? await directoryOrganizationOrFail(context, delegate.organizationCode, `${path}.organizationCode`) : null;
          const birthYear = delegate.birthYear ?? null;
          const found = checkDelegate({ hasPerson: personId !== null, hasOrganization: organization !== null, birthYear, category: delegate.category }, path, year);
          for (const problem of found) problems.push({ ...problem, code: 'BAD_USER_INPUT' });
          return {
            fullName,
            personId,
            organizationId: organization?.id ?? null,
            category: delegate.category,
            sector: delegate.sector ?? null,
            gender: delegate.gender ?? null,
            ethnicity,
            birthYear,
            isDirectWorker: delegate.isDirectWorker ?? false,
          };
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          problems.push({ field: String(error.extensions['field'] ?? path), message: error.message, code: String(error.extensions['code']) });
          return null;
        }
      }),
    );
    const seenPersons = new Map<string, number>();
    const seenOrganizations = new Map<string, number>();
    rows.forEach((row, index) => {
      if (!row) return;
      for (const [key, seen, what, field] of [
        [row.personId, seenPersons, 'Cá nhân', 'personId'],
        [row.organizationId, seenOrganizations, 'Tập thể', 'organizationCode'],
      ] as const) {
        if (key === null) continue;
        const earlier = seen.get(key);
        if (earlier !== undefined) problems.push({ field: `input.delegates[${index}].${field}`, message: `${what} ở dòng ${index + 1} trùng với dòng ${earlier + 1}.`, code: 'BAD_USER_INPUT' });
        else seen.set(key, index);
      }
    });
    if (problems.length) {
      problems.sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true }));
      const first = problems[0]!;
      const details = { field: first.field, problems };
      throw first.code === 'NOT_FOUND' ? notFound(first.message, details) : badInput(problems.map((problem) => problem.message).join(' '), details);
    }
    const valid = rows.map((row) => row!);

    try {
      await auditedTransaction(context.db, context, 'addConferenceDelegates', async (manager, audit) => {
        // Serialize concurrent additions to one list (ordinals), then refuse persons or collectives
        // already on it, naming the row; the unique constraints remain the last word under any race.
        await manager.query('SELECT id FROM conference WHERE id = $1 FOR UPDATE', [conference.id]);
        const existing: { person_id: string | null; organization_id: string | null; ordinal: number }[] = await manager.query(
          `SELECT person_id, organization_id, ordinal FROM conference_delegate
            WHERE conference_id = $1 AND (person_id = ANY($2::uuid[]) OR organization_id = ANY($3::uuid[]))`,
          [conference.id, valid.flatMap((row) => (row.personId ? [row.personId] : [])), valid.flatMap((row) => (row.organizationId ? [row.organizationId] : []))],
        );
        if (existing.length) {
          const clash = existing[0]!;
          const index = valid.findIndex((row) => (row.personId !== null && row.personId === clash.person_id) || (row.organizationId !== null && row.organizationId === clash.organization_id));
          throw conflict(`Đại biểu ở dòng ${index + 1} (${valid[index]!.fullName}) đã có trong danh sách (số thứ tự ${clash.ordinal}).`, {
            field: `input.delegates[${index}].${clash.person_id ? 'personId' : 'organizationCode'}`,
          });
        }
        const [{ last }] = await manager.query('SELECT coalesce(max(ordinal), 0) AS last FROM conference_delegate WHERE conference_id = $1', [conference.id]);
        await manager.query(
          `INSERT INTO conference_delegate (conference_id, ordinal, full_name, person_id, organization_id, category, sector, gender, ethnicity, birth_year, is_direct_worker)
           SELECT $1, coalesce((SELECT max(ordinal) FROM conference_delegate WHERE conference_id = $1), 0) + r.n,
                  r.full_name, r.person_id, r.organization_id, r.category, r.sector, r.gender, r.ethnicity, r.birth_year, r.is_direct_worker
             FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::boolean[])
                  WITH ORDINALITY AS r(full_name, person_id, organization_id, category, sector, gender, ethnicity, birth_year, is_direct_worker, n)`,
          [
            conference.id,
            valid.map((row) => row.fullName),
            valid.map((row) => row.personId),
            valid.map((row) => row.organizationId),
            valid.map((row) => row.category),
            valid.map((row) => row.sector),
            valid.map((row) => row.gender),
            valid.map((row) => row.ethnicity),
            valid.map((row) => row.birthYear),
            valid.map((row) => row.isDirectWorker),
          ],
        );
        const added = await audit.snapshot('conference_delegate', null, { sql: 't.conference_id = $1 AND t.ordinal > $2 ORDER BY t.ordinal', params: [conference.id, last], many: true });
        await audit.record({ entityType: 'Conference', entityId: conference.id, before: null, after: { addedDelegates: added } });
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
    context.loaders.delegatesByConferenceId.clear(conference.id);
    return conference;
  }

  @Mutation(() => Conference, { description: 'Thông qua danh sách đại biểu đi dự hội nghị, đại hội cấp trên (thay thế danh sách đã chọn).' })
  async selectDelegatesForHigherConference(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => SelectDelegatesForHigherConferenceInput) input: SelectDelegatesForHigherConferenceInput,
  ): Promise<Conference> {
    const conference = await conferenceByCodeOrFail(context, input.conferenceCode, 'input.conferenceCode');
    await requireActForHost(context, conference, 'thông qua danh sách đại biểu đi dự đại hội cấp trên');
    if (!conference.feedsIntoId) {
      throw badInput(`"${conference.title}" chưa gắn với hội nghị, đại hội cấp trên nào (feedsInto); không có nơi để gửi đại biểu.`, { field: 'input.conferenceCode' });
    }
    const seen = new Map<string, number>();
    input.delegateIds.forEach((id, index) => {
      if (!isUuid(id)) throw badInput(`Mã đại biểu ở vị trí ${index + 1} không hợp lệ.`, { field: `input.delegateIds[${index}]` });
      if (seen.has(id)) throw badInput(`Đại biểu ở vị trí ${index + 1} trùng với vị trí ${seen.get(id)! + 1}.`, { field: `input.delegateIds[${index}]` });
      seen.set(id, index);
    });
    const target = conference.feedsIntoId;
    try {
      await auditedTransaction(context.db, context, 'selectDelegatesForHigherConference', async (manager, audit) => {
        await manager.query('SELECT id FROM conference WHERE id = $1 FOR UPDATE', [conference.id]);
        const selected = async () =>
          ((await audit.snapshot('conference_delegate', null, { sql: 't.conference_id = $1 AND t.selected_for_id IS NOT NULL ORDER BY t.ordinal', params: [conference.id], many: true })) as { id: string }[]).map((row) => row.id);
        const before = await selected();
        const found: { id: string }[] = await manager.query('SELECT id FROM conference_delegate WHERE conference_id = $1 AND id = ANY($2::uuid[])', [conference.id, input.delegateIds]);
        const known = new Set(found.map((row) => row.id));
        const missing = input.delegateIds.findIndex((id) => !known.has(id));
        if (missing >= 0) throw notFound(`Đại biểu ở vị trí ${missing + 1} không có trong danh sách đại biểu của "${conference.title}".`, { field: `input.delegateIds[${missing}]` });
        await manager.query(
          `UPDATE conference_delegate SET selected_for_id = CASE WHEN id = ANY($2::uuid[]) THEN $3::uuid END
            WHERE conference_id = $1 AND selected_for_id IS DISTINCT FROM (CASE WHEN id = ANY($2::uuid[]) THEN $3::uuid END)`,
          [conference.id, input.delegateIds, target],
        );
        await audit.record({ entityType: 'Conference', entityId: conference.id, before: { selectedDelegateIds: before, higherConferenceId: target }, after: { selectedDelegateIds: await selected(), higherConferenceId: target } });
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
    context.loaders.delegatesByConferenceId.clear(conference.id);
    return conference;
  }
}

@Resolver(() => ConferenceDelegate)
export class ConferenceDelegateResolver {
  @FieldResolver(() => Conference, { nullable: true })
  conference(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<Conference | null> {
    return context.loaders.conferenceById.load(delegate.conferenceId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Cá nhân, khi đã có trong hệ thống.' })
  person(@Root() delegate: ConferenceDelegate): Person | null {
    return delegate.personId ? personRef(delegate.personId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Tập thể mà đại biểu đại diện; null với đại biểu cá nhân.' })
  organization(@Root() delegate: ConferenceDelegate): Organization | null {
    return delegate.organizationId ? organizationRef(delegate.organizationId) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Được tính là đại biểu điển hình tiên tiến (Anh hùng, chiến sĩ thi đua, điển hình, người tốt việc tốt).' })
  isExemplar(@Root() delegate: ConferenceDelegate): boolean {
    return isExemplarCategory(delegate.category);
  }

  @FieldResolver(() => Conference, { nullable: true, description: 'Hội nghị, đại hội cấp trên mà đại biểu được chọn đi dự.' })
  selectedFor(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<Conference | null> | null {
    return delegate.selectedForId ? context.loaders.conferenceById.load(delegate.selectedForId) : null;
  }

  @FieldResolver(() => Gender, { nullable: true, description: 'Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy.' })
  async gender(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<Gender | null> {
    return (await canSeeDelegateDetails(context, delegate)) ? delegate.gender : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Dân tộc. Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy.' })
  async ethnicity(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<string | null> {
    return (await canSeeDelegateDetails(context, delegate)) ? delegate.ethnicity : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy.' })
  async birthYear(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<number | null> {
    return (await canSeeDelegateDetails(context, delegate)) ? delegate.birthYear : null;
  }

  @FieldResolver(() => AgeBand, { nullable: true, description: 'Nhóm tuổi trong năm hội nghị. Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy.' })
  async ageBand(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<AgeBand | null> {
    if (!(await canSeeDelegateDetails(context, delegate))) return null;
    const conference = await context.loaders.conferenceById.load(delegate.conferenceId);
    return conference ? (ageBand(delegate.birthYear, referenceYear(conference)) as AgeBand | null) : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Người trực tiếp lao động, sản xuất, công tác. Chỉ Ban TĐKT TW và cán bộ thuộc đơn vị tổ chức thấy.' })
  async isDirectWorker(@Root() delegate: ConferenceDelegate, @Ctx() context: CampaignsContext): Promise<boolean | null> {
    return (await canSeeDelegateDetails(context, delegate)) ? delegate.isDirectWorker : null;
  }
}

/** Fields that campaigns contributes to the organizations subgraph's Organization. */
@Resolver(() => Organization)
export class OrganizationConferencesResolver {
  // Nullable at the boundary (README: one subgraph being down never blanks a whole answer).
  @FieldResolver(() => [Conference], { nullable: true, description: 'Hội nghị, đại hội do đơn vị tổ chức, theo giai đoạn.' })
  conferencesHosted(@Root() organization: Organization, @Ctx() context: CampaignsContext): Promise<Conference[]> {
    return context.loaders.conferencesByHostId.load(organization.id);
  }
}
