/**
 * Nominations and council votes. Every step is one transaction that takes the nomination row's lock,
 * checks the state machine (rules/nomination-workflow.rule.ts), recomputes the eligibility verdict and
 * records the transition (who, when, why).
 */
import {
  auditedTransaction,
  badInput,
  checkRange,
  integerRange,
  cleanOptionalText,
  conflict,
  forbidden,
  isUuid,
  notFound,
  requireActFor,
  requireSignedIn,
  scopeReachesDescendants,
  translateDatabaseError,
  type DirectoryOrganization,
  vietnamToday,
  vietnamYear,
} from '@tdkt/subgraph-kit';
import {
  ACTION_ACTORS,
  actsAt,
  canReview,
  LEVEL_LABELS,
  returnOneLevel,
  submittedHolder,
  councilThreshold,
  councilVotePasses,
  rulesetFor,
  transition,
  type NominationAction,
  type NominationStatus as RuleStatus,
} from '../rules/index.js';
import type { AwardsContext } from '../context.js';
import { createStores } from '../store/index.js';
import { toNomination, type NominationRow, type NominationStore } from '../store/nomination.store.js';
import { SubjectKind } from '../types/award-type.types.js';
import type { CreateNominationInput, RecordCouncilVoteInput } from '../types/nomination.inputs.js';
import { CouncilVoteResult, type Nomination } from '../types/nomination.types.js';
import { computeVerdict } from './eligibility.service.js';
import {
  holderIndexOf,
  requireNotBelowHolder,
  routeOf,
  routeOfProposer,
  routingCaller,
} from './nomination-routing.service.js';

/**
 * council_vote.members_total integer CHECK (> 0), yes / no / abstain integer CHECK (>= 0): checked on
 * their fields before the vote is counted (a council has far fewer than 10 000 members).
 */
const COUNCIL_MEMBERS = integerRange('Tổng số thành viên Hội đồng', 1, 10_000);
const BALLOTS = {
  yes: integerRange('Số phiếu đồng ý', 0, 10_000),
  no: integerRange('Số phiếu không đồng ý', 0, 10_000),
  abstain: integerRange('Số phiếu không biểu quyết', 0, 10_000),
} as const;

const NOT_FOUND = 'Không tìm thấy hồ sơ đề nghị này.';

/** The nomination under its lock; a nomination that does not exist is NOT_FOUND. */
export async function lockNomination(nominations: NominationStore, id: string): Promise<NominationRow> {
  const row = await nominations.lock(id);
  if (!row) throw notFound(NOT_FOUND);
  return row;
}

/** Who made a transition: the caller's subject and organization code. */
export const actorOf = (context: AwardsContext) => ({
  subject: context.caller.subject,
  organization: context.caller.org,
});

export async function createNomination(context: AwardsContext, input: CreateNominationInput): Promise<Nomination> {
  requireSignedIn(context);
  const code = input.awardTypeCode.trim().toUpperCase();
  const awardType = await context.loaders.awardTypeByCode.load(code);
  if (!awardType)
    throw notFound(`Không có hình thức khen thưởng mã ${input.awardTypeCode}.`, { field: 'input.awardTypeCode' });
  if (!Number.isInteger(input.year) || input.year < 1945 || input.year > vietnamYear())
    throw badInput(`Năm thành tích ${input.year} không hợp lệ.`, { field: 'input.year' });
  const proposer = await context.organizations.organizationByCode.load(input.proposedByCode.trim().toUpperCase());
  if (!proposer)
    throw notFound(`Không tìm thấy đơn vị trình mã ${input.proposedByCode}.`, { field: 'input.proposedByCode' });
  await requireActFor(context, proposer, 'lập hồ sơ đề nghị');
  if ((input.personId ? 1 : 0) + (input.organizationCode ? 1 : 0) !== 1)
    throw badInput('Cần đúng một đối tượng: personId (cá nhân) hoặc organizationCode (tập thể).', { field: 'input' });
  let unit: DirectoryOrganization;
  let personId: string | null = null;
  let organizationId: string | null = null;
  let gender: string | null = null;
  if (input.personId) {
    if (!awardType.subjectKinds.includes(SubjectKind.PERSON))
      throw badInput(`${awardType.name} không tặng cho cá nhân.`, { field: 'input.personId' });
    const person = isUuid(input.personId) ? await context.organizations.personFactsById.load(input.personId) : null;
    if (!person || !person.organization)
      throw notFound('Không tìm thấy cá nhân được đề nghị.', { field: 'input.personId' });
    unit = person.organization;
    personId = person.id;
    gender = person.gender;
  } else {
    if (!awardType.subjectKinds.includes(SubjectKind.COLLECTIVE))
      throw badInput(`${awardType.name} không tặng cho tập thể.`, { field: 'input.organizationCode' });
    const organization = await context.organizations.organizationByCode.load(
      input.organizationCode!.trim().toUpperCase(),
    );
    if (!organization)
      throw notFound(`Không tìm thấy tập thể mã ${input.organizationCode}.`, { field: 'input.organizationCode' });
    unit = organization;
    organizationId = organization.id;
  }
  // A unit proposes its own people and units (Law Art 84: the managing unit proposes).
  if (unit.id !== proposer.id && !unit.ancestorIds.includes(proposer.id)) {
    throw badInput(`${proposer.name} chỉ đề nghị khen thưởng cho cá nhân, tập thể thuộc quyền quản lý.`, {
      field: 'input.proposedByCode',
    });
  }
  let blocId: string | null = null;
  if (input.blocCode) {
    const bloc = await context.organizations.blocByCode.load(input.blocCode.trim().toUpperCase());
    if (!bloc) throw notFound(`Không tìm thấy khối/cụm mã ${input.blocCode}.`, { field: 'input.blocCode' });
    blocId = bloc.id;
  }
  const movementCode = cleanOptionalText(input.movementCode, {
    label: 'Mã phong trào',
    field: 'input.movementCode',
    maxLength: 60,
  });
  const route = await routeOfProposer(context, proposer, code);
  const verdict = await computeVerdict(
    context,
    context.stores,
    { personId, organizationId },
    code,
    input.year,
    input.basis,
    blocId,
  );
  try {
    const row = await auditedTransaction(context.db, context, 'createNomination', async (manager, audit) => {
      const { nominations } = createStores(manager);
      const id = await nominations.insert({
        awardTypeCode: code,
        personId,
        organizationId,
        recipientUnitId: unit.id,
        recipientGender: gender,
        year: input.year,
        basis: input.basis,
        proposedById: proposer.id,
        blocId,
        movementCode,
        eligibility: verdict,
        createdBy: context.caller.subject,
        route,
      });
      await nominations.recordEvent(id, null, 'DRAFT', actorOf(context), null, { from: null, to: route[0]!.level });
      await audit.recordRow('Nomination', 'nomination', id);
      return lockNomination(nominations, id);
    });
    return toNomination(row);
  } catch (error) {
    throw translateDatabaseError(error, {
      nomination_open_once: `Đã có hồ sơ đề nghị ${awardType.name} năm ${input.year} cho đối tượng này đang xử lý.`,
    });
  }
}

const OPERATIONS: Partial<Record<NominationAction, string>> = {
  SUBMIT: 'submitNomination',
  RETURN: 'returnNomination',
  WITHDRAW: 'withdrawNomination',
};

/** A step of the workflow taken by the proposer (submit, withdraw) or the level above (return): ACTION_ACTORS. */
export async function moveNomination(
  context: AwardsContext,
  id: string,
  action: 'SUBMIT' | 'RETURN' | 'WITHDRAW',
  reason: string | null,
): Promise<Nomination> {
  const actor = ACTION_ACTORS[action] as 'proposer' | 'reviewer';
  requireSignedIn(context);
  if (!isUuid(id)) throw notFound(NOT_FOUND, { field: 'id' });
  const current = await context.stores.nominations.byId(id);
  if (!current) throw notFound(NOT_FOUND, { field: 'id' });
  await requireRole(context, current, actor);
  const verdict = await computeVerdict(
    context,
    context.stores,
    current,
    current.awardTypeCode,
    current.year,
    current.basis,
    current.blocId,
  );
  const route = await routeOf(context, current);
  const caller = await routingCaller(context);
  const operation = OPERATIONS[action] ?? `nomination:${action}`;
  const row = await auditedTransaction(context.db, context, operation, async (manager, audit) => {
    const { nominations } = createStores(manager);
    const locked = await lockNomination(nominations, id);
    const next = transition(locked.status as RuleStatus, action);
    if ('refused' in next) throw conflict(next.refused, { status: locked.status });
    const index = holderIndexOf(route, locked);
    const before = await audit.snapshot('nomination', id);
    // Routing: a return goes back one level; past the first receiving stop only the holder acts.
    if (action === 'RETURN' && index >= 2) {
      if (!actsAt(route[index]!, caller))
        throw forbidden(`Hồ sơ đang ở ${LEVEL_LABELS[route[index]!.level]}; chỉ cấp đang giữ hồ sơ được trả lại.`);
      const back = returnOneLevel(index).to;
      await nominations.setHolder(id, route, back);
      await nominations.recordEvent(id, locked.status, locked.status, actorOf(context), reason, {
        from: route[index]!.level,
        to: route[back]!.level,
      });
    } else {
      if (action !== 'RETURN') requireNotBelowHolder(context, route, index);
      const to = action === 'SUBMIT' ? submittedHolder(route) : action === 'RETURN' ? 0 : index;
      await nominations.setStatus(id, next.to, verdict);
      if (to !== index || !locked.route) await nominations.setHolder(id, route, to);
      await nominations.recordEvent(id, locked.status, next.to, actorOf(context), reason, {
        from: route[index]!.level,
        to: route[to]!.level,
      });
    }
    await audit.recordRow('Nomination', 'nomination', id, before);
    return lockNomination(nominations, id);
  });
  return toNomination(row);
}

export async function recordCouncilVote(
  context: AwardsContext,
  input: RecordCouncilVoteInput,
): Promise<CouncilVoteResult> {
  requireSignedIn(context);
  if (!isUuid(input.nominationId)) throw notFound(NOT_FOUND, { field: 'input.nominationId' });
  const current = await context.stores.nominations.byId(input.nominationId);
  if (!current) throw notFound(NOT_FOUND, { field: 'input.nominationId' });
  await requireRole(context, current, 'council');
  if (input.votedOn > vietnamToday())
    throw badInput('Ngày họp Hội đồng không thể ở tương lai.', { field: 'input.votedOn' });
  // ND 98/2023 Art 30(7) (kept by ND 152/2025): 90 % / 80 % of ALL council members; other forms: a majority.
  checkRange(input.membersTotal, 'input.membersTotal', COUNCIL_MEMBERS);
  for (const key of ['yes', 'no', 'abstain'] as const) checkRange(input[key], `input.${key}`, BALLOTS[key]);
  const threshold = councilThreshold(current.awardTypeCode, rulesetFor(input.votedOn)) ?? 0.5;
  const result = councilVotePasses(
    { membersTotal: input.membersTotal, yes: input.yes, no: input.no, abstain: input.abstain },
    threshold,
  );
  if (result.problems.length)
    throw badInput(result.problems.map((problem) => problem.message).join(' '), { field: 'input' });
  const verdict = await computeVerdict(
    context,
    context.stores,
    current,
    current.awardTypeCode,
    current.year,
    current.basis,
    current.blocId,
  );
  const route = await routeOf(context, current);
  const { row, vote } = await auditedTransaction(context.db, context, 'recordCouncilVote', async (manager, audit) => {
    const { nominations, councilVotes } = createStores(manager);
    const locked = await lockNomination(nominations, current.id);
    const next = transition(locked.status as RuleStatus, result.passed ? 'APPROVE' : 'REJECT');
    if ('refused' in next) throw conflict(next.refused, { status: locked.status });
    requireNotBelowHolder(context, route, holderIndexOf(route, locked));
    const before = await audit.snapshot('nomination', current.id);
    const vote = await councilVotes.insert({
      nominationId: current.id,
      membersTotal: input.membersTotal,
      yes: input.yes,
      no: input.no,
      abstain: input.abstain,
      threshold,
      passed: result.passed,
      votedOn: input.votedOn,
      recordedBy: context.caller.subject,
    });
    if (locked.status === 'SUBMITTED')
      await nominations.recordEvent(current.id, 'SUBMITTED', 'COUNCIL_REVIEW', actorOf(context), null);
    await nominations.setStatus(current.id, next.to, verdict);
    await nominations.recordEvent(
      current.id,
      'COUNCIL_REVIEW',
      next.to,
      actorOf(context),
      `Hội đồng: ${input.yes}/${input.membersTotal} đồng ý (cần ${result.required}).`,
    );
    await audit.record({
      entityType: 'Nomination',
      entityId: current.id,
      before: { nomination: before },
      after: { nomination: await audit.snapshot('nomination', current.id), councilVote: vote },
    });
    return { row: await lockNomination(nominations, current.id), vote };
  });
  return Object.assign(new CouncilVoteResult(), {
    passed: result.passed,
    threshold,
    required: result.required,
    nomination: toNomination(row),
    vote,
  });
}

/** proposer: acts for the proposing unit; reviewer/council: the rule of the workflow (canReview). */
async function requireRole(
  context: AwardsContext,
  nomination: NominationRow,
  actor: 'proposer' | 'reviewer' | 'council',
): Promise<void> {
  const proposer = await context.organizations.organizationById.load(nomination.proposedByOrganizationId);
  if (!proposer) throw notFound('Không tìm thấy đơn vị trình hồ sơ.');
  if (actor === 'proposer') return requireActFor(context, proposer, 'xử lý hồ sơ đề nghị');
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  const own = await context.callerOrganizationId();
  const verdict = canReview(actor, {
    role: context.caller.role,
    callerIsAbove: !!own && scopeReachesDescendants(context) && proposer.ancestorIds.includes(own),
    callerIsProposer: !!own && own === proposer.id,
    proposerName: proposer.name,
  });
  if (!verdict.allowed) throw forbidden(verdict.reason);
}
