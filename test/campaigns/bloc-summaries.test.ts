/**
 * blocPledgeSummaries: every bloc's pledge year at once (status, members and signatures, progress
 * against the targets, first-ranked and acclaimed units) with hand-computed numbers, progress hidden from
 * whoever may not see the bloc's working data, pages in name order; and the SQL cost of the overview and
 * of BlocBoard (grants included) does not grow with the number of blocs or members.
 */
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf } from '../support/stack';

let stack: InProcessStack;
let board: string;
const YEAR = 2025;

const gql = (query: string, variables: Record<string, unknown> = {}, token: string | undefined = board) =>
  stack.gql(query, variables, token ? { token } : {});
const campaignsDb = () => stack.subgraphs.campaigns.database.dataSource;

const SUMMARIES = `query($year: Int!, $kind: BlocKind, $first: Int, $after: String) {
  blocPledgeSummaries(year: $year, kind: $kind, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      bloc { code name kind }
      year status membersCount signedCount signatureRate targetItems progressVisible averageProgress completionRate
      pledge { id theme }
      firstRanked { code }
      leadingUnit { code name }
    } }
  }
}`;

/** Members are created under one organizer; returns the member codes (the first is the LEAD). */
async function makeBloc(code: string, members: number, years: number[], kind = 'BLOC'): Promise<string[]> {
  dataOf(
    await gql(contractOperation('CreateOrganization'), {
      input: { code: `${code}_TC`, name: `Đơn vị tổ chức ${code}`, kind: 'OTHER', parentCode: 'BNV' },
    }),
  );
  const codes = Array.from({ length: members }, (_, index) => `${code}_${String(index + 1).padStart(2, '0')}`);
  for (const member of codes)
    dataOf(
      await gql(contractOperation('CreateOrganization'), {
        input: { code: member, name: `Thành viên ${member}`, kind: 'DEPARTMENT', parentCode: `${code}_TC` },
      }),
    );
  dataOf(
    await gql(contractOperation('CreateBloc'), {
      input: { code, name: `Khối ${code}`, kind, organizerCode: `${code}_TC` },
    }),
  );
  for (const year of years) {
    dataOf(
      await gql(contractOperation('SetBlocMembership'), {
        input: {
          blocCode: code,
          year,
          members: codes.map((member, index) => ({ organizationCode: member, role: index === 0 ? 'LEAD' : 'MEMBER' })),
        },
      }),
    );
  }
  return codes;
}

async function createPledge(
  blocCode: string,
  year: number,
  items: { code: string; targetValue: number | null }[],
): Promise<string> {
  const created = dataOf(
    await gql(contractOperation('CreatePledge'), {
      input: {
        blocCode,
        year,
        theme: `Giao ước ${blocCode}`,
        items: items.map((item) => ({ ...item, title: `Tiêu chí ${item.code}`, unit: 'chỉ tiêu', maxScore: 10 })),
      },
    }),
  ).createPledge;
  dataOf(await gql(contractOperation('OpenPledge'), { id: created.id }));
  return created.id;
}

const sign = async (pledgeId: string, organizationCode: string) =>
  dataOf(await gql(contractOperation('SignPledge'), { input: { pledgeId, organizationCode } }));
const report = async (pledgeId: string, organizationCode: string, itemCode: string, period: string, value: number) =>
  dataOf(
    await gql(contractOperation('ReportPledgeProgress'), {
      input: { pledgeId, organizationCode, itemCode, period, value },
    }),
  );

/** `token` null: the public. */
/** `token` null: the public. `sql`: per subgraph, the gateway's fetches; `organizationsAll`: every organizations statement, campaigns' own call included. */
async function summaries(variables: Record<string, unknown>, token: string | null = board) {
  const before = stack.subgraphs.organizations.database.sql.total;
  const response = await stack.gql(
    SUMMARIES,
    { year: YEAR, ...variables },
    { ...(token ? { token } : {}), headers: { 'x-tdkt-stats': '1' } },
  );
  const organizationsAll = stack.subgraphs.organizations.database.sql.total - before;
  const sql: Record<string, number> = {
    ...(response.body.extensions!['stats'].sqlStatements as Record<string, number>),
    organizationsAll,
  };
  // Progress rates withheld from the caller come as FORBIDDEN errors on their fields (null there);
  // any other error fails the test.
  const withheld = (response.body.errors ?? []).filter((error) => error.extensions?.['code'] === 'FORBIDDEN');
  if (withheld.length !== (response.body.errors ?? []).length || !response.body.data) dataOf(response);
  return {
    data: response.body.data!.blocPledgeSummaries,
    withheld: withheld.map((error) => (error.path ?? []).join('.')),
    sql,
  };
}

const nodeOf = (page: any, code: string) => page.edges.find((edge: any) => edge.node.bloc.code === code)?.node;

let khoiA: string[];
let khoiB: string[];

beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');

  // KHOI_A: 3 members, signed, progress reported, closed with a ranking and an acclaimed leading unit.
  khoiA = await makeBloc('KHOI_A', 3, [YEAR]);
  const pledgeA = await createPledge('KHOI_A', YEAR, [
    { code: 'TC1', targetValue: 100 },
    { code: 'TC2', targetValue: 10 },
    { code: 'TC3', targetValue: null },
  ]);
  for (const member of khoiA) await sign(pledgeA, member);
  await report(pledgeA, khoiA[0]!, 'TC1', '2025-Q2', 40);
  await report(pledgeA, khoiA[0]!, 'TC1', '2025-Q4', 100); // cumulative: the latest quarter counts → 100 %, met
  await report(pledgeA, khoiA[0]!, 'TC2', '2025', 5);
  await report(pledgeA, khoiA[0]!, 'TC2', '2025', 12); // a correction: 12 ≥ 10 → capped at 100 %, met
  await report(pledgeA, khoiA[1]!, 'TC1', '2025', 50); // 50 %
  await report(pledgeA, khoiA[1]!, 'TC1', '2025-Q4', 90); // the whole-year figure wins over a quarter
  await report(pledgeA, khoiA[2]!, 'TC3', '2025', 7); // no target: not counted
  for (const [index, member] of khoiA.entries()) {
    for (const stage of ['SELF', 'CROSS', 'VERIFIED']) {
      const points = index === 1 ? 10 : 8 - index;
      dataOf(
        await gql(contractOperation('SubmitScorecard'), {
          input: {
            pledgeId: pledgeA,
            organizationCode: member,
            stage,
            scores: ['TC1', 'TC2', 'TC3'].map((itemCode) => ({ itemCode, points })),
          },
        }),
      );
    }
  }
  dataOf(await gql(contractOperation('ClosePledge'), { id: pledgeA }));
  dataOf(
    await gql(`mutation($input: RecordBlocVoteInput!) { recordBlocVote(input: $input) { passed } }`, {
      input: {
        pledgeId: pledgeA,
        candidateOrganizationCode: khoiA[1],
        yes: 3,
        no: 0,
        abstain: 0,
        // Between the closing (just now) and today in Việt Nam.
        votedOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date()),
      },
    }),
  );

  // KHOI_B: 2 members, open, one signature, no progress. KHOI_C: members, no pledge. CUM_D: a cluster.
  khoiB = await makeBloc('KHOI_B', 2, [YEAR]);
  const pledgeB = await createPledge('KHOI_B', YEAR, [{ code: 'TC1', targetValue: 4 }]);
  await sign(pledgeB, khoiB[1]!);
  await makeBloc('KHOI_C', 4, [YEAR]);
  await makeBloc('CUM_D', 2, [YEAR], 'CLUSTER');
}, 120_000);
afterAll(() => stack?.stop());

it('summarizes each bloc’s pledge year with the numbers computed by hand', async () => {
  const { data } = await summaries({ kind: 'BLOC', first: 50 });
  const a = nodeOf(data, 'KHOI_A');
  expect(a).toMatchObject({
    year: YEAR,
    status: 'CLOSED',
    membersCount: 3,
    signedCount: 3,
    signatureRate: 1,
    targetItems: 2,
    progressVisible: true,
  });
  // Members × items with a target = 3 × 2 = 6: (100 % + 100 %) + 50 % + 0 + 0 + 0 = 2.5; met: 2.
  expect(a.averageProgress).toBeCloseTo(2.5 / 6, 10);
  expect(a.completionRate).toBeCloseTo(2 / 6, 10);
  expect(a.firstRanked).toEqual([{ code: khoiA[1] }]);
  expect(a.leadingUnit).toEqual({ code: khoiA[1], name: `Thành viên ${khoiA[1]}` });
  expect(a.bloc).toEqual({ code: 'KHOI_A', name: 'Khối KHOI_A', kind: 'BLOC' });
  expect(a.pledge.theme).toBe('Giao ước KHOI_A');

  expect(nodeOf(data, 'KHOI_B')).toMatchObject({
    status: 'OPEN',
    membersCount: 2,
    signedCount: 1,
    signatureRate: 0.5,
    targetItems: 1,
    averageProgress: 0,
    completionRate: 0,
    firstRanked: [],
    leadingUnit: null,
  });
  expect(nodeOf(data, 'KHOI_C')).toMatchObject({
    status: null,
    pledge: null,
    membersCount: 4,
    signedCount: 0,
    signatureRate: 0,
    targetItems: 0,
    averageProgress: null,
    completionRate: null,
  });
  expect(nodeOf(data, 'CUM_D')).toBeUndefined();
  expect(data.edges.every((edge: any) => edge.node.bloc.kind === 'BLOC')).toBe(true);

  const clusters = (await summaries({ kind: 'CLUSTER', first: 50 })).data;
  expect(nodeOf(clusters, 'CUM_D')).toMatchObject({ status: null, membersCount: 2 });
  expect(nodeOf(clusters, 'KHOI_A')).toBeUndefined();
});

it('pages through the blocs in name order', async () => {
  const all = (await summaries({ first: 100 })).data;
  const codes: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page: any = (await summaries({ first: 2, after })).data;
    expect(page.totalCount).toBe(all.totalCount);
    codes.push(...page.edges.map((edge: any) => edge.node.bloc.code));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  expect(codes).toEqual(all.edges.map((edge: any) => edge.node.bloc.code));
  expect(codes).toEqual(expect.arrayContaining(['KHOI_A', 'KHOI_B', 'KHOI_C', 'CUM_D']));
});

it('shows progress only to the Central Board and the staff of the bloc’s members', async () => {
  const anonymous = await summaries({ kind: 'BLOC', first: 50 }, null);
  const open = anonymous.data;
  // Withheld, not empty: null with FORBIDDEN on each rate (kit access.ts).
  const a = open.edges.findIndex((edge: any) => edge.node.bloc.code === 'KHOI_A');
  expect(anonymous.withheld).toEqual(
    expect.arrayContaining([
      `blocPledgeSummaries.edges.${a}.node.averageProgress`,
      `blocPledgeSummaries.edges.${a}.node.completionRate`,
    ]),
  );
  expect(nodeOf(open, 'KHOI_A')).toMatchObject({
    progressVisible: false,
    averageProgress: null,
    completionRate: null,
    signedCount: 3,
    status: 'CLOSED',
  });
  const officer = await stack.token('ORG_OFFICER', khoiA[0]);
  const own = (await summaries({ kind: 'BLOC', first: 50 }, officer)).data;
  expect(nodeOf(own, 'KHOI_A').progressVisible).toBe(true);
  expect(nodeOf(own, 'KHOI_A').averageProgress).toBeCloseTo(2.5 / 6, 10);
  expect(nodeOf(own, 'KHOI_B')).toMatchObject({ progressVisible: false, averageProgress: null });
  // The organizer above the members sees its members' blocs.
  const organizer = await stack.token('ORG_OFFICER', 'KHOI_B_TC');
  expect(nodeOf((await summaries({ kind: 'BLOC', first: 50 }, organizer)).data, 'KHOI_B')).toMatchObject({
    progressVisible: true,
    averageProgress: 0,
  });
});

/** A bloc-year ready to read: pledge closed with a ranking, signatures, progress (straight into the tables: this measures reading). */
async function fillDirectly(blocCode: string, members: string[], year: number, items: number): Promise<void> {
  const pledgeId = await createPledge(
    blocCode,
    year,
    Array.from({ length: items }, (_, index) => ({ code: `TC${index + 1}`, targetValue: 10 })),
  );
  const ids = new Map<string, string>(
    dataOf(
      await gql(
        `{ list: organizations(filter: { search: "${blocCode}" }, first: 100) { edges { node { id code } } } }`,
      ),
    ).list.edges.map((edge: any) => [edge.node.code, edge.node.id]),
  );
  const memberIds = members.map((code) => ids.get(code)!);
  const db = campaignsDb();
  await db.query(`INSERT INTO pledge_signature (pledge_id, organization_id) SELECT $1, unnest($2::uuid[])`, [
    pledgeId,
    memberIds,
  ]);
  const rows = memberIds.flatMap((id, m) =>
    Array.from({ length: items }, (_, i) => [id, `TC${i + 1}`, (m + i) % 12] as const),
  );
  await db.query(
    `INSERT INTO progress_report (pledge_id, organization_id, item_code, period, revision, value)
     SELECT $1, r.o, r.i, '${year}', 1, r.v FROM unnest($2::uuid[], $3::text[], $4::numeric[]) AS r(o, i, v)`,
    [pledgeId, rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2])],
  );
  await db.query(
    `INSERT INTO pledge_ranking (pledge_id, organization_id, rank, total_score) SELECT $1, id, ord::int, 100 - ord FROM unnest($2::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [pledgeId, memberIds],
  );
  await db.query(`UPDATE pledge SET status = 'CLOSED', signed_at = now(), closed_at = now() WHERE id = $1`, [pledgeId]);
  await db.query(
    `INSERT INTO bloc_vote (pledge_id, candidate_organization_id, members_total, yes, no, abstain, threshold, passed, voted_on) VALUES ($1, $2, $3, $3, 0, 0, 0.8, true, '${year + 1}-01-10')`,
    [pledgeId, memberIds[0], members.length],
  );
}

it('answers the overview for 20 blocs in as many SQL statements per subgraph as for 2', async () => {
  // 2019: a year in which the reference blocs have no members, so the pages hold these blocs only.
  for (let index = 1; index <= 20; index += 1) {
    const code = `SO_${String(index).padStart(2, '0')}`;
    const members = await makeBloc(code, 3, [2019]);
    await fillDirectly(code, members, 2019, 4);
  }
  // Campaigns' copy of the organizations' names takes the new units in (read at once, on this first page)
  // and reads their log again only after the two measured pages: a read between them would count in one.
  process.env['CAMPAIGNS_ORG_CHECK_MS'] = '3600000';
  await summaries({ year: 2019, first: 20 });
  const few = await summaries({ year: 2019, first: 2 });
  const many = await summaries({ year: 2019, first: 20 });
  delete process.env['CAMPAIGNS_ORG_CHECK_MS'];
  expect(few.data.edges).toHaveLength(2);
  expect(many.data.edges).toHaveLength(20);
  expect(
    many.data.edges.every(
      (edge: any) => edge.node.status === 'CLOSED' && edge.node.leadingUnit && edge.node.firstRanked.length === 1,
    ),
  ).toBe(true);
  expect(many.sql).toEqual(few.sql);
  expect(many.sql['campaigns']).toBe(2); // the summaries, and the pledges asked for (one batched statement)
  expect(many.sql['organizationsAll']).toBeLessThanOrEqual(8);
}, 180_000);

it('answers BlocBoard with grants for 30 members in as many SQL statements per subgraph as for 3', async () => {
  const board3 = await makeBloc('BB_NHO', 3, [2024]);
  await fillDirectly('BB_NHO', board3, 2024, 2);
  const board30 = await makeBloc('BB_LON', 30, [2024]);
  await fillDirectly('BB_LON', board30, 2024, 10);
  for (const members of [board3, board30]) {
    const grants = members.map((code, index) => ({
      organizationCode: code,
      awardTypeCode: index % 2 ? 'GIAY_KHEN' : 'TTLD_TIEN_TIEN',
      year: 2024,
      basis: 'MERIT',
      decisionNumber: `${code}/QĐ`,
      issuedOn: '2025-01-20',
      issuerCode: 'BNV',
    }));
    expect(dataOf(await gql(contractOperation('ImportGrants'), { input: { grants } })).importGrants.imported).toBe(
      members.length,
    );
  }
  const read = async (code: string) => {
    const response = await stack.gql(
      contractOperation('BlocBoard'),
      { code, year: 2024 },
      { token: board, headers: { 'x-tdkt-stats': '1' } },
    );
    return {
      data: dataOf(response).bloc,
      sql: response.body.extensions!['stats'].sqlStatements as Record<string, number>,
    };
  };
  // The members were written straight into the tables: campaigns' copy of their names is filled by the
  // first read of each board; measure the reads after it, with no log read due in between.
  await read('BB_NHO');
  await read('BB_LON');
  process.env['CAMPAIGNS_ORG_CHECK_MS'] = '3600000';
  const small = await read('BB_NHO');
  const large = await read('BB_LON');
  delete process.env['CAMPAIGNS_ORG_CHECK_MS'];
  expect(large.data.members).toHaveLength(30);
  expect(large.data.pledge.ranking).toHaveLength(30);
  expect(large.data.pledge.ranking.every((entry: any) => entry.organization.grants.length === 1)).toBe(true);
  expect(large.data.pledge.progress).toHaveLength(300);
  expect(large.sql).toEqual(small.sql);
  expect(large.sql['awards']).toBeLessThanOrEqual(3);
}, 180_000);
