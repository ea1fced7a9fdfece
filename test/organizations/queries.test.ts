/**
 * Reading organizations, blocs and persons through the gateway, over real HTTP and real PostgreSQL,
 * with the reference data seeded as `npm start` seeds it.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
beforeAll(async () => {
  stack = await startInProcess({ demo: true });
});
afterAll(() => stack?.stop());

describe('OrganizationTree (contract)', () => {
  it('shows Ho Chi Minh City with the provinces merged into it on 2025-07-01', async () => {
    const { organization } = dataOf(await stack.gql(contractOperation('OrganizationTree'), { code: 'HCM' }));
    expect(organization).toMatchObject({
      code: 'HCM',
      name: 'Thành phố Hồ Chí Minh',
      kind: 'CENTRAL_CITY',
      level: 'PROVINCIAL',
      validTo: null,
      parent: null,
    });
    expect(organization.predecessors.map((unit: { code: string }) => unit.code).sort()).toEqual([
      'BA_RIA_VUNG_TAU',
      'BINH_DUONG',
    ]);
    expect(organization.predecessors.map((unit: { name: string }) => unit.name)).toEqual([
      'Tỉnh Bà Rịa – Vũng Tàu',
      'Tỉnh Bình Dương',
    ]);
    expect(organization.successors).toEqual([]);
  });

  it('shows an absorbed province ending on 2025-06-30 with its successor', async () => {
    const { organization } = dataOf(await stack.gql(contractOperation('OrganizationTree'), { code: 'BINH_DUONG' }));
    expect(organization.validTo).toBe('2025-06-30');
    expect(organization.successors).toEqual([{ code: 'HCM', name: 'Thành phố Hồ Chí Minh' }]);
    expect(organization.predecessors).toEqual([]);
  });

  it('shows the Central Board under the Ministry of Home Affairs, and the ministries under the Government', async () => {
    const { organization } = dataOf(await stack.gql(contractOperation('OrganizationTree'), { code: 'BTDKTTW' }));
    expect(organization.parent).toEqual({ code: 'BNV', name: 'Bộ Nội vụ' });
    const government = dataOf(await stack.gql(contractOperation('OrganizationTree'), { code: 'CP' })).organization;
    const kinds = new Set(government.children.map((child: { kind: string }) => child.kind));
    expect(kinds).toEqual(new Set(['MINISTRY', 'MINISTERIAL_AGENCY', 'GOVERNMENT_AGENCY']));
  });

  it('lists ancestors nearest first', async () => {
    const { organization } = dataOf(
      await stack.gql(`{ organization(code: "DEMO_HCM_BAN_TDKT") { ancestors { code } } }`),
    );
    expect(organization.ancestors).toEqual([{ code: 'DEMO_HCM_SO_NOI_VU' }, { code: 'HCM' }]);
  });

  it('answers null for an unknown code and refuses a call with neither code nor id', async () => {
    expect(
      dataOf(await stack.gql(contractOperation('OrganizationTree'), { code: 'NO_SUCH_UNIT' })).organization,
    ).toBeNull();
    expect(errorCodes(await stack.gql('{ organization { code } }'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('reference data', () => {
  it('has the 34 provincial units of 2025-07-01 and the 63 before', async () => {
    const query = `query($on: LocalDate) { organizations(filter: { kinds: [PROVINCE, CENTRAL_CITY], activeOn: $on }, first: 0) { totalCount } }`;
    expect(dataOf(await stack.gql(query, { on: '2025-07-01' })).organizations.totalCount).toBe(34);
    expect(dataOf(await stack.gql(query, { on: '2025-06-30' })).organizations.totalCount).toBe(63);
  });

  it('has 14 ministries, 3 ministerial-level agencies and 5 government agencies after 2025-03-01', async () => {
    const count = async (kind: string) =>
      dataOf(
        await stack.gql(
          `query($k: [OrganizationKind!]) { organizations(filter: { kinds: $k, activeOn: "2025-03-01" }, first: 0) { totalCount } }`,
          { k: [kind] },
        ),
      ).organizations.totalCount;
    expect([await count('MINISTRY'), await count('MINISTERIAL_AGENCY'), await count('GOVERNMENT_AGENCY')]).toEqual([
      14, 3, 5,
    ]);
  });
});

describe('SearchOrganizations (contract)', () => {
  const search = (text: string, first = 10, after?: string) =>
    stack.gql(contractOperation('SearchOrganizations'), { search: text, first, after });

  it('finds "Hà Nội" from "ha noi", without diacritics', async () => {
    const { organizations } = dataOf(await search('ha noi'));
    expect(organizations.edges.map((edge: { node: { code: string } }) => edge.node.code)).toEqual(['HN']);
    expect(organizations.totalCount).toBe(1);
  });

  it('finds units by đ written as d, and by code', async () => {
    const dak = dataOf(await search('dak lak')).organizations.edges.map(
      (edge: { node: { code: string } }) => edge.node.code,
    );
    expect(dak).toContain('DAK_LAK');
    expect(dataOf(await search('TANDTC')).organizations.edges[0].node.code).toBe('TANDTC');
  });

  it('sorts in Vietnamese order and pages with cursors without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const { organizations } = dataOf(await search('tinh', 7, after));
      seen.push(...organizations.edges.map((edge: { node: { name: string } }) => edge.node.name));
      if (!organizations.pageInfo.hasNextPage) break;
      after = organizations.pageInfo.endCursor;
    }
    const total = dataOf(await search('tinh', 0)).organizations.totalCount;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const vietnamese = new Intl.Collator('vi');
    expect([...seen].sort(vietnamese.compare)).toEqual(seen);
    // Đ sorts after D in Vietnamese, not with it.
    const lastD = seen.findIndex((name) => name.startsWith('Tỉnh Đ'));
    expect(seen.slice(lastD).some((name) => name.startsWith('Tỉnh D'))).toBe(false);
  });

  it('refuses a page larger than 100 and a forged cursor', async () => {
    expect(errorCodes(await search('tinh', 101))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await search('tinh', 5, 'not-a-cursor'))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('blocs', () => {
  const BLOC_MEMBERS = `query($code: String!, $year: Int!) {
    bloc(code: $code) { id code name kind organizer { code name } members(year: $year) { role organization { id code name } } years }
  }`;

  it('lists the 8 members of the Nội chính bloc in 2024 with TANDTC as LEAD and VKSNDTC as DEPUTY', async () => {
    const { bloc } = dataOf(await stack.gql(BLOC_MEMBERS, { code: 'NOI_CHINH_TW', year: 2024 }));
    expect(bloc).toMatchObject({ code: 'NOI_CHINH_TW', kind: 'BLOC', organizer: { code: 'BTDKTTW' } });
    expect(bloc.members).toHaveLength(8);
    expect(bloc.members.slice(0, 2)).toEqual([
      { role: 'LEAD', organization: expect.objectContaining({ code: 'TANDTC' }) },
      { role: 'DEPUTY', organization: expect.objectContaining({ code: 'VKSNDTC' }) },
    ]);
    expect(bloc.members.map((member: { organization: { code: string } }) => member.organization.code).sort()).toEqual(
      ['BCA', 'BQLLANG', 'BQP', 'BTP', 'KTNN', 'TANDTC', 'TTCP', 'VKSNDTC'].sort(),
    );
  });

  it('knows the leads of 2020 and 2022 and that Huế joined the cities cluster in 2025', async () => {
    const lead = async (code: string, year: number) =>
      dataOf(await stack.gql(BLOC_MEMBERS, { code, year })).bloc.members.filter(
        (member: { role: string }) => member.role !== 'MEMBER',
      );
    expect((await lead('NOI_CHINH_TW', 2020)).map((member: any) => [member.role, member.organization.code])).toEqual([
      ['LEAD', 'BCA'],
    ]);
    expect((await lead('NOI_CHINH_TW', 2022)).map((member: any) => [member.role, member.organization.code])).toEqual([
      ['LEAD', 'BTP'],
      ['DEPUTY', 'BQLLANG'],
    ]);
    const cities = async (year: number) =>
      dataOf(await stack.gql(BLOC_MEMBERS, { code: 'CUM_TP_TRUC_THUOC_TW', year })).bloc.members.length;
    expect([await cities(2024), await cities(2025)]).toEqual([5, 6]);
  });

  it("answers the organizations part of BlocBoard and an organization's memberships", async () => {
    const { organization } = dataOf(
      await stack.gql(`{ organization(code: "TANDTC") { blocMemberships(year: 2024) { role bloc { code name } } } }`),
    );
    expect(organization.blocMemberships).toEqual([
      { role: 'LEAD', bloc: { code: 'NOI_CHINH_TW', name: 'Khối thi đua các Bộ, ngành Nội chính Trung ương' } },
    ]);
  });

  it('refuses an impossible year', async () => {
    expect(errorCodes(await stack.gql(BLOC_MEMBERS, { code: 'NOI_CHINH_TW', year: 1800 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('batching (SQL counted per request)', () => {
  const LIST = `query($n: Int!) { organizations(filter: { search: "tinh" }, first: $n) {
    edges { node { code parent { code } children { code } predecessors { code } successors { code } blocMemberships(year: 2024) { role } } } } }`;

  async function statements(n: number): Promise<number> {
    const response = await stack.gql(LIST, { n }, { headers: { 'x-tdkt-stats': '1' } });
    dataOf(response);
    return response.body.extensions!['stats'].sqlStatements.organizations;
  }

  it('reads N organizations with their parents, children, lineage and memberships in a constant number of statements', async () => {
    const few = await statements(3);
    const many = await statements(40);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });

  it('resolves the members of a bloc and their organizations in a constant number of statements', async () => {
    const BOARD = `{ blocs(first: 10) { edges { node { organizer { code } members(year: 2024) { organization { code parent { code } } } } } } }`;
    const response = await stack.gql(BOARD, {}, { headers: { 'x-tdkt-stats': '1' } });
    dataOf(response);
    // The count and the page, the organizers, the members with their organizations (one statement), their parents.
    expect(response.body.extensions!['stats'].sqlStatements.organizations).toBeLessThanOrEqual(5);
  });
});

describe('persons', () => {
  const FIND = `query($s: String) { persons(filter: { search: $s }, first: 10) { totalCount edges { node { id fullName organization { code } } } } }`;

  it('finds "Nguyễn Văn An" from "nguyen van", for a signed-in caller', async () => {
    const token = await stack.token('CENTRAL_BOARD');
    const { persons } = dataOf(await stack.gql(FIND, { s: 'nguyen van' }, { token }));
    expect(persons.edges.map((edge: any) => edge.node.fullName)).toEqual(['Nguyễn Văn An']);
  });

  it('refuses the person search to the public and limits staff to their own subtree', async () => {
    expect(errorCodes(await stack.gql(FIND, { s: 'nguyen' }))).toEqual(['UNAUTHENTICATED']);
    const hcmViewer = await stack.token('VIEWER', 'HCM');
    const { persons } = dataOf(await stack.gql(FIND, { s: null }, { token: hcmViewer }));
    expect(
      persons.edges
        .map((edge: any) => edge.node.organization.code)
        .every((code: string) => code.startsWith('DEMO_HCM')),
    ).toBe(true);
    expect(persons.totalCount).toBe(2);
  });

  it('shows the public a name and unit only, and staff of the unit the rest', async () => {
    const officer = await stack.token('CENTRAL_BOARD');
    const id = dataOf(await stack.gql(FIND, { s: 'tran thi binh' }, { token: officer })).persons.edges[0].node.id;
    const DETAIL = `query($id: ID!) { person(id: $id) { fullName organization { code } gender birthYear ethnicity annualRatings { year rating } } }`;
    const anonymous = await stack.gql(DETAIL, { id });
    // Withheld, not empty: null with FORBIDDEN on each non-public field (kit access.ts).
    expect(
      (anonymous.body.errors ?? []).map((error) => `${error.extensions?.['code']} ${error.path?.join('.')}`),
    ).toEqual([
      'FORBIDDEN person.gender',
      'FORBIDDEN person.birthYear',
      'FORBIDDEN person.ethnicity',
      'FORBIDDEN person.annualRatings',
    ]);
    const open = anonymous.body.data!.person;
    expect(open).toEqual({
      fullName: 'Trần Thị Bình',
      organization: { code: 'DEMO_HCM_BAN_TDKT' },
      gender: null,
      birthYear: null,
      ethnicity: null,
      annualRatings: null,
    });
    const outside = await stack.gql(DETAIL, { id }, { token: await stack.token('VIEWER', 'BTP') });
    expect(outside.body.data!.person.annualRatings).toBeNull();
    expect(errorCodes(outside)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    const insider = dataOf(await stack.gql(DETAIL, { id }, { token: await stack.token('VIEWER', 'HCM') })).person;
    expect(insider).toMatchObject({ gender: 'FEMALE', birthYear: 1985, ethnicity: 'Kinh' });
    expect(insider.annualRatings[0]).toEqual({ year: 2019, rating: 'EXCELLENT' });
  });
});
