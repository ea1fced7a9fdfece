import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that EXPLAIN ANALYZE on the national dataset (10 M grants, 1 M nominations, 600 k council
 * votes) showed missing, each for a read that was a sequential scan:
 *
 * - council_vote by nomination (Nomination.councilVotes, the vote recorded on a nomination): 54 ms → < 1 ms.
 * - grant_initiative by initiative (PersonRecord's initiatives with the grants that used them).
 * - award_grant by nomination (the grant a nomination produced; the foreign-key check when a
 *   nomination is removed scanned all 10 M grants: 770 ms per row). Partial: imported grants have none.
 * - exemplar_grant by grant (the foreign-key check when a grant is removed scanned every link).
 */
export class LedgerIndexes1765000000100 implements MigrationInterface {
  name = 'LedgerIndexes1765000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS council_vote_nomination_idx ON awards.council_vote (nomination_id, recorded_at)`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS grant_initiative_initiative_idx ON awards.grant_initiative (initiative_id)`,
    );
    await q.query(
      `CREATE INDEX IF NOT EXISTS award_grant_nomination_idx ON awards.award_grant (nomination_id) WHERE nomination_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX IF NOT EXISTS exemplar_grant_grant_idx ON awards.exemplar_grant (grant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of [
      'council_vote_nomination_idx',
      'grant_initiative_initiative_idx',
      'award_grant_nomination_idx',
      'exemplar_grant_grant_idx',
    ]) {
      await q.query(`DROP INDEX IF EXISTS awards.${index}`);
    }
  }
}
