/**
 * The platform as `npm start` runs it (embedded PostgreSQL, the three subgraph processes, the gateway
 * process), on free ports of its own so it never collides with a running `npm start`, outside
 * production (so `x-tdkt-stats: 1` answers with statement counts), rate limits off, and with an
 * internal key pair generated here, so the bench can also call each subgraph directly as the gateway
 * does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ensureDatabases, startEmbeddedPostgres, type EmbeddedPostgres } from '@tdkt/embedded-db';
import { createInternalSigner, generateInternalKeyPair, loadOrCreateDevKeys, type DevKeys, type InternalTokenSigner } from '@tdkt/identity';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SUBGRAPHS = ['organizations', 'campaigns', 'awards'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
export type ProcessName = SubgraphName | 'gateway';

export interface StackOptions {
  dataDir: string;
  seedDemo: boolean;
  logLevel: string;
  /** Directory of the processes' output: one file per process (<name>.log). */
  logDir: string;
  /** Extra environment for every process (e.g. NODE_OPTIONS). */
  env?: NodeJS.ProcessEnv;
  /** Extra node flags for every process (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  execArgv?: string[];
  /** Checkout whose built gateway and subgraphs run (default: this one); for A/B runs of a change. */
  root?: string;
  /** Runs once the databases exist, before the subgraphs start (e.g. check which dataset is loaded). */
  beforeSubgraphs?(databaseUrls: Record<SubgraphName, string>): Promise<void>;
  say(message: string): void;
}

export interface Stack {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphName, string>;
  /** Base URLs (for /metrics). */
  baseUrls: Record<ProcessName, string>;
  pids: Record<ProcessName, number>;
  postmasterPid: number;
  /** The maintenance database (pg_stat_activity for the SQL sampler). */
  adminUrl: string;
  databaseUrls: Record<SubgraphName, string>;
  devKeys: DevKeys;
  internalSigner: InternalTokenSigner;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Child {
  name: ProcessName;
  child: ChildProcess;
  exited: Promise<number | null>;
  logFile: string;
}

function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function launch(name: ProcessName, script: string, env: NodeJS.ProcessEnv, logDir: string, execArgv: string[] = [], cwd = ROOT): Child {
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  // The output goes straight to a file: the bench spends no CPU relaying it while it measures.
  const logFile = path.join(logDir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  // IPC channel: the processes exit by themselves when the bench dies (see kit run.ts). Detached: a
  // terminal Ctrl-C reaches the bench only, which stops the gateway, the subgraphs, then Postgres.
  const child = spawn(process.execPath, [...execArgv, script], { cwd, env, stdio: ['ignore', fd, fd, 'ipc'], detached: true });
  closeSync(fd);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited, logFile };
}

async function waitReady(running: Child, url: string, timeoutMs = 15 * 60_000): Promise<void> {
  const started = Date.now();
  let exitCode: number | null | undefined;
  void running.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`${running.name} exited with code ${exitCode} while starting:\n${tailOf(running.logFile, 15)}`);
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

/**
 * One supervisor per data directory (the lock `npm start` takes): starting Postgres on a directory an
 * `npm start` is serving would stop that server (embedded-db treats it as left behind).
 */
function acquireLock(dataDir: string): () => void {
  const file = path.join(dataDir, 'supervisor.pid');
  mkdirSync(dataDir, { recursive: true });
  if (existsSync(file)) {
    const holder = Number(readFileSync(file, 'utf8'));
    let alive = false;
    try {
      process.kill(holder, 0);
      alive = holder !== process.pid;
    } catch {
      alive = false;
    }
    if (alive) throw new Error(`${dataDir} is in use by another npm start or bench (pid ${holder}); stop it first, or pass --data-dir`);
    rmSync(file, { force: true });
  }
  // A live postmaster on this directory belongs to someone (npm start, seed:scale, a test): embedded-db
  // would stop it as "left behind". Refuse instead.
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    let running = false;
    try {
      process.kill(pid, 0);
      running = true;
    } catch (error) {
      running = (error as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (running) {
      throw new Error(
        `PostgreSQL (pid ${pid}) is running on ${path.join(dataDir, 'pg')} (npm start, npm run seed:scale, another bench?): stop it first ` +
          `(if a killed run left it behind: kill -INT ${pid}), or pass another --data-dir`,
      );
    }
  }
  writeFileSync(file, String(process.pid), { flag: 'wx' });
  const release = () => rmSync(file, { force: true });
  process.once('exit', release);
  return release;
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const dataDir = path.resolve(options.dataDir);
  const root = path.resolve(options.root ?? ROOT);
  const release = acquireLock(dataDir);
  mkdirSync(options.logDir, { recursive: true });
  const postgresLog = path.join(options.logDir, 'postgres-start.log');
  const children: Child[] = [];
  let postgres: EmbeddedPostgres | undefined;
  let stopping: Promise<void> | undefined;

  const stop = () => {
    stopping ??= (async () => {
      for (const group of [children.filter((c) => c.name === 'gateway'), children.filter((c) => c.name !== 'gateway')]) {
        for (const running of group) if (running.child.exitCode === null && running.child.signalCode === null) running.child.kill('SIGTERM');
        await Promise.race([Promise.all(group.map((running) => running.exited)), delay(12_000)]);
      }
      if (postgres) await postgres.stop();
      release();
    })();
    return stopping;
  };

  // Ctrl-C while starting (or while a scale dataset loads): stop what runs, Postgres last.
  const interrupted = () => {
    options.say('interrupted; stopping');
    void stop().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const keepSignals = () => {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  };

  try {
    const ports = { postgres: await freePort(), gateway: await freePort(), organizations: await freePort(), campaigns: await freePort(), awards: await freePort() };
    options.say(`starting PostgreSQL (${path.join(dataDir, 'pg')}, port ${ports.postgres})`);
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: ports.postgres, onLog: (line) => appendFileSync(postgresLog, `${line}\n`) });
    await ensureDatabases(postgres.adminUrl, SUBGRAPHS.map((name) => `tdkt_${name}`));
    const postmasterPid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const databaseUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, postgres!.urlFor(`tdkt_${name}`)])) as Record<SubgraphName, string>;
    await options.beforeSubgraphs?.(databaseUrls);

    const devKeysDir = path.join(dataDir, 'dev-keys');
    const devKeys = await loadOrCreateDevKeys(devKeysDir);
    const internal = await generateInternalKeyPair();
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`])) as Record<SubgraphName, string>;

    const env: NodeJS.ProcessEnv = { ...process.env, ...(options.env ?? {}) };
    for (const name of ['DATABASE_URL', ...SUBGRAPHS.map((subgraph) => `${subgraph.toUpperCase()}_DATABASE_URL`), 'NODE_ENV', 'SUPERGRAPH_PATH']) delete env[name];
    Object.assign(env, {
      NODE_ENV: 'development', // not production: the gateway answers x-tdkt-stats
      LOG_LEVEL: options.logLevel,
      SEED_DEMO: options.seedDemo ? 'true' : 'false',
      DEV_KEYS_DIR: devKeysDir,
      TDKT_DATA_DIR: dataDir,
      RATE_LIMIT_CALLER_PER_MINUTE: '0',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    });
    for (const name of SUBGRAPHS) {
      env[`${name.toUpperCase()}_DATABASE_URL`] = databaseUrls[name];
      env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
      env[`${name.toUpperCase()}_URL`] = subgraphUrls[name];
    }

    options.say('starting the subgraphs (migrations and reference data on first use)');
    for (const name of SUBGRAPHS) {
      children.push(launch(name, path.join(root, 'subgraphs', name, 'dist', 'main.js'), { ...env, TDKT_INTERNAL_PUBLIC_KEY: JSON.stringify(internal.publicJwk) }, options.logDir, options.execArgv, root));
    }
    await Promise.all(SUBGRAPHS.map((name, index) => waitReady(children[index]!, `http://127.0.0.1:${ports[name]}/ready`)));

    const gatewayEnv: NodeJS.ProcessEnv = { ...env, TDKT_INTERNAL_PRIVATE_KEY: JSON.stringify(internal.privateJwk), GATEWAY_PORT: String(ports.gateway) };
    const gateway = launch('gateway', path.join(root, 'gateway', 'dist', 'main.js'), gatewayEnv, options.logDir, options.execArgv, root);
    children.push(gateway);
    await waitReady(gateway, `http://127.0.0.1:${ports.gateway}/ready`);

    const pids = Object.fromEntries(children.map((running) => [running.name, running.child.pid!])) as Record<ProcessName, number>;
    const baseUrls = Object.fromEntries([...SUBGRAPHS.map((name) => [name, `http://127.0.0.1:${ports[name]}`]), ['gateway', `http://127.0.0.1:${ports.gateway}`]]) as Record<ProcessName, string>;
    // A process dying mid-run is a failed bench, not a slow one: say so at once.
    for (const running of children) {
      void running.exited.then((code) => {
        if (!stopping) options.say(`!! ${running.name} exited with code ${code} during the run:\n${tailOf(running.logFile, 10)}`);
      });
    }
    keepSignals();
    return {
      gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
      subgraphUrls,
      baseUrls,
      pids,
      postmasterPid,
      adminUrl: postgres.adminUrl,
      databaseUrls,
      devKeys,
      // Subgraphs accept internal tokens up to 5 minutes old; the driver re-signs every minute.
      internalSigner: await createInternalSigner(internal.privateJwk, 300),
      stop,
    };
  } catch (error) {
    keepSignals();
    await stop();
    throw error;
  }
}
