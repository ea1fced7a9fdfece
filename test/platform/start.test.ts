/**
 * `npm start` as a user runs it: real processes, an embedded PostgreSQL in its own data directory,
 * a dev token from the token script, a supervisor killed with SIGKILL (leaving Postgres behind), a
 * restart that recovers from that and keeps the data, and a clean SIGTERM shutdown.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabases, dropDatabases } from '../support/stack';
import { freePort, startSupervisor, ROOT, START } from '../support/npm-start';

async function gql(port: number, query: string, token?: string) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: any[] };
}

/** Pid of the supervisor's child running a given service (0 when there is none). */
function childPid(parent: number, service: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(`${service}/dist/main.js`))
        return Number(entry);
    } catch {
      // gone
    }
  }
  return 0;
}

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-start-'));
  chmodSync(dataDir, 0o755);
  let env: NodeJS.ProcessEnv;
  let gatewayPort: number;
  const running: ChildProcess[] = [];

  beforeAll(async () => {
    gatewayPort = await freePort();
    env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
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
    for (const child of running) if (child.exitCode === null) child.kill('SIGTERM');
    const pid = postmasterPid(dataDir);
    if (pid && alive(pid)) process.kill(pid, 'SIGINT');
    await waitFor(() => !pid || !alive(pid), 10_000);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts everything, serves the reference data, survives SIGKILL of the supervisor and stops cleanly', async () => {
    const first = await startSupervisor(env);
    running.push(first.child);

    const tree = await gql(
      gatewayPort,
      '{ organization(code: "HCM") { predecessors { code } } bloc(code: "NOI_CHINH_TW") { members(year: 2024) { role organization { code } } } }',
    );
    expect(tree.data.organization.predecessors.map((unit: { code: string }) => unit.code).sort()).toEqual([
      'BA_RIA_VUNG_TAU',
      'BINH_DUONG',
    ]);
    expect(tree.data.bloc.members).toHaveLength(8);
    expect(tree.data.bloc.members[0]).toEqual({ role: 'LEAD', organization: { code: 'TANDTC' } });

    // The token script prints a token, and nothing else, that this gateway accepts.
    const token = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'dist', 'token.js'), '--role', 'CENTRAL_BOARD'],
      { env, encoding: 'utf8' },
    );
    expect(token.status).toBe(0);
    expect(token.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const created = await gql(
      gatewayPort,
      'mutation { createOrganization(input: { code: "KEPT_UNIT", name: "Đơn vị giữ lại", kind: OTHER, parentCode: "HN" }) { code } }',
      token.stdout.trim(),
    );
    expect(created).toEqual({ data: { createOrganization: { code: 'KEPT_UNIT' } } });

    // A subgraph that dies is started again by the supervisor; meanwhile the gateway answers without it.
    const awardsPid = childPid(first.child.pid!, 'awards');
    process.kill(awardsPid, 'SIGKILL');
    const partial = await gql(gatewayPort, '{ organization(code: "HN") { name grants { year } } }');
    expect(partial.data?.organization).toEqual({ name: 'Thành phố Hà Nội', grants: null });
    expect(partial.errors?.map((error: any) => error.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(
      await waitFor(
        () => childPid(first.child.pid!, 'awards') > 0 && childPid(first.child.pid!, 'awards') !== awardsPid,
        20_000,
      ),
    ).toBe(true);
    let whole: { data?: any; errors?: any[] } = {};
    for (let attempt = 0; attempt < 100; attempt += 1) {
      whole = await gql(gatewayPort, '{ awardTypes { code } }');
      if (!whole.errors) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(whole.errors).toBeUndefined();
    expect(first.output()).toContain('awards exited unexpectedly');

    // A second npm start on the same data directory is refused instead of taking the database away.
    const intruder = spawnSync(process.execPath, [START], {
      cwd: ROOT,
      env,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(intruder.status).toBe(1);
    expect(intruder.stdout + intruder.stderr).toContain('another npm start');
    expect((await gql(gatewayPort, '{ organization(code: "KEPT_UNIT") { code } }')).data.organization.code).toBe(
      'KEPT_UNIT',
    );

    // A killed supervisor leaves its Postgres behind; its subgraphs and gateway notice and exit.
    const pid = postmasterPid(dataDir)!;
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(pid)).toBe(true);

    // The next start stops that leftover server, starts its own, and finds the data kept.
    const second = await startSupervisor(env);
    running.push(second.child);
    expect(second.output()).toContain('left running by an earlier run');
    expect(alive(pid)).toBe(false);
    const kept = await gql(gatewayPort, '{ organization(code: "KEPT_UNIT") { name } }');
    expect(kept).toEqual({ data: { organization: { name: 'Đơn vị giữ lại' } } });

    // SIGTERM stops the gateway and subgraphs, then Postgres; the supervisor exits 0.
    const secondPid = postmasterPid(dataDir)!;
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect(alive(secondPid)).toBe(false);
    expect(second.output()).toContain('PostgreSQL stopped');
  }, 240_000);

  it('runs all three subgraphs in one external database given by DATABASE_URL, each in its own schema', async () => {
    const name = `t_start_external_${process.pid}`;
    const { urlFor } = await createDatabases([name]);
    try {
      const external = await startSupervisor({
        ...env,
        DATABASE_URL: urlFor(name),
        TDKT_DATA_DIR: path.join(dataDir, 'external'),
      });
      running.push(external.child);
      expect(external.output()).toContain('using the external PostgreSQL');
      expect(existsSync(path.join(dataDir, 'external', 'pg'))).toBe(false);
      const answer = await gql(gatewayPort, '{ organization(code: "HUE") { name kind } }');
      expect(answer).toEqual({ data: { organization: { name: 'Thành phố Huế', kind: 'CENTRAL_CITY' } } });
      const client = new pg.Client({ connectionString: urlFor(name) });
      await client.connect();
      const schemas = await client.query(
        `SELECT nspname FROM pg_namespace WHERE nspname IN ('organizations', 'campaigns', 'awards') ORDER BY 1`,
      );
      await client.end();
      expect(schemas.rows.map((row) => row.nspname)).toEqual(['awards', 'campaigns', 'organizations']);
      external.child.kill('SIGTERM');
      expect(await external.exited).toBe(0);
    } finally {
      await dropDatabases([name]);
    }
  }, 120_000);
});
