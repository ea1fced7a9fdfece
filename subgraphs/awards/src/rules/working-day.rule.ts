/**
 * Working days in Việt Nam, for the deadlines the procedures count in working days (ngày làm việc):
 * QĐ 311/QĐ-BNV 2025 gives the Central Board 5 working days to return an ineligible dossier, 20 to
 * submit an eligible one and 10 to forward a decision.
 *
 * Saturdays and Sundays are off. Public holidays follow Bộ luật Lao động 2019, Điều 112: Tết Dương lịch
 * (1/1), Tết Âm lịch (5 days, which the Prime Minister fixes each year), Giỗ Tổ Hùng Vương (10/3 âm
 * lịch), 30/4, 1/5, Quốc khánh (2/9 and one day next to it); a holiday that falls on a weekend gives a day
 * off on the next working day (Điều 112 khoản 3). Civil servants' days off and any Saturday worked in
 * exchange (hoán đổi ngày làm việc) are announced per year by the Ministry (Bộ LĐTBXH until 2025, Bộ Nội
 * vụ after): the table below is that announcement per year, and a calendar can be built from another
 * table (`new WorkingCalendar(years)`) when a year is announced or changed.
 *
 * A year missing from the table counts the fixed solar holidays only (1/1, 30/4, 1/5, 2/9): the lunar
 * days cannot be guessed, and `knowsYear` says so, so a caller can flag a deadline as approximate.
 */
export interface DayOff {
  /** YYYY-MM-DD */
  date: string;
  name: string;
}

export interface HolidayYear {
  year: number;
  /** Weekdays off (a holiday on a weekend is listed by its compensatory weekday instead). */
  daysOff: readonly DayOff[];
  /** Saturdays worked in exchange for a day off (hoán đổi ngày làm việc). */
  workingSaturdays: readonly DayOff[];
  source: string;
}

const TET = 'Tết Nguyên đán';
const HUNG = 'Giỗ Tổ Hùng Vương';
const LIBERATION = 'Ngày Chiến thắng (30/4)';
const LABOUR = 'Ngày Quốc tế Lao động (1/5)';
const NATIONAL = 'Quốc khánh';
const NEW_YEAR = 'Tết Dương lịch';

const days = (name: string, ...dates: string[]): DayOff[] => dates.map((date) => ({ date, name }));

/** Civil servants' days off, 2025–2027. Tết: mùng 1 is 29/1/2025, 17/2/2026, 6/2/2027. */
export const VIETNAM_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2025,
    daysOff: [
      ...days(NEW_YEAR, '2025-01-01'),
      // Nghỉ 25/1–2/2/2025 (28 tháng Chạp to mùng 5), no day to make up.
      ...days(TET, '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'),
      ...days(HUNG, '2025-04-07'),
      ...days(LIBERATION, '2025-04-30'),
      ...days(LABOUR, '2025-05-01'),
      // Friday 2/5 off in exchange for Saturday 26/4.
      ...days('Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', '2025-05-02'),
      ...days(NATIONAL, '2025-09-01', '2025-09-02'),
    ],
    workingSaturdays: days('Làm bù cho thứ Sáu 02/5', '2025-04-26'),
    source:
      'Bộ luật Lao động 2019, Điều 112; thông báo lịch nghỉ Tết Ất Tỵ, 30/4–1/5 (hoán đổi 02/5 ↔ 26/4) và 2/9 năm 2025 đối với cán bộ, công chức, viên chức',
  },
  {
    year: 2026,
    daysOff: [
      ...days(NEW_YEAR, '2026-01-01'),
      // Nghỉ 14/2–22/2/2026: 28 tháng Chạp (thứ Hai 16/2) to mùng 4 (thứ Sáu 20/2).
      ...days(TET, '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'),
      // 10/3 âm lịch is Sunday 26/4: the next working day is off (Art 112(3)).
      ...days(`${HUNG} (nghỉ bù)`, '2026-04-27'),
      ...days(LIBERATION, '2026-04-30'),
      ...days(LABOUR, '2026-05-01'),
      // The day next to 2/9 is set by the yearly notice; 1/9 (Tuesday) assumed [U].
      ...days(NATIONAL, '2026-09-01', '2026-09-02'),
    ],
    workingSaturdays: [],
    source: 'Bộ luật Lao động 2019, Điều 112; lịch nghỉ Tết Bính Ngọ 2026 của cán bộ, công chức (ngày liền kề 2/9 [U])',
  },
  {
    year: 2027,
    daysOff: [
      ...days(NEW_YEAR, '2027-01-01'),
      // Mùng 1 is Saturday 6/2/2027; the five weekdays around it are assumed until the notice [U].
      ...days(TET, '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10'),
      ...days(HUNG, '2027-04-16'),
      ...days(LIBERATION, '2027-04-30'),
      // 1/5 is a Saturday: Monday 3/5 off (Art 112(3)).
      ...days(`${LABOUR} (nghỉ bù)`, '2027-05-03'),
      ...days(NATIONAL, '2027-09-02', '2027-09-03'),
    ],
    workingSaturdays: [],
    source:
      'Bộ luật Lao động 2019, Điều 112 (nghỉ bù khoản 3); ngày nghỉ Tết Đinh Mùi và ngày liền kề 2/9 dự kiến, chờ thông báo năm 2027 [U]',
  },
];

/** The statutory solar days, the only ones known for a year outside the table. */
const FIXED_SOLAR: readonly [string, string][] = [
  ['01-01', NEW_YEAR],
  ['04-30', LIBERATION],
  ['05-01', LABOUR],
  ['09-02', NATIONAL],
];

const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function toUtc(isoDate: string): number {
  if (!ISO.test(isoDate)) throw new RangeError(`Not a YYYY-MM-DD date: ${isoDate}`);
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10)));
}

const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The calendar day `n` days after `isoDate` (negative: before). */
export function addCalendarDays(isoDate: string, n: number): string {
  return fromUtc(toUtc(isoDate) + n * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export class WorkingCalendar {
  private readonly off = new Map<string, string>();
  private readonly working = new Map<string, string>();
  private readonly years = new Set<number>();

  constructor(table: readonly HolidayYear[]) {
    for (const year of table) {
      this.years.add(year.year);
      for (const day of year.daysOff) this.off.set(day.date, day.name);
      for (const day of year.workingSaturdays) this.working.set(day.date, day.name);
    }
  }

  /** Whether the table holds this year's announced days off (else only the fixed solar holidays count). */
  knowsYear(year: number): boolean {
    return this.years.has(year);
  }

  /** Why a day is not worked, or null for a working day. */
  dayOffReason(isoDate: string): string | null {
    if (this.working.has(isoDate)) return null;
    const named = this.off.get(isoDate);
    if (named) return named;
    const year = Number(isoDate.slice(0, 4));
    if (!this.years.has(year)) {
      const fixed = FIXED_SOLAR.find(([monthDay]) => isoDate.slice(5) === monthDay);
      if (fixed) return fixed[1];
    }
    const weekday = new Date(toUtc(isoDate)).getUTCDay();
    if (weekday === 0) return 'Chủ nhật';
    if (weekday === 6) return 'Thứ Bảy';
    return null;
  }

  isWorkingDay(isoDate: string): boolean {
    return this.dayOffReason(isoDate) === null;
  }

  /**
   * The day on which a period of `n` working days counted from `start` ends: the day of receipt is not
   * counted, the first working day after it is day 1 (n = 0 gives `start` itself).
   */
  addWorkingDays(start: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`A count of working days must be a whole number ≥ 0: ${n}`);
    let day = start;
    for (let counted = 0; counted < n;) {
      day = addCalendarDays(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1))
      if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}

/** The calendar of the seeded table. */
export const VIETNAM_CALENDAR = new WorkingCalendar(VIETNAM_HOLIDAYS);
