import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheets of past awards uploaded for import. An upload is previewed (its rows read and judged, the
 * ledger untouched) and kept here until an officer commits it; the file's SHA-256 is the key, so the same
 * file uploaded or committed twice is one import and a second commit changes nothing.
 */
export class GrantImportFile1765500000000 implements MigrationInterface {
  name = 'GrantImportFile1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE awards.grant_import_file (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        file_name text NOT NULL,
        rows jsonb NOT NULL,
        row_count integer NOT NULL,
        uploaded_by text,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        committed_by text,
        committed_at timestamptz,
        result jsonb
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE awards.grant_import_file`);
  }
}
