/** Rate limits (429 with Retry-After), the CORS allowlist, and production's quiet errors. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, operationCost, type GatewayOptions } from '@tdkt/gateway';
import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { CONTRACT_OPERATIONS } from '../support/operations';
import { committedSupergraph } from '@tdkt/scripts';
import { issueCallerToken, loadOrCreateDevKeys, type DevKeys } from '@tdkt/identity';
import { withGateway as withOwnGateway, subgraphUrlsOf } from '../support/gateway';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let keys: DevKeys;
let keyDir: string;
beforeAll(async () => {
  stack = await startStack();
  keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-limits-'));
  keys = await loadOrCreateDevKeys(keyDir);
});
afterAll(async () => {
  await stack?.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

function withGateway(options: Partial<GatewayOptions>, run: (url: string) => Promise<void>): Promise<void> {
  return withOwnGateway({ subgraphUrls: subgraphUrlsOf(stack), keys, options }, ({ url }) => run(url));
}

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });

it('answers 429 with Retry-After past the per-minute limit, per caller', async () => {
  await withGateway({ rateLimits: { publicPerMinute: 5, callerPerMinute: 3 } }, async (url) => {
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1)
      statuses.push((await post(url, '{ organization(code: "HN") { name } }')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await post(url, '{ organization(code: "HN") { name } }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    // A signed-in caller has its own budget.
    const token = await issueCallerToken(keys.privateJwk, { role: 'VIEWER', org: 'HN' });
    expect(
      (await post(url, '{ organization(code: "HN") { name } }', { authorization: `Bearer ${token}` })).status,
    ).toBe(200);
  });
});

it('lets only allowlisted origins call from a browser', async () => {
  await withGateway({ corsOrigins: ['https://tdkt.gov.vn'] }, async (url) => {
    const allowed = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://tdkt.gov.vn', 'access-control-request-method': 'POST' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tdkt.gov.vn');
    const other = await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await post(url, '{ organization(code: "HN") { name } }', { origin: 'https://evil.example' });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});

it('gives no schema hints and no introspection in production', async () => {
  await withGateway({ production: true }, async (url) => {
    const typo = (await (await post(url, '{ organization(code: "HN") { nme } }')).json()) as any;
    expect(typo.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    const introspection = (await (await post(url, '{ __schema { types { name } } }')).json()) as any;
    expect(introspection.data).toBeUndefined();
  });
  await withGateway({}, async (url) => {
    const typo = (await (await post(url, '{ organization(code: "HN") { nme } }')).json()) as any;
    expect(typo.errors[0].message).toMatch(/Did you mean/);
  });
});

describe('cost limit: page sizes given in variables count', () => {
  const supergraph = buildSchema(committedSupergraph());
  const costOf = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (definition) => definition.kind === 'OperationDefinition',
    ) as OperationDefinitionNode;
    return operationCost(supergraph, document, operation, variables);
  };

  it('every contract operation costs well under the default limit', () => {
    const costs = Object.fromEntries(
      Object.entries(CONTRACT_OPERATIONS).map(([name, query]) => [name, costOf(query, { first: 100 })]),
    );
    console.log(`contract operation costs (limit ${DEFAULT_LIMITS.maxCost}): ${JSON.stringify(costs)}`);
    for (const [name, cost] of Object.entries(costs)) {
      expect([name, cost <= DEFAULT_LIMITS.maxCost / 2]).toEqual([name, true]);
    }
  });

  const NESTED = `query Nested($n: Int) {
    organizations(filter: { search: "bo" }, first: $n) { edges { node { code children { code children { code name kind } } } } }
  }`;

  it('the same document passes with a small page and is refused with a large one, before any subgraph is called', async () => {
    expect(costOf(NESTED, { n: 100 })).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(costOf(NESTED, { n: 5 })).toBeLessThan(DEFAULT_LIMITS.maxCost);
    const small = await stack.gql(NESTED, { n: 5 });
    expect(small.body.errors).toBeUndefined();
    const before = stack.subgraphs.organizations.database.sql.total;
    const large = await stack.gql(NESTED, { n: 100 });
    expect(large.status).toBe(400);
    expect(large.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      maxCost: DEFAULT_LIMITS.maxCost,
    });
    expect(large.body.errors?.[0]?.message).toMatch(/quá nhiều dữ liệu/);
    expect(stack.subgraphs.organizations.database.sql.total).toBe(before);
  });

  it('an unpaginated list counts as several items, and the limit is configurable', async () => {
    const query = `{ organization(code: "BTP") { children { children { children { code } } } } }`;
    expect(costOf(query)).toBeGreaterThan(costOf(`{ organization(code: "BTP") { children { code } } }`) * 10);
    await withGateway({ limits: { maxCost: 50 } }, async (url) => {
      const refused = (await (await post(url, query)).json()) as any;
      expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      // Under the limit, the operation goes on to the subgraphs (this gateway's internal key is not
      // theirs, so they answer 401: SERVICE_UNAVAILABLE, not the cost refusal).
      const fine = (await (await post(url, '{ organization(code: "BTP") { name } }')).json()) as any;
      expect(fine.errors?.[0]?.extensions?.code).not.toBe('BAD_USER_INPUT');
    });
  });

  it('refuses a directive flood', async () => {
    const flood = `{ organization(code: "HN") { name ${Array.from({ length: 60 }, () => '@include(if: true)').join(' ')} } }`;
    const response = await stack.gql(flood);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/quá nhiều chỉ thị/);
  });
});
