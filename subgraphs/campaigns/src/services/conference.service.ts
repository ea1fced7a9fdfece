/**
 * Mutations of conferences (hội nghị, đại hội) and their delegate lists: validation through
 * rules/conference.rule.ts, the caller's right to act for the host, one audited transaction each.
 */
import { GraphQLError } from 'graphql';
import {
  auditedTransaction,
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  forbidden,
  isUuid,
  notFound,
  requireSignedIn,
  translateDatabaseError,
} from '@tdkt/subgraph-kit';
import { requireActFor, type CampaignsContext } from '../context.js';
import { CONFERENCE_CODE, checkConference, checkDelegate, type ConferenceProblem } from '../rules/conference.rule.js';
import { normalizeCode } from '../rules/movement.rule.js';
import { createStores, type NewDelegate } from '../store/index.js';
import type { ConferenceFacet } from '../types/conference.enums.js';
import type {
  AddConferenceDelegatesInput,
  CreateConferenceInput,
  SelectDelegatesForHigherConferenceInput,
} from '../types/conference.inputs.js';
import type { Conference } from '../types/conference.types.js';
import { directoryOrganizationOrFail, refuse } from './lookups.js';

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
export const referenceYear = (conference: Conference): number =>
  conference.heldOn ? Number(conference.heldOn.slice(0, 4)) : conference.periodFrom;

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
  if (!host)
    throw forbidden(
      `Không xác định được đơn vị tổ chức "${conference.title}"; chỉ Ban TĐKT Trung ương được ${action}.`,
    );
  await requireActFor(context, host, action);
}

export async function createConference(context: CampaignsContext, input: CreateConferenceInput): Promise<Conference> {
  const code = normalizeCode(input.code);
  if (!CONFERENCE_CODE.test(code)) {
    throw badInput('Mã hội nghị gồm 2–60 ký tự: chữ in hoa không dấu, chữ số, dấu gạch dưới (ví dụ DHTT_HN_2020).', {
      field: 'input.code',
    });
  }
  const title = cleanText(input.title, { label: 'Tên hội nghị', field: 'input.title', maxLength: 500 });
  const theme = cleanOptionalText(input.theme, { label: 'Chủ đề', field: 'input.theme', maxLength: 500 });
  const source = cleanOptionalText(input.source, { label: 'Kế hoạch tổ chức', field: 'input.source', maxLength: 1000 });
  const host = await directoryOrganizationOrFail(context, input.hostCode, 'input.hostCode');
  await requireActFor(context, host, 'tổ chức hội nghị');
  const feedsInto = input.feedsIntoCode
    ? await conferenceByCodeOrFail(context, input.feedsIntoCode, 'input.feedsIntoCode')
    : null;
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
      const saved = await createStores(manager).conferences.insert({
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
      });
      await audit.recordRow('Conference', 'conference', saved.id);
      return saved;
    });
  } catch (error) {
    throw translateDatabaseError(error, {
      ...CONSTRAINT_MESSAGES,
      conference_code_key: `Mã hội nghị ${code} đã tồn tại.`,
    });
  }
}

/**
 * Validates every row of a delegate list and reports all faults at once (the officer fixes the whole
 * list in one pass): NOT_FOUND when the first fault is an unknown person or unit, else BAD_USER_INPUT.
 */
async function validDelegates(
  context: CampaignsContext,
  input: AddConferenceDelegatesInput,
  year: number,
): Promise<NewDelegate[]> {
  const problems: (ConferenceProblem & { code: string })[] = [];
  const rows = await Promise.all(
    input.delegates.map(async (delegate, index) => {
      const path = `input.delegates[${index}]`;
      try {
        const fullName = cleanText(delegate.fullName, {
          label: `Họ tên đại biểu thứ ${index + 1}`,
          field: `${path}.fullName`,
          maxLength: 200,
        });
        const ethnicity = cleanOptionalText(delegate.ethnicity, {
          label: `Dân tộc của đại biểu thứ ${index + 1}`,
          field: `${path}.ethnicity`,
          maxLength: 60,
        });
        const personId = delegate.personId ?? null;
        if (personId !== null && !isUuid(personId))
          throw badInput(`Mã cá nhân (personId) của đại biểu thứ ${index + 1} không hợp lệ.`, {
            field: `${path}.personId`,
          });
        if (personId !== null && !(await context.organizations.personById.load(personId))) {
          throw notFound(`Không tìm thấy cá nhân (personId) của đại biểu thứ ${index + 1}.`, {
            field: `${path}.personId`,
          });
        }
        const organization = delegate.organizationCode
          ? await directoryOrganizationOrFail(context, delegate.organizationCode, `${path}.organizationCode`)
          : null;
        const birthYear = delegate.birthYear ?? null;
        const found = checkDelegate(
          {
            hasPerson: personId !== null,
            hasOrganization: organization !== null,
            birthYear,
            category: delegate.category,
          },
          path,
          year,
        );
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
        problems.push({
          field: String(error.extensions['field'] ?? path),
          message: error.message,
          code: String(error.extensions['code']),
        });
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
      if (earlier !== undefined)
        problems.push({
          field: `input.delegates[${index}].${field}`,
          message: `${what} ở dòng ${index + 1} trùng với dòng ${earlier + 1}.`,
          code: 'BAD_USER_INPUT',
        });
      else seen.set(key, index);
    }
  });
  if (problems.length) {
    problems.sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true }));
    const first = problems[0]!;
    const details = { field: first.field, problems };
    throw first.code === 'NOT_FOUND'
      ? notFound(first.message, details)
      : badInput(problems.map((problem) => problem.message).join(' '), details);
  }
  return rows.map((row) => row!);
}

/** Adds delegates to the list: the whole list is written, or no row when one is wrong. */
export async function addConferenceDelegates(
  context: CampaignsContext,
  input: AddConferenceDelegatesInput,
): Promise<Conference> {
  const conference = await conferenceByCodeOrFail(context, input.conferenceCode, 'input.conferenceCode');
  await requireActForHost(context, conference, 'lập danh sách đại biểu');
  if (input.delegates.length === 0) throw badInput('Danh sách đại biểu trống.', { field: 'input.delegates' });
  if (input.delegates.length > MAX_ROWS_PER_CALL)
    throw badInput(`Mỗi lần thêm tối đa ${MAX_ROWS_PER_CALL} đại biểu.`, { field: 'input.delegates' });
  const valid = await validDelegates(context, input, referenceYear(conference));
  try {
    await auditedTransaction(context.db, context, 'addConferenceDelegates', async (manager, audit) => {
      const { conferences } = createStores(manager);
      // Serialize concurrent additions to one list (ordinals), then refuse persons or collectives
      // already on it, naming the row; the unique constraints remain the last word under any race.
      await conferences.lock(conference.id);
      const existing = await conferences.listed(
        conference.id,
        valid.flatMap((row) => (row.personId ? [row.personId] : [])),
        valid.flatMap((row) => (row.organizationId ? [row.organizationId] : [])),
      );
      if (existing.length) {
        const clash = existing[0]!;
        const index = valid.findIndex(
          (row) =>
            (row.personId !== null && row.personId === clash.person_id) ||
            (row.organizationId !== null && row.organizationId === clash.organization_id),
        );
        throw conflict(
          `Đại biểu ở dòng ${index + 1} (${valid[index]!.fullName}) đã có trong danh sách (số thứ tự ${clash.ordinal}).`,
          {
            field: `input.delegates[${index}].${clash.person_id ? 'personId' : 'organizationCode'}`,
          },
        );
      }
      const last = await conferences.lastOrdinal(conference.id);
      await conferences.appendDelegates(conference.id, valid);
      const added = await audit.snapshot('conference_delegate', null, {
        sql: 't.conference_id = $1 AND t.ordinal > $2 ORDER BY t.ordinal',
        params: [conference.id, last],
        many: true,
      });
      await audit.record({
        entityType: 'Conference',
        entityId: conference.id,
        before: null,
        after: { addedDelegates: added },
      });
    });
  } catch (error) {
    throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
  }
  context.loaders.delegatesByConferenceId.clear(conference.id);
  return conference;
}

/** Adopts the delegates who attend the higher-level conference (replacing the earlier selection). */
export async function selectDelegatesForHigherConference(
  context: CampaignsContext,
  input: SelectDelegatesForHigherConferenceInput,
): Promise<Conference> {
  const conference = await conferenceByCodeOrFail(context, input.conferenceCode, 'input.conferenceCode');
  await requireActForHost(context, conference, 'thông qua danh sách đại biểu đi dự đại hội cấp trên');
  if (!conference.feedsIntoId) {
    throw badInput(
      `"${conference.title}" chưa gắn với hội nghị, đại hội cấp trên nào (feedsInto); không có nơi để gửi đại biểu.`,
      { field: 'input.conferenceCode' },
    );
  }
  const seen = new Map<string, number>();
  input.delegateIds.forEach((id, index) => {
    if (!isUuid(id))
      throw badInput(`Mã đại biểu ở vị trí ${index + 1} không hợp lệ.`, { field: `input.delegateIds[${index}]` });
    if (seen.has(id))
      throw badInput(`Đại biểu ở vị trí ${index + 1} trùng với vị trí ${seen.get(id)! + 1}.`, {
        field: `input.delegateIds[${index}]`,
      });
    seen.set(id, index);
  });
  const target = conference.feedsIntoId;
  try {
    await auditedTransaction(context.db, context, 'selectDelegatesForHigherConference', async (manager, audit) => {
      const { conferences } = createStores(manager);
      await conferences.lock(conference.id);
      const selected = async () =>
        (
          (await audit.snapshot('conference_delegate', null, {
            sql: 't.conference_id = $1 AND t.selected_for_id IS NOT NULL ORDER BY t.ordinal',
            params: [conference.id],
            many: true,
          })) as { id: string }[]
        ).map((row) => row.id);
      const before = await selected();
      const known = new Set(await conferences.delegateIdsOn(conference.id, input.delegateIds));
      const missing = input.delegateIds.findIndex((id) => !known.has(id));
      if (missing >= 0)
        throw notFound(
          `Đại biểu ở vị trí ${missing + 1} không có trong danh sách đại biểu của "${conference.title}".`,
          { field: `input.delegateIds[${missing}]` },
        );
      await conferences.selectFor(conference.id, input.delegateIds, target);
      await audit.record({
        entityType: 'Conference',
        entityId: conference.id,
        before: { selectedDelegateIds: before, higherConferenceId: target },
        after: { selectedDelegateIds: await selected(), higherConferenceId: target },
      });
    });
  } catch (error) {
    throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
  }
  context.loaders.delegatesByConferenceId.clear(conference.id);
  return conference;
}
