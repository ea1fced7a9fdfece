/**
 * Following the pledge year up (rules/pledge-duties.rule.ts decides): who cross-scores whom, the bloc's
 * deadlines, what each member still owes, the lead's reminders ("nhắc": a row kept per reminder; no
 * message is sent from here), and an officer's own to-do list across its blocs of a year — all computed
 * from the data when asked, never by a loop on the server.
 */
import { auditedTransaction, badInput, cleanOptionalText, requireSignedIn, vietnamToday } from '@tdkt/subgraph-kit';
import { callerOrganization, type CampaignsContext } from '../context.js';
import {
  checkDeadline,
  checkShift,
  crossScoreAssignments,
  deadlinesOf,
  outstandingDuties,
  type Deadline,
  type Duty,
} from '../rules/pledge-duties.rule.js';
import { canAct, type PledgeVerdict } from '../rules/pledge-workflow.rule.js';
import { fetchBlocIdsOf } from '../clients/organizations-memberships.client.js';
import { createStores } from '../store/index.js';
import type {
  CrossScoreAssignment,
  PledgeDeadline,
  PledgeDuty,
  PledgeReminder,
  PledgeTask,
  RemindPledgeMemberInput,
  SetCrossScoreRotationInput,
  SetPledgeDeadlineInput,
} from '../types/pledge-duties.types.js';
import type { Pledge } from '../types/pledge.types.js';
import { blocYearOf, loadPledge, memberOrFail, reloadPledge, requireBlocLead, type BlocYear } from './pledge-access.js';
import { lockPledgeFor } from './pledge.service.js';

/** The rotation's shift: the lead's, else 1 (each member scored by the next in the bloc's order). */
export async function crossShiftOf(context: CampaignsContext, pledgeId: string): Promise<number> {
  return (await context.loaders.followUpByPledgeId.load(pledgeId)).shift ?? 1;
}

export async function assignmentsOf(
  context: CampaignsContext,
  pledge: Pledge,
  blocYear?: BlocYear,
): Promise<CrossScoreAssignment[]> {
  const members = (blocYear ?? (await blocYearOf(context, pledge.blocId, pledge.year))).members;
  return crossScoreAssignments(
    members.map((member) => member.organization.id),
    await crossShiftOf(context, pledge.id),
  );
}

export async function deadlinesOfPledge(context: CampaignsContext, pledge: Pledge): Promise<PledgeDeadline[]> {
  const followUp = await context.loaders.followUpByPledgeId.load(pledge.id);
  return deadlinesOf(pledge.year, followUp.deadlines) as PledgeDeadline[];
}

/** What each member of the bloc still owes the pledge, oldest deadline first. */
export async function dutiesOf(context: CampaignsContext, pledge: Pledge, blocYear?: BlocYear): Promise<PledgeDuty[]> {
  const year = blocYear ?? (await blocYearOf(context, pledge.blocId, pledge.year));
  const [items, signatures, progress, cards, followUp] = await Promise.all([
    context.loaders.itemsByPledgeId.load(pledge.id),
    context.loaders.signaturesByPledgeId.load(pledge.id),
    context.loaders.currentProgressByPledgeId.load(pledge.id),
    context.loaders.scorecardsByPledgeId.load(pledge.id),
    context.loaders.followUpByPledgeId.load(pledge.id),
  ]);
  const duties: Duty[] = outstandingDuties({
    year: pledge.year,
    status: pledge.status,
    memberIds: year.members.map((member) => member.organization.id),
    itemCodes: items.map((item) => item.code),
    signedIds: new Set(signatures.map((signature) => signature.organizationId)),
    reported: new Set(progress.map((row) => `${row.organizationId}|${row.itemCode}|${row.period}`)),
    cards: new Set(cards.map((card) => `${card.organizationId}|${card.stage}`)),
    shift: followUp.shift ?? 1,
    deadlines: deadlinesOf(pledge.year, followUp.deadlines) as Deadline[],
    today: vietnamToday(),
  });
  return duties.map((duty) => ({ ...duty, pledgeId: pledge.id }) as PledgeDuty);
}

/** A follow-up change by the lead: allowed while the year runs (open or signed), not once closed. */
const whileRunning = (current: Pledge, what: string): PledgeVerdict => {
  const verdict = canAct(current.status, 'SUBMIT_SCORECARD', current.year);
  return verdict.allowed ? verdict : { allowed: false, reason: verdict.reason.replace('chấm điểm', what) };
};

export async function setCrossScoreRotation(
  context: CampaignsContext,
  input: SetCrossScoreRotationInput,
): Promise<Pledge> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
  const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
  await requireBlocLead(context, blocYear, pledge.year, 'phân công chấm chéo');
  const problem = checkShift(input.shift, blocYear.members.length);
  if (problem) throw badInput(problem, { field: 'input.shift' });
  await auditedTransaction(context.db, context, 'setCrossScoreRotation', async (manager, audit) => {
    await lockPledgeFor(manager, pledge.id, 'SHARE', (current) => whileRunning(current, 'phân công chấm chéo'));
    const image = () => audit.snapshot('pledge_cross_rotation', null, { sql: 't.pledge_id = $1', params: [pledge.id] });
    const before = await image();
    await createStores(manager).pledgeDuties.setShift(pledge.id, input.shift, context.caller.subject);
    await audit.record({ entityType: 'CrossScoreRotation', entityId: pledge.id, before, after: await image() });
  });
  context.loaders.followUpByPledgeId.clear(pledge.id);
  return reloadPledge(context, pledge.id);
}

export async function setPledgeDeadline(context: CampaignsContext, input: SetPledgeDeadlineInput): Promise<Pledge> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
  const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
  await requireBlocLead(context, blocYear, pledge.year, 'đặt hạn của khối');
  const problem = checkDeadline(input.dueOn, pledge.year);
  if (problem) throw badInput(problem, { field: 'input.dueOn' });
  await auditedTransaction(context.db, context, 'setPledgeDeadline', async (manager, audit) => {
    await lockPledgeFor(manager, pledge.id, 'SHARE', (current) =>
      current.status === 'CLOSED' ? canAct(current.status, 'SUBMIT_SCORECARD', current.year) : { allowed: true },
    );
    const image = () =>
      audit.snapshot('pledge_deadline', null, {
        sql: 't.pledge_id = $1 AND t.kind = $2',
        params: [pledge.id, input.kind],
      });
    const before = await image();
    await createStores(manager).pledgeDuties.setDeadline(pledge.id, input.kind, input.dueOn, context.caller.subject);
    await audit.record({
      entityType: 'PledgeDeadline',
      entityId: `${pledge.id}/${input.kind}`,
      before,
      after: await image(),
    });
  });
  context.loaders.followUpByPledgeId.clear(pledge.id);
  return reloadPledge(context, pledge.id);
}

/** The lead reminds a member of one thing it still owes; a reminder of something done is refused. */
export async function remindPledgeMember(
  context: CampaignsContext,
  input: RemindPledgeMemberInput,
): Promise<PledgeReminder> {
  requireSignedIn(context);
  const pledge = await loadPledge(context, input.pledgeId, 'input.pledgeId');
  const blocYear = await blocYearOf(context, pledge.blocId, pledge.year);
  await requireBlocLead(context, blocYear, pledge.year, 'nhắc thành viên');
  const organization = await memberOrFail(
    context,
    blocYear,
    input.organizationCode,
    pledge.year,
    'input.organizationCode',
  );
  const note = cleanOptionalText(input.note, { label: 'Lời nhắc', field: 'input.note', maxLength: 500 });
  const period = input.period?.trim() || null;
  const owed = (await dutiesOf(context, pledge, blocYear)).some(
    (duty) =>
      duty.organizationId === organization.id &&
      duty.kind === input.kind &&
      (input.kind !== 'REPORT' || !period || duty.period === period),
  );
  if (!owed)
    throw badInput(`${organization.name} không còn nợ việc này của giao ước năm ${pledge.year}; không cần nhắc.`, {
      field: 'input.kind',
    });
  const reminder = await auditedTransaction(context.db, context, 'remindPledgeMember', async (manager, audit) => {
    await lockPledgeFor(manager, pledge.id, 'SHARE', (current) => whileRunning(current, 'nhắc thành viên'));
    const row = await createStores(manager).pledgeDuties.insertReminder({
      pledgeId: pledge.id,
      organizationId: organization.id,
      kind: input.kind,
      period: input.kind === 'REPORT' ? period : null,
      note,
      remindedBy: context.caller.subject,
    });
    await audit.record({ entityType: 'PledgeReminder', entityId: row.id, before: null, after: row });
    return row;
  });
  context.loaders.remindersByPledgeId.clear(pledge.id);
  return reminder;
}

/**
 * The caller's own to-do across the blocs its unit belongs to in `year`: pledges to sign, reports and
 * scores due, with how often the lead has reminded. Only an officer of a unit has one (the Central
 * Board and the public: empty).
 */
export async function myPledgeTasks(context: CampaignsContext, year: number): Promise<PledgeTask[]> {
  requireSignedIn(context);
  if (context.caller.role !== 'ORG_OFFICER') return [];
  const own = await callerOrganization(context);
  if (!own) return [];
  const blocIds = await fetchBlocIdsOf(context, own.code, year);
  const tasks: PledgeTask[] = [];
  for (const blocId of blocIds) {
    const pledge = await context.loaders.pledgeByBlocYear.load(blocId, year);
    if (!pledge) continue;
    const [duties, reminders] = await Promise.all([
      dutiesOf(context, pledge),
      context.loaders.remindersByPledgeId.load(pledge.id),
    ]);
    for (const duty of duties.filter((entry) => entry.organizationId === own.id))
      tasks.push(
        Object.assign({} as PledgeTask, duty, {
          blocId,
          year,
          reminders: reminders.filter(
            (reminder) =>
              reminder.organizationId === own.id &&
              reminder.kind === duty.kind &&
              (reminder.period === null || reminder.period === duty.period),
          ).length,
        }),
      );
  }
  return tasks.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
