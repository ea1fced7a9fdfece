/**
 * The grant import from an .xlsx, over HTTP through the gateway, as an officer does it: download the
 * template, fill it in (ExcelJS, here), upload, read each row's verdict, fix the sheet, commit, commit
 * again (nothing changes), see the grants. Hostile uploads (a zip bomb named .xlsx, an HTML page renamed
 * .xlsx, a file over the size limit, a plain form post from another site) are refused with a Vietnamese
 * message and leave nothing stored. One stack for the whole file.
 */
import { Workbook } from 'exceljs';
import { deflateRawSync } from 'node:zlib';
import { contractOperation } from '../support/operations';
import { createTestPerson, dataOf, startStack, type Stack } from '../support/stack';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let stack: Stack;
let board: string;
let filesUrl: string;
const ids: Record<string, string> = {};

const COMMIT = `mutation($sha: String!) {
  commitGrantImport(fileSha256: $sha) {
    fileSha256 alreadyCommitted committedAt
    result { imported skipped errors { row code message } skippedRows { row message } }
  }
}`;
const GRANTS = `query($id: ID!) { person(id: $id) { grants { year awardType { code } decision { number issuedOn } } } }`;

beforeAll(async () => {
  stack = await startStack();
  board = await stack.token('CENTRAL_BOARD');
  filesUrl = new URL('/files/import/grants', stack.gatewayUrl).toString();
  // A department of the ministry: its head decides the base-level titles (Luật TĐKT 2022, Điều 80 khoản 1).
  dataOf(
    await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'VU_NHAP_BTP', name: 'Vụ Pháp chế', kind: 'DEPARTMENT', parentCode: 'BTP' } },
      { token: board },
    ),
  );
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Trần Thị Bính'])
    ids[name] = await createTestPerson(stack, name, 'VU_NHAP_BTP');
});
afterAll(() => stack?.stop());

/** A JSON answer, read as the test checks it. */
const json = (response: Response): Promise<any> => response.json();

const upload = (body: Uint8Array | string, headers: Record<string, string> = {}) =>
  fetch(`${filesUrl}?name=khen-thuong.xlsx`, {
    method: 'POST',
    headers: { authorization: `Bearer ${board}`, 'content-type': XLSX, ...headers },
    body,
  });

const storedFiles = async () =>
  Number(
    (
      await stack.subgraphs['awards']!.database.dataSource.query(`SELECT count(*) AS n FROM awards.grant_import_file`)
    )[0].n,
  );

/** `saver` names who saved the file: two saves of the same rows differ by it, as two officers' files would. */
async function filled(template: Buffer, rows: (string | number)[][], saver = 'Cán bộ TĐKT'): Promise<Uint8Array> {
  const workbook = new Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  workbook.lastModifiedBy = saver;
  const sheet = workbook.getWorksheet('Khen thưởng')!;
  rows.forEach((row, index) => {
    sheet.getRow(index + 2).values = [index + 1, ...row];
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

it('imports a filled template: verdicts per row, fix, commit once, the grants are there', async () => {
  const download = await fetch(`${filesUrl}/template`, { headers: { authorization: `Bearer ${board}` } });
  expect(download.status).toBe(200);
  expect(download.headers.get('content-type')).toBe(XLSX);
  const template = Buffer.from(await download.arrayBuffer());
  const check = new Workbook();
  await check.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = check.getWorksheet('Khen thưởng')!;
  expect(sheet.getRow(1).values).toEqual([
    undefined,
    'STT',
    'Họ và tên',
    'Mã đơn vị',
    'Hình thức khen thưởng',
    'Năm thành tích',
    'Số quyết định',
    'Ngày quyết định',
    'Mã cơ quan ban hành',
  ]);
  expect(sheet.getCell('D2').dataValidation).toMatchObject({
    type: 'list',
    formulae: [expect.stringMatching(/Danh mục/)],
  });

  const rows = (second: string) => [
    ['Nguyen Van An', 'VU_NHAP_BTP', 'LĐTT', 2024, '1/QĐ-PC', '15/01/2025', 'VU_NHAP_BTP'],
    [second, 'VU_NHAP_BTP', 'LĐTT', 2024, '1/QĐ-PC', '2025-01-15', 'VU_NHAP_BTP'],
    // 45693 is 2025-02-05 as Excel counts days.
    ['Nguyễn Văn An', 'VU_NHAP_BTP', 'GK', 2024, '2/QĐ-PC', 45693, 'VU_NHAP_BTP'],
  ];
  const first = await upload(await filled(template, rows('Tran Thi Binh')));
  expect(first.status).toBe(200);
  const preview = await json(first);
  expect(preview).toMatchObject({ status: 'REFUSED', summary: { rows: 3, errors: 1 } });
  expect(preview.rows[0]).toMatchObject({ row: 2, verdict: 'OK' });
  expect(preview.rows[0].understood).toEqual([
    'Hình thức khen thưởng: "LĐTT" → Lao động tiên tiến',
    'Họ và tên: "Nguyen Van An" → Nguyễn Văn An (Vụ Pháp chế)',
  ]);
  expect(preview.rows[1].verdict).toBe('ERROR');
  expect(preview.rows[1].messages[0]).toContain('Dòng 3: cột Họ và tên: Vụ Pháp chế có 2 người tên "Tran Thi Binh"');
  expect(preview.rows[2].understood).toContain('Ngày quyết định: số ngày Excel 45693 → 05/02/2025');
  // A refused file is not imported, not even its good rows.
  const refused = dataOf(await stack.gql(COMMIT, { sha: preview.fileSha256 }, { token: board })).commitGrantImport;
  expect(refused).toMatchObject({ alreadyCommitted: false, committedAt: null, result: { imported: 0 } });
  expect(refused.result.errors).toHaveLength(1);

  const fixedFile = await filled(template, rows('Trần Thị Bình'));
  const fixed = await json(await upload(fixedFile));
  expect(fixed).toMatchObject({ status: 'READY', summary: { rows: 3, ok: 3, errors: 0 } });
  expect(dataOf(await stack.gql(GRANTS, { id: ids['Nguyễn Văn An'] }, { token: board })).person.grants).toEqual([]);

  const commit = dataOf(await stack.gql(COMMIT, { sha: fixed.fileSha256 }, { token: board })).commitGrantImport;
  expect(commit).toMatchObject({ alreadyCommitted: false, result: { imported: 3, skipped: 0, errors: [] } });
  expect(commit.committedAt).not.toBeNull();
  const again = dataOf(await stack.gql(COMMIT, { sha: fixed.fileSha256 }, { token: board })).commitGrantImport;
  expect(again).toEqual({ ...commit, alreadyCommitted: true });

  const grants = dataOf(await stack.gql(GRANTS, { id: ids['Nguyễn Văn An'] }, { token: board })).person.grants;
  expect(grants.map((g: any) => [g.awardType.code, g.year, g.decision.number, g.decision.issuedOn]).sort()).toEqual([
    ['GIAY_KHEN', 2024, '2/QĐ-PC', '2025-02-05'],
    ['LDTT', 2024, '1/QĐ-PC', '2025-01-15'],
  ]);
  expect(dataOf(await stack.gql(GRANTS, { id: ids['Trần Thị Bình'] }, { token: board })).person.grants).toHaveLength(1);
  // The same file uploaded once more is recognised; another file with the same rows would import nothing.
  expect(await json(await upload(fixedFile))).toMatchObject({ status: 'COMMITTED', fileSha256: fixed.fileSha256 });
  const copy = await json(await upload(await filled(template, rows('Trần Thị Bình'), 'Cán bộ TĐKT khác')));
  expect(copy).toMatchObject({ status: 'READY', summary: { rows: 3, duplicates: 3 } });
  expect(copy.rows[0].messages[0]).toContain(
    'Dòng 2: Lao động tiên tiến năm 2024 của người này đã có trong sổ khen thưởng',
  );
});

describe('hostile uploads are refused and leave nothing stored', () => {
  let before: number;
  beforeAll(async () => {
    before = await storedFiles();
  });
  afterAll(async () => {
    expect(await storedFiles()).toBe(before);
  });

  const refusal = async (response: Response, status: number, code: string, text: string) => {
    expect(response.status).toBe(status);
    const body = await json(response);
    expect(body.errors[0].extensions.code).toBe(code);
    expect(body.errors[0].message).toContain(text);
  };

  it.each([
    ['declares its inflated size (300 MB)', 300 * 1024 * 1024],
    ['hides it (declares 1 kB, inflates to 16 MB)', 1024],
  ])('a zip bomb named .xlsx whose sheet %s', async (_case, declared) => {
    const bomb = zipOf([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(16 * 1024 * 1024), declared },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    await refusal(await upload(bomb), 400, 'ZIP_BOMB', 'khi giải nén, nội dung lớn bất thường');
  });

  it('a zip bomb named .xlsx: thousands of entries', async () => {
    const entries = Array.from({ length: 1100 }, (_, i) => ({ name: `xl/x${i}.xml`, data: Buffer.alloc(0) }));
    await refusal(await upload(zipOf(entries)), 400, 'ZIP_BOMB', 'có thể là tệp độc hại');
  });

  it('an HTML page renamed .xlsx', async () => {
    await refusal(
      await upload('<html><script>alert(1)</script></html>'),
      400,
      'NOT_XLSX',
      'Tệp không phải bảng tính Excel (.xlsx)',
    );
  });

  it('a file over the size limit, refused before it is read', async () => {
    await refusal(await upload(new Uint8Array(21 * 1024 * 1024)), 413, 'FILE_TOO_LARGE', 'Tệp quá lớn; tối đa 20 MB');
  });

  it('a form post (no custom content type), another site, no token', async () => {
    await refusal(
      await upload('x', { 'content-type': 'multipart/form-data; boundary=x' }),
      415,
      'BAD_REQUEST',
      'Content-Type',
    );
    await refusal(await upload('x', { origin: 'https://evil.example' }), 403, 'FORBIDDEN', 'trang web khác');
    await refusal(await upload('x', { authorization: '' }), 401, 'UNAUTHENTICATED', 'Cần đăng nhập');
  });
});

/**
 * A zip archive (PKWARE APPNOTE 4.3: local headers, central directory, end record) whose entries may
 * declare an uncompressed size other than their real one, as a crafted bomb does; no CRC (the reader
 * under test refuses on sizes first).
 */
function zipOf(entries: { name: string; data: Buffer; declared?: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const data = deflateRawSync(entry.data, { level: 1 });
    const size = entry.declared ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
