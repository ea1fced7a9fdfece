/** Per-request context of the awards subgraph: caller, stores, loaders, the organizations directory, scope. */
import type { DataSource } from 'typeorm';
import type { InternalContext } from '@tdkt/identity';
import {
  createOrganizationsDirectory,
  type OrganizationsDirectory,
  type ScopedContext,
  type SubgraphClient,
} from '@tdkt/subgraph-kit';
import { createLoaders, type AwardLoaders } from './loaders/index.js';
import { createStores, type AwardsStores } from './store/index.js';

export interface AwardsContext extends ScopedContext {
  db: DataSource;
  /** The stores over the DataSource (reads); a service builds its own over the transaction. */
  stores: AwardsStores;
  loaders: AwardLoaders;
  organizations: OrganizationsDirectory;
  /** The campaigns subgraph (leading units of blocs), asked on behalf of the caller. */
  campaigns: SubgraphClient;
  /** The organizations subgraph itself, for questions the directory does not batch (the tree log, statistics scopes). */
  organizationsClient: SubgraphClient;
}

export function buildContext(
  db: DataSource,
  clients: { organizations: SubgraphClient; campaigns: SubgraphClient },
  identity: InternalContext,
): AwardsContext {
  const stores = createStores(db);
  const organizations = createOrganizationsDirectory(clients.organizations, identity.internalToken);
  return {
    ...identity,
    db,
    stores,
    loaders: createLoaders(stores),
    organizations,
    campaigns: clients.campaigns,
    organizationsClient: clients.organizations,
    /** The caller's organization, found by its code through the directory (batched and cached per request). */
    async callerOrganizationId(): Promise<string | null> {
      const own = identity.caller.org ? await organizations.organizationByCode.load(identity.caller.org) : null;
      return own?.id ?? null;
    },
    async callerOrganization() {
      return identity.caller.org ? await organizations.organizationByCode.load(identity.caller.org) : null;
    },
  };
}
