/**
 * The subgraphs' databases for one test file, cloned from a template.
 *
 * Migrating three fresh databases and loading the reference data cost several seconds per test file,
 * paid again by every file. Instead, the first file of a run that needs a data set builds it once per
 * subgraph (fresh database, every migration, the subgraph's own seed) and marks it a template; every
 * file then gets its own copy with `CREATE DATABASE … TEMPLATE …` (a file copy inside PostgreSQL),
 * and still runs `migrate()` on it, which finds nothing pending and switches the pool to the
 * application role exactly as a started subgraph does. Files never share a database.
 *
 * The templates carry the run's id (set by Jest's global setup), so a shared server given with
 * TEST_DATABASE_URL never hands one run the data of another run's code; global teardown drops them.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { SUBGRAPHS, type SubgraphEntry } from '@tdkt/platform';
import { migrate, type Database, type SubgraphDefinition } from '@tdkt/subgraph-kit';

/** What a test file starts from: the reference data only, or with the demo data set as well. */
export type DataSet = 'reference' | 'demo';

export interface SubgraphDatabase {
  entry: SubgraphEntry;
  definition: SubgraphDefinition;
  name: string;
  database: Database;
}

/** Each subgraph's package exports its definition; the manifest names the package. */
export function definitionOf(entry: SubgraphEntry): SubgraphDefinition {
  return (require(entry.package) as { definition: SubgraphDefinition }).definition;
}

function adminUrl(): string {
  const url = process.env['TDKT_TEST_ADMIN_URL'];
  if (!url)
    throw new Error('TDKT_TEST_ADMIN_URL is not set: run the tests with Jest (its globalSetup starts PostgreSQL)');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createDatabases(names: string[]): Promise<{ adminUrl: string; urlFor(name: string): string }> {
  await withAdmin(async (client) => {
    for (const name of names) await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  });
  return { adminUrl: adminUrl(), urlFor: databaseUrl };
}

export async function dropDatabases(names: string[]): Promise<void> {
  await withAdmin(async (client) => {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

export function templateName(dataSet: DataSet, subgraph: string): string {
  return `tpl_${process.env['TDKT_TEST_RUN_ID'] ?? 'local'}_${dataSet}_${subgraph}`;
}

/** Migrates and seeds one subgraph's database as a started subgraph would, then closes its pool. */
async function build(definition: SubgraphDefinition, name: string, dataSet: DataSet): Promise<void> {
  const database = definition.createDatabase(databaseUrl(name), { poolSize: 2 });
  await database.dataSource.initialize();
  try {
    await migrate(database, definition.databaseSchema);
    await definition.seed?.(database, { demo: dataSet === 'demo' });
  } finally {
    await database.dataSource.destroy();
  }
}

/**
 * Builds the data set's templates unless another test worker already did. An advisory lock orders the
 * workers; `datistemplate` marks a finished template, so a half-built one (a worker killed while
 * building) is dropped and built again.
 */
async function ensureTemplates(dataSet: DataSet): Promise<void> {
  await withAdmin(async (client) => {
    await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [`tdkt:test-template:${dataSet}`]);
    try {
      for (const entry of SUBGRAPHS) {
        const name = templateName(dataSet, entry.name);
        const { rows } = await client.query<{ datistemplate: boolean }>(
          `SELECT datistemplate FROM pg_database WHERE datname = $1`,
          [name],
        );
        if (rows[0]?.datistemplate) continue;
        if (rows[0]) await client.query(`DROP DATABASE "${name}" WITH (FORCE)`);
        await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
        await build(definitionOf(entry), name, dataSet);
        await client.query(`ALTER DATABASE "${name}" IS_TEMPLATE true`);
      }
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`tdkt:test-template:${dataSet}`]);
    }
  });
}

/**
 * Every subgraph's database for one test file, copied from the data set's template, migrated (nothing
 * pending) and connected as the application role. `close()` closes the pools (and drops the copies
 * on a server that outlives the run).
 */
export async function openSubgraphDatabases(
  dataSet: DataSet,
  options: { poolSize?: number } = {},
): Promise<{ databases: SubgraphDatabase[]; names: string[]; close(): Promise<void> }> {
  await ensureTemplates(dataSet);
  const suffix = randomBytes(4).toString('hex');
  const databases: SubgraphDatabase[] = [];
  await withAdmin(async (client) => {
    for (const entry of SUBGRAPHS) {
      const name = `t_${suffix}_${entry.name}`;
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${templateName(dataSet, entry.name)}"`);
      const definition = definitionOf(entry);
      databases.push({
        entry,
        definition,
        name,
        database: definition.createDatabase(databaseUrl(name), { poolSize: options.poolSize ?? 5 }),
      });
    }
  });
  for (const { definition, database } of databases) {
    await database.dataSource.initialize();
    await migrate(database, definition.databaseSchema);
  }
  const names = databases.map((subgraph) => subgraph.name);
  return {
    databases,
    names,
    async close() {
      for (const { database } of databases) if (database.dataSource.isInitialized) await database.dataSource.destroy();
      // The embedded cluster is deleted whole after the run; dropping each copy in it would only cost
      // a checkpoint per test file. A server given with TEST_DATABASE_URL outlives the run: clean it.
      if (process.env['TEST_DATABASE_URL']) await dropDatabases(names);
    },
  };
}
