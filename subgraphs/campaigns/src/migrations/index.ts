import type { MigrationInterface } from 'typeorm';
import { auditLogTableMigration, idempotencyKeysMigration } from '@tdkt/subgraph-kit';
import { AnalyticsIndexes1765000000000 } from './1765000000000-analytics-indexes.js';
import { ProgressPeriods1765300000000 } from './1765300000000-progress-periods.js';
import { BlocVoteAnnulment1765400000000 } from './1765400000000-bloc-vote-annulment.js';
import { OrganizationCopy1765500000000 } from './1765500000000-organization-copy.js';
import { PledgeDuties1765640000000 } from './1765640000000-pledge-duties.js';
import { RegistrationReview1764000000000 } from './1764000000000-registration-review.js';
import { Pledges1763900000000 } from './1763900000000-pledges.js';
import { MovementsConferences1763800000000 } from './1763800000000-movements-conferences.js';

/**
 * Committed migrations of the campaigns subgraph, in order. The idempotency keys and the audit log are
 * the kit's, made for this schema under the names they always had (IdempotencyKeys1764400000000,
 * AuditLog1764900000000), so databases that ran the earlier copies see them as applied.
 */
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  MovementsConferences1763800000000,
  Pledges1763900000000,
  RegistrationReview1764000000000,
  idempotencyKeysMigration('campaigns'),
  auditLogTableMigration('campaigns'),
  AnalyticsIndexes1765000000000,
  ProgressPeriods1765300000000,
  BlocVoteAnnulment1765400000000,
  OrganizationCopy1765500000000,
  PledgeDuties1765640000000,
];
