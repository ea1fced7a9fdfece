/**
 * Where a nomination travels and who holds it now (hồ sơ đang ở cấp nào): the proposing unit → its
 * ministry or province → the Central Board, which appraises it (thẩm định, Ban TĐKT TW of Bộ Nội vụ) →
 * the Prime Minister → the President, as far as the award's deciding authority (Luật TĐKT 2022 Arts
 * 77–80, rules/authority.rule.ts). Orders, medals and state titles are decided by
 * the President on the Prime Minister's submission; Cờ thi đua CP, CSTĐ toàn quốc and Bằng khen TTg by
 * the Prime Minister after the Central Board's appraisal (QĐ 311/QĐ-BNV 2025); titles of a ministry or
 * province by its head; base-level titles by the unit's head (Art 80).
 *
 * Submitting hands the file to the next stop; the holder forwards it one stop up or returns it one stop
 * down with a reason. Once it has gone past the first stop that received it, every level below the
 * holder only reads it (a forwarded file is read-only below): only the holder — at the national stops,
 * the Central Board, which keeps the Prime Minister's and the President's files — acts on it.
 */
import { findAwardType, type AuthorityKind } from '../catalogue/award-types.js';
import type { NominationStatus } from './nomination-workflow.rule.js';

export type RoutingLevel = 'UNIT' | 'MINISTRY_OR_PROVINCE' | 'CENTRAL_BOARD' | 'PRIME_MINISTER' | 'PRESIDENT';

export const ROUTING_LEVELS: readonly RoutingLevel[] = [
  'UNIT',
  'MINISTRY_OR_PROVINCE',
  'CENTRAL_BOARD',
  'PRIME_MINISTER',
  'PRESIDENT',
];

/** The stops held by the Central Board on behalf of the national level. */
export const NATIONAL_LEVELS: readonly RoutingLevel[] = ['CENTRAL_BOARD', 'PRIME_MINISTER', 'PRESIDENT'];

export const LEVEL_LABELS: Readonly<Record<RoutingLevel, string>> = {
  UNIT: 'đơn vị trình',
  MINISTRY_OR_PROVINCE: 'bộ, ban, ngành, tỉnh',
  CENTRAL_BOARD: 'Ban Thi đua – Khen thưởng Trung ương (thẩm định)',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  PRESIDENT: 'Chủ tịch nước',
};

export interface RouteStop {
  level: RoutingLevel;
  /** The unit that holds the file at this stop; null at the national stops (the Central Board's queue). */
  organizationId: string | null;
}

/** The level whose head decides an award (Law Arts 77–80). */
export function decidingLevel(authority: AuthorityKind): RoutingLevel {
  switch (authority) {
    case 'PRESIDENT':
      return 'PRESIDENT';
    case 'PRIME_MINISTER':
      return 'PRIME_MINISTER';
    case 'MINISTRY_OR_PROVINCE_HEAD':
      return 'MINISTRY_OR_PROVINCE';
    default:
      return 'UNIT';
  }
}

export interface RouteInput {
  awardTypeCode: string;
  proposerId: string;
  /** The proposer is itself a ministry, central body or province (its head decides at that level). */
  proposerIsMinistryOrProvince: boolean;
  /** The ministry or province the proposer belongs to (nearest such ancestor), if any. */
  ministryOrProvinceId: string | null;
}

/** The stops from the proposer up to the deciding authority; the first stop is the proposer's. */
export function routeFor(input: RouteInput): RouteStop[] {
  const type = findAwardType(input.awardTypeCode);
  const top = ROUTING_LEVELS.indexOf(decidingLevel(type?.decidingAuthority ?? 'UNIT_HEAD'));
  const stops: RouteStop[] = [];
  if (input.proposerIsMinistryOrProvince)
    stops.push({ level: 'MINISTRY_OR_PROVINCE', organizationId: input.proposerId });
  else {
    stops.push({ level: 'UNIT', organizationId: input.proposerId });
    if (top >= 1 && input.ministryOrProvinceId)
      stops.push({ level: 'MINISTRY_OR_PROVINCE', organizationId: input.ministryOrProvinceId });
  }
  for (const level of NATIONAL_LEVELS)
    if (ROUTING_LEVELS.indexOf(level) <= top) stops.push({ level, organizationId: null });
  return stops;
}

/** Where a submitted file goes: the stop after the proposer's (the proposer's own, when it decides). */
export function submittedHolder(route: readonly RouteStop[]): number {
  return Math.min(1, route.length - 1);
}

/** A file that went past the first stop that received it: read-only for every level below the holder. */
export function isForwarded(holderIndex: number): boolean {
  return holderIndex >= 2;
}

export interface RoutingCaller {
  role: string | null;
  organizationId: string | null;
}

/** The holder's own officers act at a unit's stop; the Central Board acts anywhere, and alone at national stops. */
export function actsAt(stop: RouteStop, caller: RoutingCaller): boolean {
  if (caller.role === 'CENTRAL_BOARD') return true;
  return caller.role === 'ORG_OFFICER' && stop.organizationId !== null && stop.organizationId === caller.organizationId;
}

export type RoutingRefusal = { refused: string; code: 'CONFLICT' | 'FORBIDDEN' };

const OPEN_FOR_FORWARD: readonly NominationStatus[] = ['SUBMITTED', 'COUNCIL_REVIEW', 'APPROVED'];

/**
 * Forwarding one stop up. The Central Board submits to the Prime Minister only a file it has appraised
 * (approved by the council) and that is not found ineligible: an ineligible file is returned, within 5
 * working days (QĐ 311/QĐ-BNV 2025).
 */
export function forward(
  route: readonly RouteStop[],
  holderIndex: number,
  status: NominationStatus,
  eligible: boolean | null,
  caller: RoutingCaller,
): { to: number } | RoutingRefusal {
  const stop = route[holderIndex];
  if (!stop) return { refused: 'Không xác định được cấp đang giữ hồ sơ.', code: 'CONFLICT' };
  if (!actsAt(stop, caller))
    return {
      refused: `Hồ sơ đang ở ${LEVEL_LABELS[stop.level]}; chỉ cấp đang giữ hồ sơ được chuyển tiếp.`,
      code: 'FORBIDDEN',
    };
  if (holderIndex >= route.length - 1)
    return {
      refused: `Hồ sơ đã ở cấp có thẩm quyền quyết định (${LEVEL_LABELS[stop.level]}); không chuyển lên nữa.`,
      code: 'CONFLICT',
    };
  if (!OPEN_FOR_FORWARD.includes(status))
    return { refused: 'Chỉ chuyển tiếp hồ sơ đã trình và đang được xét.', code: 'CONFLICT' };
  if (stop.level === 'CENTRAL_BOARD' && eligible === false)
    return {
      refused: 'Hồ sơ không đủ điều kiện: Ban TĐKT TW trả lại hồ sơ (trong 5 ngày làm việc), không trình lên.',
      code: 'CONFLICT',
    };
  if (stop.level === 'CENTRAL_BOARD' && status !== 'APPROVED')
    return { refused: 'Hồ sơ chưa được Hội đồng thông qua: thẩm định xong mới trình lên.', code: 'CONFLICT' };
  return { to: holderIndex + 1 };
}

/**
 * Returning one stop down, with a reason. Back at the proposer's stop the file is RETURNED (the state
 * machine's RETURN); higher up it stays in its state with the level below, which completes it and
 * forwards it again or returns it further down.
 */
export function returnOneLevel(holderIndex: number): { to: number; toProposer: boolean } {
  const to = Math.max(0, holderIndex - 1);
  return { to, toProposer: to === 0 };
}

/** What the holder does next with a file (the inbox's "next action"). */
export type NextAction = 'SUBMIT' | 'REVIEW' | 'FORWARD' | 'RETURN' | 'DECIDE';

export const NEXT_ACTION_LABELS: Readonly<Record<NextAction, string>> = {
  SUBMIT: 'Trình hồ sơ',
  REVIEW: 'Đưa ra Hội đồng xét',
  FORWARD: 'Chuyển lên cấp trên',
  RETURN: 'Trả lại hồ sơ',
  DECIDE: 'Trình ký quyết định',
};

export function nextAction(
  route: readonly RouteStop[],
  holderIndex: number,
  status: NominationStatus,
  eligible: boolean | null,
): NextAction | null {
  if (status === 'DRAFT' || status === 'RETURNED') return 'SUBMIT';
  if (!OPEN_FOR_FORWARD.includes(status)) return null;
  const atTop = holderIndex >= route.length - 1;
  if (eligible === false && holderIndex > 0) return 'RETURN';
  if (status === 'APPROVED') return atTop ? 'DECIDE' : 'FORWARD';
  return 'REVIEW';
}
