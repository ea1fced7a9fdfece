/**
 * Reading the rows of a spreadsheet of past awards (sổ khen thưởng) the way an officer wrote them: the
 * template's columns found by their Vietnamese headers, dates as dd/mm/yyyy, ISO or Excel serial numbers,
 * award names by their abbreviations (award-alias.rule), and a person's name with or without diacritics
 * matched among the persons of the named unit. Each row gets what was understood and what is wrong, by
 * row number and column. Pure: cells come in as plain values (the service reads the workbook).
 */
import { findAwardType } from '../catalogue/award-types.js';
import { resolveAwardTypeCode } from './award-alias.rule.js';
import { formatDateVi, isIsoDate } from './calendar.rule.js';
import { parseImportDate, quoted } from './grant-import.rule.js';

/** A cell as read from the sheet: its value, or the cached result of its formula. */
export type SheetCell = string | number | boolean | Date | null;

export type GrantColumn = 'fullName' | 'unitCode' | 'awardType' | 'year' | 'decisionNumber' | 'issuedOn' | 'issuerCode';

/** The template's columns, in order after the first column (STT). */
export const GRANT_SHEET_COLUMNS: readonly { key: GrantColumn; header: string; hint: string; width: number }[] = [
  {
    key: 'fullName',
    header: 'Họ và tên',
    hint: 'Họ và tên cá nhân được khen; để trống nếu khen tập thể (đơn vị ở cột Mã đơn vị).',
    width: 28,
  },
  { key: 'unitCode', header: 'Mã đơn vị', hint: 'Mã đơn vị của cá nhân, hoặc đơn vị được khen (tập thể).', width: 14 },
  {
    key: 'awardType',
    header: 'Hình thức khen thưởng',
    hint: 'Chọn trong danh sách, hoặc ghi tên viết tắt thường dùng (LĐTT, CSTĐCS, BK TTg, HCLĐ hạng Ba).',
    width: 34,
  },
  { key: 'year', header: 'Năm thành tích', hint: 'Năm của thành tích được khen, ví dụ 2024.', width: 12 },
  { key: 'decisionNumber', header: 'Số quyết định', hint: 'Ví dụ 123/QĐ-UBND.', width: 18 },
  {
    key: 'issuedOn',
    header: 'Ngày quyết định',
    hint: 'Ngày/tháng/năm (15/01/2025) hoặc năm-tháng-ngày (2025-01-15).',
    width: 16,
  },
  { key: 'issuerCode', header: 'Mã cơ quan ban hành', hint: 'Mã đơn vị ký quyết định.', width: 18 },
];

export const STT_HEADER = 'STT';

/** Accents, case, Đ/D and spacing folded away: "Nguyễn  Văn An" → "nguyen van an". */
export function foldPersonName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const foldHeader = (text: string) => foldPersonName(text.split('(')[0] ?? '');

export type HeaderVerdict = { ok: true; columns: Record<GrantColumn, number> } | { ok: false; message: string };

/** Where each column is, found by its header (case, accents and a note in brackets ignored). */
export function mapGrantHeaders(headers: readonly SheetCell[]): HeaderVerdict {
  const folded = headers.map((cell) => foldHeader(cellText(cell)));
  const columns: Partial<Record<GrantColumn, number>> = {};
  const missing: string[] = [];
  for (const column of GRANT_SHEET_COLUMNS) {
    const index = folded.indexOf(foldHeader(column.header));
    if (index < 0) missing.push(column.header);
    else columns[column.key] = index;
  }
  if (missing.length)
    return {
      ok: false,
      message: `Dòng tiêu đề thiếu cột: ${missing.join(', ')}. Hãy dùng tệp mẫu tải từ hệ thống.`,
    };
  return { ok: true, columns: columns as Record<GrantColumn, number> };
}

/** A cell as text, trimmed and in normal form; numbers as written (no thousands separator). */
export function cellText(cell: SheetCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).normalize('NFC').trim();
}

/**
 * Excel's serial day (1900 date system) as an ISO day. Excel counts 1900-02-29, a day that never was
 * (serial 60), so serials after it are one day ahead of the calendar; the time of day is dropped.
 */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466 || Math.floor(serial) === 60) return null;
  const day = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, day < 60 ? 31 : 30);
  return new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
}

export type CellVerdict<T> = { ok: true; value: T; understood: string | null } | { ok: false; message: string };

/** A decision date: a date cell, an Excel serial number, or text written dd/mm/yyyy or yyyy-mm-dd. */
export function readSheetDate(cell: SheetCell): CellVerdict<string> {
  if (cell instanceof Date) {
    const iso = cellText(cell);
    return isIsoDate(iso) ? { ok: true, value: iso, understood: null } : { ok: false, message: 'ngày không hợp lệ.' };
  }
  if (typeof cell === 'number') {
    const iso = excelSerialToIso(cell);
    if (!iso) return { ok: false, message: `số ${cell} không phải một ngày của Excel.` };
    return { ok: true, value: iso, understood: `số ngày Excel ${cell} → ${formatDateVi(iso)}` };
  }
  const text = cellText(cell);
  if (!text) return { ok: false, message: 'chưa ghi ngày quyết định.' };
  const parsed = parseImportDate(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  return {
    ok: true,
    value: parsed.date,
    understood: text === formatDateVi(parsed.date) ? null : `${quoted(text)} → ${formatDateVi(parsed.date)}`,
  };
}

/** An achievement year: a whole number of four digits. */
export function readSheetYear(cell: SheetCell): CellVerdict<number> {
  const text = cellText(cell);
  if (!/^\d{4}$/.test(text)) return { ok: false, message: `năm ${quoted(text)} phải là số có 4 chữ số, ví dụ 2024.` };
  return { ok: true, value: Number(text), understood: null };
}

/** An award as written: its catalogue code, through the abbreviations officers use. */
export function readSheetAward(cell: SheetCell): CellVerdict<string> {
  const text = cellText(cell);
  if (!text) return { ok: false, message: 'chưa ghi hình thức khen thưởng.' };
  const verdict = resolveAwardTypeCode(text);
  if (verdict.kind !== 'FOUND') return { ok: false, message: verdict.message };
  const name = findAwardType(verdict.code)!.name;
  return { ok: true, value: verdict.code, understood: text === name ? null : `${quoted(text)} → ${name}` };
}

export interface PersonCandidate {
  id: string;
  fullName: string;
}

export type PersonMatch =
  | { kind: 'MATCHED'; person: PersonCandidate; understood: string | null }
  | { kind: 'AMBIGUOUS' | 'NOT_FOUND'; message: string };

/** A unit's persons by name as written and by name folded, built once per unit (a sheet names them many times). */
export interface PersonIndex {
  exact: Map<string, PersonCandidate[]>;
  folded: Map<string, PersonCandidate[]>;
}

const exactKey = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export function indexPersons(candidates: readonly PersonCandidate[]): PersonIndex {
  const index: PersonIndex = { exact: new Map(), folded: new Map() };
  const add = (map: Map<string, PersonCandidate[]>, key: string, person: PersonCandidate) =>
    map.set(key, [...(map.get(key) ?? []), person]);
  for (const person of candidates) {
    add(index.exact, exactKey(person.fullName), person);
    add(index.folded, foldPersonName(person.fullName), person);
  }
  return index;
}

/**
 * The person of the unit an officer named: the same name first (case and spacing aside), then the same
 * name without diacritics ("Nguyen Van An" is Nguyễn Văn An). Two persons answering to it are never
 * guessed between: the officer is told both.
 */
export function matchPerson(written: string, unitName: string, persons: PersonIndex): PersonMatch {
  const text = written.normalize('NFC').replace(/\s+/g, ' ').trim();
  const found = persons.exact.get(exactKey(text)) ?? persons.folded.get(foldPersonName(text)) ?? [];
  if (found.length === 1) {
    const person = found[0]!;
    return {
      kind: 'MATCHED',
      person,
      understood: person.fullName === text ? null : `${quoted(text)} → ${person.fullName}`,
    };
  }
  if (found.length > 1)
    return {
      kind: 'AMBIGUOUS',
      message: `${unitName} có ${found.length} người tên ${quoted(text)} (${found.map((c) => c.fullName).join('; ')}); cần phân biệt trước khi nhập.`,
    };
  return { kind: 'NOT_FOUND', message: `không có người tên ${quoted(text)} trong ${unitName}.` };
}

export interface SheetGrantRow {
  /** The row number on the sheet. */
  row: number;
  fullName: string;
  unitCode: string;
  awardTypeCode: string | null;
  year: number | null;
  decisionNumber: string;
  issuedOn: string | null;
  issuerCode: string;
  /** "cột X: …" for each cell that cannot be read; the row is refused when any. */
  problems: string[];
  /** What was read differently from how it was written ("LĐTT" → Lao động tiên tiến). */
  understood: string[];
}

const HEADER_OF = Object.fromEntries(GRANT_SHEET_COLUMNS.map((c) => [c.key, c.header])) as Record<GrantColumn, string>;

/** One data row of the sheet, or null when it is empty. */
export function readGrantRow(
  row: number,
  cells: readonly SheetCell[],
  columns: Record<GrantColumn, number>,
): SheetGrantRow | null {
  const cell = (key: GrantColumn) => cells[columns[key]] ?? null;
  if (GRANT_SHEET_COLUMNS.every((column) => cellText(cell(column.key)) === '')) return null;
  const problems: string[] = [];
  const understood: string[] = [];
  const read = <T>(key: GrantColumn, verdict: CellVerdict<T>): T | null => {
    if (!verdict.ok) {
      problems.push(`cột ${HEADER_OF[key]}: ${verdict.message}`);
      return null;
    }
    if (verdict.understood) understood.push(`${HEADER_OF[key]}: ${verdict.understood}`);
    return verdict.value;
  };
  const required = (key: GrantColumn): string => {
    const text = cellText(cell(key));
    if (!text) problems.push(`cột ${HEADER_OF[key]}: chưa ghi.`);
    return text;
  };
  return {
    row,
    fullName: cellText(cell('fullName')).replace(/\s+/g, ' '),
    unitCode: required('unitCode'),
    awardTypeCode: read('awardType', readSheetAward(cell('awardType'))),
    year: read('year', readSheetYear(cell('year'))),
    decisionNumber: required('decisionNumber'),
    issuedOn: read('issuedOn', readSheetDate(cell('issuedOn'))),
    issuerCode: required('issuerCode'),
    problems,
    understood,
  };
}
