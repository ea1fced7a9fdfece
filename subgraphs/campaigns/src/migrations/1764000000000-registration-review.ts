import type { MigrationInterface, QueryRunner } from 'typeorm';
import { referenceBlocId, seedUuid } from '@tdkt/subgraph-kit';

/**
 * Review of registrations (đăng ký thi đua) by the launching level, and the bloc of a BLOC-scope
 * movement.
 *
 * - `movement.bloc_id`: the bloc (organizations subgraph, id only) whose members may register. A BLOC
 *   movement names its bloc and no other movement does. The constraint is NOT VALID: a BLOC movement
 *   written before this migration has no bloc and cannot be given one here (blocs live in another
 *   database); new rows are checked, and registrations for such a movement are refused until it has
 *   one. The seeded Nội chính 2021 movement is the one such row we can name: it gets its bloc here.
 * - `movement_registration.reviewed_at/by, review_reason`: who decided, when and why. A decided
 *   (APPROVED, RETURNED) registration carries its reviewer; a RETURNED one carries its reason (NOT
 *   VALID too: rows decided before review existed have no reviewer to record).
 */
export class RegistrationReview1764000000000 implements MigrationInterface {
  name = 'RegistrationReview1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns.movement ADD COLUMN bloc_id uuid`);
    await q.query(`UPDATE campaigns.movement SET bloc_id = $1 WHERE id = $2 AND scope = 'BLOC' AND bloc_id IS NULL`, [
      referenceBlocId('NOI_CHINH_TW'),
      seedUuid('movement', 'NOI_CHINH_TW_2021'),
    ]);
    await q.query(
      `ALTER TABLE campaigns.movement ADD CONSTRAINT movement_bloc_check CHECK ((scope = 'BLOC') = (bloc_id IS NOT NULL)) NOT VALID`,
    );

    await q.query(`ALTER TABLE campaigns.movement_registration
      ADD COLUMN reviewed_at timestamptz,
      ADD COLUMN reviewed_by text,
      ADD COLUMN review_reason text CONSTRAINT movement_registration_review_reason_nfc CHECK (review_reason IS NULL OR (review_reason = normalize(review_reason, NFC) AND length(review_reason) BETWEEN 1 AND 2000)),
      ADD CONSTRAINT movement_registration_reviewer_check CHECK ((reviewed_at IS NULL) = (reviewed_by IS NULL)),
      ADD CONSTRAINT movement_registration_reviewed_status_check CHECK (reviewed_at IS NULL OR status IN ('APPROVED','RETURNED')),
      ADD CONSTRAINT movement_registration_returned_reason_check CHECK (status <> 'RETURNED' OR (reviewed_at IS NOT NULL AND review_reason IS NOT NULL)) NOT VALID`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns.movement_registration
      DROP CONSTRAINT IF EXISTS movement_registration_returned_reason_check,
      DROP CONSTRAINT IF EXISTS movement_registration_reviewed_status_check,
      DROP CONSTRAINT IF EXISTS movement_registration_reviewer_check,
      DROP COLUMN IF EXISTS review_reason,
      DROP COLUMN IF EXISTS reviewed_by,
      DROP COLUMN IF EXISTS reviewed_at`);
    await q.query(
      `ALTER TABLE campaigns.movement DROP CONSTRAINT IF EXISTS movement_bloc_check, DROP COLUMN IF EXISTS bloc_id`,
    );
  }
}
