/**
 * The platform's own databases (what `npm start` uses) as backup targets, one per subgraph of the
 * platform manifest, and the default name of a backup file.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { ensureDatabases, lockHolder, startEmbeddedPostgres } from '@tdkt/embedded-db';
import { settingName, SUBGRAPHS, type SubgraphEntry } from '@tdkt/platform';
import { describeUrl } from './connection.js';
import { BackupError, type BackupTarget, type Log } from './format.js';

export interface ResolvedTargets {
  targets: BackupTarget[];
  /** e.g. "embedded PostgreSQL in .data/pg (port 54329)" or "DATABASE_URL (host:port/db)" */
  description: string;
  /** The live `npm start` supervisor on the embedded data directory, if any. */
  supervisorPid: number | undefined;
  /** Stops the embedded cluster if this process started it. */
  release(): Promise<void>;
}

/** The live `npm start` (or bench) holding the data directory's lock: by pid and start time, as start.ts decides. */
function liveSupervisor(dataDir: string): number | undefined {
  return lockHolder(path.join(dataDir, 'supervisor.pid'));
}

function livePostmaster(pgDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? -1 : undefined;
  }
}

/**
 * The databases `npm start` would use, resolved the way scripts/src/start.ts does: DATABASE_URL /
 * <SUBGRAPH>_DATABASE_URL when every subgraph has one, else the embedded cluster (TDKT_DATA_DIR,
 * EMBEDDED_PG_PORT, user/password tdkt/tdkt, each subgraph's database of the manifest), where a per-subgraph URL still
 * wins. When the embedded cluster is not running, it is started for the duration (and, for a restore,
 * created along with its databases if needed). A restore refuses while `npm start` runs, unless `force`.
 */
export async function platformTargets(options: {
  root: string;
  env?: NodeJS.ProcessEnv;
  forRestore?: boolean;
  force?: boolean;
  log?: Log;
}): Promise<ResolvedTargets> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const urlOf = (entry: SubgraphEntry) => env[settingName(entry.name, 'DATABASE_URL')] || undefined;
  const external = SUBGRAPHS.every((entry) => urlOf(entry) || env['DATABASE_URL']);
  if (external) {
    const targets = SUBGRAPHS.map((entry) => ({
      subgraph: entry.name,
      url: (urlOf(entry) || env['DATABASE_URL'])!,
      schema: entry.databaseSchema,
    }));
    const where = [...new Set(targets.map((target) => describeUrl(target.url)))].join(', ');
    return {
      targets,
      description: `external PostgreSQL (${where})`,
      supervisorPid: undefined,
      release: async () => undefined,
    };
  }

  const dataDir = path.resolve(env['TDKT_DATA_DIR'] ?? path.join(options.root, '.data'));
  const pgDir = path.join(dataDir, 'pg');
  const port = Number(env['EMBEDDED_PG_PORT'] ?? 54329);
  const adminUrl = `postgres://tdkt:tdkt@127.0.0.1:${port}/postgres`;
  const embeddedUrl = (entry: SubgraphEntry) => adminUrl.replace(/\/postgres$/, `/${entry.database}`);
  const targets = SUBGRAPHS.map((entry) => ({
    subgraph: entry.name,
    url: urlOf(entry) || embeddedUrl(entry),
    schema: entry.databaseSchema,
  }));
  const shown = path.relative(options.root, pgDir);
  const description = `embedded PostgreSQL in ${shown && !shown.startsWith('..') ? shown : pgDir} (127.0.0.1:${port})`;
  const supervisorPid = liveSupervisor(dataDir);
  if (options.forRestore && supervisorPid !== undefined) {
    const message = `npm start (pid ${supervisorPid}) is running on ${dataDir}`;
    if (!options.force)
      throw new BackupError(`${message}: stop it first (Ctrl-C), or pass --force to restore under it`);
    log(`warning: ${message}; restoring anyway (--force)`);
  }

  let release = async () => undefined as void;
  const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  let running = false;
  try {
    await probe.connect();
    running = true;
    const directory = (await probe.query<{ data_directory: string }>('SHOW data_directory')).rows[0]?.data_directory;
    if (directory !== pgDir)
      throw new BackupError(
        `127.0.0.1:${port} is another PostgreSQL (data directory ${directory}), not the embedded cluster in ${pgDir}; set EMBEDDED_PG_PORT / TDKT_DATA_DIR to those npm start uses`,
      );
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if (running)
      throw new BackupError(
        `The embedded PostgreSQL on 127.0.0.1:${port} answered but could not be checked: ${(error as Error).message}`,
      );
  } finally {
    await probe.end().catch(() => undefined);
  }

  if (!running) {
    if (!existsSync(path.join(pgDir, 'PG_VERSION')) && !options.forRestore) {
      throw new BackupError(
        `There is no embedded cluster in ${pgDir} and nothing answers on 127.0.0.1:${port}: nothing to back up (run npm start once, or set DATABASE_URL)`,
      );
    }
    // A server that is shutting down (a just-stopped npm start) answers no more but still holds the directory.
    let holder = livePostmaster(pgDir);
    for (let waited = 0; holder !== undefined && waited < 10_000; waited += 100) {
      await delay(100);
      holder = livePostmaster(pgDir);
    }
    if (holder !== undefined) {
      throw new BackupError(
        `A PostgreSQL server${holder > 0 ? ` (pid ${holder})` : ''} holds ${pgDir} but does not answer on 127.0.0.1:${port}: set EMBEDDED_PG_PORT to the port npm start uses`,
      );
    }
    log(`the embedded PostgreSQL is not running: starting it in ${pgDir} for the duration`);
    const cluster = await startEmbeddedPostgres({ dataDir: pgDir, port });
    release = async () => {
      void cluster.stop();
      // The postmaster is an unref'd child: wait for its pid file to go, or Node would exit mid-shutdown.
      for (let waited = 0; existsSync(path.join(pgDir, 'postmaster.pid')) && waited < 30_000; waited += 50)
        await delay(50);
    };
  }
  if (options.forRestore) {
    try {
      const embeddedNames = SUBGRAPHS.filter((entry) => !urlOf(entry)).map((entry) => entry.database);
      await ensureDatabases(adminUrl, embeddedNames);
    } catch (error) {
      await release();
      throw error;
    }
  }
  return { targets, description, supervisorPid, release };
}

/** `backups/tdkt-YYYYMMDD-HHMMSS.tar` (local time) under `dir`. */
export function defaultBackupFile(dir: string, now = new Date()): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return path.join(dir, `tdkt-${stamp}.tar`);
}
