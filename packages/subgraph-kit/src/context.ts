/** What every subgraph resolver knows about the request, and the role checks built on it. */
import type { Caller, Role } from '@tdkt/identity';
import { forbidden, unauthenticated } from './errors.js';

export interface RequestContext {
  caller: Caller;
  requestId: string;
  /** The gateway's token for this request, to forward when calling another subgraph as this caller. */
  internalToken: string;
}

/** Every mutation needs a token (contract: no token = public read only). */
export function requireSignedIn(context: RequestContext): asserts context is RequestContext & { caller: Caller & { role: Role } } {
  if (!context.caller.role) throw unauthenticated('Cần đăng nhập để thực hiện thao tác này.');
}

export function requireRole(context: RequestContext, roles: readonly Role[], action: string): void {
  requireSignedIn(context);
  if (!roles.includes(context.caller.role!)) {
    throw forbidden(`Vai trò ${context.caller.role} không được phép ${action}.`, { requiredRoles: roles });
  }
}

export function isCentralBoard(context: RequestContext): boolean {
  return context.caller.role === 'CENTRAL_BOARD';
}
