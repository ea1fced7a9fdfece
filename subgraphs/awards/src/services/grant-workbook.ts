/**
 * The .xlsx side of importing past awards: the template officers download (Vietnamese headers, a list of
 * the catalogue's award names to pick from, date and year cells formatted), and the reading of an
 * uploaded workbook into plain cells for grant-sheet.rule. ExcelJS reads and writes the format; the
 * container is checked first (xlsx-container.ts).
 */
import { Readable } from 'node:stream';
import { Workbook, stream, type CellValue } from 'exceljs';
import { AWARD_TYPES } from '../catalogue/award-types.js';
import {
  GRANT_SHEET_COLUMNS,
  STT_HEADER,
  mapGrantHeaders,
  readGrantRow,
  type GrantColumn,
  type SheetCell,
  type SheetGrantRow,
} from '../rules/grant-sheet.rule.js';
import { FileRefused, checkXlsxContainer } from './xlsx-container.js';

export const GRANT_SHEET_NAME = 'Khen thưởng';
const LIST_SHEET_NAME = 'Danh mục';
/** Rows of data one file may carry (a migration of a larger ledger is split into several files). */
export const MAX_SHEET_ROWS = 50_000;
/** The header is looked for in the first rows (an officer may keep a title above it). */
const HEADER_SEARCH_ROWS = 10;

/** The template: one sheet to fill, one with the catalogue's award names (the list the award column offers). */
export async function grantTemplate(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'tdkt-graph';
  const sheet = workbook.addWorksheet(GRANT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const list = workbook.addWorksheet(LIST_SHEET_NAME);
  list.getCell('A1').value = 'Hình thức khen thưởng';
  list.getCell('B1').value = 'Mã';
  AWARD_TYPES.forEach((type, index) => {
    list.getCell(index + 2, 1).value = type.name;
    list.getCell(index + 2, 2).value = type.code;
  });
  list.getColumn(1).width = 60;
  list.state = 'hidden';

  sheet.columns = [
    { header: STT_HEADER, width: 6 },
    ...GRANT_SHEET_COLUMNS.map((column) => ({ header: column.header, width: column.width })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  GRANT_SHEET_COLUMNS.forEach((column, index) => {
    header.getCell(index + 2).note = column.hint;
  });
  const columnOf = (key: (typeof GRANT_SHEET_COLUMNS)[number]['key']) =>
    GRANT_SHEET_COLUMNS.findIndex((column) => column.key === key) + 2;
  const awardList = `'${LIST_SHEET_NAME}'!$A$2:$A$${AWARD_TYPES.length + 1}`;
  for (let row = 2; row <= 1001; row++) {
    // A warning, not a refusal: the abbreviations officers write (LĐTT, BK TTg) are read too.
    sheet.getCell(row, columnOf('awardType')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [awardList],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Hình thức khen thưởng',
      error: 'Không có trong danh mục; hệ thống sẽ thử đọc tên viết tắt khi tải lên.',
    };
    sheet.getCell(row, columnOf('year')).dataValidation = {
      type: 'whole',
      operator: 'between',
      allowBlank: true,
      formulae: [1945, 2100],
      showErrorMessage: true,
      errorTitle: 'Năm thành tích',
      error: 'Năm là số có 4 chữ số, ví dụ 2024.',
    };
    sheet.getCell(row, columnOf('issuedOn')).numFmt = 'dd/mm/yyyy';
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell's value as the rule reads it: rich text and links as their text, a formula as its result. */
export function plainCell(value: CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined || (typeof result === 'object' && !(result instanceof Date))
      ? null
      : (result as SheetCell);
  }
  return null;
}

function cellsOf(values: unknown): SheetCell[] {
  return Array.isArray(values) ? (values as CellValue[]).slice(1).map(plainCell) : [];
}

export interface GrantSheet {
  rows: SheetGrantRow[];
}

const TOO_MANY_ROWS = `Mỗi tệp tối đa ${MAX_SHEET_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia thành nhiều tệp.`;

/**
 * The rows of an uploaded workbook, each read by the rule; FileRefused when it cannot be read at all.
 * The workbook is streamed (ExcelJS's WorkbookReader: 10 s for 50,000 rows here, where loading it whole
 * took 26 s and twice the memory); the first sheet with the template's header row is the one read.
 */
export async function readGrantWorkbook(bytes: Buffer): Promise<GrantSheet> {
  await checkXlsxContainer(bytes);
  const reader = new stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache', // date cells come as dates
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let columns: Record<GrantColumn, number> | null = null;
  let headerMessage = '';
  let sheets = 0;
  const rows: SheetGrantRow[] = [];
  try {
    for await (const sheet of reader) {
      sheets++;
      for await (const row of sheet) {
        if (!columns) {
          if (row.number > HEADER_SEARCH_ROWS) continue;
          const verdict = mapGrantHeaders(cellsOf(row.values));
          if (verdict.ok) columns = verdict.columns;
          else headerMessage ||= verdict.message;
          continue;
        }
        if (row.number > MAX_SHEET_ROWS + HEADER_SEARCH_ROWS) throw new FileRefused('BAD_SHEET', TOO_MANY_ROWS);
        const read = readGrantRow(row.number, cellsOf(row.values), columns);
        if (read) rows.push(read);
      }
      if (columns) break;
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused('NOT_XLSX', 'Không đọc được tệp Excel (tệp hỏng hoặc có mật khẩu).');
  }
  if (!sheets) throw new FileRefused('BAD_SHEET', 'Tệp không có trang tính nào.');
  if (!columns)
    throw new FileRefused(
      'BAD_SHEET',
      `${headerMessage || 'Không có dòng tiêu đề.'} Các cột cần có: ${GRANT_SHEET_COLUMNS.map((c) => c.header).join(', ')}.`,
    );
  if (rows.length === 0) throw new FileRefused('BAD_SHEET', 'Trang tính chưa có dòng dữ liệu nào.');
  if (rows.length > MAX_SHEET_ROWS) throw new FileRefused('BAD_SHEET', TOO_MANY_ROWS);
  return { rows };
}
