/**
 * Routing a nomination by level (rules/nomination-routing.rule.ts): the route from the proposer to the
 * deciding authority, who holds the file, forwarding it one stop up, and the read-only rule below the
 * holder. Every step is recorded with the levels it moved between.
 */
import {
  auditedTransaction,
  conflict,
  forbidden,
  isUuid,
  notFound,
  requireSignedIn,
  type DirectoryOrganization,
} from '@tdkt/subgraph-kit';
import {
  LEVEL_LABELS,
  authorityOfIssuer,
  forward,
  isForwarded,
  routeFor,
  type RouteStop,
  type RoutingCaller,
} from '../rules/index.js';
import type { AwardsContext } from '../context.js';
import { createStores } from '../store/index.js';
import { toNomination, type NominationRow } from '../store/nomination.store.js';
import type { Nomination } from '../types/nomination.types.js';
import { actorOf, lockNomination } from './nomination.service.js';

const isMinistryOrProvince = (kind: string) => authorityOfIssuer(kind) === 'MINISTRY_OR_PROVINCE_HEAD';

/** The route of a file proposed by `proposer`: its ministry or province is its nearest such ancestor. */
export async function routeOfProposer(
  context: AwardsContext,
  proposer: DirectoryOrganization,
  awardTypeCode: string,
): Promise<RouteStop[]> {
  let ministryOrProvinceId: string | null = null;
  if (!isMinistryOrProvince(proposer.kind)) {
    const ancestors = await Promise.all(
      proposer.ancestorIds.map((id) => context.organizations.organizationById.load(id)),
    );
    ministryOrProvinceId = ancestors.find((unit) => unit && isMinistryOrProvince(unit.kind))?.id ?? null;
  }
  return routeFor({
    awardTypeCode,
    proposerId: proposer.id,
    proposerIsMinistryOrProvince: isMinistryOrProvince(proposer.kind),
    ministryOrProvinceId,
  });
}

/** The stored route, or (a row written before routing) the route computed now. */
export async function routeOf(context: AwardsContext, row: NominationRow): Promise<RouteStop[]> {
  if (row.route) return row.route;
  const proposer = await context.organizations.organizationById.load(row.proposedByOrganizationId);
  if (!proposer) throw notFound('Không tìm thấy đơn vị trình hồ sơ.');
  return routeOfProposer(context, proposer, row.awardTypeCode);
}

/** Which stop of `route` holds the row: its index once routed, else the stop of its holder's unit. */
export function holderIndexOf(route: readonly RouteStop[], row: NominationRow): number {
  if (row.route) return row.holderIndex;
  const found = route.findIndex(
    (stop) => stop.organizationId !== null && stop.organizationId === row.holderOrganizationId,
  );
  return Math.max(0, found);
}

export async function routingCaller(context: AwardsContext): Promise<RoutingCaller> {
  return { role: context.caller.role, organizationId: await context.callerOrganizationId() };
}

/** A file forwarded past its first receiving stop is read-only below the holder: only the Central Board still acts. */
export function requireNotBelowHolder(context: AwardsContext, route: readonly RouteStop[], index: number): void {
  if (context.caller.role === 'CENTRAL_BOARD' || !isForwarded(index)) return;
  throw forbidden(
    `Hồ sơ đã được chuyển lên ${LEVEL_LABELS[route[index]!.level]}; các cấp dưới chỉ xem, không thay đổi được hồ sơ.`,
  );
}

export async function forwardNomination(
  context: AwardsContext,
  id: string,
  reason: string | null,
): Promise<Nomination> {
  requireSignedIn(context);
  if (!isUuid(id)) throw notFound('Không tìm thấy hồ sơ đề nghị này.', { field: 'id' });
  const current = await context.stores.nominations.byId(id);
  if (!current) throw notFound('Không tìm thấy hồ sơ đề nghị này.', { field: 'id' });
  const route = await routeOf(context, current);
  const caller = await routingCaller(context);
  const row = await auditedTransaction(context.db, context, 'forwardNomination', async (manager, audit) => {
    const { nominations } = createStores(manager);
    const locked = await lockNomination(nominations, id);
    const index = holderIndexOf(route, locked);
    const step = forward(route, index, locked.status, locked.eligibility.eligible, caller);
    if ('refused' in step)
      throw step.code === 'FORBIDDEN'
        ? forbidden(step.refused)
        : conflict(step.refused, { status: locked.status, holderLevel: route[index]?.level });
    const before = await audit.snapshot('nomination', id);
    await nominations.setHolder(id, route, step.to);
    await nominations.recordEvent(id, locked.status, locked.status, actorOf(context), reason, {
      from: route[index]!.level,
      to: route[step.to]!.level,
    });
    await audit.recordRow('Nomination', 'nomination', id, before);
    return lockNomination(nominations, id);
  });
  return toNomination(row);
}
