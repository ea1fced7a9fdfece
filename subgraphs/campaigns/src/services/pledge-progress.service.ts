/**
 * What members write against an open pledge: progress reports (a correction is a new revision, the
 * earlier ones stay) and staged scorecards — self-scoring (tự chấm) by the member, cross-scoring (chấm
 * chéo) by another member, verification (thẩm định) by the bloc's lead (the lead's own card by its
 * deputy, else by the bloc's organizer), in that order. Both take the pledge row's lock shared, so
 * members write side by side while a close waits for them.
 */
import {
  auditedTransaction,
  badInput,
  checkRange,
  cleanOptionalText,
  conflict,
  forbidden,
  notFound,
  requireSignedIn,
  translateDatabaseError,
  type DirectoryOrganization,
} from '@tdkt/subgraph-kit';
import { callerOrganization, isInCallerSubtree, requireActFor, type CampaignsContext } from '../context.js';
import { checkPeriod, checkProgressValue, scoreTotal } from '../rules/pledge-scoring.rule.js';
import { crossScoreAssignments } from '../rules/pledge-duties.rule.js';
import { verifierOf } from '../rules/pledge-verification.rule.js';
import { canReportProgress, canSubmitScorecard } from '../rules/pledge-workflow.rule.js';
import { createStores } from '../store/index.js';
import type { ReportPledgeProgressInput, SubmitScorecardInput } from '../types/pledge.inputs.js';
import { ScorecardStage, type ProgressReport, type Scorecard } from '../types/pledge.types.js';
import {
  blocYearOf,
  isBlocLeadOfficer,
  loadPledge,
  requireMember,
  unitOrFail,
  type BlocYear,
} from './pledge-access.js';
import { RANGES } from './input-ranges.js';
import { CENTRAL_BLOC_ORGANIZER } from './lookups.js';
import { lockPledgeFor } from './pledge.service.js';
import { crossShiftOf } from './pledge-duties.service.js';

/** The stage whose scorecard must exist before this one is submitted. */
const STAGE_BEFORE: Record<ScorecardStage, ScorecardStage | null> = {
  SELF: null,
  CROSS: ScorecardStage.SELF,
  VERIFIED: ScorecardStage.CROSS,
};

/** A member (or the bloc's lead for it) reports, or corrects, its figure for an item in a period. */
export async function reportPledgeProgress(
  context: CampaignsContext,
  input: ReportPledgeProgressInput,
): Promise<ProgressReport> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
  const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
  // Who may act first: a stranger learns nothing about the bloc's members, items or the pledge's state.
  const organization = await unitOrFail(context, input.organizationCode, 'input.organizationCode');
  if (!(await isBlocLeadOfficer(context, blocYear))) await requireActFor(context, organization, 'báo cáo tiến độ');
  requireMember(blocYear, organization, pledge.year, 'input.organizationCode');
  const periodProblem = checkPeriod(input.period, pledge.year);
  if (periodProblem) throw badInput(periodProblem, { field: 'input.period' });
  checkRange(input.value, 'input.value', RANGES.progressValue);
  const itemCode = input.itemCode.trim().toUpperCase();
  const items = await context.loaders.itemsByPledgeId.load(pledge.id);
  const item = items.find((candidate) => candidate.code === itemCode);
  if (!item) throw notFound(`Giao ước không có nội dung ${input.itemCode}.`, { field: 'input.itemCode' });
  const valueProblem = checkProgressValue(input.value, item);
  if (valueProblem) throw badInput(valueProblem, { field: 'input.value' });
  const note = cleanOptionalText(input.note, {
    label: 'Ghi chú',
    field: 'input.note',
    maxLength: 2000,
    multiline: true,
  });
  try {
    return await auditedTransaction(context.db, context, 'reportPledgeProgress', async (manager, audit) => {
      await lockPledgeFor(manager, pledge.id, 'SHARE', (current) => canReportProgress(current.status, current.year));
      const before = await audit.snapshot('progress_report', null, {
        sql: 't.pledge_id = $1 AND t.organization_id = $2 AND t.item_code = $3 AND t.period = $4 ORDER BY t.revision DESC',
        params: [pledge.id, organization.id, itemCode, input.period],
      });
      const row = await createStores(manager).pledgeProgress.insertProgress({
        pledgeId: pledge.id,
        organizationId: organization.id,
        itemCode,
        period: input.period,
        value: input.value,
        note,
        reportedBy: context.caller.subject,
      });
      await audit.record({
        entityType: 'ProgressReport',
        entityId: `${pledge.id}/${organization.id}/${itemCode}/${input.period}`,
        before,
        after: row,
      });
      return row;
    });
  } catch (error) {
    throw translateDatabaseError(error, {
      progress_report_pkey: 'Tiến độ này vừa được báo cáo đồng thời; vui lòng gửi lại.',
    });
  }
}

/** Who scores at `stage` for `organization`, or a refusal: the member itself, another member, the verifier. */
async function scorerFor(
  context: CampaignsContext,
  blocYear: BlocYear,
  organization: DirectoryOrganization,
  stage: ScorecardStage,
  pledgeId: string,
): Promise<string | null> {
  if (stage === ScorecardStage.SELF) {
    await requireActFor(context, organization, 'tự chấm điểm');
    return organization.id;
  }
  requireSignedIn(context);
  const own = await callerOrganization(context);
  if (stage === ScorecardStage.CROSS) {
    // Cross-scoring (chấm chéo) is done by the member the bloc's rotation assigns (rules/pledge-duties.rule.ts).
    const scorer = blocYear.members.find((member) => member.organization.id === own?.id);
    if (context.caller.role !== 'CENTRAL_BOARD') {
      if (context.caller.role !== 'ORG_OFFICER' || !scorer)
        throw forbidden(`Chỉ cán bộ của một đơn vị thành viên khác trong ${blocYear.blocName} được chấm chéo.`);
      if (scorer.organization.id === organization.id) throw forbidden('Một đơn vị không tự chấm chéo cho mình.');
      const assignments = crossScoreAssignments(
        blocYear.members.map((member) => member.organization.id),
        await crossShiftOf(context, pledgeId),
      );
      const assigned = assignments.find((entry) => entry.subjectId === organization.id)?.scorerId;
      if (assigned && assigned !== scorer.organization.id) {
        const name = blocYear.members.find((member) => member.organization.id === assigned)?.organization.name;
        throw forbidden(
          `Theo phân công chấm chéo của ${blocYear.blocName}, ${organization.name} do ${name} chấm chéo; Khối trưởng đổi phân công nếu cần.`,
        );
      }
    }
    return own?.id ?? null;
  }
  return requireVerifier(context, blocYear, organization, own);
}

/**
 * Verification (thẩm định) by the one rules/pledge-verification.rule.ts names: the lead for the members,
 * the deputy (else the bloc's organizer) for the lead; the Central Board may always. Returns the
 * verifying organization's id.
 */
async function requireVerifier(
  context: CampaignsContext,
  blocYear: BlocYear,
  organization: DirectoryOrganization,
  own: DirectoryOrganization | null,
): Promise<string | null> {
  const role = blocYear.members.find((member) => member.organization.id === organization.id)?.role;
  const verifier = verifierOf(role, { hasLead: !!blocYear.lead, hasDeputy: blocYear.deputies.length > 0 });
  const organizer = await context.organizations.organizationById.load(blocYear.organizerId);
  const centralBloc = organizer?.code === CENTRAL_BLOC_ORGANIZER;
  const whose = `Phiếu chấm của ${organization.name}${role === 'LEAD' ? ` (Khối trưởng ${blocYear.blocName})` : ''}`;
  const must =
    verifier === 'LEAD'
      ? `${whose} do Khối trưởng (${blocYear.lead!.organization.name}) hoặc Ban TĐKT Trung ương thẩm định.`
      : verifier === 'DEPUTY'
        ? `${whose} do Khối phó (${blocYear.deputies.map((deputy) => deputy.organization.name).join(', ')}) hoặc Ban TĐKT Trung ương thẩm định; không đơn vị nào tự thẩm định phiếu của mình.`
        : centralBloc || !organizer
          ? `${whose} do Ban TĐKT Trung ương, đơn vị tổ chức khối, thẩm định (năm nay khối không có Khối phó).`
          : `${whose} do ${organizer.name}, đơn vị tổ chức khối, hoặc Ban TĐKT Trung ương thẩm định (năm nay khối không có Khối phó).`;
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD')
    return verifier === 'ORGANIZER' ? blocYear.organizerId : (own?.id ?? null);
  if (context.caller.role !== 'ORG_OFFICER' || !own) throw forbidden(must);
  // Nobody verifies the card of its own unit, nor of a unit under it.
  if (await isInCallerSubtree(context, organization)) throw forbidden(must);
  if (verifier === 'LEAD' && own.id === blocYear.lead!.organization.id) return own.id;
  if (verifier === 'DEPUTY' && blocYear.deputies.some((deputy) => deputy.organization.id === own.id)) return own.id;
  if (verifier === 'ORGANIZER' && organizer && !centralBloc && (await isInCallerSubtree(context, organizer)))
    return organizer.id;
  throw forbidden(must);
}

/** Submits (or replaces) a member's scorecard of one stage; stages go self → cross → verified. */
export async function submitScorecard(context: CampaignsContext, input: SubmitScorecardInput): Promise<Scorecard> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
  const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
  // Who may score first: a stranger learns nothing about the bloc's members or the pledge's state.
  const organization = await unitOrFail(context, input.organizationCode, 'input.organizationCode');
  const scorerId = await scorerFor(context, blocYear, organization, input.stage, pledge.id);
  requireMember(blocYear, organization, pledge.year, 'input.organizationCode');
  input.scores.forEach((score, index) => checkRange(score.points, `input.scores[${index}].points`, RANGES.points));
  checkRange(input.bonus, 'input.bonus', RANGES.bonus);
  checkRange(input.penalty, 'input.penalty', RANGES.penalty);
  const items = await context.loaders.itemsByPledgeId.load(pledge.id);
  const scores = input.scores.map((score, index) => ({
    itemCode: score.itemCode.trim().toUpperCase(),
    points: score.points,
    // A short reason per item (the evidence the bloc verifies a self-score against); optional for the API.
    justification: cleanOptionalText(score.justification, {
      label: `Giải trình tiêu chí ${score.itemCode}`,
      field: `input.scores[${index}].justification`,
      maxLength: 1000,
      multiline: true,
    }),
  }));
  const verdict = scoreTotal(items, scores, input.bonus ?? 0, input.penalty ?? 0, pledge.bonusCap);
  if (verdict.problems.length)
    throw badInput(verdict.problems.map((problem) => problem.message).join(' '), {
      field: verdict.problems[0]!.field,
      problems: verdict.problems,
    });
  try {
    await auditedTransaction(context.db, context, 'submitScorecard', async (manager, audit) => {
      const { pledgeProgress } = createStores(manager);
      const current = await lockPledgeFor(manager, pledge.id, 'SHARE', (now) =>
        canSubmitScorecard(now.status, now.year),
      );
      const card = [pledge.id, organization.id, input.stage];
      const cardImage = async () => ({
        scorecard: await audit.snapshot('scorecard', null, {
          sql: 't.pledge_id = $1 AND t.organization_id = $2 AND t.stage = $3',
          params: card,
        }),
        items: await audit.snapshot('scorecard_item', null, {
          sql: 't.pledge_id = $1 AND t.organization_id = $2 AND t.stage = $3',
          params: card,
          many: true,
        }),
      });
      const beforeImage = await cardImage();
      const before = STAGE_BEFORE[input.stage];
      if (before && !(await pledgeProgress.scorecardExists(pledge.id, organization.id, before))) {
        throw conflict(
          `Chưa có phiếu ${before === ScorecardStage.SELF ? 'tự chấm' : 'chấm chéo'} của ${organization.name}; hãy chấm theo thứ tự tự chấm → chấm chéo → thẩm định.`,
        );
      }
      // A verified score stands on the cards under it: once the verifying unit has signed off, the
      // self-score and the cross-score are the record it verified, and changing them would leave a
      // verified total that no longer matches. Only a new verification replaces a verified card.
      if (
        input.stage !== ScorecardStage.VERIFIED &&
        (await pledgeProgress.scorecardExists(pledge.id, organization.id, ScorecardStage.VERIFIED))
      ) {
        throw conflict(
          `Điểm của ${organization.name} đã được thẩm định; phiếu ${input.stage === ScorecardStage.SELF ? 'tự chấm' : 'chấm chéo'} không sửa được nữa. Nếu cần điều chỉnh, đơn vị thẩm định chấm lại phiếu thẩm định.`,
          { field: 'input.stage' },
        );
      }
      await pledgeProgress.replaceScorecard({
        pledgeId: pledge.id,
        organizationId: organization.id,
        stage: input.stage,
        bonus: input.bonus ?? 0,
        penalty: input.penalty ?? 0,
        totalScore: verdict.total,
        schemeVersion: current.schemeVersion,
        scoredByOrganizationId: scorerId,
        submittedBy: context.caller.subject,
        scores,
      });
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
