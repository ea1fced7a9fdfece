/**
 * The pledge year of a bloc (giao ước thi đua): DRAFT → OPEN → SIGNED → CLOSED, signatures,
 * progress, staged scorecards, the closing ranking and the vote on the leading unit.
 *
 * Who may act (contract roles): the Central Board always; the officers of the bloc's LEAD for that year
 * create, open and close the pledge, verify scores and record the vote (HD 2746/HD-BTĐKT: the Khối
 * trưởng runs the bloc's year); each member's own officers sign, report progress and self-score for it.
 * Membership and leadership are read live from the organizations subgraph, never copied.
 */
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { auditedTransaction, badInput, cleanOptionalText, cleanText, conflict, forbidden, notFound, requireSignedIn, translateDatabaseError, type AuditRecorder } from '@tdkt/subgraph-kit';
import {
  BlocVote,
  CreatePledgeInput,
  Pledge,
  PledgeItem,
  PledgeSignature,
  PledgeStatus,
  ProgressReport,
  RankingEntry,
  RecordBlocVoteInput,
  ReportPledgeProgressInput,
  Scorecard,
  ScorecardStage,
  SignPledgeInput,
  SubmitScorecardInput,
  UpdatePledgeInput,
  PledgeItemInput,
  type PledgeRow,
} from '../types/pledge.types.js';
import { EmulationBloc, Organization, blocRef, organizationRef } from '../types/federation.types.js';
import { callerOrganization, isInCallerSubtree, requireActFor, type CampaignsContext } from '../context.js';
import type { DirectoryMember, DirectoryOrganization } from '@tdkt/subgraph-kit';
import { PLEDGE_COLUMNS, isUuid } from '../loaders/pledge.loaders.js';
import { checkPeriod, rankByTotal, scoreTotal, votePasses } from '../rules/pledge-scoring.rule.js';

const CONSTRAINTS: Record<string, string> = {
  pledge_bloc_year_key: 'Khối/cụm này đã có giao ước cho năm đó.',
  pledge_item_code_check: 'Mã tiêu chí chỉ gồm chữ in hoa không dấu, chữ số, dấu chấm, gạch (tối đa 20 ký tự).',
  pledge_item_max_score_check: 'Điểm tối đa của mỗi tiêu chí phải lớn hơn 0.',
  pledge_item_pkey: 'Hai tiêu chí trùng mã.',
};

const ITEM_CODE = /^[A-Z0-9][A-Z0-9._-]{0,19}$/;
const STAGE_BEFORE: Record<ScorecardStage, ScorecardStage | null> = { SELF: null, CROSS: ScorecardStage.SELF, VERIFIED: ScorecardStage.CROSS };

interface BlocYear {
  members: DirectoryMember[];
  lead: DirectoryMember | undefined;
  blocName: string;
}

async function loadPledge(context: CampaignsContext, id: string, field = 'id'): Promise<Pledge> {
  const pledge = isUuid(id) ? await context.loaders.pledgeById.load(id) : null;
  if (!pledge) throw notFound('Không tìm thấy giao ước này.', { field });
  return pledge;
}

async function blocYearOf(context: CampaignsContext, blocId: string, year: number): Promise<BlocYear> {
  const found = await context.organizations.blocYear(blocId, year);
  if (!found) throw notFound('Không tìm thấy khối/cụm thi đua của giao ước.');
  return { members: found.members, lead: found.members.find((member) => member.role === 'LEAD'), blocName: found.bloc.name };
}

/** The Central Board, or an ORG_OFFICER of the bloc's LEAD organization for that year. */
async function requireBlocLead(context: CampaignsContext, blocYear: BlocYear, year: number, action: string): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  const own = await callerOrganization(context);
  if (context.caller.role === 'ORG_OFFICER' && own && blocYear.lead && own.id === blocYear.lead.organization.id) return;
  const leadName = blocYear.lead ? blocYear.lead.organization.name : 'chưa có Khối trưởng';
  throw forbidden(`Chỉ Khối trưởng của ${blocYear.blocName} năm ${year} (${leadName}) hoặc Ban TĐKT Trung ương được ${action}.`);
}

async function isBlocLeadOfficer(context: CampaignsContext, blocYear: BlocYear): Promise<boolean> {
  if (context.caller.role !== 'ORG_OFFICER' || !blocYear.lead) return false;
  return (await callerOrganization(context))?.id === blocYear.lead.organization.id;
}

async function memberOrFail(context: CampaignsContext, blocYear: BlocYear, code: string, year: number, field: string): Promise<DirectoryOrganization> {
  const organization = await context.organizations.organizationByCode.load(code.trim().toUpperCase());
  if (!organization) throw notFound(`Không tìm thấy đơn vị có mã ${code}.`, { field });
  if (!blocYear.members.some((member) => member.organization.id === organization.id)) {
    throw badInput(`${organization.name} không phải thành viên của ${blocYear.blocName} năm ${year}.`, { field });
  }
  return organization;
}

/**
 * Locks the pledge row for the rest of the transaction and returns it as it is now. State changes
 * (open, sign, close, vote) take it exclusively; progress and scores take it shared, so members report
 * side by side while a close waits for them (and they for it).
 */
async function lockPledge(manager: EntityManager, id: string, mode: 'UPDATE' | 'SHARE' = 'UPDATE'): Promise<PledgeRow> {
  const [row] = (await manager.query(`SELECT ${PLEDGE_COLUMNS} FROM pledge p WHERE p.id = $1 FOR ${mode}`, [id])) as PledgeRow[];
  if (!row) throw notFound('Không tìm thấy giao ước này.');
  return row;
}

const STATUS_TEXT: Record<PledgeStatus, string> = { DRAFT: 'đang soạn', OPEN: 'đang mở ký', SIGNED: 'đã ký đủ', CLOSED: 'đã tổng kết' };

function requireStatus(pledge: PledgeRow, allowed: PledgeStatus[], action: string): void {
  if (!allowed.includes(pledge.status)) {
    throw conflict(`Giao ước năm ${pledge.year} ${STATUS_TEXT[pledge.status]}; không thể ${action}.`, { status: pledge.status });
  }
}

/** Who may see progress and scores: the Central Board and staff of the bloc's members that year. */
async function canSeeWorkingData(context: CampaignsContext, pledge: Pledge): Promise<boolean> {
  if (!context.caller.role) return false;
  if (context.caller.role === 'CENTRAL_BOARD') return true;
  const blocYear = await context.organizations.blocYear(pledge.blocId, pledge.year);
  if (!blocYear) return false;
  for (const member of blocYear.members) if (await isInCallerSubtree(context, member.organization)) return true;
  return false;
}

/**
 * A pledge still being drafted (DRAFT) is the bloc's working paper: the Central Board and staff of that
 * year's members see it; everyone else sees it once it is opened for signature.
 */
async function visiblePledge(context: CampaignsContext, pledge: Pledge | null): Promise<Pledge | null> {
  if (!pledge || pledge.status !== PledgeStatus.DRAFT) return pledge;
  return (await canSeeWorkingData(context, pledge)) ? pledge : null;
}

/** Validates and normalizes a pledge's items (codes upper-case and unique, titles NFC, max scores > 0). */
function cleanItems(input: PledgeItemInput[]) {
  if (input.length === 0) throw badInput('Giao ước cần ít nhất một nội dung.', { field: 'input.items' });
  if (input.length > 100) throw badInput('Giao ước có tối đa 100 nội dung.', { field: 'input.items' });
  const seen = new Set<string>();
  const items = input.map((item, index) => {
    const code = item.code.trim().toUpperCase();
    const field = `input.items[${index}]`;
    if (!ITEM_CODE.test(code)) throw badInput(`Mã tiêu chí "${item.code}" không hợp lệ: chữ in hoa không dấu, chữ số, dấu chấm, gạch (tối đa 20 ký tự).`, { field: `${field}.code` });
    if (seen.has(code)) throw badInput(`Hai tiêu chí trùng mã ${code}.`, { field: `${field}.code` });
    seen.add(code);
    if (!Number.isFinite(item.maxScore) || item.maxScore <= 0 || item.maxScore > 10_000) throw badInput('Điểm tối đa phải lớn hơn 0 (và không quá 10 000).', { field: `${field}.maxScore` });
    if (item.targetValue !== null && item.targetValue !== undefined && !Number.isFinite(item.targetValue)) throw badInput('Chỉ tiêu phải là một số.', { field: `${field}.targetValue` });
    return {
      code,
      title: cleanText(item.title, { label: 'Nội dung', field: `${field}.title`, maxLength: 500 }),
      unit: cleanOptionalText(item.unit, { label: 'Đơn vị tính', field: `${field}.unit`, maxLength: 40 }),
      targetValue: item.targetValue ?? null,
      maxScore: item.maxScore,
    };
  });
  return items;
}

@Resolver(() => Pledge)
export class PledgeResolver {
  // ------------------------------------------------------------------ queries

  @Query(() => Pledge, { nullable: true, description: 'Một giao ước theo id.' })
  async pledge(@Ctx() context: CampaignsContext, @Arg('id', () => ID) id: string): Promise<Pledge | null> {
    return isUuid(id) ? visiblePledge(context, await context.loaders.pledgeById.load(id)) : null;
  }

  // ------------------------------------------------------------------ fields

  @FieldResolver(() => EmulationBloc)
  bloc(@Root() pledge: Pledge): EmulationBloc {
    return blocRef(pledge.blocId);
  }

  @FieldResolver(() => [PledgeItem], { description: 'Các nội dung giao ước, theo thứ tự.' })
  items(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<PledgeItem[]> {
    return context.loaders.itemsByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => [PledgeSignature], { description: 'Các đơn vị đã ký, theo thời điểm ký.' })
  signatures(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<PledgeSignature[]> {
    return context.loaders.signaturesByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => [ProgressReport], {
    description: 'Tiến độ hiện hành của từng thành viên, tiêu chí, kỳ (lần báo cáo mới nhất). Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được.',
  })
  async progress(@Root() pledge: Pledge, @Ctx() context: CampaignsContext, @Arg('period', () => String, { nullable: true }) period?: string | null): Promise<ProgressReport[]> {
    if (!(await canSeeWorkingData(context, pledge))) return [];
    const rows = await context.loaders.currentProgressByPledgeId.load(pledge.id);
    return period ? rows.filter((row) => row.period === period) : rows;
  }

  @FieldResolver(() => [ProgressReport], { description: 'Mọi lần báo cáo và đính chính tiến độ, theo thứ tự.' })
  async progressHistory(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<ProgressReport[]> {
    if (!(await canSeeWorkingData(context, pledge))) return [];
    return context.loaders.progressHistoryByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => [Scorecard], { description: 'Phiếu chấm điểm theo thành viên và bước. Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được.' })
  async scorecards(@Root() pledge: Pledge, @Ctx() context: CampaignsContext, @Arg('stage', () => ScorecardStage, { nullable: true }) stage?: ScorecardStage | null): Promise<Scorecard[]> {
    if (!(await canSeeWorkingData(context, pledge))) return [];
    const rows = await context.loaders.scorecardsByPledgeId.load(pledge.id);
    return stage ? rows.filter((row) => row.stage === stage) : rows;
  }

  @FieldResolver(() => [RankingEntry], { description: 'Bảng xếp hạng khi tổng kết (rỗng trước khi đóng giao ước).' })
  ranking(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<RankingEntry[]> {
    return context.loaders.rankingByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => [BlocVote], { description: 'Các lần biểu quyết suy tôn đơn vị dẫn đầu.' })
  votes(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<BlocVote[]> {
    return context.loaders.votesByPledgeId.load(pledge.id);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị dẫn đầu được khối suy tôn (biểu quyết đạt gần nhất).' })
  async leadingUnit(@Root() pledge: Pledge, @Ctx() context: CampaignsContext): Promise<Organization | null> {
    const passed = (await context.loaders.votesByPledgeId.load(pledge.id)).filter((vote) => vote.passed);
    return passed.length ? organizationRef(passed[passed.length - 1]!.candidateOrganizationId) : null;
  }

  // ------------------------------------------------------------------ mutations

  @Mutation(() => Pledge, { description: 'Khối trưởng soạn giao ước của khối trong năm (trạng thái DRAFT).' })
  async createPledge(@Ctx() context: CampaignsContext, @Arg('input', () => CreatePledgeInput) input: CreatePledgeInput): Promise<Pledge> {
    requireSignedIn(context);
    if (!Number.isInteger(input.year) || input.year < 1945 || input.year > new Date().getUTCFullYear() + 1) {
      throw badInput(`Năm ${input.year} không hợp lệ.`, { field: 'input.year' });
    }
    const bloc = await context.organizations.blocByCode.load(input.blocCode.trim().toUpperCase());
    if (!bloc) throw notFound(`Không tìm thấy khối/cụm thi đua có mã ${input.blocCode}.`, { field: 'input.blocCode' });
    const blocYear = await blocYearOf(context, bloc.id, input.year);
    await requireBlocLead(context, blocYear, input.year, 'soạn giao ước');
    if (blocYear.members.length === 0) throw badInput(`${bloc.name} chưa có danh sách thành viên năm ${input.year}.`, { field: 'input.year' });
    const theme = cleanText(input.theme, { label: 'Chủ đề', field: 'input.theme', maxLength: 500 });
    const legalBasis = cleanOptionalText(input.schemeLegalBasis, { label: 'Căn cứ thang điểm', field: 'input.schemeLegalBasis', maxLength: 500 });
    const items = cleanItems(input.items);
    const bonusCap = input.bonusCap ?? 0;
    if (!Number.isFinite(bonusCap) || bonusCap < 0) throw badInput('Mức trần điểm thưởng phải là số không âm.', { field: 'input.bonusCap' });
    const threshold = input.leadingVoteThreshold ?? 0.8;
    if (!(threshold > 0 && threshold <= 1)) throw badInput('Tỷ lệ biểu quyết phải lớn hơn 0 và không quá 1.', { field: 'input.leadingVoteThreshold' });
    try {
      const id = await auditedTransaction(context.db, context, 'createPledge', async (manager, audit) => {
        const [created] = await manager.query(
          `INSERT INTO pledge (bloc_id, year, theme, bonus_cap, leading_vote_threshold, scheme_legal_basis, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [bloc.id, input.year, theme, bonusCap, threshold, legalBasis, context.caller.subject],
        );
        await manager.query(
          `INSERT INTO pledge_item (pledge_id, code, title, target_value, unit, max_score, position)
           SELECT $1, i.code, i.title, i.target_value, i.unit, i.max_score, i.position
             FROM unnest($2::text[], $3::text[], $4::numeric[], $5::text[], $6::numeric[], $7::int[]) AS i(code, title, target_value, unit, max_score, position)`,
          [created.id, items.map((i) => i.code), items.map((i) => i.title), items.map((i) => i.targetValue), items.map((i) => i.unit), items.map((i) => i.maxScore), items.map((_, index) => index + 1)],
        );
        await audit.record({ entityType: 'Pledge', entityId: created.id, before: null, after: await pledgeImage(audit, created.id) });
        return created.id as string;
      });
      return (await context.loaders.pledgeById.load(id))!;
    } catch (error) {
      throw translateDatabaseError(error, { ...CONSTRAINTS, pledge_bloc_year_key: `${bloc.name} đã có giao ước năm ${input.year}.` });
    }
  }

  @Mutation(() => Pledge, { description: 'Khối trưởng sửa giao ước khi còn DRAFT; sửa nội dung hay thang điểm làm tăng phiên bản thang điểm.' })
  async updatePledge(@Ctx() context: CampaignsContext, @Arg('input', () => UpdatePledgeInput) input: UpdatePledgeInput): Promise<Pledge> {
    const pledge = await loadPledge(context, input.id, 'input.id');
    await requireBlocLead(context, await blocYearOf(context, pledge.blocId, pledge.year), pledge.year, 'sửa giao ước');
    const theme = input.theme === null || input.theme === undefined ? null : cleanText(input.theme, { label: 'Chủ đề', field: 'input.theme', maxLength: 500 });
    const items = input.items ? cleanItems(input.items) : null;
    if (input.bonusCap !== null && input.bonusCap !== undefined && !(Number.isFinite(input.bonusCap) && input.bonusCap >= 0)) {
      throw badInput('Mức trần điểm thưởng phải là số không âm.', { field: 'input.bonusCap' });
    }
    const threshold = input.leadingVoteThreshold;
    if (threshold !== null && threshold !== undefined && !(threshold > 0 && threshold <= 1)) throw badInput('Tỷ lệ biểu quyết phải lớn hơn 0 và không quá 1.', { field: 'input.leadingVoteThreshold' });
    const legalBasis = cleanOptionalText(input.schemeLegalBasis, { label: 'Căn cứ thang điểm', field: 'input.schemeLegalBasis', maxLength: 500 });
    const schemeChanged = items !== null || (input.bonusCap !== null && input.bonusCap !== undefined);
    try {
      await auditedTransaction(context.db, context, 'updatePledge', async (manager, audit) => {
        const current = await lockPledge(manager, pledge.id);
        const before = await pledgeImage(audit, pledge.id);
        // Once opened, what members sign and are scored against is frozen.
        requireStatus(current, [PledgeStatus.DRAFT], 'sửa nội dung (đã chốt khi mở ký)');
        await manager.query(
          `UPDATE pledge SET theme = coalesce($2, theme), bonus_cap = coalesce($3, bonus_cap), leading_vote_threshold = coalesce($4, leading_vote_threshold),
                  scheme_legal_basis = coalesce($5, scheme_legal_basis), scheme_version = scheme_version + $6, version = version + 1 WHERE id = $1`,
          [pledge.id, theme, input.bonusCap ?? null, threshold ?? null, legalBasis, schemeChanged ? 1 : 0],
        );
        if (items) {
          await manager.query(`DELETE FROM pledge_item WHERE pledge_id = $1`, [pledge.id]);
          await manager.query(
            `INSERT INTO pledge_item (pledge_id, code, title, target_value, unit, max_score, position)
             SELECT $1, i.code, i.title, i.target_value, i.unit, i.max_score, i.position
               FROM unnest($2::text[], $3::text[], $4::numeric[], $5::text[], $6::numeric[], $7::int[]) AS i(code, title, target_value, unit, max_score, position)`,
            [pledge.id, items.map((i) => i.code), items.map((i) => i.title), items.map((i) => i.targetValue), items.map((i) => i.unit), items.map((i) => i.maxScore), items.map((_, index) => index + 1)],
          );
        }
        await audit.record({ entityType: 'Pledge', entityId: pledge.id, before, after: await pledgeImage(audit, pledge.id) });
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINTS);
    }
    context.loaders.itemsByPledgeId.clear(pledge.id);
    return this.reload(context, pledge.id);
  }

  @Mutation(() => Pledge, { description: 'Khối trưởng mở ký giao ước; các nội dung và thang điểm được chốt từ đây.' })
  async openPledge(@Ctx() context: CampaignsContext, @Arg('id', () => ID) id: string): Promise<Pledge> {
    const pledge = await loadPledge(context, id);
    await requireBlocLead(context, await blocYearOf(context, pledge.blocId, pledge.year), pledge.year, 'mở ký giao ước');
    await auditedTransaction(context.db, context, 'openPledge', async (manager, audit) => {
      const current = await lockPledge(manager, pledge.id);
      requireStatus(current, [PledgeStatus.DRAFT], 'mở ký');
      const before = await audit.snapshot('pledge', pledge.id);
      await manager.query(`UPDATE pledge SET status = 'OPEN', opened_at = now(), version = version + 1 WHERE id = $1`, [pledge.id]);
      await audit.recordRow('Pledge', 'pledge', pledge.id, before);
    });
    return this.reload(context, pledge.id);
  }

  @Mutation(() => PledgeSignature, { description: 'Một đơn vị thành viên ký giao ước.' })
  async signPledge(@Ctx() context: CampaignsContext, @Arg('input', () => SignPledgeInput) input: SignPledgeInput): Promise<PledgeSignature> {
    const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
    const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
    const organization = await memberOrFail(context, blocYear, input.organizationCode, pledge.year, 'input.organizationCode');
    await requireActFor(context, organization, 'ký giao ước');
    // A repeated signature is refused before queueing for the pledge's row lock (a burst of retries must
    // not hold up the members still signing); the unique key stays the last word under a race.
    const [already] = await context.db.query(`SELECT 1 FROM pledge_signature WHERE pledge_id = $1 AND organization_id = $2`, [pledge.id, organization.id]);
    if (already) throw conflict(`${organization.name} đã ký giao ước này.`, { field: 'input.organizationCode' });
    try {
      const signature = await auditedTransaction(context.db, context, 'signPledge', async (manager, audit) => {
        // The row lock serializes signatures of one pledge: the last signer sees every other one and
        // moves the pledge to SIGNED exactly once.
        const current = await lockPledge(manager, pledge.id);
        requireStatus(current, [PledgeStatus.OPEN], 'ký');
        const [inserted] = await manager.query(
          `INSERT INTO pledge_signature (pledge_id, organization_id, signed_by) VALUES ($1, $2, $3)
           ON CONFLICT (pledge_id, organization_id) DO NOTHING
           RETURNING pledge_id AS "pledgeId", organization_id AS "organizationId", signed_at AS "signedAt"`,
          [pledge.id, organization.id, context.caller.subject],
        );
        if (!inserted) throw conflict(`${organization.name} đã ký giao ước này.`, { field: 'input.organizationCode' });
        const signed: { organization_id: string }[] = await manager.query(`SELECT organization_id FROM pledge_signature WHERE pledge_id = $1`, [pledge.id]);
        const signers = new Set(signed.map((row) => row.organization_id));
        const complete = blocYear.members.every((member) => signers.has(member.organization.id));
        if (complete) {
          await manager.query(`UPDATE pledge SET status = 'SIGNED', signed_at = now(), version = version + 1 WHERE id = $1`, [pledge.id]);
        }
        await audit.record({
          entityType: 'PledgeSignature',
          entityId: `${pledge.id}/${organization.id}`,
          before: { pledgeStatus: current.status },
          after: { signature: inserted, pledgeStatus: complete ? PledgeStatus.SIGNED : current.status },
        });
        return Object.assign(new PledgeSignature(), inserted);
      });
      context.loaders.pledgeById.clear(pledge.id);
      return signature;
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  @Mutation(() => ProgressReport, { description: 'Báo cáo (hoặc đính chính) tiến độ một nội dung trong một kỳ; lần trước được giữ trong lịch sử.' })
  async reportPledgeProgress(@Ctx() context: CampaignsContext, @Arg('input', () => ReportPledgeProgressInput) input: ReportPledgeProgressInput): Promise<ProgressReport> {
    const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
    const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
    const organization = await memberOrFail(context, blocYear, input.organizationCode, pledge.year, 'input.organizationCode');
    if (!(await isBlocLeadOfficer(context, blocYear))) await requireActFor(context, organization, 'báo cáo tiến độ');
    const periodProblem = checkPeriod(input.period, pledge.year);
    if (periodProblem) throw badInput(periodProblem, { field: 'input.period' });
    if (!Number.isFinite(input.value)) throw badInput('Giá trị tiến độ phải là một số.', { field: 'input.value' });
    const itemCode = input.itemCode.trim().toUpperCase();
    const items = await context.loaders.itemsByPledgeId.load(pledge.id);
    if (!items.some((item) => item.code === itemCode)) throw notFound(`Giao ước không có nội dung ${input.itemCode}.`, { field: 'input.itemCode' });
    const note = cleanOptionalText(input.note, { label: 'Ghi chú', field: 'input.note', maxLength: 2000, multiline: true });
    try {
      return await auditedTransaction(context.db, context, 'reportPledgeProgress', async (manager, audit) => {
        const current = await lockPledge(manager, pledge.id, 'SHARE');
        requireStatus(current, [PledgeStatus.OPEN, PledgeStatus.SIGNED], 'báo cáo tiến độ');
        const before = await audit.snapshot('progress_report', null, {
          sql: 't.pledge_id = $1 AND t.organization_id = $2 AND t.item_code = $3 AND t.period = $4 ORDER BY t.revision DESC',
          params: [pledge.id, organization.id, itemCode, input.period],
        });
        const [row] = await manager.query(
          `INSERT INTO progress_report (pledge_id, organization_id, item_code, period, revision, value, note, reported_by)
           SELECT $1, $2, $3, $4, coalesce(max(revision), 0) + 1, $5, $6, $7
             FROM progress_report WHERE pledge_id = $1 AND organization_id = $2 AND item_code = $3 AND period = $4
           RETURNING pledge_id AS "pledgeId", organization_id AS "organizationId", item_code AS "itemCode", period, revision,
                     value::float8 AS value, note, reported_at AS "reportedAt"`,
          [pledge.id, organization.id, itemCode, input.period, input.value, note, context.caller.subject],
        );
        await audit.record({ entityType: 'ProgressReport', entityId: `${pledge.id}/${organization.id}/${itemCode}/${input.period}`, before, after: row });
        return Object.assign(new ProgressReport(), row);
      });
    } catch (error) {
      throw translateDatabaseError(error, { progress_report_pkey: 'Tiến độ này vừa được báo cáo đồng thời; vui lòng gửi lại.' });
    }
  }

  @Mutation(() => Scorecard, { description: 'Nộp phiếu chấm điểm: tự chấm (đơn vị), chấm chéo (thành viên khác), thẩm định (Khối trưởng).' })
  async submitScorecard(@Ctx() context: CampaignsContext, @Arg('input', () => SubmitScorecardInput) input: SubmitScorecardInput): Promise<Scorecard> {
    const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
    const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
    const organization = await memberOrFail(context, blocYear, input.organizationCode, pledge.year, 'input.organizationCode');
    let scorerId: string | null = null;
    if (input.stage === ScorecardStage.SELF) {
      await requireActFor(context, organization, 'tự chấm điểm');
      scorerId = organization.id;
    } else if (input.stage === ScorecardStage.CROSS) {
      // Cross-scoring (chấm chéo) is done by another member of the bloc, or by the lead.
      requireSignedIn(context);
      const own = await callerOrganization(context);
      const scorer = blocYear.members.find((member) => member.organization.id === own?.id);
      if (context.caller.role !== 'CENTRAL_BOARD') {
        if (context.caller.role !== 'ORG_OFFICER' || !scorer) throw forbidden(`Chỉ cán bộ của một đơn vị thành viên khác trong ${blocYear.blocName} được chấm chéo.`);
        if (scorer.organization.id === organization.id) throw forbidden('Một đơn vị không tự chấm chéo cho mình.');
      }
      scorerId = own?.id ?? null;
    } else {
      await requireBlocLead(context, blocYear, pledge.year, 'thẩm định điểm');
      scorerId = blocYear.lead?.organization.id ?? null;
    }
    const items = await context.loaders.itemsByPledgeId.load(pledge.id);
    const scores = input.scores.map((score) => ({ itemCode: score.itemCode.trim().toUpperCase(), points: score.points }));
    const verdict = scoreTotal(items, scores, input.bonus ?? 0, input.penalty ?? 0, pledge.bonusCap);
    if (verdict.problems.length) throw badInput(verdict.problems.map((problem) => problem.message).join(' '), { field: verdict.problems[0]!.field, problems: verdict.problems });
    try {
      await auditedTransaction(context.db, context, 'submitScorecard', async (manager, audit) => {
        const current = await lockPledge(manager, pledge.id, 'SHARE');
        requireStatus(current, [PledgeStatus.OPEN, PledgeStatus.SIGNED], 'chấm điểm');
        const card = [pledge.id, organization.id, input.stage];
        const cardImage = async () => ({
          scorecard: await audit.snapshot('scorecard', null, { sql: 't.pledge_id = $1 AND t.organization_id = $2 AND t.stage = $3', params: card }),
          items: await audit.snapshot('scorecard_item', null, { sql: 't.pledge_id = $1 AND t.organization_id = $2 AND t.stage = $3', params: card, many: true }),
        });
        const beforeImage = await cardImage();
        const before = STAGE_BEFORE[input.stage];
        if (before) {
          const [earlier] = await manager.query(`SELECT 1 FROM scorecard WHERE pledge_id = $1 AND organization_id = $2 AND stage = $3`, [pledge.id, organization.id, before]);
          if (!earlier) throw conflict(`Chưa có phiếu ${before === ScorecardStage.SELF ? 'tự chấm' : 'chấm chéo'} của ${organization.name}; hãy chấm theo thứ tự tự chấm → chấm chéo → thẩm định.`);
        }
        await manager.query(`DELETE FROM scorecard WHERE pledge_id = $1 AND organization_id = $2 AND stage = $3`, [pledge.id, organization.id, input.stage]);
        await manager.query(
          `INSERT INTO scorecard (pledge_id, organization_id, stage, bonus, penalty, total_score, scheme_version, scored_by_organization_id, submitted_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
          [pledge.id, organization.id, input.stage, input.bonus ?? 0, input.penalty ?? 0, verdict.total, current.schemeVersion, scorerId, context.caller.subject],
        );
        await manager.query(
          `INSERT INTO scorecard_item (pledge_id, organization_id, stage, item_code, points)
           SELECT $1, $2, $3, unnest($4::text[]), unnest($5::numeric[])`,
          [pledge.id, organization.id, input.stage, scores.map((score) => score.itemCode), scores.map((score) => score.points)],
        );
        await audit.record({
          entityType: 'Scorecard',
          entityId: `${pledge.id}/${organization.id}/${input.stage}`,
          before: beforeImage.scorecard ? beforeImage : null,
          after: await cardImage(),
        });
      });
    } catch (error) {
      throw translateDatabaseError(error, { scorecard_pkey: 'Phiếu chấm này vừa được nộp đồng thời; vui lòng thử lại.' });
    }
    context.loaders.scorecardsByPledgeId.clear(pledge.id);
    const cards = await context.loaders.scorecardsByPledgeId.load(pledge.id);
    return cards.find((card) => card.organizationId === organization.id && card.stage === input.stage)!;
  }

  @Mutation(() => Pledge, { description: 'Khối trưởng tổng kết giao ước: xếp hạng theo điểm thẩm định của mọi thành viên.' })
  async closePledge(@Ctx() context: CampaignsContext, @Arg('id', () => ID) id: string): Promise<Pledge> {
    const pledge = await loadPledge(context, id);
    const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
    await requireBlocLead(context, blocYear, pledge.year, 'tổng kết giao ước');
    await auditedTransaction(context.db, context, 'closePledge', async (manager, audit) => {
      const current = await lockPledge(manager, pledge.id);
      requireStatus(current, [PledgeStatus.SIGNED], 'tổng kết (cần mọi thành viên đã ký)');
      const before = await audit.snapshot('pledge', pledge.id);
      const verified: { organizationId: string; total: number }[] = await manager.query(
        `SELECT organization_id AS "organizationId", total_score::float8 AS total FROM scorecard WHERE pledge_id = $1 AND stage = 'VERIFIED'`,
        [pledge.id],
      );
      const have = new Set(verified.map((row) => row.organizationId));
      const missing = blocYear.members.filter((member) => !have.has(member.organization.id)).map((member) => member.organization.name);
      if (missing.length) throw conflict(`Chưa thẩm định điểm của: ${missing.join(', ')}.`, { missing });
      const ranking = rankByTotal(verified.filter((row) => blocYear.members.some((member) => member.organization.id === row.organizationId)));
      await manager.query(
        `INSERT INTO pledge_ranking (pledge_id, organization_id, rank, total_score) SELECT $1, unnest($2::uuid[]), unnest($3::int[]), unnest($4::numeric[])`,
        [pledge.id, ranking.map((entry) => entry.organizationId), ranking.map((entry) => entry.rank), ranking.map((entry) => entry.total)],
      );
      await manager.query(`UPDATE pledge SET status = 'CLOSED', closed_at = now(), version = version + 1 WHERE id = $1`, [pledge.id]);
      await audit.record({ entityType: 'Pledge', entityId: pledge.id, before, after: { pledge: await audit.snapshot('pledge', pledge.id), ranking } });
    });
    return this.reload(context, pledge.id);
  }

  @Mutation(() => BlocVote, { description: 'Ghi kết quả biểu quyết của khối suy tôn đơn vị dẫn đầu (sau khi tổng kết).' })
  async recordBlocVote(@Ctx() context: CampaignsContext, @Arg('input', () => RecordBlocVoteInput) input: RecordBlocVoteInput): Promise<BlocVote> {
    const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
    const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
    await requireBlocLead(context, blocYear, pledge.year, 'ghi biểu quyết suy tôn');
    const candidate = await memberOrFail(context, blocYear, input.candidateOrganizationCode, pledge.year, 'input.candidateOrganizationCode');
    const verdict = votePasses({ membersTotal: blocYear.members.length, yes: input.yes, no: input.no, abstain: input.abstain, threshold: pledge.leadingVoteThreshold });
    if (verdict.problems.length) throw badInput(verdict.problems.map((problem) => problem.message).join(' '), { field: verdict.problems[0]!.field });
    const vote = await auditedTransaction(context.db, context, 'recordBlocVote', async (manager, audit) => {
      const current = await lockPledge(manager, pledge.id);
      requireStatus(current, [PledgeStatus.CLOSED], 'biểu quyết suy tôn (cần tổng kết trước)');
      const [row] = await manager.query(
        `INSERT INTO bloc_vote (pledge_id, candidate_organization_id, members_total, yes, no, abstain, threshold, passed, voted_on, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING id, pledge_id AS "pledgeId", candidate_organization_id AS "candidateOrganizationId", members_total AS "membersTotal",
                   yes, no, abstain, threshold::float8 AS threshold, passed, voted_on::text AS "votedOn"`,
        [pledge.id, candidate.id, blocYear.members.length, input.yes, input.no, input.abstain, pledge.leadingVoteThreshold, verdict.passed, input.votedOn, context.caller.subject],
      );
      await audit.recordRow('BlocVote', 'bloc_vote', row.id);
      return Object.assign(new BlocVote(), row);
    });
    context.loaders.votesByPledgeId.clear(pledge.id);
    return vote;
  }

  private async reload(context: CampaignsContext, id: string): Promise<Pledge> {
    context.loaders.pledgeById.clear(id);
    return (await context.loaders.pledgeById.load(id))!;
  }
}

@Resolver(() => PledgeSignature)
export class PledgeSignatureResolver {
  @FieldResolver(() => Organization)
  organization(@Root() signature: PledgeSignature): Organization {
    return organizationRef(signature.organizationId);
  }

  @FieldResolver(() => Pledge, { nullable: true })
  pledge(@Root() signature: PledgeSignature, @Ctx() context: CampaignsContext): Promise<Pledge | null> {
    return context.loaders.pledgeById.load(signature.pledgeId);
  }
}

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => PledgeItem, { nullable: true })
  async item(@Root() report: ProgressReport, @Ctx() context: CampaignsContext): Promise<PledgeItem | null> {
    return (await context.loaders.itemsByPledgeId.load(report.pledgeId)).find((item) => item.code === report.itemCode) ?? null;
  }

  @FieldResolver(() => Organization)
  organization(@Root() report: ProgressReport): Organization {
    return organizationRef(report.organizationId);
  }
}

@Resolver(() => Scorecard)
export class ScorecardResolver {
  @FieldResolver(() => Organization)
  organization(@Root() card: Scorecard): Organization {
    return organizationRef(card.organizationId);
  }
}

@Resolver(() => RankingEntry)
export class RankingEntryResolver {
  @FieldResolver(() => Organization)
  organization(@Root() entry: RankingEntry): Organization {
    return organizationRef(entry.organizationId);
  }
}

@Resolver(() => BlocVote)
export class BlocVoteResolver {
  @FieldResolver(() => Organization)
  candidate(@Root() vote: BlocVote): Organization {
    return organizationRef(vote.candidateOrganizationId);
  }
}

/** Fields campaigns adds to the organizations subgraph's EmulationBloc. */
@Resolver(() => EmulationBloc)
export class BlocPledgesResolver {
  @FieldResolver(() => Pledge, { nullable: true, description: 'Giao ước của khối trong năm.' })
  async pledge(@Root() bloc: EmulationBloc, @Ctx() context: CampaignsContext, @Arg('year', () => Int) year: number): Promise<Pledge | null> {
    return visiblePledge(context, await context.loaders.pledgeByBlocYear.load(bloc.id, year));
  }

  @FieldResolver(() => [Pledge], { nullable: true, description: 'Mọi giao ước của khối, năm gần nhất trước.' })
  async pledges(@Root() bloc: EmulationBloc, @Ctx() context: CampaignsContext): Promise<Pledge[]> {
    const pledges = await Promise.all((await context.loaders.pledgesByBlocId.load(bloc.id)).map((pledge) => visiblePledge(context, pledge)));
    return pledges.filter((pledge): pledge is Pledge => pledge !== null);
  }
}

/** Fields campaigns adds to the organizations subgraph's Organization. */
@Resolver(() => Organization)
export class OrganizationPledgesResolver {
  @FieldResolver(() => [PledgeSignature], { nullable: true, description: 'Các giao ước đơn vị đã ký trong năm.' })
  pledgeSignatures(@Root() organization: Organization, @Ctx() context: CampaignsContext, @Arg('year', () => Int) year: number): Promise<PledgeSignature[]> {
    return context.loaders.signaturesByOrganizationYear.load(organization.id, year);
  }
}

export const PLEDGE_RESOLVERS = [
  PledgeResolver,
  PledgeSignatureResolver,
  ProgressReportResolver,
  ScorecardResolver,
  RankingEntryResolver,
  BlocVoteResolver,
  BlocPledgesResolver,
  OrganizationPledgesResolver,
];


/** What the audit log keeps of a pledge: the row and its items. */
async function pledgeImage(audit: AuditRecorder, id: string): Promise<unknown> {
  return {
    pledge: await audit.snapshot('pledge', id),
    items: await audit.snapshot('pledge_item', null, { sql: 't.pledge_id = $1 ORDER BY t.position', params: [id], many: true }),
  };
}
