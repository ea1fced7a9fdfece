/**
 * The backup file: ONE tar file holding `manifest.json` and one PostgreSQL custom-format dump
 * (`pg_dump -Fc -n <schema>`) per subgraph. Each subgraph's tables live in the schema the platform
 * manifest gives it, in its own database (embedded cluster) or all in one (`DATABASE_URL`), so a dump
 * per subgraph schema fits both layouts. The manifest records the server version, the extensions the
 * database had, and for every table its row count and a checksum of its rows.
 */

/** The role the subgraphs run as (packages/subgraph-kit/src/audit.ts); backups carry grants to it. */
export const APPLICATION_ROLE = 'tdkt_app';

/** One subgraph's data: the database it lives in and its schema there. */
export interface BackupTarget {
  subgraph: string;
  url: string;
  schema: string;
}

export interface TableStat {
  rows: number;
  md5: string;
}

export interface ManifestEntry {
  subgraph: string;
  schema: string;
  /** Name of the dump inside the tar file. */
  file: string;
  bytes: number;
  sha256: string;
  /** Where it came from (no password). */
  source: string;
  serverVersion: string;
  /** Extensions of the source database (they live outside the subgraph schema and are not dumped). */
  extensions: { name: string; schema: string }[];
  /** `schema.table` → rows and md5 of the rows' text, ordered. */
  tables: Record<string, TableStat>;
}

export interface Manifest {
  format: 'tdkt-backup';
  formatVersion: 1;
  createdAt: string;
  serverVersion: string;
  serverVersionNum: number;
  pgDumpVersion: string;
  /** How the row checksums are computed, for whoever verifies by hand. */
  checksum: string;
  entries: ManifestEntry[];
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export type Log = (line: string) => void;

export const CHECKSUM_SQL = `md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), ''))`;
/** The text of a row depends on these settings: pin them for the backup and the verification alike. */
export const SESSION_SETTINGS = [
  `SET TimeZone = 'UTC'`,
  `SET DateStyle = 'ISO, YMD'`,
  `SET IntervalStyle = 'postgres'`,
  `SET extra_float_digits = 1`,
  `SET bytea_output = 'hex'`,
];

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function checkSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new BackupError(`Unexpected schema name "${schema}"`);
}
