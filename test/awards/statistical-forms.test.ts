/**
 * Forms 0602.N/BNV-TĐKT (state-level commendations) and 0603.N/BNV-TĐKT (ministry- and province-level
 * commendations) of TT 02/2023/TT-BNV against counts worked out by hand: rows (mã số) × columns (awards,
 * collective / individual), the submitting-body split between central bodies and provinces, the
 * subject and basis rows, the year range, revocations, a subtree, a bloc and the whole country, and the
 * same answer before and after the pending changes are folded.
 */
import { findAwardType } from '@tdkt/awards';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf } from '../support/stack';

let stack: InProcessStack;
let board: string;
let decision = 0;

const gql = (query: string, variables: Record<string, unknown> = {}) => stack.gql(query, variables, { token: board });

const FORM = (name: string) => `query($filter: AwardFormFilter!) {
  form: ${name}(filter: $filter) {
    form title legalBasis yearFrom yearTo notes
    columns { key group groupLabel label subjectKind awardType { code name } }
    rows { code label unit available total values }
  }
}`;

async function form(name: 'statisticalForm0602' | 'statisticalForm0603', filter: Record<string, unknown>) {
  const response = await stack.gql(FORM(name), { filter }, { headers: { 'x-tdkt-stats': '1' } });
  return {
    form: dataOf(response).form,
    sql: response.body.extensions!['stats'].sqlStatements as Record<string, number>,
  };
}

/** The form as { row code: { column key: value } } (only non-zero cells), plus each row's total. */
function cells(answer: any): Record<string, Record<string, number> | null> {
  return Object.fromEntries(
    answer.rows.map((row: any) => [
      row.code,
      row.available
        ? {
            total: row.total,
            ...Object.fromEntries(
              answer.columns
                .map((column: any, index: number) => [column.key, row.values[index]])
                .filter(([, value]: [string, number]) => value !== 0),
            ),
          }
        : null,
    ]),
  );
}

async function person(unit: string, gender: 'MALE' | 'FEMALE'): Promise<string> {
  const response = await gql(`mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`, {
    input: {
      fullName: `Cá nhân ${unit} ${gender}`,
      gender,
      birthYear: 1975,
      ethnicity: 'Kinh',
      organizationCode: unit,
      isDirectWorker: false,
    },
  });
  return dataOf(response).createPerson.id;
}

const ISSUER_OF: Record<string, string> = {
  PRESIDENT: 'CTN',
  PRIME_MINISTER: 'CP',
  MINISTRY_OR_PROVINCE_HEAD: 'BTP',
  UNIT_HEAD: 'BM_VU',
};

async function grant(row: {
  personId?: string;
  organizationCode?: string;
  awardTypeCode: string;
  year: number;
  basis?: string;
}): Promise<void> {
  decision += 1;
  const result = dataOf(
    await gql(contractOperation('ImportGrants'), {
      input: {
        grants: [
          {
            basis: 'MERIT',
            decisionNumber: `${decision}/QĐ-BM`,
            issuedOn: `${row.year + 1}-02-01`,
            // An issuer with the power to decide the form (Luật TĐKT 2022, Điều 77–80): the import checks it.
            issuerCode: ISSUER_OF[findAwardType(row.awardTypeCode)!.decidingAuthority],
            ...row,
          },
        ],
      },
    }),
  ).importGrants;
  expect(result).toEqual({ imported: 1, skipped: 0, errors: [] });
}

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  for (const [code, parentCode] of [
    ['BM_VU', 'BTP'],
    ['BM_SO', 'HN'],
    ['BM_PHONG', 'BM_SO'],
  ]) {
    dataOf(
      await gql(contractOperation('CreateOrganization'), {
        input: { code, name: `Đơn vị ${code}`, kind: 'DEPARTMENT', parentCode },
      }),
    );
  }
  const atMinistry = await person('BM_VU', 'FEMALE');
  const atProvince = await person('BM_PHONG', 'MALE');
  // State level, 2024 — central (BTP subtree): 2 individual, 2 collective; province (HN subtree): 2 individual.
  await grant({ personId: atMinistry, awardTypeCode: 'HC_LAO_DONG_3', year: 2024 });
  await grant({ personId: atMinistry, awardTypeCode: 'BANG_KHEN_TTG', year: 2024, basis: 'THEMATIC' });
  await grant({ organizationCode: 'BM_VU', awardTypeCode: 'HC_LAO_DONG_3', year: 2024 });
  await grant({ organizationCode: 'BM_VU', awardTypeCode: 'CO_THI_DUA_CP', year: 2024 });
  await grant({ personId: atProvince, awardTypeCode: 'CSTD_TOAN_QUOC', year: 2024 });
  await grant({ personId: atProvince, awardTypeCode: 'BANG_KHEN_TTG', year: 2024, basis: 'AD_HOC' });
  // Not in 2024, or revoked: never counted for 2024.
  await grant({ personId: atProvince, awardTypeCode: 'BANG_KHEN_TTG', year: 2023 });
  await grant({ organizationCode: 'BM_SO', awardTypeCode: 'BANG_KHEN_TTG', year: 2024 });
  const [revoked] = await stack.subgraphs.awards.database.dataSource.query(
    `SELECT g.id FROM award_grant g JOIN decision d ON d.id = g.decision_id WHERE d.number = $1`,
    [`${decision}/QĐ-BM`],
  );
  dataOf(
    await gql(`mutation($input: RevokeGrantInput!) { revokeGrant(input: $input) { id } }`, {
      input: { grantId: revoked.id, revokedOn: '2025-06-01', reason: 'Thu hồi' },
    }),
  );
  // Ministry / province level, 2024: 0603 columns, and one title the form has no column for.
  await grant({ personId: atMinistry, awardTypeCode: 'BANG_KHEN_BO_TINH', year: 2024 });
  await grant({ organizationCode: 'BM_SO', awardTypeCode: 'BANG_KHEN_BO_TINH', year: 2024, basis: 'AD_HOC' });
  await grant({ personId: atProvince, awardTypeCode: 'CSTD_BO_TINH', year: 2024 });
  await grant({ organizationCode: 'BM_PHONG', awardTypeCode: 'CO_THI_DUA_BO_TINH', year: 2024 });
  await grant({ personId: atMinistry, awardTypeCode: 'KY_NIEM_CHUONG', year: 2024, basis: 'CAREER_CONTRIBUTION' });
  await grant({ organizationCode: 'BM_VU', awardTypeCode: 'TTLD_XUAT_SAC', year: 2024 });
  // Below both forms.
  await grant({ personId: atMinistry, awardTypeCode: 'LDTT', year: 2024 });
});
afterAll(() => stack?.stop());

it('fills form 0602 for the whole country: awards × collective/individual, by submitting body, subject and basis', async () => {
  const { form: answer } = await form('statisticalForm0602', { yearFrom: 2024, yearTo: 2024 });
  expect(answer).toMatchObject({
    form: '0602.N/BNV-TĐKT',
    title: 'Số lượng khen thưởng cấp Nhà nước',
    yearFrom: 2024,
    yearTo: 2024,
  });
  expect(answer.legalBasis).toContain('02/2023/TT-BNV');
  // Single-award columns always; orders and medals only those granted; in the form's order.
  expect(answer.columns.map((column: any) => `${column.group}:${column.key}`)).toEqual([
    '2:HC_LAO_DONG_3:COLLECTIVE',
    '2:HC_LAO_DONG_3:PERSON',
    '3:GIAI_THUONG_HO_CHI_MINH:COLLECTIVE',
    '3:GIAI_THUONG_HO_CHI_MINH:PERSON',
    '4:GIAI_THUONG_NHA_NUOC:COLLECTIVE',
    '4:GIAI_THUONG_NHA_NUOC:PERSON',
    '6:CO_THI_DUA_CP:COLLECTIVE',
    '7:BANG_KHEN_TTG:COLLECTIVE',
    '7:BANG_KHEN_TTG:PERSON',
    '8:CSTD_TOAN_QUOC:PERSON',
  ]);
  expect(answer.columns[1]).toMatchObject({
    label: 'Huân chương Lao động hạng Ba – Cá nhân',
    subjectKind: 'PERSON',
    awardType: { code: 'HC_LAO_DONG_3' },
  });
  const table = cells(answer);
  expect(table['1']).toEqual({
    total: 6,
    'HC_LAO_DONG_3:COLLECTIVE': 1,
    'HC_LAO_DONG_3:PERSON': 1,
    'CO_THI_DUA_CP:COLLECTIVE': 1,
    'BANG_KHEN_TTG:PERSON': 2,
    'CSTD_TOAN_QUOC:PERSON': 1,
  });
  expect(table['2']).toEqual({
    total: 4,
    'HC_LAO_DONG_3:COLLECTIVE': 1,
    'HC_LAO_DONG_3:PERSON': 1,
    'CO_THI_DUA_CP:COLLECTIVE': 1,
    'BANG_KHEN_TTG:PERSON': 1,
  });
  expect(table['3']).toEqual({ total: 2, 'BANG_KHEN_TTG:PERSON': 1, 'CSTD_TOAN_QUOC:PERSON': 1 });
  expect(table['6']).toEqual({ total: 2, 'HC_LAO_DONG_3:COLLECTIVE': 1, 'CO_THI_DUA_CP:COLLECTIVE': 1 });
  expect(table['9']).toEqual({
    total: 4,
    'HC_LAO_DONG_3:PERSON': 1,
    'BANG_KHEN_TTG:PERSON': 2,
    'CSTD_TOAN_QUOC:PERSON': 1,
  });
  expect(table['15']).toEqual({
    total: 4,
    'HC_LAO_DONG_3:COLLECTIVE': 1,
    'HC_LAO_DONG_3:PERSON': 1,
    'CO_THI_DUA_CP:COLLECTIVE': 1,
    'CSTD_TOAN_QUOC:PERSON': 1,
  });
  expect(table['16']).toEqual({ total: 1, 'BANG_KHEN_TTG:PERSON': 1 });
  expect(table['17']).toEqual({ total: 1, 'BANG_KHEN_TTG:PERSON': 1 });
  for (const code of ['18', '19', '20', '21']) expect(table[code]).toEqual({ total: 0 });
  for (const code of ['7', '8', '10', '11', '12', '13', '14']) expect(table[code]).toBeNull();
  expect(answer.rows.map((row: any) => row.code)).toEqual([
    '1',
    '2',
    '3',
    '6',
    '7',
    '8',
    '9',
    '10',
    '11',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
    '18',
    '19',
    '20',
    '21',
  ]);
  expect(answer.rows.find((row: any) => row.code === '21').label).toBe('Kháng chiến');
  expect(answer.notes.length).toBeGreaterThan(0);

  const range = cells((await form('statisticalForm0602', { yearFrom: 2023, yearTo: 2024 })).form);
  expect(range['1']!['total']).toBe(7);
  expect(range['3']!['BANG_KHEN_TTG:PERSON']).toBe(2);
});

it('splits a subtree by where it sits: a ministry counts as central, a province’s units as provincial', async () => {
  const ministry = cells(
    (await form('statisticalForm0602', { organizationCode: 'BTP', yearFrom: 2024, yearTo: 2024 })).form,
  );
  expect(ministry['1']!['total']).toBe(4);
  expect(ministry['2']!['total']).toBe(4);
  expect(ministry['3']!['total']).toBe(0);
  const department = cells(
    (await form('statisticalForm0602', { organizationCode: 'BM_SO', yearFrom: 2024, yearTo: 2024 })).form,
  );
  expect(department['1']).toEqual({ total: 2, 'BANG_KHEN_TTG:PERSON': 1, 'CSTD_TOAN_QUOC:PERSON': 1 });
  expect(department['3']!['total']).toBe(2);
  expect(department['2']!['total']).toBe(0);
});

it('fills form 0603: Bằng khen, CSTĐ bộ/tỉnh, Cờ thi đua bộ/tỉnh, Kỷ niệm chương, one column each', async () => {
  const { form: answer } = await form('statisticalForm0603', { yearFrom: 2024, yearTo: 2024 });
  expect(answer.form).toBe('0603.N/BNV-TĐKT');
  expect(answer.columns.map((column: any) => [column.group, column.key, column.subjectKind])).toEqual([
    ['2', 'BANG_KHEN_BO_TINH', null],
    ['3', 'CSTD_BO_TINH', null],
    ['4', 'CO_THI_DUA_BO_TINH', null],
    ['5', 'KY_NIEM_CHUONG', null],
  ]);
  const table = cells(answer);
  expect(table['01']).toEqual({
    total: 5,
    BANG_KHEN_BO_TINH: 2,
    CSTD_BO_TINH: 1,
    CO_THI_DUA_BO_TINH: 1,
    KY_NIEM_CHUONG: 1,
  });
  expect(table['02']).toEqual({ total: 2, BANG_KHEN_BO_TINH: 1, CO_THI_DUA_BO_TINH: 1 });
  expect(table['05']).toEqual({ total: 3, BANG_KHEN_BO_TINH: 1, CSTD_BO_TINH: 1, KY_NIEM_CHUONG: 1 });
  expect(table['11']).toEqual({ total: 3, BANG_KHEN_BO_TINH: 1, CSTD_BO_TINH: 1, CO_THI_DUA_BO_TINH: 1 });
  expect(table['13']).toEqual({ total: 1, BANG_KHEN_BO_TINH: 1 });
  expect(table['15']).toEqual({ total: 1, KY_NIEM_CHUONG: 1 });
  for (const code of ['03', '04', '06', '07', '08', '09', '10']) expect(table[code]).toBeNull();
  expect(answer.rows.map((row: any) => row.code)).toEqual([
    '01',
    '02',
    '03',
    '04',
    '05',
    '06',
    '07',
    '08',
    '09',
    '10',
    '11',
    '12',
    '13',
    '14',
    '15',
    '16',
    '17',
  ]);
});

it('fills the forms for a bloc from its members of each year', async () => {
  dataOf(
    await gql(contractOperation('CreateBloc'), {
      input: { code: 'BM_KHOI', name: 'Khối biểu mẫu', kind: 'BLOC', organizerCode: 'BNV' },
    }),
  );
  dataOf(
    await gql(contractOperation('SetBlocMembership'), {
      input: {
        blocCode: 'BM_KHOI',
        year: 2024,
        members: [
          { organizationCode: 'BM_VU', role: 'LEAD' },
          { organizationCode: 'BM_SO', role: 'MEMBER' },
        ],
      },
    }),
  );
  dataOf(
    await gql(contractOperation('SetBlocMembership'), {
      input: { blocCode: 'BM_KHOI', year: 2023, members: [{ organizationCode: 'BM_VU', role: 'LEAD' }] },
    }),
  );
  const bloc = cells((await form('statisticalForm0602', { blocCode: 'BM_KHOI', yearFrom: 2023, yearTo: 2024 })).form);
  // 2024: everything of BM_VU (4) and BM_SO (2); 2023: BM_VU only (the 2023 grant is in BM_SO's subtree).
  expect(bloc['1']!['total']).toBe(6);
  expect(bloc['2']!['total']).toBe(4);
  expect(bloc['3']!['total']).toBe(2);
});

it('gives the same form before and after the pending changes are folded, in a constant number of statements', async () => {
  const before = await form('statisticalForm0602', { yearFrom: 2024, yearTo: 2024 });
  expect(
    (
      await stack.subgraphs.awards.database.dataSource.query(
        `SELECT count(*)::int AS n FROM award_grant_rollup_pending`,
      )
    )[0].n,
  ).toBeGreaterThan(0);
  await stack.subgraphs.awards.database.dataSource.query(`SELECT awards.compact_award_rollups()`);
  const after = await form('statisticalForm0602', { yearFrom: 2024, yearTo: 2024 });
  expect(after.form).toEqual(before.form);
  // The rows and columns (one statement) and the award types of the columns (one batched statement).
  expect(after.sql['awards']).toBeLessThanOrEqual(2);
});
