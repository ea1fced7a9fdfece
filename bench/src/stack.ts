/**
 * The platform as `npm start` runs it (embedded PostgreSQL, a process per subgraph of the platform
 * manifest, the gateway process), on free ports of its own so it never collides with a running
 * `npm start`, outside production (so `x-tdkt-stats: 1` answers with statement counts), rate limits
 * off, and with an internal key pair generated here, so the bench can also call each subgraph
 * directly as the gateway does.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { ensureDatabases, startEmbeddedPostgres, type EmbeddedPostgres } from '@tdkt/embedded-db';
import {
  createInternalSigner,
  generateInternalKeyPair,
  loadOrCreateDevKeys,
  type DevKeys,
  type InternalTokenSigner,
} from '@tdkt/identity';
import { SUBGRAPHS as MANIFEST, SUBGRAPH_NAMES, Supervisor, packageScript, settingName } from '@tdkt/platform';

export const ROOT = path.resolve(__dirname, '..', '..');
/** The subgraphs of the platform manifest, by name. */
export const SUBGRAPHS = SUBGRAPH_NAMES;
export type SubgraphName = string;
export type ProcessName = SubgraphName | 'gateway';
/** Time each process has to become ready (a scale dataset makes the first start slow). */
const READY_TIMEOUT_MS = 15 * 60_000;
/** The gateway stops before the subgraphs it calls. */
const GATEWAY_TIER = 1;

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
  /** The Node binary the platform's processes run on (default: the bench's own). */
  nodePath?: string;
  /**
   * More gateways beside the main one, on the same subgraphs, each with its own settings (by process
   * name): e.g. the response cache off, to compare with the main gateway's cache on in one run.
   */
  extraGateways?: Record<string, NodeJS.ProcessEnv>;
  /** Runs once the databases exist, before the subgraphs start (e.g. check which dataset is loaded). */
  beforeSubgraphs?(databaseUrls: Record<SubgraphName, string>): Promise<void>;
  say(message: string): void;
}

export interface Stack {
  gatewayUrl: string;
  /** Every gateway's /graphql by process name: `gateway` and the extra ones. */
  gatewayUrls: Record<string, string>;
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

function builtScript(script: string): string {
  if (!existsSync(script)) throw new Error(`${script} is missing: run npm run build first`);
  return script;
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
    if (alive)
      throw new Error(
        `${dataDir} is in use by another npm start or bench (pid ${holder}); stop it first, or pass --data-dir`,
      );
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
  // The output goes straight to files: the bench spends no CPU relaying it while it measures. A
  // process dying mid-run is a failed bench, not a slow one: it is reported at once.
  const supervisor = new Supervisor({
    cwd: root,
    output: { dir: options.logDir },
    execArgv: options.execArgv,
    ...(options.nodePath ? { node: options.nodePath } : {}),
    say: options.say,
    whenRunning: 'report',
  });
  let postgres: EmbeddedPostgres | undefined;
  let stopping: Promise<void> | undefined;

  const stop = () => {
    stopping ??= (async () => {
      await supervisor.stop();
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
    const gatewayNames = ['gateway', ...Object.keys(options.extraGateways ?? {})];
    const ports: Record<string, number> = { postgres: await freePort() };
    for (const name of [...gatewayNames, ...SUBGRAPHS]) ports[name] = await freePort();
    options.say(`starting PostgreSQL (${path.join(dataDir, 'pg')}, port ${ports['postgres']})`);
    postgres = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, 'pg'),
      port: ports['postgres']!,
      onLog: (line) => appendFileSync(postgresLog, `${line}\n`),
    });
    await ensureDatabases(
      postgres.adminUrl,
      MANIFEST.map((entry) => entry.database),
    );
    const postmasterPid = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const databaseUrls = Object.fromEntries(
      MANIFEST.map((entry) => [entry.name, postgres!.urlFor(entry.database)]),
    ) as Record<SubgraphName, string>;
    await options.beforeSubgraphs?.(databaseUrls);

    const devKeysDir = path.join(dataDir, 'dev-keys');
    const devKeys = await loadOrCreateDevKeys(devKeysDir);
    const internal = await generateInternalKeyPair();
    const baseUrls = Object.fromEntries(
      [...SUBGRAPHS, ...gatewayNames].map((name) => [name, `http://127.0.0.1:${ports[name]}`]),
    ) as Record<ProcessName, string>;
    const subgraphUrls = Object.fromEntries(SUBGRAPHS.map((name) => [name, `${baseUrls[name]}/graphql`])) as Record<
      SubgraphName,
      string
    >;

    const env: NodeJS.ProcessEnv = { ...process.env, ...(options.env ?? {}) };
    for (const name of ['DATABASE_URL', 'NODE_ENV', 'SUPERGRAPH_PATH']) delete env[name];
    for (const name of SUBGRAPHS) delete env[settingName(name, 'DATABASE_URL')];
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
      env[settingName(name, 'DATABASE_URL')] = databaseUrls[name];
      env[settingName(name, 'PORT')] = String(ports[name]);
      env[settingName(name, 'URL')] = subgraphUrls[name];
    }

    options.say('starting the subgraphs (migrations and reference data on first use)');
    const subgraphEnv = { ...env, TDKT_INTERNAL_PUBLIC_KEY: JSON.stringify(internal.publicJwk) };
    const subgraphs = MANIFEST.map((entry) =>
      supervisor.launch({
        name: entry.name,
        script: builtScript(packageScript(entry.package, 'dist/main.js', root)),
        env: subgraphEnv,
      }),
    );
    await Promise.all(
      subgraphs.map((running) => supervisor.waitReady(running, `${baseUrls[running.name]}/ready`, READY_TIMEOUT_MS)),
    );

    const gateways = gatewayNames.map((name) =>
      supervisor.launch({
        name,
        script: builtScript(path.join(root, 'gateway', 'dist', 'main.js')),
        env: {
          ...env,
          ...(name === 'gateway' ? {} : options.extraGateways![name]),
          TDKT_INTERNAL_PRIVATE_KEY: JSON.stringify(internal.privateJwk),
          GATEWAY_PORT: String(ports[name]),
        },
        tier: GATEWAY_TIER,
      }),
    );
    await Promise.all(
      gateways.map((running) => supervisor.waitReady(running, `${baseUrls[running.name]}/ready`, READY_TIMEOUT_MS)),
    );

    const pids = supervisor.pids() as Record<ProcessName, number>;
    supervisor.markReady();
    keepSignals();
    return {
      gatewayUrl: `${baseUrls['gateway']}/graphql`,
      gatewayUrls: Object.fromEntries(gatewayNames.map((name) => [name, `${baseUrls[name]}/graphql`])),
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
