import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Progress as blocs report it.
 *
 * - progress_report periods: half-years ("2026-H1", the six-month review, sơ kết 6 tháng) and months
 *   ("2026-07") join the whole year and the quarters; `period_end_month` (the last month a period
 *   covers) orders them when the latest figure of a member is wanted.
 * - pledge_item.allow_negative: an item whose progress may be negative (a change against a baseline,
 *   e.g. a reduction); every other item's progress is a count or a share, never below zero.
 */
export class ProgressPeriods1765300000000 implements MigrationInterface {
  name = 'ProgressPeriods1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns.pledge_item ADD COLUMN allow_negative boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE campaigns.progress_report DROP CONSTRAINT progress_report_period_check`);
    await q.query(`ALTER TABLE campaigns.progress_report ADD CONSTRAINT progress_report_period_check
      CHECK (period ~ '^[0-9]{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$')`);
    await q.query(`CREATE FUNCTION campaigns.period_end_month(period text) RETURNS integer
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE
          WHEN period ~ '-Q' THEN substr(period, 7, 1)::int * 3
          WHEN period ~ '-H' THEN substr(period, 7, 1)::int * 6
          WHEN period ~ '-' THEN substr(period, 6, 2)::int
          ELSE 12 END
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS campaigns.period_end_month(text)`);
    await q.query(`ALTER TABLE campaigns.progress_report DROP CONSTRAINT progress_report_period_check`);
    await q.query(`ALTER TABLE campaigns.progress_report ADD CONSTRAINT progress_report_period_check
      CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$') NOT VALID`);
    await q.query(`ALTER TABLE campaigns.pledge_item DROP COLUMN allow_negative`);
  }
}
