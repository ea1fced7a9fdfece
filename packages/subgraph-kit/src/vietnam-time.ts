/**
 * Calendar days and years as officers live them: in Việt Nam (UTC+7, no daylight saving time), not in
 * UTC, where 1 January is still 31 December until 07:00. "Not in the future" checks use these.
 */
const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** Today's date in Việt Nam, `YYYY-MM-DD`. */
export function vietnamToday(now: Date = new Date()): string {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current year in Việt Nam. */
export function vietnamYear(now: Date = new Date()): number {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS).getUTCFullYear();
}
