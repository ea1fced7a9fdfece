/**
 * npm start: the whole platform on one machine.
 *
 * Embedded PostgreSQL under .data/pg (unless DATABASE_URL or <SUBGRAPH>_DATABASE_URL is set), one
 * database per subgraph, the three subgraphs (each runs its migrations and seed), then the gateway.
 * Ctrl-C or SIGTERM stops the gateway and subgraphs first and Postgres last.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureDatabases, startEmbeddedPostgres, type EmbeddedPostgres } from '@tdkt/embedded-db';
import { generateInternalKeyPair, loadOrCreateDevKeys } from '@tdkt/identity';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.resolve(process.env['TDKT_DATA_DIR'] ?? path.join(ROOT, '.data'));

const SUBGRAPHS = [
  { name: 'organizations', port: Number(process.env['ORGANIZATIONS_PORT'] ?? 4001) },
  { name: 'campaigns', port: Number(process.env['CAMPAIGNS_PORT'] ?? 4002) },
  { name: 'awards', port: Number(process.env['AWARDS_PORT'] ?? 4003) },
];
const GATEWAY_PORT = Number(process.env['GATEWAY_PORT'] ?? 4000);

function say(message: string): void {
  process.stdout.write(`[tdkt] ${message}\n`);
}

interface Running {
  name: string;
  script: string;
  env: NodeJS.ProcessEnv;
  child: ChildProcess;
  exited: Promise<number | null>;
}

function launch(name: string, script: string, env: NodeJS.ProcessEnv, onUnexpectedExit: (running: Running, code: number | null) => void): Running {
  // An IPC channel: when this supervisor dies, even by SIGKILL, the children see 'disconnect' and stop.
  // Detached (own process group): a terminal Ctrl-C reaches only this supervisor, which then stops
  // the gateway, the subgraphs and Postgres in that order.
  const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'], detached: true });
  const prefix = `[${name}] `;
  const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) stream.write(`${prefix}${line}\n`);
  };
  child.stdout?.on('data', forward(process.stdout));
  child.stderr?.on('data', forward(process.stderr));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = { name, script, env, child, exited };
  void exited.then((code) => onUnexpectedExit(running, code));
  return running;
}

async function waitReady(running: Running, url: string, timeoutMs = 180_000): Promise<void> {
  const started = Date.now();
  let exitCode: number | null | undefined;
  void running.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${running.name} exited with code ${exitCode} while starting (see its log above)`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${running.name} was not ready within ${timeoutMs / 1000} s (${url})`);
    await delay(200);
  }
}

const LOCK_FILE = path.join(DATA_DIR, 'supervisor.pid');

/** One `npm start` per data directory: a second one would take the first one's database away. */
function acquireSupervisorLock(): void {
  mkdirSync(DATA_DIR, { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(LOCK_FILE, String(process.pid), { flag: 'wx' });
      process.once('exit', () => rmSync(LOCK_FILE, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(LOCK_FILE, 'utf8'));
      let alive = false;
      try {
        process.kill(holder, 0);
        alive = readFileSync(`/proc/${holder}/cmdline`, 'utf8').includes('start.js');
      } catch {
        alive = false;
      }
      if (alive) throw new Error(`another npm start (pid ${holder}) is already running on ${DATA_DIR}; stop it first, or set TDKT_DATA_DIR`);
      rmSync(LOCK_FILE, { force: true }); // left by a killed supervisor
    }
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const children: Running[] = [];
  let postgres: EmbeddedPostgres | undefined;
  let stopping: Promise<void> | undefined;

  const stop = (reason: string, code: number) => {
    stopping ??= (async () => {
      say(`stopping (${reason}) …`);
      // Gateway first, then subgraphs, Postgres last.
      for (const group of [children.filter((c) => c.name === 'gateway'), children.filter((c) => c.name !== 'gateway')]) {
        for (const running of group) if (running.child.exitCode === null) running.child.kill('SIGTERM');
        await Promise.race([Promise.all(group.map((running) => running.exited)), delay(12_000)]);
      }
      if (postgres) {
        await postgres.stop();
        say('PostgreSQL stopped');
      }
      say('stopped');
      process.exit(code);
    })();
    return stopping;
  };
  // After start-up a crashed process is started again (the others keep serving; the gateway answers
  // without it meanwhile), with a backoff that doubles while it keeps crashing. During start-up a
  // crash is a start-up failure.
  let ready = false;
  const crashes = new Map<string, number[]>();
  const onUnexpectedExit = (running: Running, code: number | null) => {
    if (stopping) return;
    if (!ready) {
      say(`${running.name} exited unexpectedly (code ${code}) while starting; stopping everything`);
      void stop(`${running.name} exited`, 1);
      return;
    }
    const recent = (crashes.get(running.name) ?? []).filter((at) => Date.now() - at < 60_000);
    recent.push(Date.now());
    crashes.set(running.name, recent);
    const backoff = Math.min(30_000, 500 * 2 ** (recent.length - 1));
    say(`${running.name} exited unexpectedly (code ${code}); restarting it in ${backoff} ms`);
    setTimeout(() => {
      if (stopping) return;
      const replacement = launch(running.name, running.script, running.env, onUnexpectedExit);
      children[children.indexOf(running)] = replacement;
    }, backoff).unref();
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));

  try {
    acquireSupervisorLock();
    const env: NodeJS.ProcessEnv = { ...process.env };
    const external = SUBGRAPHS.every((subgraph) => env[`${subgraph.name.toUpperCase()}_DATABASE_URL`] || env['DATABASE_URL']);
    if (external) {
      say('using the external PostgreSQL given by DATABASE_URL / <SUBGRAPH>_DATABASE_URL');
    } else {
      const port = Number(env['EMBEDDED_PG_PORT'] ?? 54329);
      postgres = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, 'pg'), port, onLog: say });
      const names = SUBGRAPHS.map((subgraph) => `tdkt_${subgraph.name}`);
      await ensureDatabases(postgres.adminUrl, names);
      for (const subgraph of SUBGRAPHS) {
        env[`${subgraph.name.toUpperCase()}_DATABASE_URL`] ??= postgres.urlFor(`tdkt_${subgraph.name}`);
      }
    }

    env['DEV_KEYS_DIR'] ??= path.join(DATA_DIR, 'dev-keys');
    await loadOrCreateDevKeys(env['DEV_KEYS_DIR']);
    // A fresh internal key pair per run: only this run's gateway can speak to this run's subgraphs.
    const internal = await generateInternalKeyPair();
    env['TDKT_INTERNAL_PUBLIC_KEY'] = JSON.stringify(internal.publicJwk);

    env['ORGANIZATIONS_URL'] ??= `http://127.0.0.1:${SUBGRAPHS[0]!.port}/graphql`;
    env['CAMPAIGNS_URL'] ??= `http://127.0.0.1:${SUBGRAPHS[1]!.port}/graphql`;
    for (const subgraph of SUBGRAPHS) {
      children.push(launch(subgraph.name, path.join(ROOT, 'subgraphs', subgraph.name, 'dist', 'main.js'), { ...env, [`${subgraph.name.toUpperCase()}_PORT`]: String(subgraph.port) }, onUnexpectedExit));
    }
    await Promise.all(SUBGRAPHS.map((subgraph, index) => waitReady(children[index]!, `http://127.0.0.1:${subgraph.port}/ready`)));

    const gatewayEnv: NodeJS.ProcessEnv = { ...env, TDKT_INTERNAL_PRIVATE_KEY: JSON.stringify(internal.privateJwk), GATEWAY_PORT: String(GATEWAY_PORT) };
    delete gatewayEnv['TDKT_INTERNAL_PUBLIC_KEY'];
    for (const subgraph of SUBGRAPHS) gatewayEnv[`${subgraph.name.toUpperCase()}_PORT`] = String(subgraph.port);
    const gateway = launch('gateway', path.join(ROOT, 'gateway', 'dist', 'main.js'), gatewayEnv, onUnexpectedExit);
    children.push(gateway);
    await waitReady(gateway, `http://127.0.0.1:${GATEWAY_PORT}/ready`);

    ready = true;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(`ready in ${seconds} s`);
    say(`dashboard: http://localhost:${GATEWAY_PORT}/   (open it in a browser)`);
    say(`gateway:  http://localhost:${GATEWAY_PORT}/graphql   (health: /health, readiness: /ready)`);
    say(`subgraphs: ${SUBGRAPHS.map((subgraph) => `${subgraph.name} :${subgraph.port}`).join(', ')} (gateway only)`);
    say('a token: npm run --silent token -- --role CENTRAL_BOARD   (or --role ORG_OFFICER --org BTP)');
    say('Ctrl-C stops everything.');
  } catch (error) {
    process.stderr.write(`[tdkt] failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop('start-up failed', 1);
  }
}

void main();
