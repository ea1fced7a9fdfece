import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the analytics. Form 0601 (statistical-form-0601.resolver.ts) counts the
 * movements launched in a year: by launch date (launched_on, else start_date), over every movement.
 */
export class AnalyticsIndexes1765000000000 implements MigrationInterface {
  name = 'AnalyticsIndexes1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX movement_launch_date_idx ON campaigns.movement ((coalesce(launched_on, start_date)))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS campaigns.movement_launch_date_idx`);
  }
}
