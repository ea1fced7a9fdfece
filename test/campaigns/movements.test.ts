/**
 * Movements and registrations through the gateway, over real HTTP and PostgreSQL, with the seeded
 * reference and demo data; the duration classes of form 0601 as a pure rule.
 */
import { vietnamYear } from '@tdkt/subgraph-kit';
import { durationClass } from '@tdkt/campaigns';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes, createTestPerson } from '../support/stack';

let stack: InProcessStack;
let board: string;
const people: string[] = [];
beforeAll(async () => {
  stack = await startInProcess({ demo: true });
  board = await stack.token('CENTRAL_BOARD');
  for (let index = 0; index < 3; index += 1) people.push(await createTestPerson(stack, `Người thử ${index + 1}`, 'HN'));
});
afterAll(() => stack?.stop());

const CREATE = `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id code title theme launchLevel method scope startDate endDate durationClass launchedBy { id code name } parent { code } } }`;
const REGISTER = `mutation($input: RegisterForMovementInput!) { registerForMovement(input: $input) { id status organization { code } person { id } movement { code } } }`;
const create = (input: Record<string, unknown>, token?: string) => stack.gql(CREATE, { input }, { token });
const register = (input: Record<string, unknown>, token?: string) => stack.gql(REGISTER, { input }, { token });

const base = {
  launchLevel: 'MINISTRY_OR_PROVINCE',
  method: 'THEMATIC',
  scope: 'MINISTRY_OR_PROVINCE',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
};

describe('duration class (form 0601.N/BNV-TĐKT)', () => {
  it('puts exactly one calendar year in ONE_YEAR, and classifies each boundary', () => {
    expect(durationClass('2021-01-01', '2021-12-31')).toBe('ONE_YEAR');
    expect(durationClass('2020-07-01', '2021-06-30')).toBe('ONE_YEAR');
    expect(durationClass('2021-01-22', '2021-12-31')).toBe('LESS_THAN_1Y');
    expect(durationClass('2021-01-01', '2022-01-01')).toBe('ONE_TO_3Y');
    expect(durationClass('2021-01-01', '2023-12-31')).toBe('ONE_TO_3Y');
    expect(durationClass('2021-01-01', '2024-01-01')).toBe('THREE_TO_5Y');
    expect(durationClass('2021-01-01', '2025-12-30')).toBe('THREE_TO_5Y');
    expect(durationClass('2021-01-01', '2025-12-31')).toBe('FIVE_YEARS_OR_MORE');
    expect(durationClass('2020-02-29', '2021-02-27')).toBe('ONE_YEAR');
    expect(durationClass('2021-01-01', null)).toBeNull();
  });
});

describe('seeded movements', () => {
  it('has the Nội chính bloc 2021 movement launched on 22/1/2021, a one-year regular movement', async () => {
    const { movement } = dataOf(
      await stack.gql(
        `{ movement(code: "noi_chinh_tw_2021") { title theme launchLevel method scope startDate endDate launchedOn durationClass isDemo launchedBy { code name } } }`,
      ),
    );
    expect(movement).toEqual({
      title: 'Phong trào thi đua năm 2021 của Khối thi đua các Bộ, ngành Nội chính Trung ương',
      theme: 'Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả',
      launchLevel: 'BLOC',
      method: 'REGULAR_ANNUAL',
      scope: 'BLOC',
      startDate: '2021-01-01',
      endDate: '2021-12-31',
      launchedOn: '2021-01-22',
      durationClass: 'ONE_YEAR',
      isDemo: false,
      launchedBy: { code: 'BCA', name: 'Bộ Công an' },
    });
  });

  it('shows a demo response with its parent, and the parent with its responses', async () => {
    const { movement } = dataOf(
      await stack.gql(
        `{ movement(code: "DEMO_HN_VAN_MINH_DO_THI") { isDemo durationClass responses { code parent { code } launchedBy { code } } } }`,
      ),
    );
    expect(movement).toEqual({
      isDemo: true,
      durationClass: 'FIVE_YEARS_OR_MORE',
      responses: [
        {
          code: 'DEMO_TAY_HO_VAN_MINH_DO_THI_2020',
          parent: { code: 'DEMO_HN_VAN_MINH_DO_THI' },
          launchedBy: { code: 'QUAN_TAY_HO' },
        },
      ],
    });
  });

  it('answers null for an unknown code', async () => {
    expect(dataOf(await stack.gql(`{ movement(code: "KHONG_CO") { code } }`)).movement).toBeNull();
  });
});

describe('createMovement', () => {
  it('launches a movement for its own unit, in NFC, and lists it under the organization', async () => {
    const officer = await stack.token('ORG_OFFICER', 'HN');
    const title = 'Thi đua “Chuyển đổi số” Hà Nội'.normalize('NFD');
    const { createMovement } = dataOf(
      await create(
        {
          ...base,
          code: 'hn_chuyen_doi_so_2026',
          title: `  ${title}  `,
          theme: 'Đổi mới, sáng tạo',
          organizationCode: 'HN',
        },
        officer,
      ),
    );
    expect(createMovement).toMatchObject({
      code: 'HN_CHUYEN_DOI_SO_2026',
      title: 'Thi đua “Chuyển đổi số” Hà Nội'.normalize('NFC'),
      durationClass: 'ONE_YEAR',
      launchedBy: { code: 'HN', name: 'Thành phố Hà Nội' },
    });
    const { organization } = dataOf(await stack.gql(`{ organization(code: "HN") { movementsLaunched { code } } }`));
    expect(organization.movementsLaunched.map((movement: { code: string }) => movement.code)).toEqual([
      'DEMO_HN_VAN_MINH_DO_THI',
      'HN_CHUYEN_DOI_SO_2026',
    ]);
  });

  it('records a response to a higher-level movement', async () => {
    const { createMovement } = dataOf(
      await create(
        {
          ...base,
          code: 'BCA_HUONG_UNG_2021',
          title: 'Hưởng ứng phong trào năm 2021 của Khối',
          organizationCode: 'BCA',
          launchLevel: 'UNIT',
          scope: 'UNIT',
          startDate: '2021-02-01',
          endDate: '2021-12-31',
          parentCode: 'NOI_CHINH_TW_2021',
        },
        board,
      ),
    );
    expect(createMovement).toMatchObject({ parent: { code: 'NOI_CHINH_TW_2021' }, durationClass: 'LESS_THAN_1Y' });
  });

  it('refuses the public, viewers and officers of another unit', async () => {
    const input = { ...base, code: 'X_REFUSED', title: 'X', organizationCode: 'HN' };
    expect(errorCodes(await create(input))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await create(input, await stack.token('VIEWER', 'HN')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await create(input, await stack.token('ORG_OFFICER', 'BTP')))).toEqual(['FORBIDDEN']);
  });

  it('refuses bad input with a plain message and the field at fault', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ code: 'mã sai', title: 'X', organizationCode: 'HN' }, 'BAD_USER_INPUT', 'input.code'],
      [{ code: 'NUL_TITLE', title: 'Phong\u0000trào', organizationCode: 'HN' }, 'BAD_USER_INPUT', 'input.title'],
      [{ code: 'NO_UNIT', title: 'X', organizationCode: 'KHONG_CO' }, 'NOT_FOUND', 'input.organizationCode'],
      [
        { code: 'ENDS_FIRST', title: 'X', organizationCode: 'HN', startDate: '2026-05-01', endDate: '2026-04-30' },
        'BAD_USER_INPUT',
        'input.endDate',
      ],
      [
        { code: 'NO_PARENT', title: 'X', organizationCode: 'HN', parentCode: 'KHONG_CO' },
        'NOT_FOUND',
        'input.parentCode',
      ],
      [
        {
          code: 'BEFORE_PARENT',
          title: 'X',
          organizationCode: 'BCA',
          startDate: '2020-12-01',
          parentCode: 'NOI_CHINH_TW_2021',
        },
        'BAD_USER_INPUT',
        'input.parentCode',
      ],
      // Quận Tây Hồ ended on 2025-06-30 (district level abolished): it launches nothing in 2026.
      [
        { code: 'DEAD_LAUNCHER', title: 'X', organizationCode: 'QUAN_TAY_HO' },
        'BAD_USER_INPUT',
        'input.organizationCode',
      ],
    ];
    for (const [input, code, field] of cases) {
      const response = await create({ ...base, ...input }, board);
      expect([input.code, errorCodes(response)]).toEqual([input.code, [code]]);
      expect(response.body.errors![0]!.extensions!['field']).toBe(field);
      expect(response.body.errors![0]!.message).not.toMatch(/sql|select|insert|postgres|http:\/\//i);
    }
  });

  it('refuses an impossible date before anything runs', async () => {
    expect(
      errorCodes(
        await create({ ...base, code: 'BAD_DATE', title: 'X', organizationCode: 'HN', startDate: '2026-02-30' }, board),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('lets exactly one of 10 concurrent creations of the same code through', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        create({ ...base, code: 'RACE_MOVEMENT', title: 'Đua', organizationCode: 'HN' }, board),
      ),
    );
    const codes = results.map((result) => errorCodes(result)[0] ?? 'OK').sort();
    expect(codes).toEqual([
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'CONFLICT',
      'OK',
    ]);
    expect(results.find((result) => errorCodes(result).length)!.body.errors![0]!.message).toBe(
      'Mã phong trào RACE_MOVEMENT đã tồn tại.',
    );
  });
});

describe('registerForMovement', () => {
  beforeAll(async () => {
    dataOf(
      await create(
        {
          ...base,
          code: 'HN_REG_2026',
          title: 'Phong trào để đăng ký',
          organizationCode: 'HN',
          startDate: '2026-01-01',
          endDate: '2030-12-31',
        },
        board,
      ),
    );
  });

  it('registers a unit of the launcher, and a person through the unit', async () => {
    const officer = await stack.token('ORG_OFFICER', 'HN');
    const unit = dataOf(
      await register({ movementCode: 'HN_REG_2026', organizationCode: 'HN' }, officer),
    ).registerForMovement;
    expect(unit).toMatchObject({
      status: 'SUBMITTED',
      organization: { code: 'HN' },
      person: null,
      movement: { code: 'HN_REG_2026' },
    });
    const personId = people[0]!;
    const person = dataOf(
      await register({ movementCode: 'HN_REG_2026', organizationCode: 'HN', personId, status: 'DRAFT' }, officer),
    ).registerForMovement;
    expect(person).toMatchObject({ status: 'DRAFT', person: { id: personId } });
    const list = `{ movement(code: "HN_REG_2026") { registrations { status organization { code } person { id } } } }`;
    // The draft is the unit's working paper: its staff (and the launcher's, here the same) see both; the public the sent one.
    expect(dataOf(await stack.gql(list, {}, { token: officer })).movement.registrations).toHaveLength(2);
    expect(
      dataOf(await stack.gql(list)).movement.registrations.map((registration: any) => registration.status),
    ).toEqual(['SUBMITTED']);
  });

  it('refuses a second registration of the same unit, and lets one of 8 concurrent ones through', async () => {
    const again = await register({ movementCode: 'HN_REG_2026', organizationCode: 'HN' }, board);
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0]!.message).toBe(
      'Thành phố Hà Nội đã đăng ký thi đua trong phong trào "Phong trào để đăng ký".',
    );
    const personId = people[1]!;
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        register({ movementCode: 'HN_REG_2026', organizationCode: 'HN', personId }, board),
      ),
    );
    expect(results.filter((result) => errorCodes(result).length === 0)).toHaveLength(1);
    expect(results.flatMap(errorCodes)).toEqual(Array(7).fill('CONFLICT'));
  });

  it('refuses a unit outside a provincial movement, an ended movement, a decided status and other officers', async () => {
    const outside = await register({ movementCode: 'HN_REG_2026', organizationCode: 'BTP' }, board);
    expect([errorCodes(outside), outside.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.organizationCode',
    ]);
    const ended = await register({ movementCode: 'NOI_CHINH_TW_2021', organizationCode: 'BTP' }, board);
    expect([errorCodes(ended), ended.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.movementCode',
    ]);
    const approved = await register(
      { movementCode: 'HN_REG_2026', organizationCode: 'HN', personId: people[2]!, status: 'APPROVED' },
      board,
    );
    expect([errorCodes(approved), approved.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.status',
    ]);
    expect(
      errorCodes(
        await register(
          { movementCode: 'HN_REG_2026', organizationCode: 'HN' },
          await stack.token('ORG_OFFICER', 'HCM'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await register({ movementCode: 'KHONG_CO', organizationCode: 'HN' }, board))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      errorCodes(
        await register({ movementCode: 'HN_REG_2026', organizationCode: 'HN', personId: 'not-a-uuid' }, board),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    // A unit registers only its own people (the person is looked up in the organizations subgraph).
    const elsewhere = await createTestPerson(stack, 'Người ở Đà Nẵng', 'DN');
    const foreign = await register({ movementCode: 'HN_REG_2026', organizationCode: 'HN', personId: elsewhere }, board);
    expect([errorCodes(foreign), foreign.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.personId',
    ]);
    expect(
      errorCodes(
        await register(
          { movementCode: 'HN_REG_2026', organizationCode: 'HN', personId: '00000000-0000-4000-8000-000000000000' },
          board,
        ),
      ),
    ).toEqual(['NOT_FOUND']);
  });
});

describe('movements list', () => {
  it('filters by launcher, method, scope, search without diacritics and active day', async () => {
    const list = async (filter: Record<string, unknown>) =>
      dataOf(
        await stack.gql(
          `query($f: MovementFilter) { movements(filter: $f, first: 50) { totalCount edges { node { code } } } }`,
          { f: filter },
        ),
      ).movements.edges.map((edge: { node: { code: string } }) => edge.node.code);
    expect(await list({ launchedByCode: 'bca' })).toEqual(['NOI_CHINH_TW_2021', 'BCA_HUONG_UNG_2021']);
    expect(await list({ search: 'noi chinh' })).toEqual(['NOI_CHINH_TW_2021']);
    expect(await list({ search: 'doan ket neu guong' })).toEqual(['NOI_CHINH_TW_2021']);
    expect(await list({ method: 'PEAK_DRIVE' })).toEqual(['DEMO_TAY_HO_VAN_MINH_DO_THI_2020']);
    expect(await list({ scope: 'BLOC' })).toEqual(['NOI_CHINH_TW_2021']);
    expect(await list({ activeOn: '2021-06-01' })).toEqual([
      'DEMO_HN_VAN_MINH_DO_THI',
      'NOI_CHINH_TW_2021',
      'BCA_HUONG_UNG_2021',
    ]);
    expect(await list({ launchedByCode: 'KHONG_CO' })).toEqual([]);
  });

  it('pages by start date with cursors, without gaps or repeats', async () => {
    const all = dataOf(await stack.gql(`{ movements(first: 100) { totalCount edges { node { code } } } }`)).movements;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = dataOf(
        await stack.gql(
          `query($a: String) { movements(first: 2, after: $a) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`,
          { a: after },
        ),
      ).movements;
      seen.push(...page.edges.map((edge: { node: { code: string } }) => edge.node.code));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((edge: { node: { code: string } }) => edge.node.code));
    expect(new Set(seen).size).toBe(all.totalCount);
    expect(errorCodes(await stack.gql(`{ movements(after: "garbage") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('batching (SQL counted per request)', () => {
  beforeAll(async () => {
    // 30 organizations with a movement each.
    const { organizations } = dataOf(
      await stack.gql(
        `{ organizations(filter: { kinds: [PROVINCE, CENTRAL_CITY], activeOn: "2025-07-01" }, first: 30) { edges { node { code } } } }`,
      ),
    );
    for (const [index, edge] of organizations.edges.entries()) {
      dataOf(
        await create(
          { ...base, code: `BATCH_${index}`, title: `Phong trào ${index}`, organizationCode: edge.node.code },
          board,
        ),
      );
    }
  });

  async function statements(n: number): Promise<{ count: number; data: any }> {
    const query = `query($n: Int!) { organizations(filter: { kinds: [PROVINCE, CENTRAL_CITY], activeOn: "2025-07-01" }, first: $n) {
      edges { node { code movementsLaunched { code durationClass parent { code } responses { code } registrations { status } } } } } }`;
    const response = await stack.gql(query, { n }, { headers: { 'x-tdkt-stats': '1' } });
    return { count: response.body.extensions!['stats'].sqlStatements.campaigns, data: dataOf(response) };
  }

  it('reads movementsLaunched of 3 or 30 organizations in the same number of statements', async () => {
    const few = await statements(3);
    const many = await statements(30);
    expect(many.data.organizations.edges.every((edge: any) => edge.node.movementsLaunched.length >= 1)).toBe(true);
    if (process.env['TDKT_PRINT_SQL'])
      console.log(`movementsLaunched: ${few.count} statements for 3, ${many.count} for 30`);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(4);
  });
});

describe('BLOC-scope movements', () => {
  // Dates follow the clock: membership can be recorded for this year and the next only.
  const thisYear = vietnamYear();
  const nextYear = thisYear + 1;
  const CURRENT = `KHOI_THU_${thisYear}`;
  const UPCOMING = `KHOI_THU_${nextYear}`;

  beforeAll(async () => {
    dataOf(
      await stack.gql(
        `mutation { createBloc(input: { code: "KHOI_THU_NGHIEM", name: "Khối thi đua thử nghiệm", kind: BLOC, organizerCode: "BTDKTTW" }) { id } }`,
        {},
        { token: board },
      ),
    );
    const setMembers = `mutation($input: SetBlocMembershipInput!) { setBlocMembership(input: $input) { role } }`;
    dataOf(
      await stack.gql(
        setMembers,
        {
          input: {
            blocCode: 'KHOI_THU_NGHIEM',
            year: thisYear,
            members: [{ organizationCode: 'BTP', role: 'LEAD' }, { organizationCode: 'BCA' }],
          },
        },
        { token: board },
      ),
    );
    // Next year BCA leaves and TANDTC joins.
    dataOf(
      await stack.gql(
        setMembers,
        {
          input: {
            blocCode: 'KHOI_THU_NGHIEM',
            year: nextYear,
            members: [{ organizationCode: 'BTP', role: 'LEAD' }, { organizationCode: 'TANDTC' }],
          },
        },
        { token: board },
      ),
    );
  });

  const blocMovement = {
    launchLevel: 'BLOC',
    method: 'REGULAR_ANNUAL',
    scope: 'BLOC',
    organizationCode: 'BTP',
    blocCode: 'khoi_thu_nghiem',
  };

  it('names its bloc, and the seeded Nội chính 2021 movement names the Nội chính bloc', async () => {
    const response = await stack.gql(
      `mutation($input: CreateMovementInput!) { createMovement(input: $input) { code scope bloc { code name } } }`,
      {
        input: {
          ...blocMovement,
          code: CURRENT,
          title: 'Phong trào của khối thử nghiệm',
          startDate: `${thisYear}-01-01`,
          endDate: `${thisYear + 2}-12-31`,
        },
      },
      { token: await stack.token('ORG_OFFICER', 'BTP') },
    );
    expect(dataOf(response).createMovement).toEqual({
      code: CURRENT,
      scope: 'BLOC',
      bloc: { code: 'KHOI_THU_NGHIEM', name: 'Khối thi đua thử nghiệm' },
    });
    dataOf(
      await create(
        {
          ...blocMovement,
          code: UPCOMING,
          title: 'Phong trào năm sau của khối',
          startDate: `${nextYear}-01-01`,
          endDate: `${nextYear}-12-31`,
        },
        board,
      ),
    );
    const { movement } = dataOf(await stack.gql(`{ movement(code: "NOI_CHINH_TW_2021") { bloc { code } } }`));
    expect(movement.bloc).toEqual({ code: 'NOI_CHINH_TW' });
    const { movement: provincial } = dataOf(await stack.gql(`{ movement(code: "HN_REG_2026") { bloc { code } } }`));
    expect(provincial.bloc).toBeNull();
  });

  it('refuses a BLOC movement without its bloc, an unknown bloc, and a bloc on another scope', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...blocMovement, code: 'NO_BLOC', blocCode: null }, 'BAD_USER_INPUT'],
      [{ ...blocMovement, code: 'BLANK_BLOC', blocCode: '  ' }, 'BAD_USER_INPUT'],
      [{ ...blocMovement, code: 'UNKNOWN_BLOC', blocCode: 'KHONG_CO' }, 'NOT_FOUND'],
      [{ ...blocMovement, code: 'UNIT_WITH_BLOC', scope: 'UNIT', launchLevel: 'UNIT' }, 'BAD_USER_INPUT'],
    ];
    for (const [input, code] of cases) {
      const response = await create(
        { title: 'X', startDate: `${thisYear}-01-01`, endDate: `${thisYear}-12-31`, ...input },
        board,
      );
      expect([input.code, errorCodes(response), response.body.errors![0]!.extensions!['field']]).toEqual([
        input.code,
        [code],
        'input.blocCode',
      ]);
    }
    const missing = await create(
      { ...blocMovement, code: 'NO_BLOC', blocCode: null, title: 'X', startDate: `${thisYear}-01-01` },
      board,
    );
    expect(missing.body.errors![0]!.message).toBe(
      'Phong trào phạm vi khối, cụm thi đua (BLOC) phải ghi mã khối, cụm (blocCode) để xác định đơn vị được đăng ký.',
    );
  });

  it('takes registrations from members of the bloc in the year of registration', async () => {
    const registered = dataOf(
      await register({ movementCode: CURRENT, organizationCode: 'BCA' }, await stack.token('ORG_OFFICER', 'BCA')),
    ).registerForMovement;
    expect(registered).toMatchObject({ status: 'SUBMITTED', organization: { code: 'BCA' } });
    expect(
      dataOf(await register({ movementCode: CURRENT, organizationCode: 'BTP' }, board)).registerForMovement.status,
    ).toBe('SUBMITTED');
  });

  it('refuses a unit outside the bloc, and a member of another year, with a plain message', async () => {
    const outside = await register({ movementCode: CURRENT, organizationCode: 'HN' }, board);
    expect([errorCodes(outside), outside.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.organizationCode',
    ]);
    expect(outside.body.errors![0]!.message).toBe(
      `Phong trào "Phong trào của khối thử nghiệm" chỉ dành cho thành viên Khối thi đua thử nghiệm; Thành phố Hà Nội không phải thành viên của khối, cụm năm ${thisYear}.`,
    );
    // TANDTC joins only next year: not a member in the year it registers for a movement running now.
    const early = await register({ movementCode: CURRENT, organizationCode: 'TANDTC' }, board);
    expect([errorCodes(early), early.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.organizationCode',
    ]);
  });

  it('uses the first year of a movement that has not started: next year’s members register now', async () => {
    expect(
      dataOf(await register({ movementCode: UPCOMING, organizationCode: 'TANDTC' }, board)).registerForMovement
        .organization,
    ).toEqual({ code: 'TANDTC' });
    const leaving = await register({ movementCode: UPCOMING, organizationCode: 'BCA' }, board);
    expect(errorCodes(leaving)).toEqual(['BAD_USER_INPUT']);
    expect(leaving.body.errors![0]!.message).toContain(
      `Bộ Công an không phải thành viên của khối, cụm năm ${nextYear}.`,
    );
  });
});

describe('submitRegistration and reviewRegistration', () => {
  const thisYear = vietnamYear();
  const SUBMIT = `mutation($id: ID!) { submitRegistration(id: $id) { id status reviewedAt reviewReason } }`;
  const REVIEW = `mutation($input: ReviewRegistrationInput!) { reviewRegistration(input: $input) { id status reviewedAt reviewReason version } }`;
  const submit = (id: string, token?: string) => stack.gql(SUBMIT, { id }, { token });
  const review = (input: Record<string, unknown>, token?: string) => stack.gql(REVIEW, { input }, { token });
  let hnOfficer: string;
  const registrationOf = async (input: Record<string, unknown>, token: string): Promise<string> =>
    dataOf(await register({ movementCode: 'HN_REVIEW', ...input }, token)).registerForMovement.id;

  beforeAll(async () => {
    hnOfficer = await stack.token('ORG_OFFICER', 'HN');
    dataOf(
      await create(
        {
          ...base,
          code: 'HN_REVIEW',
          title: 'Phong trào để xét duyệt',
          organizationCode: 'HN',
          startDate: `${thisYear}-01-01`,
          endDate: `${thisYear + 4}-12-31`,
        },
        board,
      ),
    );
    dataOf(
      await create(
        {
          ...base,
          code: 'BNV_NATIONAL_REVIEW',
          title: 'Phong trào toàn quốc để xét duyệt',
          organizationCode: 'BNV',
          scope: 'NATIONAL',
          launchLevel: 'CENTRAL_COUNCIL',
          startDate: `${thisYear}-01-01`,
          endDate: `${thisYear + 4}-12-31`,
        },
        board,
      ),
    );
  });

  it('lets the unit send its draft once, then the launcher approve it once', async () => {
    const id = await registrationOf({ organizationCode: 'HN', status: 'DRAFT' }, hnOfficer);
    expect(dataOf(await submit(id, hnOfficer)).submitRegistration).toEqual({
      id,
      status: 'SUBMITTED',
      reviewedAt: null,
      reviewReason: null,
    });
    const again = await submit(id, hnOfficer);
    expect(errorCodes(again)).toEqual(['CONFLICT']);
    expect(again.body.errors![0]!.message).toBe(
      'Bản đăng ký đã gửi, đang chờ xét; chỉ bản đăng ký đang soạn (DRAFT) mới gửi được.',
    );

    const approved = dataOf(await review({ registrationId: id, decision: 'APPROVED' }, board)).reviewRegistration;
    expect(approved).toMatchObject({ id, status: 'APPROVED', reviewReason: null, version: 3 });
    expect(Date.now() - Date.parse(approved.reviewedAt)).toBeLessThan(60_000);
    const twice = await review({ registrationId: id, decision: 'RETURNED', reason: 'Đổi ý' }, board);
    expect(errorCodes(twice)).toEqual(['CONFLICT']);
    expect(twice.body.errors![0]!.message).toBe(
      'Bản đăng ký đã được chấp thuận; chỉ bản đăng ký đã gửi, chưa xét (SUBMITTED) mới được xét duyệt.',
    );
    expect(errorCodes(await submit(id, hnOfficer))).toEqual(['CONFLICT']);
  });

  it('lets an officer of the launching unit return a registration with its reason, kept on the registration', async () => {
    const id = await registrationOf({ organizationCode: 'HN', personId: people[0]! }, hnOfficer);
    const noReason = await review({ registrationId: id, decision: 'RETURNED' }, hnOfficer);
    expect([errorCodes(noReason), noReason.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.reason',
    ]);
    expect(noReason.body.errors![0]!.message).toBe(
      'Trả lại bản đăng ký thì phải ghi lý do, để đơn vị biết cần bổ sung, sửa đổi gì.',
    );
    expect(errorCodes(await review({ registrationId: id, decision: 'RETURNED', reason: '   ' }, hnOfficer))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(
      errorCodes(await review({ registrationId: id, decision: 'RETURNED', reason: 'Lý do\u0000' }, hnOfficer)),
    ).toEqual(['BAD_USER_INPUT']);

    const reason = 'Chưa ghi chỉ tiêu đăng ký; đề nghị bổ sung.'.normalize('NFD');
    const returned = dataOf(
      await review({ registrationId: id, decision: 'RETURNED', reason: `  ${reason} ` }, hnOfficer),
    ).reviewRegistration;
    expect(returned).toMatchObject({
      id,
      status: 'RETURNED',
      reviewReason: 'Chưa ghi chỉ tiêu đăng ký; đề nghị bổ sung.'.normalize('NFC'),
    });
    const { movement } = dataOf(
      await stack.gql(`{ movement(code: "HN_REVIEW") { registrations { id status reviewedAt reviewReason } } }`),
    );
    expect(movement.registrations.find((registration: { id: string }) => registration.id === id)).toEqual({
      id,
      status: 'RETURNED',
      reviewedAt: returned.reviewedAt,
      reviewReason: returned.reviewReason,
    });
    // Who decided is kept for the record (the token's subject), not published.
    const [row] = await stack.subgraphs.campaigns.database.dataSource.query(
      'SELECT reviewed_by FROM campaigns.movement_registration WHERE id = $1',
      [id],
    );
    expect(row.reviewed_by).toBe('dev:org_officer:hn');
  });

  it('refuses to review a draft, and refuses the public, viewers, other officers and the registrant of another launcher', async () => {
    const draft = await registrationOf({ organizationCode: 'HN', personId: people[1]!, status: 'DRAFT' }, hnOfficer);
    const early = await review({ registrationId: draft, decision: 'APPROVED' }, board);
    expect(errorCodes(early)).toEqual(['CONFLICT']);
    expect(early.body.errors![0]!.message).toBe(
      'Bản đăng ký đang soạn, chưa gửi; chỉ bản đăng ký đã gửi, chưa xét (SUBMITTED) mới được xét duyệt.',
    );
    expect(errorCodes(await submit(draft))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await submit(draft, await stack.token('VIEWER', 'HN')))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await submit(draft, await stack.token('ORG_OFFICER', 'BTP')))).toEqual(['FORBIDDEN']);

    const submitted = await registrationOf({ organizationCode: 'HN', personId: people[2]! }, hnOfficer);
    expect(errorCodes(await review({ registrationId: submitted, decision: 'APPROVED' }))).toEqual(['UNAUTHENTICATED']);
    expect(
      errorCodes(await review({ registrationId: submitted, decision: 'APPROVED' }, await stack.token('VIEWER', 'HN'))),
    ).toEqual(['FORBIDDEN']);
    expect(
      errorCodes(
        await review({ registrationId: submitted, decision: 'APPROVED' }, await stack.token('ORG_OFFICER', 'HCM')),
      ),
    ).toEqual(['FORBIDDEN']);
    // A unit does not approve its own registration for a movement someone else launched.
    const national = dataOf(await register({ movementCode: 'BNV_NATIONAL_REVIEW', organizationCode: 'HN' }, hnOfficer))
      .registerForMovement.id;
    const self = await review({ registrationId: national, decision: 'APPROVED' }, hnOfficer);
    expect(errorCodes(self)).toEqual(['FORBIDDEN']);
    expect(self.body.errors![0]!.message).toBe(
      'Cán bộ của Thành phố Hà Nội chỉ được xét duyệt đăng ký thi đua của phong trào "Phong trào toàn quốc để xét duyệt" cho đơn vị mình và các đơn vị trực thuộc, không cho Bộ Nội vụ.',
    );
    expect(
      dataOf(await review({ registrationId: national, decision: 'APPROVED' }, await stack.token('ORG_OFFICER', 'BNV')))
        .reviewRegistration.status,
    ).toBe('APPROVED');

    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const missing = await review({ registrationId: id, decision: 'APPROVED' }, board);
      expect([errorCodes(missing), missing.body.errors![0]!.extensions!['field']]).toEqual([
        ['NOT_FOUND'],
        'input.registrationId',
      ]);
      expect(errorCodes(await submit(id, board))).toEqual(['NOT_FOUND']);
    }
    expect(errorCodes(await review({ registrationId: submitted, decision: 'SUBMITTED' }, board))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('lets exactly one of 10 concurrent reviews decide, and keeps that decision', async () => {
    const id = await registrationOf(
      { organizationCode: 'HN', personId: await createTestPerson(stack, 'Người xét duyệt đua', 'HN') },
      hnOfficer,
    );
    const decisions = Array.from({ length: 10 }, (_, index) =>
      index % 2 ? { decision: 'APPROVED' } : { decision: 'RETURNED', reason: `Lý do ${index}` },
    );
    const results = await Promise.all(decisions.map((decision) => review({ registrationId: id, ...decision }, board)));
    expect(results.map((result) => errorCodes(result)[0] ?? 'OK').sort()).toEqual([...Array(9).fill('CONFLICT'), 'OK']);
    const winner = results.find((result) => errorCodes(result).length === 0)!.body.data!.reviewRegistration;
    const { movement } = dataOf(
      await stack.gql(`{ movement(code: "HN_REVIEW") { registrations { id status reviewReason } } }`),
    );
    expect(movement.registrations.find((registration: { id: string }) => registration.id === id)).toEqual({
      id,
      status: winner.status,
      reviewReason: winner.reviewReason,
    });
  });

  it('lets one of 8 concurrent submissions of a draft through', async () => {
    const id = await registrationOf(
      { organizationCode: 'HN', personId: await createTestPerson(stack, 'Người gửi đua', 'HN'), status: 'DRAFT' },
      hnOfficer,
    );
    const results = await Promise.all(Array.from({ length: 8 }, () => submit(id, hnOfficer)));
    expect(results.map((result) => errorCodes(result)[0] ?? 'OK').sort()).toEqual([...Array(7).fill('CONFLICT'), 'OK']);
  });
});
