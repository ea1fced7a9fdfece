/**
 * Conferences through the gateway: the seeded Tây Hồ 2020 exemplar conference and its
 * demo delegates, composition reports, delegate lists written in one transaction with per-row errors,
 * and the selection of delegates for the higher-level congress.
 */
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes, createTestPerson } from '../support/stack';

let stack: InProcessStack;
let board: string;
const people: string[] = [];
beforeAll(async () => {
  stack = await startInProcess({ demo: true });
  board = await stack.token('CENTRAL_BOARD');
  for (let index = 0; index < 1; index += 1) people.push(await createTestPerson(stack, `Người thử ${index + 1}`, 'HN'));
});
afterAll(() => stack?.stop());

const REPORT = `compositionReport { total exemplarCount passed lines { rule required actual passed } breakdowns { facet buckets { value count share } } }`;
const CREATE = `mutation($input: CreateConferenceInput!) { createConference(input: $input) { code title level periodFrom periodTo maxDelegates minExemplarShare balanceFacets host { code } feedsInto { code } } }`;
const ADD = `mutation($input: AddConferenceDelegatesInput!) { addConferenceDelegates(input: $input) { code delegates { id ordinal fullName category isExemplar gender organization { code } } ${REPORT} } }`;
const SELECT = `mutation($input: SelectDelegatesForHigherConferenceInput!) { selectDelegatesForHigherConference(input: $input) { code delegates { id selectedFor { code } } } }`;
const create = (input: Record<string, unknown>, token?: string) => stack.gql(CREATE, { input }, { token });
const add = (input: Record<string, unknown>, token?: string) => stack.gql(ADD, { input }, { token });

const exemplar = (name: string, extra: Record<string, unknown> = {}) => ({
  fullName: name,
  category: 'EXEMPLAR',
  gender: 'FEMALE',
  ethnicity: 'Kinh',
  birthYear: 1990,
  isDirectWorker: true,
  sector: 'ECONOMY',
  ...extra,
});

describe('the seeded Tây Hồ 2020 exemplar conference', () => {
  it('has the real rules, no date (not in the source), and feeds the Hà Nội congress, which feeds the national one', async () => {
    const { conference } = dataOf(
      await stack.gql(`{ conference(code: "HNDHTT_TAY_HO_2020") { title kind level periodFrom periodTo heldOn theme maxDelegates minExemplarShare balanceFacets isDemo
        host { code name } feedsInto { code heldOn feedsInto { code heldOn theme } } } }`),
    );
    expect(conference).toMatchObject({
      kind: 'EXEMPLAR_CONFERENCE',
      level: 'DISTRICT',
      periodFrom: 2020,
      periodTo: 2025,
      heldOn: null,
      maxDelegates: 300,
      minExemplarShare: 0.7,
      balanceFacets: ['SECTOR', 'GENDER', 'ETHNICITY', 'AGE_BAND', 'DIRECT_WORKER'],
      isDemo: false,
      host: { code: 'QUAN_TAY_HO', name: 'Quận Tây Hồ' },
      feedsInto: {
        code: 'DHTDYN_HN_2020_2025',
        heldOn: null,
        feedsInto: {
          code: 'DHTDYN_TOAN_QUOC_X',
          heldOn: '2020-12-09',
          theme: 'Đoàn kết, sáng tạo, thi đua xây dựng và bảo vệ Tổ quốc',
        },
      },
    });
  });

  it('has a demo delegate list that meets its rules: 280 ≤ 300 and 71.4 % ≥ 70 % exemplars', async () => {
    const { conference } = dataOf(
      await stack.gql(`{ conference(code: "HNDHTT_TAY_HO_2020") { delegates { isDemo } ${REPORT} } }`),
    );
    expect(conference.delegates).toHaveLength(280);
    expect(conference.delegates.every((delegate: { isDemo: boolean }) => delegate.isDemo)).toBe(true);
    expect(conference.compositionReport.lines).toEqual([
      { rule: 'MAX_DELEGATES', required: '≤ 300 đại biểu', actual: '280 đại biểu', passed: true },
      {
        rule: 'MIN_EXEMPLAR_SHARE',
        required: '≥ 70 % đại biểu điển hình tiên tiến',
        actual: '71,4 % (200/280)',
        passed: true,
      },
    ]);
    expect(conference.compositionReport.breakdowns.map((breakdown: { facet: string }) => breakdown.facet)).toEqual([
      'SECTOR',
      'GENDER',
      'ETHNICITY',
      'AGE_BAND',
      'DIRECT_WORKER',
    ]);
    const gender = conference.compositionReport.breakdowns.find(
      (breakdown: { facet: string }) => breakdown.facet === 'GENDER',
    ).buckets;
    expect(gender).toEqual([
      { value: 'MALE', count: 168, share: 0.6 },
      { value: 'FEMALE', count: 112, share: 0.4 },
    ]);
  });

  it('shows the Hà Nội congress the ten delegates Tây Hồ selected for it', async () => {
    const { conference } = dataOf(
      await stack.gql(
        `{ conference(code: "DHTDYN_HN_2020_2025") { feeders { code } incomingDelegates { isExemplar conference { code } } compositionReport { total } } }`,
      ),
    );
    expect(conference.feeders).toEqual([{ code: 'HNDHTT_TAY_HO_2020' }]);
    expect(conference.incomingDelegates).toHaveLength(10);
    expect(
      conference.incomingDelegates.every(
        (delegate: any) => delegate.isExemplar && delegate.conference.code === 'HNDHTT_TAY_HO_2020',
      ),
    ).toBe(true);
    expect(conference.compositionReport.total).toBe(10);
  });

  it('hides delegates’ personal facts from the public and from officers outside the host', async () => {
    const query = `{ conference(code: "HNDHTT_TAY_HO_2020") { delegates { fullName category gender ethnicity birthYear ageBand isDirectWorker } } }`;
    const shown = (token?: string) =>
      stack.gql(query, {}, { token }).then((response) => {
        // Withheld, not empty: each hidden fact is null with FORBIDDEN on its path (kit access.ts).
        const refused = (response.body.errors ?? []).filter((error) => error.extensions?.['code'] === 'FORBIDDEN');
        if (refused.length !== (response.body.errors ?? []).length) dataOf(response);
        const first = response.body.data!.conference.delegates[0];
        const paths = refused.map((error) => (error.path ?? []).join('.'));
        for (const field of ['gender', 'ethnicity', 'birthYear', 'ageBand', 'isDirectWorker'])
          if (first[field] === null) expect(paths).toContain(`conference.delegates.0.${field}`);
        return first;
      });
    expect(await shown()).toMatchObject({
      gender: null,
      ethnicity: null,
      birthYear: null,
      ageBand: null,
      isDirectWorker: null,
    });
    expect(await shown(await stack.token('VIEWER', 'HCM'))).toMatchObject({ gender: null, birthYear: null });
    const inside = await shown(await stack.token('VIEWER', 'HN'));
    expect(inside.gender).not.toBeNull();
    expect(inside.birthYear).toEqual(expect.any(Number));
    expect((await shown(board)).ethnicity).toEqual(expect.any(String));
  });
});

describe('createConference', () => {
  it('creates a commune conference that feeds the Hà Nội congress, for an officer of Hà Nội', async () => {
    const officer = await stack.token('ORG_OFFICER', 'HN');
    const { createConference } = dataOf(
      await create(
        {
          code: 'hn_test_conf',
          title: 'Hội nghị  điển hình tiên tiến thử',
          kind: 'EXEMPLAR_CONFERENCE',
          level: 'COMMUNE',
          hostCode: 'HN',
          periodFrom: 2020,
          periodTo: 2025,
          maxDelegates: 4,
          minExemplarShare: 0.7,
          balanceFacets: ['GENDER', 'GENDER', 'DIRECT_WORKER'],
          feedsIntoCode: 'DHTDYN_HN_2020_2025',
        },
        officer,
      ),
    );
    expect(createConference).toEqual({
      code: 'HN_TEST_CONF',
      title: 'Hội nghị điển hình tiên tiến thử',
      level: 'COMMUNE',
      periodFrom: 2020,
      periodTo: 2025,
      maxDelegates: 4,
      minExemplarShare: 0.7,
      balanceFacets: ['GENDER', 'DIRECT_WORKER'],
      host: { code: 'HN' },
      feedsInto: { code: 'DHTDYN_HN_2020_2025' },
    });
  });

  it('refuses bad input with the field at fault, and other officers', async () => {
    const base = {
      title: 'X',
      kind: 'EXEMPLAR_CONFERENCE',
      level: 'COMMUNE',
      hostCode: 'HN',
      periodFrom: 2020,
      periodTo: 2025,
    };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ code: 'có dấu' }, 'BAD_USER_INPUT', 'input.code'],
      [{ code: 'P_BACK', periodFrom: 2025, periodTo: 2020 }, 'BAD_USER_INPUT', 'input.periodTo'],
      [{ code: 'P_SHARE', minExemplarShare: 1.5 }, 'BAD_USER_INPUT', 'input.minExemplarShare'],
      [{ code: 'P_MAX', maxDelegates: 0 }, 'BAD_USER_INPUT', 'input.maxDelegates'],
      [
        { code: 'P_UP', level: 'NATIONAL', feedsIntoCode: 'DHTDYN_HN_2020_2025' },
        'BAD_USER_INPUT',
        'input.feedsIntoCode',
      ],
      [{ code: 'P_NO_TARGET', feedsIntoCode: 'KHONG_CO' }, 'NOT_FOUND', 'input.feedsIntoCode'],
      [{ code: 'P_NO_HOST', hostCode: 'KHONG_CO' }, 'NOT_FOUND', 'input.hostCode'],
      [{ code: 'P_LATE', hostCode: 'QUAN_TAY_HO', heldOn: '2025-09-01' }, 'BAD_USER_INPUT', 'input.hostCode'],
      [{ code: 'P_NUL', title: 'Hội\u0000nghị' }, 'BAD_USER_INPUT', 'input.title'],
    ];
    for (const [input, code, field] of cases) {
      const response = await create({ ...base, ...input }, board);
      expect([input.code, errorCodes(response), response.body.errors?.[0]?.extensions?.['field']]).toEqual([
        input.code,
        [code],
        field,
      ]);
    }
    expect(errorCodes(await create({ ...base, code: 'HN_TEST_CONF' }, board))).toEqual(['CONFLICT']);
    expect(errorCodes(await create({ ...base, code: 'P_OTHER' }, await stack.token('ORG_OFFICER', 'BTP')))).toEqual([
      'FORBIDDEN',
    ]);
    expect(errorCodes(await create({ ...base, code: 'P_PUBLIC' }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await create({ ...base, code: 'P_DATE', heldOn: '2021-02-29' }, board))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('addConferenceDelegates', () => {
  it('adds a list in order, persons and collectives, and reports the composition at once', async () => {
    const personId = people[0]!;
    const { addConferenceDelegates } = dataOf(
      await add(
        {
          conferenceCode: 'HN_TEST_CONF',
          delegates: [
            exemplar('Nguyễn Thị  Hoa'.normalize('NFD'), { personId }),
            { fullName: 'Trần Văn Bình', category: 'HERO', organizationCode: 'BCA', gender: 'MALE' },
            { fullName: 'Lê Văn Cường', category: 'LEADER', gender: 'MALE', birthYear: 1970 },
          ],
        },
        board,
      ),
    );
    expect(
      addConferenceDelegates.delegates.map((delegate: any) => [
        delegate.ordinal,
        delegate.fullName,
        delegate.isExemplar,
        delegate.organization?.code ?? null,
      ]),
    ).toEqual([
      [1, 'Nguyễn Thị Hoa', true, null],
      [2, 'Trần Văn Bình', true, 'BCA'],
      [3, 'Lê Văn Cường', false, null],
    ]);
    expect(addConferenceDelegates.compositionReport.lines[1]).toEqual({
      rule: 'MIN_EXEMPLAR_SHARE',
      required: '≥ 70 % đại biểu điển hình tiên tiến',
      actual: '66,6 % (2/3)',
      passed: false,
    });
  });

  it('rejects the whole list, naming every faulty row, and writes nothing', async () => {
    const response = await add(
      {
        conferenceCode: 'HN_TEST_CONF',
        delegates: [
          exemplar('Phạm Thị Mai'),
          exemplar('   '),
          exemplar('Đỗ Văn Nam', { birthYear: 1850 }),
          { fullName: 'Đại diện Bộ Tư pháp', category: 'EMULATION_FIGHTER', organizationCode: 'BTP' },
          exemplar('Vũ Thị Lan', { personId: people[0]!, organizationCode: 'BQP' }),
        ],
      },
      board,
    );
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.body.errors![0]!.extensions!['field']).toBe('input.delegates[1].fullName');
    expect(
      response.body.errors![0]!.extensions!['problems'].map((problem: { field: string }) => problem.field),
    ).toEqual([
      'input.delegates[1].fullName',
      'input.delegates[2].birthYear',
      'input.delegates[3].category',
      'input.delegates[4].organizationCode',
    ]);
    const { conference } = dataOf(await stack.gql(`{ conference(code: "HN_TEST_CONF") { delegates { fullName } } }`));
    expect(conference.delegates).toHaveLength(3);
  });

  it('names an unknown collective as NOT_FOUND, and refuses a person already on the list as CONFLICT', async () => {
    const missing = await add(
      {
        conferenceCode: 'HN_TEST_CONF',
        delegates: [exemplar('A'), { fullName: 'B', category: 'HERO', organizationCode: 'KHONG_CO' }],
      },
      board,
    );
    expect([errorCodes(missing), missing.body.errors![0]!.extensions!['field']]).toEqual([
      ['NOT_FOUND'],
      'input.delegates[1].organizationCode',
    ]);
    const twice = await add(
      { conferenceCode: 'HN_TEST_CONF', delegates: [exemplar('Hoa lần hai', { personId: people[0]! })] },
      board,
    );
    expect([errorCodes(twice), twice.body.errors![0]!.extensions!['field']]).toEqual([
      ['CONFLICT'],
      'input.delegates[0].personId',
    ]);
    const sameRow = await add(
      {
        conferenceCode: 'HN_TEST_CONF',
        delegates: [
          { fullName: 'X', category: 'HERO', organizationCode: 'BTP' },
          { fullName: 'Y', category: 'HERO', organizationCode: 'btp' },
        ],
      },
      board,
    );
    expect([errorCodes(sameRow), sameRow.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.delegates[1].organizationCode',
    ]);
  });

  it('refuses officers outside the host and the public', async () => {
    expect(
      errorCodes(
        await add(
          { conferenceCode: 'HN_TEST_CONF', delegates: [exemplar('X')] },
          await stack.token('ORG_OFFICER', 'HCM'),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(errorCodes(await add({ conferenceCode: 'HN_TEST_CONF', delegates: [exemplar('X')] }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await add({ conferenceCode: 'KHONG_CO', delegates: [exemplar('X')] }, board))).toEqual([
      'NOT_FOUND',
    ]);
  });

  it('numbers concurrent additions without gaps or duplicates (the list is locked per conference)', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        add(
          {
            conferenceCode: 'HN_TEST_CONF',
            delegates: [exemplar(`Song song ${index}`), exemplar(`Song song ${index}b`)],
          },
          board,
        ),
      ),
    );
    expect(results.flatMap(errorCodes)).toEqual([]);
    const { conference } = dataOf(
      await stack.gql(
        `{ conference(code: "HN_TEST_CONF") { delegates { ordinal } compositionReport { lines { rule actual passed } } } }`,
      ),
    );
    expect(conference.delegates.map((delegate: { ordinal: number }) => delegate.ordinal)).toEqual(
      Array.from({ length: 15 }, (_, index) => index + 1),
    );
    expect(conference.compositionReport.lines[0]).toEqual({
      rule: 'MAX_DELEGATES',
      actual: '15 đại biểu',
      passed: false,
    });
  });
});

describe('selectDelegatesForHigherConference', () => {
  it('replaces the list sent up, and the higher congress sees it', async () => {
    const { conference } = dataOf(await stack.gql(`{ conference(code: "HN_TEST_CONF") { delegates { id } } }`));
    const ids = conference.delegates.map((delegate: { id: string }) => delegate.id);
    const officer = await stack.token('ORG_OFFICER', 'HN');
    const first = dataOf(
      await stack.gql(
        SELECT,
        { input: { conferenceCode: 'HN_TEST_CONF', delegateIds: ids.slice(0, 3) } },
        { token: officer },
      ),
    ).selectDelegatesForHigherConference;
    expect(
      first.delegates.filter((delegate: any) => delegate.selectedFor).map((delegate: any) => delegate.selectedFor.code),
    ).toEqual(Array(3).fill('DHTDYN_HN_2020_2025'));
    dataOf(
      await stack.gql(SELECT, { input: { conferenceCode: 'HN_TEST_CONF', delegateIds: [ids[1]] } }, { token: officer }),
    );
    const { conference: higher } = dataOf(
      await stack.gql(`{ conference(code: "DHTDYN_HN_2020_2025") { incomingDelegates { id conference { code } } } }`),
    );
    expect(
      higher.incomingDelegates
        .filter((delegate: any) => delegate.conference.code === 'HN_TEST_CONF')
        .map((delegate: any) => delegate.id),
    ).toEqual([ids[1]]);
  });

  it('refuses delegates of another conference, a conference without a higher one, and repeats', async () => {
    const { conference: tayHo } = dataOf(
      await stack.gql(`{ conference(code: "HNDHTT_TAY_HO_2020") { delegates { id } } }`),
    );
    const foreign = await stack.gql(
      SELECT,
      { input: { conferenceCode: 'HN_TEST_CONF', delegateIds: [tayHo.delegates[0].id] } },
      { token: board },
    );
    expect([errorCodes(foreign), foreign.body.errors![0]!.extensions!['field']]).toEqual([
      ['NOT_FOUND'],
      'input.delegateIds[0]',
    ]);
    const top = await stack.gql(
      SELECT,
      { input: { conferenceCode: 'DHTDYN_TOAN_QUOC_X', delegateIds: [] } },
      { token: board },
    );
    expect([errorCodes(top), top.body.errors![0]!.extensions!['field']]).toEqual([
      ['BAD_USER_INPUT'],
      'input.conferenceCode',
    ]);
    const id = tayHo.delegates[0].id;
    expect(
      errorCodes(
        await stack.gql(
          SELECT,
          { input: { conferenceCode: 'HNDHTT_TAY_HO_2020', delegateIds: [id, id] } },
          { token: board },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await stack.gql(
          SELECT,
          { input: { conferenceCode: 'HNDHTT_TAY_HO_2020', delegateIds: [id] } },
          { token: await stack.token('ORG_OFFICER', 'BTP') },
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('conferences list and batching', () => {
  beforeAll(async () => {
    for (let index = 0; index < 30; index += 1) {
      dataOf(
        await create(
          {
            code: `BATCH_CONF_${String(index).padStart(2, '0')}`,
            title: `Hội nghị ${index}`,
            kind: 'HONOURING',
            level: 'BASE',
            hostCode: 'HN',
            periodFrom: 2030,
            periodTo: 2030,
            maxDelegates: 10,
            minExemplarShare: 0.5,
            balanceFacets: ['GENDER'],
          },
          board,
        ),
      );
      dataOf(
        await add(
          {
            conferenceCode: `BATCH_CONF_${String(index).padStart(2, '0')}`,
            delegates: [exemplar(`Đại biểu ${index}`), { fullName: `Khách ${index}`, category: 'GUEST' }],
          },
          board,
        ),
      );
    }
  });

  it('filters by host, kind, level, year and search', async () => {
    const list = async (filter: Record<string, unknown>) =>
      dataOf(
        await stack.gql(
          `query($f: ConferenceFilter) { conferences(filter: $f, first: 100) { totalCount edges { node { code } } } }`,
          { f: filter },
        ),
      ).conferences;
    expect((await list({ hostCode: 'quan_tay_ho' })).edges).toEqual([{ node: { code: 'HNDHTT_TAY_HO_2020' } }]);
    expect((await list({ search: 'tay ho' })).edges).toEqual([{ node: { code: 'HNDHTT_TAY_HO_2020' } }]);
    expect((await list({ level: 'NATIONAL' })).edges).toEqual([{ node: { code: 'DHTDYN_TOAN_QUOC_X' } }]);
    expect((await list({ kind: 'HONOURING', year: 2030 })).totalCount).toBe(30);
    expect((await list({ year: 2024 })).totalCount).toBe(4);
  });

  async function statements(n: number): Promise<number> {
    const query = `query($n: Int!) { conferences(filter: { kind: HONOURING }, first: $n) { edges { node { code feedsInto { code } feeders { code }
      delegates { fullName isExemplar selectedFor { code } conference { code } } incomingDelegates { id } compositionReport { total passed } } } } }`;
    const response = await stack.gql(query, { n }, { headers: { 'x-tdkt-stats': '1' } });
    const data = dataOf(response);
    expect(data.conferences.edges).toHaveLength(n);
    return response.body.extensions!['stats'].sqlStatements.campaigns;
  }

  it('reads 3 or 30 conferences with delegates and reports in the same number of statements', async () => {
    const few = await statements(3);
    const many = await statements(30);
    if (process.env['TDKT_PRINT_SQL']) console.log(`conference delegates: ${few} statements for 3, ${many} for 30`);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(6);
  });
});

describe('Organization.conferencesHosted', () => {
  const PROVINCES = `organizations(filter: { kinds: [PROVINCE, CENTRAL_CITY], activeOn: "2025-07-01" }, first: $n)`;

  beforeAll(async () => {
    // 30 provinces hosting a congress each (2031: apart from the lists above).
    const { organizations } = dataOf(
      await stack.gql(`query($n: Int!) { ${PROVINCES} { edges { node { code } } } }`, { n: 30 }),
    );
    for (const [index, edge] of organizations.edges.entries()) {
      dataOf(
        await create(
          {
            code: `HOSTED_${String(index).padStart(2, '0')}`,
            title: `Đại hội thi đua ${edge.node.code}`,
            kind: 'PATRIOTIC_EMULATION_CONGRESS',
            level: 'MINISTRY_OR_PROVINCE',
            hostCode: edge.node.code,
            periodFrom: 2031,
            periodTo: 2031,
          },
          board,
        ),
      );
    }
  });

  it('lists what a unit hosts by period, and nothing for a unit that hosts none', async () => {
    const { tayHo, btp } = dataOf(
      await stack.gql(`{ tayHo: organization(code: "QUAN_TAY_HO") { conferencesHosted { code host { code } feedsInto { code } } }
        btp: organization(code: "BTP") { conferencesHosted { code } } }`),
    );
    expect(tayHo.conferencesHosted).toEqual([
      { code: 'HNDHTT_TAY_HO_2020', host: { code: 'QUAN_TAY_HO' }, feedsInto: { code: 'DHTDYN_HN_2020_2025' } },
    ]);
    expect(btp.conferencesHosted).toEqual([]);
    const { hn } = dataOf(
      await stack.gql(`{ hn: organization(code: "HN") { conferencesHosted { code periodFrom } } }`),
    );
    const periods = hn.conferencesHosted.map((conference: { periodFrom: number }) => conference.periodFrom);
    expect(periods).toEqual([...periods].sort((a, b) => a - b));
    expect(hn.conferencesHosted.map((conference: { code: string }) => conference.code)).toEqual(
      expect.arrayContaining(['DHTDYN_HN_2020_2025', 'HN_TEST_CONF', 'BATCH_CONF_00']),
    );
  });

  async function statements(n: number): Promise<{ count: number; data: any }> {
    const query = `query($n: Int!) { ${PROVINCES} { edges { node { code conferencesHosted { code feedsInto { code } delegates { fullName } } } } } }`;
    const response = await stack.gql(query, { n }, { headers: { 'x-tdkt-stats': '1' } });
    return { count: response.body.extensions!['stats'].sqlStatements.campaigns, data: dataOf(response) };
  }

  it('reads conferencesHosted of 3 or 30 organizations in the same number of statements', async () => {
    const few = await statements(3);
    const many = await statements(30);
    expect(many.data.organizations.edges).toHaveLength(30);
    expect(
      many.data.organizations.edges.every((edge: any) =>
        edge.node.conferencesHosted.some((conference: { code: string }) => conference.code.startsWith('HOSTED_')),
      ),
    ).toBe(true);
    if (process.env['TDKT_PRINT_SQL'])
      console.log(`conferencesHosted: ${few.count} statements for 3, ${many.count} for 30`);
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(3);
  });
});
