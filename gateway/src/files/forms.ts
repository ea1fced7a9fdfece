/**
 * The statistical forms 0601–0605.N/BNV-TĐKT of Thông tư 02/2023/TT-BNV as .xlsx:
 * `GET /files/forms/<0601…0605>.xlsx?year=2024` (or `yearFrom`/`yearTo`), for one unit and its subtree
 * (`organizationCode`), one bloc (`blocCode`, forms 0602–0603) or the whole country (neither).
 *
 * 0601 comes from `statisticalForm0601` (campaigns), 0602 and 0603 from `statisticalForm0602/0603`
 * (awards), run through the gateway as this caller: the file has exactly the GraphQL answer's numbers.
 * 0604 and 0605 have no data on the platform (forms-staff.ts says why, on the form).
 */
import type { Request, Response } from 'express';
import { FileRefusal, codeParam, refusalFor, runOperation, yearParam, type FileRouteDeps } from './http.js';
import { FORM_0604, FORM_0605, type StaticForm } from './forms-staff.js';
import {
  FIRST_VALUE_COLUMN,
  addSheet,
  newWorkbook,
  periodLabel,
  sendWorkbook,
  writeNotes,
  writeSignatureBlock,
  writeTable,
  writeTitleBlock,
  type Table,
} from './xlsx.js';

const LEGAL_BASIS = 'Thông tư số 02/2023/TT-BNV ngày 23/3/2023 của Bộ trưởng Bộ Nội vụ';
const RECEIVING_UNIT = 'Bộ Nội vụ (Ban Thi đua – Khen thưởng Trung ương)';
// Thông tư 02/2023/TT-BNV: the annual TĐKT forms are received on 15 December.
const DUE_DATE = 'ngày 15/12 hằng năm';

const SCOPE = `
  unit: organization(code: $unit) @include(if: $withUnit) { code name }
  bloc(code: $bloc) @include(if: $withBloc) { code name }`;

const AWARD_FORM = (
  field: string,
) => `query FileStatisticalForm($filter: AwardFormFilter!, $unit: String!, $withUnit: Boolean!, $bloc: String!, $withBloc: Boolean!) {${SCOPE}
  form: ${field}(filter: $filter) {
    form title legalBasis yearFrom yearTo notes
    columns { key group groupLabel label subjectKind }
    rows { code label unit available total values }
  }
}`;

const MOVEMENT_FORM = `query FileStatisticalForm0601($filter: MovementFormFilter!, $unit: String!, $withUnit: Boolean!, $bloc: String!, $withBloc: Boolean!) {${SCOPE}
  form: statisticalForm0601(filter: $filter) {
    form title legalBasis yearFrom yearTo notes openEnded
    columns { key label }
    rows { code label total values }
  }
}`;

const UNIT_ONLY = `query FileStatisticalFormUnit($unit: String!, $withUnit: Boolean!, $bloc: String!, $withBloc: Boolean!) {${SCOPE}
}`;

interface Named {
  code: string;
  name: string;
}

interface FormAnswer {
  unit?: Named | null;
  bloc?: Named | null;
  form?: {
    form: string;
    title: string;
    yearFrom: number;
    yearTo: number;
    notes: string[];
    openEnded?: number;
    columns: { key: string; label: string; group?: string; groupLabel?: string; subjectKind?: string | null }[];
    rows: {
      code: string;
      label: string;
      unit?: string | null;
      available?: boolean;
      total: number | null;
      values: (number | null)[];
    }[];
  } | null;
}

const SUBJECT_KIND: Record<string, string> = { COLLECTIVE: 'Tập thể', PERSON: 'Cá nhân', HOUSEHOLD: 'Hộ gia đình' };

export const FORM_NUMBERS = ['0601', '0602', '0603', '0604', '0605'] as const;
export type FormNumber = (typeof FORM_NUMBERS)[number];

interface FormRequest {
  form: FormNumber;
  yearFrom: number;
  yearTo: number;
  organizationCode: string | null;
  blocCode: string | null;
}

function parseRequest(req: Request): FormRequest {
  const form = String(req.params['form'] ?? '') as FormNumber;
  if (!FORM_NUMBERS.includes(form))
    throw new FileRefusal(404, 'NOT_FOUND', 'Không có biểu mẫu này; các biểu có: 0601, 0602, 0603, 0604, 0605.');
  const year = req.query['year'] !== undefined ? yearParam(req, 'year') : undefined;
  const yearFrom = year ?? yearParam(req, 'yearFrom');
  const yearTo = year ?? yearParam(req, 'yearTo');
  if (yearFrom > yearTo) throw new FileRefusal(400, 'BAD_USER_INPUT', 'Năm bắt đầu sau năm kết thúc.');
  const organizationCode = codeParam(req.query['organizationCode'], 'đơn vị');
  const blocCode = codeParam(req.query['blocCode'], 'khối/cụm');
  if (organizationCode && blocCode)
    throw new FileRefusal(400, 'BAD_USER_INPUT', 'Chọn một đơn vị hoặc một khối/cụm, không chọn cả hai.');
  if (blocCode && form !== '0602' && form !== '0603')
    throw new FileRefusal(400, 'BAD_USER_INPUT', `Biểu ${form} không lập theo khối/cụm thi đua; hãy chọn đơn vị.`);
  return { form, yearFrom, yearTo, organizationCode, blocCode };
}

function scopeVariables(request: FormRequest): Record<string, unknown> {
  return {
    unit: request.organizationCode ?? '',
    withUnit: !!request.organizationCode,
    bloc: request.blocCode ?? '',
    withBloc: !!request.blocCode,
  };
}

function reportingUnit(request: FormRequest, answer: FormAnswer): string {
  if (request.organizationCode) {
    if (!answer.unit)
      throw new FileRefusal(404, 'NOT_FOUND', `Không tìm thấy đơn vị có mã ${request.organizationCode}.`);
    return `${answer.unit.name} (và các đơn vị trực thuộc)`;
  }
  if (request.blocCode) {
    if (!answer.bloc) throw new FileRefusal(404, 'NOT_FOUND', `Không tìm thấy khối/cụm có mã ${request.blocCode}.`);
    return `Các thành viên của ${answer.bloc.name}`;
  }
  return 'Cả nước (tổng hợp)';
}

/** The table of a GraphQL form: its columns as header levels (group, award, subject kind), its rows. */
function tableOf(form: NonNullable<FormAnswer['form']>, unit: string): Table {
  const headers: string[][] = [];
  if (form.columns.some((column) => column.groupLabel)) headers.push(form.columns.map((c) => c.groupLabel ?? ''));
  const split = form.columns.some((column) => column.subjectKind);
  // "Huân chương Lao động hạng Ba – Cá nhân": the award on one level, the subject kind below it.
  headers.push(
    form.columns.map((column) =>
      split ? column.label.replace(/\s+[–-]\s+(Tập thể|Cá nhân|Hộ gia đình)$/, '') : column.label,
    ),
  );
  if (split) headers.push(form.columns.map((column) => SUBJECT_KIND[column.subjectKind ?? ''] ?? ''));
  const noteColumn = form.rows.some((row) => row.available === false);
  return {
    headers,
    noteColumn,
    rows: form.rows.map((row) => ({
      code: row.code,
      label: row.label,
      unit: row.unit ?? unit,
      total: row.total,
      values: row.values,
      note: row.available === false ? 'Chưa có dữ liệu (xem ghi chú).' : null,
    })),
  };
}

function filename(form: string, request: FormRequest, scope: string | null): string {
  const period = request.yearFrom === request.yearTo ? `${request.yearFrom}` : `${request.yearFrom}-${request.yearTo}`;
  return `Biểu ${form.replace(/\//g, '-')} năm ${period}${scope ? ` - ${scope}` : ''}.xlsx`;
}

export async function downloadForm(deps: FileRouteDeps, req: Request, res: Response): Promise<void> {
  const request = parseRequest(req);
  const scope = scopeVariables(request);
  let answer: FormAnswer;
  let table: Table;
  let title: string;
  let formCode: string;
  let notes: string[];
  let fixed: StaticForm | null = null;
  if (request.form === '0604' || request.form === '0605') {
    fixed = request.form === '0604' ? FORM_0604 : FORM_0605;
    answer = {};
    if (request.organizationCode) {
      const result = await runOperation<FormAnswer>(deps, res, UNIT_ONLY, scope);
      const refusal = refusalFor(result.errors, res.locals['caller']);
      if (refusal) throw refusal;
      answer = result.data ?? {};
    }
    table = { headers: fixed.headers, rows: fixed.rows, noteColumn: true };
    title = fixed.title;
    formCode = fixed.form;
    notes = fixed.notes;
  } else {
    const filter: Record<string, unknown> = { yearFrom: request.yearFrom, yearTo: request.yearTo };
    if (request.organizationCode) filter['organizationCode'] = request.organizationCode;
    if (request.blocCode) filter['blocCode'] = request.blocCode;
    const document = request.form === '0601' ? MOVEMENT_FORM : AWARD_FORM(`statisticalForm${request.form}`);
    const result = await runOperation<FormAnswer>(deps, res, document, { filter, ...scope });
    const refusal = refusalFor(result.errors, res.locals['caller']);
    if (refusal) throw refusal;
    answer = result.data ?? {};
    if (!answer.form) throw new FileRefusal(404, 'NOT_FOUND', `Không lập được biểu ${request.form}.`);
    table = tableOf(answer.form, request.form === '0601' ? 'Phong trào' : 'Lượt');
    title = answer.form.title;
    formCode = answer.form.form;
    notes = [...answer.form.notes];
    if (request.form === '0601' && answer.form.openEnded)
      notes.push(
        `${answer.form.openEnded} phong trào chưa có ngày kết thúc: có trong dòng tổng số, phạm vi và hình thức, không có trong dòng thời hạn.`,
      );
  }
  const unitName = reportingUnit(request, answer);

  const workbook = newWorkbook();
  const sheet = addSheet(workbook, `Biểu ${request.form}`);
  const valueCount = table.rows[0]?.values.length ?? 0;
  const width = Math.max(6, FIRST_VALUE_COLUMN - 1 + valueCount + (table.noteColumn ? 1 : 0));
  let row = writeTitleBlock(sheet, width, {
    form: formCode,
    title,
    period: periodLabel(request.yearFrom, request.yearTo),
    reportingUnit: unitName,
    receivingUnit: RECEIVING_UNIT,
    legalBasis: LEGAL_BASIS,
    dueDate: DUE_DATE,
  });
  row = writeTable(sheet, row, table);
  row = writeNotes(sheet, row, width, notes);
  writeSignatureBlock(sheet, row, width);
  const scopeName = answer.unit?.name ?? answer.bloc?.name ?? null;
  await sendWorkbook(res, workbook, filename(formCode, request, scopeName));
}
