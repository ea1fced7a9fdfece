/** Every store of the awards subgraph over one Queryable, and the descriptor of every awards table. */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import { AWARD_TYPE_TABLE, AwardTypeStore } from './award-type.store.js';
import { COUNCIL_VOTE_TABLE, CouncilVoteStore } from './council-vote.store.js';
import { DECISION_TABLE, DecisionStore } from './decision.store.js';
import { EXEMPLAR_GRANT_TABLE, EXEMPLAR_TABLE, ExemplarStore } from './exemplar.store.js';
import { AWARD_GRANT_TABLE, GrantStore } from './grant.store.js';
import {
  GRANT_INITIATIVE_TABLE,
  INITIATIVE_AUTHOR_TABLE,
  INITIATIVE_TABLE,
  InitiativeStore,
} from './initiative.store.js';
import { NOMINATION_EVENT_TABLE, NOMINATION_TABLE, NominationStore } from './nomination.store.js';
import { ORG_TREE_SYNC_TABLE, ORG_UNIT_TABLE, OrganizationTreeStore } from './organization-tree.store.js';
import {
  AWARD_GRANT_ROLLUP_PENDING_TABLE,
  AWARD_GRANT_ROLLUP_TABLE,
  AWARD_GRANT_SUBTREE_ROLLUP_TABLE,
  StatisticsStore,
} from './statistics.store.js';

export interface AwardsStores {
  awardTypes: AwardTypeStore;
  decisions: DecisionStore;
  grants: GrantStore;
  initiatives: InitiativeStore;
  nominations: NominationStore;
  councilVotes: CouncilVoteStore;
  exemplars: ExemplarStore;
  statistics: StatisticsStore;
  organizationTree: OrganizationTreeStore;
}

/** The readiness probe: the database answers a trivial statement. */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

export function createStores(db: Queryable): AwardsStores {
  return {
    awardTypes: new AwardTypeStore(db),
    decisions: new DecisionStore(db),
    grants: new GrantStore(db),
    initiatives: new InitiativeStore(db),
    nominations: new NominationStore(db),
    councilVotes: new CouncilVoteStore(db),
    exemplars: new ExemplarStore(db),
    statistics: new StatisticsStore(db),
    organizationTree: new OrganizationTreeStore(db),
  };
}

/** Written by the kit (idempotency.ts), created by its idempotencyKeysMigration. */
export const IDEMPOTENCY_KEY_TABLE: TableDescriptor = defineTable('awards', 'idempotency_key', [
  'subject',
  'key',
  'request_hash',
  'response',
  'created_at',
  'completed_at',
]);

/** Written by the kit (audit.ts), created by its auditLogTableMigration. */
export const AUDIT_LOG_TABLE: TableDescriptor = defineTable('awards', 'audit_log', [
  'id',
  'at',
  'request_id',
  'actor_subject',
  'actor_role',
  'actor_organization_code',
  'operation',
  'entity_type',
  'entity_id',
  'before',
  'after',
]);

/** Every table of the awards schema, by name (seed-scale's COPY writes with these column lists). */
export const AWARDS_TABLES = {
  award_type: AWARD_TYPE_TABLE,
  decision: DECISION_TABLE,
  award_grant: AWARD_GRANT_TABLE,
  initiative: INITIATIVE_TABLE,
  initiative_author: INITIATIVE_AUTHOR_TABLE,
  grant_initiative: GRANT_INITIATIVE_TABLE,
  nomination: NOMINATION_TABLE,
  nomination_event: NOMINATION_EVENT_TABLE,
  council_vote: COUNCIL_VOTE_TABLE,
  exemplar: EXEMPLAR_TABLE,
  exemplar_grant: EXEMPLAR_GRANT_TABLE,
  idempotency_key: IDEMPOTENCY_KEY_TABLE,
  audit_log: AUDIT_LOG_TABLE,
  org_unit: ORG_UNIT_TABLE,
  org_tree_sync: ORG_TREE_SYNC_TABLE,
  award_grant_rollup: AWARD_GRANT_ROLLUP_TABLE,
  award_grant_subtree_rollup: AWARD_GRANT_SUBTREE_ROLLUP_TABLE,
  award_grant_rollup_pending: AWARD_GRANT_ROLLUP_PENDING_TABLE,
} as const satisfies Record<string, TableDescriptor>;

export { AWARD_TYPE_TABLE, AwardTypeStore } from './award-type.store.js';
export { COUNCIL_VOTE_TABLE, CouncilVoteStore } from './council-vote.store.js';
export { DECISION_TABLE, DecisionStore } from './decision.store.js';
export { EXEMPLAR_GRANT_TABLE, EXEMPLAR_TABLE, ExemplarStore } from './exemplar.store.js';
export { AWARD_GRANT_TABLE, GrantStore } from './grant.store.js';
export {
  GRANT_INITIATIVE_TABLE,
  INITIATIVE_AUTHOR_TABLE,
  INITIATIVE_TABLE,
  InitiativeStore,
} from './initiative.store.js';
export { NOMINATION_EVENT_TABLE, NOMINATION_TABLE, NominationStore } from './nomination.store.js';
export { ORG_TREE_SYNC_TABLE, ORG_UNIT_TABLE, OrganizationTreeStore } from './organization-tree.store.js';
export {
  AWARD_GRANT_ROLLUP_PENDING_TABLE,
  AWARD_GRANT_ROLLUP_TABLE,
  AWARD_GRANT_SUBTREE_ROLLUP_TABLE,
  StatisticsStore,
} from './statistics.store.js';
