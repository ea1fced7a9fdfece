/**
 * A whole bloc year through the gateway, with the tokens of the people who do each step: the Central
 * Board sets the bloc-year, the lead (TANDTC) creates, opens, verifies and closes, each member signs,
 * reports and self-scores, another member cross-scores; then BlocBoard shows it all with names from
 * the organizations subgraph. Then the follow-up of a year: self-scores carry a justification per item;
 * the cross-scoring rotation (who scores whom) and the lead turning it; the bloc's deadlines; what each
 * member still owes; the lead's reminders (recorded); a member officer's own to-do (myPledgeTasks).
 */
import { vietnamToday, vietnamYear } from '@tdkt/subgraph-kit';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes } from '../support/stack';

const MEMBERS = ['TANDTC', 'VKSNDTC', 'BTP', 'BQLLANG', 'BQP', 'BCA', 'TTCP', 'KTNN'];
const YEAR = 2026;

let stack: InProcessStack;
let board: string;
let lead: string;
const officer: Record<string, string> = {};
let pledgeId: string;

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  for (const code of MEMBERS) officer[code] = await stack.token('ORG_OFFICER', code);
  lead = officer['TANDTC']!;
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      {
        input: {
          blocCode: 'NOI_CHINH_TW',
          year: YEAR,
          members: MEMBERS.map((code, index) => ({
            organizationCode: code,
            role: index === 0 ? 'LEAD' : index === 1 ? 'DEPUTY' : 'MEMBER',
          })),
        },
      },
      { token: board },
    ),
  );
});
afterAll(() => stack?.stop());

const ITEMS = [
  { code: '1', title: 'Hoàn thành xuất sắc nhiệm vụ chính trị', maxScore: 40 },
  { code: '2', title: 'Đẩy mạnh chuyển đổi số', targetValue: 100, unit: '%', maxScore: 30 },
  { code: '3', title: 'Công tác thi đua, khen thưởng', maxScore: 30 },
];

it('lets only the lead (or the Central Board) create the pledge', async () => {
  const input = {
    blocCode: 'NOI_CHINH_TW',
    year: YEAR,
    theme: 'Đoàn kết, kỷ cương, sáng tạo, hiệu quả',
    items: ITEMS,
    bonusCap: 5,
  };
  expect(errorCodes(await stack.gql(contractOperation('CreatePledge'), { input }))).toEqual(['UNAUTHENTICATED']);
  expect(errorCodes(await stack.gql(contractOperation('CreatePledge'), { input }, { token: officer['BTP'] }))).toEqual([
    'FORBIDDEN',
  ]);
  const created = dataOf(await stack.gql(contractOperation('CreatePledge'), { input }, { token: lead })).createPledge;
  expect(created).toMatchObject({ status: 'DRAFT', items: [{ code: '1' }, { code: '2' }, { code: '3' }] });
  pledgeId = created.id;
  expect(errorCodes(await stack.gql(contractOperation('CreatePledge'), { input }, { token: board }))).toEqual([
    'CONFLICT',
  ]);
});

it('lets the lead edit items while DRAFT (a new scheme version), and freezes them once opened', async () => {
  const UPDATE = `mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { schemeVersion items { code maxScore } } }`;
  const edited = dataOf(
    await stack.gql(
      UPDATE,
      { input: { id: pledgeId, items: [...ITEMS.slice(0, 2), { ...ITEMS[2], maxScore: 30 }] } },
      { token: lead },
    ),
  ).updatePledge;
  expect(edited.schemeVersion).toBe(2);
  expect(
    errorCodes(await stack.gql(UPDATE, { input: { id: pledgeId, theme: 'Khác' } }, { token: officer['BTP'] })),
  ).toEqual(['FORBIDDEN']);
  expect(
    errorCodes(
      await stack.gql(
        UPDATE,
        { input: { id: pledgeId, items: [{ code: 'x y', title: 'Sai mã', maxScore: 1 }] } },
        { token: lead },
      ),
    ),
  ).toEqual(['BAD_USER_INPUT']);
});

it('refuses signatures before the pledge is opened, then opens it', async () => {
  expect(
    errorCodes(
      await stack.gql(
        contractOperation('SignPledge'),
        { input: { pledgeId, organizationCode: 'BTP' } },
        { token: officer['BTP'] },
      ),
    ),
  ).toEqual(['CONFLICT']);
  expect(
    errorCodes(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: officer['BTP'] })),
  ).toEqual(['FORBIDDEN']);
  expect(
    dataOf(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: lead })).openPledge.status,
  ).toBe('OPEN');
  expect(errorCodes(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: lead }))).toEqual([
    'CONFLICT',
  ]);
  const frozen = await stack.gql(
    `mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { id } }`,
    { input: { id: pledgeId, theme: 'Đổi sau khi mở' } },
    { token: lead },
  );
  expect(errorCodes(frozen)).toEqual(['CONFLICT']);
});

it('takes each member’s signature once, refuses a non-member and a stranger, and becomes SIGNED with the last one', async () => {
  const sign = (organizationCode: string, token: string | undefined) =>
    stack.gql(contractOperation('SignPledge'), { input: { pledgeId, organizationCode } }, { token });
  expect(errorCodes(await sign('BNV', board))).toEqual(['BAD_USER_INPUT']);
  expect(errorCodes(await sign('BTP', officer['BCA']))).toEqual(['FORBIDDEN']);
  for (const code of MEMBERS.slice(0, -1)) {
    const signed = dataOf(await sign(code, officer[code])).signPledge;
    expect(signed).toMatchObject({ organization: { code }, pledge: { id: pledgeId, status: 'OPEN' } });
  }
  expect(errorCodes(await sign('BTP', officer['BTP']))).toEqual(['CONFLICT']);
  const last = dataOf(await sign('KTNN', officer['KTNN'])).signPledge;
  expect(last.pledge.status).toBe('SIGNED');
});

it('records progress by period, keeps corrections in history, and checks the period', async () => {
  const report = (input: Record<string, unknown>, token: string) =>
    stack.gql(contractOperation('ReportPledgeProgress'), { input: { pledgeId, ...input } }, { token });
  expect(
    dataOf(
      await report(
        { organizationCode: 'BTP', itemCode: '2', period: `${YEAR}-Q2`, value: 40, note: 'Quý II' },
        officer['BTP']!,
      ),
    ).reportPledgeProgress,
  ).toEqual({ period: `${YEAR}-Q2`, value: 40 });
  expect(
    dataOf(
      await report(
        { organizationCode: 'BTP', itemCode: '2', period: `${YEAR}-Q2`, value: 45, note: 'Đính chính' },
        officer['BTP']!,
      ),
    ).reportPledgeProgress.value,
  ).toBe(45);
  expect(
    dataOf(await report({ organizationCode: 'BCA', itemCode: '2', period: `${YEAR}`, value: 90 }, lead))
      .reportPledgeProgress.value,
  ).toBe(90);
  expect(
    errorCodes(await report({ organizationCode: 'BTP', itemCode: '2', period: '2025-Q2', value: 1 }, officer['BTP']!)),
  ).toEqual(['BAD_USER_INPUT']);
  expect(
    errorCodes(
      await report({ organizationCode: 'BTP', itemCode: '2', period: `${YEAR}-Q5`, value: 1 }, officer['BTP']!),
    ),
  ).toEqual(['BAD_USER_INPUT']);
  expect(
    errorCodes(await report({ organizationCode: 'BTP', itemCode: '9', period: `${YEAR}`, value: 1 }, officer['BTP']!)),
  ).toEqual(['NOT_FOUND']);
  expect(
    errorCodes(await report({ organizationCode: 'BTP', itemCode: '1', period: `${YEAR}`, value: 1 }, officer['BCA']!)),
  ).toEqual(['FORBIDDEN']);
  const history = dataOf(
    await stack.gql(
      `query($id: ID!) { pledge(id: $id) { progressHistory { revision value note organization { code } } } }`,
      { id: pledgeId },
      { token: officer['BTP'] },
    ),
  ).pledge.progressHistory;
  expect(
    history.filter((row: any) => row.organization.code === 'BTP').map((row: any) => [row.revision, row.value]),
  ).toEqual([
    [1, 40],
    [2, 45],
  ]);
});

it('scores SELF → CROSS → VERIFIED with the right people, and refuses points above the maximum', async () => {
  const submit = (
    organizationCode: string,
    stage: string,
    points: number[],
    token: string,
    extra: Record<string, unknown> = {},
  ) =>
    stack.gql(
      contractOperation('SubmitScorecard'),
      {
        input: {
          pledgeId,
          organizationCode,
          stage,
          scores: ITEMS.map((item, index) => ({ itemCode: item.code, points: points[index] })),
          ...extra,
        },
      },
      { token },
    );
  expect(errorCodes(await submit('BTP', 'VERIFIED', [40, 30, 30], lead))).toEqual(['CONFLICT']);
  expect(errorCodes(await submit('BTP', 'SELF', [41, 30, 30], officer['BTP']!))).toEqual(['BAD_USER_INPUT']);
  expect(errorCodes(await submit('BTP', 'CROSS', [40, 30, 30], officer['BTP']!))).toEqual(['FORBIDDEN']);
  // Totals chosen so that BTP and BCA tie for first: ties are shown as ties.
  const verifiedPoints: Record<string, [number, number, number]> = {
    BTP: [40, 28, 27],
    BCA: [39, 29, 27],
    TANDTC: [38, 28, 26],
    VKSNDTC: [36, 27, 26],
    BQLLANG: [35, 26, 25],
    BQP: [37, 28, 26],
    TTCP: [34, 25, 24],
    KTNN: [33, 24, 24],
  };
  // Who cross-scores whom: the bloc's rotation (each member by the next in the bloc's order).
  const { pledge } = dataOf(
    await stack.gql(
      `query($id: ID!) { pledge(id: $id) { crossScoring { scorer { code } subject { code } } } }`,
      { id: pledgeId },
      { token: board },
    ),
  );
  const scorerOf = new Map<string, string>(
    pledge.crossScoring.map((pair: any) => [pair.subject.code, pair.scorer.code]),
  );
  expect(scorerOf.size).toBe(MEMBERS.length);
  for (const code of MEMBERS) {
    const points = verifiedPoints[code]!;
    expect(dataOf(await submit(code, 'SELF', points, officer[code]!)).submitScorecard.stage).toBe('SELF');
    const crossScorer = scorerOf.get(code)!;
    // Another member than the assigned one is refused (checked once: the rule is the same for each).
    if (code === MEMBERS[0]) {
      const other = MEMBERS.find((candidate) => candidate !== code && candidate !== crossScorer)!;
      expect(errorCodes(await submit(code, 'CROSS', points, officer[other]!))).toEqual(['FORBIDDEN']);
    }
    dataOf(await submit(code, 'CROSS', points, officer[crossScorer]!));
    // BTP: 95 points + bonus 5 (the cap) − penalty 5 = 95, level with BCA's 95.
    const bonus = code === 'BTP' ? { bonus: 5, penalty: 5 } : {};
    // The lead's own card is verified by the deputy (VKSNDTC), never by the lead itself.
    const verifier = code === 'TANDTC' ? officer['VKSNDTC']! : lead;
    const verified = dataOf(await submit(code, 'VERIFIED', points, verifier, bonus)).submitScorecard;
    expect(verified.stage).toBe('VERIFIED');
    const expected = points.reduce((sum, value) => sum + value, 0) + (code === 'BTP' ? 5 - 5 : 0);
    expect(verified.totalScore).toBe(expected);
  }
});

it('closes with a ranking that shows ties, then acclaims the leading unit by a vote of 80 % of all members', async () => {
  expect(
    errorCodes(await stack.gql(contractOperation('ClosePledge'), { id: pledgeId }, { token: officer['BTP'] })),
  ).toEqual(['FORBIDDEN']);
  const closed = dataOf(
    await stack.gql(contractOperation('ClosePledge'), { id: pledgeId }, { token: lead }),
  ).closePledge;
  expect(closed.status).toBe('CLOSED');
  const ranks = closed.ranking.map((entry: any) => [entry.rank, entry.organization.code, entry.totalScore]);
  expect(ranks.slice(0, 3)).toEqual([
    [1, expect.any(String), 95],
    [1, expect.any(String), 95],
    [3, 'TANDTC', 92],
  ]);
  expect(new Set(ranks.slice(0, 2).map((rank: any[]) => rank[1]))).toEqual(new Set(['BTP', 'BCA']));
  const vote = (yes: number) =>
    stack.gql(
      `mutation($input: RecordBlocVoteInput!) { recordBlocVote(input: $input) { passed membersTotal threshold } }`,
      {
        input: { pledgeId, candidateOrganizationCode: 'BTP', yes, no: 8 - yes, abstain: 0, votedOn: vietnamToday() },
      },
      { token: lead },
    );
  expect(dataOf(await vote(6)).recordBlocVote).toEqual({ passed: false, membersTotal: 8, threshold: 0.8 });
  expect(dataOf(await vote(7)).recordBlocVote.passed).toBe(true);
});

it('answers BlocBoard with the pledge, signatures, progress, ranking and leading unit, names from the organizations subgraph', async () => {
  const board = `query BlocBoard($code: String!, $year: Int!) { bloc(code: $code) { code name members(year: $year) { role organization { code name } }
    pledge(year: $year) { id year theme status signedAt items { code title targetValue unit maxScore } signatures { signedAt organization { code name } }
      progress { period value note item { code } organization { code } } ranking { rank totalScore organization { code name } } leadingUnit { code name } } } }`;
  const { bloc } = dataOf(await stack.gql(board, { code: 'NOI_CHINH_TW', year: YEAR }, { token: officer['KTNN'] }));
  expect(bloc.members).toHaveLength(8);
  expect(bloc.pledge).toMatchObject({ year: YEAR, status: 'CLOSED', leadingUnit: { code: 'BTP', name: 'Bộ Tư pháp' } });
  expect(bloc.pledge.signatures).toHaveLength(8);
  expect(bloc.pledge.signatures.every((signature: any) => signature.organization.name.length > 0)).toBe(true);
  expect(bloc.pledge.items[1]).toEqual({
    code: '2',
    title: 'Đẩy mạnh chuyển đổi số',
    targetValue: 100,
    unit: '%',
    maxScore: 30,
  });
  expect(bloc.pledge.progress).toEqual(
    expect.arrayContaining([
      { period: `${YEAR}-Q2`, value: 45, note: 'Đính chính', item: { code: '2' }, organization: { code: 'BTP' } },
    ]),
  );
  expect(bloc.pledge.ranking.find((entry: any) => entry.organization.code === 'KTNN')).toMatchObject({
    rank: 8,
    organization: { name: 'Kiểm toán Nhà nước' },
  });
  // The public sees the pledge, signatures and ranking but not the working data.
  // Withheld, not empty: progress is null with FORBIDDEN on its path (kit access.ts).
  const anonymous = await stack.gql(board, { code: 'NOI_CHINH_TW', year: YEAR });
  expect(anonymous.body.errors?.map((error) => [error.extensions?.['code'], error.path?.join('.')])).toEqual([
    ['FORBIDDEN', 'bloc.pledge.progress'],
  ]);
  const open = anonymous.body.data!.bloc.pledge;
  expect(open.progress).toBeNull();
  expect(open.ranking).toHaveLength(8);
});

it('shows the campaigns part of OrganizationProfile', async () => {
  const profile = `query($code: String!, $year: Int!) { organization(code: $code) { code pledgeSignatures(year: $year) { signedAt pledge { year bloc { code name } } } } }`;
  const { organization } = dataOf(await stack.gql(profile, { code: 'BTP', year: YEAR }));
  expect(organization.pledgeSignatures).toEqual([
    {
      signedAt: expect.any(String),
      pledge: { year: YEAR, bloc: { code: 'NOI_CHINH_TW', name: 'Khối thi đua các Bộ, ngành Nội chính Trung ương' } },
    },
  ]);
});

describe('following the year up: the rotation, deadlines, what is owed, reminders and the to-do', () => {
  /** A year of its own (pledge-year's is 2026): the next one, which a pledge may be drafted for. */
  const FOLLOW_YEAR = vietnamYear() + 1;
  /** Order of the bloc that year: the lead, the deputy, then the members by name (Bộ Công an before Bộ Tư pháp). */
  const FOLLOW_MEMBERS: [string, string][] = [
    ['TANDTC', 'LEAD'],
    ['VKSNDTC', 'DEPUTY'],
    ['BTP', 'MEMBER'],
    ['BCA', 'MEMBER'],
  ];
  const FOLLOW_ITEMS = [
    { code: '1', title: 'Hoàn thành xuất sắc nhiệm vụ chính trị', maxScore: 60 },
    { code: '2', title: 'Chuyển đổi số', targetValue: 100, unit: '%', maxScore: 40 },
  ];

  let followId: string;

  const WORK = `query($id: ID!) { pledge(id: $id) {
  crossScoreShift crossScoring { scorer { code } subject { code } }
  deadlines { kind period dueOn isDefault }
  outstanding { kind period itemCodes dueOn overdue organization { code } subject { code } }
  reminders { kind period organization { code name } }
  scorecards(stage: SELF) { organization { code } scoredBy { code } scores { itemCode points justification } }
} }`;
  const work = async (token?: string) => stack.gql(WORK, { id: followId }, token ? { token } : {});
  const TASKS = `query($year: Int!) { myPledgeTasks(year: $year) { kind period itemCodes dueOn overdue reminders bloc { code } subject { code } } }`;
  const gql = (document: string, input: Record<string, unknown>, token: string) =>
    stack.gql(document, { input }, { token });
  const REMIND = `mutation($input: RemindPledgeMemberInput!) { remindPledgeMember(input: $input) { kind period organization { code } } }`;
  const ROTATE = `mutation($input: SetCrossScoreRotationInput!) { setCrossScoreRotation(input: $input) { crossScoreShift crossScoring { scorer { code } subject { code } } } }`;
  const DEADLINE = `mutation($input: SetPledgeDeadlineInput!) { setPledgeDeadline(input: $input) { deadlines { kind dueOn isDefault } } }`;

  beforeAll(async () => {
    dataOf(
      await stack.gql(
        contractOperation('SetBlocMembership'),
        {
          input: {
            blocCode: 'NOI_CHINH_TW',
            year: FOLLOW_YEAR,
            members: FOLLOW_MEMBERS.map(([organizationCode, role]) => ({ organizationCode, role })),
          },
        },
        { token: board },
      ),
    );
    const { createPledge } = dataOf(
      await gql(
        contractOperation('CreatePledge'),
        { blocCode: 'NOI_CHINH_TW', year: FOLLOW_YEAR, theme: 'Kỷ cương, trách nhiệm', items: FOLLOW_ITEMS },
        officer['TANDTC']!,
      ),
    );
    followId = createPledge.id;
    dataOf(await stack.gql(contractOperation('OpenPledge'), { id: followId }, { token: officer['TANDTC']! }));
  });

  it('shows the cross-scoring rotation and lets only the lead turn it, within 1 … n − 1', async () => {
    const before = dataOf(await work(officer['BTP'])).pledge;
    expect(before.crossScoreShift).toBe(1);
    const pairs = (entries: any[]) => entries.map((pair) => `${pair.scorer.code}→${pair.subject.code}`);
    expect(pairs(before.crossScoring)).toEqual(['VKSNDTC→TANDTC', 'BCA→VKSNDTC', 'BTP→BCA', 'TANDTC→BTP']);
    expect(errorCodes(await gql(ROTATE, { pledgeId: followId, shift: 2 }, officer['BTP']!))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(ROTATE, { pledgeId: followId, shift: 4 }, officer['TANDTC']!))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const turned = dataOf(
      await gql(ROTATE, { pledgeId: followId, shift: 2 }, officer['TANDTC']!),
    ).setCrossScoreRotation;
    expect(turned.crossScoreShift).toBe(2);
    expect(pairs(turned.crossScoring)).toEqual(['BCA→TANDTC', 'BTP→VKSNDTC', 'TANDTC→BCA', 'VKSNDTC→BTP']);
  });

  it('lists what each member owes, and lets the lead set the bloc’s own deadline', async () => {
    const { pledge } = dataOf(await work(officer['BTP']));
    const sign = pledge.deadlines.find((deadline: any) => deadline.kind === 'SIGN');
    expect(sign).toEqual({ kind: 'SIGN', period: null, dueOn: `${FOLLOW_YEAR}-03-31`, isDefault: true });
    const owedBy = (code: string) =>
      pledge.outstanding.filter((duty: any) => duty.organization.code === code).map((duty: any) => duty.kind);
    expect(owedBy('BTP')).toEqual(['SIGN', 'REPORT', 'REPORT', 'SELF_SCORE', 'CROSS_SCORE']);
    const signDuty = pledge.outstanding.find((duty: any) => duty.kind === 'SIGN');
    expect(signDuty.overdue).toBe(`${FOLLOW_YEAR}-03-31` < vietnamToday());
    // Working data: not for a unit outside the bloc, nor the public.
    expect(errorCodes(await work(officer['BQP']))).toContain('FORBIDDEN');
    expect(errorCodes(await work())).toContain('FORBIDDEN');

    expect(
      errorCodes(
        await gql(DEADLINE, { pledgeId: followId, kind: 'REPORT_H1', dueOn: `${FOLLOW_YEAR}-07-31` }, officer['BTP']!),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await gql(
          DEADLINE,
          { pledgeId: followId, kind: 'REPORT_H1', dueOn: `${FOLLOW_YEAR + 1}-05-01` },
          officer['TANDTC']!,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const set = dataOf(
      await gql(DEADLINE, { pledgeId: followId, kind: 'REPORT_H1', dueOn: `${FOLLOW_YEAR}-07-31` }, officer['TANDTC']!),
    );
    expect(set.setPledgeDeadline.deadlines.find((deadline: any) => deadline.kind === 'REPORT_H1')).toEqual({
      kind: 'REPORT_H1',
      dueOn: `${FOLLOW_YEAR}-07-31`,
      isDefault: false,
    });
  });

  it('records the lead’s reminders of what is owed, refuses one for what is done, and shows them in the member’s to-do', async () => {
    dataOf(
      await gql(contractOperation('SignPledge'), { pledgeId: followId, organizationCode: 'BTP' }, officer['BTP']!),
    );
    for (const item of FOLLOW_ITEMS)
      dataOf(
        await gql(
          contractOperation('ReportPledgeProgress'),
          { pledgeId: followId, organizationCode: 'BTP', itemCode: item.code, period: `${FOLLOW_YEAR}-H1`, value: 50 },
          officer['BTP']!,
        ),
      );
    const remind = (input: Record<string, unknown>, token = officer['TANDTC']!) =>
      gql(REMIND, { pledgeId: followId, organizationCode: 'BTP', ...input }, token);
    // BTP has signed and reported its half-year: nothing to remind there.
    expect(errorCodes(await remind({ kind: 'SIGN' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await remind({ kind: 'REPORT', period: `${FOLLOW_YEAR}-H1` }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await remind({ kind: 'SELF_SCORE' }, officer['BCA']!))).toEqual(['FORBIDDEN']);
    expect(dataOf(await remind({ kind: 'REPORT', period: String(FOLLOW_YEAR) })).remindPledgeMember).toEqual({
      kind: 'REPORT',
      period: String(FOLLOW_YEAR),
      organization: { code: 'BTP' },
    });
    dataOf(await remind({ kind: 'SELF_SCORE' }));

    const { pledge } = dataOf(await work(officer['TANDTC']));
    expect(pledge.reminders.map((reminder: any) => reminder.kind).sort()).toEqual(['REPORT', 'SELF_SCORE']);
    expect(pledge.reminders[0].organization.name).toBe('Bộ Tư pháp');

    const tasks = dataOf(await stack.gql(TASKS, { year: FOLLOW_YEAR }, { token: officer['BTP'] })).myPledgeTasks;
    expect(tasks.map((task: any) => [task.kind, task.period, task.reminders])).toEqual([
      ['REPORT', String(FOLLOW_YEAR), 1],
      ['SELF_SCORE', null, 1],
      ['CROSS_SCORE', null, 0],
    ]);
    expect(tasks[2]).toMatchObject({ bloc: { code: 'NOI_CHINH_TW' }, subject: { code: 'VKSNDTC' } });
    // The Central Board has no unit of its own: no to-do.
    expect(dataOf(await stack.gql(TASKS, { year: FOLLOW_YEAR }, { token: board })).myPledgeTasks).toEqual([]);
  });

  it('keeps a justification per item with the self-score, and names who scored each card', async () => {
    dataOf(
      await gql(
        contractOperation('SubmitScorecard'),
        {
          pledgeId: followId,
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
          pledgeId: followId,
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
});

describe('seeded pledges', () => {
  let seeded: InProcessStack;
  beforeAll(async () => {
    seeded = await startInProcess({ demo: true });
  });
  afterAll(() => seeded?.stop());

  it('has the real 2021 Nội chính pledge signed on 22/1/2021 with its theme', async () => {
    const { bloc } = dataOf(
      await seeded.gql(
        `{ bloc(code: "NOI_CHINH_TW") { pledge(year: 2021) { theme status isDemo signatures { signedAt organization { code } } } } }`,
      ),
    );
    expect(bloc.pledge).toMatchObject({
      theme: 'Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả',
      status: 'SIGNED',
      isDemo: false,
    });
    expect(bloc.pledge.signatures).toHaveLength(8);
    expect(bloc.pledge.signatures[0].signedAt.slice(0, 10)).toBe('2021-01-22');
  });

  it('has a demo 2024 year closed with a ranking and a leading unit', async () => {
    const { bloc } = dataOf(
      await seeded.gql(
        `{ bloc(code: "NOI_CHINH_TW") { pledges { year isDemo } pledge(year: 2024) { status ranking { rank totalScore organization { code } } leadingUnit { code name } } } }`,
      ),
    );
    expect(bloc.pledges.map((pledge: any) => [pledge.year, pledge.isDemo])).toEqual([
      [2024, true],
      [2022, true],
      [2021, false],
    ]);
    expect(bloc.pledge.status).toBe('CLOSED');
    expect(bloc.pledge.ranking).toHaveLength(8);
    expect(bloc.pledge.leadingUnit.code).toBe(bloc.pledge.ranking[0].organization.code);
    const totals = bloc.pledge.ranking.map((entry: any) => entry.totalScore);
    expect([...totals].sort((a: number, b: number) => b - a)).toEqual(totals);
  });
});
