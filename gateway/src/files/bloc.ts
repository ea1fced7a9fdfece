/**
 * A bloc's year as .xlsx: `GET /files/blocs/<bloc code>/<year>/ranking.xlsx` (the summing-up ranking
 * and the leading unit the bloc acclaimed; public once the pledge is out of draft, as in GraphQL) and
 * `…/scorecards.xlsx` (the ranking, then every member's self, cross and verified scorecards item by
 * item; only the Central Board and the officers of that year's members see scorecards, so the public
 * is asked to sign in and anyone else is refused). Both from `bloc { pledge(year) }` run through the
 * gateway as this caller.
 */
import type { Request, Response } from 'express';
import { FileRefusal, codeParam, refusalFor, runOperation, type FileRouteDeps } from './http.js';
import { addSheet, newWorkbook, sendWorkbook, text, type Worksheet } from './xlsx.js';

const PLEDGE_FIELDS = `year theme status bonusCap
      items { code title maxScore }
      ranking { rank totalScore organization { code name } }
      leadingUnit { code name }`;

const RANKING = `query FileBlocRanking($code: String!, $year: Int!) {
  bloc(code: $code) { code name pledge(year: $year) { ${PLEDGE_FIELDS} } }
}`;

const SCORECARDS = `query FileBlocScorecards($code: String!, $year: Int!) {
  bloc(code: $code) {
    code name
    pledge(year: $year) {
      ${PLEDGE_FIELDS}
      scorecards { stage bonus penalty totalScore submittedAt scores { itemCode points } organization { code name } }
    }
  }
}`;

interface Named {
  code: string;
  name: string;
}

interface Scorecard {
  stage: 'SELF' | 'CROSS' | 'VERIFIED';
  bonus: number;
  penalty: number;
  totalScore: number;
  submittedAt: string;
  scores: { itemCode: string; points: number }[];
  organization: Named | null;
}

interface BlocAnswer {
  bloc: {
    code: string;
    name: string;
    pledge: {
      year: number;
      theme: string;
      status: string;
      bonusCap: number;
      items: { code: string; title: string; maxScore: number }[];
      ranking: { rank: number; totalScore: number; organization: Named | null }[];
      leadingUnit: Named | null;
      scorecards?: Scorecard[] | null;
    } | null;
  } | null;
}

type Pledge = NonNullable<NonNullable<BlocAnswer['bloc']>['pledge']>;

const STAGE: Record<Scorecard['stage'], string> = { SELF: 'Tự chấm', CROSS: 'Chấm chéo', VERIFIED: 'Khối thẩm định' };
const STAGE_ORDER: Scorecard['stage'][] = ['SELF', 'CROSS', 'VERIFIED'];
// Dates as an officer reads them: dd/mm/yyyy, on the Vietnamese calendar day (UTC+7).
const VIETNAM_DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const FONT = { name: 'Times New Roman', size: 11 } as const;
const BOX = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
} as const;

function line(sheet: Worksheet, row: number, width: number, value: string, bold = false, size = 12): void {
  if (width > 1) sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = text(value);
  cell.font = { ...FONT, size, bold };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function tableRow(sheet: Worksheet, row: number, values: (string | number | null)[], header = false): void {
  values.forEach((value, index) => {
    const cell = sheet.getCell(row, index + 1);
    cell.value = typeof value === 'string' ? text(value) : value;
    cell.font = { ...FONT, bold: header };
    cell.border = BOX;
    cell.alignment = { vertical: 'middle', wrapText: true, horizontal: typeof value === 'number' ? 'right' : 'left' };
    if (header) cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/** The ranking sheet: title, bloc and year, the ranking table, the leading unit. */
function writeRanking(sheet: Worksheet, blocName: string, pledge: Pledge): void {
  line(sheet, 1, 4, `BẢNG XẾP HẠNG THI ĐUA NĂM ${pledge.year}`, true, 14);
  line(sheet, 2, 4, blocName, true);
  line(sheet, 3, 4, `Giao ước: ${pledge.theme}`);
  tableRow(sheet, 5, ['Thứ hạng', 'Mã đơn vị', 'Đơn vị', 'Tổng điểm'], true);
  let row = 6;
  for (const entry of pledge.ranking) {
    tableRow(sheet, row++, [
      entry.rank,
      entry.organization?.code ?? '',
      entry.organization?.name ?? '',
      entry.totalScore,
    ]);
  }
  if (pledge.ranking.length === 0) line(sheet, row++, 4, 'Chưa có bảng xếp hạng: giao ước chưa tổng kết.');
  row++;
  line(
    sheet,
    row,
    4,
    pledge.leadingUnit
      ? `Đơn vị dẫn đầu được khối suy tôn: ${pledge.leadingUnit.name}`
      : 'Khối chưa suy tôn đơn vị dẫn đầu (chưa có biểu quyết đạt).',
    true,
  );
  sheet.getColumn(1).width = 10;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 52;
  sheet.getColumn(4).width = 14;
}

/** One row per member and stage: the points of each item, bonus, penalty, total. */
function writeScorecards(sheet: Worksheet, blocName: string, pledge: Pledge, cards: Scorecard[]): void {
  const width = 4 + pledge.items.length + 3;
  line(sheet, 1, width, `PHIẾU CHẤM ĐIỂM THI ĐUA NĂM ${pledge.year}`, true, 14);
  line(sheet, 2, width, blocName, true);
  line(sheet, 3, width, `Điểm thưởng tối đa: ${pledge.bonusCap}`);
  tableRow(
    sheet,
    5,
    [
      'Mã đơn vị',
      'Đơn vị',
      'Bước chấm',
      'Ngày chấm',
      ...pledge.items.map((item) => `${item.code}. ${item.title} (tối đa ${item.maxScore})`),
      'Điểm thưởng',
      'Điểm trừ',
      'Tổng điểm',
    ],
    true,
  );
  const sorted = [...cards].sort(
    (a, b) =>
      (a.organization?.name ?? '').localeCompare(b.organization?.name ?? '', 'vi') ||
      STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage),
  );
  let row = 6;
  for (const card of sorted) {
    const points = new Map(card.scores.map((score) => [score.itemCode, score.points]));
    tableRow(sheet, row++, [
      card.organization?.code ?? '',
      card.organization?.name ?? '',
      STAGE[card.stage],
      VIETNAM_DATE.format(new Date(card.submittedAt)),
      ...pledge.items.map((item) => points.get(item.code) ?? null),
      card.bonus,
      card.penalty,
      card.totalScore,
    ]);
  }
  if (sorted.length === 0) line(sheet, row, width, 'Chưa có phiếu chấm điểm nào.');
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 40;
  sheet.getColumn(3).width = 16;
  sheet.getColumn(4).width = 12;
  for (let column = 5; column <= width; column++) sheet.getColumn(column).width = 16;
}

export async function downloadBlocDocument(deps: FileRouteDeps, req: Request, res: Response): Promise<void> {
  const code = codeParam(req.params['code'], 'khối/cụm')!;
  const year = Number(req.params['year']);
  if (!/^\d{4}$/.test(String(req.params['year'])) || year < 1945 || year > 2100)
    throw new FileRefusal(400, 'BAD_USER_INPUT', 'Năm phải trong khoảng 1945–2100.');
  const document = req.params['document'];
  if (document !== 'ranking' && document !== 'scorecards')
    throw new FileRefusal(404, 'NOT_FOUND', 'Không có tài liệu này; có: ranking.xlsx, scorecards.xlsx.');
  const result = await runOperation<BlocAnswer>(deps, res, document === 'ranking' ? RANKING : SCORECARDS, {
    code,
    year,
  });
  const refusal = refusalFor(result.errors, res.locals['caller']);
  if (refusal) throw refusal;
  const bloc = result.data?.bloc;
  if (!bloc) throw new FileRefusal(404, 'NOT_FOUND', `Không tìm thấy khối/cụm có mã ${code}.`);
  if (!bloc.pledge) throw new FileRefusal(404, 'NOT_FOUND', `${bloc.name} chưa có giao ước năm ${year}.`);

  const workbook = newWorkbook();
  writeRanking(addSheet(workbook, 'Xếp hạng'), bloc.name, bloc.pledge);
  if (document === 'scorecards')
    writeScorecards(addSheet(workbook, 'Phiếu chấm điểm'), bloc.name, bloc.pledge, bloc.pledge.scorecards ?? []);
  const what = document === 'ranking' ? 'Bảng xếp hạng' : 'Phiếu chấm điểm';
  await sendWorkbook(res, workbook, `${what} ${bloc.name} năm ${year}.xlsx`);
}
