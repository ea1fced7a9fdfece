/**
 * `npm start` decides who holds a data directory by process id and start time, never by a command
 * line: a PostgreSQL that another live process runs on the directory (`npm run seed:scale`, the
 * bench) is left alone and `npm start` refuses with the owner's pid; a lock naming a live process
 * (the bench's) is respected; a lock whose pid now belongs to a later process is stale.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, ROOT, START } from '../support/npm-start';

/** A process that runs its own embedded cluster while it works, as `npm run seed:scale` does. */
const OWNER = `
const { startEmbeddedPostgres } = require('@tdkt/embedded-db');
const [dataDir, port] = process.argv.slice(1);
startEmbeddedPostgres({ dataDir, port: Number(port) }).then((cluster) => {
  process.stdout.write('READY ' + cluster.adminUrl + '\\n');
  const busy = setInterval(() => {}, 1000);
  process.once('SIGTERM', () => cluster.stop().then(() => { clearInterval(busy); process.exit(0); }));
});
`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function postmasterPid(pgDir: string): number | null {
  const file = path.join(pgDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

describe('the data directory lock of npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-datadir-lock-'));
  chmodSync(dataDir, 0o755);
  const children: ChildProcess[] = [];
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      GATEWAY_PORT: String(await freePort()),
      ORGANIZATIONS_PORT: String(await freePort()),
      CAMPAIGNS_PORT: String(await freePort()),
      AWARDS_PORT: String(await freePort()),
    };
    for (const name of ['DATABASE_URL', 'ORGANIZATIONS_DATABASE_URL', 'CAMPAIGNS_DATABASE_URL', 'AWARDS_DATABASE_URL'])
      delete env[name];
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const dir of ['seed', 'bench']) {
      const pid = postmasterPid(path.join(dataDir, dir, 'pg'));
      if (pid && alive(pid)) process.kill(pid, 'SIGINT');
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('leaves alone the PostgreSQL another live process runs on the directory (seed:scale) and names it', async () => {
    const dir = path.join(dataDir, 'seed');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    const port = await freePort();
    // What `npm run seed:scale` does without a running npm start: its own embedded cluster, for the load.
    const owner = spawn(process.execPath, ['-e', OWNER, path.join(dir, 'pg'), String(port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(owner);
    const adminUrl = await new Promise<string>((resolve, reject) => {
      let output = '';
      owner.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /READY (\S+)/.exec(output);
        if (ready) resolve(ready[1]!);
      });
      owner.once('exit', (code) => reject(new Error(`pg-cluster exited with ${code}`)));
    });
    const postmaster = postmasterPid(path.join(dir, 'pg'))!;

    const result = spawnSync(process.execPath, [START], {
      cwd: ROOT,
      env: { ...env, TDKT_DATA_DIR: dir, EMBEDDED_PG_PORT: String(port) },
      encoding: 'utf8',
      timeout: 45_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`process ${owner.pid}`);
    expect(alive(postmaster)).toBe(true);
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    await client.end();
  }, 90_000);

  it('respects a lock held by a live process that is not npm start (the bench), and ignores a reused pid', async () => {
    const dir = path.join(dataDir, 'bench');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    children.push(holder);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const lock = path.join(dir, 'supervisor.pid');
    writeFileSync(lock, String(holder.pid)); // as the bench writes it

    const pgPort = String(await freePort());
    const refused = spawnSync(process.execPath, [START], {
      cwd: ROOT,
      env: { ...env, TDKT_DATA_DIR: dir, EMBEDDED_PG_PORT: pgPort },
      encoding: 'utf8',
      timeout: 45_000,
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`another npm start or bench (pid ${holder.pid})`);
    expect(existsSync(path.join(dir, 'pg'))).toBe(false);

    // The same pid in a lock written an hour before that process started: a reused pid, so stale.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, anHourAgo, anHourAgo);
    const started = spawn(process.execPath, [START], {
      cwd: ROOT,
      env: { ...env, TDKT_DATA_DIR: dir, EMBEDDED_PG_PORT: pgPort },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(started);
    const exited = new Promise<number | null>((resolve) => started.once('exit', resolve));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not ready within 90 s:\n${output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('[tdkt] ready in')) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout!.on('data', onData);
      started.stderr!.on('data', onData);
      void exited.then((code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    expect(Number(readFileSync(lock, 'utf8'))).toBe(started.pid);
    started.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 180_000);
});
