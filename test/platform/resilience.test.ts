/**
 * When a part fails: a subgraph down gives a partial answer with one masked error and recovers by
 * itself; a hanging subgraph is cut off by the timeout; a subgraph stopped by SIGTERM finishes the
 * request it is serving and exits 0.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { createGatewayApp } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';
import {
  DEV_ISSUER,
  createCallerVerifier,
  createInternalSigner,
  generateInternalKeyPair,
  loadOrCreateDevKeys,
  PUBLIC_CALLER,
} from '@tdkt/identity';
import { contractOperation } from '../support/operations';
import { createDatabases, dataOf, dropDatabases, errorCodes, startStack, type Stack } from '../support/stack';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

const ROOT = path.resolve(__dirname, '..', '..');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ demo: true });
  // A collective grant to the 2024 leading unit, so that BlocBoard has grants to lose.
  const board = await stack.token('CENTRAL_BOARD');
  const leader = dataOf(
    await stack.gql(`{ bloc(code: "NOI_CHINH_TW") { pledge(year: 2024) { leadingUnit { code } } } }`),
  ).bloc.pledge.leadingUnit.code;
  dataOf(
    await stack.gql(
      contractOperation('ImportGrants'),
      {
        input: {
          grants: [
            {
              organizationCode: leader,
              awardTypeCode: 'CO_THI_DUA_CP',
              year: 2024,
              basis: 'MERIT',
              decisionNumber: '9/QĐ-TTg',
              issuedOn: '2025-02-01',
              issuerCode: 'CP',
            },
          ],
        },
      },
      { token: board },
    ),
  );
});
afterAll(() => stack?.stop());

it('answers BlocBoard without the awards subgraph: everything else, grants null, one SERVICE_UNAVAILABLE; whole again when it returns', async () => {
  // As the Central Board, who may see the whole board: only the missing service's fields are null.
  const token = await stack.token('CENTRAL_BOARD');
  const board = () => stack.gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2024 }, { token });
  const whole = dataOf(await board()).bloc;
  expect(whole.pledge.ranking.some((entry: any) => entry.organization.grants?.length === 1)).toBe(true);

  await stack.stopSubgraph('awards');
  const partial = await board();
  // One error per missing grants field (8 ranked units), each at its path (partial-failure.test.ts).
  expect(new Set(errorCodes(partial))).toEqual(new Set(['SERVICE_UNAVAILABLE']));
  expect(partial.body.errors!.every((error) => error.extensions!['serviceName'] === 'awards')).toBe(true);
  const bloc = partial.body.data!.bloc;
  expect(bloc.members).toHaveLength(8);
  expect(bloc.pledge.status).toBe('CLOSED');
  expect(bloc.pledge.ranking).toHaveLength(8);
  expect(bloc.pledge.ranking.every((entry: any) => entry.organization.name && entry.organization.grants === null)).toBe(
    true,
  );

  await stack.restartSubgraph('awards');
  const again = await board();
  expect(again.body.errors).toBeUndefined();
  expect(again.body.data!.bloc).toEqual(whole);
});

it('cuts a hanging subgraph off at its timeout', async () => {
  const hanging = http.createServer(() => undefined); // accepts, never answers
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', () => resolve()));
  const internal = await generateInternalKeyPair();
  const keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-keys-'));
  const keys = await loadOrCreateDevKeys(keyDir);
  const gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: {
      organizations: stack.subgraphs.organizations.url,
      campaigns: stack.subgraphs.campaigns.url,
      awards: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`,
    },
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }),
    internalSigner: await createInternalSigner(internal.privateJwk),
    subgraphTimeoutMs: 5000,
    subgraphTimeouts: { awards: 800 },
  });
  const server = await new Promise<http.Server>((resolve) => {
    const listening = gateway.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  try {
    const started = Date.now();
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: contractOperation('AwardCatalog') }),
    });
    const elapsed = Date.now() - started;
    const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
    expect(body.errors?.map((error) => error.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(elapsed).toBeGreaterThanOrEqual(700);
    expect(elapsed).toBeLessThan(3000);
  } finally {
    server.closeAllConnections();
    server.close();
    await gateway.apollo.stop();
    hanging.closeAllConnections();
    hanging.close();
    rmSync(keyDir, { recursive: true, force: true });
  }
});

it('finishes the request it is serving when stopped with SIGTERM, then exits 0', async () => {
  const name = `t_sigterm_${process.pid}`;
  const { urlFor } = await createDatabases([name]);
  const internal = await generateInternalKeyPair();
  const signer = await createInternalSigner(internal.privateJwk);
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [path.join(ROOT, 'subgraphs', 'organizations', 'dist', 'main.js')], {
    env: {
      ...process.env,
      ORGANIZATIONS_DATABASE_URL: urlFor(name),
      ORGANIZATIONS_PORT: String(port),
      TDKT_INTERNAL_PUBLIC_KEY: JSON.stringify(internal.publicJwk),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lock = new pg.Client({ connectionString: urlFor(name) });
  try {
    for (let waited = 0; ; waited += 100) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) break;
      } catch {
        // not up yet
      }
      if (waited > 30_000) throw new Error(`subgraph did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Hold the row a mutation needs, so that the mutation is in flight when SIGTERM arrives.
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query(`SELECT 1 FROM organizations.organization WHERE code = 'HN' FOR UPDATE`);
    const token = await signer.sign({ subject: 'test', role: 'CENTRAL_BOARD', org: null }, 'sigterm-1');
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tdkt-caller': token },
      body: JSON.stringify({
        query: 'mutation { updateOrganization(input: { code: "HN", shortName: "Thủ đô" }) { shortName version } }',
      }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull(); // still finishing its request
    await lock.query('COMMIT');
    const answered = (await (await inFlight).json()) as { data?: { updateOrganization: { shortName: string } } };
    expect(answered.data?.updateOrganization.shortName).toBe('Thủ đô');
    expect(await exited).toBe(0);
    // New connections are refused once it has stopped.
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    void PUBLIC_CALLER;
  } finally {
    await lock.end().catch(() => undefined);
    if (child.exitCode === null) child.kill('SIGKILL');
    await dropDatabases([name]);
  }
}, 60_000);
