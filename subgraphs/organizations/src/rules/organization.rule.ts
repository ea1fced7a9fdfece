/**
 * Pure decisions about organizations: no framework, no database; plain data in, verdict out.
 */
import { OrganizationKind, OrganizationLevel } from './values.js';

const CENTRAL_KINDS = new Set<OrganizationKind>([
  OrganizationKind.MINISTRY,
  OrganizationKind.MINISTERIAL_AGENCY,
  OrganizationKind.GOVERNMENT_AGENCY,
  OrganizationKind.COURT,
  OrganizationKind.PROCURACY,
  OrganizationKind.STATE_AUDIT,
  OrganizationKind.STATE_LEADERSHIP,
]);

/**
 * The administrative tier of a new unit when the caller does not say: territorial kinds fix it
 * (two-tier local government from 2025-07-01, Nghị quyết 202/2025/QH15); a unit under a parent sits
 * at its parent's tier (a sở of a province is provincial; a school of a commune is communal); a
 * central kind without parent is central.
 */
export function deriveLevel(kind: OrganizationKind, parentLevel: OrganizationLevel | null): OrganizationLevel {
  if (kind === OrganizationKind.PROVINCE || kind === OrganizationKind.CENTRAL_CITY) return OrganizationLevel.PROVINCIAL;
  if (kind === OrganizationKind.DISTRICT) return OrganizationLevel.DISTRICT;
  if (kind === OrganizationKind.COMMUNE || kind === OrganizationKind.WARD || kind === OrganizationKind.SPECIAL_ZONE)
    return OrganizationLevel.COMMUNE;
  if (parentLevel) return parentLevel;
  if (CENTRAL_KINDS.has(kind)) return OrganizationLevel.CENTRAL;
  return OrganizationLevel.CENTRAL;
}

export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

/** True when the unit existed on that day (ISO dates compare as strings). */
export function isValidOn(unit: Validity, day: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= day) && (unit.validTo === null || unit.validTo >= day);
}

/** True when the unit existed on at least one day of the year. */
export function isValidInYear(unit: Validity, year: number): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= `${year}-12-31`) &&
    (unit.validTo === null || unit.validTo >= `${year}-01-01`)
  );
}

export function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

export const ORGANIZATION_CODE = /^[A-Z0-9][A-Z0-9_]{1,39}$/;
export const BLOC_CODE = /^[A-Z0-9][A-Z0-9_]{1,59}$/;

export function normalizeCode(value: string): string {
  return value.trim().toUpperCase();
}
