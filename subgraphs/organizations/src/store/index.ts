/** Every store of the subgraph over one connection, and the descriptors of every table it owns. */
import type { Queryable } from '@tdkt/subgraph-kit';
import { BLOC_MEMBERSHIP_TABLE, BLOC_TABLE, BlocStore } from './bloc.store.js';
import { BlocAdminStore } from './bloc-admin.store.js';
import { LINEAGE_EVENT_TABLE, LINEAGE_PARTICIPANT_TABLE, LineageStore } from './lineage.store.js';
import { ORGANIZATION_TABLE, OrganizationStore } from './organization.store.js';
import { ORGANIZATION_TREE_CHANGE_TABLE, OrganizationTreeStore } from './organization-tree.store.js';
import { ANNUAL_RATING_TABLE, PERSON_TABLE, PersonStore } from './person.store.js';
import { SEED_MARKER_TABLE, SeedStore } from './seed.store.js';

export function createStores(db: Queryable) {
  return {
    organizations: new OrganizationStore(db),
    lineage: new LineageStore(db),
    organizationTree: new OrganizationTreeStore(db),
    blocs: new BlocStore(db),
    blocAdmin: new BlocAdminStore(db),
    persons: new PersonStore(db),
    seed: new SeedStore(db),
  };
}

export type Stores = ReturnType<typeof createStores>;

/** Every table of the organizations schema this subgraph's migrations create, by table name. */
export const ORGANIZATIONS_TABLES = {
  organization: ORGANIZATION_TABLE,
  lineage_event: LINEAGE_EVENT_TABLE,
  lineage_participant: LINEAGE_PARTICIPANT_TABLE,
  bloc: BLOC_TABLE,
  bloc_membership: BLOC_MEMBERSHIP_TABLE,
  person: PERSON_TABLE,
  seed_marker: SEED_MARKER_TABLE,
  annual_rating: ANNUAL_RATING_TABLE,
  organization_tree_change: ORGANIZATION_TREE_CHANGE_TABLE,
} as const;
