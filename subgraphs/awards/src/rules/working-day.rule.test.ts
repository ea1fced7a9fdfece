// Working days as the procedures count them (QĐ 311/QĐ-BNV 2025 counts the Central Board's clocks in
// working days; Bộ luật Lao động 2019 Điều 112 gives the holidays).
import { describe, expect, it } from '@jest/globals';
import {
  VIETNAM_CALENDAR,
  VIETNAM_HOLIDAYS,
  WorkingCalendar,
  addCalendarDays,
  calendarDaysBetween,
} from './working-day.rule.js';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('the seeded table', () => {
  it('lists weekdays as days off and Saturdays as days worked in exchange', () => {
    for (const year of VIETNAM_HOLIDAYS) {
      for (const day of year.daysOff) {
        expect([day.date, weekday(day.date)]).not.toEqual([day.date, 0]);
        expect([day.date, weekday(day.date)]).not.toEqual([day.date, 6]);
        expect(day.date.startsWith(String(year.year))).toBe(true);
      }
      for (const day of year.workingSaturdays) expect([day.date, weekday(day.date)]).toEqual([day.date, 6]);
    }
  });

  it('gives civil servants five weekdays of Tết each year (Art 112: 5 days)', () => {
    for (const year of VIETNAM_HOLIDAYS)
      expect(year.daysOff.filter((day) => day.name === 'Tết Nguyên đán')).toHaveLength(5);
  });
});

describe('VIETNAM_CALENDAR', () => {
  it.each([
    ['2025-01-29', 'Tết Nguyên đán', 'mùng 1 Tết Ất Tỵ'],
    ['2026-02-17', 'Tết Nguyên đán', 'mùng 1 Tết Bính Ngọ'],
    ['2025-04-07', 'Giỗ Tổ Hùng Vương', '10/3 âm lịch 2025'],
    ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)', '10/3 âm lịch on a Sunday: Monday off (Art 112(3))'],
    ['2025-05-02', 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)', 'a weekday off in exchange'],
    ['2025-09-01', 'Quốc khánh', 'the day next to 2/9'],
    ['2025-03-08', 'Thứ Bảy', 'a Saturday'],
    ['2025-03-09', 'Chủ nhật', 'a Sunday'],
    ['2031-09-02', 'Quốc khánh', 'a year outside the table keeps the fixed solar days'],
  ])('%s is off: %s (%s)', (date, reason) => {
    expect(VIETNAM_CALENDAR.dayOffReason(date)).toBe(reason);
    expect(VIETNAM_CALENDAR.isWorkingDay(date)).toBe(false);
  });

  it('works the Saturday given in exchange, and ordinary weekdays', () => {
    expect(VIETNAM_CALENDAR.isWorkingDay('2025-04-26')).toBe(true);
    expect(VIETNAM_CALENDAR.isWorkingDay('2025-03-10')).toBe(true);
  });

  it('says which years it knows', () => {
    expect([2025, 2026, 2027].every((year) => VIETNAM_CALENDAR.knowsYear(year))).toBe(true);
    expect(VIETNAM_CALENDAR.knowsYear(2031)).toBe(false);
  });

  it('counts a period from the day after receipt, skipping weekends and holidays', () => {
    // Received Friday 24/1/2025: Tết 27–31/1 and two weekends pass before the 5th working day.
    expect(VIETNAM_CALENDAR.addWorkingDays('2025-01-24', 5)).toBe('2025-02-07');
    // Received Wednesday 5/3/2025, no holiday: 20 working days = 4 weeks.
    expect(VIETNAM_CALENDAR.addWorkingDays('2025-03-05', 20)).toBe('2025-04-02');
    // Around 30/4: 29/4 (Tue) + 3 working days = 5/5, 6/5, 7/5 (30/4, 1/5, 2/5 off and the weekend).
    expect(VIETNAM_CALENDAR.addWorkingDays('2025-04-29', 3)).toBe('2025-05-07');
    // The exchanged Saturday counts: Friday 25/4 + 1 = Saturday 26/4.
    expect(VIETNAM_CALENDAR.addWorkingDays('2025-04-25', 1)).toBe('2025-04-26');
    expect(VIETNAM_CALENDAR.addWorkingDays('2025-04-25', 0)).toBe('2025-04-25');
    expect(() => VIETNAM_CALENDAR.addWorkingDays('2025-04-25', -1)).toThrow(RangeError);
  });

  it('counts the working days between two days', () => {
    expect(VIETNAM_CALENDAR.workingDaysBetween('2025-01-24', '2025-02-07')).toBe(5);
    expect(VIETNAM_CALENDAR.workingDaysBetween('2025-02-07', '2025-01-24')).toBe(0);
    expect(VIETNAM_CALENDAR.workingDaysBetween('2025-03-07', '2025-03-09')).toBe(0);
  });
});

describe('a calendar built from another table', () => {
  it('takes a year announced later, with its own exchanges', () => {
    const calendar = new WorkingCalendar([
      {
        year: 2031,
        daysOff: [{ date: '2031-01-02', name: 'Nghỉ hoán đổi' }],
        workingSaturdays: [{ date: '2031-01-11', name: 'Làm bù' }],
        source: 'test',
      },
    ]);
    expect(calendar.dayOffReason('2031-01-02')).toBe('Nghỉ hoán đổi');
    expect(calendar.isWorkingDay('2031-01-11')).toBe(true);
    // Known year: only what the table says (and weekends) — 2/9/2031 is a Tuesday not listed here.
    expect(calendar.isWorkingDay('2031-09-02')).toBe(true);
  });
});

describe('calendar days', () => {
  it('adds and counts across month and year ends', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(calendarDaysBetween('2025-06-01', '2025-06-30')).toBe(29);
    expect(calendarDaysBetween('2025-06-30', '2025-06-01')).toBe(-29);
  });
});
