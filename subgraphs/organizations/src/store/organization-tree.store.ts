/**
 * The log of changes to the organization tree (migration 1765000000000, renames since 1765500000000):
 * the awards subgraph reads it to keep its copy of every unit's ancestor chain, the campaigns subgraph
 * its copy of every unit's code and names.
 */
import { defineTable, type Queryable } from '@tdkt/subgraph-kit';
import type { OrganizationKind } from '../types/enums.js';

export const ORGANIZATION_TREE_CHANGE_TABLE = defineTable('organizations', 'organization_tree_change', [
  'seq',
  'organization_id',
  'moved',
  'changed_at',
]);

export interface TreeChangePage {
  /** The newest sequence number of the whole log, or null when it is empty. */
  head: string | null;
  pageCount: number;
  /** The last sequence number on this page, or null when the page is empty. */
  lastSeq: string | null;
  units: {
    id: string;
    code: string | null;
    name: string | null;
    shortName: string | null;
    kind: OrganizationKind | null;
    ancestorIds: string[] | null;
  }[];
}

export class OrganizationTreeStore {
  constructor(private readonly db: Queryable) {}

  /** One statement: the page of the log, the subtrees under units that moved, every unit's chain now. */
  async changesAfter(after: string, limit: number): Promise<TreeChangePage> {
    const [row] = await this.db.query(
      `WITH RECURSIVE page AS (
         SELECT seq, organization_id, moved FROM organization_tree_change WHERE seq > $1::bigint ORDER BY seq LIMIT $2
       ),
       down(id, depth) AS (
         SELECT organization_id, 0 FROM page WHERE moved
         UNION
         SELECT o.id, down.depth + 1 FROM down JOIN organization o ON o.parent_id = down.id WHERE down.depth < 64
       ),
       ids AS (SELECT organization_id AS id FROM page UNION SELECT id FROM down),
       up(origin, ancestor, depth) AS (
         SELECT o.id, o.parent_id, 1 FROM organization o JOIN ids ON ids.id = o.id WHERE o.parent_id IS NOT NULL
         UNION ALL
         SELECT up.origin, o.parent_id, up.depth + 1 FROM up JOIN organization o ON o.id = up.ancestor WHERE o.parent_id IS NOT NULL AND up.depth < 64
       ),
       chains AS (SELECT origin, array_agg(ancestor ORDER BY depth) AS ancestors FROM up GROUP BY origin)
       SELECT (SELECT max(seq) FROM organization_tree_change)::text AS head,
              (SELECT count(*) FROM page)::int AS page_count,
              (SELECT max(seq) FROM page)::text AS last_seq,
              coalesce((SELECT json_agg(json_build_object(
                          'id', ids.id, 'code', o.code, 'name', o.name, 'shortName', o.short_name, 'kind', o.kind,
                          'ancestorIds', CASE WHEN o.id IS NULL THEN NULL ELSE coalesce(c.ancestors, '{}'::uuid[]) END))
                          FROM ids LEFT JOIN organization o ON o.id = ids.id LEFT JOIN chains c ON c.origin = ids.id), '[]'::json) AS units`,
      [after, limit],
    );
    return { head: row.head, pageCount: row.page_count, lastSeq: row.last_seq, units: row.units };
  }

  /**
   * A bulk load with user triggers disabled leaves units out of the log. A reader starting from 0 gets
   * them logged first (once: afterwards every unit has its entry). Writers of the tree take the same
   * advisory lock, so sequence numbers become visible in commit order.
   */
  async logUnloggedUnits(): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tdkt:organizations:tree-change'))`);
      await manager.query(
        `INSERT INTO organization_tree_change (organization_id)
         SELECT o.id FROM organization o WHERE NOT EXISTS (SELECT 1 FROM organization_tree_change c WHERE c.organization_id = o.id) ORDER BY o.id`,
      );
    });
  }
}
