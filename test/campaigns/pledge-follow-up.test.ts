/**
 * Following the pledge year up, through the gateway with each person's token: self-scores carry a
 * justification per item; the cross-scoring rotation (who scores whom) and the lead turning it; the
 * bloc's deadlines; what each member still owes; the lead's reminders (recorded); a member officer's
 * own to-do (myPledgeTasks). Working data stays with the Board and the members' staff.
 */
import { vietnamToday, vietnamYear } from '@tdkt/subgraph-kit';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes } from '../support/stack';

const YEAR = vietnamYear();
/** Order of the bloc that year: the lead, the deputy, then the members by name (Bộ Công an before Bộ Tư pháp). */
const MEMBERS: [string, string][] = [
  ['TANDTC', 'LEAD'],
  ['VKSNDTC', 'DEPUTY'],
  ['BTP', 'MEMBER'],
  ['BCA', 'MEMBER'],
];
const ITEMS = [
  { code: '1', title: 'Hoàn thành xuất sắc nhiệm vụ chính trị', maxScore: 60 },
  { code: '2', title: 'Chuyển đổi số', targetValue: 100, unit: '%', maxScore: 40 },
];

let stack: InProcessStack;
let board: string;
const officer: Record<string, string> = {};
let pledgeId: string;

const WORK = `query($id: ID!) { pledge(id: $id) {
  crossScoreShift crossScoring { scorer { code } subject { code } }
  deadlines { kind period dueOn isDefault }
  outstanding { kind period itemCodes dueOn overdue organization { code } subject { code } }
  reminders { kind period organization { code name } }
  scorecards(stage: SELF) { organization { code } scoredBy { code } scores { itemCode points justification } }
} }`;
const work = async (token?: string) => stack.gql(WORK, { id: pledgeId }, token ? { token } : {});
const TASKS = `query($year: Int!) { myPledgeTasks(year: $year) { kind period itemCodes dueOn overdue reminders bloc { code } subject { code } } }`;
const gql = (document: string, input: Record<string, unknown>, token: string) =>
  stack.gql(document, { input }, { token });
const REMIND = `mutation($input: RemindPledgeMemberInput!) { remindPledgeMember(input: $input) { kind period organization { code } } }`;
const ROTATE = `mutation($input: SetCrossScoreRotationInput!) { setCrossScoreRotation(input: $input) { crossScoreShift crossScoring { scorer { code } subject { code } } } }`;
const DEADLINE = `mutation($input: SetPledgeDeadlineInput!) { setPledgeDeadline(input: $input) { deadlines { kind dueOn isDefault } } }`;

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  for (const [code] of MEMBERS) officer[code] = await stack.token('ORG_OFFICER', code);
  officer['BQP'] = await stack.token('ORG_OFFICER', 'BQP');
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      {
        input: {
          blocCode: 'NOI_CHINH_TW',
          year: YEAR,
          members: MEMBERS.map(([organizationCode, role]) => ({ organizationCode, role })),
        },
      },
      { token: board },
    ),
  );
  const { createPledge } = dataOf(
    await gql(
      contractOperation('CreatePledge'),
      { blocCode: 'NOI_CHINH_TW', year: YEAR, theme: 'Kỷ cương, trách nhiệm', items: ITEMS },
      officer['TANDTC']!,
    ),
  );
  pledgeId = createPledge.id;
  dataOf(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: officer['TANDTC']! }));
});
afterAll(() => stack?.stop());

it('shows the cross-scoring rotation and lets only the lead turn it, within 1 … n − 1', async () => {
  const before = dataOf(await work(officer['BTP'])).pledge;
  expect(before.crossScoreShift).toBe(1);
  const pairs = (entries: any[]) => entries.map((pair) => `${pair.scorer.code}→${pair.subject.code}`);
  expect(pairs(before.crossScoring)).toEqual(['VKSNDTC→TANDTC', 'BCA→VKSNDTC', 'BTP→BCA', 'TANDTC→BTP']);
  expect(errorCodes(await gql(ROTATE, { pledgeId, shift: 2 }, officer['BTP']!))).toEqual(['FORBIDDEN']);
  expect(errorCodes(await gql(ROTATE, { pledgeId, shift: 4 }, officer['TANDTC']!))).toEqual(['BAD_USER_INPUT']);
  const turned = dataOf(await gql(ROTATE, { pledgeId, shift: 2 }, officer['TANDTC']!)).setCrossScoreRotation;
  expect(turned.crossScoreShift).toBe(2);
  expect(pairs(turned.crossScoring)).toEqual(['BCA→TANDTC', 'BTP→VKSNDTC', 'TANDTC→BCA', 'VKSNDTC→BTP']);
});

it('lists what each member owes, and lets the lead set the bloc’s own deadline', async () => {
  const { pledge } = dataOf(await work(officer['BTP']));
  const sign = pledge.deadlines.find((deadline: any) => deadline.kind === 'SIGN');
  expect(sign).toEqual({ kind: 'SIGN', period: null, dueOn: `${YEAR}-03-31`, isDefault: true });
  const owedBy = (code: string) =>
    pledge.outstanding.filter((duty: any) => duty.organization.code === code).map((duty: any) => duty.kind);
  expect(owedBy('BTP')).toEqual(['SIGN', 'REPORT', 'REPORT', 'SELF_SCORE', 'CROSS_SCORE']);
  const signDuty = pledge.outstanding.find((duty: any) => duty.kind === 'SIGN');
  expect(signDuty.overdue).toBe(`${YEAR}-03-31` < vietnamToday());
  // Working data: not for a unit outside the bloc, nor the public.
  expect(errorCodes(await work(officer['BQP']))).toContain('FORBIDDEN');
  expect(errorCodes(await work())).toContain('FORBIDDEN');

  expect(
    errorCodes(await gql(DEADLINE, { pledgeId, kind: 'REPORT_H1', dueOn: `${YEAR}-07-31` }, officer['BTP']!)),
  ).toEqual(['FORBIDDEN']);
  expect(
    errorCodes(await gql(DEADLINE, { pledgeId, kind: 'REPORT_H1', dueOn: `${YEAR + 1}-05-01` }, officer['TANDTC']!)),
  ).toEqual(['BAD_USER_INPUT']);
  const set = dataOf(await gql(DEADLINE, { pledgeId, kind: 'REPORT_H1', dueOn: `${YEAR}-07-31` }, officer['TANDTC']!));
  expect(set.setPledgeDeadline.deadlines.find((deadline: any) => deadline.kind === 'REPORT_H1')).toEqual({
    kind: 'REPORT_H1',
    dueOn: `${YEAR}-07-31`,
    isDefault: false,
  });
});

it('records the lead’s reminders of what is owed, refuses one for what is done, and shows them in the member’s to-do', async () => {
  dataOf(await gql(contractOperation('SignPledge'), { pledgeId, organizationCode: 'BTP' }, officer['BTP']!));
  for (const item of ITEMS)
    dataOf(
      await gql(
        contractOperation('ReportPledgeProgress'),
        { pledgeId, organizationCode: 'BTP', itemCode: item.code, period: `${YEAR}-H1`, value: 50 },
        officer['BTP']!,
      ),
    );
  const remind = (input: Record<string, unknown>, token = officer['TANDTC']!) =>
    gql(REMIND, { pledgeId, organizationCode: 'BTP', ...input }, token);
  // BTP has signed and reported its half-year: nothing to remind there.
  expect(errorCodes(await remind({ kind: 'SIGN' }))).toEqual(['BAD_USER_INPUT']);
  expect(errorCodes(await remind({ kind: 'REPORT', period: `${YEAR}-H1` }))).toEqual(['BAD_USER_INPUT']);
  expect(errorCodes(await remind({ kind: 'SELF_SCORE' }, officer['BCA']!))).toEqual(['FORBIDDEN']);
  expect(dataOf(await remind({ kind: 'REPORT', period: String(YEAR) })).remindPledgeMember).toEqual({
    kind: 'REPORT',
    period: String(YEAR),
    organization: { code: 'BTP' },
  });
  dataOf(await remind({ kind: 'SELF_SCORE' }));

  const { pledge } = dataOf(await work(officer['TANDTC']));
  expect(pledge.reminders.map((reminder: any) => reminder.kind).sort()).toEqual(['REPORT', 'SELF_SCORE']);
  expect(pledge.reminders[0].organization.name).toBe('Bộ Tư pháp');

  const tasks = dataOf(await stack.gql(TASKS, { year: YEAR }, { token: officer['BTP'] })).myPledgeTasks;
  expect(tasks.map((task: any) => [task.kind, task.period, task.reminders])).toEqual([
    ['REPORT', String(YEAR), 1],
    ['SELF_SCORE', null, 1],
    ['CROSS_SCORE', null, 0],
  ]);
  expect(tasks[2]).toMatchObject({ bloc: { code: 'NOI_CHINH_TW' }, subject: { code: 'VKSNDTC' } });
  // The Central Board has no unit of its own: no to-do.
  expect(dataOf(await stack.gql(TASKS, { year: YEAR }, { token: board })).myPledgeTasks).toEqual([]);
});

it('keeps a justification per item with the self-score, and names who scored each card', async () => {
  dataOf(
    await gql(
      contractOperation('SubmitScorecard'),
      {
        pledgeId,
        organizationCode: 'BTP',
        stage: 'SELF',
        scores: [
          { itemCode: '1', points: 55, justification: 'Hoàn thành 100 % kế hoạch công tác năm' },
          { itemCode: '2', points: 38, justification: '  Số hóa 98 % hồ sơ  ' },
        ],
      },
      officer['BTP']!,
    ),
  );
  const card = dataOf(await work(officer['BCA'])).pledge.scorecards.find(
    (entry: any) => entry.organization.code === 'BTP',
  );
  expect(card.scoredBy).toEqual({ code: 'BTP' });
  expect(card.scores).toEqual([
    { itemCode: '1', points: 55, justification: 'Hoàn thành 100 % kế hoạch công tác năm' },
    { itemCode: '2', points: 38, justification: 'Số hóa 98 % hồ sơ' },
  ]);
  // After the rotation by 2, VKSNDTC scores BTP; BCA may not.
  const cross = (token: string) =>
    gql(
      contractOperation('SubmitScorecard'),
      {
        pledgeId,
        organizationCode: 'BTP',
        stage: 'CROSS',
        scores: [
          { itemCode: '1', points: 50 },
          { itemCode: '2', points: 35 },
        ],
      },
      token,
    );
  expect(errorCodes(await cross(officer['BCA']!))).toEqual(['FORBIDDEN']);
  expect(dataOf(await cross(officer['VKSNDTC']!)).submitScorecard.stage).toBe('CROSS');
  const owed = dataOf(await work(officer['TANDTC'])).pledge.outstanding.filter(
    (duty: any) => duty.organization.code === 'BTP' || duty.subject?.code === 'BTP',
  );
  expect(owed.map((duty: any) => duty.kind)).toEqual(['REPORT', 'CROSS_SCORE']);
});
