/**
 * SQL statements of the board's organizations and awards parts, counted per request (`x-tdkt-stats`):
 * a bloc with its organizer is one statement and its members with their organizations another,
 * whatever the number of members; the collective grants of any number of organizations, with their
 * award types and decisions, are one statement (the catalogue is answered from memory, and equals the
 * table). The same reads serve OrganizationProfile and PersonRecord.
 */
import { INTERNAL_HEADER, PUBLIC_CALLER } from '@tdkt/identity';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { createTestPerson, dataOf } from '../support/stack';

type Stats = { subgraphCalls: string[]; sqlStatements: Record<string, number> };

let stack: InProcessStack;
let board: string;
/** 30 provinces and cities, each with a collective grant of 2024. */
let provinces: { id: string; code: string }[];

const NOI_CHINH = ['BTP', 'BQLLANG', 'BQP', 'BCA', 'TANDTC', 'VKSNDTC', 'TTCP', 'KTNN'];

/** A collective grant of the Prime Minister (Luật TĐKT 2022, Điều 78), decided for the 2024 year. */
const collective = (organizationCode: string, awardTypeCode: string, decisionNumber: string) => ({
  organizationCode,
  awardTypeCode,
  year: 2024,
  basis: 'MERIT',
  decisionNumber,
  issuedOn: '2025-01-10',
  issuerCode: 'CP',
});

async function importGrants(grants: unknown[]): Promise<void> {
  const { importGrants: result } = dataOf(
    await stack.gql(contractOperation('ImportGrants'), { input: { grants } }, { token: board }),
  );
  expect([result.imported, result.errors]).toEqual([grants.length, []]);
}

async function statsOf(query: string, variables: Record<string, unknown>): Promise<{ data: any; stats: Stats }> {
  const response = await stack.gql(query, variables, { token: board, headers: { 'x-tdkt-stats': '1' } });
  return { data: dataOf(response), stats: response.body.extensions!['stats'] as Stats };
}

beforeAll(async () => {
  stack = await startInProcess({ demo: true });
  board = await stack.token('CENTRAL_BOARD');
  await importGrants(
    NOI_CHINH.flatMap((code, index) => [
      collective(code, 'BANG_KHEN_TTG', `${index + 1}/QĐ-TTg`),
      collective(code, 'CO_THI_DUA_CP', `${index + 101}/QĐ-TTg`),
    ]),
  );
  provinces = await stack.subgraphs['organizations']!.database.dataSource.query(
    `SELECT id, code FROM organization WHERE kind IN ('PROVINCE', 'CENTRAL_CITY') AND valid_to IS NULL ORDER BY code LIMIT 30`,
  );
  expect(provinces).toHaveLength(30);
  await importGrants(provinces.map(({ code }, index) => collective(code, 'BANG_KHEN_TTG', `${index + 201}/QĐ-TTg`)));
});
afterAll(() => stack?.stop());

describe('BlocBoard', () => {
  const ORGANIZATIONS_PART = `query($code: String!, $year: Int!) {
    bloc(code: $code) { id code name kind organizer { code name } members(year: $year) { role organization { id code name } } }
  }`;

  it('reads the bloc with its organizer, then the members with their organizations: two statements', async () => {
    const { data, stats } = await statsOf(ORGANIZATIONS_PART, { code: 'NOI_CHINH_TW', year: 2024 });
    expect(data.bloc.organizer).toEqual({ code: 'BTDKTTW', name: expect.any(String) });
    expect(data.bloc.members).toHaveLength(8);
    expect(data.bloc.members[0]).toEqual({
      role: 'LEAD',
      organization: { id: expect.any(String), code: 'TANDTC', name: 'Tòa án nhân dân tối cao' },
    });
    expect(stats.sqlStatements['organizations']).toBeLessThanOrEqual(2);
  });

  it('costs the same two statements for a bloc of 30 members', async () => {
    dataOf(
      await stack.gql(
        contractOperation('CreateBloc'),
        {
          input: { code: 'CUM_30_TINH', name: 'Cụm thi đua 30 tỉnh (thử)', kind: 'CLUSTER', organizerCode: 'BTDKTTW' },
        },
        { token: board },
      ),
    );
    const members = provinces.map(({ code }, index) => ({
      organizationCode: code,
      role: index === 0 ? 'LEAD' : 'MEMBER',
    }));
    dataOf(
      await stack.gql(
        contractOperation('SetBlocMembership'),
        { input: { blocCode: 'CUM_30_TINH', year: 2024, members } },
        { token: board },
      ),
    );
    const small = await statsOf(ORGANIZATIONS_PART, { code: 'NOI_CHINH_TW', year: 2024 });
    const big = await statsOf(ORGANIZATIONS_PART, { code: 'CUM_30_TINH', year: 2024 });
    expect(big.data.bloc.members).toHaveLength(30);
    expect(big.data.bloc.members.map((member: any) => member.organization.code).sort()).toEqual(
      provinces.map(({ code }) => code).sort(),
    );
    expect(big.stats.sqlStatements['organizations']).toBe(small.stats.sqlStatements['organizations']);
    expect(big.stats.sqlStatements['organizations']).toBeLessThanOrEqual(2);
  });

  it('answers the whole board with the ranking’s grants in one awards statement', async () => {
    const { data, stats } = await statsOf(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2024 });
    const ranking = data.bloc.pledge.ranking as { organization: { code: string; grants: any[] } }[];
    expect(ranking).toHaveLength(8);
    const btp = ranking.find((row) => row.organization.code === 'BTP')!;
    expect(btp.organization.grants).toEqual([
      {
        awardType: { code: 'BANG_KHEN_TTG', name: 'Bằng khen của Thủ tướng Chính phủ' },
        decision: { number: '1/QĐ-TTg', issuedOn: '2025-01-10' },
      },
      {
        awardType: { code: 'CO_THI_DUA_CP', name: 'Cờ thi đua của Chính phủ' },
        decision: { number: '101/QĐ-TTg', issuedOn: '2025-01-10' },
      },
    ]);
    expect(stats.sqlStatements['awards']).toBeLessThanOrEqual(1);
    // The bloc, its organizer and members take two; the rest are the entity fetches of the plan.
    expect(stats.sqlStatements['organizations']).toBeLessThanOrEqual(5);
  });
});

describe('Organization.grants(year) over many organizations', () => {
  async function grantsOf(ids: string[]): Promise<{ grants: any[][]; statements: number }> {
    const response = await fetch(stack.subgraphs['awards']!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_HEADER]: await stack.internalToken(PUBLIC_CALLER) },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) {
          ... on Organization { grants(year: 2024) { awardType { code name } decision { number issuedOn } } } } }`,
        variables: { r: ids.map((id) => ({ __typename: 'Organization', id })) },
      }),
    });
    const body = (await response.json()) as { data: { _entities: { grants: any[] }[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    return {
      grants: body.data._entities.map((entity) => entity.grants),
      statements: Number(response.headers.get('x-tdkt-sql-statements')),
    };
  }

  it('reads the grants of 3 or 30 organizations, award types and decisions included, in one statement', async () => {
    const few = await grantsOf(provinces.slice(0, 3).map(({ id }) => id));
    const many = await grantsOf(provinces.map(({ id }) => id));
    expect(many.grants).toHaveLength(30);
    expect(many.grants[29]).toEqual([
      {
        awardType: { code: 'BANG_KHEN_TTG', name: 'Bằng khen của Thủ tướng Chính phủ' },
        decision: { number: '230/QĐ-TTg', issuedOn: '2025-01-10' },
      },
    ]);
    expect(many.statements).toBe(few.statements);
    expect(many.statements).toBe(1);
  });
});

describe('the other joined reads', () => {
  it("answers OrganizationProfile's memberships with their blocs, and its grants, in fewer statements", async () => {
    const { data, stats } = await statsOf(contractOperation('OrganizationProfile'), { code: 'BTP', year: 2024 });
    expect(data.organization.blocMemberships).toEqual([
      { role: 'MEMBER', bloc: { code: 'NOI_CHINH_TW', name: 'Khối thi đua các Bộ, ngành Nội chính Trung ương' } },
    ]);
    expect(data.organization.grants.map((grant: any) => [grant.awardType.code, grant.decision.number])).toEqual([
      ['BANG_KHEN_TTG', '1/QĐ-TTg'],
      ['CO_THI_DUA_CP', '101/QĐ-TTg'],
    ]);
    expect(stats.sqlStatements['awards']).toBeLessThanOrEqual(1);
    // The organization, then its memberships with their blocs; the last is the plan's entity fetch.
    expect(stats.sqlStatements['organizations']).toBeLessThanOrEqual(3);
  });

  it("answers PersonRecord's grants with their decisions in one statement, every award type from memory", async () => {
    dataOf(
      await stack.gql(
        contractOperation('CreateOrganization'),
        { input: { code: 'VU_TDKT_BTP', name: 'Vụ Thi đua – Khen thưởng', kind: 'DEPARTMENT', parentCode: 'BTP' } },
        { token: board },
      ),
    );
    const personId = await createTestPerson(stack, 'Phạm Minh Đức', 'VU_TDKT_BTP');
    for (const [year, rating] of [
      [2022, 'EXCELLENT'],
      [2023, 'GOOD'],
      [2024, 'EXCELLENT'],
    ] as const)
      dataOf(
        await stack.gql(
          contractOperation('RecordAnnualRating'),
          { input: { personId, year, rating } },
          { token: board },
        ),
      );
    // The department's head decides its staff's base-level titles (Luật TĐKT 2022, Điều 80 khoản 1).
    await importGrants(
      [2022, 2023, 2024].flatMap((year) =>
        ['LDTT', 'CSTD_CO_SO'].map((awardTypeCode, index) => ({
          personId,
          awardTypeCode,
          year,
          basis: 'MERIT',
          decisionNumber: `${year}${index}/QĐ-BTP`,
          issuedOn: `${year + 1}-01-20`,
          issuerCode: 'VU_TDKT_BTP',
        })),
      ),
    );
    const { data, stats } = await statsOf(contractOperation('PersonRecord'), {
      id: personId,
      awardTypeCode: 'CSTD_BO_TINH',
      year: 2024,
    });
    expect(data.person.grants).toHaveLength(6);
    expect(data.person.grants[1]).toEqual({
      year: 2022,
      awardType: { code: 'CSTD_CO_SO', name: expect.any(String) },
      decision: { number: '20221/QĐ-BTP', issuedOn: '2023-01-20' },
      basis: 'MERIT',
    });
    expect(data.person.eligibility.ruleset).toBe('LAW_2022+ND_98_2023');
    // The grants with their decisions, and the person's initiatives the verdict reads.
    expect(stats.sqlStatements['awards']).toBeLessThanOrEqual(2);
  });

  it('answers an award type from the catalogue in memory, equal to the table, with no statement', async () => {
    const fields =
      'code name category awardClass subjectKinds decidingAuthority rank rewardMultiplierPerson rewardMultiplierCollective legalBasis validFrom validTo';
    const { awardTypes } = dataOf(await stack.gql(`{ awardTypes { ${fields} } }`));
    expect(awardTypes.length).toBeGreaterThan(50);
    for (let start = 0; start < awardTypes.length; start += 25) {
      const chunk = awardTypes.slice(start, start + 25) as { code: string }[];
      const query = `{ ${chunk.map((type, index) => `t${index}: awardType(code: "${type.code}") { ${fields} }`).join(' ')} }`;
      const { data, stats } = await statsOf(query, {});
      expect(chunk.map((_, index) => data[`t${index}`])).toEqual(chunk);
      expect(stats.sqlStatements['awards']).toBe(0);
    }
  });
});
