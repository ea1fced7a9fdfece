/**
 * The inbox: open nominations held by one unit (or, for the Central Board, by the national stops),
 * oldest arrival first, keyset on (holder_since, id), with counts by status. Two statements per page
 * whatever its size: the counts, the page (indexes of migration 1765400000000-nomination-routing).
 */
import {
  badInput,
  decodeCursor,
  isUuid,
  pageSize,
  toPage,
  translateDatabaseError,
  type Page,
  type Queryable,
} from '@tdkt/subgraph-kit';
import { NOMINATION_COLUMNS, SORT_KEY, type NominationRow } from './nomination.store.js';

export const OPEN_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'COUNCIL_REVIEW', 'APPROVED'] as const;

/** Whose queue: a unit's (its id) or the national one (the Central Board). */
export type InboxHolder = { organizationId: string } | { national: true };

export interface InboxFilter {
  status: string | null;
  year: number | null;
  awardTypeCode: string | null;
}

export interface InboxPage {
  page: Page<NominationRow>;
  counts: { status: string; count: number }[];
}

export class NominationInboxStore {
  constructor(private readonly db: Queryable) {}

  async inbox(
    holder: InboxHolder,
    filter: InboxFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<InboxPage> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    if (
      cursor &&
      !(typeof cursor[0] === 'string' && SORT_KEY.test(cursor[0]) && typeof cursor[1] === 'string' && isUuid(cursor[1]))
    )
      throw badInput('Con trỏ phân trang (after) không hợp lệ; hãy dùng endCursor của trang trước.', {
        field: 'after',
      });
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    // The predicates of the partial indexes, written as they are there.
    const where = [`n.status IN (${OPEN_STATUSES.map((status) => `'${status}'`).join(',')})`];
    if ('national' in holder) where.push(`n.holder_level IN ('CENTRAL_BOARD','PRIME_MINISTER','PRESIDENT')`);
    else
      where.push(
        `n.holder_level IN ('UNIT','MINISTRY_OR_PROVINCE')`,
        `coalesce(n.holder_organization_id, n.proposed_by_organization_id) = ${param(holder.organizationId)}::uuid`,
      );
    if (filter.year !== null) where.push(`n.year = ${param(filter.year)}`);
    if (filter.awardTypeCode !== null) where.push(`n.award_type_code = ${param(filter.awardTypeCode)}`);
    try {
      // One row of counts, one per open status (an aggregate with FILTER: no sort, no grouping).
      const [countRow] = (await this.db.query(
        `SELECT ${OPEN_STATUSES.map((status) => `count(*) FILTER (WHERE n.status = '${status}')::int AS "${status}"`).join(', ')}
           FROM nomination n WHERE ${where.join(' AND ')}`,
        [...params],
      )) as Record<string, number>[];
      const counts = OPEN_STATUSES.map((status) => ({
        status: status as string,
        count: countRow?.[status] ?? 0,
      })).filter((row) => row.count > 0);
      const totalCount = counts
        .filter((row) => filter.status === null || row.status === filter.status)
        .reduce((sum, row) => sum + row.count, 0);
      if (limit === 0)
        return { counts, page: { totalCount, edges: [], pageInfo: { hasNextPage: totalCount > 0, endCursor: null } } };
      if (filter.status !== null) where.push(`n.status = ${param(filter.status)}`);
      if (cursor)
        where.push(
          `(n.holder_since, n.id) > (${param(cursor[0])}::timestamp AT TIME ZONE 'UTC', ${param(cursor[1])}::uuid)`,
        );
      const rows = (await this.db.query(
        `SELECT ${NOMINATION_COLUMNS},
                to_char(n.holder_since AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "sortKey"
           FROM nomination n WHERE ${where.join(' AND ')}
          ORDER BY n.holder_since, n.id
          LIMIT ${param(limit + 1)}`,
        params,
      )) as (NominationRow & { sortKey: string })[];
      const page = toPage(rows, limit, totalCount, (row) => [row.sortKey, row.id]);
      return {
        counts,
        page: {
          ...page,
          edges: page.edges.map(({ cursor: edgeCursor, node: { sortKey: _sortKey, ...node } }) => ({
            cursor: edgeCursor,
            node,
          })),
        },
      };
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}
