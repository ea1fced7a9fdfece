/**
 * Mixed traffic at 20 connections against `npm start` (real processes, embedded PostgreSQL, loopback
 * only): no 5xx, and every process's memory at the end within 20 % of its memory after warm-up.
 * TDKT_SOAK_SECONDS sets the length of the measured window: five minutes by default and in
 * `npm run soak`; 30 s in `npm test`, a smoke of the long run. What 30 s catches: a 5xx under sustained
 * load, a crash, and a leak of a few kB per request (20 % of a ~150 MB process over the thousands of
 * requests of 30 s; a leak that fills the bounded old generation below ends in a crash, which fails
 * too). A leak of a few hundred bytes per request needs the five-minute run. The warm-up before the
 * first measurement lasts a tenth of the window (10–30 s) and at least WARM_UP_REQUESTS requests (up
 * to a minute on a slow machine), so the baseline is taken once the code is compiled, the pools are
 * full and the heap has grown to its working size, not on a cold process. The load is our own loop
 * of `fetch` calls (no extra tool); for an external one, `wrk` or `autocannon` against POST /graphql
 * work the same way (README).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contractOperation } from '../support/operations';
import { freePort, ROOT, START } from '../support/npm-start';

const SECONDS = Number(process.env['TDKT_SOAK_SECONDS'] ?? 300);
const WARM_UP_SECONDS = Math.min(30, Math.max(10, Math.floor(SECONDS / 10)));
const WARM_UP_REQUESTS = 2_000;
const WARM_UP_LIMIT_SECONDS = 60;
const CONNECTIONS = 20;

/** Resident memory (kB) of the supervisor's node children: gateway and subgraphs. */
function childMemory(parent: number): Record<string, number> {
  const memory: Record<string, number> = {};
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const match = /(gateway|organizations|campaigns|awards)\/dist\/main\.js/.exec(command);
      if (!match) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) memory[match[1]!] = Number(rss[1]);
    } catch {
      // process gone
    }
  }
  return memory;
}

it(
  `serves ${SECONDS} s of mixed traffic at ${CONNECTIONS} connections without a 5xx or memory growth`,
  async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-soak-'));
    chmodSync(dataDir, 0o755);
    const gatewayPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'error',
      // A bounded old generation makes V8 collect instead of growing lazily, so what remains is what is
      // really retained: a leak shows as growth or as a crash (seen without it: the gateway's RSS rose
      // 199 → 346 MB in 2 minutes, and stayed at 160–166 MB with the limit, i.e. no leak). Node 22+ also
      // grows the young generation lazily, whatever the old one's limit: on Node 24 the heap committed
      // doubled (58 → 120 MB) while the old space stayed at 28–32 MB, and RSS rose 20–32 % in 3 of 3 runs;
      // with the semi-space bounded too it rose 6–15 %, as on Node 20.
      NODE_OPTIONS: process.env['TDKT_SOAK_NODE_OPTIONS'] ?? '--max-old-space-size=128 --max-semi-space-size=4',
      TDKT_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      GATEWAY_PORT: String(gatewayPort),
      ORGANIZATIONS_PORT: String(await freePort()),
      CAMPAIGNS_PORT: String(await freePort()),
      AWARDS_PORT: String(await freePort()),
    };
    for (const name of ['DATABASE_URL', 'ORGANIZATIONS_DATABASE_URL', 'CAMPAIGNS_DATABASE_URL', 'AWARDS_DATABASE_URL'])
      delete env[name];
    const supervisor: ChildProcess = spawn(process.execPath, [START], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => supervisor.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        const timer = setTimeout(() => reject(new Error(`not ready:\n${output}`)), 90_000);
        supervisor.stdout!.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('[tdkt] ready in')) {
            clearTimeout(timer);
            resolve();
          }
        });
        supervisor.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      });
      const token = spawnSync(
        process.execPath,
        [path.join(ROOT, 'scripts', 'dist', 'token.js'), '--role', 'CENTRAL_BOARD'],
        { env, encoding: 'utf8' },
      ).stdout.trim();
      const url = `http://127.0.0.1:${gatewayPort}/graphql`;
      const requests = [
        { weight: 6, query: contractOperation('BlocBoard'), variables: { code: 'NOI_CHINH_TW', year: 2024 } },
        { weight: 1, query: contractOperation('OrganizationTree'), variables: { code: 'HCM' } },
        { weight: 1, query: contractOperation('SearchOrganizations'), variables: { search: 'tinh', first: 20 } },
        { weight: 1, query: contractOperation('AwardCatalog'), variables: {} },
        { weight: 1, write: true },
      ];
      const deck = requests.flatMap((request) => Array.from({ length: request.weight }, () => request));
      const statuses = new Map<number, number>();
      let sequence = 0;
      let sent = 0;
      const run = async (keepGoing: () => boolean) => {
        while (keepGoing()) {
          const pick = deck[sent++ % deck.length]!;
          const body = pick.write
            ? {
                query: 'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { code } }',
                variables: {
                  input: {
                    code: `SOAK_${process.pid}_${++sequence}`,
                    name: `Đơn vị tải ${sequence}`,
                    kind: 'OTHER',
                    parentCode: 'HN',
                  },
                },
              }
            : { query: pick.query, variables: pick.variables };
          const response = await fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              ...(pick.write ? { authorization: `Bearer ${token}` } : {}),
            },
            body: JSON.stringify(body),
          });
          await response.arrayBuffer();
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        }
      };
      const warmUpStart = Date.now();
      const warmingUp = () => {
        const elapsed = Date.now() - warmUpStart;
        if (elapsed < WARM_UP_SECONDS * 1000) return true;
        return sent < WARM_UP_REQUESTS && elapsed < WARM_UP_LIMIT_SECONDS * 1000;
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, () => run(warmingUp)));
      const warmUpSeconds = Math.round((Date.now() - warmUpStart) / 1000);
      const afterWarmUp = childMemory(supervisor.pid!);
      const started = Date.now();
      await Promise.all(Array.from({ length: CONNECTIONS }, () => run(() => Date.now() < started + SECONDS * 1000)));
      const atEnd = childMemory(supervisor.pid!);
      const total = [...statuses.values()].reduce((sum, count) => sum + count, 0);
      process.stdout.write(
        `\nsoak: ${total} requests in ${warmUpSeconds} s of warm-up and ${SECONDS} s measured (${Math.round(total / (SECONDS + warmUpSeconds))} req/s), statuses ${JSON.stringify(Object.fromEntries(statuses))}, ` +
          `RSS kB after warm-up ${JSON.stringify(afterWarmUp)} and at end ${JSON.stringify(atEnd)}\n`,
      );
      expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
      expect(Object.keys(afterWarmUp).sort()).toEqual(['awards', 'campaigns', 'gateway', 'organizations']);
      for (const [name, before] of Object.entries(afterWarmUp))
        expect([name, atEnd[name]! <= before * 1.2]).toEqual([name, true]);
    } finally {
      supervisor.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  (SECONDS + WARM_UP_LIMIT_SECONDS + 240) * 1000,
);
