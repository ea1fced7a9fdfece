/**
 * The bloc's vote acclaiming its leading unit (suy tôn đơn vị dẫn đầu) and its annulment. At most one
 * vote stands per pledge (rules/bloc-vote.rule.ts; the unique index bloc_vote_standing_key settles
 * races): the lead records another vote only after a failed one, and only the Central Board undoes a
 * passed one — by annulment, with its reason, kept on the vote and in the audit log.
 */
import {
  auditedTransaction,
  badInput,
  cleanText,
  conflict,
  forbidden,
  isUuid,
  notFound,
  requireSignedIn,
  translateDatabaseError,
  vietnamToday,
} from '@tdkt/subgraph-kit';
import type { CampaignsContext } from '../context.js';
import { canRecordAnotherVote, checkAnnulment, checkVoteDate } from '../rules/bloc-vote.rule.js';
import { votePasses } from '../rules/pledge-scoring.rule.js';
import { canRecordVote } from '../rules/pledge-workflow.rule.js';
import { createStores } from '../store/index.js';
import type { AnnulBlocVoteInput, RecordBlocVoteInput } from '../types/pledge.inputs.js';
import type { BlocVote } from '../types/pledge.types.js';
import { blocYearOf, loadPledge, memberOrFail, requireBlocLead } from './pledge-access.js';
import { lockPledgeFor } from './pledge.service.js';

const CONSTRAINTS: Record<string, string> = {
  bloc_vote_standing_key:
    'Khối vừa ghi một kết quả suy tôn đạt cho giao ước này; chỉ biểu quyết lại sau khi Ban TĐKT Trung ương hủy kết quả đó.',
};

/** The bloc's vote on acclaiming a member as the leading unit, after the year is closed. */
export async function recordBlocVote(context: CampaignsContext, input: RecordBlocVoteInput): Promise<BlocVote> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
  const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
  await requireBlocLead(context, blocYear, pledge.year, 'ghi biểu quyết suy tôn');
  const candidate = await memberOrFail(
    context,
    blocYear,
    input.candidateOrganizationCode,
    pledge.year,
    'input.candidateOrganizationCode',
  );
  const verdict = votePasses({
    membersTotal: blocYear.members.length,
    yes: input.yes,
    no: input.no,
    abstain: input.abstain,
    threshold: pledge.leadingVoteThreshold,
  });
  if (verdict.problems.length)
    throw badInput(verdict.problems.map((problem) => problem.message).join(' '), { field: verdict.problems[0]!.field });
  let vote: BlocVote;
  try {
    vote = await auditedTransaction(context.db, context, 'recordBlocVote', async (manager, audit) => {
      const { pledges } = createStores(manager);
      // The pledge's row lock serializes votes of one pledge: the second sees the first.
      const current = await lockPledgeFor(manager, pledge.id, 'UPDATE', (now) => canRecordVote(now.status, now.year));
      // Calendar days in Việt Nam: a vote recorded at 06:00 there is still "yesterday" in UTC.
      const dateProblem = checkVoteDate(
        input.votedOn,
        current.closedAt ? vietnamToday(current.closedAt) : null,
        vietnamToday(),
      );
      if (dateProblem) throw badInput(dateProblem.message, { field: dateProblem.field });
      const standing = canRecordAnotherVote(await pledges.votesOf([pledge.id]), pledge.year);
      if (standing) throw conflict(standing, { field: 'input.pledgeId' });
      const row = await pledges.insertVote({
        pledgeId: pledge.id,
        candidateOrganizationId: candidate.id,
        membersTotal: blocYear.members.length,
        yes: input.yes,
        no: input.no,
        abstain: input.abstain,
        threshold: pledge.leadingVoteThreshold,
        passed: verdict.passed,
        votedOn: input.votedOn,
        recordedBy: context.caller.subject,
      });
      await audit.recordRow('BlocVote', 'bloc_vote', row.id);
      return row;
    });
  } catch (error) {
    throw translateDatabaseError(error, CONSTRAINTS);
  }
  context.loaders.votesByPledgeId.clear(pledge.id);
  return vote;
}

/**
 * The Central Board annuls a passed vote (e.g. a ballot found irregular), with its reason: the vote
 * stays in the history, marked annulled, and the pledge has no leading unit until a new vote passes.
 */
export async function annulBlocVote(context: CampaignsContext, input: AnnulBlocVoteInput): Promise<BlocVote> {
  requireSignedIn(context);
  if (context.caller.role !== 'CENTRAL_BOARD')
    throw forbidden('Chỉ Ban TĐKT Trung ương được hủy kết quả biểu quyết suy tôn đơn vị dẫn đầu.');
  const reason = cleanText(input.reason, {
    label: 'Lý do hủy',
    field: 'input.reason',
    maxLength: 2000,
    multiline: true,
  });
  const found = isUuid(input.voteId) ? await context.stores.pledges.voteById(input.voteId.toLowerCase()) : null;
  if (!found) throw notFound('Không tìm thấy kết quả biểu quyết này.', { field: 'input.voteId' });
  await auditedTransaction(context.db, context, 'annulBlocVote', async (manager, audit) => {
    const { pledges } = createStores(manager);
    // The pledge's lock first, as recordBlocVote takes it: an annulment and a new vote never interleave.
    await pledges.lock(found.pledgeId, 'UPDATE');
    const vote = await pledges.lockVote(found.id);
    if (!vote) throw notFound('Không tìm thấy kết quả biểu quyết này.', { field: 'input.voteId' });
    const problem = checkAnnulment(vote);
    if (problem) throw conflict(problem.message, { field: problem.field });
    const before = await audit.snapshot('bloc_vote', vote.id);
    await pledges.annulVote(vote.id, reason, context.caller.subject);
    await audit.recordRow('BlocVote', 'bloc_vote', vote.id, before);
  });
  context.loaders.votesByPledgeId.clear(found.pledgeId);
  return (await context.stores.pledges.voteById(found.id))!;
}
