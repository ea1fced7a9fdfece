/**
 * Each subgraph owns its database (one per subgraph in the embedded cluster) and, inside it, a schema
 * named after the subgraph, so a single shared DATABASE_URL works too. Changes only through migrations.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { DataSource, type Logger, type MixedList, type EntitySchema, type MigrationInterface } from 'typeorm';
import { log } from './log.js';
import { useApplicationRole } from './audit.js';

/** Counts SQL statements: overall, and per request when a request scope is active. */
export class SqlCounter {
  total = 0;
  readonly scope = new AsyncLocalStorage<{ statements: number }>();

  count(): void {
    this.total += 1;
    const store = this.scope.getStore();
    if (store) store.statements += 1;
  }
}

/** The text of a query as TypeORM hands it to its logger: a string, or a prepared statement (store.ts). */
function queryText(query: string | { text?: unknown }): string {
  const text = typeof query === 'string' ? query : String(query?.text ?? '');
  return text.slice(0, 500);
}

class CountingLogger implements Logger {
  constructor(
    private readonly counter: SqlCounter,
    private readonly subgraph: string,
  ) {}
  logQuery(): void {
    this.counter.count();
  }
  logQueryError(error: string | Error, query: string): void {
    this.counter.count();
    const message = error instanceof Error ? error.message : error;
    log.debug('sql error', { subgraph: this.subgraph, error: message, query: queryText(query) });
  }
  logQuerySlow(time: number, query: string): void {
    log.warn('slow sql', { subgraph: this.subgraph, ms: time, query: queryText(query) });
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    log.info('migration', { subgraph: this.subgraph, message });
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') log.warn(String(message), { subgraph: this.subgraph });
  }
}

export interface DatabaseOptions {
  subgraph: string;
  url: string;
  /** Postgres schema owned by this subgraph. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type
  entities: MixedList<Function | string | EntitySchema>;
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
  statementTimeoutMs?: number;
}

export interface Database {
  dataSource: DataSource;
  sql: SqlCounter;
}

export function createDatabase(options: DatabaseOptions): Database {
  const sql = new SqlCounter();
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new CountingLogger(sql, options.subgraph),
    maxQueryExecutionTime: 1000,
    applicationName: `tdkt-${options.subgraph}`,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30_000,
      // Unqualified names in hand-written SQL resolve to this subgraph's schema.
      options: `-c search_path=${options.schema},public -c statement_timeout=${options.statementTimeoutMs ?? 15_000}`,
    },
  });
  return { dataSource, sql };
}

/** `<SUBGRAPH>_DATABASE_URL`, else `DATABASE_URL`. */
export function databaseUrlFor(subgraph: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[`${subgraph.toUpperCase()}_DATABASE_URL`] || env['DATABASE_URL'] || undefined;
}

/**
 * Creates the subgraph's schema and runs pending migrations under an advisory lock, so replicas
 * (or subgraphs sharing one database) never migrate at the same time. Then the pool reconnects as the
 * application role (audit.ts): the running service can read and write rows, not change the schema
 * or the audit log.
 */
export async function migrate(database: Database, schema: string): Promise<string[]> {
  const ran = await migrateAsOwner(database, schema);
  await useApplicationRole(database.dataSource, schema);
  return ran;
}

async function migrateAsOwner(database: Database, schema: string): Promise<string[]> {
  const options = database.dataSource.options as { url?: string };
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('tdkt:migrations'))`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    const ran = await database.dataSource.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('tdkt:migrations'))`).catch(() => undefined);
    await client.end();
  }
}
