import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Imported grants whose issuer's authority the engine could not check (decisions before Luật TĐKT 2022
 * took effect on 2024-01-01, judged under rules this engine does not hold) carry the reason here, so
 * they are shown as "chưa kiểm tra thẩm quyền" instead of being silently trusted. Null: checked.
 */
export class GrantAuthorityNote1765300000100 implements MigrationInterface {
  name = 'GrantAuthorityNote1765300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE awards.award_grant ADD COLUMN authority_note text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE awards.award_grant DROP COLUMN authority_note`);
  }
}
