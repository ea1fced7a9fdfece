/**
 * Where the scale dataset goes: the databases `npm start` uses (scripts/src/start.ts) for each
 * subgraph of the platform manifest, resolved the same way — `DATABASE_URL` / `<SUBGRAPH>_DATABASE_URL`
 * when every subgraph has one, otherwise its database in the embedded cluster in `TDKT_DATA_DIR/pg` on
 * `EMBEDDED_PG_PORT` (a per-subgraph URL still wins). When
 * `npm start` runs, its cluster is answering and is used as it is; otherwise the cluster is started (and
 * created on first use) for the duration of the load and stopped afterwards.
 *
 * Then each subgraph's migrations run and its reference data is seeded, exactly as at start-up, so the
 * generated rows hang under the real ministries and provinces and use the real award catalogue.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { ensureDatabases, startEmbeddedPostgres } from '@tdkt/embedded-db';
import { settingName, SUBGRAPHS, type SubgraphEntry } from '@tdkt/platform';
import { migrate, type SubgraphDefinition } from '@tdkt/subgraph-kit';

/** A subgraph's name in the platform manifest. */
export type Subgraph = string;
export type DatabaseUrls = Record<Subgraph, string>;

export interface ResolvedDatabases {
  urls: DatabaseUrls;
  description: string;
  /** Stops the embedded cluster if this process started it. */
  release(): Promise<void>;
}

type Log = (line: string) => void;

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
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

export async function resolveDatabases(options: {
  root: string;
  env?: NodeJS.ProcessEnv;
  log?: Log;
}): Promise<ResolvedDatabases> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const own = (entry: SubgraphEntry) => env[settingName(entry.name, 'DATABASE_URL')] || undefined;
  if (SUBGRAPHS.every((entry) => own(entry) || env['DATABASE_URL'])) {
    const urls: DatabaseUrls = Object.fromEntries(
      SUBGRAPHS.map((entry) => [entry.name, (own(entry) || env['DATABASE_URL'])!]),
    );
    return {
      urls,
      description: `external PostgreSQL (${[...new Set(Object.values(urls).map(describe))].join(', ')})`,
      release: async () => undefined,
    };
  }

  const dataDir = path.resolve(env['TDKT_DATA_DIR'] ?? path.join(options.root, '.data'));
  const pgDir = path.join(dataDir, 'pg');
  const port = Number(env['EMBEDDED_PG_PORT'] ?? 54329);
  const adminUrl = `postgres://tdkt:tdkt@127.0.0.1:${port}/postgres`;
  let release = async () => undefined as void;

  const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  let running = false;
  try {
    await probe.connect();
    running = true;
    const directory = (await probe.query<{ data_directory: string }>('SHOW data_directory')).rows[0]?.data_directory;
    if (directory !== pgDir)
      throw new Error(
        `127.0.0.1:${port} is another PostgreSQL (data directory ${directory}), not the embedded cluster in ${pgDir}; set EMBEDDED_PG_PORT / TDKT_DATA_DIR to those npm start uses`,
      );
  } catch (error) {
    if (running) throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }

  if (running) {
    log(`using the running embedded PostgreSQL in ${pgDir} (127.0.0.1:${port})`);
  } else {
    // A server that is shutting down (a just-stopped npm start) answers no more but still holds the directory.
    let holder = livePostmaster(pgDir);
    for (let waited = 0; holder !== undefined && waited < 10_000; waited += 100) {
      await delay(100);
      holder = livePostmaster(pgDir);
    }
    if (holder !== undefined)
      throw new Error(
        `A PostgreSQL server${holder > 0 ? ` (pid ${holder})` : ''} holds ${pgDir} but does not answer on 127.0.0.1:${port}: set EMBEDDED_PG_PORT to the port npm start uses`,
      );
    log(`starting the embedded PostgreSQL in ${pgDir} (127.0.0.1:${port}) for the duration of the load`);
    const cluster = await startEmbeddedPostgres({ dataDir: pgDir, port });
    release = async () => {
      void cluster.stop();
      // The postmaster is an unref'd child: wait for its pid file to go, or Node would exit mid-shutdown.
      for (let waited = 0; existsSync(path.join(pgDir, 'postmaster.pid')) && waited < 60_000; waited += 50)
        await delay(50);
    };
  }
  try {
    await ensureDatabases(
      adminUrl,
      SUBGRAPHS.filter((entry) => !own(entry)).map((entry) => entry.database),
    );
  } catch (error) {
    await release();
    throw error;
  }
  const urls: DatabaseUrls = Object.fromEntries(
    SUBGRAPHS.map((entry) => [entry.name, own(entry) || adminUrl.replace(/\/postgres$/, `/${entry.database}`)]),
  );
  return { urls, description: `embedded PostgreSQL in ${pgDir} (127.0.0.1:${port})`, release };
}

/** The `definition` the subgraph's package exports (the manifest names the package). */
function definitionOf(entry: SubgraphEntry): SubgraphDefinition {
  const loaded = require(entry.package) as { definition?: SubgraphDefinition };
  if (!loaded.definition) throw new Error(`${entry.package} exports no subgraph definition`);
  return loaded.definition;
}

/** Migrations and reference data of each subgraph, as at start-up (idempotent). */
export async function prepareDatabases(urls: DatabaseUrls, options: { demo: boolean }): Promise<void> {
  for (const entry of SUBGRAPHS) {
    const definition = definitionOf(entry);
    const database = definition.createDatabase(urls[entry.name], { poolSize: 2 });
    await database.dataSource.initialize();
    try {
      await migrate(database, entry.databaseSchema);
      await definition.seed?.(database, options);
    } finally {
      await database.dataSource.destroy();
    }
  }
}
