/**
 * Keyset paging in SQL for the list queries of this subgraph (never OFFSET): count the filtered rows,
 * then fetch `first + 1` rows after the cursor in sort order. Two statements, as before.
 */
import { decodeCursor, pageSize, toPage, translateDatabaseError, type Page, type Queryable } from '@tdkt/subgraph-kit';

/** WHERE conditions with positional parameters, built up condition by condition. */
export class Conditions {
  readonly sql: string[] = [];
  readonly params: unknown[] = [];

  /** Adds one condition; `$?` placeholders are numbered in order. */
  add(condition: string, ...values: unknown[]): this {
    let sql = condition;
    for (const value of values) {
      this.params.push(value);
      const position = this.params.length;
      sql = sql.replace('$?', () => `$${position}`);
    }
    this.sql.push(sql);
    return this;
  }

  /** One word-prefix match per search word on the folded `search_text` column (kit text.ts). */
  search(alias: string, terms: readonly string[]): this {
    for (const term of terms) this.add(`${alias}.search_text LIKE $?`, `% ${term}%`);
    return this;
  }

  /**
   * One condition per entry, met when the folded `search_text` has any of its phrases at a word start
   * (rules/unit-search.rule.ts). Each LIKE uses the trigram index; an OR of them is a BitmapOr.
   */
  searchAny(alias: string, conditions: readonly (readonly string[])[]): this {
    for (const phrases of conditions) {
      if (phrases.length === 0) continue;
      const escaped = phrases.map((phrase) => `% ${phrase.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      this.add(`(${escaped.map(() => `${alias}.search_text LIKE $?`).join(' OR ')})`, ...escaped);
    }
    return this;
  }

  where(): string {
    return this.sql.length ? `WHERE ${this.sql.join(' AND ')}` : '';
  }
}

export interface KeysetQuery<Row, T> {
  first: number | null | undefined;
  after: string | null | undefined;
  /** `table alias`, e.g. `organization o`. */
  from: string;
  /** The select list, read by `map`. */
  select: string;
  conditions: Conditions;
  /** Sort key columns (qualified by alias); the last must be unique. */
  sort: { column: string; collation?: string; of: (node: T) => string | number }[];
  map: (row: Row) => T;
}

export async function keysetPage<Row, T>(db: Queryable, query: KeysetQuery<Row, T>): Promise<Page<T>> {
  const limit = pageSize(query.first);
  const cursor = decodeCursor(query.after, query.sort.length);
  try {
    const conditions = query.conditions;
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM ${query.from} ${conditions.where()}`, [
      ...conditions.params,
    ]);
    if (limit === 0) return { totalCount: count, edges: [], pageInfo: { hasNextPage: count > 0, endCursor: null } };
    const params = [...conditions.params];
    const where = [...conditions.sql];
    if (cursor) {
      const values = query.sort.map((part, index) => {
        params.push(cursor[index]);
        return `$${params.length}${part.collation ? ` COLLATE ${part.collation}` : ''}`;
      });
      where.push(`(${query.sort.map((part) => part.column).join(', ')}) > (${values.join(', ')})`);
    }
    params.push(limit + 1);
    const rows: Row[] = await db.query(
      `SELECT ${query.select} FROM ${query.from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${query.sort.map((part) => `${part.column} ASC`).join(', ')} LIMIT $${params.length}`,
      params,
    );
    return toPage(rows.map(query.map), limit, count, (node) => query.sort.map((part) => part.of(node)));
  } catch (error) {
    // A cursor whose parts do not fit the sort columns (forged) fails in the database: bad input.
    throw translateDatabaseError(error);
  }
}
