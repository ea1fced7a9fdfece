/**
 * Who may act for, and read the non-public data of, an organization: the Central Board everywhere;
 * an ORG_OFFICER for its own unit and the units under it; staff of an issuing body (CP, CTN, QH) for
 * that body only (see ISSUING_AUTHORITY_CODES). The same rule in every subgraph.
 *
 * Withheld data is never disguised as empty data. A field or root query whose value the caller may
 * not see answers null with a FORBIDDEN error on that field's path (`withheld` below), the rest of the
 * response intact; an empty list, a null or a zero then always means "there is nothing". Where this
 * happens:
 *
 * - organizations: Person.gender, birthYear, ethnicity, position, isDirectWorker, annualRatings
 *   (the Central Board and staff of the person's unit subtree);
 * - campaigns: Pledge.progress, progressHistory, scorecards, BlocPledgeSummary.averageProgress and
 *   completionRate (the Central Board and staff of the bloc's members that year); a DRAFT pledge through
 *   Query.pledge, EmulationBloc.pledge and BlocPledgeSummary.pledge (the same people, until the lead
 *   opens it for signature); ConferenceDelegate.gender, ethnicity, birthYear, ageBand, isDirectWorker
 *   (the Central Board and staff of the host's subtree);
 * - awards: Query.nomination (the Central Board and staff of the proposing unit's subtree),
 *   Person.eligibility (needs the annual ratings, so the same people as Person.annualRatings).
 *
 * Lists where only some items are hidden keep the visible items and leave the others out, since a
 * list has no place for an error per missing item: Query.persons (the caller's own subtree; the Central
 * Board all), EmulationBloc.pledges (a DRAFT pledge only for the people above), Movement.registrations
 * (a DRAFT registration only for the Central Board, the launcher's and the registrant's staff).
 */
import type { GraphQLError } from 'graphql';
import { ROLE_NAMES } from '@tdkt/identity';
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
  throw forbidden(`Tài khoản ${ROLE_NAMES[context.caller.role]} không được phép ${action}.`);
}

/**
 * The error of a withheld field: what it is, who may see it, and why this caller is not among them,
 * e.g. "Tiến độ giao ước chỉ Ban Thi đua – Khen thưởng Trung ương và cán bộ các đơn vị thành viên của
 * khối trong năm đó được xem; cán bộ của Bộ Y tế không thuộc phạm vi này."
 */
export async function withheld(context: ScopedContext, what: string, whoMay: string): Promise<GraphQLError> {
  if (!context.caller.role) {
    return forbidden(`${what} không công khai: chỉ ${whoMay} được xem, sau khi đăng nhập.`);
  }
  const own = await context.callerOrganization();
  const caller = own ? `cán bộ của ${own.name}` : 'tài khoản này không gắn với đơn vị nào trong danh mục nên';
  return forbidden(`${what} chỉ ${whoMay} được xem; ${caller} không thuộc phạm vi này.`);
}

/** Non-public data of a unit: the Central Board, or staff (any role) of that unit's subtree. */
export async function canSeePrivateDataOf(context: ScopedContext, unit: UnitInScope): Promise<boolean> {
  if (context.caller.role === 'CENTRAL_BOARD') return true;
  if (context.caller.role === 'VIEWER' || context.caller.role === 'ORG_OFFICER')
    return isInCallerSubtree(context, unit);
  return false;
}
