import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the `nominations` list (newest first, keyset on (created_at, id)), one per filter it
 * takes: none, status, award type (and year), year, recipient unit; and the subtree of a unit in the
 * copy of the organization tree (`org_unit.ancestor_ids @> {root}`), which both the unit filter and
 * the caller's visibility (the proposer in the caller's subtree) read. Without them every page was a
 * sequential scan and a sort of the whole table.
 */
export class NominationList1765100000000 implements MigrationInterface {
  name = 'NominationList1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS nomination_created_idx ON awards.nomination (created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS nomination_status_created_idx ON awards.nomination (status, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS nomination_type_year_created_idx ON awards.nomination (award_type_code, year, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS nomination_year_created_idx ON awards.nomination (year, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS nomination_recipient_unit_created_idx ON awards.nomination (recipient_unit_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS nomination_proposer_created_idx ON awards.nomination (proposed_by_organization_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX IF NOT EXISTS org_unit_ancestors_idx ON awards.org_unit USING gin (ancestor_ids)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'nomination_created_idx',
      'nomination_status_created_idx',
      'nomination_type_year_created_idx',
      'nomination_year_created_idx',
      'nomination_recipient_unit_created_idx',
      'nomination_proposer_created_idx',
      'org_unit_ancestors_idx',
    ])
      await q.query(`DROP INDEX IF EXISTS awards.${index}`);
  }
}
