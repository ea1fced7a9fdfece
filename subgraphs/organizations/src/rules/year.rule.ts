/** The calendar year in Vietnam (UTC+7, no daylight saving): on 1 January at 03:00 there it is already the new year. */
export function yearInVietnam(now: Date = new Date()): number {
  return new Date(now.getTime() + 7 * 3600 * 1000).getUTCFullYear();
}

/**
 * Emulation and commendation records start with the Republic (1945); nothing is planned beyond next
 * year. The reason a year is refused, or null when it stands.
 */
export function yearProblem(year: number, now: Date = new Date()): string | null {
  const latest = yearInVietnam(now) + 1;
  if (!Number.isInteger(year) || year < 1945 || year > latest)
    return `Năm ${year} không hợp lệ: phải từ 1945 đến ${latest}.`;
  return null;
}
