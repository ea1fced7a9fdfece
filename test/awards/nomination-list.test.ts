/**
 * Finding nominations: the `nominations` list (newest first, keyset pages, filters by status, unit
 * subtree, year and award type) with the same visibility as a single nomination, and the fields that
 * say what a nomination is about — its award type, its bloc and, once decided, its decision — each
 * batched: a page of 30 costs the awards subgraph as many SQL statements as a page of 3.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
const people: Record<string, string> = {};
const ids: Record<string, string> = {};

const LIST = `query($filter: NominationFilter, $first: Int, $after: String) {
  nominations(filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor node { id year status createdAt awardType { code name } bloc { code name } decision { number issuedOn } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const create = async (key: string, input: Record<string, unknown>) => {
  ids[key] = dataOf(
    await stack.gql(contractOperation('CreateNomination'), { input: { basis: 'MERIT', ...input } }, { token: board }),
  ).createNomination.id;
};

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  dataOf(
    await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'VU_PC_BTP', name: 'Vụ Pháp chế', kind: 'DEPARTMENT', parentCode: 'BTP' } },
      { token: board },
    ),
  );
  people['btp'] = await createTestPerson(stack, 'Trần Thị Mai', 'BTP');
  people['vu'] = await createTestPerson(stack, 'Đỗ Văn Hùng', 'VU_PC_BTP');
  people['btc'] = await createTestPerson(stack, 'Vũ Thị Lan', 'BTC');
  // Oldest first: the list answers newest first.
  await create('btpGiayKhen', {
    awardTypeCode: 'GIAY_KHEN',
    personId: people['btp'],
    year: 2023,
    proposedByCode: 'BTP',
  });
  await create('vuGiayKhen', {
    awardTypeCode: 'GIAY_KHEN',
    personId: people['vu'],
    year: 2024,
    proposedByCode: 'VU_PC_BTP',
  });
  await create('btcBangKhen', {
    awardTypeCode: 'BANG_KHEN_BO_TINH',
    personId: people['btc'],
    year: 2024,
    proposedByCode: 'BTC',
  });
  await create('btpFlag', {
    awardTypeCode: 'CO_THI_DUA_CP',
    organizationCode: 'BTP',
    year: 2024,
    proposedByCode: 'BTP',
    blocCode: 'NOI_CHINH_TW',
  });
  await create('btpBangKhen', {
    awardTypeCode: 'BANG_KHEN_BO_TINH',
    personId: people['btp'],
    year: 2024,
    proposedByCode: 'BTP',
  });
  // Decided: submitted, approved by the council, decided by the Minister of Justice.
  dataOf(await stack.gql(contractOperation('SubmitNomination'), { id: ids['btpBangKhen'] }, { token: board }));
  dataOf(
    await stack.gql(
      contractOperation('RecordCouncilVote'),
      {
        input: { nominationId: ids['btpBangKhen'], membersTotal: 9, yes: 9, no: 0, abstain: 0, votedOn: '2025-02-01' },
      },
      { token: board },
    ),
  );
  dataOf(
    await stack.gql(
      contractOperation('IssueDecision'),
      {
        input: { number: '77/QĐ-BTP', issuedOn: '2025-02-10', issuerCode: 'BTP', nominationIds: [ids['btpBangKhen']] },
      },
      { token: board },
    ),
  );
});
afterAll(() => stack?.stop());

const list = async (variables: Record<string, unknown>, token?: string) =>
  dataOf(await stack.gql(LIST, variables, { token: token ?? board })).nominations;
const keys = (page: any) => page.edges.map((edge: any) => Object.keys(ids).find((key) => ids[key] === edge.node.id));

it('says what a nomination is about: its award type, its bloc and its decision', async () => {
  const page = await list({});
  const byId = new Map(page.edges.map((edge: any) => [edge.node.id, edge.node]));
  expect(byId.get(ids['btpFlag'])).toMatchObject({
    awardType: { code: 'CO_THI_DUA_CP', name: 'Cờ thi đua của Chính phủ' },
    bloc: { code: 'NOI_CHINH_TW', name: expect.stringContaining('Nội chính') },
    decision: null,
  });
  expect(byId.get(ids['btpBangKhen'])).toMatchObject({
    status: 'DECIDED',
    awardType: { code: 'BANG_KHEN_BO_TINH' },
    bloc: null,
    decision: { number: '77/QĐ-BTP', issuedOn: '2025-02-10' },
  });
});

it('lists every nomination to the Central Board, newest first, page by page without gaps or repeats', async () => {
  const all = await list({ first: 100 });
  expect(all.totalCount).toBe(5);
  expect(keys(all)).toEqual(['btpBangKhen', 'btpFlag', 'btcBangKhen', 'vuGiayKhen', 'btpGiayKhen']);
  const seen: string[] = [];
  let after: string | null = null;
  for (let round = 0; round < 5; round += 1) {
    const page: any = await list({ first: 2, after });
    expect(page.totalCount).toBe(5);
    seen.push(...keys(page));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual(keys(all));
  // Cursors this list never made: not base64 JSON; a time that is no time (PostgreSQL's 22007, which the
  // database error mapping does not cover); an id that is no uuid.
  const forge = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
  const someId = '00000000-0000-4000-8000-000000000000';
  for (const cursor of ['not-a-cursor', forge(['soon', someId]), forge(['2025-01-01T00:00:00.000000', 'x'])])
    expect(errorCodes(await stack.gql(LIST, { after: cursor }, { token: board }))).toEqual(['BAD_USER_INPUT']);
});

it('filters by status, unit subtree, year and award type', async () => {
  expect(keys(await list({ filter: { status: 'DECIDED' } }))).toEqual(['btpBangKhen']);
  expect(keys(await list({ filter: { status: 'DRAFT', unitCode: 'BTP' } }))).toEqual([
    'btpFlag',
    'vuGiayKhen',
    'btpGiayKhen',
  ]);
  expect(keys(await list({ filter: { unitCode: 'VU_PC_BTP' } }))).toEqual(['vuGiayKhen']);
  expect(keys(await list({ filter: { year: 2023 } }))).toEqual(['btpGiayKhen']);
  expect(keys(await list({ filter: { awardTypeCode: 'bang_khen_bo_tinh', year: 2024 } }))).toEqual([
    'btpBangKhen',
    'btcBangKhen',
  ]);
  expect(errorCodes(await stack.gql(LIST, { filter: { unitCode: 'KHONG_CO' } }, { token: board }))).toEqual([
    'NOT_FOUND',
  ]);
});

it('shows a unit the nominations of its own subtree only, like a single nomination; the public none', async () => {
  const btp = await stack.token('ORG_OFFICER', 'BTP');
  expect(keys(await list({}, btp))).toEqual(['btpBangKhen', 'btpFlag', 'vuGiayKhen', 'btpGiayKhen']);
  expect(keys(await list({}, await stack.token('VIEWER', 'BTP')))).toEqual(keys(await list({}, btp)));
  expect(keys(await list({}, await stack.token('ORG_OFFICER', 'VU_PC_BTP')))).toEqual(['vuGiayKhen']);
  expect(keys(await list({}, await stack.token('ORG_OFFICER', 'BTC')))).toEqual(['btcBangKhen']);
  // A unit filter outside the caller's subtree finds nothing it may not see.
  expect((await list({ filter: { unitCode: 'BTP' } }, await stack.token('ORG_OFFICER', 'BTC'))).totalCount).toBe(0);
  expect(errorCodes(await stack.gql(LIST, {}))).toEqual(['UNAUTHENTICATED']);
});

it('answers a page of 30 nominations with their fields in as many SQL statements as a page of 3', async () => {
  for (let year = 1990; year < 2020; year += 1)
    await create(`old${year}`, { awardTypeCode: 'GIAY_KHEN', organizationCode: 'BTC', year, proposedByCode: 'BTC' });
  const count = async (first: number) => {
    const response = await stack.gql(
      `query($first: Int) { nominations(first: $first) { edges { node { id awardType { code } bloc { name } decision { number }
         eligibility { eligible evidence { id } } history { toStatus } councilVotes { passed } } } } }`,
      { first },
      { token: board, headers: { 'x-tdkt-stats': '1' } },
    );
    expect(dataOf(response).nominations.edges).toHaveLength(first);
    return response.body.extensions!['stats'].sqlStatements.awards as number;
  };
  await count(3); // warm: the copy of the organization tree is brought up to date once
  const few = await count(3);
  const many = await count(30);
  expect(many).toBe(few);
  expect(few).toBeLessThanOrEqual(10);
});
