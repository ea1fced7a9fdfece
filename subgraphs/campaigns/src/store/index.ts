/** Every store of the campaigns subgraph over one connection, and every table it owns. */
import type { Queryable, TableDescriptor } from '@tdkt/subgraph-kit';
import { BlocSummaryStore } from './bloc-summary.store.js';
import { CONFERENCE_DELEGATE_TABLE, CONFERENCE_TABLE, ConferenceStore } from './conference.store.js';
import { MOVEMENT_REGISTRATION_TABLE, MOVEMENT_TABLE, MovementStore } from './movement.store.js';
import { AUDIT_LOG_TABLE, IDEMPOTENCY_KEY_TABLE } from './platform.store.js';
import {
  PROGRESS_REPORT_TABLE,
  SCORECARD_ITEM_TABLE,
  SCORECARD_TABLE,
  PledgeProgressStore,
} from './pledge-progress.store.js';
import {
  BLOC_VOTE_TABLE,
  PLEDGE_ITEM_TABLE,
  PLEDGE_RANKING_TABLE,
  PLEDGE_SIGNATURE_TABLE,
  PLEDGE_TABLE,
  PledgeStore,
} from './pledge.store.js';
import {
  PLEDGE_CROSS_ROTATION_TABLE,
  PLEDGE_DEADLINE_TABLE,
  PLEDGE_REMINDER_TABLE,
  PledgeDutiesStore,
} from './pledge-duties.store.js';
import { StatisticalForm0601Store } from './statistical-form-0601.store.js';
import { PledgeSheetStore } from './pledge-sheet.store.js';
import {
  ORGANIZATION_COPY_SYNC_TABLE,
  ORGANIZATION_COPY_TABLE,
  OrganizationCopyStore,
} from './organization-copy.store.js';

/** The stores over `db`: the DataSource for a request's reads, a transaction's EntityManager for a service. */
export function createStores(db: Queryable) {
  return {
    movements: new MovementStore(db),
    conferences: new ConferenceStore(db),
    pledges: new PledgeStore(db),
    pledgeProgress: new PledgeProgressStore(db),
    pledgeSheets: new PledgeSheetStore(db),
    pledgeDuties: new PledgeDutiesStore(db),
    organizationCopy: new OrganizationCopyStore(db),
    blocSummaries: new BlocSummaryStore(db),
    statisticalForm0601: new StatisticalForm0601Store(db),
  };
}

export type Stores = ReturnType<typeof createStores>;

/** Every table of the campaigns schema, by name (bulk loaders write with these column lists). */
export const CAMPAIGNS_TABLES = {
  movement: MOVEMENT_TABLE,
  movement_registration: MOVEMENT_REGISTRATION_TABLE,
  conference: CONFERENCE_TABLE,
  conference_delegate: CONFERENCE_DELEGATE_TABLE,
  pledge: PLEDGE_TABLE,
  pledge_item: PLEDGE_ITEM_TABLE,
  pledge_signature: PLEDGE_SIGNATURE_TABLE,
  progress_report: PROGRESS_REPORT_TABLE,
  scorecard: SCORECARD_TABLE,
  scorecard_item: SCORECARD_ITEM_TABLE,
  pledge_ranking: PLEDGE_RANKING_TABLE,
  bloc_vote: BLOC_VOTE_TABLE,
  pledge_cross_rotation: PLEDGE_CROSS_ROTATION_TABLE,
  pledge_deadline: PLEDGE_DEADLINE_TABLE,
  pledge_reminder: PLEDGE_REMINDER_TABLE,
  organization_copy: ORGANIZATION_COPY_TABLE,
  organization_copy_sync: ORGANIZATION_COPY_SYNC_TABLE,
  idempotency_key: IDEMPOTENCY_KEY_TABLE,
  audit_log: AUDIT_LOG_TABLE,
} as const satisfies Record<string, TableDescriptor>;

export { toPledge, PLEDGE_COLUMNS, type NewPledgeItem, type PledgeRow } from './pledge.store.js';
export type { NewDelegate } from './conference.store.js';
