// Dates of past decisions as officers write them, and decisions dated before the year they reward
// could have been reviewed (Luật TĐKT 2022, Điều 19–28: emulation titles are conferred on the year's results).
import { findAwardType } from '../catalogue/award-types';
import { decisionDateProblem, parseImportDate, quoted } from './grant-import.rule';

describe('import dates', () => {
  it.each([
    ['15/01/2025', '2025-01-15'],
    ['5/1/2025', '2025-01-05'],
    ['05/1/2025', '2025-01-05'],
    ['15-01-2025', '2025-01-15'],
    ['15.01.2025', '2025-01-15'],
    [' 15 / 01 / 2025 ', '2025-01-15'],
    ['2025-01-15', '2025-01-15'],
    ['2025-1-5', '2025-01-05'],
    ['29/02/2024', '2024-02-29'],
    ['15/01/2025\u200b', '2025-01-15'],
  ])('reads %j as %s', (written, date) => {
    expect(parseImportDate(written)).toEqual({ ok: true, date });
  });

  it.each([
    ['29/02/2025', 'không có trên lịch'],
    ['31/04/2024', 'không có trên lịch'],
    ['13/13/2024', 'không có trên lịch'],
    ['2025/01/15', 'không đúng định dạng'],
    ['15/01/25', 'không đúng định dạng'],
    ['15 tháng 1', 'không đúng định dạng'],
    ['', 'không đúng định dạng'],
  ])('refuses %j in Vietnamese', (written, reason) => {
    const parsed = parseImportDate(written);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(reason);
  });
});

describe('decision date against the achievement year', () => {
  const today = '2026-12-06';
  const type = (code: string) => findAwardType(code)!;
  it.each([
    // Emulation titles: after the year's review.
    ['CSTD_CO_SO', 2023, '2023-01-10', 'sau khi bình xét'],
    ['LDTT', 2024, '2024-03-31', 'sau khi bình xét'],
    ['LDTT', 2024, '2024-06-15', null], // school year reviewed in May
    ['LDTT', 2024, '2025-01-15', null],
    ['TTLD_TIEN_TIEN', 2024, '2024-12-20', null],
    // Every form: not before the achievement year, not in the future.
    ['BANG_KHEN_BO_TINH', 2024, '2024-03-01', null],
    ['BANG_KHEN_BO_TINH', 2024, '2023-12-31', 'có trước năm thành tích 2024'],
    ['GIAY_KHEN', 2026, '2026-12-07', 'ở tương lai'],
  ])('%s for %i decided on %s', (code, year, issuedOn, problem) => {
    const found = decisionDateProblem(type(code), year, issuedOn, today);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('what the officer typed, quoted back', () => {
  it('is exactly what was sent, or a description of it, never a cut or altered copy', () => {
    expect(quoted(' 15/01/2025 ')).toBe('"15/01/2025"');
    expect(quoted('15/01/2025\u200b')).toBe('(giá trị có ký tự không in được)');
    expect(quoted('a\nb')).toBe('(giá trị có ký tự không in được)');
    expect(quoted('Hà Nội'.normalize('NFD'))).toBe('(giá trị có ký tự không in được)');
    expect(quoted('x'.repeat(10_000))).toBe('(giá trị dài 10000 ký tự)');
    expect(parseImportDate('9'.repeat(10_000))).toEqual({
      ok: false,
      message: expect.stringMatching(/^ngày \(giá trị dài 10000 ký tự\) không đúng định dạng/),
    });
  });
});
