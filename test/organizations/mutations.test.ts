/**
 * Every mutation of the organizations subgraph through the gateway: the happy path, each refusal with
 * its contract code, nothing half-written, and races stopped by the database.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
});
afterAll(() => stack?.stop());

const createOrganization = (input: Record<string, unknown>, token?: string) =>
  stack.gql(contractOperation('CreateOrganization'), { input }, { token });
const TREE = contractOperation('OrganizationTree');

describe('CreateOrganization', () => {
  it('creates a unit under its parent, stores its name in NFC and derives its level', async () => {
    const decomposed = 'Sở Nội vụ Hà Nội'.normalize('NFD');
    const created = dataOf(
      await createOrganization(
        {
          code: 'so_nv_hn',
          name: `  ${decomposed} `,
          shortName: 'SNV HN',
          kind: 'DEPARTMENT',
          parentCode: 'HN',
          validFrom: '2025-07-01',
        },
        board,
      ),
    );
    expect(created.createOrganization).toMatchObject({ code: 'SO_NV_HN', name: 'Sở Nội vụ Hà Nội' });
    expect(created.createOrganization.name).toBe('Sở Nội vụ Hà Nội'.normalize('NFC'));
    const { organization } = dataOf(await stack.gql(TREE, { code: 'SO_NV_HN' }));
    expect(organization).toMatchObject({ level: 'PROVINCIAL', validFrom: '2025-07-01', parent: { code: 'HN' } });
    expect(dataOf(await stack.gql(TREE, { code: 'HN' })).organization.children).toContainEqual({
      code: 'SO_NV_HN',
      name: 'Sở Nội vụ Hà Nội',
      kind: 'DEPARTMENT',
    });
  });

  it('lets an officer create units inside its own subtree only', async () => {
    const officer = await stack.token('ORG_OFFICER', 'HN');
    expect(
      dataOf(
        await createOrganization(
          { code: 'PHUONG_DEMO_1', name: 'Phường Ba Đình', kind: 'WARD', parentCode: 'HN' },
          officer,
        ),
      ).createOrganization.code,
    ).toBe('PHUONG_DEMO_1');
    expect(
      errorCodes(
        await createOrganization(
          { code: 'PHUONG_DEMO_2', name: 'Phường Hải Châu', kind: 'WARD', parentCode: 'DN' },
          officer,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(await createOrganization({ code: 'TOP_DEMO', name: 'Đơn vị cấp cao nhất', kind: 'OTHER' }, officer)),
    ).toEqual(['FORBIDDEN']);
  });

  it('refuses the public and viewers', async () => {
    expect(
      errorCodes(await createOrganization({ code: 'X_PUBLIC', name: 'X', kind: 'OTHER', parentCode: 'HN' })),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(
        await createOrganization(
          { code: 'X_VIEWER', name: 'X', kind: 'OTHER', parentCode: 'HN' },
          await stack.token('VIEWER', 'HN'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('refuses bad input with a plain message and the field at fault', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ code: 'mã có dấu', name: 'X', kind: 'OTHER', parentCode: 'HN' }, 'BAD_USER_INPUT', 'input.code'],
      [{ code: 'NUL_NAME', name: 'Tên\u0000độc', kind: 'OTHER', parentCode: 'HN' }, 'BAD_USER_INPUT', 'input.name'],
      [{ code: 'EMPTY_NAME', name: '   ', kind: 'OTHER', parentCode: 'HN' }, 'BAD_USER_INPUT', 'input.name'],
      [{ code: 'NO_PARENT_FOUND', name: 'X', kind: 'OTHER', parentCode: 'KHONG_CO' }, 'NOT_FOUND', 'input.parentCode'],
      [
        { code: 'LATE_PARENT', name: 'X', kind: 'OTHER', parentCode: 'BINH_DUONG', validFrom: '2025-08-01' },
        'BAD_USER_INPUT',
        'input.parentCode',
      ],
    ];
    for (const [input, code, field] of cases) {
      const response = await createOrganization(input, board);
      expect([input.code, errorCodes(response)]).toEqual([input.code, [code]]);
      expect(response.body.errors![0]!.extensions!['field']).toBe(field);
      expect(response.body.errors![0]!.message).not.toMatch(/sql|select|insert|postgres|http:\/\//i);
    }
  });

  it('refuses an impossible date before anything runs', async () => {
    const response = await createOrganization(
      { code: 'BAD_DATE', name: 'X', kind: 'OTHER', parentCode: 'HN', validFrom: '2025-02-30' },
      board,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(dataOf(await stack.gql(TREE, { code: 'BAD_DATE' })).organization).toBeNull();
  });

  it('lets exactly one of 20 concurrent creations of the same code win; the others get CONFLICT', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        createOrganization({ code: 'RACE_UNIT', name: `Đơn vị thử ${index}`, kind: 'OTHER', parentCode: 'HN' }, board),
      ),
    );
    const codes = responses.map((response) => (response.body.errors ? errorCodes(response)[0] : 'OK'));
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(19);
    const search = dataOf(await stack.gql(`{ organizations(filter: { search: "RACE_UNIT" }) { totalCount } }`));
    expect(search.organizations.totalCount).toBe(1);
  });
});

describe('updateOrganization', () => {
  const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { code name version parent { code } } }`;

  it('renames with compare-and-swap on the version and refuses a stale version', async () => {
    dataOf(await createOrganization({ code: 'CAS_UNIT', name: 'Đơn vị A', kind: 'OTHER', parentCode: 'HN' }, board));
    const updated = dataOf(
      await stack.gql(UPDATE, { input: { code: 'CAS_UNIT', expectedVersion: 1, name: 'Đơn vị B' } }, { token: board }),
    ).updateOrganization;
    expect(updated).toMatchObject({ name: 'Đơn vị B', version: 2 });
    const stale = await stack.gql(
      UPDATE,
      { input: { code: 'CAS_UNIT', expectedVersion: 1, name: 'Đơn vị C' } },
      { token: board },
    );
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.body.errors![0]!.extensions!['currentVersion']).toBe(2);
    expect(dataOf(await stack.gql(TREE, { code: 'CAS_UNIT' })).organization.name).toBe('Đơn vị B');
  });

  it('loses no update among concurrent writers that all read version 2', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        stack.gql(UPDATE, { input: { code: 'CAS_UNIT', expectedVersion: 2, name: `Tên ${index}` } }, { token: board }),
      ),
    );
    expect(responses.filter((response) => !response.body.errors)).toHaveLength(1);
    expect(responses.filter((response) => errorCodes(response)[0] === 'CONFLICT')).toHaveLength(9);
  });

  it('refuses to make a unit its own ancestor', async () => {
    dataOf(
      await createOrganization(
        { code: 'CYCLE_CHILD', name: 'Đơn vị con', kind: 'OTHER', parentCode: 'CAS_UNIT' },
        board,
      ),
    );
    expect(
      errorCodes(await stack.gql(UPDATE, { input: { code: 'CAS_UNIT', parentCode: 'CYCLE_CHILD' } }, { token: board })),
    ).toEqual(['BAD_USER_INPUT']);
  });
});

describe('recordLineageEvent', () => {
  const RECORD = `mutation($input: RecordLineageEventInput!) {
    recordLineageEvent(input: $input) { kind effectiveDate legalBasis predecessors { code } successors { code } } }`;

  it('merges communes: the absorbed one ends the day before and lists its successor', async () => {
    for (const code of ['XA_A', 'XA_B'])
      dataOf(
        await createOrganization(
          { code, name: `Xã ${code.slice(-1)}`, kind: 'COMMUNE', parentCode: 'HN', validFrom: '2020-01-01' },
          board,
        ),
      );
    const event = dataOf(
      await stack.gql(
        RECORD,
        {
          input: {
            kind: 'MERGE',
            effectiveDate: '2026-01-01',
            legalBasis: 'Nghị quyết thử nghiệm',
            predecessorCodes: ['XA_A', 'XA_B'],
            successorCodes: ['XA_A'],
          },
        },
        { token: board },
      ),
    ).recordLineageEvent;
    expect(event.successors).toEqual([{ code: 'XA_A' }]);
    const absorbed = dataOf(await stack.gql(TREE, { code: 'XA_B' })).organization;
    expect(absorbed).toMatchObject({ validTo: '2025-12-31', successors: [{ code: 'XA_A', name: 'Xã A' }] });
    expect(dataOf(await stack.gql(TREE, { code: 'XA_A' })).organization).toMatchObject({
      validTo: null,
      predecessors: [{ code: 'XA_B', name: 'Xã B' }],
    });
  });

  it('refuses a dissolution with successors and a merge into nothing', async () => {
    const base = { effectiveDate: '2026-01-01', legalBasis: 'Quyết định thử' };
    expect(
      errorCodes(
        await stack.gql(
          RECORD,
          { input: { ...base, kind: 'DISSOLVE', predecessorCodes: ['CYCLE_CHILD'], successorCodes: ['HN'] } },
          { token: board },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await stack.gql(
          RECORD,
          { input: { ...base, kind: 'MERGE', predecessorCodes: ['CYCLE_CHILD'], successorCodes: [] } },
          { token: board },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });
});

describe('CreateBloc and SetBlocMembership', () => {
  const setMembership = (input: Record<string, unknown>, token = board) =>
    stack.gql(contractOperation('SetBlocMembership'), { input }, { token });

  it('creates a provincial bloc and sets, then replaces, its yearly membership', async () => {
    for (const code of ['SO_A', 'SO_B', 'SO_C'])
      dataOf(
        await createOrganization({ code, name: `Sở ${code.slice(-1)}`, kind: 'DEPARTMENT', parentCode: 'DN' }, board),
      );
    const officer = await stack.token('ORG_OFFICER', 'DN');
    const bloc = dataOf(
      await stack.gql(
        contractOperation('CreateBloc'),
        { input: { code: 'KHOI_VHXH_DN', name: 'Khối Văn hóa – Xã hội', kind: 'BLOC', organizerCode: 'DN' } },
        { token: officer },
      ),
    );
    expect(bloc.createBloc.code).toBe('KHOI_VHXH_DN');
    const first = dataOf(
      await setMembership(
        {
          blocCode: 'KHOI_VHXH_DN',
          year: 2026,
          members: [
            { organizationCode: 'SO_A', role: 'LEAD' },
            { organizationCode: 'SO_B', role: 'DEPUTY' },
            { organizationCode: 'SO_C', role: 'MEMBER' },
          ],
        },
        officer,
      ),
    );
    expect(first.setBlocMembership.map((member: any) => [member.role, member.organization.code])).toEqual([
      ['LEAD', 'SO_A'],
      ['DEPUTY', 'SO_B'],
      ['MEMBER', 'SO_C'],
    ]);
    const second = dataOf(
      await setMembership(
        {
          blocCode: 'KHOI_VHXH_DN',
          year: 2026,
          members: [
            { organizationCode: 'SO_C', role: 'LEAD' },
            { organizationCode: 'SO_A', role: 'MEMBER' },
          ],
        },
        officer,
      ),
    );
    expect(second.setBlocMembership.map((member: any) => [member.role, member.organization.code])).toEqual([
      ['LEAD', 'SO_C'],
      ['MEMBER', 'SO_A'],
    ]);
  });

  it('refuses two leads, a duplicate, an unknown unit and a unit that no longer exists that year, changing nothing', async () => {
    const before = dataOf(
      await stack.gql(`{ bloc(code: "KHOI_VHXH_DN") { members(year: 2026) { role organization { code } } } }`),
    ).bloc.members;
    const attempts: [Record<string, unknown>[], string][] = [
      [
        [
          { organizationCode: 'SO_A', role: 'LEAD' },
          { organizationCode: 'SO_B', role: 'LEAD' },
        ],
        'BAD_USER_INPUT',
      ],
      [
        [
          { organizationCode: 'SO_A', role: 'MEMBER' },
          { organizationCode: 'SO_A', role: 'MEMBER' },
        ],
        'BAD_USER_INPUT',
      ],
      [
        [
          { organizationCode: 'SO_A', role: 'MEMBER' },
          { organizationCode: 'SO_KHONG_CO', role: 'MEMBER' },
        ],
        'NOT_FOUND',
      ],
      [[{ organizationCode: 'BINH_DUONG', role: 'MEMBER' }], 'BAD_USER_INPUT'],
    ];
    for (const [members, code] of attempts) {
      expect(errorCodes(await setMembership({ blocCode: 'KHOI_VHXH_DN', year: 2026, members }))).toEqual([code]);
    }
    expect(
      dataOf(await stack.gql(`{ bloc(code: "KHOI_VHXH_DN") { members(year: 2026) { role organization { code } } } }`))
        .bloc.members,
    ).toEqual(before);
  });

  it('keeps one LEAD when concurrent replacements race', async () => {
    const results = await Promise.all(
      ['SO_A', 'SO_B', 'SO_C', 'SO_A', 'SO_B', 'SO_C'].map((lead) =>
        setMembership({
          blocCode: 'KHOI_VHXH_DN',
          year: 2027,
          members: ['SO_A', 'SO_B', 'SO_C'].map((code) => ({
            organizationCode: code,
            role: code === lead ? 'LEAD' : 'MEMBER',
          })),
        }),
      ),
    );
    expect(results.every((response) => !response.body.errors)).toBe(true);
    const members = dataOf(await stack.gql(`{ bloc(code: "KHOI_VHXH_DN") { members(year: 2027) { role } } }`)).bloc
      .members;
    expect(members).toHaveLength(3);
    expect(members.filter((member: { role: string }) => member.role === 'LEAD')).toHaveLength(1);
  });

  it('refuses an officer of another province, and a duplicate bloc code', async () => {
    const other = await stack.token('ORG_OFFICER', 'HN');
    expect(errorCodes(await setMembership({ blocCode: 'KHOI_VHXH_DN', year: 2026, members: [] }, other))).toEqual([
      'FORBIDDEN',
    ]);
    const duplicate = await stack.gql(
      contractOperation('CreateBloc'),
      { input: { code: 'NOI_CHINH_TW', name: 'Trùng', kind: 'BLOC', organizerCode: 'BTDKTTW' } },
      { token: board },
    );
    expect(errorCodes(duplicate)).toEqual(['CONFLICT']);
    expect(errorCodes(await setMembership({ blocCode: 'KHONG_CO_KHOI', year: 2026, members: [] }))).toEqual([
      'NOT_FOUND',
    ]);
  });
});

describe('CreatePerson and RecordAnnualRating', () => {
  it('creates a person and records, then corrects, a yearly rating', async () => {
    const officer = await stack.token('ORG_OFFICER', 'DN');
    const person = dataOf(
      await stack.gql(
        contractOperation('CreatePerson'),
        {
          input: {
            fullName: 'Phạm Thị Hoa',
            gender: 'FEMALE',
            birthYear: 1988,
            ethnicity: 'Kinh',
            organizationCode: 'SO_A',
            isDirectWorker: true,
          },
        },
        { token: officer },
      ),
    ).createPerson;
    expect(person.fullName).toBe('Phạm Thị Hoa');
    const record = (rating: string) =>
      stack.gql(
        contractOperation('RecordAnnualRating'),
        { input: { personId: person.id, year: 2024, rating } },
        { token: officer },
      );
    expect(dataOf(await record('GOOD')).recordAnnualRating).toEqual({ year: 2024, rating: 'GOOD' });
    expect(dataOf(await record('EXCELLENT')).recordAnnualRating).toEqual({ year: 2024, rating: 'EXCELLENT' });
    const ratings = dataOf(
      await stack.gql(
        `query($id: ID!) { person(id: $id) { annualRatings { year rating } } }`,
        { id: person.id },
        { token: officer },
      ),
    ).person.annualRatings;
    expect(ratings).toEqual([{ year: 2024, rating: 'EXCELLENT' }]);
  });

  it('refuses a future year, an unknown person, a unit outside the officer, and a dissolved unit', async () => {
    const officer = await stack.token('ORG_OFFICER', 'DN');
    const someone = dataOf(await stack.gql(`{ persons(first: 1) { edges { node { id } } } }`, {}, { token: officer }))
      .persons.edges[0].node.id;
    const rate = (input: Record<string, unknown>, token = officer) =>
      stack.gql(contractOperation('RecordAnnualRating'), { input }, { token });
    expect(
      errorCodes(await rate({ personId: someone, year: new Date().getUTCFullYear() + 1, rating: 'GOOD' })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await rate({ personId: '00000000-0000-4000-8000-000000000000', year: 2024, rating: 'GOOD' })),
    ).toEqual(['NOT_FOUND']);
    expect(errorCodes(await rate({ personId: 'not-a-uuid', year: 2024, rating: 'GOOD' }))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await rate({ personId: someone, year: 2024, rating: 'GOOD' }, await stack.token('ORG_OFFICER', 'HN'))),
    ).toEqual(['FORBIDDEN']);
    const create = (organizationCode: string) =>
      stack.gql(
        contractOperation('CreatePerson'),
        {
          input: {
            fullName: 'Người Thử',
            gender: 'MALE',
            birthYear: 1990,
            ethnicity: 'Kinh',
            organizationCode,
            isDirectWorker: false,
          },
        },
        { token: board },
      );
    expect(errorCodes(await create('BINH_DUONG'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await create('KHONG_CO'))).toEqual(['NOT_FOUND']);
  });
});
