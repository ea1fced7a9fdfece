/** Uploaded spreadsheets of past awards, kept between preview and commit (awards.grant_import_file). */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import type { ImportGrantRowInput } from '../types/grant.inputs.js';

export const GRANT_IMPORT_FILE_TABLE: TableDescriptor = defineTable('awards', 'grant_import_file', [
  'sha256',
  'file_name',
  'rows',
  'row_count',
  'uploaded_by',
  'uploaded_at',
  'committed_by',
  'committed_at',
  'result',
]);

/** A sheet row: as the ledger import takes it, or null with the problems that keep it out. */
export interface StagedGrantRow {
  row: number;
  grant: ImportGrantRowInput | null;
  problems: string[];
  understood: string[];
}

export interface GrantImportFile {
  sha256: string;
  fileName: string;
  rows: StagedGrantRow[];
  committedAt: string | null;
  result: unknown;
}

export class GrantImportFileStore {
  constructor(private readonly db: Queryable) {}

  /** Keeps the preview's rows; an upload of a file already kept leaves it (and its commit) as it was. */
  async stage(file: Omit<GrantImportFile, 'committedAt' | 'result'>, subject: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO grant_import_file (sha256, file_name, rows, row_count, uploaded_by)
       VALUES ($1, $2, $3::jsonb, $4, $5)
       ON CONFLICT (sha256) DO NOTHING`,
      [file.sha256, file.fileName, JSON.stringify(file.rows), file.rows.length, subject],
    );
  }

  /** The kept file, locked until the transaction ends when `lock` (one commit at a time per file). */
  async find(sha256: string, lock = false): Promise<GrantImportFile | null> {
    const rows: {
      sha256: string;
      file_name: string;
      rows: StagedGrantRow[];
      committed_at: string | null;
      result: unknown;
    }[] = await this.db.query(
      `SELECT sha256, file_name, rows, committed_at::text AS committed_at, result
         FROM grant_import_file WHERE sha256 = $1${lock ? ' FOR UPDATE' : ''}`,
      [sha256],
    );
    const row = rows[0];
    return row
      ? {
          sha256: row.sha256,
          fileName: row.file_name,
          rows: row.rows,
          committedAt: row.committed_at,
          result: row.result,
        }
      : null;
  }

  async markCommitted(sha256: string, subject: string | null, result: unknown): Promise<void> {
    await this.db.query(
      `UPDATE grant_import_file SET committed_at = now(), committed_by = $2, result = $3::jsonb
        WHERE sha256 = $1 AND committed_at IS NULL`,
      [sha256, subject, JSON.stringify(result)],
    );
  }
}
