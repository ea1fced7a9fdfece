/**
 * No acknowledged failure is ever followed by a commit. A pledge row is held by another transaction
 * (`SELECT … FOR UPDATE` on its own connection) for longer than the gateway waits for the subgraph:
 * the mutation must fail in time with a retryable code, and after every timeout and the release of the
 * lock nothing of it may be in the database (a retry without an Idempotency-Key then writes once).
 * The same holds when the caller hangs up while the write waits, and a mutation the gateway gives up
 * on is answered with a code that says its outcome is unknown.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createGatewayApp } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';
import {
  DEV_ISSUER,
  createCallerVerifier,
  createInternalSigner,
  generateInternalKeyPair,
  issueCallerToken,
  loadOrCreateDevKeys,
} from '@tdkt/identity';
import { contractOperation } from '../support/operations';
import { dataOf, errorCodes, startStack, type Stack } from '../support/stack';

const MEMBERS = ['TANDTC', 'VKSNDTC', 'BTP', 'BQLLANG', 'BQP', 'BCA', 'TTCP', 'KTNN'];
const YEAR = new Date().getUTCFullYear();
/** The gateway's subgraph timeout on this stack; the row stays locked well past it. */
const GATEWAY_TIMEOUT_MS = 4000;
const LOCK_HELD_MS = GATEWAY_TIMEOUT_MS + 2500;
// The subgraphs run in this process: a wide margin keeps the test meaningful on a loaded machine.
process.env['SUBGRAPH_WRITE_MARGIN_MS'] = '1500';

let stack: Stack;
let pledgeId: string;
let btp: string;
let campaignsUrl: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  stack = await startStack({ subgraphTimeoutMs: GATEWAY_TIMEOUT_MS });
  campaignsUrl = (stack.subgraphs.campaigns.database.dataSource.options as { url: string }).url;
  const board = await stack.token('CENTRAL_BOARD');
  const lead = await stack.token('ORG_OFFICER', 'TANDTC');
  btp = await stack.token('ORG_OFFICER', 'BTP');
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      {
        input: {
          blocCode: 'NOI_CHINH_TW',
          year: YEAR,
          members: MEMBERS.map((code, index) => ({ organizationCode: code, role: index === 0 ? 'LEAD' : 'MEMBER' })),
        },
      },
      { token: board },
    ),
  );
  const input = {
    blocCode: 'NOI_CHINH_TW',
    year: YEAR,
    theme: 'Đoàn kết, kỷ cương',
    items: [{ code: '1', title: 'Chuyển đổi số', targetValue: 100, unit: '%', maxScore: 50 }],
  };
  pledgeId = dataOf(await stack.gql(contractOperation('CreatePledge'), { input }, { token: lead })).createPledge.id;
  dataOf(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: lead }));
}, 60_000);
afterAll(() => stack?.stop());

/** What the campaigns database holds of the progress reports for the pledge, and their audit rows. */
async function written(client: pg.Client): Promise<{ reports: number; audits: number }> {
  const [reports] = (
    await client.query(`SELECT count(*)::int AS n FROM campaigns.progress_report WHERE pledge_id = $1`, [pledgeId])
  ).rows;
  const [audits] = (
    await client.query(
      `SELECT count(*)::int AS n FROM campaigns.audit_log WHERE operation = 'reportPledgeProgress' AND entity_id LIKE $1`,
      [`${pledgeId}/%`],
    )
  ).rows;
  return { reports: reports.n, audits: audits.n };
}

/** Holds the pledge row `FOR UPDATE` in its own transaction until `release()`. */
async function lockPledge(): Promise<{ client: pg.Client; release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: campaignsUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(`SELECT 1 FROM campaigns.pledge WHERE id = $1 FOR UPDATE`, [pledgeId]);
  return { client, release: () => client.query('COMMIT').then(() => undefined) };
}

const REPORT = (period: string, value: number) => ({
  input: { pledgeId, organizationCode: 'BTP', itemCode: '1', period, value },
});

it('fails a write held by a lock before the gateway gives up, and commits nothing afterwards; a plain retry writes once', async () => {
  const events: { at: number; event: string }[] = [];
  const t0 = Date.now();
  const note = (event: string) => events.push({ at: Date.now() - t0, event });
  const lock = await lockPledge();
  const reader = new pg.Client({ connectionString: campaignsUrl });
  await reader.connect();
  try {
    note('pledge row locked FOR UPDATE by another connection');
    const releaseAt = sleep(LOCK_HELD_MS).then(async () => {
      await lock.release();
      note('lock released (the other transaction commits)');
    });
    note('reportPledgeProgress sent through the gateway (no Idempotency-Key)');
    const answered = await stack.gql(contractOperation('ReportPledgeProgress'), REPORT(`${YEAR}-Q1`, 10), {
      token: btp,
    });
    note(
      `answered HTTP ${answered.status} ${errorCodes(answered).join(',')}: ${answered.body.errors?.[0]?.message ?? ''}`,
    );
    const answeredAt = Date.now() - t0;
    await releaseAt;
    await sleep(1500);
    const after = await written(reader);
    note(`database after every timeout and the release: ${after.reports} progress reports, ${after.audits} audit rows`);
    const retried = await stack.gql(contractOperation('ReportPledgeProgress'), REPORT(`${YEAR}-Q1`, 10), {
      token: btp,
    });
    note(`retry without Idempotency-Key: ${retried.body.errors ? errorCodes(retried).join(',') : 'ok'}`);
    const final = await written(reader);
    note(`database after the retry: ${final.reports} progress reports, ${final.audits} audit rows`);
    process.stdout.write(
      `write-deadline events:\n${events.map((e) => `  +${String(e.at).padStart(5)} ms  ${e.event}`).join('\n')}\n`,
    );

    expect(errorCodes(answered)).toEqual(['SERVICE_UNAVAILABLE']);
    // The subgraph gave up below the gateway's deadline, so its answer (not the gateway's timeout) came back.
    expect(answered.body.errors![0]!.message).toMatch(/thử lại/);
    expect(answered.body.errors![0]!.message).toMatch(/không có thay đổi nào được lưu/);
    expect(answeredAt).toBeLessThan(GATEWAY_TIMEOUT_MS + 1000);
    expect(after).toEqual({ reports: 0, audits: 0 });
    expect(dataOf(retried).reportPledgeProgress).toEqual({ period: `${YEAR}-Q1`, value: 10 });
    expect(final).toEqual({ reports: 1, audits: 1 });
  } finally {
    await lock.client.end().catch(() => undefined);
    await reader.end();
  }
}, 30_000);

it('rolls the write back when its caller hangs up while it waits for the lock', async () => {
  const lock = await lockPledge();
  const reader = new pg.Client({ connectionString: campaignsUrl });
  await reader.connect();
  try {
    const before = await written(reader);
    // Straight to the subgraph as the gateway would call it, without a deadline: only the hang-up ends it.
    const internal = await stack.internalToken({ subject: 'btp-officer', role: 'ORG_OFFICER', org: 'BTP' });
    const abort = new AbortController();
    const sent = fetch(stack.subgraphs.campaigns.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tdkt-caller': internal },
      body: JSON.stringify({ query: contractOperation('ReportPledgeProgress'), variables: REPORT(`${YEAR}-Q2`, 20) }),
      signal: abort.signal,
    });
    await sleep(1000);
    abort.abort();
    await expect(sent).rejects.toThrow();
    await sleep(500);
    await lock.release();
    await sleep(1500);
    expect(await written(reader)).toEqual(before);
  } finally {
    await lock.client.end().catch(() => undefined);
    await reader.end();
  }
}, 30_000);

it('answers OUTCOME_UNKNOWN, not a plain failure, for a mutation whose subgraph did not answer in time', async () => {
  const hanging = http.createServer(() => undefined); // accepts, never answers
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', () => resolve()));
  const internal = await generateInternalKeyPair();
  const keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-keys-'));
  const keys = await loadOrCreateDevKeys(keyDir);
  const gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: {
      organizations: stack.subgraphs.organizations.url,
      campaigns: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/graphql`,
      awards: stack.subgraphs.awards.url,
    },
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }),
    internalSigner: await createInternalSigner(internal.privateJwk),
    subgraphTimeoutMs: 800,
  });
  const server = await new Promise<http.Server>((resolve) => {
    const listening = gateway.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  try {
    const token = await issueCallerToken(keys.privateJwk, { role: 'ORG_OFFICER', org: 'BTP', expiresIn: '5m' });
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: contractOperation('ReportPledgeProgress'), variables: REPORT(`${YEAR}-Q3`, 30) }),
    });
    const body = (await response.json()) as { errors?: { message: string; extensions: { code: string } }[] };
    expect(body.errors?.map((error) => error.extensions.code)).toEqual(['OUTCOME_UNKNOWN']);
    expect(body.errors![0]!.message).toMatch(/Idempotency-Key/);
  } finally {
    server.closeAllConnections();
    server.close();
    await gateway.apollo.stop();
    gateway.stop();
    hanging.closeAllConnections();
    hanging.close();
    rmSync(keyDir, { recursive: true, force: true });
  }
}, 30_000);
