/**
 * What a whole pledge year run end to end showed wrong, through the gateway with the tokens of the
 * people who act: the acclamation vote (one standing vote, dated between the closing and today in Việt
 * Nam, annulled only by the Central Board), who verifies the lead's own scorecard, reporting periods
 * and negative progress, scores outside the scheme, and FORBIDDEN before anything about the data.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes, type GraphQLResponse } from '../support/stack';

/** The current year: a vote may not be dated in the future, and the year is closed today. */
const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
);

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

/** A pledge of NOI_CHINH_TW in `year`, created by the Board, opened and signed by every member. */
async function signedPledge(year: number, members: [string, string][]): Promise<string> {
  const { createPledge } = dataOf(
    await stack.gql(
      contractOperation('CreatePledge'),
      { input: { blocCode: 'NOI_CHINH_TW', year, theme: 'Kỷ cương, trách nhiệm', items: ITEMS, bonusCap: 5 } },
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

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  for (const code of ['TANDTC', 'VKSNDTC', 'BTP', 'BCA', 'TTCP', 'KTNN', 'HN'])
    officer[code] = await stack.token('ORG_OFFICER', code);
  await setMembers(YEAR, MEMBERS);
  await setMembers(YEAR - 1, NO_DEPUTY);
});
afterAll(() => stack?.stop());

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
