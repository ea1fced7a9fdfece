/** What every subgraph resolver knows about the request, and the role checks built on it. */
import { ROLE_NAMES, type Caller, type Role } from '@tdkt/identity';
import { forbidden, unauthenticated } from './errors.js';

export interface RequestContext {
  caller: Caller;
  requestId: string;
  /** The gateway's token for this request, to forward when calling another subgraph as this caller. */
  internalToken: string;
}

/** Every mutation needs a token (contract: no token = public read only). */
export function requireSignedIn(
  context: RequestContext,
): asserts context is RequestContext & { caller: Caller & { role: Role } } {
  if (!context.caller.role) throw unauthenticated('Cần đăng nhập để thực hiện thao tác này.');
}

export function requireRole(context: RequestContext, roles: readonly Role[], action: string): void {
  requireSignedIn(context);
  if (!roles.includes(context.caller.role!)) {
    throw forbidden(`Tài khoản ${ROLE_NAMES[context.caller.role!]} không được phép ${action}.`, {
      requiredRoles: roles,
    });
  }
}

export function isCentralBoard(context: RequestContext): boolean {
  return context.caller.role === 'CENTRAL_BOARD';
}

/**
 * Organizations whose staff act for the body itself only, not for the units under it in the tree.
 * The contract names CP as the issuer of the Prime Minister's decisions and CTN of the President's
 * (QH likewise heads its own apparatus). The ministries, agencies and provinces under them each have
 * their own emulation council and officers (Luật TĐKT 2022, Art. 77–80 on the powers to decide), so a
 * CP token is not a key to every ministry: acting or reading there is theirs, or the Central Board's.
 */
export const ISSUING_AUTHORITY_CODES: ReadonlySet<string> = new Set(['CP', 'CTN', 'QH']);

/** True when the caller's scope (own organization subtree) reaches below its own organization. */
export function scopeReachesDescendants(context: RequestContext): boolean {
  return !!context.caller.org && !ISSUING_AUTHORITY_CODES.has(context.caller.org);
}
