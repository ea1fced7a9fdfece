/**
 * One bench run: start the stack on the dataset, resolve the variables, then for each contract query
 * a measured window through the gateway and one sent directly to the subgraph that owns the query's
 * root fetch, then the mixed read/write workload; memory polled throughout.
 */
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { issueCallerToken, type Caller } from '@tdkt/identity';
import { withPlatformFlags } from '@tdkt/platform';
import { runLoad, type Answer, type LoadResult, type RequestSpec, type Stats } from './driver.js';
import { createPlanner, type OperationPlan, type RootFetch } from './plan.js';
import {
  MemorySampler,
  SqlSampler,
  cpuSnapshot,
  delta,
  scrape,
  type MemoryPeaks,
  type Series,
  type SqlHotSpot,
} from './probes.js';
import { ROOT, SUBGRAPHS, startStack, type ProcessName, type Stack, type SubgraphName } from './stack.js';
import { ensureBoards, removeBoards, type Board } from './boards.js';
import { measureBoardRows, type BoardComparison, type BoardRow, type SequentialComparison } from './board-rows.js';
import { scaleLoads, scaleProblem, vacuumIfNeeded } from './dataset.js';
import {
  contractOperations,
  removeBenchWrites,
  resolveWorkload,
  type CallerKind,
  type Scenario,
  type Workload,
} from './workload.js';

export type Dataset = 'seed' | 'small' | 'national';

export interface BenchOptions {
  dataset: Dataset;
  dataDir: string;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  logLevel: string;
  /** Directory of the platform processes' output. */
  logDir: string;
  /** Only these scenarios (names or operation names, case-insensitive); all when empty. */
  only: string[];
  direct: boolean;
  mixed: boolean;
  /** Seed demo data on start (the seed dataset needs it: pledges, persons). */
  seedDemo: boolean;
  /** Remove the mixed workload's writes at the end (kept datasets). */
  cleanUp: boolean;
  /** Extra node flags for the platform's processes (e.g. --cpu-prof, --max-semi-space-size=32). */
  nodeFlags?: string[];
  /** Extra environment for the platform's processes (A/B runs of a setting). */
  env?: Record<string, string>;
  /** Another checkout to run the platform from (A/B runs of a change); default this one. */
  root?: string;
  /** Another Node binary to run the platform's processes on (the bench itself stays on its own). */
  nodePath?: string;
  /** The BlocBoard rows on the bench's own 3-, 20- and 30-member boards (when BlocBoard is measured). */
  boards?: boolean;
  /** Connection counts of the 20-member board's rows (default 10 and 20). */
  boardConnections?: number[];
  /** Members of the small, main and large board (default 3, 20, 30). */
  boardSizes?: [number, number, number];
  /** The three boards once more at 1 connection, one request at a time (default true). */
  boardSequential?: boolean;
  say(message: string): void;
  /** The platform's process ids, once it runs. */
  onStarted?(pids: Record<string, number>): void;
}

/** The latency targets on the national dataset, on 2 cores with 20 database connections. */
export const TARGETS: Record<string, { p50Ms?: number; gatewayRatio?: number }> = {
  BlocBoard: { p50Ms: 40 },
  PersonRecord: { p50Ms: 30 },
  'AwardStatistics (ministry subtree)': { p50Ms: 50, gatewayRatio: 2 },
  'AwardStatistics (bloc)': { p50Ms: 50, gatewayRatio: 2 },
  SearchOrganizations: { p50Ms: 30, gatewayRatio: 2 },
};
/** Resident memory each process may reach under load: the gateway, and every subgraph of the manifest. */
export const MEMORY_LIMITS_MB: Record<string, number> = {
  gateway: 400,
  ...Object.fromEntries(SUBGRAPHS.map((name) => [name, 300])),
};
/** The second gateway, with the public response cache off (the BlocBoard rows compare it with the main one's on). */
export const CACHE_OFF_GATEWAY = 'gateway-cache-off';
const CACHE_SETTING = 'TDKT_PUBLIC_CACHE';

export interface PhaseCosts {
  /** Per request of the measured window. */
  cpuMsPerRequest: Record<string, number>;
  /** Each subgraph: requests it served (gateway's and other subgraphs'), SQL statements, time. */
  subgraphs: Record<string, { requests: number; sqlStatements: number; serveMs: number }>;
  /** The gateway's calls to each subgraph and the time it waited for them (sum over calls). */
  gatewayFetches: Record<string, { calls: number; waitMs: number }>;
  /** Each subgraph's database pool, sampled every second: busy connections and clients waiting for one. */
  pools: Record<string, { max: number; busyMean: number; busyPeak: number; waitingMean: number; waitingPeak: number }>;
  /** The statements PostgreSQL was running most often (sampled every 100 ms). */
  sqlHotSpots: SqlHotSpot[];
  /** Mean time the gateway took per request, by its own histogram. */
  gatewayMs: number | null;
  /** Mean CPU use of the platform, its database and the bench, in cores. */
  coresBusy: number;
  /** Mean CPU use of everything else on the machine, in cores (another test run, a build …). */
  otherCoresBusy: number;
}

export interface PhaseResult extends LoadResult {
  costs: PhaseCosts;
}

export interface ScenarioResult {
  name: string;
  operation: string;
  caller: CallerKind;
  description: string;
  plan: OperationPlan['fetches'];
  gateway: PhaseResult;
  direct: (PhaseResult & { subgraph: string; document: string }) | null;
  /** Gateway p50 / direct p50. */
  ratio: number | null;
  target: { p50Ms?: number; gatewayRatio?: number; met: boolean | null };
}

export interface BenchResult {
  version: 1;
  startedAt: string;
  finishedAt: string;
  dataset: Dataset;
  dataDir: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryMb: number;
    /** The bench's own Node. */
    node: string;
    /** The Node the platform's processes ran on (--node, else the bench's). */
    platformNode: string;
    platformNodePath: string;
    platform: string;
  };
  options: {
    connections: number;
    warmupSeconds: number;
    durationSeconds: number;
    logLevel: string;
    nodeFlags: string[];
    /** The V8 flags the platform's processes ran with: the supervisor's defaults and --node-flag. */
    platformFlags?: string[];
    env: Record<string, string>;
    root: string | null;
  };
  workload: {
    notes: string[];
    scenarios: { name: string; operation: string; caller: CallerKind; description: string; variableSets: number }[];
    write: { bloc: string; year: number; combinations: number } | null;
  };
  scenarios: ScenarioResult[];
  /** The rows on the bench's own boards; null when BlocBoard is not measured (or --no-boards). */
  boards: {
    made: Board[];
    rows: BoardRow[];
    comparison: BoardComparison | null;
    /** The small, main and large boards one request at a time; null when not measured. */
    sequential: SequentialComparison | null;
    /** Rows removed at the end (kept datasets); null when left (a throwaway dataset). */
    removed: number | null;
  } | null;
  mixed: (PhaseResult & { mix: Record<string, number> }) | null;
  memory: MemoryPeaks & { limitsMb: Record<string, number>; withinLimits: boolean };
  errors: number;
  benchWritesRemoved: number | null;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const BENCH_SUBJECT = 'tdkt-bench';

function statsFromGatewayAnswer(answer: Answer): Stats | null {
  // The stats sit at the end of the body: parse only them (big answers are not parsed twice).
  const body = answer.body.trimEnd();
  const marker = body.lastIndexOf('"extensions":{"stats":');
  try {
    const extensions = JSON.parse(
      marker >= 0
        ? body.slice(marker + '"extensions":'.length, -1)
        : JSON.stringify((JSON.parse(body) as { extensions?: unknown }).extensions ?? {}),
    ) as { stats?: Stats };
    return extensions.stats ?? null;
  } catch {
    return null;
  }
}

interface Snapshot {
  at: number;
  cpu: Record<string, number>;
  series: Record<ProcessName, Series>;
}

async function snapshot(stack: Stack): Promise<Snapshot> {
  const gateways = Object.keys(stack.gatewayUrls);
  const names = [...SUBGRAPHS, ...gateways] as ProcessName[];
  const series = await Promise.all(names.map((name) => scrape(stack.baseUrls[name])));
  const byName = Object.fromEntries(names.map((name, index) => [name, series[index]!])) as Record<ProcessName, Series>;
  // Every gateway's counters as one: a phase uses one of them, the others' counters stand still.
  const gateway: Series = new Map();
  for (const name of gateways)
    for (const [key, value] of byName[name]!) gateway.set(key, (gateway.get(key) ?? 0) + value);
  byName['gateway'] = gateway;
  return { at: Date.now(), cpu: cpuSnapshot(stack.pids, stack.postmasterPid), series: byName };
}

type PoolSample = Record<string, { max: number; busy: number; waiting: number }>;

async function samplePools(stack: Stack): Promise<PoolSample> {
  const sample: PoolSample = {};
  await Promise.all(
    SUBGRAPHS.map(async (name) => {
      const series = await scrape(stack.baseUrls[name]);
      const value = (metric: string) => series.get(`${metric}{subgraph="${name}"}`) ?? 0;
      sample[name] = {
        max: value('tdkt_subgraph_db_pool_max_connections'),
        busy: value('tdkt_subgraph_db_pool_connections') - value('tdkt_subgraph_db_pool_idle_connections'),
        waiting: value('tdkt_subgraph_db_pool_waiting_clients'),
      };
    }),
  );
  return sample;
}

function summarizePools(samples: PoolSample[]): PhaseCosts['pools'] {
  const pools: PhaseCosts['pools'] = {};
  for (const name of SUBGRAPHS) {
    const of = samples.map((sample) => sample[name]).filter((entry): entry is NonNullable<typeof entry> => !!entry);
    if (!of.length) continue;
    const mean = (values: number[]) => round(values.reduce((sum, value) => sum + value, 0) / values.length, 1);
    pools[name] = {
      max: of[0]!.max,
      busyMean: mean(of.map((entry) => entry.busy)),
      busyPeak: Math.max(...of.map((entry) => entry.busy)),
      waitingMean: mean(of.map((entry) => entry.waiting)),
      waitingPeak: Math.max(...of.map((entry) => entry.waiting)),
    };
  }
  return pools;
}

function costsBetween(
  before: Snapshot,
  after: Snapshot,
  requests: number,
  pools: PhaseCosts['pools'],
  sqlHotSpots: SqlHotSpot[],
): PhaseCosts {
  const per = (value: number) => (requests ? value / requests : 0);
  const cpuMsPerRequest: Record<string, number> = {};
  let busy = 0;
  for (const [name, seconds] of Object.entries(after.cpu)) {
    if (name === 'machine') continue;
    const used = seconds - (before.cpu[name] ?? 0);
    // Every gateway process in the gateway's column (a phase uses one; the others idle).
    const column = name.startsWith('gateway') ? 'gateway' : name;
    cpuMsPerRequest[column] = round((cpuMsPerRequest[column] ?? 0) + per(used * 1000));
    busy += used;
  }
  const subgraphs: PhaseCosts['subgraphs'] = {};
  const gatewayFetches: PhaseCosts['gatewayFetches'] = {};
  for (const name of SUBGRAPHS) {
    const [b, a] = [before.series[name], after.series[name]];
    const served = delta(b, a, 'tdkt_subgraph_requests_total');
    if (served > 0) {
      subgraphs[name] = {
        requests: round(per(served)),
        sqlStatements: round(per(delta(b, a, 'tdkt_subgraph_sql_statements_total'))),
        serveMs: round(per(delta(b, a, 'tdkt_subgraph_request_duration_seconds_sum') * 1000)),
      };
    }
    const calls = delta(before.series.gateway, after.series.gateway, 'tdkt_gateway_subgraph_fetches_total', {
      subgraph: name,
    });
    if (calls > 0)
      gatewayFetches[name] = {
        calls: round(per(calls)),
        waitMs: round(
          per(
            delta(before.series.gateway, after.series.gateway, 'tdkt_gateway_subgraph_fetch_duration_seconds_sum', {
              subgraph: name,
            }) * 1000,
          ),
        ),
      };
  }
  const gatewayCount = delta(
    before.series.gateway,
    after.series.gateway,
    'tdkt_gateway_request_duration_seconds_count',
  );
  const gatewaySum = delta(before.series.gateway, after.series.gateway, 'tdkt_gateway_request_duration_seconds_sum');
  return {
    cpuMsPerRequest,
    subgraphs,
    gatewayFetches,
    pools,
    sqlHotSpots,
    gatewayMs: gatewayCount ? round((gatewaySum / gatewayCount) * 1000) : null,
    coresBusy: round(busy / ((after.at - before.at) / 1000)),
    otherCoresBusy: round(
      Math.max(0, (after.cpu['machine']! - before.cpu['machine']! - busy) / ((after.at - before.at) / 1000)),
    ),
  };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const say = options.say;
  const operations = contractOperations();
  const planner = createPlanner(readFileSync(path.join(options.root ?? ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
  const boardsWanted =
    options.boards !== false &&
    (options.only.length === 0 || options.only.some((name) => name.toLowerCase() === 'blocboard'));
  const platformNodePath = options.nodePath ?? process.execPath;
  const platformNode = execFileSync(platformNodePath, ['--version'], { encoding: 'utf8' }).trim();
  // The public response cache: on in the main gateway (the platform's default) unless --env says
  // otherwise; off in a second gateway on the same subgraphs, for the rows that compare the two.
  const env = { [CACHE_SETTING]: 'on', ...(options.env ?? {}) };
  const stack = await startStack({
    dataDir: options.dataDir,
    seedDemo: options.seedDemo,
    logLevel: options.logLevel,
    logDir: options.logDir,
    execArgv: options.nodeFlags,
    env,
    root: options.root,
    ...(options.nodePath ? { nodePath: options.nodePath } : {}),
    ...(boardsWanted ? { extraGateways: { [CACHE_OFF_GATEWAY]: { [CACHE_SETTING]: 'off' } } } : {}),
    say,
    beforeSubgraphs: async (databaseUrls) => {
      if (options.dataset === 'seed') return;
      const loads = await scaleLoads(databaseUrls);
      const problem = scaleProblem(loads, options.dataset);
      const vacuum = async () => {
        const started = Date.now();
        const tables = await vacuumIfNeeded(databaseUrls);
        if (tables.length)
          say(
            `vacuumed ${tables.length} freshly written tables in ${Math.round((Date.now() - started) / 1000)} s (${tables.slice(0, 4).join(', ')}${tables.length > 4 ? ', …' : ''})`,
          );
      };
      if (!problem) return vacuum();
      const other = Object.values(loads).find((load) => load && load.preset !== options.dataset);
      if (other) {
        throw new Error(
          `${path.resolve(options.dataDir)} holds the ${other.preset} scale dataset, not ${options.dataset} (${problem}). Replace it with\n` +
            `  TDKT_DATA_DIR=${path.resolve(options.dataDir)} npm run seed:scale -- --preset ${options.dataset} --restart\nor pass --data-dir to a directory that holds ${options.dataset}.`,
        );
      }
      // Not loaded yet (or interrupted): load it now, as `npm run seed:scale` would (it resumes).
      say(
        `the ${options.dataset} dataset is not loaded in ${path.resolve(options.dataDir)} (${problem}); loading it now (npm run seed:scale -- --preset ${options.dataset}; national takes about 15 minutes)`,
      );
      const { seedScale, stderrProgress, formatReport } = await import('@tdkt/scripts');
      // The manifest's subgraphs are the loader's.
      const report = await seedScale({
        preset: options.dataset,
        databaseUrls: databaseUrls as Parameters<typeof seedScale>[0]['databaseUrls'],
        onProgress: stderrProgress(),
        log: (line) => say(`seed:scale: ${line}`),
        demo: options.seedDemo,
      });
      say(formatReport(report));
      await vacuum();
    },
  });
  options.onStarted?.({ ...stack.pids });
  // Ctrl-C: stop the platform in order (gateway, subgraphs, Postgres) before leaving.
  const interrupt = () => {
    say('interrupted; stopping the stack');
    void stack.stop().then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const sampler = new MemorySampler(stack.pids, stack.postmasterPid);
  sampler.start();
  const sqlSampler = new SqlSampler(stack.adminUrl);
  const timers: NodeJS.Timeout[] = [];
  let memory: MemoryPeaks | undefined;
  try {
    say(`stack ready: gateway ${stack.gatewayUrl}`);
    await sqlSampler.start();
    const workload: Workload = await resolveWorkload(stack.databaseUrls);
    for (const note of workload.notes) say(`note: ${note}`);
    const wanted = (scenario: Scenario) =>
      options.only.length === 0 ||
      options.only.some((name) =>
        [scenario.name.toLowerCase(), scenario.operation.toLowerCase()].includes(name.toLowerCase()),
      );
    const scenarios = workload.scenarios.filter(wanted);

    // Callers: a CENTRAL_BOARD token (private fields such as annual ratings), officers for writes.
    const centralToken = await issueCallerToken(stack.devKeys.privateJwk, {
      role: 'CENTRAL_BOARD',
      subject: `${BENCH_SUBJECT}:central`,
      expiresIn: '12h',
    });
    const centralCaller: Caller = { subject: `${BENCH_SUBJECT}:central`, role: 'CENTRAL_BOARD', org: null };
    const publicCaller: Caller = { subject: null, role: null, org: null };
    const officerTokens = new Map<string, string>();
    for (const code of new Set(workload.write?.combinations.map((combination) => combination.organizationCode) ?? [])) {
      officerTokens.set(
        code,
        await issueCallerToken(stack.devKeys.privateJwk, {
          role: 'ORG_OFFICER',
          org: code,
          subject: `${BENCH_SUBJECT}:officer:${code.toLowerCase()}`,
          expiresIn: '12h',
        }),
      );
    }
    // Internal tokens for direct calls, re-signed every minute (subgraphs accept them for 5 minutes).
    const internalTokens: Record<CallerKind, string> = { public: '', central: '' };
    const resign = async () => {
      internalTokens.public = await stack.internalSigner.sign(publicCaller, 'bench-direct');
      internalTokens.central = await stack.internalSigner.sign(centralCaller, 'bench-direct');
    };
    await resign();
    const refresh = setInterval(() => void resign(), 60_000);
    refresh.unref();
    timers.push(refresh);

    const gatewayUrl = new URL(stack.gatewayUrl);
    // Every row but the public board rows measures the read path: the public answer cache steps aside.
    const gatewayHeaders = (caller: CallerKind): Record<string, string> => ({
      'x-tdkt-stats': '1',
      'cache-control': 'no-cache',
      ...(caller === 'central' ? { authorization: `Bearer ${centralToken}` } : {}),
    });
    const readBodies = (scenario: Scenario) =>
      scenario.variables.map((variables) =>
        JSON.stringify({ query: operations[scenario.operation], operationName: scenario.operation, variables }),
      );

    // The bench's own boards (3, 20 and 30 members, one shape), made through the API if missing.
    let made: Board[] = [];
    if (boardsWanted) {
      made = await ensureBoards(
        {
          gatewayUrl: stack.gatewayUrl,
          token: centralToken,
          databaseUrls: stack.databaseUrls,
          say,
        },
        options.boardSizes ?? [3, 20, 30],
      );
    }

    // A first pass: every variable set answers without errors (else the numbers would measure errors).
    for (const scenario of scenarios) {
      const failed: string[] = [];
      for (const body of readBodies(scenario)) {
        // A first request may find a cold subgraph (e.g. a derived table brought up to date on first
        // use): a few tries before calling it an error.
        let problem: string | null = null;
        for (let attempt = 0; attempt < 4; attempt += 1) {
          if (attempt) await new Promise((resolve) => setTimeout(resolve, 3000));
          const response = await fetch(gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...gatewayHeaders(scenario.caller) },
            body,
          });
          const text = await response.text();
          problem = response.status !== 200 || text.includes('"errors"') ? text.slice(0, 300) : null;
          if (!problem) break;
        }
        if (problem) failed.push(`${body.slice(body.indexOf('"variables"') + 12, -1)} → ${problem}`);
      }
      if (failed.length)
        say(
          `!! ${scenario.name}: ${failed.length} of ${scenario.variables.length} variable sets answer with an error, e.g. ${failed[0]}`,
        );
    }

    const measure = async (
      label: string,
      run: (hooks: { onMeasureStart: () => Promise<void> }) => Promise<LoadResult>,
    ): Promise<PhaseResult> => {
      let before: Snapshot | undefined;
      const poolSamples: PoolSample[] = [];
      let poolTimer: NodeJS.Timeout | undefined;
      const result = await run({
        onMeasureStart: async () => {
          sqlSampler.take();
          before = await snapshot(stack);
          poolTimer = setInterval(() => void samplePools(stack).then((sample) => poolSamples.push(sample)), 1000);
        },
      });
      clearInterval(poolTimer);
      const after = await snapshot(stack);
      const costs = costsBetween(before!, after, result.requests, summarizePools(poolSamples), sqlSampler.take(5));
      say(
        `${label.padEnd(52)} ${String(result.requestsPerSecond).padStart(7)} req/s  p50 ${result.latencyMs.p50} ms  p95 ${result.latencyMs.p95} ms  p99 ${result.latencyMs.p99} ms` +
          (result.errors ? `  !! ${result.errors} ERRORS ${JSON.stringify(result.errorCodes)}` : '') +
          (costs.otherCoresBusy >= 0.2 ? `  (other processes used ${costs.otherCoresBusy} cores meanwhile)` : ''),
      );
      return { ...result, costs };
    };
    const loadOptions = {
      connections: options.connections,
      warmupMs: options.warmupSeconds * 1000,
      durationMs: options.durationSeconds * 1000,
    };

    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const plan = planner.plan(operations[scenario.operation]!, scenario.operation);
      const bodies = readBodies(scenario);
      const gateway = await measure(`${scenario.name} via gateway`, (hooks) =>
        runLoad({
          ...loadOptions,
          ...hooks,
          next: (_worker, sequence): RequestSpec => ({
            kind: scenario.name,
            url: gatewayUrl,
            headers: gatewayHeaders(scenario.caller),
            body: bodies[sequence % bodies.length]!,
          }),
          stats: statsFromGatewayAnswer,
        }),
      );

      let direct: ScenarioResult['direct'] = null;
      const root: RootFetch | undefined = plan.roots[0];
      if (options.direct && root) {
        const url = new URL(stack.subgraphUrls[root.subgraph as SubgraphName]);
        const directBodies = scenario.variables.map((variables) =>
          JSON.stringify({
            query: root.document,
            operationName: root.operationName,
            variables: Object.fromEntries(root.variables.map((name) => [name, variables[name]])),
          }),
        );
        const result = await measure(
          `${scenario.name} direct to ${root.subgraph}${plan.fetches.length > 1 ? ' (root fetch)' : ''}`,
          (hooks) =>
            runLoad({
              ...loadOptions,
              ...hooks,
              next: (_worker, sequence): RequestSpec => ({
                kind: scenario.name,
                url,
                headers: { 'x-tdkt-caller': internalTokens[scenario.caller] },
                body: directBodies[sequence % directBodies.length]!,
              }),
              stats: (answer) => {
                const statements = answer.headers['x-tdkt-sql-statements'];
                return { subgraphCalls: [root.subgraph], sqlStatements: { [root.subgraph]: Number(statements ?? 0) } };
              },
            }),
        );
        direct = { ...result, subgraph: root.subgraph, document: root.document };
      }
      const ratio = direct && direct.latencyMs.p50 > 0 ? round(gateway.latencyMs.p50 / direct.latencyMs.p50) : null;
      const target = TARGETS[scenario.name] ?? {};
      const checks: boolean[] = [];
      if (target.p50Ms !== undefined) checks.push(gateway.latencyMs.p50 <= target.p50Ms);
      if (target.gatewayRatio !== undefined && ratio !== null) checks.push(ratio <= target.gatewayRatio);
      results.push({
        name: scenario.name,
        operation: scenario.operation,
        caller: scenario.caller,
        description: scenario.description,
        plan: plan.fetches,
        gateway,
        direct,
        ratio,
        target: { ...target, met: checks.length ? checks.every(Boolean) && gateway.errors === 0 : null },
      });
    }

    let boards: BenchResult['boards'] = null;
    if (boardsWanted) {
      const measured = await measureBoardRows({
        boards: made,
        document: operations['BlocBoard']!,
        connections: options.boardConnections ?? [10, 20],
        comparisonConnections: Math.min(...(options.boardConnections ?? [10])),
        sequential: options.boardSequential !== false,
        gatewayUrl,
        cacheOffUrl: stack.gatewayUrls[CACHE_OFF_GATEWAY] ? new URL(stack.gatewayUrls[CACHE_OFF_GATEWAY]) : null,
        mainCache: env[CACHE_SETTING] === 'off' ? 'off' : 'on',
        centralToken,
        measure,
        load: ({ connections, ...rest }) => runLoad({ ...loadOptions, connections, ...rest }),
        stats: statsFromGatewayAnswer,
      });
      boards = { made, ...measured, removed: null };
    }

    let mixed: BenchResult['mixed'] = null;
    if (options.mixed && scenarios.length) {
      // 90 % reads spread evenly over the queries (the two AwardStatistics scopes share one share),
      // 10 % progress reports by the member's own officer, each with a fresh Idempotency-Key.
      const shares = new Map<string, number>();
      const perOperation = new Map<string, Scenario[]>();
      for (const scenario of scenarios)
        perOperation.set(scenario.operation, [...(perOperation.get(scenario.operation) ?? []), scenario]);
      for (const group of perOperation.values())
        for (const scenario of group) shares.set(scenario.name, 90 / perOperation.size / group.length);
      const write = workload.write;
      if (write) shares.set('ReportPledgeProgress (write)', 10);
      else for (const [name, share] of shares) shares.set(name, (share * 100) / 90);
      // A deck of 200 slots, interleaved so that each stretch of the deck has the same mix.
      const deck: string[] = [];
      const credit = new Map([...shares.keys()].map((name) => [name, 0]));
      for (let slot = 0; slot < 200; slot += 1) {
        for (const [name, share] of shares) credit.set(name, credit.get(name)! + share / 100);
        const [pick] = [...credit].sort((a, b) => b[1] - a[1])[0]!;
        credit.set(pick, credit.get(pick)! - 1);
        deck.push(pick);
      }
      // The first worker's first request is a write, so even a very short run (the test's) measures
      // one: swap the deck's first write to the front (the mix is unchanged).
      const firstWrite = deck.indexOf('ReportPledgeProgress (write)');
      if (firstWrite > 0) [deck[0], deck[firstWrite]] = [deck[firstWrite]!, deck[0]!];
      const bodies = new Map(scenarios.map((scenario) => [scenario.name, readBodies(scenario)]));
      const byName = new Map(scenarios.map((scenario) => [scenario.name, scenario]));
      const writeDocument = operations['ReportPledgeProgress']!;
      const writeCounters = new Map<number, number>();
      const runId = Date.now().toString(36);
      const result = await measure('Mixed (90 % reads, 10 % writes) via gateway', (hooks) =>
        runLoad({
          ...loadOptions,
          ...hooks,
          next: (worker, sequence): RequestSpec => {
            const pick = deck[(sequence + worker * 7) % deck.length]!;
            const scenario = byName.get(pick);
            if (scenario) {
              const list = bodies.get(pick)!;
              return {
                kind: pick,
                url: gatewayUrl,
                headers: gatewayHeaders(scenario.caller),
                body: list[sequence % list.length]!,
              };
            }
            // Each worker writes only its own (member, item, period) combinations: no two concurrent
            // reports of the same row (the table's key would refuse one of them).
            const mine = write!.combinations.filter((_, index) => index % options.connections === worker);
            const count = (writeCounters.get(worker) ?? 0) + 1;
            writeCounters.set(worker, count);
            const combination = mine.length
              ? mine[count % mine.length]!
              : write!.combinations[count % write!.combinations.length]!;
            return {
              kind: pick,
              url: gatewayUrl,
              headers: {
                'x-tdkt-stats': '1',
                authorization: `Bearer ${officerTokens.get(combination.organizationCode)}`,
                'idempotency-key': `bench-${runId}-${worker}-${count}`,
              },
              body: JSON.stringify({
                query: writeDocument,
                operationName: 'ReportPledgeProgress',
                variables: {
                  input: {
                    pledgeId: write!.pledgeId,
                    organizationCode: combination.organizationCode,
                    itemCode: combination.itemCode,
                    period: combination.period,
                    value: (sequence % 1000) / 10,
                    note: 'Báo cáo của công cụ đo tải (bench)',
                  },
                },
              }),
            };
          },
          stats: statsFromGatewayAnswer,
        }),
      );
      mixed = { ...result, mix: Object.fromEntries([...shares].map(([name, share]) => [name, round(share, 1)])) };
    }

    memory = sampler.stop();
    let benchWritesRemoved: number | null = null;
    // A kept dataset gets back what it was: the bench's boards go (first: their progress
    // reports are the bench's too, and would be counted as the mixed workload's).
    if (options.cleanUp && boards) boards.removed = await removeBoards(stack.databaseUrls);
    if (options.cleanUp && workload.write)
      benchWritesRemoved = await removeBenchWrites(stack.databaseUrls, BENCH_SUBJECT);
    const limitsMb = {
      ...MEMORY_LIMITS_MB,
      ...(stack.pids[CACHE_OFF_GATEWAY] ? { [CACHE_OFF_GATEWAY]: MEMORY_LIMITS_MB['gateway']! } : {}),
    };
    const withinLimits = Object.entries(limitsMb).every(([name, limit]) => (memory!.peakRssMb[name] ?? 0) <= limit);
    const cpu = cpus();
    return {
      version: 1,
      startedAt,
      finishedAt: new Date().toISOString(),
      dataset: options.dataset,
      dataDir: path.resolve(options.dataDir),
      machine: {
        cpus: cpu.length,
        cpuModel: cpu[0]?.model ?? 'unknown',
        memoryMb: Math.round(totalmem() / 2 ** 20),
        node: process.version,
        platformNode,
        platformNodePath,
        platform: `${process.platform}-${process.arch}`,
      },
      options: {
        connections: options.connections,
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
        logLevel: options.logLevel,
        nodeFlags: options.nodeFlags ?? [],
        platformFlags: withPlatformFlags(
          options.nodeFlags ?? [],
          options.env?.['NODE_OPTIONS'] ?? process.env['NODE_OPTIONS'],
        ),
        env: options.env ?? {},
        root: options.root ?? null,
      },
      workload: {
        notes: workload.notes,
        scenarios: scenarios.map((scenario) => ({
          name: scenario.name,
          operation: scenario.operation,
          caller: scenario.caller,
          description: scenario.description,
          variableSets: scenario.variables.length,
        })),
        write: workload.write
          ? {
              bloc: workload.write.blocCode,
              year: workload.write.year,
              combinations: workload.write.combinations.length,
            }
          : null,
      },
      scenarios: results,
      boards,
      mixed,
      memory: { ...memory, limitsMb, withinLimits },
      errors:
        results.reduce((sum, result) => sum + result.gateway.errors + (result.direct?.errors ?? 0), 0) +
        (boards?.rows.reduce((sum, row) => sum + row.gateway.errors, 0) ?? 0) +
        (mixed?.errors ?? 0),
      benchWritesRemoved,
    };
  } finally {
    for (const timer of timers) clearInterval(timer);
    await sqlSampler.stop();
    process.removeListener('SIGINT', interrupt);
    process.removeListener('SIGTERM', interrupt);
    if (!memory) sampler.stop();
    say('stopping the stack');
    await stack.stop();
  }
}
