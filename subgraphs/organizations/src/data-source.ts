import { auditLogTableMigration, createDatabase, idempotencyKeysMigration, type Database } from '@tdkt/subgraph-kit';
import { Organization } from './types/organization.types.js';
import { LineageEvent } from './types/lineage-event.types.js';
import { BlocMembership, EmulationBloc } from './types/bloc.types.js';
import { AnnualRating, Person } from './types/person.types.js';
import { InitialOrganizations1763700000000 } from './migrations/1763700000000-initial-organizations.js';
import { OrganizationTreeChanges1765000000000 } from './migrations/1765000000000-organization-tree-changes.js';
import { OrganizationRenameLog1765500000000 } from './migrations/1765500000000-organization-rename-log.js';

export const SUBGRAPH_NAME = 'organizations';
export const DATABASE_SCHEMA = 'organizations';

export function createOrganizationsDatabase(url: string, options: { poolSize?: number } = {}): Database {
  return createDatabase({
    subgraph: SUBGRAPH_NAME,
    url,
    schema: DATABASE_SCHEMA,
    entities: [Organization, LineageEvent, EmulationBloc, BlocMembership, Person, AnnualRating],
    migrations: [
      InitialOrganizations1763700000000,
      // The kit's shared migrations keep the names these had here, so existing databases see them as applied.
      idempotencyKeysMigration(DATABASE_SCHEMA),
      auditLogTableMigration(DATABASE_SCHEMA),
      OrganizationTreeChanges1765000000000,
      OrganizationRenameLog1765500000000,
    ],
    poolSize: options.poolSize,
  });
}
