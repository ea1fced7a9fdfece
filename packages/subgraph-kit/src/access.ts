/**
 * Who may act for, and read the non-public data of, an organization: the Central Board everywhere;
 * an ORG_OFFICER for its own unit and the units under it; staff of an issuing body (CP, CTN, QH) for
 * that body only (see ISSUING_AUTHORITY_CODES). The same rule in every subgraph.
 */
import type { GraphQLError } from 'graphql';
import { forbidden } from './errors.js';
import { requireSignedIn, scopeReachesDescendants, type RequestContext } from './context.js';

/** The little of an organization that scope checks need. */
export interface UnitInScope {
  id: string;
  name: string;
  /** From the parent up to the root. */
  ancestorIds: readonly string[];
}

/** A context that can tell which organization the caller belongs to (null: public, Board, or unknown code). */
export interface ScopedContext extends RequestContext {
  callerOrganizationId(): Promise<string | null>;
  /**
   * The caller's organization with its name, from the same per-request cache as `callerOrganizationId`
   * (no further query): refusals name units as officers know them, never by their internal code.
   */
  callerOrganization(): Promise<{ id: string; name: string } | null>;
}

/**
 * The refusal of an officer who may not act where asked, naming units as officers know them: "Cán bộ
 * của Bộ Y tế chỉ được …". A token whose organization claim matches no unit is told so, without the code.
 */
export async function officerOutOfScope(context: ScopedContext, scope: string, action: string): Promise<GraphQLError> {
  const own = await context.callerOrganization();
  if (!own) return forbidden(`Tài khoản này không gắn với đơn vị nào trong danh mục nên không được ${action}.`);
  return forbidden(`Cán bộ của ${own.name} chỉ được ${action} ${scope}.`);
}

/** True when `unit` is the caller's organization or lies under it. */
export async function isInCallerSubtree(context: ScopedContext, unit: UnitInScope): Promise<boolean> {
  const own = await context.callerOrganizationId();
  if (!own) return false;
  return own === unit.id || (scopeReachesDescendants(context) && unit.ancestorIds.includes(own));
}

/** Acting for a unit: the Central Board, or an ORG_OFFICER of that unit's subtree. */
export async function requireActFor(context: ScopedContext, unit: UnitInScope, action: string): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  if (context.caller.role === 'ORG_OFFICER' && (await isInCallerSubtree(context, unit))) return;
  if (context.caller.role === 'ORG_OFFICER') {
    throw await officerOutOfScope(context, `cho đơn vị mình và các đơn vị trực thuộc, không cho ${unit.name}`, action);
  }
  throw forbidden(`Vai trò ${context.caller.role} không được phép ${action}.`);
}

/** Non-public data of a unit: the Central Board, or staff (any role) of that unit's subtree. */
export async function canSeePrivateDataOf(context: ScopedContext, unit: UnitInScope): Promise<boolean> {
  if (context.caller.role === 'CENTRAL_BOARD') return true;
  if (context.caller.role === 'VIEWER' || context.caller.role === 'ORG_OFFICER')
    return isInCallerSubtree(context, unit);
  return false;
}
