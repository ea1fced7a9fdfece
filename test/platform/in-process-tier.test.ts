/**
 * The in-process tier itself (test/support/in-process.ts): requests cross the real gateway and the
 * subgraphs' real fronts in memory, so the subgraphs still refuse a caller without the gateway's
 * token, a joined query reaches every subgraph it needs, and each call's SQL statements are counted.
 */
import { INTERNAL_HEADER, PUBLIC_CALLER } from '@tdkt/identity';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf } from '../support/stack';

let stack: InProcessStack;
beforeAll(async () => {
  stack = await startInProcess();
});
afterAll(() => stack?.stop());

it('gives every subgraph an address no network can reach', () => {
  for (const subgraph of Object.values(stack.subgraphs))
    expect(new URL(subgraph.url).hostname).toMatch(/\.in-process\.invalid$/);
});

it('has the subgraphs verify the internal token as over HTTP', async () => {
  const query = JSON.stringify({ query: '{ __typename }' });
  const refused = await fetch(stack.subgraphs['organizations']!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: query,
  });
  expect(refused.status).toBe(401);
  const token = await stack.internalToken(PUBLIC_CALLER);
  const accepted = await fetch(stack.subgraphs['organizations']!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_HEADER]: token },
    body: query,
  });
  expect(accepted.status).toBe(200);
  expect(await accepted.json()).toEqual({ data: { __typename: 'Query' } });
});

it('reports the subgraphs a joined query called and their SQL statements', async () => {
  const response = await stack.gql(
    contractOperation('BlocBoard'),
    { code: 'NOI_CHINH_TW', year: 2024 },
    { token: await stack.token('CENTRAL_BOARD'), headers: { 'x-tdkt-stats': '1' } },
  );
  dataOf(response);
  const stats = response.body.extensions?.['stats'] as {
    subgraphCalls: string[];
    sqlStatements: Record<string, number>;
  };
  expect(new Set(stats.subgraphCalls)).toEqual(new Set(['organizations', 'campaigns']));
  for (const subgraph of new Set(stats.subgraphCalls)) expect(stats.sqlStatements[subgraph]).toBeGreaterThan(0);
});
