/** Per-request context of the awards subgraph: caller, loaders, the organizations directory, rights. */
import type { DataSource } from 'typeorm';
import type { InternalContext } from '@tdkt/identity';
import { createOrganizationsDirectory, forbidden, requireSignedIn, scopeReachesDescendants, type DirectoryOrganization, type OrganizationsDirectory, type RequestContext, type SubgraphClient } from '@tdkt/subgraph-kit';
import { createAwardLoaders, type AwardLoaders } from './loaders/award.loaders.js';

export interface AwardsContext extends RequestContext {
  db: DataSource;
  loaders: AwardLoaders;
  organizations: OrganizationsDirectory;
  /** The campaigns subgraph (leading units of blocs), asked on behalf of the caller. */
  campaigns: SubgraphClient;
  /** The organizations subgraph itself, for questions the directory does not batch (the tree log, statistics scopes). */
  organizationsClient: SubgraphClient;
}

export function buildContext(db: DataSource, clients: { organizations: SubgraphClient; campaigns: SubgraphClient }, identity: InternalContext): AwardsContext {
  return {
    ...identity,
    db,
    loaders: createAwardLoaders(db),
    organizations: createOrganizationsDirectory(clients.organizations, identity.internalToken),
    campaigns: clients.campaigns,
    organizationsClient: clients.organizations,
  };
}

export async function isInCallerSubtree(context: AwardsContext, unit: DirectoryOrganization): Promise<boolean> {
  const own = context.caller.org ? await context.organizations.organizationByCode.load(context.caller.org) : null;
  return !!own && (own.id === unit.id || (scopeReachesDescendants(context) && unit.ancestorIds.includes(own.id)));
}

/** Acting for a unit: the Central Board, or an ORG_OFFICER of that unit's subtree. */
export async function requireActFor(context: AwardsContext, unit: DirectoryOrganization, action: string): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  if (context.caller.role === 'ORG_OFFICER' && (await isInCallerSubtree(context, unit))) return;
  if (context.caller.role === 'ORG_OFFICER') throw forbidden(`Cán bộ của ${context.caller.org} không được ${action} cho ${unit.name}.`);
  throw forbidden(`Vai trò ${context.caller.role} không được phép ${action}.`);
}
