/**
 * The ledger's detail lists through loaders (awards src/loaders/ledger-detail.loaders.ts): `_entities`
 * for Grant answers every field of 3 or 30 grants in one statement (it used to answer the id only, one
 * statement per grant).
 */
import { PUBLIC_CALLER } from '@tdkt/identity';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf } from '../support/stack';

let stack: InProcessStack;
let board: string;

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  const grants = Array.from({ length: 30 }, (_, index) => ({
    organizationCode: 'BTP',
    awardTypeCode: 'GIAY_KHEN',
    year: 1995 + index,
    basis: 'MERIT',
    decisionNumber: `${index + 1}/QĐ-LL`,
    issuedOn: `${1996 + index}-01-10`,
    issuerCode: 'BTP',
  }));
  expect(
    dataOf(await stack.gql(contractOperation('ImportGrants'), { input: { grants } }, { token: board })).importGrants
      .imported,
  ).toBe(30);
});
afterAll(() => stack?.stop());

async function entities(ids: string[]): Promise<{ data: any[]; statements: number }> {
  const response = await fetch(stack.subgraphs.awards.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tdkt-caller': await stack.internalToken(PUBLIC_CALLER) },
    body: JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Grant { id year basis awardType { code } } } }`,
      variables: { r: ids.map((id) => ({ __typename: 'Grant', id })) },
    }),
  });
  const body = (await response.json()) as { data: { _entities: any[] }; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return { data: body.data._entities, statements: Number(response.headers.get('x-tdkt-sql-statements')) };
}

it('resolves 3 or 30 Grant references with their fields in the same number of statements', async () => {
  const rows: { id: string; year: number }[] = await stack.subgraphs.awards.database.dataSource.query(
    `SELECT id, year FROM award_grant ORDER BY year`,
  );
  const few = await entities(rows.slice(0, 3).map((row) => row.id));
  const many = await entities([...rows.map((row) => row.id), '00000000-0000-4000-8000-000000000000', 'not-a-uuid']);
  expect(few.data).toEqual(
    rows.slice(0, 3).map((row) => ({ id: row.id, year: row.year, basis: 'MERIT', awardType: { code: 'GIAY_KHEN' } })),
  );
  expect(many.data).toHaveLength(32);
  expect(many.data.slice(0, 30).map((grant) => grant.year)).toEqual(rows.map((row) => row.year));
  expect(many.data.slice(30)).toEqual([null, null]);
  expect(many.statements).toBe(few.statements);
  expect(many.statements).toBeLessThanOrEqual(2);
});
