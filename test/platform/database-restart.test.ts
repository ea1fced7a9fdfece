/**
 * The database restarts under a steady read/write load on a real subgraph process: the process stays
 * up, requests in the window fail as SERVICE_UNAVAILABLE (never 500, never a hang), service resumes by
 * itself, and every acknowledged write is in the database afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createInternalSigner, generateInternalKeyPair } from '@tdkt/identity';
import { freePort, ROOT } from '../support/npm-start';

function startCluster(dataDir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'support', 'pg-cluster.js'), dataDir, String(port)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\S+)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`cluster exited ${code}: ${output}`)));
  });
}

const stopCluster = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

it('survives a PostgreSQL restart under load without losing an acknowledged write', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-restart-'));
  chmodSync(dir, 0o755);
  const pgPort = await freePort();
  const port = await freePort();
  let cluster = await startCluster(path.join(dir, 'pg'), pgPort);
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE tdkt_organizations');
  await admin.end();
  const url = cluster.url.replace(/\/postgres$/, '/tdkt_organizations');

  const internal = await generateInternalKeyPair();
  const signer = await createInternalSigner(internal.privateJwk);
  const subgraph = spawn(process.execPath, [path.join(ROOT, 'subgraphs', 'organizations', 'dist', 'main.js')], {
    env: {
      ...process.env,
      ORGANIZATIONS_DATABASE_URL: url,
      ORGANIZATIONS_PORT: String(port),
      TDKT_INTERNAL_PUBLIC_KEY: JSON.stringify(internal.publicJwk),
      SEED_DEMO: 'false',
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let subgraphExit: number | null | undefined;
  subgraph.once('exit', (code) => (subgraphExit = code));
  let subgraphLog = '';
  subgraph.stdout!.on('data', (chunk: Buffer) => (subgraphLog += chunk.toString()));
  subgraph.stderr!.on('data', (chunk: Buffer) => (subgraphLog += chunk.toString()));
  try {
    for (let waited = 0; ; waited += 100) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/ready`)).ok) break;
      } catch {
        // starting
      }
      if (waited > 30_000) throw new Error('subgraph did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const token = await signer.sign({ subject: 'load', role: 'CENTRAL_BOARD', org: null }, 'restart');
    const call = async (query: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tdkt-caller': token },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(10_000),
      });
      return {
        status: response.status,
        body: (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] },
      };
    };

    const acknowledged: string[] = [];
    const codes = new Map<string, number>();
    const statuses = new Set<number>();
    let stop = false;
    let sequence = 0;
    const worker = async () => {
      while (!stop) {
        const code = `LOAD_${String(++sequence).padStart(5, '0')}`;
        const write = await call(
          `mutation { createOrganization(input: { code: "${code}", name: "Đơn vị ${code}", kind: OTHER, parentCode: "HN" }) { code } }`,
        );
        statuses.add(write.status);
        if (write.body.data?.createOrganization?.code === code) acknowledged.push(code);
        for (const error of write.body.errors ?? [])
          codes.set(String(error.extensions?.code), (codes.get(String(error.extensions?.code)) ?? 0) + 1);
        const read = await call('{ organization(code: "HN") { name } }');
        statuses.add(read.status);
        for (const error of read.body.errors ?? [])
          codes.set(String(error.extensions?.code), (codes.get(String(error.extensions?.code)) ?? 0) + 1);
      }
    };
    const workers = [worker(), worker(), worker(), worker()];
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stopCluster(cluster.child);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    cluster = await startCluster(path.join(dir, 'pg'), pgPort);
    // Service resumes by itself within seconds.
    const resumedBy = Date.now() + 15_000;
    for (;;) {
      const probe = await call('{ organization(code: "HN") { name } }');
      if (probe.body.data?.organization?.name) break;
      if (Date.now() > resumedBy) throw new Error('service did not resume within 15 s');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    stop = true;
    await Promise.all(workers);

    expect(subgraphExit).toBeUndefined();
    expect([...statuses]).toEqual([200]);
    // On failure, show what the subgraph logged about the unexpected errors.
    expect([
      [...codes.keys()].filter((code) => code !== 'SERVICE_UNAVAILABLE'),
      [...codes.keys()].some((code) => code !== 'SERVICE_UNAVAILABLE') ? subgraphLog.slice(0, 3000) : '',
    ]).toEqual([[], '']);
    expect(codes.get('SERVICE_UNAVAILABLE') ?? 0).toBeGreaterThan(0);
    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const { rows } = await check.query(`SELECT code FROM organizations.organization WHERE code LIKE 'LOAD_%'`);
    await check.end();
    const stored = new Set(rows.map((row: { code: string }) => row.code));
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(acknowledged.filter((code) => !stored.has(code))).toEqual([]);
  } finally {
    if (subgraph.exitCode === null) subgraph.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await stopCluster(cluster.child);
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
