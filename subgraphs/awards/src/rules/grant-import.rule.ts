/**
 * Rows of a spreadsheet of past awards (sổ khen thưởng): the dates as officers write them and whether a
 * decision's date fits the achievement year it rewards. Pure: the caller passes today's date.
 */
import type { AwardTypeDefinition } from '../catalogue/award-types.js';
import { formatDateVi, isIsoDate } from './calendar.rule.js';

/**
 * What an officer typed, quoted back in a message exactly as sent ("15/01/2025"), or described without
 * it when it cannot be shown as it is: longer than 60 characters, several lines, invisible or control
 * characters, not in normal form. A message never carries a cut or altered copy of what was sent.
 */
export function quoted(written: string): string {
  const text = written.trim();
  const length = [...text].length;
  if (length > 60) return `(giá trị dài ${length} ký tự)`;
  if (/[\p{Cc}\p{Cf}\u2028\u2029]/u.test(text) || text !== text.normalize('NFC'))
    return '(giá trị có ký tự không in được)';
  return `"${text}"`;
}

export type ParsedDate = { ok: true; date: string } | { ok: false; message: string };

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
/** Day first, the Vietnamese way (Nghị định 30/2020/NĐ-CP writes "ngày 15 tháng 01 năm 2025"): 15/01/2025, 5/1/2025, 15-01-2025, 15.01.2025. */
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A date written dd/mm/yyyy (also d/m/yyyy, with - or . between) or yyyy-mm-dd, as an ISO day. */
export function parseImportDate(written: string): ParsedDate {
  const text = written
    .normalize('NFKC')
    .replace(/[\p{Cf}]/gu, '')
    .replace(/\s+/g, '')
    .replace(/[\p{Pd}\u2212]/gu, '-');
  const iso = ISO.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  const parts = iso ? [iso[1]!, iso[2]!, iso[3]!] : dayFirst ? [dayFirst[3]!, dayFirst[2]!, dayFirst[1]!] : null;
  if (!parts) {
    return {
      ok: false,
      message: `ngày ${quoted(written)} không đúng định dạng; ghi ngày/tháng/năm (ví dụ 15/01/2025) hoặc năm-tháng-ngày (2025-01-15).`,
    };
  }
  const date = `${parts[0]}-${parts[1]!.padStart(2, '0')}-${parts[2]!.padStart(2, '0')}`;
  if (!isIsoDate(date)) return { ok: false, message: `ngày ${quoted(written)} không có trên lịch.` };
  return { ok: true, date };
}

/**
 * The earliest day a decision may award an emulation title for an achievement year. Emulation titles
 * are conferred on the year's results (Luật TĐKT 2022, Điều 19–28: "xét tặng hằng năm"), after the
 * unit's review of the year (bình xét, tổng kết). Most units review the calendar year in December; the
 * education sector reviews the school year ending in May and files by 10 July. 1 May of the
 * achievement year is therefore the earliest plausible decision date [U: no single article fixes it];
 * a decision dated earlier cannot rest on that year's results.
 */
export function earliestTitleDecision(year: number): string {
  return `${year}-05-01`;
}

/**
 * Why a decision dated `issuedOn` cannot have awarded `type` for achievement year `year`, or null.
 * `today` is Vietnam's date (UTC+7).
 */
export function decisionDateProblem(
  type: Pick<AwardTypeDefinition, 'name' | 'category'>,
  year: number,
  issuedOn: string,
  today: string,
): string | null {
  if (issuedOn > today) return `ngày quyết định ${formatDateVi(issuedOn)} ở tương lai.`;
  if (issuedOn < `${year}-01-01`) return `quyết định ngày ${formatDateVi(issuedOn)} có trước năm thành tích ${year}.`;
  if (type.category === 'EMULATION_TITLE' && issuedOn < earliestTitleDecision(year)) {
    return (
      `danh hiệu ${type.name} năm ${year} chỉ được xét tặng sau khi bình xét, tổng kết năm ${year}; ` +
      `quyết định ngày ${formatDateVi(issuedOn)} có trước đó (Luật TĐKT 2022, Điều 19–28: danh hiệu thi đua xét tặng hằng năm).`
    );
  }
  return null;
}
