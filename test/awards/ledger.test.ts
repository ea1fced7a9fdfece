/**
 * The award ledger through the gateway: the catalogue, a person's history imported from legacy
 * decisions (nothing half-imported), PersonRecord with ratings from the organizations subgraph and a
 * verdict from the versioned rules, collective grants in OrganizationProfile and BlocBoard, and
 * AwardStatistics for a ministry subtree and a bloc.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
let personId: string;

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  dataOf(
    await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'VU_TDKT_BTP', name: 'Vụ Thi đua – Khen thưởng', kind: 'DEPARTMENT', parentCode: 'BTP' } },
      { token: board },
    ),
  );
  personId = await createTestPerson(stack, 'Phạm Minh Đức', 'VU_TDKT_BTP');
  for (const [year, rating] of [
    [2019, 'GOOD'],
    [2020, 'EXCELLENT'],
    [2021, 'EXCELLENT'],
    [2022, 'EXCELLENT'],
    [2023, 'GOOD'],
    [2024, 'EXCELLENT'],
  ] as const) {
    dataOf(
      await stack.gql(contractOperation('RecordAnnualRating'), { input: { personId, year, rating } }, { token: board }),
    );
  }
});
afterAll(() => stack?.stop());

const row = (
  awardTypeCode: string,
  year: number,
  decisionNumber: string,
  issuedOn: string,
  extra: Record<string, unknown> = {},
) => ({
  personId,
  awardTypeCode,
  year,
  basis: 'MERIT',
  decisionNumber,
  issuedOn,
  // The department's head decides its staff's base-level titles (Luật TĐKT 2022, Điều 80 khoản 1); the import checks it.
  issuerCode: 'VU_TDKT_BTP',
  ...extra,
});

it('lists the catalogue with the contract codes', async () => {
  const { awardTypes } = dataOf(await stack.gql(contractOperation('AwardCatalog')));
  const codes = awardTypes.map((type: { code: string }) => type.code);
  for (const code of [
    'LDTT',
    'CSTD_CO_SO',
    'CSTD_BO_TINH',
    'CSTD_TOAN_QUOC',
    'TTLD_TIEN_TIEN',
    'TTLD_XUAT_SAC',
    'CO_THI_DUA_BO_TINH',
    'CO_THI_DUA_CP',
    'GIAY_KHEN',
    'BANG_KHEN_BO_TINH',
    'BANG_KHEN_TTG',
    'HC_LAO_DONG_3',
    'HC_LAO_DONG_2',
    'HC_LAO_DONG_1',
    'ANH_HUNG_LAO_DONG',
  ]) {
    expect(codes).toContain(code);
  }
  expect(awardTypes.find((type: { code: string }) => type.code === 'BANG_KHEN_TTG')).toMatchObject({
    category: 'CERTIFICATE_OF_MERIT',
    decidingAuthority: 'PRIME_MINISTER',
  });
});

it('imports nothing when one row is wrong, and reports every bad row', async () => {
  const result = dataOf(
    await stack.gql(
      contractOperation('ImportGrants'),
      {
        input: {
          grants: [
            row('LDTT', 2020, '12/QĐ-BTP', '2021-01-10'),
            row('KHONG_CO', 2020, '12/QĐ-BTP', '2021-01-10'),
            row('CO_THI_DUA_CP', 2020, '13/QĐ-BTP', '2021-01-10'),
          ],
        },
      },
      { token: board },
    ),
  ).importGrants;
  expect(result.imported).toBe(0);
  expect(result.errors.map((error: any) => [error.index, error.code])).toEqual([
    [1, 'NOT_FOUND'],
    [2, 'BAD_USER_INPUT'],
  ]);
  expect(
    dataOf(await stack.gql(`query($id: ID!) { person(id: $id) { grants { year } } }`, { id: personId })).person.grants,
  ).toEqual([]);
});

it('imports a legacy history once: the same rows again are skipped', async () => {
  const history = [
    row('LDTT', 2022, '15/QĐ-BTP', '2023-01-15'),
    row('CSTD_CO_SO', 2022, '16/QĐ-BTP', '2023-01-20'),
    row('LDTT', 2023, '20/QĐ-BTP', '2024-01-15'),
    row('CSTD_CO_SO', 2023, '21/QĐ-BTP', '2024-01-20'),
    row('LDTT', 2024, '30/QĐ-BTP', '2025-01-15'),
    row('CSTD_CO_SO', 2024, '31/QĐ-BTP', '2025-01-20'),
  ];
  const first = dataOf(
    await stack.gql(contractOperation('ImportGrants'), { input: { grants: history } }, { token: board }),
  ).importGrants;
  expect(first).toEqual({ imported: 6, skipped: 0, errors: [] });
  const again = dataOf(
    await stack.gql(contractOperation('ImportGrants'), { input: { grants: history } }, { token: board }),
  ).importGrants;
  expect(again).toEqual({ imported: 0, skipped: 6, errors: [] });
  const clash = dataOf(
    await stack.gql(
      contractOperation('ImportGrants'),
      { input: { grants: [row('GIAY_KHEN', 2022, '15/QĐ-BTP', '2023-02-01')] } },
      { token: board },
    ),
  ).importGrants;
  expect(clash.errors.map((error: any) => error.code)).toEqual(['CONFLICT']);
});

it('refuses imports outside the officer’s unit, and the public', async () => {
  const outsider = await stack.token('ORG_OFFICER', 'HN');
  const refused = dataOf(
    await stack.gql(
      contractOperation('ImportGrants'),
      { input: { grants: [row('LDTT', 2021, '40/QĐ-BTP', '2022-01-15')] } },
      { token: outsider },
    ),
  ).importGrants;
  expect(refused.errors.map((error: any) => error.code)).toEqual(['FORBIDDEN']);
  expect(
    errorCodes(
      await stack.gql(contractOperation('ImportGrants'), {
        input: { grants: [row('LDTT', 2021, '40/QĐ-BTP', '2022-01-15')] },
      }),
    ),
  ).toEqual(['UNAUTHENTICATED']);
});

it('answers PersonRecord with ratings, grants and a verdict for Chiến sĩ thi đua bộ, ngành', async () => {
  const initiative = dataOf(
    await stack.gql(
      contractOperation('RecordInitiative'),
      {
        input: {
          personIds: [personId],
          title: 'Số hóa hồ sơ khen thưởng',
          scope: 'MINISTRY_OR_PROVINCE',
          recognizedOn: '2024-11-01',
          recognizedByCode: 'BTP',
        },
      },
      { token: board },
    ),
  ).recordInitiative;
  expect(initiative.scope).toBe('MINISTRY_OR_PROVINCE');
  // Decided in 2025 for the 2024 achievement year: Law 2022 with NĐ 98/2023 (until 30/6/2025).
  const record = dataOf(
    await stack.gql(
      contractOperation('PersonRecord'),
      { id: personId, awardTypeCode: 'CSTD_BO_TINH', year: 2024 },
      { token: board },
    ),
  ).person;
  expect(record.fullName).toBe('Phạm Minh Đức');
  expect(record.organization).toEqual({ code: 'VU_TDKT_BTP', name: 'Vụ Thi đua – Khen thưởng' });
  expect(record.annualRatings).toHaveLength(6);
  expect(record.grants.map((grant: any) => [grant.year, grant.awardType.code])).toEqual([
    [2022, 'LDTT'],
    [2022, 'CSTD_CO_SO'],
    [2023, 'LDTT'],
    [2023, 'CSTD_CO_SO'],
    [2024, 'LDTT'],
    [2024, 'CSTD_CO_SO'],
  ]);
  expect(record.grants[1].decision).toEqual({ number: '16/QĐ-BTP', issuedOn: '2023-01-20' });
  expect(record.eligibility.ruleset).toBeTruthy();
  expect([record.eligibility.eligible, record.eligibility.reasons]).toEqual([true, []]);
  expect(record.eligibility.ruleset).toBe('LAW_2022+ND_98_2023');
  expect(record.eligibility.evidence.map((grant: any) => `${grant.year}:${grant.awardType.code}`)).toEqual(
    expect.arrayContaining(['2022:CSTD_CO_SO', '2023:CSTD_CO_SO', '2024:CSTD_CO_SO']),
  );
  // The same question for 2025 fails (decided under NĐ 152/2025): no CSTĐ cơ sở that year, and the reasons say so.
  const next = dataOf(
    await stack.gql(
      contractOperation('PersonRecord'),
      { id: personId, awardTypeCode: 'CSTD_BO_TINH', year: 2025 },
      { token: board },
    ),
  ).person.eligibility;
  expect(next.ruleset).toBe('LAW_2022+ND_152_2025');
  expect(next.eligible).toBe(false);
  expect(next.reasons.length).toBeGreaterThan(0);
  // The public sees name, unit and grants, but no ratings and so no verdict.
  // Withheld, not empty: null with FORBIDDEN on both fields (kit access.ts).
  const publicRecord = await stack.gql(contractOperation('PersonRecord'), {
    id: personId,
    awardTypeCode: 'CSTD_BO_TINH',
    year: 2024,
  });
  expect(
    (publicRecord.body.errors ?? []).map((error) => `${error.extensions?.['code']} ${error.path?.join('.')}`).sort(),
  ).toEqual(['FORBIDDEN person.annualRatings', 'FORBIDDEN person.eligibility']);
  const open = publicRecord.body.data!.person;
  expect(open.annualRatings).toBeNull();
  expect(open.eligibility).toBeNull();
  expect(open.grants).toHaveLength(6);
});

it('shows collective grants in OrganizationProfile and counts the ministry subtree and the bloc in AwardStatistics', async () => {
  dataOf(
    await stack.gql(
      contractOperation('ImportGrants'),
      {
        input: {
          grants: [
            {
              organizationCode: 'BTP',
              awardTypeCode: 'CO_THI_DUA_CP',
              year: 2024,
              basis: 'MERIT',
              decisionNumber: '100/QĐ-TTg',
              issuedOn: '2025-03-01',
              issuerCode: 'CP',
            },
          ],
        },
      },
      { token: board },
    ),
  );
  const profile = dataOf(
    await stack.gql(contractOperation('OrganizationProfile'), { code: 'BTP', year: 2024 }),
  ).organization;
  expect(profile.grants).toEqual([
    {
      year: 2024,
      awardType: { code: 'CO_THI_DUA_CP', name: expect.any(String), category: 'EMULATION_TITLE' },
      decision: { number: '100/QĐ-TTg', issuedOn: '2025-03-01' },
    },
  ]);

  const stats = async (filter: Record<string, unknown>) => {
    const response = await stack.gql(
      contractOperation('AwardStatistics'),
      { filter },
      { token: board, headers: { 'x-tdkt-stats': '1' } },
    );
    return {
      data: dataOf(response).awardStatistics,
      sql: response.body.extensions!['stats'].sqlStatements.awards as number,
    };
  };
  const ministry = await stats({ organizationCode: 'BTP', yearFrom: 2020, yearTo: 2024 });
  expect(ministry.data.total).toBe(7);
  expect(ministry.data.byYear).toEqual([
    { year: 2022, count: 2 },
    { year: 2023, count: 2 },
    { year: 2024, count: 3 },
  ]);
  expect(ministry.data.bySubjectKind).toEqual(
    expect.arrayContaining([
      { subjectKind: 'PERSON', count: 6 },
      { subjectKind: 'COLLECTIVE', count: 1 },
    ]),
  );
  expect(ministry.data.byGender).toEqual([{ gender: 'FEMALE', count: 6 }]);
  expect(ministry.data.byAwardType.find((entry: any) => entry.awardType.code === 'LDTT').count).toBe(3);
  const merit = await stats({ organizationCode: 'BTP', category: 'CERTIFICATE_OF_MERIT' });
  expect(merit.data.total).toBe(0);
  const bloc = await stats({ blocCode: 'NOI_CHINH_TW', yearFrom: 2020, yearTo: 2024 });
  expect(bloc.data.total).toBe(7);
  expect(ministry.sql).toBeLessThanOrEqual(3);
});

it('records an exemplar with its grants, and revokes a grant: the statistics and the person’s record follow', async () => {
  const grants = dataOf(
    await stack.gql(`query($id: ID!) { person(id: $id) { grants { id year awardType { code } } } }`, { id: personId }),
  ).person.grants;
  const cstd2024 = grants.find((grant: any) => grant.year === 2024 && grant.awardType.code === 'CSTD_CO_SO');
  const exemplar = dataOf(
    await stack.gql(
      `mutation($input: RecordExemplarInput!) { recordExemplar(input: $input) { id field grants { year } person { id } } }`,
      {
        input: {
          personId,
          field: 'Cải cách hành chính',
          story: 'Số hóa toàn bộ hồ sơ thi đua của Bộ.',
          recognizedByKind: 'ORGANIZATION',
          recognizedByCode: 'BTP',
          periodFrom: 2022,
          periodTo: 2024,
          grantIds: [cstd2024.id],
        },
      },
      { token: board },
    ),
  ).recordExemplar;
  expect(exemplar).toMatchObject({ field: 'Cải cách hành chính', grants: [{ year: 2024 }], person: { id: personId } });

  const before = dataOf(
    await stack.gql(
      contractOperation('AwardStatistics'),
      { filter: { organizationCode: 'BTP', yearFrom: 2024, yearTo: 2024 } },
      { token: board },
    ),
  ).awardStatistics.total;
  const revoke = (token: string) =>
    stack.gql(
      `mutation($input: RevokeGrantInput!) { revokeGrant(input: $input) { revokedOn revokeReason } }`,
      { input: { grantId: cstd2024.id, revokedOn: '2025-06-01', reason: 'Thành tích không đúng sự thật' } },
      { token },
    );
  expect(errorCodes(await revoke(await stack.token('ORG_OFFICER', 'HN')))).toEqual(['FORBIDDEN']);
  expect(dataOf(await revoke(board)).revokeGrant).toEqual({
    revokedOn: '2025-06-01',
    revokeReason: 'Thành tích không đúng sự thật',
  });
  expect(errorCodes(await revoke(board))).toEqual(['CONFLICT']);
  const after = dataOf(
    await stack.gql(
      contractOperation('AwardStatistics'),
      { filter: { organizationCode: 'BTP', yearFrom: 2024, yearTo: 2024 } },
      { token: board },
    ),
  ).awardStatistics.total;
  expect(after).toBe(before - 1);
  const verdict = dataOf(
    await stack.gql(
      contractOperation('PersonRecord'),
      { id: personId, awardTypeCode: 'CSTD_BO_TINH', year: 2024 },
      { token: board },
    ),
  ).person.eligibility;
  expect(verdict.eligible).toBe(false);
});

it('answers PersonRecord for 50 people in as many SQL statements per subgraph as for 5', async () => {
  for (let index = 0; index < 50; index += 1) await createTestPerson(stack, `Cán bộ ${index + 1}`, 'VU_TDKT_BTP');
  const people = async (first: number) => {
    const response = await stack.gql(
      `query($first: Int) { persons(filter: { organizationCode: "VU_TDKT_BTP" }, first: $first) { edges { node { id fullName annualRatings { year rating }
         grants { year awardType { code name } decision { number issuedOn } basis } eligibility(awardTypeCode: "CSTD_CO_SO", year: 2024) { eligible ruleset reasons { code } evidence { year } } } } } }`,
      { first },
      { token: board, headers: { 'x-tdkt-stats': '1' } },
    );
    expect(dataOf(response).persons.edges).toHaveLength(first);
    return response.body.extensions!['stats'].sqlStatements;
  };
  const few = await people(5);
  const many = await people(50);
  expect(many).toEqual(few);
});
