import { auditLogTableMigration, createDatabase, idempotencyKeysMigration, type Database } from '@tdkt/subgraph-kit';
import { AwardLedger1764100000000 } from './migrations/1764100000000-award-ledger.js';
import { Nominations1764200000000 } from './migrations/1764200000000-nominations.js';
import { Exemplars1764300000000 } from './migrations/1764300000000-exemplars.js';
import { AwardRollups1765000000000 } from './migrations/1765000000000-award-rollups.js';
import { LedgerIndexes1765000000100 } from './migrations/1765000000100-ledger-indexes.js';
import { NominationList1765100000000 } from './migrations/1765100000000-nomination-list.js';
import { DecisionNumberKey1765300000000 } from './migrations/1765300000000-decision-number-key.js';
import { GrantAuthorityNote1765300000100 } from './migrations/1765300000100-grant-authority-note.js';
import { NominationRouting1765400000000 } from './migrations/1765400000000-nomination-routing.js';
import { GrantImportFile1765500000000 } from './migrations/1765500000000-grant-import-file.js';

export const SUBGRAPH_NAME = 'awards';
export const DATABASE_SCHEMA = 'awards';

/** The kit's shared migrations keep the names they had here (IdempotencyKeys1764400000000, AuditLog1764900000000). */
const MIGRATIONS = [
  AwardLedger1764100000000,
  Nominations1764200000000,
  Exemplars1764300000000,
  idempotencyKeysMigration(DATABASE_SCHEMA),
  auditLogTableMigration(DATABASE_SCHEMA),
  AwardRollups1765000000000,
  LedgerIndexes1765000000100,
  NominationList1765100000000,
  DecisionNumberKey1765300000000,
  GrantAuthorityNote1765300000100,
  NominationRouting1765400000000,
  GrantImportFile1765500000000,
];

export function createAwardsDatabase(url: string, options: { poolSize?: number } = {}): Database {
  return createDatabase({
    subgraph: SUBGRAPH_NAME,
    url,
    schema: DATABASE_SCHEMA,
    entities: [],
    migrations: MIGRATIONS,
    poolSize: options.poolSize,
  });
}
