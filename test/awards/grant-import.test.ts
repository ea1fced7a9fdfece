/**
 * importGrants with a real spreadsheet of past awards, through the gateway: dates as officers write
 * them, the abbreviations they use, the issuer's authority and the decision date checked as a decision
 * is (legacy rows flagged, never silently trusted), every skipped or refused row named by its row
 * number, and one decision however its number is typed. A refused row keeps the whole batch out
 * (nothing half-imported): the result lists every bad row so the officer fixes the sheet once.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
const persons: string[] = [];

const IMPORT = `mutation($input: ImportGrantsInput!) {
  importGrants(input: $input) {
    imported skipped
    errors { index row code message }
    skippedRows { index row code message }
    flagged { index row code message }
  }
}`;

const GRANTS = `query($id: ID!) {
  person(id: $id) {
    grants { year awardType { code } decision { id number issuedOn } authorityVerified authorityNote }
  }
}`;

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  // A department of the ministry: its head decides the base-level titles (Luật TĐKT 2022, Điều 80 khoản 1).
  dataOf(
    await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'VU_TCCB_BTP', name: 'Vụ Tổ chức cán bộ', kind: 'DEPARTMENT', parentCode: 'BTP' } },
      { token: board },
    ),
  );
  for (const name of [
    'Lê Văn An',
    'Trần Thị Bình',
    'Nguyễn Văn Cường',
    'Phạm Thị Dung',
    'Hoàng Văn Em',
    'Vũ Thị Giang',
  ])
    persons.push(await createTestPerson(stack, name, 'VU_TCCB_BTP'));
});
afterAll(() => stack?.stop());

const row = (
  person: number,
  awardTypeCode: string,
  year: number,
  decisionNumber: string,
  issuedOn: string,
  issuerCode = 'VU_TCCB_BTP',
) => ({
  personId: persons[person],
  awardTypeCode,
  year,
  basis: 'MERIT',
  decisionNumber,
  issuedOn,
  issuerCode,
});

const importRows = async (grants: unknown[], extra: Record<string, unknown> = {}) =>
  dataOf(await stack.gql(IMPORT, { input: { grants, ...extra } }, { token: board })).importGrants;

const grantsOf = async (person: number) =>
  dataOf(await stack.gql(GRANTS, { id: persons[person] }, { token: board })).person.grants;

it('reads dates written dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd', async () => {
  const result = await importRows([
    row(0, 'LDTT', 2024, '1/QĐ-TCCB', '15/01/2025'),
    row(0, 'GIAY_KHEN', 2024, '2/QĐ-TCCB', '5/2/2025'),
    row(0, 'CSTD_CO_SO', 2024, '3/QĐ-TCCB', '2025-03-01'),
  ]);
  expect(result).toMatchObject({ imported: 3, skipped: 0, errors: [] });
  expect((await grantsOf(0)).map((grant: any) => [grant.awardType.code, grant.decision.issuedOn])).toEqual([
    ['LDTT', '2025-01-15'],
    ['GIAY_KHEN', '2025-02-05'],
    ['CSTD_CO_SO', '2025-03-01'],
  ]);
});

it('refuses a row with a bad date by its row number, in Vietnamese, and lists every bad row', async () => {
  const result = await importRows(
    [
      row(1, 'LDTT', 2024, '10/QĐ-TCCB', '15/01/2025'),
      row(1, 'GIAY_KHEN', 2024, '11/QĐ-TCCB', '31/02/2025'),
      row(1, 'CSTD_CO_SO', 2024, '12/QĐ-TCCB', 'tháng 3/2025'),
    ],
    { firstRowNumber: 2 },
  );
  expect(result.imported).toBe(0);
  expect(result.errors.map((error: any) => [error.index, error.row, error.code])).toEqual([
    [1, 3, 'BAD_USER_INPUT'],
    [2, 4, 'BAD_USER_INPUT'],
  ]);
  expect(result.errors[0].message).toMatch(/^Dòng 3: ngày "31\/02\/2025" không có trên lịch/);
  expect(result.errors[1].message).toMatch(/^Dòng 4: ngày "tháng 3\/2025" không đúng định dạng; ghi ngày\/tháng\/năm/);
  for (const error of result.errors) expect(error.message).toBe(error.message.normalize('NFC'));
  expect(await grantsOf(1)).toEqual([]);
});

it('accepts the abbreviations officers write and refuses an ambiguous one with the choices', async () => {
  const ambiguous = await importRows([
    row(2, 'LĐTT', 2024, '20/QĐ-TCCB', '15/01/2025'),
    row(2, 'bk', 2024, '21/QĐ-BTP', '10/03/2025', 'BTP'),
    row(2, 'HCLĐ', 2024, '22/QĐ-CTN', '10/03/2025', 'CTN'),
  ]);
  expect(ambiguous.imported).toBe(0);
  expect(ambiguous.errors.map((error: any) => [error.row, error.code])).toEqual([
    [2, 'BAD_USER_INPUT'],
    [3, 'BAD_USER_INPUT'],
  ]);
  expect(ambiguous.errors[0].message).toContain('Bằng khen của Thủ tướng Chính phủ (BK TTg');
  expect(ambiguous.errors[1].message).toContain('HCLĐ hạng Nhì');

  const result = await importRows([
    row(2, 'LĐTT', 2024, '20/QĐ-TCCB', '15/01/2025'),
    row(2, 'cstđ cs', 2024, '23/QĐ-TCCB', '20/01/2025'),
    row(2, 'GK', 2023, '24/QĐ-TCCB', '20/01/2024'),
    row(2, 'BK Bộ', 2024, '21/QĐ-BTP', '10/03/2025', 'BTP'),
    row(2, 'HCLĐ hạng Ba', 2024, '22/QĐ-CTN', '10/03/2025', 'CTN'),
  ]);
  expect(result).toMatchObject({ imported: 5, errors: [] });
  expect((await grantsOf(2)).map((grant: any) => grant.awardType.code).sort()).toEqual(
    ['BANG_KHEN_BO_TINH', 'CSTD_CO_SO', 'GIAY_KHEN', 'HC_LAO_DONG_3', 'LDTT'].sort(),
  );
});

it('checks the issuer’s authority and the decision date as a decision is checked; legacy rows are flagged', async () => {
  const refused = await importRows([
    // Decided before the 2023 results could have been reviewed.
    row(3, 'CSTD_CO_SO', 2023, '30/QĐ-TCCB', '10/01/2023'),
    // Only the Prime Minister awards the Bằng khen của Thủ tướng Chính phủ (Luật TĐKT 2022, Điều 73).
    row(3, 'BK TTg', 2024, '31/QĐ-BTC', '10/03/2025', 'BTC'),
  ]);
  expect(refused.imported).toBe(0);
  expect(refused.errors.map((error: any) => [error.row, error.code])).toEqual([
    [1, 'BAD_USER_INPUT'],
    [2, 'FORBIDDEN'],
  ]);
  expect(refused.errors[0].message).toContain('chỉ được xét tặng sau khi bình xét, tổng kết năm 2023');
  expect(refused.errors[1].message).toContain('Bộ Tài chính');
  expect(refused.errors[1].message).toContain('không có thẩm quyền quyết định tặng Bằng khen của Thủ tướng Chính phủ');

  // Before Luật TĐKT 2022 (in force 01/01/2024) the engine holds no rules: imported, flagged with the reason.
  const legacy = await importRows([
    row(3, 'BK TTg', 2019, '32/QĐ-BTC', '10/03/2020', 'BTC'),
    row(3, 'LDTT', 2024, '33/QĐ-TCCB', '15/01/2025'),
  ]);
  expect(legacy).toMatchObject({ imported: 2, errors: [] });
  expect(legacy.flagged.map((note: any) => [note.row, note.code])).toEqual([[1, 'AUTHORITY_UNVERIFIED']]);
  expect(legacy.flagged[0].message).toContain('chưa kiểm tra thẩm quyền');
  const grants = await grantsOf(3);
  expect(grants.map((grant: any) => [grant.awardType.code, grant.authorityVerified])).toEqual([
    ['BANG_KHEN_TTG', false],
    ['LDTT', true],
  ]);
  expect(grants[0].authorityNote).toContain('Luật Thi đua, khen thưởng 2003');
  expect(grants[1].authorityNote).toBeNull();
});

it('names every skipped duplicate by its row number and says why', async () => {
  const rows = [
    row(4, 'LDTT', 2024, '40/QĐ-TCCB', '15/01/2025'),
    row(4, 'GIAY_KHEN', 2024, '41/QĐ-TCCB', '16/01/2025'),
  ];
  expect(await importRows(rows)).toMatchObject({ imported: 2, skipped: 0, skippedRows: [] });
  const again = await importRows([row(4, 'CSTD_CO_SO', 2024, '42/QĐ-TCCB', '20/01/2025'), ...rows, rows[0]], {
    firstRowNumber: 5,
  });
  expect(again).toMatchObject({ imported: 1, skipped: 3, errors: [] });
  expect(again.skippedRows.map((note: any) => [note.index, note.row, note.code])).toEqual([
    [1, 6, 'DUPLICATE'],
    [2, 7, 'DUPLICATE'],
    [3, 8, 'DUPLICATE'],
  ]);
  expect(again.skippedRows[0].message).toBe(
    'Dòng 6: Lao động tiên tiến năm 2024 của người này đã có trong sổ khen thưởng (quyết định số 40/QĐ-TCCB ngày 15/01/2025); bỏ qua.',
  );
  expect(again.skippedRows[2].message).toContain('trùng với dòng 6');
});

it('keeps one decision however its number is typed, here and in issueDecision', async () => {
  const variants = ['15/QĐ-TCCB', '15/qđ-tccb', '15 /QĐ-TCCB', '15/QĐ–TCCB', '15/QĐ-TCCB\u200b'];
  const result = await importRows(
    variants.map((number, index) =>
      row(
        5,
        ['LDTT', 'CSTD_CO_SO', 'GIAY_KHEN', 'LDTT', 'CSTD_CO_SO'][index]!,
        2020 + index,
        number,
        `${2021 + index}-01-20`,
      ),
    ),
  );
  // Different dates for one number: the second row on is a conflict with the first.
  expect(result.errors.map((error: any) => [error.row, error.code])).toEqual([
    [2, 'CONFLICT'],
    [3, 'CONFLICT'],
    [4, 'CONFLICT'],
    [5, 'CONFLICT'],
  ]);
  expect(result.errors[0].message).toContain('15/QĐ-TCCB');

  const same = await importRows(
    variants.map((number, index) => row(5, 'LDTT', 2019 + index, number, `${2019 + variants.length}-02-01`)),
  );
  expect(same).toMatchObject({ imported: 5, errors: [] });
  const decisions = new Set((await grantsOf(5)).map((grant: any) => grant.decision.id));
  expect(decisions.size).toBe(1);
  expect((await grantsOf(5))[0].decision.number).toBe('15/QĐ-TCCB');

  // issueDecision compares by the same key: "15/qđ–tccb" of the same issuer is the decision above.
  const officer = await stack.token('ORG_OFFICER', 'VU_TCCB_BTP');
  const created = dataOf(
    await stack.gql(
      contractOperation('CreateNomination'),
      {
        input: {
          awardTypeCode: 'GIAY_KHEN',
          personId: persons[5],
          year: 2025,
          basis: 'MERIT',
          proposedByCode: 'VU_TCCB_BTP',
        },
      },
      { token: officer },
    ),
  ).createNomination;
  dataOf(await stack.gql(contractOperation('SubmitNomination'), { id: created.id }, { token: officer }));
  expect(
    dataOf(
      await stack.gql(
        contractOperation('RecordCouncilVote'),
        { input: { nominationId: created.id, membersTotal: 9, yes: 9, no: 0, abstain: 0, votedOn: '2026-01-05' } },
        { token: board },
      ),
    ).recordCouncilVote.nomination.status,
  ).toBe('APPROVED');
  const issue = (number: string) =>
    stack.gql(
      contractOperation('IssueDecision'),
      { input: { number, issuedOn: '2026-01-10', issuerCode: 'VU_TCCB_BTP', nominationIds: [created.id] } },
      { token: board },
    );
  const clash = await issue(' 15 / qđ–tccb ');
  expect(errorCodes(clash)).toEqual(['CONFLICT']);
  expect(clash.body.errors?.[0]?.message).toBe('Vụ Tổ chức cán bộ đã có quyết định số 15 / qđ–tccb.');
  expect(dataOf(await issue('16/QĐ-TCCB')).issueDecision.number).toBe('16/QĐ-TCCB');
});

it('reads organization codes typed with spaces, lower case or invisible characters', async () => {
  const result = await importRows([
    { ...row(0, 'GK', 2023, '50/QĐ-TCCB', '20/01/2024'), issuerCode: ' vu_tccb_btp\u200b ' },
    {
      organizationCode: ' Vu_Tccb_Btp ',
      awardTypeCode: 'GK',
      year: 2022,
      basis: 'MERIT',
      decisionNumber: '51/QĐ-BTP',
      issuedOn: '20/01/2023',
      issuerCode: '\ufeffBTP',
    },
  ]);
  expect(result).toMatchObject({ imported: 2, errors: [] });
});

it('imports a sheet of 100 rows in as many SQL statements as one of 10', async () => {
  const sheet = (count: number, from: number) =>
    Array.from({ length: count }, (_, index) =>
      row(
        index % persons.length,
        'GK',
        from + Math.floor(index / persons.length),
        `${from}.${index}/QĐ-SQL`,
        '2021-06-01',
      ),
    );
  const measure = async (grants: unknown[]) => {
    const response = await stack.gql(IMPORT, { input: { grants } }, { token: board, headers: { 'x-tdkt-stats': '1' } });
    expect(dataOf(response).importGrants.errors).toEqual([]);
    return response.body.extensions!['stats'].sqlStatements.awards as number;
  };
  const small = await measure(sheet(10, 1960));
  const large = await measure(sheet(100, 1970));
  expect(large).toBe(small);
});

it('settles concurrent imports of one sheet in different orders: each grant and decision once, no error', async () => {
  // Basis SENIORITY: grants of their own, apart from the other tests' rows of the same people.
  const sheet = Array.from({ length: 300 }, (_, index) => ({
    ...row(index % persons.length, 'GK', 1946 + Math.floor(index / persons.length), `${index}/QĐ-RACE`, '2021-06-01'),
    basis: 'SENIORITY',
  }));
  const orders = [sheet, [...sheet].reverse(), [...sheet.slice(150), ...sheet.slice(0, 150)], [...sheet].reverse()];
  const results = await Promise.all(orders.map((grants) => importRows(grants)));
  for (const result of results) expect(result.errors).toEqual([]);
  expect(results.reduce((sum, result) => sum + result.imported, 0)).toBe(300);
  expect(results.reduce((sum, result) => sum + result.skipped, 0)).toBe(300 * 3);
  const [{ decisions, keys }] = await stack.subgraphs.awards!.database.dataSource.query(
    `SELECT count(*)::int AS decisions, count(DISTINCT number_key)::int AS keys FROM awards.decision WHERE number_key LIKE '%/QĐ-RACE'`,
  );
  expect([decisions, keys]).toEqual([300, 300]);
});
