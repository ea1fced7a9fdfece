/**
 * Days and periods as officers count them: "today" in Việt Nam, and the order of a pledge's report
 * periods on the board (the same order as the bloc summary's latest figure).
 */
import { vietnamToday, vietnamYear } from '@tdkt/subgraph-kit';
import { periodOrder } from '../../dashboard/src/progress';
import { formatPeriod } from '../../dashboard/src/text';

describe('Việt Nam time', () => {
  it.each([
    ['2025-03-01T16:59:59Z', '2025-03-01'],
    ['2025-03-01T17:00:00Z', '2025-03-02'],
    ['2025-03-01T18:30:00Z', '2025-03-02'],
    ['2025-12-31T17:30:00Z', '2026-01-01'],
  ])('at %s UTC it is %s in Hà Nội', (utc, day) => {
    expect(vietnamToday(new Date(utc))).toBe(day);
  });

  it('turns the year at 17:00 UTC on 31 December', () => {
    expect(vietnamYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025);
    expect(vietnamYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026);
  });
});

describe('the order of report periods', () => {
  it('orders quarters, halves and months by the last month they cover, the whole year last', () => {
    const periods = ['2024', '2024-H2', '2024-07', '2024-Q1', '2024-H1', '2024-11', '2023', '2024-02'];
    expect([...periods].sort((a, b) => periodOrder(a) - periodOrder(b))).toEqual([
      '2023',
      '2024-02',
      '2024-Q1',
      '2024-H1',
      '2024-07',
      '2024-11',
      '2024-H2',
      '2024',
    ]);
  });

  it('counts a half-year and its last quarter and month as the same point in the year', () => {
    expect(periodOrder('2024-H1')).toBe(periodOrder('2024-Q2'));
    expect(periodOrder('2024-H1')).toBe(periodOrder('2024-06'));
    expect(periodOrder('2024-H2')).toBe(periodOrder('2024-12'));
  });

  it('sorts a form it does not know first', () => {
    expect(periodOrder('2024-Q5')).toBe(0);
    expect(periodOrder('quý 1')).toBe(0);
  });
});

describe('report periods as officers say them', () => {
  it.each([
    ['2026-H1', '6 tháng đầu năm 2026'],
    ['2026-H2', '6 tháng cuối năm 2026'],
    ['2026-Q2', 'Quý II/2026'],
    ['2026-07', 'Tháng 07/2026'],
    ['2026', 'Năm 2026'],
    ['2026-13', '2026-13'],
  ])('%s reads "%s"', (period, text) => {
    expect(formatPeriod(period)).toBe(text);
  });
});
