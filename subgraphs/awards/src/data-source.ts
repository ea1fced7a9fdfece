import { createDatabase, type Database } from '@tdkt/subgraph-kit';
import { AwardLedger1764100000000 } from './migrations/1764100000000-award-ledger.js';
import { Nominations1764200000000 } from './migrations/1764200000000-nominations.js';
import { Exemplars1764300000000 } from './migrations/1764300000000-exemplars.js';
import { IdempotencyKeys1764400000000 } from './migrations/1764400000000-idempotency-keys.js';
import { AuditLog1764900000000 } from './migrations/1764900000000-audit-log.js';
import { AwardRollups1765000000000 } from './migrations/1765000000000-award-rollups.js';
import { LedgerIndexes1765000000100 } from './migrations/1765000000100-ledger-indexes.js';

export const SUBGRAPH_NAME = 'awards';
export const DATABASE_SCHEMA = 'awards';

export function createAwardsDatabase(url: string, options: { poolSize?: number } = {}): Database {
  return createDatabase({ subgraph: SUBGRAPH_NAME, url, schema: DATABASE_SCHEMA, entities: [], migrations: [AwardLedger1764100000000, Nominations1764200000000, Exemplars1764300000000, IdempotencyKeys1764400000000, AuditLog1764900000000, AwardRollups1765000000000, LedgerIndexes1765000000100], poolSize: options.poolSize });
}
