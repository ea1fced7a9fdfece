import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the members of a bloc owe the pledge year, and how the lead follows it up.
 *
 * - scorecard_item.justification: a member's short reason for the points it gives an item (a self-score
 *   is backed by evidence the bloc verifies at its year-end scoring).
 * - pledge_cross_rotation: the shift of the cross-scoring rotation the lead set (rules/pledge-duties.rule.ts);
 *   no row means the default, 1 (each member scored by the next in the bloc's order).
 * - pledge_deadline: the bloc's own dates (Quy chế hoạt động) per kind; a kind without a row uses the
 *   year's usual rhythm.
 * - pledge_reminder: each reminder ("nhắc") the lead sent a member, kept (who, when, for what).
 */
export class PledgeDuties1765640000000 implements MigrationInterface {
  name = 'PledgeDuties1765640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns.scorecard_item ADD COLUMN justification text
      CONSTRAINT scorecard_item_justification_check CHECK (justification IS NULL OR (justification = normalize(justification, NFC) AND length(justification) BETWEEN 1 AND 1000))`);
    await q.query(`CREATE TABLE campaigns.pledge_cross_rotation (
      pledge_id uuid PRIMARY KEY REFERENCES campaigns.pledge(id) ON DELETE CASCADE,
      shift integer NOT NULL CONSTRAINT pledge_cross_rotation_shift_check CHECK (shift >= 1),
      set_at timestamptz NOT NULL DEFAULT now(),
      set_by text
    )`);
    await q.query(`CREATE TABLE campaigns.pledge_deadline (
      pledge_id uuid NOT NULL REFERENCES campaigns.pledge(id) ON DELETE CASCADE,
      kind text NOT NULL CONSTRAINT pledge_deadline_kind_check CHECK (kind IN ('SIGN','REPORT_H1','REPORT_YEAR','SELF_SCORE','CROSS_SCORE','VERIFY')),
      due_on date NOT NULL,
      set_at timestamptz NOT NULL DEFAULT now(),
      set_by text,
      PRIMARY KEY (pledge_id, kind)
    )`);
    await q.query(`CREATE TABLE campaigns.pledge_reminder (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pledge_id uuid NOT NULL REFERENCES campaigns.pledge(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL,
      kind text NOT NULL CONSTRAINT pledge_reminder_kind_check CHECK (kind IN ('SIGN','REPORT','SELF_SCORE','CROSS_SCORE')),
      period text,
      note text CONSTRAINT pledge_reminder_note_check CHECK (note IS NULL OR (note = normalize(note, NFC) AND length(note) <= 500)),
      reminded_at timestamptz NOT NULL DEFAULT now(),
      reminded_by text
    )`);
    await q.query(`CREATE INDEX pledge_reminder_pledge_idx ON campaigns.pledge_reminder (pledge_id, reminded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS campaigns.pledge_reminder`);
    await q.query(`DROP TABLE IF EXISTS campaigns.pledge_deadline`);
    await q.query(`DROP TABLE IF EXISTS campaigns.pledge_cross_rotation`);
    await q.query(`ALTER TABLE campaigns.scorecard_item DROP COLUMN IF EXISTS justification`);
  }
}
