/**
 * Awards' copy of the organization tree (org_unit: each unit's code, ancestor chain and kind) and the
 * cursor of the organizations subgraph's tree log it has applied (org_tree_sync), so the subtree rollup
 * counts every grant for the right ancestors without asking the organizations subgraph per statistic.
 */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';

export const ORG_UNIT_TABLE: TableDescriptor = defineTable('awards', 'org_unit', [
  'id',
  'code',
  'ancestor_ids',
  'kind',
  'synced_at',
]);
export const ORG_TREE_SYNC_TABLE: TableDescriptor = defineTable('awards', 'org_tree_sync', [
  'id',
  'cursor',
  'synced_at',
]);

/** A unit as the tree log reports it (null fields: the unit was removed). */
export interface TreeUnit {
  id: string;
  code: string | null;
  ancestorIds: string[] | null;
  kind: string | null;
}

export class OrganizationTreeStore {
  constructor(private readonly db: Queryable) {}

  /** The last change of the tree log applied here. */
  async cursor(): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT cursor::text AS cursor FROM org_tree_sync`)) as { cursor: string }[];
    return row?.cursor ?? null;
  }

  /** The tree log was reset: the copy is rebuilt from the start. */
  async reset(): Promise<void> {
    await this.db.query(`SELECT awards.reset_organization_tree_cursor()`);
  }

  /**
   * Applies the changes between cursors `from` and `to` in one statement; returns the new cursor, or
   * '-1' when the database stands elsewhere than `from` (another process applied them).
   */
  async apply(from: string, to: string, units: readonly TreeUnit[]): Promise<string> {
    const [row] = (await this.db.query(
      `SELECT awards.apply_organization_tree($1::bigint, $2::bigint, $3::jsonb)::text AS cursor`,
      [from, to, JSON.stringify(units)],
    )) as { cursor: string }[];
    return row!.cursor;
  }
}
