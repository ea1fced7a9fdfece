/**
 * The bloc board (contract operation BlocBoard) in three subgraph calls: the organizations subgraph
 * answers the bloc and its members, campaigns the pledge year with every unit already named (its copy of
 * codes and names, kept from the organizations subgraph's tree log), awards the ranked units' grants. The
 * gateway asks no entity fetch back to organizations, campaigns' statements do not grow with the board,
 * and a unit renamed or created in organizations is named by campaigns as organizations names it.
 */
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, type PlanNode, type SubscriptionNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { committedSupergraph } from '@tdkt/scripts';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, type GraphQLResponse } from '../support/stack';

interface Stats {
  subgraphCalls: string[];
  sqlStatements: Record<string, number>;
}

let stack: InProcessStack;
let board: string;
beforeAll(async () => {
  stack = await startInProcess({ demo: true });
  board = await stack.token('CENTRAL_BOARD');
});
afterAll(() => stack?.stop());

/** How often campaigns reads the organizations' log; each test sets what it needs and gets the default back. */
const CHECK = 'CAMPAIGNS_ORG_CHECK_MS';
afterEach(() => {
  delete process.env[CHECK];
});

async function blocBoard(code: string, year: number): Promise<{ bloc: any; stats: Stats }> {
  const response: GraphQLResponse = await stack.gql(
    contractOperation('BlocBoard'),
    { code, year },
    { token: board, headers: { 'x-tdkt-stats': '1' } },
  );
  return { bloc: dataOf(response).bloc, stats: response.body.extensions!['stats'] as Stats };
}

async function mutate(operation: string, variables: Record<string, unknown>, token = board): Promise<any> {
  return dataOf(await stack.gql(contractOperation(operation), variables, { token }));
}

/** Every unit the board shows from campaigns carries the name the organizations subgraph gives it. */
function expectNamedAsMembers(bloc: any): void {
  const names = new Map<string, string>(
    bloc.members.map((member: any) => [member.organization.code, member.organization.name]),
  );
  const pledge = bloc.pledge;
  const units = [
    ...pledge.signatures.map((signature: any) => signature.organization),
    ...pledge.ranking.map((entry: any) => entry.organization),
    ...(pledge.leadingUnit ? [pledge.leadingUnit] : []),
  ];
  expect(units.length).toBeGreaterThan(0);
  for (const unit of units) expect(unit).toMatchObject({ code: expect.any(String), name: names.get(unit.code) });
  for (const report of pledge.progress) expect(names.has(report.organization.code)).toBe(true);
}

function fetchesOf(node: PlanNode | SubscriptionNode | undefined): string[] {
  if (!node) return [];
  switch (node.kind) {
    case 'Fetch':
      return [node.serviceName];
    case 'Flatten':
      return fetchesOf(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetchesOf);
    default:
      throw new Error(`Unexpected plan node ${node.kind}`);
  }
}

it('plans the board as organizations, then campaigns, then awards: no entity fetch back to organizations', () => {
  const supergraph = Supergraph.build(committedSupergraph());
  const operation = operationFromDocument(supergraph.apiSchema(), parse(contractOperation('BlocBoard')), {
    operationName: 'BlocBoard',
  });
  const plan = new QueryPlanner(supergraph).buildQueryPlan(operation);
  expect(plan.node?.kind).toBe('Sequence');
  expect(fetchesOf(plan.node)).toEqual(['organizations', 'campaigns', 'awards']);
});

it('answers the board with those three calls in at most 8 statements, 4 of them in campaigns', async () => {
  await blocBoard('NOI_CHINH_TW', 2024); // the first request of the process copies the organizations
  const { bloc, stats } = await blocBoard('NOI_CHINH_TW', 2024);
  expect(bloc.pledge).toMatchObject({ status: 'CLOSED', leadingUnit: { code: expect.any(String) } });
  expectNamedAsMembers(bloc);
  expect(stats.subgraphCalls).toEqual(['organizations', 'campaigns', 'awards']);
  expect(stats.sqlStatements['campaigns']).toBeLessThanOrEqual(4);
  const total = Object.values(stats.sqlStatements).reduce((sum, count) => sum + count, 0);
  expect(total).toBeLessThanOrEqual(8);
});

describe('a bloc year that grows', () => {
  const YEAR = 2026;

  const MEMBERS = ['TANDTC', 'VKSNDTC', 'BTP', 'BQLLANG', 'BQP', 'BCA', 'TTCP', 'KTNN'];
  const ITEMS = [
    { code: '1', title: 'Hoàn thành xuất sắc nhiệm vụ chính trị', maxScore: 40 },
    { code: '2', title: 'Đẩy mạnh chuyển đổi số', targetValue: 100, unit: '%', maxScore: 30 },
    { code: '3', title: 'Công tác thi đua, khen thưởng', maxScore: 30 },
  ];
  const membership = (codes: string[]) => ({
    input: {
      blocCode: 'NOI_CHINH_TW',
      year: YEAR,
      members: codes.map((code, index) => ({ organizationCode: code, role: index === 0 ? 'LEAD' : 'MEMBER' })),
    },
  });

  async function signAndReport(pledgeId: string, codes: string[], periods: string[]): Promise<void> {
    for (const code of codes) {
      const officer = await stack.token('ORG_OFFICER', code);
      await mutate('SignPledge', { input: { pledgeId, organizationCode: code } }, officer);
      for (const item of ITEMS)
        for (const [index, period] of periods.entries())
          await mutate(
            'ReportPledgeProgress',
            { input: { pledgeId, organizationCode: code, itemCode: item.code, period, value: 10 * (index + 1) } },
            officer,
          );
    }
  }

  it('costs the same statements with 3 members and 3 reports as with 8 members and 33', async () => {
    await mutate('SetBlocMembership', membership(MEMBERS.slice(0, 3)));
    const { createPledge } = await mutate('CreatePledge', {
      input: { blocCode: 'NOI_CHINH_TW', year: YEAR, theme: 'Đoàn kết, sáng tạo', items: ITEMS, bonusCap: 5 },
    });
    await mutate('OpenPledge', { id: createPledge.id });
    // Every unit is in campaigns' copy after the first board; no read of the log between the two boards.
    await blocBoard('NOI_CHINH_TW', YEAR);
    process.env[CHECK] = String(3_600_000);
    await signAndReport(createPledge.id, MEMBERS.slice(1, 2), [`${YEAR}-Q1`]);
    const small = await blocBoard('NOI_CHINH_TW', YEAR);
    expect(small.bloc.members).toHaveLength(3);
    expect(small.bloc.pledge.signatures).toHaveLength(1);

    await mutate('SetBlocMembership', membership(MEMBERS));
    await signAndReport(createPledge.id, MEMBERS.slice(2, 7), [`${YEAR}-Q1`, `${YEAR}-Q2`]);
    const large = await blocBoard('NOI_CHINH_TW', YEAR);
    expect(large.bloc.members).toHaveLength(8);
    expect(large.bloc.pledge.signatures).toHaveLength(6);
    expect(large.bloc.pledge.progress.length).toBeGreaterThanOrEqual(30);
    expectNamedAsMembers(large.bloc);

    expect(large.stats.subgraphCalls).toEqual(small.stats.subgraphCalls);
    expect(large.stats.sqlStatements).toEqual(small.stats.sqlStatements);
    expect(large.stats.sqlStatements['campaigns']).toBeLessThanOrEqual(4);
  });

  it('names a renamed unit as the organizations subgraph does, within the interval', async () => {
    const rename = (name: string) =>
      stack.gql(
        `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { name } }`,
        { input: { code: 'BTP', name } },
        { token: board },
      );
    /** Boards until BTP's signature carries `name` (a board past the interval starts the read of the log). */
    async function signatureNamedOnBoard(name: string): Promise<any> {
      for (let attempt = 0; attempt < 100; attempt += 1) {
        const { bloc } = await blocBoard('NOI_CHINH_TW', YEAR);
        if (bloc.pledge.signatures.some((signature: any) => signature.organization.name === name)) return bloc;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`No board named ${name} within 100 reads`);
    }
    dataOf(await rename('Bộ Tư pháp (tên đã đổi)'));
    expectNamedAsMembers(await signatureNamedOnBoard('Bộ Tư pháp (tên đã đổi)'));
    // Read on every request (interval 0): the rename back shows on the very next boards too.
    process.env[CHECK] = '0';
    dataOf(await rename('Bộ Tư pháp'));
    expectNamedAsMembers(await signatureNamedOnBoard('Bộ Tư pháp'));
  });

  it('names a unit created a moment ago and signed, on the next read', async () => {
    // A long interval: only the read of the log a unit missing from the copy triggers can name it.
    process.env[CHECK] = String(3_600_000);
    const created = await mutate('CreateOrganization', {
      input: { code: 'TTCP_CUC_MOI', name: 'Cục Thi đua mới thành lập', kind: 'DEPARTMENT', parentCode: 'TTCP' },
    });
    await mutate('SetBlocMembership', membership([...MEMBERS, created.createOrganization.code]));
    const { bloc: before } = await blocBoard('NOI_CHINH_TW', YEAR);
    const officer = await stack.token('ORG_OFFICER', 'TTCP_CUC_MOI');
    const signed = await mutate(
      'SignPledge',
      { input: { pledgeId: before.pledge.id, organizationCode: 'TTCP_CUC_MOI' } },
      officer,
    );
    expect(signed.signPledge.organization).toEqual({ code: 'TTCP_CUC_MOI' });

    const { bloc } = await blocBoard('NOI_CHINH_TW', YEAR);
    expect(bloc.pledge.signatures.map((signature: any) => signature.organization)).toContainEqual({
      code: 'TTCP_CUC_MOI',
      name: 'Cục Thi đua mới thành lập',
    });
    expectNamedAsMembers(bloc);
  });
});
