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
