import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bloc's acclamation (bloc_vote): at most one standing vote per pledge — passed and not annulled —
 * by a unique index, so a repeated vote cannot replace the leading unit, even under a race (the
 * leading unit of a central bloc is the one collective it proposes for the Government's flag, Luật
 * TĐKT 2022, Điều 25 khoản 2). A passed vote is undone only by annulment, kept in the row: when, why
 * (mandatory, NFC) and by whom. Pledges that already hold several passed votes (recorded while nothing
 * stopped it) keep the first; the later ones are marked annulled here, with that reason.
 */
export class BlocVoteAnnulment1765400000000 implements MigrationInterface {
  name = 'BlocVoteAnnulment1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns.bloc_vote
      ADD COLUMN annulled_at timestamptz,
      ADD COLUMN annulled_reason text,
      ADD COLUMN annulled_by text`);
    await q.query(`UPDATE campaigns.bloc_vote v
        SET annulled_at = now(), annulled_by = 'migration',
            annulled_reason = 'Biểu quyết lặp lại sau khi khối đã suy tôn đơn vị dẫn đầu; giữ kết quả đạt đầu tiên.'
      WHERE v.passed AND EXISTS (
        SELECT 1 FROM campaigns.bloc_vote e
         WHERE e.pledge_id = v.pledge_id AND e.passed AND (e.voted_on, e.recorded_at, e.id) < (v.voted_on, v.recorded_at, v.id))`);
    await q.query(`ALTER TABLE campaigns.bloc_vote
      ADD CONSTRAINT bloc_vote_annulment_check CHECK (
        (annulled_at IS NULL AND annulled_reason IS NULL AND annulled_by IS NULL)
        OR (annulled_at IS NOT NULL AND passed AND annulled_reason = normalize(annulled_reason, NFC)
            AND length(btrim(annulled_reason)) BETWEEN 1 AND 2000))`);
    await q.query(
      `CREATE UNIQUE INDEX bloc_vote_standing_key ON campaigns.bloc_vote (pledge_id) WHERE passed AND annulled_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS campaigns.bloc_vote_standing_key`);
    await q.query(`ALTER TABLE campaigns.bloc_vote DROP CONSTRAINT bloc_vote_annulment_check,
      DROP COLUMN annulled_at, DROP COLUMN annulled_reason, DROP COLUMN annulled_by`);
  }
}
