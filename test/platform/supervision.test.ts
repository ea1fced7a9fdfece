/**
 * The processes of `npm start` never outlive their supervisor: killed with SIGKILL (as an OOM killer
 * or a crash would), its gateway and subgraphs exit within seconds, and the PostgreSQL it leaves is
 * reclaimed by the next start. Ports that `fetch` refuses are refused at once with a clear message,
 * and a data directory whose PostgreSQL another live process owns is never taken over.
 */
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startSupervisor, ROOT, START } from '../support/npm-start';

/** Pids of the processes whose parent is `parent` (read from /proc). */
function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) found.push(Number(entry));
    } catch {
      // gone
    }
  }
  return found;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/** Alive and not a zombie. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('supervision of npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-supervision-'));
  chmodSync(dataDir, 0o755);
  let env: NodeJS.ProcessEnv;
  let gatewayPort: number;
  const leftovers = new Set<number>();

  beforeAll(async () => {
    gatewayPort = await freePort();
    env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      TDKT_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      GATEWAY_PORT: String(gatewayPort),
      ORGANIZATIONS_PORT: String(await freePort()),
      CAMPAIGNS_PORT: String(await freePort()),
      AWARDS_PORT: String(await freePort()),
    };
    for (const name of ['DATABASE_URL', 'ORGANIZATIONS_DATABASE_URL', 'CAMPAIGNS_DATABASE_URL', 'AWARDS_DATABASE_URL'])
      delete env[name];
  });

  afterAll(async () => {
    // Whatever a failing run left behind, by pid only.
    for (const pid of leftovers) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const dir of [dataDir, path.join(dataDir, 'bad-port')]) {
      const pid = postmasterPid(dir);
      if (pid && alive(pid)) process.kill(pid, 'SIGINT');
      await waitFor(() => !pid || !alive(pid), 10_000);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a port that fetch and browsers refuse, at once and by name', async () => {
    const otherPg = String(await freePort());
    const began = Date.now();
    const result = spawnSync(process.execPath, [START], {
      cwd: ROOT,
      env: { ...env, GATEWAY_PORT: '6000', TDKT_DATA_DIR: path.join(dataDir, 'bad-port'), EMBEDDED_PG_PORT: otherPg },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('GATEWAY_PORT=6000');
    expect(Date.now() - began).toBeLessThan(30_000);
    // Nothing was started: no database was created for a start that cannot succeed.
    expect(existsSync(path.join(dataDir, 'bad-port', 'pg'))).toBe(false);

    const subgraph = spawnSync(process.execPath, [START], {
      cwd: ROOT,
      env: {
        ...env,
        CAMPAIGNS_PORT: '10080',
        TDKT_DATA_DIR: path.join(dataDir, 'bad-port'),
        EMBEDDED_PG_PORT: otherPg,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(subgraph.status).toBe(1);
    expect(subgraph.stderr).toContain('CAMPAIGNS_PORT=10080');
  }, 90_000);

  it('a second SIGTERM ends a service whose stop waits for a request that never ends', async () => {
    const run = await startSupervisor(env);
    for (const pid of childrenOf(run.child.pid!)) leftovers.add(pid);
    const awards = childrenOf(run.child.pid!).find((pid) => commandOf(pid).includes('awards/dist/main.js'))!;
    // A request whose body never comes: a graceful stop waits for it (until its force-exit timer).
    const socket = net.connect(Number(env['AWARDS_PORT']), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    socket.on('error', () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));

    process.kill(awards, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(alive(awards)).toBe(true); // still waiting for that request
    const second = Date.now();
    process.kill(awards, 'SIGTERM');
    await waitFor(() => !alive(awards), 15_000);
    socket.destroy();
    // The force-exit timer would end it 10 s after the first SIGTERM; the second one ends it now.
    expect(Date.now() - second).toBeLessThan(5_000);

    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 240_000);

  it('every child exits within seconds of a SIGKILL of the supervisor; the next start reclaims PostgreSQL', async () => {
    const first = await startSupervisor(env);
    const supervisor = first.child.pid!;
    const postmaster = postmasterPid(dataDir)!;
    const services = childrenOf(supervisor).filter((pid) => commandOf(pid).includes('dist/main.js'));
    for (const pid of services) leftovers.add(pid);
    expect(services).toHaveLength(4); // three subgraphs and the gateway

    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = Date.now();
    // "A few seconds": an orphan is given 3 s to stop; the margin is for a loaded machine.
    await waitFor(() => services.every((pid) => !alive(pid)), 8_000);
    const left = services.filter(alive).map((pid) => `${pid} ${commandOf(pid)}`);
    console.log(`after SIGKILL of the supervisor: ${left.length} of 4 services left after ${Date.now() - killedAt} ms`);
    expect(left).toEqual([]);

    // The orphaned PostgreSQL is reclaimed by the next start (its owner, the supervisor, is dead).
    const second = await startSupervisor(env);
    for (const pid of childrenOf(second.child.pid!)) leftovers.add(pid);
    expect(second.output()).toContain('left running by an earlier run');
    expect(alive(postmaster)).toBe(false);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 240_000);
});
