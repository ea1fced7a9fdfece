import type { MigrationInterface, QueryRunner } from 'typeorm';
import { auditLogMigration } from '@tdkt/subgraph-kit';

/** The append-only audit log of campaigns' mutations and the application role's grants (kit audit.ts). */
export class AuditLog1764900000000 implements MigrationInterface {
  name = 'AuditLog1764900000000';

  async up(q: QueryRunner): Promise<void> {
    for (const statement of auditLogMigration('campaigns')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS campaigns.audit_log');
    await q.query('DROP FUNCTION IF EXISTS campaigns.audit_log_is_append_only()');
  }
}
