/**
 * The audit log: a mutation writes exactly one row in its own transaction, with who, what
 * (before/after) and the request id; a refused or failed mutation writes none; only the Central Board
 * reads it; and neither the application role nor the tables' owner can change or delete a row.
 */
import pg from 'pg';
import { setLogDestination } from '@tdkt/subgraph-kit';
import { createTestPerson, startStack, type Stack } from '../support/stack';

jest.setTimeout(120_000);

let stack: Stack;
let centralBoard: string;

const TRAIL = `query Trail($filter: AuditFilter, $first: Int, $after: String) {
  auditTrail {
    organizations(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id at requestId actorSubject actorRole actorOrganizationCode operation entityType entityId before after } }
      pageInfo { hasNextPage endCursor }
    }
    campaigns(filter: $filter, first: 5) { totalCount edges { node { operation entityType entityId actorRole } } }
    awards(filter: $filter, first: 5) { totalCount }
  }
}`;

async function trail(filter: Record<string, unknown>, first = 20, after?: string) {
  const response = await stack.gql(TRAIL, { filter, first, after }, { token: centralBoard });
  expect(response.body.errors).toBeUndefined();
  return response.body.data.auditTrail;
}

beforeAll(async () => {
  stack = await startStack({ demo: false });
  centralBoard = await stack.token('CENTRAL_BOARD');
});

afterAll(async () => {
  await stack?.stop();
});

describe('a mutation leaves exactly one audit row, in the same transaction', () => {
  test('creation: actor, operation, entity, after image, request id', async () => {
    const officer = await stack.token('ORG_OFFICER', 'BTP');
    const requestId = `audit-test-${Date.now()}`;
    const created = await stack.gql(
      `mutation { createOrganization(input: { code: "BTP_VU_AUDIT", name: "Vụ Kiểm tra  nhật ký", kind: DEPARTMENT, parentCode: "BTP" }) { id code name } }`,
      {},
      { token: officer, headers: { 'x-request-id': requestId } },
    );
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data.createOrganization.id;

    const page = await trail({ entityId: id });
    expect(page.organizations.totalCount).toBe(1);
    const entry = page.organizations.edges[0].node;
    expect(entry).toMatchObject({
      operation: 'createOrganization',
      entityType: 'Organization',
      entityId: id,
      actorRole: 'ORG_OFFICER',
      actorOrganizationCode: 'BTP',
      requestId,
      before: null,
    });
    expect(entry.actorSubject).toMatch(/\S/);
    expect(entry.after).toMatchObject({
      id,
      code: 'BTP_VU_AUDIT',
      name: 'Vụ Kiểm tra nhật ký',
      parent_id: expect.any(String),
    });
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  test('change: before and after images differ exactly where the change was', async () => {
    const renamed = await stack.gql(
      `mutation { updateOrganization(input: { code: "BTP_VU_AUDIT", name: "Vụ Nhật ký" }) { id name version } }`,
      {},
      { token: centralBoard },
    );
    expect(renamed.body.errors).toBeUndefined();
    const page = await trail({ entityId: renamed.body.data.updateOrganization.id, operation: 'updateOrganization' });
    expect(page.organizations.totalCount).toBe(1);
    const { before, after, actorRole } = page.organizations.edges[0].node;
    expect(actorRole).toBe('CENTRAL_BOARD');
    expect(before.name).toBe('Vụ Kiểm tra nhật ký');
    expect(after.name).toBe('Vụ Nhật ký');
    expect(after.version).toBe(before.version + 1);
  });

  test('a refused mutation and a failed one (duplicate code) leave no row', async () => {
    const before = (await trail({ operation: 'createOrganization' })).organizations.totalCount;
    const outsider = await stack.token('ORG_OFFICER', 'BCA');
    const refused = await stack.gql(
      `mutation { createOrganization(input: { code: "BTP_VU_KHAC", name: "Vụ khác", kind: DEPARTMENT, parentCode: "BTP" }) { id } }`,
      {},
      { token: outsider },
    );
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const duplicate = await stack.gql(
      `mutation { createOrganization(input: { code: "BTP_VU_AUDIT", name: "Trùng mã", kind: DEPARTMENT, parentCode: "BTP" }) { id } }`,
      {},
      { token: centralBoard },
    );
    expect(duplicate.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await trail({ operation: 'createOrganization' })).organizations.totalCount).toBe(before);
  });

  test('mutations of the other subgraphs are in their own trails', async () => {
    const bloc = await stack.gql(
      `mutation { createBloc(input: { code: "KHOI_AUDIT", name: "Khối kiểm tra nhật ký", kind: BLOC, organizerCode: "BNV" }) { id } }`,
      {},
      { token: centralBoard },
    );
    expect(bloc.body.errors).toBeUndefined();
    const members = await stack.gql(
      `mutation { setBlocMembership(input: { blocCode: "KHOI_AUDIT", year: 2025, members: [{ organizationCode: "BTP", role: LEAD }, { organizationCode: "BCA", role: MEMBER }] }) { role } }`,
      {},
      { token: centralBoard },
    );
    expect(members.body.errors).toBeUndefined();
    const lead = await stack.token('ORG_OFFICER', 'BTP');
    const pledge = await stack.gql(
      `mutation { createPledge(input: { blocCode: "KHOI_AUDIT", year: 2025, theme: "Kiểm tra nhật ký", items: [{ code: "A", title: "Nội dung A", maxScore: 10 }] }) { id } }`,
      {},
      { token: lead },
    );
    expect(pledge.body.errors).toBeUndefined();
    const id = pledge.body.data.createPledge.id;
    const opened = await stack.gql(`mutation($id: ID!) { openPledge(id: $id) { status } }`, { id }, { token: lead });
    expect(opened.body.errors).toBeUndefined();

    const page = await trail({ entityId: id });
    expect(page.organizations.totalCount).toBe(0);
    expect(page.campaigns.totalCount).toBe(2);
    expect(page.campaigns.edges.map((edge: any) => edge.node.operation)).toEqual(['openPledge', 'createPledge']); // newest first
    const membership = await trail({ operation: 'setBlocMembership' });
    expect(membership.organizations.totalCount).toBe(1);
    expect(membership.organizations.edges[0].node.after.members).toHaveLength(2);
    expect(membership.organizations.edges[0].node.before.members).toHaveLength(0);
  });

  test('pages are newest first and a forged cursor is bad input', async () => {
    const first = await trail({}, 1);
    expect(first.organizations.pageInfo.hasNextPage).toBe(true);
    const second = await trail({}, 1, first.organizations.pageInfo.endCursor);
    expect(Number(second.organizations.edges[0].node.id)).toBeLessThan(Number(first.organizations.edges[0].node.id));
    const forged = await stack.gql(
      TRAIL,
      { filter: {}, first: 1, after: Buffer.from('["x"]').toString('base64url') },
      { token: centralBoard },
    );
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('only the Central Board reads the audit log', () => {
  test.each([
    ['the public', null, 'UNAUTHENTICATED'],
    ['a viewer', ['VIEWER', 'BTP'], 'FORBIDDEN'],
    ['an officer', ['ORG_OFFICER', 'BTP'], 'FORBIDDEN'],
  ] as const)('%s is refused', async (_, who, code) => {
    const token = who ? await stack.token(who[0], who[1]) : undefined;
    const response = await stack.gql(`{ auditTrail { organizations { totalCount } } }`, {}, { token });
    expect(response.body.data?.auditTrail ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe(code);
  });
});

describe('append-only', () => {
  test('the running service works as the application role, which may not update, delete, truncate or disable the trigger', async () => {
    const dataSource = stack.subgraphs.organizations.database.dataSource;
    const [{ current_user: role }] = await dataSource.query('SELECT current_user');
    expect(role).toBe('tdkt_app');
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM audit_log');
    expect(count).toBeGreaterThan(0);
    for (const statement of [
      `UPDATE audit_log SET actor_subject = 'someone-else'`,
      `DELETE FROM audit_log`,
      `TRUNCATE audit_log`,
      `ALTER TABLE audit_log DISABLE TRIGGER USER`,
      `DROP TABLE audit_log`,
    ]) {
      await expect(dataSource.query(statement)).rejects.toThrow(/permission denied|must be owner|append-only/);
    }
    const [{ count: after }] = await dataSource.query('SELECT count(*)::int AS count FROM audit_log');
    expect(after).toBe(count);
  });

  test('even the owner (the login role that ran the migrations) cannot update or delete rows', async () => {
    const url = new URL(stack.adminUrl);
    url.pathname = `/${stack.databaseNames[0]}`;
    const owner = new pg.Client({ connectionString: url.toString() });
    await owner.connect();
    try {
      const { rows } = await owner.query('SELECT count(*)::int AS count FROM organizations.audit_log');
      await expect(owner.query(`UPDATE organizations.audit_log SET operation = 'x'`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM organizations.audit_log`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`TRUNCATE organizations.audit_log`)).rejects.toThrow(/append-only/);
      const { rows: again } = await owner.query('SELECT count(*)::int AS count FROM organizations.audit_log');
      expect(again[0].count).toBe(rows[0].count);
    } finally {
      await owner.end();
    }
  });
});

describe('refused reads of personal data are logged', () => {
  test('a public read of a birth year is null and leaves a log line naming who asked for what (not the value)', async () => {
    const personId = await createTestPerson(stack, 'Trần Thị Nhật Ký', 'BTP');
    const lines: string[] = [];
    setLogDestination({ write: (line: string) => lines.push(line) }, 'info');
    try {
      const outsider = await stack.token('VIEWER', 'HN');
      const read = await stack.gql(
        `query($id: ID!) { person(id: $id) { fullName birthYear ethnicity } }`,
        { id: personId },
        { token: outsider, headers: { 'x-request-id': 'privacy-probe-1' } },
      );
      expect(read.body.data.person).toEqual({ fullName: 'Trần Thị Nhật Ký', birthYear: null, ethnicity: null });
      const own = await stack.gql(
        `query($id: ID!) { person(id: $id) { birthYear } }`,
        { id: personId },
        { token: await stack.token('VIEWER', 'BTP') },
      );
      expect(own.body.data.person.birthYear).toBe(1985);
    } finally {
      setLogDestination();
    }
    const refusals = lines.map((line) => JSON.parse(line)).filter((entry) => entry.event === 'personal_data_refused');
    expect(refusals.map((entry) => entry.field).sort()).toEqual(['birthYear', 'ethnicity']);
    for (const entry of refusals)
      expect(entry).toMatchObject({ personId, role: 'VIEWER', org: 'HN', requestId: 'privacy-probe-1' });
    expect(lines.join('\n')).not.toMatch(/1985|Kinh/);
  });
});
