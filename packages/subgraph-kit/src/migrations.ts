/**
 * Migrations every subgraph runs the same way, made per schema. The class name (TypeORM's migration
 * id) stays as it was when each subgraph kept its own copy, so existing databases see them as applied.
 */
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditLogMigration } from './audit.js';

type MigrationClass = new () => MigrationInterface;

/** `<schema>.idempotency_key`: one row per caller and key (idempotency.ts). */
export function idempotencyKeysMigration(schema: string): MigrationClass {
  return class IdempotencyKeys1764400000000 implements MigrationInterface {
    name = 'IdempotencyKeys1764400000000';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE ${schema}.idempotency_key (
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
      await q.query(`DROP TABLE IF EXISTS ${schema}.idempotency_key`);
    }
  };
}

/** `<schema>.audit_log`, append-only, and the application role's grants (audit.ts). */
export function auditLogTableMigration(schema: string): MigrationClass {
  return class AuditLog1764900000000 implements MigrationInterface {
    name = 'AuditLog1764900000000';

    async up(q: QueryRunner): Promise<void> {
      for (const statement of auditLogMigration(schema)) await q.query(statement);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE IF EXISTS ${schema}.audit_log`);
      await q.query(`DROP FUNCTION IF EXISTS ${schema}.audit_log_is_append_only()`);
    }
  };
}
