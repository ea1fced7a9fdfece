import type { MigrationInterface } from 'typeorm';
import { AuditLog1764900000000 } from './1764900000000-audit-log.js';
import { AnalyticsIndexes1765000000000 } from './1765000000000-analytics-indexes.js';
import { IdempotencyKeys1764400000000 } from './1764400000000-idempotency-keys.js';
import { RegistrationReview1764000000000 } from './1764000000000-registration-review.js';
import { Pledges1763900000000 } from './1763900000000-pledges.js';
import { MovementsConferences1763800000000 } from './1763800000000-movements-conferences.js';

/** Committed migrations of the campaigns subgraph, in order. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  MovementsConferences1763800000000,
  Pledges1763900000000,
  RegistrationReview1764000000000,
  IdempotencyKeys1764400000000,
  AuditLog1764900000000,
  AnalyticsIndexes1765000000000,
];
