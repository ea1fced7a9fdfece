/**
 * The rollups of the ledger (migration 1765000000000): per-unit and per-subtree counts of live grants,
 * the pending changes triggers append on every write, and the statements that read them for a scope
 * (a subtree, a bloc's members year by year, or the whole country).
 */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import { AWARD_TYPE_COLUMNS, type AwardTypeRow } from './award-type.store.js';

const ROLLUP_COLUMNS = ['year', 'award_type_code', 'subject_kind', 'basis', 'gender', 'count'];
export const AWARD_GRANT_ROLLUP_TABLE: TableDescriptor = defineTable('awards', 'award_grant_rollup', [
  'organization_id',
  ...ROLLUP_COLUMNS,
]);
export const AWARD_GRANT_SUBTREE_ROLLUP_TABLE: TableDescriptor = defineTable('awards', 'award_grant_subtree_rollup', [
  'ancestor_id',
  ...ROLLUP_COLUMNS,
]);
export const AWARD_GRANT_ROLLUP_PENDING_TABLE: TableDescriptor = defineTable('awards', 'award_grant_rollup_pending', [
  'id',
  'organization_id',
  'year',
  'award_type_code',
  'subject_kind',
  'basis',
  'gender',
  'n',
]);

/**
 * `scope(unit_id, year)` and `outermost(node, year)` CTEs over parameters $1 (bloc members' uuid[], or
 * null), $2 (their int[] years) and $7 (a subtree's code, or null; $1 and $7 null: the whole country),
 * for a `WITH` list.
 */
export const SCOPE_CTES = `scope(unit_id, year) AS (
    SELECT s.unit_id, s.year FROM unnest($1::uuid[], $2::int[]) AS s(unit_id, year) WHERE $1::uuid[] IS NOT NULL
    UNION ALL
    SELECT u.id, NULL::int FROM org_unit u WHERE $1::uuid[] IS NULL AND $7::text IS NOT NULL AND u.code = $7::text
    UNION ALL
    SELECT u.id, NULL::int FROM org_unit u WHERE $1::uuid[] IS NULL AND $7::text IS NULL AND u.ancestor_ids = '{}'::uuid[]
  ),
  chains(unit_id, year, ancestor_id) AS MATERIALIZED (
    SELECT s.unit_id, s.year, a.id FROM scope s JOIN org_unit u ON u.id = s.unit_id CROSS JOIN LATERAL unnest(u.ancestor_ids) AS a(id)
  ),
  nested(unit_id, year) AS (
    SELECT c.unit_id, c.year FROM chains c JOIN scope o ON o.unit_id = c.ancestor_id AND coalesce(o.year, 0) = coalesce(c.year, 0)
  ),
  outermost(node, year) AS (
    SELECT unit_id, year FROM scope EXCEPT SELECT unit_id, year FROM nested
  )`;

/**
 * A `counts` CTE: for each row of `nodes(node, year, ...carry)` (year null: every year), the subtree
 * counts of years $3..$4 — the folded rollup rows plus the changes still pending, fanned out over the
 * chains as they are now (migration 1765000000000).
 */
export function subtreeCounts(nodes: string, carry: string[] = []): string {
  const extra = carry.map((column) => `n.${column}, `).join('');
  return `counts AS (
    SELECT ${extra}r.year, r.award_type_code, r.subject_kind, r.basis, r.gender, r.count
      FROM ${nodes} n JOIN award_grant_subtree_rollup r
        ON r.ancestor_id = n.node AND r.year BETWEEN greatest($3, coalesce(n.year, $3)) AND least($4, coalesce(n.year, $4))
    UNION ALL
    SELECT ${extra}p.year, p.award_type_code, p.subject_kind, p.basis, p.gender, p.n
      FROM award_grant_rollup_pending p LEFT JOIN org_unit u ON u.id = p.organization_id
      JOIN ${nodes} n ON (n.node = p.organization_id OR n.node = ANY (u.ancestor_ids)) AND (n.year IS NULL OR p.year = n.year)
     WHERE p.year BETWEEN $3 AND $4
  )`;
}

/**
 * Columns for a statistic's SELECT: how many pending changes it saw (to decide whether to fold them),
 * how many units its scope has (0: an unknown code), and whether grants are pending for units the copy
 * of the tree does not know yet.
 */
export const SCOPE_COLUMNS = `(SELECT count(*)::int FROM award_grant_rollup_pending) AS pending,
  (SELECT count(*)::int FROM scope) AS scope_units,
  EXISTS (SELECT 1 FROM award_grant_rollup_pending p WHERE NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.id = p.organization_id)) AS unknown_units`;

/** What every statistic's answer carries besides its counts (SCOPE_COLUMNS). */
export interface ScopeColumns {
  pending: number;
  scope_units: number;
  unknown_units: boolean;
}

/** The parameters of a scope: bloc members and their years ($1, $2), the years asked ($3, $4), a subtree's code ($7). */
export interface ScopeParameters {
  unitIds: string[] | null;
  years: (number | null)[];
  yearFrom: number;
  yearTo: number;
  code: string | null;
}

/** One row of awardStatistics' GROUPING SETS (award, year, subject kind, gender, and the total). */
export interface StatisticsRow extends ScopeColumns {
  award_type_code: string | null;
  year: number | null;
  subject_kind: string | null;
  gender: string | null;
  count: string;
  grouping: number;
  award_type: AwardTypeRow | null;
}

/** One (award, subject kind, basis) count of a statistical form; `province`: the part in provinces. */
export interface FormCountRow extends ScopeColumns {
  awardTypeCode: string;
  subjectKind: string;
  basis: string;
  total: number;
  province: number;
}

export class StatisticsStore {
  constructor(private readonly db: Queryable) {}

  /** awardStatistics in one statement: the counts by each dimension, with the award types of byAwardType. */
  statistics(
    scope: ScopeParameters,
    filter: { category: string | null; basis: string | null },
  ): Promise<StatisticsRow[]> {
    return this.db.query(
      `WITH ${SCOPE_CTES},
         ${subtreeCounts('outermost')},
         chosen AS (
           SELECT c.award_type_code, c.year, c.subject_kind, nullif(c.gender, 'NONE') AS gender, c.count
             FROM counts c
            WHERE ($5::text IS NULL OR c.award_type_code IN (SELECT code FROM award_type WHERE category = $5)) AND ($6::text IS NULL OR c.basis = $6)
         ),
         grouped AS (
           SELECT award_type_code, year, subject_kind, gender, sum(count)::text AS count,
                  GROUPING(award_type_code, year, subject_kind, gender) AS grouping
             FROM chosen GROUP BY GROUPING SETS ((award_type_code), (year), (subject_kind), (gender), ())
         )
         SELECT g.*, CASE WHEN t.code IS NULL THEN NULL ELSE row_to_json(t) END AS award_type, ${SCOPE_COLUMNS}
           FROM grouped g
           LEFT JOIN (SELECT ${AWARD_TYPE_COLUMNS} FROM award_type) t ON t.code = g.award_type_code AND g.grouping = 7
          WHERE g.grouping = 15 OR g.count <> '0'`,
      [
        scope.unitIds,
        scope.unitIds ? scope.years : [],
        scope.yearFrom,
        scope.yearTo,
        filter.category,
        filter.basis,
        scope.code,
      ],
    );
  }

  /** A statistical form's counts of `codes`; with `withProvinces` (form 0602) also the part of provinces. */
  formCounts(scope: ScopeParameters, codes: readonly string[], withProvinces: boolean): Promise<FormCountRow[]> {
    return this.db.query(
      `WITH ${SCOPE_CTES},
       provinces AS (SELECT u.id, u.ancestor_ids FROM org_unit u WHERE u.kind IN ('PROVINCE','CENTRAL_CITY')),
       classified AS (
         SELECT o.node, o.year, EXISTS (SELECT 1 FROM provinces p WHERE p.id = o.node OR p.id = ANY (su.ancestor_ids)) AS in_province
           FROM outermost o LEFT JOIN org_unit su ON su.id = o.node
       ),
       -- The scope's own counts, and (form 0602) those of the outermost provinces inside a scope that is
       -- not itself in a province: the submitting-body split.
       parts(node, year, is_scope, in_province) AS (
         SELECT c.node, c.year, true, c.in_province FROM classified c
         UNION ALL
         SELECT p.id, c.year, false, true FROM classified c JOIN provinces p ON c.node = ANY (p.ancestor_ids)
          WHERE $6 AND NOT c.in_province AND NOT EXISTS (SELECT 1 FROM provinces q WHERE q.id = ANY (p.ancestor_ids))
       ),
       ${subtreeCounts('parts', ['is_scope', 'in_province'])},
       grouped AS (
         SELECT c.award_type_code AS "awardTypeCode", c.subject_kind AS "subjectKind", c.basis,
                coalesce(sum(c.count) FILTER (WHERE c.is_scope), 0)::int AS total,
                coalesce(sum(c.count) FILTER (WHERE c.in_province), 0)::int AS province
           FROM counts c
          WHERE c.award_type_code = ANY ($5::text[])
          GROUP BY 1, 2, 3
       )
       -- One row even when nothing was granted (it carries the scope columns).
       SELECT g.*, ${SCOPE_COLUMNS} FROM (SELECT 1) AS one LEFT JOIN grouped g ON true`,
      [scope.unitIds, scope.unitIds ? scope.years : [], scope.yearFrom, scope.yearTo, codes, withProvinces, scope.code],
    );
  }

  /** Folds the pending changes into both rollups; returns how many keys were folded. */
  async compact(): Promise<number> {
    const [row] = (await this.db.query(`SELECT awards.compact_award_rollups() AS keys`)) as { keys: number }[];
    return row?.keys ?? 0;
  }
}
