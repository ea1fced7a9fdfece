/**
 * Public answers from the gateway's memory, through real HTTP: a public read is answered again from
 * memory with the same bytes; a write through the gateway shows at the very next public read, in each
 * subgraph; a caller with a token never gets nor leaves a kept answer; a read that raced a write
 * cannot put the data it read back after the write; with the cache off nothing is kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCallerVerifier, DEV_ISSUER, issueCallerToken, loadOrCreateDevKeys, type DevKeys } from '@tdkt/identity';
import { createGatewayApp, type GatewayOptions } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';
import { contractOperation } from '../support/operations';
import { dataOf, startStack, type Stack } from '../support/stack';

let stack: Stack;
let keys: DevKeys;
let keyDir: string;
let pledgeId: string;
const closers: (() => Promise<void>)[] = [];
const MEMBERS = ['TANDTC', 'VKSNDTC', 'BTP', 'BCA'];
const BOARD_VARIABLES = { code: 'NOI_CHINH_TW', year: 2026 };

interface Answer {
  status: number;
  headers: Headers;
  cache: string | null;
  contentType: string | null;
  text: string;
  body: any;
}

async function ownGateway(
  publicCache: GatewayOptions['publicCache'],
  subgraphUrls: Record<string, string> = Object.fromEntries(
    Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, subgraph.url]),
  ),
): Promise<string> {
  const gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls,
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }),
    internalSigner: stack.internalSigner,
    publicCache,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = gateway.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  closers.push(async () => {
    server.closeAllConnections();
    server.close();
    await gateway.apollo.stop();
    gateway.stop();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.headers ?? {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    cache: response.headers.get('x-tdkt-cache'),
    contentType: response.headers.get('content-type'),
    text,
    body: JSON.parse(text),
  };
}

const token = (role: 'CENTRAL_BOARD' | 'ORG_OFFICER', org?: string) =>
  issueCallerToken(keys.privateJwk, { role, org: org ?? null, expiresIn: '10m' });
const board = (url: string) => post(url, contractOperation('BlocBoard'), BOARD_VARIABLES);
const signers = (answer: { body: any }): string[] =>
  answer.body.data.bloc.pledge.signatures.map((signature: any) => signature.organization.code).sort();
const sign = async (url: string, organizationCode: string) =>
  dataOf(
    await post(
      url,
      contractOperation('SignPledge'),
      { input: { pledgeId, organizationCode } },
      { token: await token('ORG_OFFICER', organizationCode) },
    ),
  );

beforeAll(async () => {
  stack = await startStack();
  keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-public-cache-'));
  keys = await loadOrCreateDevKeys(keyDir);
  // An open pledge of 2026 (set up through the stack's own gateway, before any answer is kept).
  const central = await stack.token('CENTRAL_BOARD');
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      {
        input: {
          ...{ blocCode: 'NOI_CHINH_TW', year: 2026 },
          members: MEMBERS.map((code, index) => ({ organizationCode: code, role: index === 0 ? 'LEAD' : 'MEMBER' })),
        },
      },
      { token: central },
    ),
  );
  pledgeId = dataOf(
    await stack.gql(
      contractOperation('CreatePledge'),
      {
        input: {
          ...{ blocCode: 'NOI_CHINH_TW', year: 2026, theme: 'Giao ước thi đua 2026' },
          items: [{ code: '1', title: 'Nội dung 1', maxScore: 100 }],
        },
      },
      { token: central },
    ),
  ).createPledge.id;
  dataOf(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: central }));
});
afterAll(async () => {
  for (const close of closers) await close();
  await stack?.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

it('answers a public BlocBoard a second time from memory, byte for byte', async () => {
  const url = await ownGateway({ enabled: true });
  const first = await board(url);
  expect(first.cache).toBe('miss');
  // Progress is withheld from the public (null, FORBIDDEN on its path): that is the public answer.
  expect(first.body.errors.map((error: any) => [error.extensions.code, error.path.join('.')])).toEqual([
    ['FORBIDDEN', 'bloc.pledge.progress'],
  ]);
  const second = await board(url);
  expect(second.cache).toBe('hit');
  expect(second.status).toBe(200);
  expect(second.text).toBe(first.text);
  // With the same headers, apart from those of each request.
  const own = ['date', 'etag', 'x-request-id', 'x-tdkt-cache', 'content-length', 'keep-alive', 'connection'];
  const headersOf = (answer: Answer) => [...answer.headers].filter(([name]) => !own.includes(name));
  expect(headersOf(second)).toEqual(headersOf(first));
  expect(first.headers.get('cache-control')).toBe('no-store');
  // The same document laid out differently is the same question.
  const relaid = await post(url, contractOperation('BlocBoard').replace(/\s+/g, '  '), BOARD_VARIABLES);
  expect(relaid.cache).toBe('hit');
  // An answer from memory cost no subgraph call and no SQL statement.
  const measured = await post(url, contractOperation('BlocBoard'), BOARD_VARIABLES, {
    headers: { 'x-tdkt-stats': '1' },
  });
  expect(measured.cache).toBe('hit');
  expect(measured.body.data).toEqual(first.body.data);
  expect(measured.body.extensions.stats).toEqual({ subgraphCalls: [], sqlStatements: {} });
  // Other variables are another question.
  expect((await post(url, contractOperation('BlocBoard'), { ...BOARD_VARIABLES, year: 2025 })).cache).toBe('miss');
  const metrics = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  expect(metrics).toMatch(/tdkt_gateway_public_cache_requests_total\{result="hit"\} 3/);
  expect(metrics).toMatch(/tdkt_gateway_public_cache_requests_total\{result="miss"\} 2/);
});

it('shows a member’s signature at the very next public read', async () => {
  const url = await ownGateway({ enabled: true });
  expect(signers(await board(url))).toEqual([]);
  expect((await board(url)).cache).toBe('hit');
  await sign(url, 'BTP');
  const after = await board(url);
  expect(after.cache).toBe('miss');
  expect(signers(after)).toEqual(['BTP']);
  const metrics = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  expect(metrics).toMatch(/tdkt_gateway_public_cache_invalidations_total\{subgraph="campaigns"\} 1/);
});

it('never answers a caller with a token from memory, nor keeps its answer', async () => {
  const url = await ownGateway({ enabled: true });
  const central = await token('CENTRAL_BOARD');
  for (let round = 0; round < 2; round += 1) {
    const answer = await post(url, contractOperation('BlocBoard'), BOARD_VARIABLES, { token: central });
    expect(answer.cache).toBe('bypass');
    expect(answer.body.errors).toBeUndefined();
  }
  // The Central Board's answers left nothing behind: the first public read is a miss.
  expect((await board(url)).cache).toBe('miss');
  expect((await board(url)).cache).toBe('hit');
  // ... and the public answer is never given to the Board.
  expect((await post(url, contractOperation('BlocBoard'), BOARD_VARIABLES, { token: central })).cache).toBe('bypass');
});

it('never gives the public what only a role may see', async () => {
  const url = await ownGateway({ enabled: true, settleMs: 0 });
  const central = await token('CENTRAL_BOARD');
  // A draft pledge is visible to the Board and the year's members only.
  dataOf(
    await post(
      url,
      contractOperation('SetBlocMembership'),
      {
        input: {
          ...{ blocCode: 'NOI_CHINH_TW', year: 2027 },
          members: [
            { organizationCode: 'BTP', role: 'LEAD' },
            { organizationCode: 'BCA', role: 'MEMBER' },
          ],
        },
      },
      { token: central },
    ),
  );
  dataOf(
    await post(
      url,
      contractOperation('CreatePledge'),
      {
        input: {
          ...{ blocCode: 'NOI_CHINH_TW', year: 2027, theme: 'Bản dự thảo 2027' },
          items: [{ code: '1', title: 'Nội dung 1', maxScore: 100 }],
        },
      },
      { token: central },
    ),
  );
  const variables = { code: 'NOI_CHINH_TW', year: 2027 };
  const seenByBoard = await post(url, contractOperation('BlocBoard'), variables, { token: central });
  expect(seenByBoard.body.data.bloc.pledge.theme).toBe('Bản dự thảo 2027');
  for (const expected of ['miss', 'hit']) {
    const seenByPublic = await post(url, contractOperation('BlocBoard'), variables);
    expect(seenByPublic.cache).toBe(expected);
    expect(seenByPublic.body.data.bloc.pledge).toBeNull();
    expect(seenByPublic.text).not.toContain('Bản dự thảo 2027');
  }
  // The Board still gets its own answer, not the public one.
  const again = await post(url, contractOperation('BlocBoard'), variables, { token: central });
  expect(again.cache).toBe('bypass');
  expect(again.body.data.bloc.pledge.theme).toBe('Bản dự thảo 2027');
});

it('drops what each subgraph’s writes change, and keeps what they cannot change', async () => {
  // No settling delay here (see the next test): every read after a write may be kept.
  const url = await ownGateway({ enabled: true, settleMs: 0 });
  const central = await token('CENTRAL_BOARD');
  // organizations: a unit that does not exist yet is a kept answer too (null, no error).
  const unit = `query { organization(code: "VU_TDKT_CACHE") { code name } }`;
  expect((await post(url, unit)).body.data.organization).toBeNull();
  expect((await post(url, unit)).cache).toBe('hit');
  dataOf(
    await post(
      url,
      contractOperation('CreateOrganization'),
      { input: { code: 'VU_TDKT_CACHE', name: 'Vụ Thi đua (bộ nhớ đệm)', kind: 'DEPARTMENT', parentCode: 'BTP' } },
      { token: central },
    ),
  );
  const created = await post(url, unit);
  expect(created.cache).toBe('miss');
  expect(created.body.data.organization).toEqual({ code: 'VU_TDKT_CACHE', name: 'Vụ Thi đua (bộ nhớ đệm)' });

  // awards: a person's grants; an answer from organizations alone is not touched by it.
  const personId = dataOf(
    await post(
      url,
      contractOperation('CreatePerson'),
      {
        input: {
          ...{ fullName: 'Đỗ Thị Hằng', gender: 'FEMALE', birthYear: 1984, ethnicity: 'Kinh' },
          ...{ organizationCode: 'VU_TDKT_CACHE', isDirectWorker: false },
        },
      },
      { token: central },
    ),
  ).createPerson.id;
  const grants = `query($id: ID!) { person(id: $id) { fullName grants { year awardType { code } } } }`;
  const before = await post(url, grants, { id: personId });
  expect(before.body.errors).toBeUndefined();
  expect(before.body.data.person.grants).toEqual([]);
  expect((await post(url, grants, { id: personId })).cache).toBe('hit');
  expect((await post(url, unit)).cache).toBe('miss');
  expect((await post(url, unit)).cache).toBe('hit');
  const imported = dataOf(
    await post(
      url,
      `mutation($input: ImportGrantsInput!) { importGrants(input: $input) { imported errors { message } } }`,
      {
        input: {
          grants: [
            {
              ...{ personId, awardTypeCode: 'LDTT', year: 2024, basis: 'MERIT' },
              ...{ decisionNumber: '7/QĐ-TĐKT', issuedOn: '15/01/2025', issuerCode: 'VU_TDKT_CACHE' },
            },
          ],
        },
      },
      { token: central },
    ),
  ).importGrants;
  expect(imported).toEqual({ imported: 1, errors: [] });
  const after = await post(url, grants, { id: personId });
  expect(after.cache).toBe('miss');
  expect(after.body.data.person.grants).toEqual([{ year: 2024, awardType: { code: 'LDTT' } }]);
  // organizations reads nothing of awards: its answer stays.
  expect((await post(url, unit)).cache).toBe('hit');
  // campaigns: covered by the signature above; its answers also go when organizations changes.
  expect((await board(url)).cache).toBe('miss');
});

it('keeps no answer of a subgraph that reads a write through a copy until the copy can have caught up', async () => {
  const url = await ownGateway({ enabled: true, settleMs: 600_000 });
  const central = await token('CENTRAL_BOARD');
  const statistics = `query { awardStatistics(filter: { organizationCode: "BTP", yearFrom: 2024, yearTo: 2024 }) { total } }`;
  const unit = `query { organization(code: "BTP") { name } }`;
  dataOf(
    await post(
      url,
      contractOperation('CreateOrganization'),
      { input: { code: 'VU_PC_CACHE', name: 'Vụ Pháp chế (bộ nhớ đệm)', kind: 'DEPARTMENT', parentCode: 'BTP' } },
      { token: central },
    ),
  );
  // awards sees the organization tree through its copy: its answers are not kept for now ...
  for (const expected of ['miss', 'miss']) expect((await post(url, statistics)).cache).toBe(expected);
  // ... while organizations' own answers are.
  for (const expected of ['miss', 'hit']) expect((await post(url, unit)).cache).toBe(expected);
});

it('gives a reader who asks for a fresh answer (Cache-Control: no-cache) one, computed', async () => {
  const url = await ownGateway({ enabled: true });
  expect((await board(url)).cache).toBe('miss');
  expect((await board(url)).cache).toBe('hit');
  for (const cacheControl of ['no-cache', 'max-age=0, no-store'])
    expect(
      (await post(url, contractOperation('BlocBoard'), BOARD_VARIABLES, { headers: { 'cache-control': cacheControl } }))
        .cache,
    ).toBe('bypass');
  expect((await board(url)).cache).toBe('hit');
});

it('keeps nothing when turned off', async () => {
  const url = await ownGateway({ enabled: false });
  for (let round = 0; round < 2; round += 1) expect((await board(url)).cache).toBe('bypass');
});

it('does not put back what a read saw before a write that finished while it ran', async () => {
  // A proxy in front of campaigns that can hold a query's answer (already computed) back.
  let holding = false;
  let held: (() => void) | null = null;
  let heldSignal: () => void = () => {};
  const heldArrived = new Promise<void>((resolve) => (heldSignal = resolve));
  const target = stack.subgraphs['campaigns']!.url;
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString();
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([name]) => !['host', 'content-length', 'connection'].includes(name) && typeof req.headers[name] === 'string',
        ),
      ) as Record<string, string>;
      const upstream = await fetch(target, { method: 'POST', headers, body });
      const text = await upstream.text();
      const answer = () => {
        res.writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'application/json',
          ...(upstream.headers.get('x-tdkt-sql-statements')
            ? { 'x-tdkt-sql-statements': upstream.headers.get('x-tdkt-sql-statements')! }
            : {}),
        });
        res.end(text);
      };
      if (holding && !/^\s*mutation\b/.test(JSON.parse(body).query)) {
        holding = false;
        held = answer;
        heldSignal();
      } else answer();
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });
  const urls = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
  urls['campaigns'] = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  const url = await ownGateway({ enabled: true }, urls);

  // Read through the stack's own gateway: this one must not have the answer yet.
  const before = signers(await stack.gql(contractOperation('BlocBoard'), BOARD_VARIABLES));
  holding = true;
  const racing = board(url); // reads the signatures, then waits at the proxy
  await heldArrived;
  await sign(url, 'BCA'); // done: its response has arrived
  held!();
  const raced = await racing;
  expect(raced.cache).toBe('miss');
  expect(signers(raced)).toEqual(before); // what it read before the write
  const next = await board(url);
  expect(next.cache).toBe('miss');
  expect(signers(next)).toEqual([...before, 'BCA'].sort());
});
