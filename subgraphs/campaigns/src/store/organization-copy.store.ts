/**
 * Campaigns' read copy of each organization's code and names (organization_copy) and the cursor of the
 * organizations subgraph's tree log it has applied (organization_copy_sync): migration 1765500000000.
 * Reads that list organizations join it (ORGANIZATION_COPY_JSON) so their stubs carry code and names.
 */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import type { OrganizationNames } from '../types/organization.stub.js';

export const ORGANIZATION_COPY_TABLE: TableDescriptor = defineTable('campaigns', 'organization_copy', [
  'id',
  'code',
  'name',
  'short_name',
  'synced_at',
]);
export const ORGANIZATION_COPY_SYNC_TABLE: TableDescriptor = defineTable('campaigns', 'organization_copy_sync', [
  'id',
  'cursor',
  'synced_at',
]);

/**
 * The names of the copy's row aliased `alias` as one JSON value (null when the copy does not hold the
 * unit), for a read that joins `organization_copy <alias>`.
 */
export const organizationCopyJson = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('code', ${alias}.code, 'name', ${alias}.name, 'shortName', ${alias}.short_name) END`;

/** A unit as the tree log reports it (null code and name: the unit was removed). */
export interface CopiedUnit {
  id: string;
  code: string | null;
  name: string | null;
  shortName: string | null;
}

export class OrganizationCopyStore {
  constructor(private readonly db: Queryable) {}

  async byIds(ids: readonly string[]): Promise<(OrganizationNames & { id: string })[]> {
    if (!ids.length) return [];
    return this.db.query(
      `SELECT id, code, name, short_name AS "shortName" FROM organization_copy WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The last change of the tree log applied here. */
  async cursor(): Promise<string | null> {
    const [row] = (await this.db.query(`SELECT cursor::text AS cursor FROM organization_copy_sync`)) as {
      cursor: string;
    }[];
    return row?.cursor ?? null;
  }

  /** The tree log was reset: the copy is read again from the start. */
  async reset(): Promise<void> {
    await this.db.query(`SELECT campaigns.reset_organization_copy_cursor()`);
  }

  /** Applies the changes between cursors `from` and `to` in one statement: the new cursor, or '-1'. */
  async apply(from: string, to: string, units: readonly CopiedUnit[]): Promise<string> {
    const [row] = (await this.db.query(
      `SELECT campaigns.apply_organization_copy($1::bigint, $2::bigint, $3::jsonb)::text AS cursor`,
      [from, to, JSON.stringify(units)],
    )) as { cursor: string }[];
    return row!.cursor;
  }
}
