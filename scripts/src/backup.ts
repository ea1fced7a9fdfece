/**
 * Backup and restore of the subgraphs' data (`npm run db:backup`, `npm run db:restore -- FILE`), one
 * dump per subgraph schema of the platform manifest in one tar file with a manifest of row counts and
 * checksums. The modules under backup/:
 *
 * - format.ts      the backup file's manifest, the checksum definition, the error type
 * - connection.ts  connections to the targets and the libpq settings of the client tools
 * - pg-tools.ts    finding pg_dump, pg_restore and psql of the server's major version
 * - archive.ts     the tar file: writing, reading and checking a backup file
 * - dump.ts        taking a backup from one snapshot per database
 * - replace.ts     replacing the schemas in one transaction (prelude: role, extensions)
 * - restore.ts     checking the targets, restoring, verifying
 * - verify.ts      row counts and checksums, and their comparison with the manifest
 * - targets.ts     the databases `npm start` uses, and the default backup file name
 *
 * Needs PostgreSQL client tools (pg_dump, pg_restore, psql) of the server's major version.
 */
export { SUBGRAPH_NAMES } from '@tdkt/platform';
export { openBackup } from './backup/archive.js';
export { describeUrl } from './backup/connection.js';
export { backup, type BackupResult } from './backup/dump.js';
export { BackupError, type BackupTarget, type Manifest, type ManifestEntry, type TableStat } from './backup/format.js';
export { findPgTools, pgDumpInstalled, type PgTools } from './backup/pg-tools.js';
export { restore, type RestoreResult } from './backup/restore.js';
export { defaultBackupFile, platformTargets, type ResolvedTargets } from './backup/targets.js';
export { formatComparison, tableStats, type ComparisonRow } from './backup/verify.js';
