/**
 * What every store (src/store/<aggregate>.store.ts) shares: the connection it runs on and the
 * description of the tables it owns.
 *
 * A store is constructed over a `Queryable`: the subgraph's DataSource for reads, or the EntityManager
 * of a transaction for the writes of a service. The SQL of an aggregate, and the mapping between its
 * rows and its GraphQL types, live in its store and nowhere else.
 */
import type { DataSource, EntityManager } from 'typeorm';

/** A DataSource (autocommit reads) or the EntityManager of an open transaction. */
export type Queryable = DataSource | EntityManager;

/**
 * A table an aggregate owns: its qualified name and its columns in the order bulk loaders write
 * them (COPY in seed-scale reads this list, so a new column is declared once, here).
 */
export interface TableDescriptor {
  /** The PostgreSQL schema (the subgraph's). */
  readonly schema: string;
  readonly name: string;
  readonly columns: readonly string[];
}

export function defineTable(schema: string, name: string, columns: readonly string[]): TableDescriptor {
  return Object.freeze({ schema, name, columns: Object.freeze([...columns]) });
}

/** `schema.name`, for SQL written against the descriptor. */
export function qualifiedName(table: TableDescriptor): string {
  return `${table.schema}.${table.name}`;
}

/** `a, b, c` (optionally `p.a, p.b, p.c`), for SELECT and COPY lists. */
export function columnList(table: TableDescriptor, alias?: string): string {
  return table.columns.map((column) => (alias ? `${alias}.${column}` : column)).join(', ');
}

/**
 * A read PostgreSQL keeps prepared on each pooled connection under `name`: the first run on a
 * connection parses it; every later run there only binds and executes, and after five runs the server
 * may keep one generic plan. For the hot reads of a request (the bloc board's), whose planning cost
 * more than their execution (0.74 ms against 0.39 ms for the pledge sheet). A name must be unique to
 * its text in the whole subgraph (pg refuses a second text under one name on a connection) and the
 * text must not be built per call.
 */
export interface PreparedStatement {
  readonly name: string;
  readonly text: string;
}

const preparedNames = new Map<string, string>();

export function preparedStatement(name: string, text: string): PreparedStatement {
  const known = preparedNames.get(name);
  if (known !== undefined && known !== text) throw new Error(`Prepared statement "${name}" is declared twice`);
  preparedNames.set(name, text);
  return Object.freeze({ name, text });
}

/**
 * Runs a prepared statement on `db` (the DataSource, or a transaction's EntityManager). TypeORM hands
 * its query to pg's `client.query` unchanged, and pg takes a `{ name, text }` config there; TypeORM's
 * logger (which counts the statement) gets the same object.
 */
export function queryPrepared<T>(
  db: Queryable,
  statement: PreparedStatement,
  values: readonly unknown[],
): Promise<T[]> {
  return db.query(statement as unknown as string, values as unknown[]) as Promise<T[]>;
}
