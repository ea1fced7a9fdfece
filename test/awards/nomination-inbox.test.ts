/**
 * Nominations routed by level and the officer's inbox (in-process tier): a file goes unit → ministry →
 * Central Board (appraisal) → Prime Minister for a Bằng khen TTg (Luật TĐKT 2022 Arts 77–80), each step
 * recorded with the levels it moved between; a return goes back one level with its reason; a forwarded
 * file is read-only below its holder. The Central Board's clocks run in working days (QĐ 311/QĐ-BNV
 * 2025) and the submission windows of ND 98/2023 Art 32 mark late files. The inbox lists what waits on
 * the caller's unit (the Board: the national queue), oldest first, with counts, in as many SQL
 * statements for a page of 12 as for a page of 3.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
let ministry: string;
let unit: string;

const FIELDS = `id status holderLevel nextAction heldByCaller
  route { level organization { id } }
  holder { level label }
  deadline { kind dueOn countsWorkingDays daysLeft daysLate overdue }
  history { fromStatus toStatus fromLevel toLevel reason byOrganization }`;
const READ = `query($id: ID!) { nomination(id: $id) { ${FIELDS} } }`;
const FORWARD = `mutation($id: ID!) { forwardNomination(id: $id) { ${FIELDS} } }`;
const RETURN = `mutation($id: ID!, $reason: String!) { returnNomination(id: $id, reason: $reason) { id } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawNomination(id: $id) { id } }`;
const INBOX = `query($filter: NominationInboxFilter, $first: Int, $after: String) {
  nominationInbox(filter: $filter, first: $first, after: $after) {
    totalCount
    countsByStatus { status count }
    edges { node { id year status nextAction awardType { code } deadline { kind overdue daysLate } history { toStatus } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const create = async (input: Record<string, unknown>, token: string): Promise<string> =>
  dataOf(await stack.gql(contractOperation('CreateNomination'), { input: { basis: 'MERIT', ...input } }, { token }))
    .createNomination.id;
const read = async (id: string, token = board) => dataOf(await stack.gql(READ, { id }, { token })).nomination;
const submit = async (id: string, token: string) =>
  dataOf(await stack.gql(contractOperation('SubmitNomination'), { id }, { token }));
const approve = async (id: string, token: string) =>
  dataOf(
    await stack.gql(
      contractOperation('RecordCouncilVote'),
      { input: { nominationId: id, membersTotal: 9, yes: 9, no: 0, abstain: 0, votedOn: '2025-03-03' } },
      { token },
    ),
  );
const inbox = async (token: string, variables: Record<string, unknown> = {}) =>
  dataOf(await stack.gql(INBOX, variables, { token })).nominationInbox;
const inboxIds = async (token: string, variables: Record<string, unknown> = {}) =>
  (await inbox(token, { first: 100, ...variables })).edges.map((edge: { node: { id: string } }) => edge.node.id);

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  dataOf(
    await stack.gql(
      contractOperation('CreateOrganization'),
      {
        input: { code: 'VU_TDKT_INBOX', name: 'Vụ Thi đua – Khen thưởng (thử)', kind: 'DEPARTMENT', parentCode: 'BTP' },
      },
      { token: board },
    ),
  );
  ministry = await stack.token('ORG_OFFICER', 'BTP');
  unit = await stack.token('ORG_OFFICER', 'VU_TDKT_INBOX');
});
afterAll(() => stack?.stop());

it('routes a Bằng khen TTg unit → ministry → Central Board → Prime Minister, one level back on a return', async () => {
  const id = await create(
    { awardTypeCode: 'BANG_KHEN_TTG', organizationCode: 'VU_TDKT_INBOX', year: 2024, proposedByCode: 'VU_TDKT_INBOX' },
    unit,
  );
  const drafted = await read(id, unit);
  expect(drafted.route.map((stop: { level: string }) => stop.level)).toEqual([
    'UNIT',
    'MINISTRY_OR_PROVINCE',
    'CENTRAL_BOARD',
    'PRIME_MINISTER',
  ]);
  expect(drafted).toMatchObject({ holderLevel: 'UNIT', nextAction: 'SUBMIT', heldByCaller: true, deadline: null });

  await submit(id, unit);
  expect(await inboxIds(unit)).not.toContain(id);
  expect(await inboxIds(ministry)).toContain(id);
  expect(await read(id, ministry)).toMatchObject({ holderLevel: 'MINISTRY_OR_PROVINCE', nextAction: 'REVIEW' });
  // Only the holder forwards: the unit below cannot.
  expect(errorCodes(await stack.gql(FORWARD, { id }, { token: unit }))).toEqual(['FORBIDDEN']);
  await approve(id, ministry);
  expect((await read(id, ministry)).nextAction).toBe('FORWARD');
  const forwarded = dataOf(await stack.gql(FORWARD, { id }, { token: ministry })).forwardNomination;
  expect(forwarded).toMatchObject({ holderLevel: 'CENTRAL_BOARD', heldByCaller: false, nextAction: 'FORWARD' });
  // The Board's clock for an eligible (here: council-judged) file: 20 working days from receipt.
  expect(forwarded.deadline).toMatchObject({ kind: 'SUBMIT_ELIGIBLE', daysLeft: 20, overdue: false });
  expect(forwarded.holder.label).toMatch(/Ban Thi đua – Khen thưởng Trung ương/);

  // Read-only below the holder: the ministry and the unit may read it, not change it.
  expect((await read(id, unit)).holderLevel).toBe('CENTRAL_BOARD');
  expect(errorCodes(await stack.gql(RETURN, { id, reason: 'Thiếu biên bản' }, { token: ministry }))).toEqual([
    'FORBIDDEN',
  ]);
  expect(errorCodes(await stack.gql(WITHDRAW, { id }, { token: unit }))).toEqual(['FORBIDDEN']);
  expect(errorCodes(await stack.gql(FORWARD, { id }, { token: ministry }))).toEqual(['FORBIDDEN']);
  expect(await inboxIds(board)).toContain(id);
  expect(await inboxIds(ministry)).not.toContain(id);

  // The Board returns it one level, to the ministry, with its reason; the ministry returns it to the unit.
  dataOf(await stack.gql(RETURN, { id, reason: 'Bổ sung báo cáo thành tích có xác nhận' }, { token: board }));
  expect(await read(id, ministry)).toMatchObject({ status: 'APPROVED', holderLevel: 'MINISTRY_OR_PROVINCE' });
  dataOf(await stack.gql(RETURN, { id, reason: 'Hoàn thiện báo cáo' }, { token: ministry }));
  const returned = await read(id, unit);
  expect(returned).toMatchObject({ status: 'RETURNED', holderLevel: 'UNIT', nextAction: 'SUBMIT' });
  expect(
    returned.history.map(
      (step: { fromStatus: string; toStatus: string; fromLevel: string; toLevel: string; reason: string | null }) =>
        `${step.fromStatus}→${step.toStatus} ${step.fromLevel}→${step.toLevel} ${step.reason ?? ''}`.trim(),
    ),
  ).toEqual([
    'null→DRAFT null→UNIT',
    'DRAFT→SUBMITTED UNIT→MINISTRY_OR_PROVINCE',
    'SUBMITTED→COUNCIL_REVIEW MINISTRY_OR_PROVINCE→MINISTRY_OR_PROVINCE',
    expect.stringMatching(/^COUNCIL_REVIEW→APPROVED MINISTRY_OR_PROVINCE→MINISTRY_OR_PROVINCE Hội đồng/),
    'APPROVED→APPROVED MINISTRY_OR_PROVINCE→CENTRAL_BOARD',
    'APPROVED→APPROVED CENTRAL_BOARD→MINISTRY_OR_PROVINCE Bổ sung báo cáo thành tích có xác nhận',
    'APPROVED→RETURNED MINISTRY_OR_PROVINCE→UNIT Hoàn thiện báo cáo',
  ]);
  expect(returned.history[4].byOrganization).toBe('BTP');

  // Again up: the Board submits only what its council approved, then stops at the deciding level.
  await submit(id, unit);
  dataOf(await stack.gql(FORWARD, { id }, { token: ministry }));
  expect(errorCodes(await stack.gql(FORWARD, { id }, { token: board }))).toEqual(['CONFLICT']);
  await approve(id, board);
  const atPm = dataOf(await stack.gql(FORWARD, { id }, { token: board })).forwardNomination;
  expect(atPm).toMatchObject({ holderLevel: 'PRIME_MINISTER', nextAction: 'DECIDE', deadline: null });
  expect(errorCodes(await stack.gql(FORWARD, { id }, { token: board }))).toEqual(['CONFLICT']);
});

it('runs the Board clock on an ineligible file (5 working days) and shows it late once past', async () => {
  const personId = await createTestPerson(stack, 'Phan Văn Khải', 'BTP');
  // The ministry proposes: its file goes straight to the Board on submission.
  const id = await create({ awardTypeCode: 'CSTD_TOAN_QUOC', personId, year: 2024, proposedByCode: 'BTP' }, ministry);
  await submit(id, ministry);
  const atBoard = await read(id);
  expect(atBoard).toMatchObject({ holderLevel: 'CENTRAL_BOARD', nextAction: 'RETURN' });
  expect(atBoard.deadline).toMatchObject({ kind: 'RETURN_INELIGIBLE', daysLeft: 5, overdue: false });
  expect(errorCodes(await stack.gql(FORWARD, { id }, { token: board }))).toEqual(['CONFLICT']);
  // Received six weeks ago: well past 5 working days, whatever the holidays.
  await stack.subgraphs['awards']!.database.dataSource.query(
    `UPDATE awards.nomination SET holder_since = now() - interval '42 days' WHERE id = $1`,
    [id],
  );
  const late = (await read(id)).deadline;
  expect(late).toMatchObject({ kind: 'RETURN_INELIGIBLE', overdue: true, daysLeft: 0 });
  expect(late.daysLate).toBeGreaterThanOrEqual(20);
  // Oldest first in the national queue.
  expect((await inboxIds(board))[0]).toBe(id);
});

it('lists what waits on the unit: counts, filters, oldest first, pages; constant SQL per page', async () => {
  const drafts: string[] = [];
  for (let year = 2000; year < 2012; year += 1)
    drafts.push(
      await create(
        { awardTypeCode: 'GIAY_KHEN', organizationCode: 'VU_TDKT_INBOX', year, proposedByCode: 'VU_TDKT_INBOX' },
        unit,
      ),
    );
  const all = await inbox(unit, { first: 100 });
  expect(
    all.edges.map((edge: { node: { id: string } }) => edge.node.id).filter((id: string) => drafts.includes(id)),
  ).toEqual(drafts);
  expect(all.countsByStatus).toEqual(expect.arrayContaining([{ status: 'DRAFT', count: 12 }]));
  expect(
    all.edges
      .filter((edge: { node: { id: string } }) => drafts.includes(edge.node.id))
      .map((edge: { node: { nextAction: string } }) => edge.node.nextAction),
  ).toEqual(drafts.map(() => 'SUBMIT'));
  expect(
    (await inbox(unit, { filter: { year: 2005 } })).edges.map((edge: { node: { id: string } }) => edge.node.id),
  ).toEqual([drafts[5]]);
  expect((await inbox(unit, { filter: { status: 'RETURNED' } })).totalCount).toBe(0);
  expect((await inbox(unit, { filter: { awardTypeCode: 'giay_khen', status: 'DRAFT' } })).totalCount).toBe(12);

  const first = await inbox(unit, { first: 5, filter: { status: 'DRAFT' } });
  const second = await inbox(unit, { first: 5, filter: { status: 'DRAFT' }, after: first.pageInfo.endCursor });
  expect([...first.edges, ...second.edges].map((edge: { node: { id: string } }) => edge.node.id)).toEqual(
    drafts.slice(0, 10),
  );
  expect(errorCodes(await stack.gql(INBOX, { after: 'bm90IGEgY3Vyc29y' }, { token: unit }))).toEqual([
    'BAD_USER_INPUT',
  ]);

  const statements = async (first: number) => {
    const response = await stack.gql(INBOX, { first }, { token: unit, headers: { 'x-tdkt-stats': '1' } });
    expect(dataOf(response).nominationInbox.edges).toHaveLength(first);
    return response.body.extensions!['stats'].sqlStatements.awards as number;
  };
  await statements(3);
  expect(await statements(12)).toBe(await statements(3));

  expect(errorCodes(await stack.gql(INBOX, {}, { token: await stack.token('VIEWER', 'BTP') }))).toEqual(['FORBIDDEN']);
  expect(errorCodes(await stack.gql(INBOX, {}))).toEqual(['UNAUTHENTICATED']);
});

it('marks a Cờ thi đua CP file past its 30/6 window as late (ND 98/2023 Art 32)', async () => {
  const id = await create(
    {
      awardTypeCode: 'CO_THI_DUA_CP',
      organizationCode: 'BTP',
      year: 2020,
      proposedByCode: 'BTP',
      blocCode: 'NOI_CHINH_TW',
    },
    ministry,
  );
  const item = (await inbox(ministry, { filter: { awardTypeCode: 'CO_THI_DUA_CP' } })).edges.find(
    (edge: { node: { id: string } }) => edge.node.id === id,
  ).node;
  expect(item.deadline).toMatchObject({ kind: 'SUBMISSION_WINDOW', overdue: true });
  expect(item.deadline.daysLate).toBeGreaterThan(365);
  expect((await read(id, ministry)).deadline).toMatchObject({ dueOn: '2021-06-30', countsWorkingDays: false });
});
