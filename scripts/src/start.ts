/**
 * npm start: the whole platform on one machine.
 *
 * Embedded PostgreSQL under .data/pg (unless DATABASE_URL or <SUBGRAPH>_DATABASE_URL is set), one
 * database per subgraph of the platform manifest, the subgraphs (each runs its migrations and seed),
 * then the gateway. Ctrl-C or SIGTERM stops the gateway and subgraphs first and Postgres last.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import {
  LockHeldError,
  acquireProcessLock,
  ensureDatabases,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '@tdkt/embedded-db';
import { generateInternalKeyPair, loadOrCreateDevKeys } from '@tdkt/identity';
import {
  GATEWAY_DEFAULT_PORT,
  SUBGRAPHS,
  Supervisor,
  nodeBinary,
  packageScript,
  portProblems,
  settingName,
  subgraphPort,
} from '@tdkt/platform';

const ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.resolve(process.env['TDKT_DATA_DIR'] ?? path.join(ROOT, '.data'));

const PORTS = new Map(SUBGRAPHS.map((entry) => [entry.name, subgraphPort(entry)]));
const GATEWAY_PORT = Number(process.env['GATEWAY_PORT'] ?? GATEWAY_DEFAULT_PORT);
const EMBEDDED_PG_PORT = Number(process.env['EMBEDDED_PG_PORT'] ?? 54329);
/** Time each process has to become ready (the first start migrates and seeds). */
const READY_TIMEOUT_MS = 180_000;
/** The gateway stops before the subgraphs it calls. */
const GATEWAY_TIER = 1;

function say(message: string): void {
  process.stdout.write(`[tdkt] ${message}\n`);
}

const LOCK_FILE = path.join(DATA_DIR, 'supervisor.pid');

/** Every port of this start, checked before anything is started (a bad one would only time out later). */
function checkPorts(): void {
  const external = SUBGRAPHS.every(
    (entry) => process.env[settingName(entry.name, 'DATABASE_URL')] || process.env['DATABASE_URL'],
  );
  const problems = portProblems([
    { name: 'GATEWAY_PORT', port: GATEWAY_PORT, http: true },
    ...SUBGRAPHS.map((entry) => ({ name: settingName(entry.name, 'PORT'), port: PORTS.get(entry.name)!, http: true })),
    ...(external ? [] : [{ name: 'EMBEDDED_PG_PORT', port: EMBEDDED_PG_PORT, http: false }]),
  ]);
  if (problems.length) throw new Error(`invalid ports:\n  ${problems.join('\n  ')}`);
}

/**
 * One `npm start` per data directory: a second one would take the first one's database away. The
 * holder is a process id checked against its start time (the bench takes the same lock), not a
 * command line.
 */
function acquireSupervisorLock(): void {
  mkdirSync(DATA_DIR, { recursive: true });
  try {
    process.once('exit', acquireProcessLock(LOCK_FILE));
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    throw new Error(
      `another npm start or bench (pid ${error.holder}) is already running on ${DATA_DIR}; stop it first, or set TDKT_DATA_DIR`,
    );
  }
}

/**
 * The Node.js the supervisor starts the gateway and subgraphs with (TDKT_NODE, else this one), run once
 * for its version: one that cannot run is refused before PostgreSQL starts.
 */
function childNode(): string {
  const binary = nodeBinary();
  if (binary === process.execPath) return `${process.version} (${binary})`;
  try {
    const version = execFileSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
    return `${version} (TDKT_NODE: ${binary})`;
  } catch (error) {
    throw new Error(
      `TDKT_NODE: ${binary} --version failed (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** The embedded cluster, unless every subgraph has an external database; sets each `<NAME>_DATABASE_URL`. */
async function prepareDatabases(env: NodeJS.ProcessEnv): Promise<EmbeddedPostgres | undefined> {
  const external = SUBGRAPHS.every((entry) => env[settingName(entry.name, 'DATABASE_URL')] || env['DATABASE_URL']);
  if (external) {
    say('using the external PostgreSQL given by DATABASE_URL / <SUBGRAPH>_DATABASE_URL');
    return undefined;
  }
  const postgres = await startEmbeddedPostgres({
    dataDir: path.join(DATA_DIR, 'pg'),
    port: EMBEDDED_PG_PORT,
    onLog: say,
  });
  await ensureDatabases(
    postgres.adminUrl,
    SUBGRAPHS.map((entry) => entry.database),
  );
  for (const entry of SUBGRAPHS) env[settingName(entry.name, 'DATABASE_URL')] ??= postgres.urlFor(entry.database);
  return postgres;
}

async function main(): Promise<void> {
  const started = Date.now();
  let postgres: EmbeddedPostgres | undefined;
  let stopping: Promise<void> | undefined;

  const stop = (reason: string, code: number) => {
    stopping ??= (async () => {
      say(`stopping (${reason}) …`);
      // Gateway first, then subgraphs, Postgres last.
      await supervisor.stop();
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
  // without it meanwhile). During start-up a crash is a start-up failure.
  const supervisor = new Supervisor({
    cwd: ROOT,
    output: 'prefixed',
    say,
    whenRunning: 'restart',
    onStartupExit: (running, code) => {
      say(`${running.name} exited unexpectedly (code ${code}) while starting; stopping everything`);
      void stop(`${running.name} exited`, 1);
    },
  });
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));

  try {
    checkPorts();
    say(`gateway and subgraphs on Node.js ${childNode()}`);
    acquireSupervisorLock();
    const env: NodeJS.ProcessEnv = { ...process.env };
    postgres = await prepareDatabases(env);

    env['DEV_KEYS_DIR'] ??= path.join(DATA_DIR, 'dev-keys');
    await loadOrCreateDevKeys(env['DEV_KEYS_DIR']);
    // A fresh internal key pair per run: only this run's gateway can speak to this run's subgraphs.
    const internal = await generateInternalKeyPair();
    env['TDKT_INTERNAL_PUBLIC_KEY'] = JSON.stringify(internal.publicJwk);

    // Every subgraph's port and URL: a subgraph reaches the ones it calls, the gateway all of them.
    for (const entry of SUBGRAPHS) {
      env[settingName(entry.name, 'PORT')] = String(PORTS.get(entry.name));
      env[settingName(entry.name, 'URL')] ??= `http://127.0.0.1:${PORTS.get(entry.name)}/graphql`;
    }
    const subgraphs = SUBGRAPHS.map((entry) =>
      supervisor.launch({ name: entry.name, script: packageScript(entry.package, 'dist/main.js', ROOT), env }),
    );
    await Promise.all(
      subgraphs.map((running) =>
        supervisor.waitReady(running, `http://127.0.0.1:${PORTS.get(running.name)}/ready`, READY_TIMEOUT_MS),
      ),
    );

    const gatewayEnv: NodeJS.ProcessEnv = {
      ...env,
      TDKT_INTERNAL_PRIVATE_KEY: JSON.stringify(internal.privateJwk),
      GATEWAY_PORT: String(GATEWAY_PORT),
    };
    delete gatewayEnv['TDKT_INTERNAL_PUBLIC_KEY'];
    const gateway = supervisor.launch({
      name: 'gateway',
      script: path.join(ROOT, 'gateway', 'dist', 'main.js'),
      env: gatewayEnv,
      tier: GATEWAY_TIER,
    });
    await supervisor.waitReady(gateway, `http://127.0.0.1:${GATEWAY_PORT}/ready`, READY_TIMEOUT_MS);

    supervisor.markReady();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    say(`ready in ${seconds} s`);
    say(`dashboard: http://localhost:${GATEWAY_PORT}/   (open it in a browser)`);
    say(`gateway:  http://localhost:${GATEWAY_PORT}/graphql   (health: /health, readiness: /ready)`);
    say(`subgraphs: ${SUBGRAPHS.map((entry) => `${entry.name} :${PORTS.get(entry.name)}`).join(', ')} (gateway only)`);
    say('a token: npm run --silent token -- --role CENTRAL_BOARD   (or --role ORG_OFFICER --org BTP)');
    say('Ctrl-C stops everything.');
  } catch (error) {
    process.stderr.write(`[tdkt] failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop('start-up failed', 1);
  }
}

void main();
