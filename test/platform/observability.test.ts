/**
 * Observability: Prometheus series on `/metrics` of the gateway and of a subgraph, and one JSON log
 * line per request in the gateway and in every subgraph it called, all carrying the request's id and
 * never a token or a variable's value.
 */
import { setLogDestination } from '@tdkt/subgraph-kit';
import { setGatewayLogDestination } from '@tdkt/gateway';
import { dataOf, errorCodes, startStack, type Stack } from '../support/stack';

type Line = Record<string, any>;
const lines: Line[] = [];
const sink = {
  write(chunk: string) {
    for (const text of chunk.split('\n')) if (text.trim()) lines.push(JSON.parse(text) as Line);
  },
};

let stack: Stack;
beforeAll(async () => {
  setLogDestination(sink, 'info');
  setGatewayLogDestination(sink, 'info');
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
  setLogDestination();
  setGatewayLogDestination();
});

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comments skipped). */
function parseMetrics(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
      labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

async function scrape(url: string): Promise<Sample[]> {
  const response = await fetch(new URL('/metrics', url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseMetrics(await response.text());
}

/** Sum of the samples named `name` whose labels include `labels` (values may be regular expressions). */
function total(samples: Sample[], name: string, labels: Record<string, string | RegExp> = {}): number {
  return samples
    .filter((sample) => sample.name === name)
    .filter((sample) =>
      Object.entries(labels).every(([key, want]) =>
        typeof want === 'string' ? sample.labels[key] === want : want.test(sample.labels[key] ?? ''),
      ),
    )
    .reduce((sum, sample) => sum + sample.value, 0);
}

/** The lines of one request; a line is written when its response has been sent, so wait a little. */
async function linesOf(requestId: string, expected: number): Promise<Line[]> {
  for (let waited = 0; waited < 2000; waited += 20) {
    const found = lines.filter((line) => line['requestId'] === requestId && line['msg'] === 'request');
    if (found.length >= expected) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return lines.filter((line) => line['requestId'] === requestId && line['msg'] === 'request');
}

const ORG = 'query ObsOrganization { organization(code: "HN") { name } }';
const CREATE =
  'mutation ObsCreate { createOrganization(input: { code: "OBS_UNIT", name: "Đơn vị quan sát", kind: OTHER, parentCode: "HN" }) { id } }';

describe('GET /metrics', () => {
  beforeAll(async () => {
    for (let i = 0; i < 3; i += 1) dataOf(await stack.gql(ORG));
    // Without a token a mutation is refused by the subgraph: UNAUTHENTICATED, a client error.
    expect(errorCodes(await stack.gql(CREATE))).toEqual(['UNAUTHENTICATED']);
  });

  it('on the gateway: requests and latency per operation and outcome, errors by code, fetches per subgraph', async () => {
    const samples = await scrape(stack.gatewayUrl);
    expect(total(samples, 'tdkt_gateway_requests_total', { operation: 'ObsOrganization', outcome: 'success' })).toBe(3);
    expect(
      total(samples, 'tdkt_gateway_request_duration_seconds_count', {
        operation: 'ObsOrganization',
        outcome: 'success',
      }),
    ).toBe(3);
    expect(
      total(samples, 'tdkt_gateway_request_duration_seconds_sum', { operation: 'ObsOrganization', outcome: 'success' }),
    ).toBeGreaterThan(0);
    expect(
      total(samples, 'tdkt_gateway_request_duration_seconds_bucket', {
        operation: 'ObsOrganization',
        outcome: 'success',
        le: '+Inf',
      }),
    ).toBe(3);
    expect(total(samples, 'tdkt_gateway_requests_total', { operation: 'ObsCreate', outcome: 'client_error' })).toBe(1);
    expect(total(samples, 'tdkt_gateway_errors_total', { code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(1);
    expect(
      total(samples, 'tdkt_gateway_subgraph_fetches_total', { subgraph: 'organizations', outcome: 'success' }),
    ).toBeGreaterThanOrEqual(4);
    expect(
      total(samples, 'tdkt_gateway_subgraph_fetch_duration_seconds_count', {
        subgraph: 'organizations',
        outcome: 'success',
      }),
    ).toBeGreaterThanOrEqual(4);
    expect(total(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('on a subgraph: requests and latency per operation, errors by code, SQL statements, the database pool', async () => {
    const samples = await scrape(stack.subgraphs.organizations.url);
    const mine = { subgraph: 'organizations' };
    // The gateway names its subgraph operations after the client's: ObsOrganization__organizations__0.
    expect(
      total(samples, 'tdkt_subgraph_requests_total', { ...mine, operation: /^ObsOrganization__/, outcome: 'success' }),
    ).toBe(3);
    expect(
      total(samples, 'tdkt_subgraph_request_duration_seconds_count', {
        ...mine,
        operation: /^ObsOrganization__/,
        outcome: 'success',
      }),
    ).toBe(3);
    expect(
      total(samples, 'tdkt_subgraph_requests_total', { ...mine, operation: /^ObsCreate__/, outcome: 'client_error' }),
    ).toBe(1);
    expect(total(samples, 'tdkt_subgraph_errors_total', { ...mine, code: 'UNAUTHENTICATED' })).toBe(1);
    expect(total(samples, 'tdkt_subgraph_sql_statements_total', mine)).toBeGreaterThan(0);
    expect(total(samples, 'tdkt_subgraph_db_pool_connections', mine)).toBeGreaterThan(0);
    expect(total(samples, 'tdkt_subgraph_db_pool_max_connections', mine)).toBe(5);
    expect(samples.some((sample) => sample.name === 'tdkt_subgraph_db_pool_idle_connections')).toBe(true);
    expect(samples.some((sample) => sample.name === 'tdkt_subgraph_db_pool_waiting_clients')).toBe(true);

    // Each app has its own registry: the campaigns subgraph did not see these operations.
    const campaigns = await scrape(stack.subgraphs.campaigns.url);
    expect(total(campaigns, 'tdkt_subgraph_requests_total', { operation: /^ObsOrganization__/ })).toBe(0);
  });

  it('counts a request refused before GraphQL (bad token) by its code', async () => {
    const response = await stack.gql(ORG, {}, { token: 'not.a.token' });
    expect(response.status).toBe(401);
    const samples = await scrape(stack.gatewayUrl);
    expect(
      total(samples, 'tdkt_gateway_requests_total', { operation: '(none)', outcome: 'client_error' }),
    ).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'tdkt_gateway_errors_total', { code: 'UNAUTHENTICATED' })).toBeGreaterThanOrEqual(2);
  });

  it('is not served through /graphql', async () => {
    const response = await fetch(`${stack.gatewayUrl}/metrics`);
    expect(response.status).not.toBe(200);
    expect(await response.text()).not.toContain('tdkt_gateway_requests_total');
  });
});

describe('request log lines', () => {
  it('carry the caller-supplied x-request-id in the gateway line and in each subgraph line', async () => {
    const response = await stack.gql(
      'query ObsTraced { organization(code: "HN") { name grants(year: 2025) { id } } }',
      {},
      { headers: { 'x-request-id': 'test-123' } },
    );
    dataOf(response);
    expect(response.headers.get('x-request-id')).toBe('test-123');

    const found = await linesOf('test-123', 3);
    const gateway = found.filter((line) => line['service'] === 'gateway');
    expect(gateway).toHaveLength(1);
    expect(gateway[0]).toMatchObject({
      level: 'info',
      method: 'POST',
      operation: 'ObsTraced',
      operationType: 'query',
      status: 200,
      outcome: 'success',
      errorCodes: [],
    });
    expect(gateway[0]!['durationMs']).toEqual(expect.any(Number));
    expect(gateway[0]!['subgraphFetches'].map((fetch: { subgraph: string }) => fetch.subgraph).sort()).toEqual([
      'awards',
      'organizations',
    ]);

    const subgraphs = found.filter((line) => line['subgraph']);
    expect(subgraphs.map((line) => line['subgraph']).sort()).toEqual(['awards', 'organizations']);
    for (const line of subgraphs) {
      expect(line).toMatchObject({
        level: 'info',
        method: 'POST',
        operationType: 'query',
        status: 200,
        outcome: 'success',
        errorCodes: [],
      });
      expect(line['operation']).toMatch(/^ObsTraced__/);
      expect(line['sqlStatements']).toBeGreaterThanOrEqual(0);
    }
  });

  it('give the id the gateway assigned when the caller sent none', async () => {
    const response = await stack.gql(ORG);
    const requestId = response.headers.get('x-request-id')!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const found = await linesOf(requestId, 2);
    expect(found.map((line) => line['service'] ?? line['subgraph']).sort()).toEqual(['gateway', 'organizations']);
  });

  it('name the variables but never log their values or the token', async () => {
    const token = await stack.token('CENTRAL_BOARD');
    const fullName = 'Phạm Thị Quan Sát';
    const response = await stack.gql(
      'mutation ObsPerson($input: CreatePersonInput!) { createPerson(input: $input) { id } }',
      {
        input: {
          fullName,
          gender: 'FEMALE',
          birthYear: 1985,
          ethnicity: 'Kinh',
          organizationCode: 'HN',
          isDirectWorker: false,
        },
      },
      { token, headers: { 'x-request-id': 'test-secret' } },
    );
    dataOf(response);
    const found = await linesOf('test-secret', 2);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const line of found) expect(line['variableNames']).toEqual(['input']);
    expect(found.find((line) => line['service'] === 'gateway')).toMatchObject({
      operation: 'ObsPerson',
      operationType: 'mutation',
      callerRole: 'CENTRAL_BOARD',
    });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(fullName);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.split('.')[1]!);
    expect(everything).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT at all, the internal ones included
  });
});
