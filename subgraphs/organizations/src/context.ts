/** The per-request context of the organizations subgraph: verified caller, stores, loaders, scope checks. */
import type { DataSource } from 'typeorm';
import { ROLE_NAMES, type InternalContext } from '@tdkt/identity';
import {
  canSeePrivateDataOf as canSeePrivateDataOfUnit,
  forbidden,
  officerOutOfScope,
  requireActFor as requireActForUnit,
  requireSignedIn,
  scopeReachesDescendants,
  type ScopedContext,
  type UnitInScope,
} from '@tdkt/subgraph-kit';
import { createLoaders, type Loaders } from './loaders/index.js';
import { createStores, type Stores } from './store/index.js';

export interface OrganizationsContext extends ScopedContext {
  db: DataSource;
  stores: Stores;
  loaders: Loaders;
}

export function buildContext(db: DataSource, identity: InternalContext): OrganizationsContext {
  const stores = createStores(db);
  const loaders = createLoaders(stores);
  return {
    ...identity,
    db,
    stores,
    loaders,
    // The caller's own organization id, or null (public, central board, or an unknown org claim).
    callerOrganizationId: async () => {
      if (!identity.caller.org) return null;
      return (await loaders.organizationByCode.load(identity.caller.org))?.id ?? null;
    },
    callerOrganization: async () =>
      identity.caller.org ? await loaders.organizationByCode.load(identity.caller.org) : null,
  };
}

/** A unit as the kit's scope checks see it, its ancestors from the per-request loader. */
async function unitInScope(context: OrganizationsContext, unit: { id: string; name: string }): Promise<UnitInScope> {
  return { id: unit.id, name: unit.name, ancestorIds: await context.loaders.ancestorIdsById.load(unit.id) };
}

/** True when `organizationId` is `rootId` or lies under it. */
export async function isInSubtreeOf(
  context: OrganizationsContext,
  organizationId: string,
  rootId: string,
): Promise<boolean> {
  return organizationId === rootId || (await context.loaders.ancestorIdsById.load(organizationId)).includes(rootId);
}

/**
 * Changing a unit itself (its name, kind, validity, lineage): the Central Board, or an ORG_OFFICER of a
 * unit strictly above it. An officer never redefines or dissolves its own organization.
 */
export async function requireActForDescendant(
  context: OrganizationsContext,
  organizationId: string,
  action: string,
): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  const own = await context.callerOrganizationId();
  if (
    context.caller.role === 'ORG_OFFICER' &&
    own &&
    own !== organizationId &&
    scopeReachesDescendants(context) &&
    (await context.loaders.ancestorIdsById.load(organizationId)).includes(own)
  ) {
    return;
  }
  if (context.caller.role === 'ORG_OFFICER') {
    throw await officerOutOfScope(
      context,
      'đối với các đơn vị trực thuộc, không phải chính đơn vị mình hay đơn vị ngoài phạm vi',
      action,
    );
  }
  throw forbidden(`Tài khoản ${ROLE_NAMES[context.caller.role]} không được phép ${action}.`);
}

/**
 * Non-public data of a unit (the kit's rule): the Central Board, or staff of that unit's subtree. The
 * tree is read only for the staff roles, whose answer depends on it; the check never words a message,
 * so the unit needs no name.
 */
export async function canSeePrivateDataOf(context: OrganizationsContext, organizationId: string): Promise<boolean> {
  if (context.caller.role !== 'VIEWER' && context.caller.role !== 'ORG_OFFICER') {
    return canSeePrivateDataOfUnit(context, { id: organizationId, name: '', ancestorIds: [] });
  }
  return canSeePrivateDataOfUnit(context, await unitInScope(context, { id: organizationId, name: '' }));
}

/**
 * Acting for a unit (the kit's rule): the Central Board, or an ORG_OFFICER of that unit's subtree. Only
 * an officer's answer depends on the tree, so only then are the unit's ancestors read.
 */
export async function requireActFor(
  context: OrganizationsContext,
  unit: { id: string; name: string },
  action: string,
): Promise<void> {
  if (context.caller.role !== 'ORG_OFFICER') return requireActForUnit(context, { ...unit, ancestorIds: [] }, action);
  return requireActForUnit(context, await unitInScope(context, unit), action);
}

export function requireCentralBoard(context: OrganizationsContext, action: string): void {
  requireSignedIn(context);
  if (context.caller.role !== 'CENTRAL_BOARD')
    throw forbidden(`Chỉ Ban Thi đua – Khen thưởng Trung ương được ${action}.`);
}
