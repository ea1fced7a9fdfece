/**
 * Building blocks of the gateway's .xlsx files (ExcelJS): every text cell through `text()`, which
 * neutralises formula injection; the title block, the table with its numbered header row, the notes
 * and the signature block of the statistical forms of Thông tư 02/2023/TT-BNV.
 */
import type ExcelJS from 'exceljs';
import type { Response } from 'express';
import { XLSX_MIME, fileHeaders } from './http.js';

export type Worksheet = ExcelJS.Worksheet;

/**
 * A text cell never starts a formula. ExcelJS writes a string as a string (never `<f>`), but a
 * spreadsheet program re-reads the text of a cell as a formula when someone edits it, and a CSV
 * saved from it carries `=cmd|…` onwards (OWASP "CSV injection"): a leading = + - @, tab or carriage
 * return is prefixed with an apostrophe, the spreadsheet convention for "this is text". Control
 * characters other than tab and line breaks, which XML 1.0 cannot carry, are dropped.
 */
export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';

  const clean = value.normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTER: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

/**
 * ExcelJS is loaded on the first file, not when the gateway starts: requiring it cost 38 MB of RSS
 * and 2.4–3.7 s (2 busy cores) here, which every gateway start would pay for a route few requests use.
 */
let excel: typeof ExcelJS | undefined;

export function newWorkbook(): ExcelJS.Workbook {
  excel ??= require('exceljs') as typeof ExcelJS;
  const workbook = new excel.Workbook();
  workbook.creator = 'tdkt-graph';
  workbook.created = new Date();
  return workbook;
}

export function addSheet(workbook: ExcelJS.Workbook, name: string): Worksheet {
  // Sheet names: at most 31 characters, none of : \ / ? * [ ].
  return workbook.addWorksheet(name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
}

function put(
  sheet: Worksheet,
  row: number,
  from: number,
  to: number,
  value: string,
  style: { bold?: boolean; italic?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {},
): void {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text(value);
  cell.font = { name: 'Times New Roman', size: style.size ?? 12, bold: style.bold, italic: style.italic };
  cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
}

export interface TitleBlock {
  /** e.g. "0602.N/BNV-TĐKT". */
  form: string;
  title: string;
  /** e.g. "Năm 2024" or "Từ năm 2020 đến năm 2024". */
  period: string;
  reportingUnit: string;
  receivingUnit: string;
  legalBasis: string;
  /** Ngày nhận báo cáo. */
  dueDate: string;
}

export function periodLabel(yearFrom: number, yearTo: number): string {
  return yearFrom === yearTo ? `Năm ${yearFrom}` : `Từ năm ${yearFrom} đến năm ${yearTo}`;
}

/**
 * The header of a form of the circular: on the left the form number, the circular that issued it and
 * the date the report is due; in the middle the title and the period; on the right who reports and
 * who receives. Returns the next free row.
 */
export function writeTitleBlock(sheet: Worksheet, width: number, block: TitleBlock): number {
  const third = Math.max(1, Math.floor(width / 3));
  const mid = [third + 1, Math.max(third + 1, width - third)] as const;
  const right = [Math.min(width, mid[1] + 1), width] as const;
  put(sheet, 1, 1, third, `Biểu số: ${block.form}`, { bold: true, align: 'left' });
  put(sheet, 2, 1, third, `Ban hành theo ${block.legalBasis}`, { italic: true, size: 10, align: 'left' });
  put(sheet, 3, 1, third, `Ngày nhận báo cáo: ${block.dueDate}`, { size: 10, align: 'left' });
  put(sheet, 1, mid[0], mid[1], block.title.toUpperCase(), { bold: true, size: 13 });
  put(sheet, 2, mid[0], mid[1], block.period, { bold: true });
  put(sheet, 1, right[0], right[1], `Đơn vị báo cáo: ${block.reportingUnit}`, { align: 'left', size: 11 });
  put(sheet, 2, right[0], right[1], `Đơn vị nhận báo cáo: ${block.receivingUnit}`, { align: 'left', size: 11 });
  sheet.getRow(2).height = 32;
  return 5;
}

export interface TableRow {
  code: string;
  label: string;
  unit: string | null;
  total: number | null;
  values: (number | null)[];
  /** Why the row is empty, when the platform cannot fill it. */
  note?: string | null;
}

export interface Table {
  /** Header levels over the value columns, top first; equal neighbours are merged into one cell. */
  headers: string[][];
  rows: TableRow[];
  /** Adds a last "Ghi chú" column (for rows the platform cannot fill). */
  noteColumn?: boolean;
}

/** Columns of every form table: A chỉ tiêu, B mã số, C đơn vị tính, then 1 tổng số, 2… the values. */
export const FIRST_VALUE_COLUMN = 5;
export const TOTAL_COLUMN = 4;
export const CODE_COLUMN = 2;

function headerCell(sheet: Worksheet, row: number, column: number, value: string): void {
  const cell = sheet.getCell(row, column);
  cell.value = text(value);
  cell.font = { name: 'Times New Roman', size: 11, bold: true };
  cell.alignment = CENTER;
  cell.border = BOX;
}

/**
 * Merges runs of equal labels on one header level (a group over its awards, an award over its
 * collective and individual columns), never across a boundary of a level above.
 */
function mergeRuns(sheet: Worksheet, row: number, first: number, levels: string[][], level: number): void {
  const key = (index: number) => JSON.stringify(levels.slice(0, level + 1).map((labels) => labels[index]));
  const labels = levels[level]!;
  let start = 0;
  for (let index = 1; index <= labels.length; index++) {
    if (index < labels.length && key(index) === key(start)) continue;
    if (index - 1 > start) sheet.mergeCells(row, first + start, row, first + index - 1);
    start = index;
  }
}

/** Writes the table from `top`: header levels, the numbering row (A, B, C, 1, 2 …), the rows. */
export function writeTable(sheet: Worksheet, top: number, table: Table): number {
  const levels = Math.max(1, table.headers.length);
  const valueCount = table.rows[0]?.values.length ?? table.headers[0]?.length ?? 0;
  const last = FIRST_VALUE_COLUMN + valueCount - 1 + (table.noteColumn ? 1 : 0);
  const fixed: [number, string][] = [
    [1, 'Chỉ tiêu'],
    [CODE_COLUMN, 'Mã số'],
    [3, 'Đơn vị tính'],
    [TOTAL_COLUMN, 'Tổng số'],
  ];
  if (table.noteColumn) fixed.push([last, 'Ghi chú']);
  for (const [column, label] of fixed) {
    for (let level = 0; level < levels; level++) headerCell(sheet, top + level, column, label);
    if (levels > 1) sheet.mergeCells(top, column, top + levels - 1, column);
  }
  table.headers.forEach((labels, level) => {
    labels.forEach((label, index) => headerCell(sheet, top + level, FIRST_VALUE_COLUMN + index, label));
    mergeRuns(sheet, top + level, FIRST_VALUE_COLUMN, table.headers, level);
  });
  const numbering = top + levels;
  const numbers = ['A', 'B', 'C', '1', ...Array.from({ length: valueCount }, (_, i) => String(i + 2))];
  if (table.noteColumn) numbers.push('D');
  numbers.forEach((label, index) => {
    headerCell(sheet, numbering, index + 1, label);
    sheet.getCell(numbering, index + 1).font = { name: 'Times New Roman', size: 10, italic: true };
  });

  let rowNumber = numbering + 1;
  for (const row of table.rows) {
    const cells: (string | number | null)[] = [
      text(row.label),
      text(row.code),
      text(row.unit),
      row.total,
      ...row.values,
    ];
    if (table.noteColumn) cells.push(text(row.note ?? ''));
    cells.forEach((value, index) => {
      const cell = sheet.getCell(rowNumber, index + 1);
      cell.value = value;
      cell.border = BOX;
      cell.font = { name: 'Times New Roman', size: 11, bold: row.code === '01' };
      cell.alignment =
        index === 0 || index === cells.length - 1 ? { vertical: 'middle', wrapText: true } : { ...CENTER };
      if (typeof value === 'number') cell.numFmt = Number.isInteger(value) ? '#,##0' : '#,##0.##';
    });
    rowNumber++;
  }
  sheet.getColumn(1).width = 46;
  sheet.getColumn(CODE_COLUMN).width = 8;
  sheet.getColumn(3).width = 11;
  for (let column = TOTAL_COLUMN; column <= last; column++) sheet.getColumn(column).width = 13;
  if (table.noteColumn) sheet.getColumn(last).width = 48;
  return rowNumber + 1;
}

/** "Ghi chú:" and one line per note, merged over the table's width. Returns the next free row. */
export function writeNotes(sheet: Worksheet, top: number, width: number, notes: string[]): number {
  if (notes.length === 0) return top;
  put(sheet, top, 1, width, 'Ghi chú:', { bold: true, italic: true, align: 'left', size: 11 });
  notes.forEach((note, index) => {
    put(sheet, top + 1 + index, 1, width, `${index + 1}. ${note}`, { italic: true, align: 'left', size: 11 });
    sheet.getRow(top + 1 + index).height = Math.min(90, 16 * Math.ceil(note.length / 140) + 4);
  });
  return top + notes.length + 2;
}

/** Người lập biểu, người kiểm tra biểu, thủ trưởng đơn vị (ký, đóng dấu), as the circular's forms end. */
export function writeSignatureBlock(sheet: Worksheet, top: number, width: number): number {
  const third = Math.max(1, Math.floor(width / 3));
  const parts: [number, number, string[]][] = [
    [1, third, ['', 'NGƯỜI LẬP BIỂU', '(Ký, họ tên)']],
    [third + 1, Math.max(third + 1, width - third), ['', 'NGƯỜI KIỂM TRA BIỂU', '(Ký, họ tên)']],
    [
      Math.min(width, width - third + 1),
      width,
      ['......., ngày ... tháng ... năm .....', 'THỦ TRƯỞNG ĐƠN VỊ', '(Ký, đóng dấu, họ tên)'],
    ],
  ];
  for (const [from, to, lines] of parts)
    lines.forEach((line, index) => {
      if (line) put(sheet, top + index, from, to, line, { bold: index === 1, italic: index !== 1, size: 11 });
    });
  return top + 4;
}

/** Streams the workbook as an attachment. */
export async function sendWorkbook(res: Response, workbook: ExcelJS.Workbook, filename: string): Promise<void> {
  fileHeaders(res, filename, XLSX_MIME);
  res.status(200);
  await workbook.xlsx.write(res);
  res.end();
}
