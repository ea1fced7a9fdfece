import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency keys of mutations (see @tdkt/subgraph-kit idempotency.ts): one row per caller and key. */
export class IdempotencyKeys1764400000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE awards.idempotency_key (
      subject text NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (subject, key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS awards.idempotency_key`);
  }
}
