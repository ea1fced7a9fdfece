/** The per-request context of the organizations subgraph: verified caller, loaders, scope checks. */
import type { DataSource } from 'typeorm';
import type { InternalContext } from '@tdkt/identity';
import { forbidden, requireSignedIn, scopeReachesDescendants, type RequestContext } from '@tdkt/subgraph-kit';
import { createLoaders, type Loaders } from './loaders/loaders.js';

export interface OrganizationsContext extends RequestContext {
  db: DataSource;
  loaders: Loaders;
}

export function buildContext(db: DataSource, identity: InternalContext): OrganizationsContext {
  return { ...identity, db, loaders: createLoaders(db) };
}

/** The caller's own organization id, or null (public, central board, or an unknown org claim). */
async function callerOrganizationId(context: OrganizationsContext): Promise<string | null> {
  if (!context.caller.org) return null;
  return (await context.loaders.organizationByCode.load(context.caller.org))?.id ?? null;
}

/** True when `organizationId` is the caller's organization or one of the units under it. */
export async function isInCallerSubtree(context: OrganizationsContext, organizationId: string): Promise<boolean> {
  const own = await callerOrganizationId(context);
  if (!own) return false;
  if (own === organizationId) return true;
  if (!scopeReachesDescendants(context)) return false;
  return (await context.loaders.ancestorIdsById.load(organizationId)).includes(own);
}

/** True when `organizationId` is `rootId` or lies under it. */
export async function isInSubtreeOf(context: OrganizationsContext, organizationId: string, rootId: string): Promise<boolean> {
  return organizationId === rootId || (await context.loaders.ancestorIdsById.load(organizationId)).includes(rootId);
}

/**
 * Changing a unit itself (its name, kind, validity, lineage): the Central Board, or an ORG_OFFICER of a
 * unit strictly above it. An officer never redefines or dissolves its own organization.
 */
export async function requireActForDescendant(context: OrganizationsContext, organizationId: string, action: string): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  const own = await callerOrganizationId(context);
  if (context.caller.role === 'ORG_OFFICER' && own && own !== organizationId && scopeReachesDescendants(context) && (await context.loaders.ancestorIdsById.load(organizationId)).includes(own)) return;
  if (context.caller.role === 'ORG_OFFICER') {
    throw forbidden(`Cán bộ của ${context.caller.org} chỉ được ${action} đối với các đơn vị trực thuộc, không phải chính đơn vị mình hay đơn vị ngoài phạm vi.`);
  }
  throw forbidden(`Vai trò ${context.caller.role} không được phép ${action}.`);
}

/** Non-public data of a unit: the Central Board, or staff (any role) of that unit's subtree. */
export async function canSeePrivateDataOf(context: OrganizationsContext, organizationId: string): Promise<boolean> {
  if (context.caller.role === 'CENTRAL_BOARD') return true;
  if (context.caller.role === 'VIEWER' || context.caller.role === 'ORG_OFFICER') return isInCallerSubtree(context, organizationId);
  return false;
}

/** Acting for a unit: the Central Board, or an ORG_OFFICER of that unit's subtree. */
export async function requireActFor(context: OrganizationsContext, organizationId: string, action: string): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  if (context.caller.role === 'ORG_OFFICER' && (await isInCallerSubtree(context, organizationId))) return;
  if (context.caller.role === 'ORG_OFFICER') {
    throw forbidden(`Cán bộ của ${context.caller.org} chỉ được ${action} cho đơn vị mình và các đơn vị trực thuộc.`);
  }
  throw forbidden(`Vai trò ${context.caller.role} không được phép ${action}.`);
}

export function requireCentralBoard(context: OrganizationsContext, action: string): void {
  requireSignedIn(context);
  if (context.caller.role !== 'CENTRAL_BOARD') throw forbidden(`Chỉ Ban Thi đua – Khen thưởng Trung ương được ${action}.`);
}
