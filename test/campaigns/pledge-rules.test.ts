/**
 * What a whole pledge year run end to end showed wrong, through the gateway with the tokens of the
 * people who act: the acclamation vote (one standing vote, dated between the closing and today in Việt
 * Nam, annulled only by the Central Board), who verifies the lead's own scorecard, reporting periods
 * and negative progress, scores outside the scheme, and FORBIDDEN before anything about the data.
 */
import { vietnamToday, vietnamYear } from '@tdkt/subgraph-kit';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes, type GraphQLResponse } from '../support/stack';

/** The current year: a vote may not be dated in the future, and the year is closed today. */
const YEAR = vietnamYear();

/** NOI_CHINH_TW this year: TANDTC leads, VKSNDTC is deputy; the year before has no deputy. */
const MEMBERS: [string, string][] = [
  ['TANDTC', 'LEAD'],
  ['VKSNDTC', 'DEPUTY'],
  ['BTP', 'MEMBER'],
  ['BCA', 'MEMBER'],
];
const NO_DEPUTY: [string, string][] = [
  ['BCA', 'LEAD'],
  ['BTP', 'MEMBER'],
  ['TTCP', 'MEMBER'],
];
const ITEMS = [
  { code: '1', title: 'Hoàn thành xuất sắc nhiệm vụ chính trị', maxScore: 60 },
  { code: '2', title: 'Giảm tỷ lệ án bị hủy, sửa', targetValue: -3, unit: '%', maxScore: 40 },
  { code: '3', title: 'Số hồ sơ được số hóa', targetValue: 1000, unit: 'hồ sơ', maxScore: 0.5 },
];
/** The same, with item 2 measured against a baseline: its progress may be negative. */
const ITEMS_WITH_REDUCTION = ITEMS.map((item) => (item.code === '2' ? { ...item, allowNegative: true } : item));

let stack: InProcessStack;
let board: string;
const officer: Record<string, string> = {};

const message = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.message).join(' ');
const field = (response: GraphQLResponse) =>
  (response.body.errors?.[0]?.extensions as { field?: string } | undefined)?.field;

async function setMembers(year: number, members: [string, string][]) {
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      {
        input: {
          blocCode: 'NOI_CHINH_TW',
          year,
          members: members.map(([organizationCode, role]) => ({ organizationCode, role })),
        },
      },
      { token: board },
    ),
  );
}

const submit = (
  pledgeId: string,
  organizationCode: string,
  stage: string,
  token: string,
  extra: Record<string, unknown> = {},
  points = [50, 30, 0.5],
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

/** The member the bloc's rotation assigns to cross-score `code` now (Pledge.crossScoring). */
async function scorerOf(pledgeId: string, code: string): Promise<string> {
  const { pledge } = dataOf(
    await stack.gql(
      `query($id: ID!) { pledge(id: $id) { crossScoring { scorer { code } subject { code } } } }`,
      { id: pledgeId },
      { token: board },
    ),
  );
  return pledge.crossScoring.find((pair: any) => pair.subject.code === code).scorer.code;
}

/** A pledge of NOI_CHINH_TW in `year`, created by the Board, opened and signed by every member. */
async function signedPledge(year: number, members: [string, string][], items: object[] = ITEMS): Promise<string> {
  const { createPledge } = dataOf(
    await stack.gql(
      contractOperation('CreatePledge'),
      { input: { blocCode: 'NOI_CHINH_TW', year, theme: 'Kỷ cương, trách nhiệm', items, bonusCap: 5 } },
      { token: board },
    ),
  );
  dataOf(await stack.gql(contractOperation('OpenPledge'), { id: createPledge.id }, { token: board }));
  for (const [code] of members)
    dataOf(
      await stack.gql(
        contractOperation('SignPledge'),
        { input: { pledgeId: createPledge.id, organizationCode: code } },
        { token: officer[code] },
      ),
    );
  return createPledge.id;
}

/** SELF by the member, CROSS by the Board, VERIFIED by the Board, then closed: ranked today. */
async function closedPledge(pledgeId: string, members: [string, string][]): Promise<void> {
  for (const [index, [code]] of members.entries()) {
    const points = [60 - index * 5, 30, 0.5];
    dataOf(await submit(pledgeId, code, 'SELF', officer[code]!, {}, points));
    dataOf(await submit(pledgeId, code, 'CROSS', board, {}, points));
    dataOf(await submit(pledgeId, code, 'VERIFIED', board, {}, points));
  }
  dataOf(await stack.gql(contractOperation('ClosePledge'), { id: pledgeId }, { token: board }));
}

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  for (const code of ['TANDTC', 'VKSNDTC', 'BTP', 'BCA', 'TTCP', 'KTNN', 'HN'])
    officer[code] = await stack.token('ORG_OFFICER', code);
  await setMembers(YEAR, MEMBERS);
  await setMembers(YEAR - 1, NO_DEPUTY);
});
afterAll(() => stack?.stop());

describe('the acclamation vote', () => {
  let pledgeId: string;
  const VOTE = `mutation($input: RecordBlocVoteInput!) { recordBlocVote(input: $input) { id passed votedOn candidate { code } } }`;
  const ANNUL = `mutation($input: AnnulBlocVoteInput!) { annulBlocVote(input: $input) { id annulledAt annulledReason annulledBy } }`;
  const STATE = `query($id: ID!) { pledge(id: $id) { leadingUnit { code } votes { id passed annulledAt annulledReason candidate { code } } } }`;
  const vote = (candidateOrganizationCode: string, yes: number, votedOn = vietnamToday()) =>
    stack.gql(
      VOTE,
      { input: { pledgeId, candidateOrganizationCode, yes, no: 4 - yes, abstain: 0, votedOn } },
      { token: officer['TANDTC'] },
    );
  const state = async () => dataOf(await stack.gql(STATE, { id: pledgeId }, { token: board })).pledge;

  beforeAll(async () => {
    pledgeId = await signedPledge(YEAR, MEMBERS);
    await closedPledge(pledgeId, MEMBERS);
  });

  it('refuses a vote dated in the future or before the year was closed, naming the field', async () => {
    const future = await vote('TANDTC', 4, '2030-01-01');
    expect(errorCodes(future)).toEqual(['BAD_USER_INPUT']);
    expect(field(future)).toBe('input.votedOn');
    expect(message(future)).toContain('chưa tới');
    const early = await vote('TANDTC', 4, `${YEAR - 1}-12-31`);
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(message(early)).toContain('trước ngày tổng kết');
    expect((await state()).votes).toEqual([]);
  });

  it('keeps a failed vote, takes one that passes, and refuses any further vote (even for the last-ranked member)', async () => {
    expect(dataOf(await vote('TANDTC', 3)).recordBlocVote.passed).toBe(false);
    expect(dataOf(await vote('TANDTC', 4)).recordBlocVote.passed).toBe(true);
    const again = await vote('BCA', 4);
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(message(again)).toContain('đã suy tôn đơn vị dẫn đầu');
    expect(errorCodes(await vote('BCA', 0))).toEqual(['CONFLICT']);
    const now = await state();
    expect(now.leadingUnit).toEqual({ code: 'TANDTC' });
    expect(now.votes.map((v: any) => [v.passed, v.candidate.code])).toEqual([
      [false, 'TANDTC'],
      [true, 'TANDTC'],
    ]);
  });

  it('lets two concurrent passing votes leave exactly one standing', async () => {
    const other = await signedPledge(YEAR - 1, NO_DEPUTY);
    await closedPledge(other, NO_DEPUTY);
    const results = await Promise.all(
      ['BCA', 'BTP', 'TTCP', 'BCA'].map((code) =>
        stack.gql(
          VOTE,
          {
            input: {
              pledgeId: other,
              candidateOrganizationCode: code,
              yes: 3,
              no: 0,
              abstain: 0,
              votedOn: vietnamToday(),
            },
          },
          { token: board },
        ),
      ),
    );
    expect(results.filter((result) => !result.body.errors).length).toBe(1);
    expect(results.flatMap(errorCodes)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it('lets only the Central Board annul a passed vote, with a reason, and shows the annulment', async () => {
    const standing = (await state()).votes.find((v: any) => v.passed);
    const failed = (await state()).votes.find((v: any) => !v.passed);
    const input = { voteId: standing.id, reason: 'Phiếu bầu không hợp lệ: thiếu biên bản kiểm phiếu.' };
    expect(errorCodes(await stack.gql(ANNUL, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await stack.gql(ANNUL, { input }, { token: officer['TANDTC'] }))).toEqual(['FORBIDDEN']);
    const noReason = await stack.gql(ANNUL, { input: { ...input, reason: '  ' } }, { token: board });
    expect(errorCodes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(field(noReason)).toBe('input.reason');
    expect(errorCodes(await stack.gql(ANNUL, { input: { ...input, voteId: failed.id } }, { token: board }))).toEqual([
      'CONFLICT',
    ]);

    const annulled = dataOf(await stack.gql(ANNUL, { input }, { token: board })).annulBlocVote;
    expect(annulled).toMatchObject({ id: standing.id, annulledReason: input.reason, annulledBy: expect.any(String) });
    expect(annulled.annulledAt).toEqual(expect.any(String));
    expect(errorCodes(await stack.gql(ANNUL, { input }, { token: board }))).toEqual(['CONFLICT']);
    const now = await state();
    expect(now.leadingUnit).toBeNull();
    expect(now.votes).toHaveLength(2);
    const summaries = dataOf(
      await stack.gql(
        `query($year: Int!) { blocPledgeSummaries(year: $year) { edges { node { bloc { code } leadingUnit { code } } } } }`,
        { year: YEAR },
      ),
    ).blocPledgeSummaries.edges.map((edge: any) => edge.node);
    expect(summaries.find((node: any) => node.bloc.code === 'NOI_CHINH_TW').leadingUnit).toBeNull();

    const { auditTrail } = dataOf(
      await stack.gql(
        `query($id: String!) { auditTrail { campaigns(filter: { entityType: "BlocVote", entityId: $id }) { edges { node { operation before after } } } } }`,
        { id: standing.id },
        { token: board },
      ),
    );
    const operations = auditTrail.campaigns.edges.map((edge: any) => edge.node);
    expect(operations.map((node: any) => node.operation)).toEqual(
      expect.arrayContaining(['recordBlocVote', 'annulBlocVote']),
    );
    const annulment = operations.find((node: any) => node.operation === 'annulBlocVote');
    expect(annulment.before.annulled_at).toBeNull();
    expect(annulment.after.annulled_reason).toBe(input.reason);

    // After the annulment the bloc votes again; the new result stands.
    expect(dataOf(await vote('VKSNDTC', 4)).recordBlocVote.passed).toBe(true);
    expect((await state()).leadingUnit).toEqual({ code: 'VKSNDTC' });
  });
});

describe('verification of the lead’s own scorecard', () => {
  let pledgeId: string;
  beforeAll(async () => {
    await setMembers(YEAR + 1, MEMBERS);
    pledgeId = await signedPledge(YEAR + 1, MEMBERS);
    for (const [code] of MEMBERS) {
      dataOf(await submit(pledgeId, code, 'SELF', officer[code]!));
      dataOf(await submit(pledgeId, code, 'CROSS', officer[await scorerOf(pledgeId, code)]!));
    }
  });

  it('refuses the lead verifying its own card, naming the deputy who must', async () => {
    const own = await submit(pledgeId, 'TANDTC', 'VERIFIED', officer['TANDTC']!);
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(message(own)).toContain('Khối phó (Viện kiểm sát nhân dân tối cao)');
    expect(errorCodes(await submit(pledgeId, 'TANDTC', 'VERIFIED', officer['BTP']!))).toEqual(['FORBIDDEN']);
    expect(dataOf(await submit(pledgeId, 'TANDTC', 'VERIFIED', officer['VKSNDTC']!)).submitScorecard.stage).toBe(
      'VERIFIED',
    );
  });

  it('leaves the other members’ cards to the lead, not to the deputy', async () => {
    expect(dataOf(await submit(pledgeId, 'BTP', 'VERIFIED', officer['TANDTC']!)).submitScorecard.stage).toBe(
      'VERIFIED',
    );
    expect(errorCodes(await submit(pledgeId, 'BCA', 'VERIFIED', officer['VKSNDTC']!))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await submit(pledgeId, 'VKSNDTC', 'VERIFIED', officer['VKSNDTC']!))).toEqual(['FORBIDDEN']);
  });

  it('sends the lead’s card to the organizer (the Central Board) when the bloc has no deputy that year', async () => {
    await setMembers(YEAR + 1, [
      ['TANDTC', 'LEAD'],
      ['VKSNDTC', 'MEMBER'],
      ['BTP', 'MEMBER'],
      ['BCA', 'MEMBER'],
    ]);
    const own = await submit(pledgeId, 'TANDTC', 'VERIFIED', officer['TANDTC']!);
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(message(own)).toContain('do Ban TĐKT Trung ương, đơn vị tổ chức khối, thẩm định');
    expect(errorCodes(await submit(pledgeId, 'TANDTC', 'VERIFIED', officer['VKSNDTC']!))).toEqual(['FORBIDDEN']);
    expect(dataOf(await submit(pledgeId, 'TANDTC', 'VERIFIED', board)).submitScorecard.stage).toBe('VERIFIED');
  });

  it('keeps the cards under a verified score as they were verified; only a new verification replaces it', async () => {
    // BTP's card was verified above: its self-score and cross-score are now the record.
    const self = await submit(pledgeId, 'BTP', 'SELF', officer['BTP']!);
    expect(errorCodes(self)).toEqual(['CONFLICT']);
    expect(message(self)).toContain('đã được thẩm định; phiếu tự chấm không sửa được nữa');
    expect(errorCodes(await submit(pledgeId, 'BTP', 'CROSS', officer[await scorerOf(pledgeId, 'BTP')]!))).toEqual([
      'CONFLICT',
    ]);
    expect(dataOf(await submit(pledgeId, 'BTP', 'VERIFIED', officer['TANDTC']!)).submitScorecard.stage).toBe(
      'VERIFIED',
    );
    // A card not yet verified can still be corrected.
    expect(dataOf(await submit(pledgeId, 'BCA', 'SELF', officer['BCA']!)).submitScorecard.stage).toBe('SELF');
  });
});

describe('scores outside the scheme', () => {
  let pledgeId: string;
  beforeAll(async () => {
    await setMembers(YEAR - 2, MEMBERS);
    pledgeId = await signedPledge(YEAR - 2, MEMBERS);
    dataOf(await submit(pledgeId, 'BTP', 'SELF', officer['BTP']!));
  });

  it('refuses a bonus above the cap, naming the cap, instead of counting it at the cap', async () => {
    const above = await submit(pledgeId, 'BTP', 'SELF', officer['BTP']!, { bonus: 9 });
    expect(errorCodes(above)).toEqual(['BAD_USER_INPUT']);
    expect(field(above)).toBe('input.bonus');
    expect(message(above)).toContain('Điểm thưởng tối đa là 5 điểm');
    expect(
      dataOf(await submit(pledgeId, 'BTP', 'SELF', officer['BTP']!, { bonus: 5, penalty: 1 })).submitScorecard,
    ).toEqual({ stage: 'SELF', totalScore: 50 + 30 + 0.5 + 5 - 1 });
  });

  it.each([
    ['points above the item maximum', [61, 30, 0.5], {}, 'input.scores[0].points'],
    ['points above a fractional maximum', [50, 30, 0.75], {}, 'input.scores[2].points'],
    ['negative points', [50, -1, 0.5], {}, 'input.scores[1].points'],
    ['a negative penalty', [50, 30, 0.5], { penalty: -2 }, 'input.penalty'],
  ])('refuses %s with a field error', async (_case, points, extra, path) => {
    const refused = await submit(pledgeId, 'BTP', 'SELF', officer['BTP']!, extra, points);
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(field(refused)).toBe(path);
  });
});

describe('progress periods and values', () => {
  let pledgeId: string;
  const report = (input: Record<string, unknown>, token = officer['BTP']!) =>
    stack.gql(
      contractOperation('ReportPledgeProgress'),
      { input: { pledgeId, organizationCode: 'BTP', ...input } },
      { token },
    );
  beforeAll(async () => {
    await setMembers(YEAR - 3, MEMBERS);
    pledgeId = await signedPledge(YEAR - 3, MEMBERS, ITEMS_WITH_REDUCTION);
  });

  it('takes half-years, months, quarters and the year, in the pledge’s year only', async () => {
    const year = YEAR - 3;
    for (const period of [`${year}-H1`, `${year}-07`, `${year}-Q3`, `${year}-H2`, `${year}`])
      expect(dataOf(await report({ itemCode: '3', period, value: 100 })).reportPledgeProgress.period).toBe(period);
    for (const period of [`${year}-H3`, `${year}-13`, `${year}-7`, `${year + 1}-H1`, `${year}-Q5`]) {
      const refused = await report({ itemCode: '3', period, value: 1 });
      expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
      expect(field(refused)).toBe('input.period');
    }
  });

  it('refuses a negative figure unless the item allows it', async () => {
    const negative = await report({ itemCode: '3', period: `${YEAR - 3}-H1`, value: -5 });
    expect(errorCodes(negative)).toEqual(['BAD_USER_INPUT']);
    expect(field(negative)).toBe('input.value');
    expect(message(negative)).toContain('không được âm');
    expect(
      dataOf(await report({ itemCode: '2', period: `${YEAR - 3}-H1`, value: -2.5 })).reportPledgeProgress.value,
    ).toBe(-2.5);
    const items = dataOf(
      await stack.gql(`query($id: ID!) { pledge(id: $id) { items { code allowNegative } } }`, { id: pledgeId }),
    ).pledge.items;
    expect(items.map((item: any) => [item.code, item.allowNegative])).toEqual([
      ['1', false],
      ['2', true],
      ['3', false],
    ]);
  });

  it('counts the figure of the period ending last in the bloc summary (a month after the half-year)', async () => {
    const year = YEAR - 3;
    // BCA: 600 for the half-year, then 900 for August: August is its figure (90 % of 1000).
    dataOf(await report({ organizationCode: 'BCA', itemCode: '3', period: `${year}-H1`, value: 600 }, officer['BCA']));
    dataOf(await report({ organizationCode: 'BCA', itemCode: '3', period: `${year}-08`, value: 900 }, officer['BCA']));
    const { blocPledgeSummaries } = dataOf(
      await stack.gql(
        `query($year: Int!) { blocPledgeSummaries(year: $year) { edges { node { bloc { code } averageProgress completionRate } } } }`,
        { year },
        { token: board },
      ),
    );
    const summary = blocPledgeSummaries.edges.find((edge: any) => edge.node.bloc.code === 'NOI_CHINH_TW').node;
    // Item 3 (target 1000): BTP's figure is its whole-year 100 (10 %), BCA's is August's 900 (90 %).
    // Item 2 (target −3, not a positive target) is left out; 4 members × 1 item.
    expect(summary.averageProgress).toBeCloseTo((0.1 + 0.9) / 4, 5);
  });
});

describe('a caller of an unrelated organization', () => {
  // HN's officer acts for Hà Nội only: every campaigns mutation on the bloc's units answers FORBIDDEN
  // before anything about the data — membership, state, items, periods, votes.
  let draftId: string;
  let openId: string;
  let closedId: string;
  let voteId: string;
  beforeAll(async () => {
    await setMembers(YEAR - 4, MEMBERS);
    await setMembers(YEAR - 7, MEMBERS);
    openId = await signedPledge(YEAR - 4, MEMBERS);
    const { createPledge } = dataOf(
      await stack.gql(
        contractOperation('CreatePledge'),
        { input: { blocCode: 'NOI_CHINH_TW', year: YEAR - 7, theme: 'Bản nháp', items: ITEMS } },
        { token: board },
      ),
    );
    draftId = createPledge.id;
    await setMembers(YEAR - 9, MEMBERS);
    closedId = await signedPledge(YEAR - 9, MEMBERS);
    await closedPledge(closedId, MEMBERS);
    voteId = dataOf(
      await stack.gql(
        `mutation($input: RecordBlocVoteInput!) { recordBlocVote(input: $input) { id } }`,
        {
          input: {
            pledgeId: closedId,
            candidateOrganizationCode: 'BTP',
            yes: 4,
            no: 0,
            abstain: 0,
            votedOn: vietnamToday(),
          },
        },
        { token: board },
      ),
    ).recordBlocVote.id;
  });

  it.each<[string, () => { query: string; variables: Record<string, unknown> }]>([
    [
      'createPledge',
      () => ({
        query: `mutation($input: CreatePledgeInput!) { createPledge(input: $input) { id } }`,
        variables: { input: { blocCode: 'NOI_CHINH_TW', year: YEAR - 8, theme: 'Khác', items: ITEMS } },
      }),
    ],
    [
      'updatePledge',
      () => ({
        query: `mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { id } }`,
        variables: { input: { id: draftId, theme: 'Khác' } },
      }),
    ],
    ['openPledge', () => ({ query: `mutation($id: ID!) { openPledge(id: $id) { id } }`, variables: { id: draftId } })],
    [
      // KTNN is not a member that year: the old answer was "… không phải thành viên".
      'signPledge (for a non-member)',
      () => ({
        query: `mutation($input: SignPledgeInput!) { signPledge(input: $input) { signedAt } }`,
        variables: { input: { pledgeId: openId, organizationCode: 'KTNN' } },
      }),
    ],
    [
      'signPledge (for a member of a closed pledge)',
      () => ({
        query: `mutation($input: SignPledgeInput!) { signPledge(input: $input) { signedAt } }`,
        variables: { input: { pledgeId: closedId, organizationCode: 'BTP' } },
      }),
    ],
    [
      'reportPledgeProgress',
      () => ({
        query: `mutation($input: ReportPledgeProgressInput!) { reportPledgeProgress(input: $input) { period } }`,
        variables: { input: { pledgeId: openId, organizationCode: 'KTNN', itemCode: '9', period: 'xx', value: -1 } },
      }),
    ],
    ...(['SELF', 'CROSS', 'VERIFIED'] as const).map(
      (stage): [string, () => { query: string; variables: Record<string, unknown> }] => [
        `submitScorecard ${stage}`,
        () => ({
          query: `mutation($input: SubmitScorecardInput!) { submitScorecard(input: $input) { stage } }`,
          variables: {
            input: { pledgeId: closedId, organizationCode: 'KTNN', stage, scores: [{ itemCode: '9', points: 99 }] },
          },
        }),
      ],
    ),
    ['closePledge', () => ({ query: `mutation($id: ID!) { closePledge(id: $id) { id } }`, variables: { id: openId } })],
    [
      'recordBlocVote',
      () => ({
        query: `mutation($input: RecordBlocVoteInput!) { recordBlocVote(input: $input) { id } }`,
        variables: {
          input: {
            pledgeId: closedId,
            candidateOrganizationCode: 'KTNN',
            yes: 9,
            no: 0,
            abstain: 0,
            votedOn: '2030-01-01',
          },
        },
      }),
    ],
    [
      'annulBlocVote',
      () => ({
        query: `mutation($input: AnnulBlocVoteInput!) { annulBlocVote(input: $input) { id } }`,
        variables: { input: { voteId, reason: 'Thử' } },
      }),
    ],
    [
      'annulBlocVote (an unknown vote)',
      () => ({
        query: `mutation($input: AnnulBlocVoteInput!) { annulBlocVote(input: $input) { id } }`,
        variables: { input: { voteId: '00000000-0000-4000-8000-000000000000', reason: 'Thử' } },
      }),
    ],
    [
      'createMovement',
      () => ({
        query: `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id } }`,
        variables: {
          input: {
            code: 'BTP_PT_THU',
            title: 'Phong trào thử',
            organizationCode: 'BTP',
            launchLevel: 'MINISTRY_OR_PROVINCE',
            method: 'THEMATIC',
            scope: 'UNIT',
            startDate: `${YEAR}-01-01`,
            parentCode: 'KHONG_CO',
          },
        },
      }),
    ],
    [
      'registerForMovement',
      () => ({
        query: `mutation($input: RegisterForMovementInput!) { registerForMovement(input: $input) { id } }`,
        variables: { input: { movementCode: 'NOI_CHINH_TW_2021', organizationCode: 'KTNN' } },
      }),
    ],
    [
      'createConference',
      () => ({
        query: `mutation($input: CreateConferenceInput!) { createConference(input: $input) { id } }`,
        variables: {
          input: {
            code: 'BTP_HN_THU',
            title: 'Hội nghị thử',
            kind: 'EXEMPLAR_CONFERENCE',
            level: 'MINISTRY_OR_PROVINCE',
            hostCode: 'BTP',
            periodFrom: 2020,
            periodTo: 2025,
            feedsIntoCode: 'KHONG_CO',
          },
        },
      }),
    ],
    [
      'addConferenceDelegates',
      () => ({
        query: `mutation($input: AddConferenceDelegatesInput!) { addConferenceDelegates(input: $input) { id } }`,
        variables: { input: { conferenceCode: 'DHTDYN_TOAN_QUOC_X', delegates: [] } },
      }),
    ],
  ])('%s: FORBIDDEN', async (_name, build) => {
    const { query, variables } = build();
    const response = await stack.gql(query, variables, { token: officer['HN'] });
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(message(response)).not.toMatch(/thành viên của|không có nội dung|Kỳ báo cáo|đã tổng kết|đang mở ký/);
  });
});
