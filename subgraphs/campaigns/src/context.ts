/** Per-request context of the campaigns subgraph: caller, loaders, the organizations directory, rights. */
import type { DataSource } from 'typeorm';
import type { InternalContext } from '@tdkt/identity';
import { forbidden, requireSignedIn, scopeReachesDescendants, type RequestContext, type SubgraphClient } from '@tdkt/subgraph-kit';
import { createOrganizationsDirectory, type DirectoryOrganization, type OrganizationsDirectory } from '@tdkt/subgraph-kit';
import { createLoaders, type Loaders } from './loaders/loaders.js';

export interface CampaignsContext extends RequestContext {
  db: DataSource;
  loaders: Loaders;
  organizations: OrganizationsDirectory;
  /** The organizations subgraph itself, for lists the directory does not batch (blocs of a year, subtrees). */
  organizationsClient: SubgraphClient;
}

export function buildContext(db: DataSource, organizationsClient: SubgraphClient, identity: InternalContext): CampaignsContext {
  return { ...identity, db, loaders: createLoaders(db), organizations: createOrganizationsDirectory(organizationsClient, identity.internalToken), organizationsClient };
}

/** The caller's own organization (null for the public, the Central Board, or an unknown claim). */
export async function callerOrganization(context: CampaignsContext): Promise<DirectoryOrganization | null> {
  return context.caller.org ? context.organizations.organizationByCode.load(context.caller.org) : null;
}

/** True when `unit` is the caller's organization or lies under it. */
export async function isInCallerSubtree(context: CampaignsContext, unit: DirectoryOrganization): Promise<boolean> {
  const own = await callerOrganization(context);
  return !!own && (own.id === unit.id || (scopeReachesDescendants(context) && unit.ancestorIds.includes(own.id)));
}

/** Acting for a unit: the Central Board, or an ORG_OFFICER of that unit's subtree. */
export async function requireActFor(context: CampaignsContext, unit: DirectoryOrganization, action: string): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  if (context.caller.role === 'ORG_OFFICER' && (await isInCallerSubtree(context, unit))) return;
  if (context.caller.role === 'ORG_OFFICER') throw forbidden(`Cán bộ của ${context.caller.org} không được ${action} thay cho ${unit.name}.`);
  throw forbidden(`Vai trò ${context.caller.role} không được phép ${action}.`);
}
