/**
 * Numeric inputs are checked against the column they are written to before any SQL: a value Postgres
 * would refuse (overflow of `numeric(p,s)`, a CHECK, or a rounding to the column's scale that a CHECK
 * then refuses, such as 0.0004 in `numeric(4,3) CHECK (> 0)`) must be answered as bad input on its
 * field, with the allowed range, not as the database's anonymous refusal.
 */
import { badInput } from './errors.js';

export interface NumberRange {
  /** What the officer calls the value: "Mức trần điểm thưởng". */
  label: string;
  min: number;
  max: number;
  /** Values must be below this in absolute value (what `numeric(p,s)` holds once rounded). */
  below: number;
  integer: boolean;
  minText: string;
  maxText: string;
}

const format = (value: number, scale: number) =>
  new Intl.NumberFormat('vi-VN', { maximumFractionDigits: scale, useGrouping: true }).format(value);

/** "99.999.999,99": the largest value of numeric(precision, scale), written without float rounding. */
function largestText(precision: number, scale: number): string {
  const whole = '9'.repeat(precision - scale).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return scale > 0 ? `${whole},${'9'.repeat(scale)}` : whole;
}

/**
 * A `numeric(precision, scale)` column with its CHECK bounds. `minExclusive` (CHECK (x > min)) becomes
 * the smallest value above `min` that survives rounding to the scale.
 */
export function decimalRange(
  label: string,
  precision: number,
  scale: number,
  check: { min?: number; minExclusive?: boolean; max?: number } = {},
): NumberRange {
  const step = 10 ** -scale;
  const limit = 10 ** (precision - scale);
  const min = check.min === undefined ? -(limit - step) : check.minExclusive ? check.min + step : check.min;
  const max = check.max === undefined ? limit - step : check.max;
  return {
    label,
    min,
    max,
    below: limit - step / 2,
    integer: false,
    minText: check.min === undefined ? `-${largestText(precision, scale)}` : format(min, scale),
    maxText: check.max === undefined ? largestText(precision, scale) : format(max, scale),
  };
}

/** An `integer` column with its CHECK bounds (`BETWEEN min AND max`). */
export function integerRange(label: string, min: number, max: number): NumberRange {
  return {
    label,
    min,
    max,
    below: 2 ** 31,
    integer: true,
    minText: format(min, 0),
    maxText: format(max, 0),
  };
}

export function rangeMessage(range: NumberRange): string {
  return `${range.label} phải là ${range.integer ? 'số nguyên ' : 'số '}từ ${range.minText} đến ${range.maxText}.`;
}

/** Throws BAD_USER_INPUT on `field` unless `value` (when given) fits `range`. */
export function checkRange(value: number | null | undefined, field: string, range: NumberRange): void {
  if (value === null || value === undefined) return;
  const fits =
    Number.isFinite(value) &&
    (!range.integer || Number.isInteger(value)) &&
    Math.abs(value) < range.below &&
    value >= range.min &&
    value <= range.max;
  if (!fits) throw badInput(rangeMessage(range), { field });
}
