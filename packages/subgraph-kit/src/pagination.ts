/**
 * Relay-style cursor pagination shared by every list field: opaque cursors over a stable sort key,
 * page sizes capped so that no caller can ask for a whole table.
 */
import { Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput, translateDatabaseError } from './errors.js';
import { searchTerms } from './text.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

// Every subgraph declares PageInfo: identical value type, hence shareable.
@ObjectType({ description: 'Where a page stands in the whole list.' })
@Directive('@shareable')
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to read the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  totalCount: number;
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** Declares `<Name>Edge` and an abstract connection class to extend as `<Name>Connection`. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => Int, { description: 'Number of items matching the filter, over all pages.' })
    totalCount!: number;

    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}

export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0)
    throw badInput('Số bản ghi mỗi trang phải là số nguyên không âm.', { field });
  if (first > MAX_PAGE_SIZE)
    throw badInput(`Mỗi trang lấy tối đa ${MAX_PAGE_SIZE} bản ghi.`, { field, max: MAX_PAGE_SIZE });
  return first;
}

export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string | null | undefined,
  arity: number,
  field = 'after',
): (string | number | null)[] | null {
  if (cursor === null || cursor === undefined || cursor === '') return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((part) => part === null || ['string', 'number'].includes(typeof part))
    ) {
      return key as (string | number | null)[];
    }
  } catch {
    // fall through to the refusal below
  }
  throw badInput('Con trỏ phân trang (after) không hợp lệ; hãy dùng endCursor của trang trước.', { field });
}

/** Builds a page from `limit + 1` fetched rows (the extra row only says whether more exist). */
export function toPage<T>(
  rows: T[],
  limit: number,
  totalCount: number,
  keyOf: (row: T) => (string | number | null)[],
): Page<T> {
  const hasNextPage = rows.length > limit;
  const visible = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = visible.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1]!.cursor : null },
  };
}

export interface KeysetOptions<T> {
  first: number | null | undefined;
  after: string | null | undefined;
  /** Alias of the main table in the query builder. */
  alias: string;
  /** Sort key: columns (raw SQL on `alias`) and how to read them from a row; the last must be unique. */
  sort: { column: string; collation?: string; of: (row: T) => string | number }[];
}

/**
 * One page of a TypeORM query by keyset (never OFFSET): count the filtered rows, then fetch
 * `first + 1` rows after the cursor in sort order.
 */
export async function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  options: KeysetOptions<T>,
): Promise<Page<T>> {
  const limit = pageSize(options.first);
  const cursor = decodeCursor(options.after, options.sort.length);
  try {
    return await fetchPage(query, options, limit, cursor);
  } catch (error) {
    // A cursor whose parts do not fit the sort columns (forged) fails in the database: bad input.
    throw translateDatabaseError(error);
  }
}

async function fetchPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  options: KeysetOptions<T>,
  limit: number,
  cursor: (string | number | null)[] | null,
): Promise<Page<T>> {
  const totalCount = await query.getCount();
  if (limit === 0) return { totalCount, edges: [], pageInfo: { hasNextPage: totalCount > 0, endCursor: null } };
  if (cursor) {
    const columns = options.sort.map((part) => `${options.alias}.${part.column}`).join(', ');
    const values = options.sort
      .map((part, index) => `:after${index}${part.collation ? ` COLLATE ${part.collation}` : ''}`)
      .join(', ');
    query.andWhere(
      `(${columns}) > (${values})`,
      Object.fromEntries(cursor.map((value, index) => [`after${index}`, value])),
    );
  }
  options.sort.forEach((part, index) =>
    (index === 0 ? query.orderBy : query.addOrderBy).call(query, `${options.alias}.${part.column}`, 'ASC'),
  );
  const rows = await query.take(limit + 1).getMany();
  return toPage(rows, limit, totalCount, (row) => options.sort.map((part) => part.of(row)));
}

/** Adds one word-prefix condition per search word on a folded `search_text` column (see text.ts). */
export function whereSearchMatches<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  search: string | null | undefined,
): void {
  searchTerms(search).forEach((term, index) =>
    query.andWhere(`${alias}.search_text LIKE :searchTerm${index}`, { [`searchTerm${index}`]: `% ${term}%` }),
  );
}
