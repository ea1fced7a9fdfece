/**
 * Calendar dates as the law writes them: plain ISO days (YYYY-MM-DD), no time, no time zone. Legal
 * validity ("có hiệu lực từ ngày 01/7/2025") is a day, so dates are compared as strings, never as
 * instants, and a decision date is whatever day is printed on the decision.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (2025-02-29 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}

/** 2025-07-01 → 01/07/2025, the way officers read dates. */
export function formatDateVi(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

export interface DayValidity {
  validFrom: string | null;
  validTo: string | null;
}

/** Both ends inclusive; null is open-ended. */
export function isValidOnDay(validity: DayValidity, isoDate: string): boolean {
  return (
    (validity.validFrom === null || validity.validFrom <= isoDate) &&
    (validity.validTo === null || isoDate <= validity.validTo)
  );
}
