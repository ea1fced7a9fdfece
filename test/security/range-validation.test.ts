/**
 * Every numeric input is checked against the range of the column it is written to before any SQL, so a
 * value the database would refuse (numeric overflow, a CHECK, rounding to a value a CHECK refuses)
 * is answered BAD_USER_INPUT with `extensions.field` naming the input and a message giving the
 * allowed range, never the generic "Dữ liệu nhập không hợp lệ." — and nothing is written.
 */
import { contractOperation } from '../support/operations';
import { createTestPerson, dataOf, errorCodes, startStack, type GraphQLResponse, type Stack } from '../support/stack';

const MEMBERS = ['TANDTC', 'VKSNDTC', 'BTP', 'BQLLANG'];
const YEAR = new Date().getUTCFullYear() - 1;
const ITEM = { code: '1', title: 'Chuyển đổi số', targetValue: 100, unit: '%', maxScore: 50 };
const UPDATE_PLEDGE = `mutation($input: UpdatePledgeInput!) { updatePledge(input: $input) { id } }`;
const CREATE_CONFERENCE = `mutation($input: CreateConferenceInput!) { createConference(input: $input) { code } }`;

let stack: Stack;
let board: string;
let lead: string;
let draftId: string;
let openId: string;
let nominationId: string;

beforeAll(async () => {
  stack = await startStack();
  board = await stack.token('CENTRAL_BOARD');
  lead = await stack.token('ORG_OFFICER', 'TANDTC');
  for (const [blocCode, year] of [
    ['NOI_CHINH_TW', YEAR],
    ['NOI_CHINH_TW', YEAR + 1],
    ['NOI_CHINH_TW', YEAR + 2],
  ] as const) {
    dataOf(
      await stack.gql(
        contractOperation('SetBlocMembership'),
        {
          input: {
            blocCode,
            year,
            members: MEMBERS.map((code, index) => ({ organizationCode: code, role: index === 0 ? 'LEAD' : 'MEMBER' })),
          },
        },
        { token: board },
      ),
    );
  }
  const create = (year: number) =>
    stack.gql(
      contractOperation('CreatePledge'),
      { input: { blocCode: 'NOI_CHINH_TW', year, theme: 'Thử giới hạn', items: [ITEM], bonusCap: 5 } },
      { token: lead },
    );
  openId = dataOf(await create(YEAR)).createPledge.id;
  dataOf(await stack.gql(contractOperation('OpenPledge'), { id: openId }, { token: lead }));
  draftId = dataOf(await create(YEAR + 1)).createPledge.id;

  const personId = await createTestPerson(stack, 'Nguyễn Thị Giới Hạn', 'BTP');
  const officer = await stack.token('ORG_OFFICER', 'BTP');
  nominationId = dataOf(
    await stack.gql(
      contractOperation('CreateNomination'),
      { input: { awardTypeCode: 'BANG_KHEN_TTG', personId, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' } },
      { token: officer },
    ),
  ).createNomination.id;
  dataOf(await stack.gql(contractOperation('SubmitNomination'), { id: nominationId }, { token: officer }));
}, 60_000);
afterAll(() => stack?.stop());

interface Case {
  name: string;
  send(): Promise<GraphQLResponse>;
  field: string;
  /** What the message must say of the allowed range. */
  range: RegExp;
}

const pledgeInput = (overrides: Record<string, unknown>) => ({
  blocCode: 'NOI_CHINH_TW',
  year: YEAR + 2,
  theme: 'Quá giới hạn',
  items: [ITEM],
  ...overrides,
});
const createPledge = (overrides: Record<string, unknown>) => () =>
  stack.gql(contractOperation('CreatePledge'), { input: pledgeInput(overrides) }, { token: board });
const updatePledge = (overrides: Record<string, unknown>) => () =>
  stack.gql(UPDATE_PLEDGE, { input: { id: draftId, ...overrides } }, { token: lead });
const report = (value: number) => () =>
  stack.gql(
    contractOperation('ReportPledgeProgress'),
    { input: { pledgeId: openId, organizationCode: 'BTP', itemCode: '1', period: String(YEAR), value } },
    { token: board },
  );
const score = (overrides: Record<string, unknown>) => () =>
  stack.gql(
    contractOperation('SubmitScorecard'),
    {
      input: {
        pledgeId: openId,
        organizationCode: 'BTP',
        stage: 'SELF',
        scores: [{ itemCode: '1', points: 10 }],
        ...overrides,
      },
    },
    { token: board },
  );
const conference = (overrides: Record<string, unknown>) => () =>
  stack.gql(
    CREATE_CONFERENCE,
    {
      input: {
        code: `RANGE_${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        title: 'Hội nghị thử',
        kind: 'EXEMPLAR_CONFERENCE',
        level: 'COMMUNE',
        hostCode: 'HN',
        periodFrom: 2020,
        periodTo: 2025,
        ...overrides,
      },
    },
    { token: board },
  );
const councilVote = (overrides: Record<string, unknown>) => () =>
  stack.gql(
    contractOperation('RecordCouncilVote'),
    { input: { nominationId, membersTotal: 15, yes: 12, no: 3, abstain: 0, votedOn: '2025-03-01', ...overrides } },
    { token: board },
  );

const CASES: Case[] = [
  // numeric(18,4): below 10^14 in absolute value.
  {
    name: 'createPledge targetValue 1e15',
    send: createPledge({ items: [{ ...ITEM, targetValue: 1e15 }] }),
    field: 'input.items[0].targetValue',
    range: /99\.999\.999\.999\.999,9999/,
  },
  {
    name: 'updatePledge targetValue -1e15',
    send: updatePledge({ items: [{ ...ITEM, targetValue: -1e15 }] }),
    field: 'input.items[0].targetValue',
    range: /99\.999\.999\.999\.999,9999/,
  },
  // numeric(10,2), CHECK (max_score > 0): 0.004 rounds to 0.
  {
    name: 'createPledge maxScore 0.004',
    send: createPledge({ items: [{ ...ITEM, maxScore: 0.004 }] }),
    field: 'input.items[0].maxScore',
    range: /0,01/,
  },
  // numeric(10,2), CHECK (bonus_cap >= 0).
  {
    name: 'createPledge bonusCap 1e9',
    send: createPledge({ bonusCap: 1e9 }),
    field: 'input.bonusCap',
    range: /99\.999\.999,99/,
  },
  {
    name: 'updatePledge bonusCap 1e9',
    send: updatePledge({ bonusCap: 1e9 }),
    field: 'input.bonusCap',
    range: /99\.999\.999,99/,
  },
  // numeric(4,3), CHECK (> 0 AND <= 1): 0.0004 rounds to 0.
  {
    name: 'createPledge leadingVoteThreshold 0.0004',
    send: createPledge({ leadingVoteThreshold: 0.0004 }),
    field: 'input.leadingVoteThreshold',
    range: /0,001.*1/,
  },
  {
    name: 'updatePledge leadingVoteThreshold 0.0004',
    send: updatePledge({ leadingVoteThreshold: 0.0004 }),
    field: 'input.leadingVoteThreshold',
    range: /0,001.*1/,
  },
  // progress_report.value numeric(18,4).
  {
    name: 'reportPledgeProgress value 1e15',
    send: report(1e15),
    field: 'input.value',
    range: /99\.999\.999\.999\.999,9999/,
  },
  // scorecard.bonus / penalty numeric(10,2) >= 0; scorecard_item.points numeric(10,2) >= 0.
  { name: 'submitScorecard bonus 1e9', send: score({ bonus: 1e9 }), field: 'input.bonus', range: /99\.999\.999,99/ },
  {
    name: 'submitScorecard penalty 1e9',
    send: score({ penalty: 1e9 }),
    field: 'input.penalty',
    range: /99\.999\.999,99/,
  },
  {
    name: 'submitScorecard penalty -1',
    send: score({ penalty: -1 }),
    field: 'input.penalty',
    range: /0.*99\.999\.999,99/,
  },
  {
    name: 'submitScorecard points -1',
    send: score({ scores: [{ itemCode: '1', points: -1 }] }),
    field: 'input.scores[0].points',
    range: /0/,
  },
  // conference: min_exemplar_share numeric(4,3) 0..1, max_delegates 1..10000, period 1945..2100.
  {
    name: 'createConference minExemplarShare 1.5',
    send: conference({ minExemplarShare: 1.5 }),
    field: 'input.minExemplarShare',
    range: /0.*1/,
  },
  {
    name: 'createConference maxDelegates 20000',
    send: conference({ maxDelegates: 20000 }),
    field: 'input.maxDelegates',
    range: /10\.000|10000/,
  },
  {
    name: 'createConference periodFrom 1800',
    send: conference({ periodFrom: 1800 }),
    field: 'input.periodFrom',
    range: /1945/,
  },
  // awards council vote: members_total > 0, ballots >= 0.
  {
    name: 'recordCouncilVote membersTotal 0',
    send: councilVote({ membersTotal: 0, yes: 0, no: 0 }),
    field: 'input.membersTotal',
    range: /1|lớn hơn 0/,
  },
  { name: 'recordCouncilVote yes -1', send: councilVote({ yes: -1 }), field: 'input.yes', range: /0/ },
];

it.each(CASES.map((testCase) => [testCase.name, testCase] as const))(
  '%s: BAD_USER_INPUT on its field with the allowed range',
  async (_name, testCase) => {
    const response = await testCase.send();
    const error = response.body.errors?.[0];
    expect([errorCodes(response), error?.extensions?.['field']]).toEqual([['BAD_USER_INPUT'], testCase.field]);
    expect(error!.message).not.toBe('Dữ liệu nhập không hợp lệ.');
    expect(error!.message).toMatch(testCase.range);
  },
);

it('wrote nothing for any refused input', async () => {
  const pledges = dataOf(
    await stack.gql(`{ bloc(code: "NOI_CHINH_TW") { pledge(year: ${YEAR + 2}) { id } } }`, undefined, { token: board }),
  );
  expect(pledges.bloc.pledge).toBeNull();
  const draft = dataOf(
    await stack.gql(
      `query($id: ID!) { pledge(id: $id) { bonusCap leadingVoteThreshold items { targetValue } } }`,
      { id: draftId },
      { token: board },
    ),
  );
  expect(draft.pledge).toEqual({ bonusCap: 5, leadingVoteThreshold: 0.8, items: [{ targetValue: 100 }] });
});
