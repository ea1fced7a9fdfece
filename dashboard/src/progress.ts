/**
 * Pledge progress as the boards show it. `Pledge.progress` gives the current value of each member,
 * item and period; the board shows each member's latest period per item ("2024" — the whole year —
 * counts after "2024-Q4").
 *
 * Average progress of a pledge: over every member × item that has a target, the latest value as a
 * share of the target (at most 100 %), a member that has not reported counting 0 %. Items without a
 * target (qualitative ones) are left out; a pledge with no targeted item has no average.
 */

export interface ProgressRow {
  period: string;
  value: number;
  note?: string | null;
  item: { code: string } | null;
  organization: { code: string };
}

export interface TargetItem {
  code: string;
  targetValue: number | null;
}

/**
 * Periods in the order the bloc summary uses: by the last month they cover — "2024-03" = "2024-Q1" <
 * "2024-H1" = "2024-Q2" < … < "2024-Q4" = "2024-H2" = "2024-12" — and the whole year "2024" after
 * them all. An unknown form sorts first.
 */
export function periodOrder(period: string): number {
  const match = /^(\d{4})(?:-(?:Q([1-4])|H([12])|(0[1-9]|1[0-2])))?$/.exec(period);
  if (!match) return 0;
  const [, year, quarter, half, month] = match;
  const endMonth = quarter ? Number(quarter) * 3 : half ? Number(half) * 6 : month ? Number(month) : 13;
  return Number(year) * 100 + endMonth;
}

export function cellKey(organizationCode: string, itemCode: string): string {
  return `${organizationCode}|${itemCode}`;
}

/** The latest report of each member × item. */
export function latestProgress(rows: readonly ProgressRow[]): Map<string, ProgressRow> {
  const latest = new Map<string, ProgressRow>();
  for (const row of rows) {
    if (!row.item) continue;
    const key = cellKey(row.organization.code, row.item.code);
    const current = latest.get(key);
    if (!current || periodOrder(row.period) > periodOrder(current.period)) latest.set(key, row);
  }
  return latest;
}

/** Value as a share of the target, within 0–1; null without a target. */
export function shareOfTarget(value: number | null | undefined, target: number | null | undefined): number | null {
  if (!target || target <= 0) return null;
  if (value === null || value === undefined) return 0;
  return Math.max(0, Math.min(1, value / target));
}

export function averageProgress(
  memberCodes: readonly string[],
  items: readonly TargetItem[],
  rows: readonly ProgressRow[],
): number | null {
  const targeted = items.filter((item) => item.targetValue !== null && item.targetValue > 0);
  if (!targeted.length || !memberCodes.length) return null;
  const latest = latestProgress(rows);
  let sum = 0;
  for (const member of memberCodes) {
    for (const item of targeted)
      sum += shareOfTarget(latest.get(cellKey(member, item.code))?.value, item.targetValue) ?? 0;
  }
  return sum / (memberCodes.length * targeted.length);
}
