import { createDatabase, type Database } from '@tdkt/subgraph-kit';
import { Organization } from './entities/organization.entity.js';
import { LineageEvent } from './entities/lineage-event.entity.js';
import { BlocMembership, EmulationBloc } from './entities/bloc.entity.js';
import { AnnualRating, Person } from './entities/person.entity.js';
import { InitialOrganizations1763700000000 } from './migrations/1763700000000-initial-organizations.js';
import { IdempotencyKeys1764400000000 } from './migrations/1764400000000-idempotency-keys.js';
import { AuditLog1764900000000 } from './migrations/1764900000000-audit-log.js';
import { OrganizationTreeChanges1765000000000 } from './migrations/1765000000000-organization-tree-changes.js';

export const SUBGRAPH_NAME = 'organizations';
export const DATABASE_SCHEMA = 'organizations';

export function createOrganizationsDatabase(url: string, options: { poolSize?: number } = {}): Database {
  return createDatabase({
    subgraph: SUBGRAPH_NAME,
    url,
    schema: DATABASE_SCHEMA,
    entities: [Organization, LineageEvent, EmulationBloc, BlocMembership, Person, AnnualRating],
    migrations: [InitialOrganizations1763700000000, IdempotencyKeys1764400000000, AuditLog1764900000000, OrganizationTreeChanges1765000000000],
    poolSize: options.poolSize,
  });
}
