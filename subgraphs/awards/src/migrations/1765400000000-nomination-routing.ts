import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds each nomination now (routing by level, rules/nomination-routing.rule.ts): the route from
 * the proposer to the deciding authority, the stop that holds the file, that stop's unit (null at the
 * national stops, the Central Board's queue) and since when (the start of the Board's clocks); each
 * history row gains the levels it moved between. A row written without a holder (a bulk load by COPY,
 * which runs with triggers off) is held by its proposer: the unit's queue reads
 * coalesce(holder_organization_id, proposed_by_organization_id). The inbox reads open files by holder,
 * oldest first: one partial index for a unit's queue, one for the national queue, each carrying the
 * columns the inbox counts and filters by (status, year, award type), so the counts read the index only.
 */
export class NominationRouting1765400000000 implements MigrationInterface {
  name = 'NominationRouting1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE awards.nomination
      ADD COLUMN route jsonb,
      ADD COLUMN holder_index smallint NOT NULL DEFAULT 0 CONSTRAINT nomination_holder_index_check CHECK (holder_index BETWEEN 0 AND 4),
      ADD COLUMN holder_level text NOT NULL DEFAULT 'UNIT' CONSTRAINT nomination_holder_level_check
        CHECK (holder_level IN ('UNIT','MINISTRY_OR_PROVINCE','CENTRAL_BOARD','PRIME_MINISTER','PRESIDENT')),
      ADD COLUMN holder_organization_id uuid,
      ADD COLUMN holder_since timestamptz NOT NULL DEFAULT now()`);
    await q.query(`UPDATE awards.nomination n
                      SET holder_organization_id = n.proposed_by_organization_id,
                          holder_since = coalesce((SELECT max(e.at) FROM awards.nomination_event e WHERE e.nomination_id = n.id), n.created_at)`);
    await q.query(`ALTER TABLE awards.nomination_event
      ADD COLUMN from_level text,
      ADD COLUMN to_level text`);
    const open = `status IN ('DRAFT','SUBMITTED','RETURNED','COUNCIL_REVIEW','APPROVED')`;
    await q.query(`CREATE INDEX nomination_inbox_unit_idx
                   ON awards.nomination ((coalesce(holder_organization_id, proposed_by_organization_id)), holder_since, id)
                   INCLUDE (status, year, award_type_code)
                   WHERE ${open} AND holder_level IN ('UNIT','MINISTRY_OR_PROVINCE')`);
    await q.query(`CREATE INDEX nomination_inbox_national_idx ON awards.nomination (holder_since, id)
                   INCLUDE (status, year, award_type_code)
                   WHERE ${open} AND holder_level IN ('CENTRAL_BOARD','PRIME_MINISTER','PRESIDENT')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS awards.nomination_inbox_unit_idx`);
    await q.query(`DROP INDEX IF EXISTS awards.nomination_inbox_national_idx`);
    await q.query(
      `ALTER TABLE awards.nomination_event DROP COLUMN IF EXISTS from_level, DROP COLUMN IF EXISTS to_level`,
    );
    await q.query(`ALTER TABLE awards.nomination DROP COLUMN IF EXISTS route, DROP COLUMN IF EXISTS holder_index,
                   DROP COLUMN IF EXISTS holder_level, DROP COLUMN IF EXISTS holder_organization_id, DROP COLUMN IF EXISTS holder_since`);
  }
}
