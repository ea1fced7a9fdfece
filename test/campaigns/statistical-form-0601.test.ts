/**
 * Form 0601.N/BNV-TĐKT (số phong trào thi đua, TT 02/2023/TT-BNV) against counts worked out by hand:
 * columns by launching level, rows by scope, duration and method, counted in the year of launch, for a
 * unit's subtree and the whole country; and the SQL duration classes agree with Movement.durationClass
 * (rules/movement.rule.ts) on every boundary.
 */
import { durationClass } from '@tdkt/campaigns';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf } from '../support/stack';

let stack: InProcessStack;
let board: string;

const FORM = `query($filter: MovementFormFilter!) {
  statisticalForm0601(filter: $filter) {
    form title legalBasis yearFrom yearTo openEnded notes
    columns { key label launchLevels }
    rows { code label total values }
    byLaunchLevel { launchLevel count }
  }
}`;

async function form(filter: Record<string, unknown>) {
  const response = await stack.gql(FORM, { filter }, { headers: { 'x-tdkt-stats': '1' } });
  return {
    form: dataOf(response).statisticalForm0601,
    sql: response.body.extensions!['stats'].sqlStatements as Record<string, number>,
  };
}

const table = (answer: any): Record<string, number[]> =>
  Object.fromEntries(answer.rows.map((row: any) => [row.code, [row.total, ...row.values]]));

let sequence = 0;
async function movement(input: {
  organizationCode: string;
  launchLevel: string;
  scope: string;
  method: string;
  startDate: string;
  endDate: string | null;
  launchedOn?: string;
  blocCode?: string;
}): Promise<void> {
  sequence += 1;
  const response = await stack.gql(
    `mutation($input: CreateMovementInput!) { createMovement(input: $input) { code } }`,
    { input: { code: `PT_BM_${sequence}`, title: `Phong trào ${sequence}`, ...input } },
    { token: board },
  );
  dataOf(response);
}

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  dataOf(
    await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'PT_SO', name: 'Sở thí điểm', kind: 'DEPARTMENT', parentCode: 'HN' } },
      { token: board },
    ),
  );
  dataOf(
    await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'PT_TRUONG', name: 'Trường thí điểm', kind: 'PUBLIC_SERVICE_UNIT', parentCode: 'PT_SO' } },
      { token: board },
    ),
  );
  dataOf(
    await stack.gql(
      contractOperation('CreateBloc'),
      { input: { code: 'PT_KHOI', name: 'Khối thí điểm', kind: 'BLOC', organizerCode: 'HN' } },
      { token: board },
    ),
  );
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      { input: { blocCode: 'PT_KHOI', year: 2024, members: [{ organizationCode: 'PT_SO', role: 'LEAD' }] } },
      { token: board },
    ),
  );

  // In HN's subtree, launched in 2024:
  await movement({
    organizationCode: 'HN',
    launchLevel: 'MINISTRY_OR_PROVINCE',
    scope: 'MINISTRY_OR_PROVINCE',
    method: 'REGULAR_ANNUAL',
    startDate: '2024-01-01',
    endDate: '2024-12-31',
  }); // 1 year
  await movement({
    organizationCode: 'HN',
    launchLevel: 'MINISTRY_OR_PROVINCE',
    scope: 'MINISTRY_OR_PROVINCE',
    method: 'THEMATIC',
    startDate: '2024-03-01',
    endDate: '2028-12-31',
  }); // 3–5 years
  await movement({
    organizationCode: 'PT_SO',
    launchLevel: 'UNIT',
    scope: 'UNIT',
    method: 'PEAK_DRIVE',
    startDate: '2024-05-01',
    endDate: '2024-08-31',
  }); // < 1 year
  await movement({
    organizationCode: 'PT_TRUONG',
    launchLevel: 'UNIT',
    scope: 'UNIT',
    method: 'THEMATIC',
    startDate: '2024-09-05',
    endDate: null,
  }); // open-ended
  await movement({
    organizationCode: 'PT_SO',
    launchLevel: 'BLOC',
    scope: 'BLOC',
    blocCode: 'PT_KHOI',
    method: 'REGULAR_ANNUAL',
    startDate: '2025-01-01',
    endDate: '2025-12-31',
    launchedOn: '2024-12-20',
  }); // launched in 2024
  await movement({
    organizationCode: 'HN',
    launchLevel: 'CENTRAL_COUNCIL',
    scope: 'NATIONAL',
    method: 'THEMATIC',
    startDate: '2024-06-01',
    endDate: '2029-05-31',
  }); // ≥ 5 years
  // Outside HN or outside 2024:
  await movement({
    organizationCode: 'BTP',
    launchLevel: 'MINISTRY_OR_PROVINCE',
    scope: 'MINISTRY_OR_PROVINCE',
    method: 'THEMATIC',
    startDate: '2024-02-01',
    endDate: '2025-06-30',
  }); // 1–3 years
  await movement({
    organizationCode: 'HN',
    launchLevel: 'MINISTRY_OR_PROVINCE',
    scope: 'MINISTRY_OR_PROVINCE',
    method: 'REGULAR_ANNUAL',
    startDate: '2023-01-01',
    endDate: '2023-12-31',
  });
});
afterAll(() => stack?.stop());

it('fills form 0601 for a unit’s subtree: levels × scope, duration and method, in the year of launch', async () => {
  const { form: answer, sql } = await form({ organizationCode: 'HN', yearFrom: 2024, yearTo: 2024 });
  expect(answer).toMatchObject({
    form: '0601.N/BNV-TĐKT',
    title: 'Số phong trào thi đua',
    yearFrom: 2024,
    yearTo: 2024,
    openEnded: 1,
  });
  expect(answer.columns.map((column: any) => [column.key, column.launchLevels])).toEqual([
    ['2', ['CENTRAL_COUNCIL', 'PRIME_MINISTER']],
    ['3', ['MINISTRY_OR_PROVINCE']],
    ['4', ['COMMUNE', 'UNIT', 'BLOC']],
  ]);
  // [total, central, ministry/province, unit]
  expect(table(answer)).toEqual({
    '01': [6, 1, 2, 3],
    '02': [1, 1, 0, 0],
    '03': [2, 0, 2, 0],
    '04': [1, 0, 0, 1],
    '05': [2, 0, 0, 2],
    '06': [1, 0, 0, 1],
    '07': [2, 0, 1, 1],
    '08': [0, 0, 0, 0],
    '09': [1, 0, 1, 0],
    '10': [1, 1, 0, 0],
    '11': [4, 1, 1, 2],
    '12': [2, 0, 1, 1],
  });
  expect(answer.byLaunchLevel).toEqual(
    expect.arrayContaining([
      { launchLevel: 'MINISTRY_OR_PROVINCE', count: 2 },
      { launchLevel: 'UNIT', count: 2 },
      { launchLevel: 'BLOC', count: 1 },
      { launchLevel: 'CENTRAL_COUNCIL', count: 1 },
      { launchLevel: 'PRIME_MINISTER', count: 0 },
    ]),
  );
  expect(answer.rows.find((row: any) => row.code === '08').label).toBe('Từ 1 năm đến dưới 3 năm');
  expect(sql['campaigns']).toBe(1);
});

it('counts every launching unit for the whole country, and a range of years', async () => {
  const country = table((await form({ yearFrom: 2024, yearTo: 2024 })).form);
  const hanoi = table((await form({ organizationCode: 'HN', yearFrom: 2024, yearTo: 2024 })).form);
  expect(country['01']![0]).toBeGreaterThanOrEqual(hanoi['01']![0]! + 1);
  expect(country['08']![2]).toBeGreaterThanOrEqual(1); // BTP's 2024–2025 movement
  const range = table((await form({ organizationCode: 'HN', yearFrom: 2023, yearTo: 2024 })).form);
  expect(range['01']).toEqual([7, 1, 3, 3]);
});

it('classifies durations exactly as Movement.durationClass does, boundaries included', async () => {
  dataOf(
    await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'PT_THOI_HAN', name: 'Đơn vị thời hạn', kind: 'OTHER', parentCode: 'BNV' } },
      { token: board },
    ),
  );
  const starts = ['2020-01-01', '2020-02-29', '2021-03-15'];
  const lengths = [0, 364, 365, 366, 1095, 1096, 1460, 1461, 1825, 1826];
  const expected = new Map<string, number>();
  for (const start of starts) {
    for (const days of lengths) {
      const end = new Date(`${start}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + days);
      const endDate = end.toISOString().slice(0, 10);
      await movement({
        organizationCode: 'PT_THOI_HAN',
        launchLevel: 'UNIT',
        scope: 'UNIT',
        method: 'THEMATIC',
        startDate: start,
        endDate,
      });
      const duration = durationClass(start, endDate)!;
      expected.set(duration, (expected.get(duration) ?? 0) + 1);
    }
  }
  expect(expected.size).toBe(5);
  const rows = table((await form({ organizationCode: 'PT_THOI_HAN', yearFrom: 2020, yearTo: 2021 })).form);
  const byClass = {
    LESS_THAN_1Y: '06',
    ONE_YEAR: '07',
    ONE_TO_3Y: '08',
    THREE_TO_5Y: '09',
    FIVE_YEARS_OR_MORE: '10',
  } as const;
  for (const [duration, code] of Object.entries(byClass))
    expect([duration, rows[code]![0]]).toEqual([duration, expected.get(duration) ?? 0]);
  expect(rows['01']![0]).toBe(starts.length * lengths.length);
}, 60_000);
