/**
 * Hostile documents and requests the gateway must refuse cheaply: a document of a thousand operations
 * (validation linear in the document, operations counted first), aliases of expensive fields (a cost
 * that tracks the work, introspection included), ambiguous requests (two Host headers), and no schema
 * hints in production, variable coercion included.
 */
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_LIMITS, operationCost, type GatewayOptions } from '@tdkt/gateway';
import { buildSchema, getIntrospectionQuery, parse, type OperationDefinitionNode } from 'graphql';
import { committedSupergraph } from '@tdkt/scripts';
import { loadOrCreateDevKeys, type DevKeys } from '@tdkt/identity';
import { CONTRACT_OPERATIONS } from '../support/operations';
import { withGateway as withOwnGateway, subgraphUrlsOf } from '../support/gateway';
import { startStack, type Stack } from '../support/stack';

jest.setTimeout(120_000);

let stack: Stack;
let keys: DevKeys;
let keyDir: string;
beforeAll(async () => {
  stack = await startStack();
  keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-hardening-'));
  keys = await loadOrCreateDevKeys(keyDir);
});
afterAll(async () => {
  await stack?.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

function withGateway(options: Partial<GatewayOptions>, run: (url: string) => Promise<void>): Promise<void> {
  return withOwnGateway({ subgraphUrls: subgraphUrlsOf(stack), keys, options }, ({ url }) => run(url));
}

const post = async (url: string, body: Record<string, unknown>) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('a document of many operations', () => {
  // About 30 kB and 5,000 tokens (the token limit lets it through), no token: each operation is tiny,
  // and renamed on each round so that no document cache helps.
  const manyOperations = (count: number, salt: string) =>
    Array.from({ length: count }, (_, index) => `query Operation${salt}${index}{__typename}`).join('\n');

  it('is refused quickly, before any per-operation work', async () => {
    const times: number[] = [];
    let last: { status: number; body: any } | undefined;
    for (let round = 0; round < 5; round += 1) {
      const query = manyOperations(1000, `R${round}x`);
      const started = performance.now();
      last = await post(stack.gatewayUrl, { query, operationName: `OperationR${round}x0` });
      times.push(performance.now() - started);
    }
    console.log(
      `1,000-operation document (${manyOperations(1000, 'R0x').length} bytes): ${times.map((ms) => ms.toFixed(0)).join(', ')} ms (median ${median(times).toFixed(0)} ms)`,
    );
    expect(last!.status).toBe(400);
    expect(last!.body.errors[0].message).toMatch(/quá nhiều thao tác/);
    expect(last!.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(median(times)).toBeLessThan(100);
  });

  it('caps fragments per document too, and the caps are configurable', async () => {
    const fragments = Array.from(
      { length: DEFAULT_LIMITS.maxFragments + 1 },
      (_, index) => `fragment F${index} on Organization { name }`,
    ).join('\n');
    const refused = await stack.gql(`query Q { organization(code: "HN") { ...F0 } }\n${fragments}`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.message).toMatch(/quá nhiều đoạn/);
    await withGateway({ limits: { maxOperations: 2 } }, async (url) => {
      const three = await post(url, {
        query: 'query A { __typename } query B { __typename } query C { __typename }',
        operationName: 'A',
      });
      expect(three.body.errors[0].message).toMatch(/quá nhiều thao tác/);
      const two = await post(url, { query: 'query A { __typename } query B { __typename }', operationName: 'A' });
      expect(two.body).toEqual({ data: { __typename: 'Query' } });
    });
  });

  it('the whole contract document and every dashboard query stay well within the caps', () => {
    const contract = parse(readFileSync(path.join(__dirname, '..', 'contract', 'operations.graphql'), 'utf8'));
    expect(contract.definitions.length).toBeLessThanOrEqual(DEFAULT_LIMITS.maxOperations + DEFAULT_LIMITS.maxFragments);
    expect(
      contract.definitions.filter((definition) => definition.kind === 'OperationDefinition').length,
    ).toBeLessThanOrEqual(DEFAULT_LIMITS.maxOperations);
  });
});

describe('cost tracks the work of expensive fields', () => {
  const supergraph = buildSchema(committedSupergraph());
  const costOf = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find(
      (definition) => definition.kind === 'OperationDefinition',
    ) as OperationDefinitionNode;
    return operationCost(supergraph, document, operation, variables);
  };
  const FORM = 'statisticalForm0602(filter: { yearFrom: 2020, yearTo: 2025 }) { title rows { label values } }';

  it('refuses 30 aliases of a nationwide statistical form before any SQL, and one form passes', async () => {
    const one = await stack.gql(`{ ${FORM} }`);
    expect(one.body.errors).toBeUndefined();
    const aliases = Array.from({ length: 30 }, (_, index) => `f${index}: ${FORM}`).join('\n');
    console.log(
      `cost of one statisticalForm0602: ${costOf(`{ ${FORM} }`)}; of 30 aliases: ${costOf(`{ ${aliases} }`)} (limit ${DEFAULT_LIMITS.maxCost})`,
    );
    const before = stack.subgraphs.awards.database.sql.total;
    const refused = await stack.gql(`{ ${aliases} }`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      maxCost: DEFAULT_LIMITS.maxCost,
    });
    expect(stack.subgraphs.awards.database.sql.total).toBe(before);
  });

  it('weighs statistics, summaries, searches and subtree scans above plain fields', () => {
    const plain = costOf('{ organization(code: "HN") { name } }');
    for (const expensive of [
      '{ awardStatistics(filter: { yearFrom: 2024, yearTo: 2024 }) { total } }',
      '{ statisticalForm0603(filter: { yearFrom: 2024, yearTo: 2024 }) { title } }',
      '{ statisticalForm0601(filter: { yearFrom: 2024, yearTo: 2024 }) { title } }',
      '{ blocPledgeSummaries(year: 2024, first: 1) { edges { node { year } } } }',
      '{ organizations(filter: { search: "ha noi" }, first: 1) { edges { node { name } } } }',
      '{ organization(code: "HN") { descendantIds } }',
    ]) {
      expect([expensive, costOf(expensive) >= plain * 20]).toEqual([expensive, true]);
    }
  });

  it('every contract operation still costs well under the limit', () => {
    const costs = Object.fromEntries(
      Object.entries(CONTRACT_OPERATIONS).map(([name, query]) => [name, costOf(query, { first: 100 })]),
    );
    console.log(`contract operation costs with weights: ${JSON.stringify(costs)}`);
    for (const [name, cost] of Object.entries(costs))
      expect([name, cost <= DEFAULT_LIMITS.maxCost / 2]).toEqual([name, true]);
  });

  it('every dashboard query costs under the limit', () => {
    const source = readFileSync(path.join(__dirname, '..', '..', 'dashboard', 'src', 'queries.ts'), 'utf8');
    const documents = [...source.matchAll(/\/\* GraphQL \*\/ `([^`]*)`/g)].map((match) => match[1]!);
    expect(documents.length).toBeGreaterThan(20);
    const costs: Record<string, number> = {};
    for (const query of documents) costs[/(?:query|mutation) (\w+)/.exec(query)![1]!] = costOf(query, { first: 100 });
    console.log(`dashboard query costs with weights: ${JSON.stringify(costs)}`);
    for (const [name, cost] of Object.entries(costs))
      expect([name, cost <= DEFAULT_LIMITS.maxCost]).toEqual([name, true]);
  });

  it('counts introspection against the alias and cost limits, in production as elsewhere', async () => {
    const typenames = `{ ${Array.from({ length: DEFAULT_LIMITS.maxAliases + 1 }, (_, index) => `t${index}: __typename`).join(' ')} }`;
    for (const production of [false, true]) {
      await withGateway({ production }, async (url) => {
        const refused = await post(url, { query: typenames });
        expect([production, refused.status, refused.body.errors?.[0]?.message]).toEqual([
          production,
          400,
          expect.stringMatching(/bí danh/),
        ]);
      });
    }
    const schemas = `{ ${Array.from({ length: 20 }, (_, index) => `s${index}: __schema { types { fields { args { name } } } }`).join(' ')} }`;
    expect(costOf(schemas)).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect((await stack.gql(schemas)).body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // The standard introspection query of developer tools still passes outside production.
    expect(costOf(getIntrospectionQuery())).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect((await stack.gql(getIntrospectionQuery())).body.errors).toBeUndefined();
  });
});

describe('ambiguous requests', () => {
  const raw = (url: string, request: string) =>
    new Promise<string>((resolve) => {
      const { port } = new URL(url);
      let text = '';
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(request));
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(text));
      setTimeout(() => socket.end(), 1500);
    });
  const body = JSON.stringify({ query: '{ __typename }' });
  const request = (headers: string) =>
    `POST /graphql HTTP/1.1\r\n${headers}Content-Type: application/json\r\nConnection: close\r\n` +
    `Content-Length: ${body.length}\r\n\r\n${body}`;

  it('refuses two Host headers with 400 in the gateway’s error shape, and answers one', async () => {
    const two = await raw(stack.gatewayUrl, request('Host: gateway\r\nHost: evil.example\r\n'));
    expect(two.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(two.slice(two.indexOf('\r\n\r\n') + 4)).errors[0].extensions.code).toBe('BAD_REQUEST');
    const one = await raw(stack.gatewayUrl, request('Host: gateway\r\n'));
    expect(one.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
  });

  it('refuses duplicate Content-Length and Transfer-Encoding with Content-Length (400)', async () => {
    const duplicate = await raw(stack.gatewayUrl, request(`Host: gateway\r\nContent-Length: ${body.length}\r\n`));
    expect(duplicate.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 400/);
    const smuggle = await raw(stack.gatewayUrl, request('Host: gateway\r\nTransfer-Encoding: chunked\r\n'));
    expect(smuggle.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 400/);
  });
});

describe('production mode gives no schema hints', () => {
  const FILTERED =
    'query($filter: OrganizationFilter) { organizations(filter: $filter, first: 1) { edges { node { code } } } }';

  it('not for a misspelled enum value or input field in variables', async () => {
    await withGateway({ production: true }, async (url) => {
      for (const filter of [{ kinds: ['MINISTRI'] }, { serch: 'ha noi' }]) {
        const response = await post(url, { query: FILTERED, variables: { filter } });
        expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
        expect([filter, response.body.errors[0].message]).toEqual([filter, expect.not.stringMatching(/Did you mean/i)]);
      }
    });
    // Outside production the hint stays: it helps a developer.
    const hinted = await stack.gql(FILTERED, { filter: { kinds: ['MINISTRI'] } });
    expect(hinted.body.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});
