/**
 * A whole bloc year through the gateway, with the tokens of the people who do each step: the Central
 * Board sets the bloc-year, the lead (TANDTC) creates, opens, verifies and closes, each member signs,
 * reports and self-scores, another member cross-scores; then BlocBoard shows it all with names from
 * the organizations subgraph.
 */
import { vietnamToday } from '@tdkt/subgraph-kit';
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
    // Another member than the assigned one is refused, naming the assigned scorer.
    const other = MEMBERS.find((candidate) => candidate !== code && candidate !== crossScorer)!;
    expect(errorCodes(await submit(code, 'CROSS', points, officer[other]!))).toEqual(['FORBIDDEN']);
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
