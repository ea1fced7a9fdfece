/**
 * `npm run bench` in a very short mode (seed dataset, 4 connections, 0.2 s of warm-up and half a second
 * per row): the harness starts the platform by itself, drives every contract query through the gateway
 * and straight to its subgraph, makes its own boards through the API and measures BlocBoard on them
 * (the Central Board, the public with the response cache on and off, a small board against a large
 * one), runs the mixed read/write workload, and writes the JSON and markdown results. Small boards (2, 3
 * and 4 members instead of 3, 20 and 30) keep it short. No request may fail. Timings are not checked
 * here (they belong to the bench itself, on a quiet machine). Rows of 0.7 s instead of 1.5 s still gave
 * 7–26 answers per row and a write in the mix with the machine ten times oversubscribed, and take 13 s
 * less of full load off CI's 2 cores (17 rows).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderMemoryByNode } from '../../bench/src/report';
import type { BenchResult } from '../../bench/src/run';

const ROOT = path.resolve(__dirname, '..', '..');

interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

interface Phase {
  requests: number;
  requestsPerSecond: number;
  errors: number;
  errorSamples: string[];
  latencyMs: Latency;
  byKind: Record<string, { requests: number; errors: number }>;
  perRequest: { subgraphCalls: number; sqlStatements: Record<string, number> } | null;
  costs: {
    cpuMsPerRequest: Record<string, number>;
    subgraphs: Record<string, { requests: number; sqlStatements: number }>;
    gatewayFetches: Record<string, { calls: number }>;
  };
}

interface BoardRow {
  name: string;
  members: number;
  bloc: string;
  caller: string;
  cache: string | null;
  connections: number;
  gateway: Phase & { cache: Record<string, number> };
  totals: {
    fetches: number;
    sqlStatements: number;
    cpuMs: number;
    targets: { fetches: boolean; sqlStatements: boolean; cpuMs: boolean };
  };
}

interface Result {
  dataset: string;
  machine: { node: string; platformNode: string; platformNodePath: string };
  options: { connections: number };
  boards: {
    made: { size: number; code: string; year: number; members: string[]; made: boolean }[];
    rows: BoardRow[];
    comparison: {
      connections: number;
      small: { members: number; p50: number };
      large: { members: number; p50: number };
      ratio: number;
      met: boolean;
    } | null;
    sequential: {
      connections: number;
      small: { members: number; p50: number };
      main: { members: number; p50: number };
      large: { members: number; p50: number };
      ratio: number;
    } | null;
    removed: number | null;
  } | null;
  scenarios: {
    name: string;
    operation: string;
    plan: { subgraph: string }[];
    gateway: Phase;
    direct: (Phase & { subgraph: string }) | null;
    ratio: number | null;
  }[];
  mixed: (Phase & { mix: Record<string, number> }) | null;
  memory: { peakRssMb: Record<string, number>; hwmMb: Record<string, number>; postgresPeakPssMb: number };
  errors: number;
}

function checkLatency(latency: Latency): void {
  expect(latency.count).toBeGreaterThan(0);
  expect(latency.p50).toBeGreaterThan(0);
  expect(latency.p50).toBeLessThanOrEqual(latency.p95);
  expect(latency.p95).toBeLessThanOrEqual(latency.p99);
}

it('measures every contract query, directly and through the gateway, and the mixed workload, without an error', async () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-test-'));
  try {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'bench', 'dist', 'main.js'),
        '--dataset',
        'seed',
        '--connections',
        '4',
        '--warmup',
        '0.2',
        '--duration',
        '0.5',
        '--board-sizes',
        '2,3,4',
        '--board-connections',
        '4',
        // The same binary, through the option that runs the platform on another Node.
        '--node',
        process.execPath,
        '--out-dir',
        outDir,
      ],
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'development' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect([code, output.includes('!!') ? output : '']).toEqual([0, '']);
    expect(output).toContain(
      '| operation | req/s | p50 | p95 | p99 | errors | SQL/op | calls/op | direct p50 | ratio | target |',
    );

    const files = readdirSync(outDir);
    const json = files.find((file) => /^\d{8}-\d{6}-seed\.json$/.test(file));
    expect(files).toContain(json!.replace(/\.json$/, '.md'));
    const result = JSON.parse(readFileSync(path.join(outDir, json!), 'utf8')) as Result;
    expect(result.dataset).toBe('seed');
    expect(result.options.connections).toBe(4);
    expect(result.errors).toBe(0);

    expect(result.scenarios.map((scenario) => scenario.name)).toEqual([
      'BlocBoard',
      'OrganizationProfile',
      'PersonRecord',
      'AwardStatistics (ministry subtree)',
      'AwardStatistics (bloc)',
      'SearchOrganizations',
    ]);
    for (const scenario of result.scenarios) {
      expect([scenario.name, scenario.gateway.errors, scenario.gateway.errorSamples]).toEqual([scenario.name, 0, []]);
      checkLatency(scenario.gateway.latencyMs);
      expect(scenario.gateway.requestsPerSecond).toBeGreaterThan(0);
      // The gateway reported its subgraph calls and their statements for each answer.
      expect(scenario.gateway.perRequest!.subgraphCalls).toBeGreaterThanOrEqual(1);
      expect(Object.keys(scenario.gateway.costs.gatewayFetches).length).toBeGreaterThanOrEqual(1);
      expect(scenario.gateway.costs.cpuMsPerRequest['gateway']).toBeGreaterThan(0);
      // The root fetch of the plan, sent straight to the subgraph that owns it.
      expect(scenario.direct).not.toBeNull();
      expect(scenario.direct!.subgraph).toBe(scenario.plan[0]!.subgraph);
      expect([scenario.name, scenario.direct!.errors, scenario.direct!.errorSamples]).toEqual([scenario.name, 0, []]);
      checkLatency(scenario.direct!.latencyMs);
      expect(scenario.ratio).toBeGreaterThan(0);
    }
    const board = result.scenarios.find((scenario) => scenario.name === 'BlocBoard')!;
    expect(board.plan.length).toBeGreaterThan(1);
    expect(Object.keys(board.gateway.costs.subgraphs).sort()).toEqual(
      expect.arrayContaining(['campaigns', 'organizations']),
    );
    expect(board.gateway.costs.subgraphs['organizations']!.sqlStatements).toBeGreaterThan(0);

    expect(result.mixed).not.toBeNull();
    checkLatency(result.mixed!.latencyMs);
    expect(result.mixed!.errors).toBe(0);
    expect(result.mixed!.byKind['ReportPledgeProgress (write)']!.requests).toBeGreaterThan(0);
    // The mix: every read scenario and the write have a share; what one short window happened to send
    // (a few requests on a busy machine) is within it.
    expect(Object.keys(result.mixed!.mix).length).toBe(7);
    for (const kind of Object.keys(result.mixed!.byKind)) expect(Object.keys(result.mixed!.mix)).toContain(kind);

    // The bench's own boards, made through the API (a throwaway dataset: left, not removed).
    expect(result.machine.platformNodePath).toBe(process.execPath);
    expect(result.machine.platformNode).toBe(process.version);
    const boards = result.boards!;
    expect(boards.made.map((board) => [board.size, board.code, board.members.length, board.made])).toEqual([
      [2, 'BENCH_BOARD_2', 2, true],
      [3, 'BENCH_BOARD_3', 3, true],
      [4, 'BENCH_BOARD_4', 4, true],
    ]);
    expect(boards.removed).toBeNull();
    expect(boards.rows.map((row) => [row.members, row.caller, row.cache, row.connections])).toEqual([
      [3, 'central', null, 4],
      [3, 'public', 'on', 4],
      [3, 'public', 'off', 4],
      [2, 'central', null, 4],
      [4, 'central', null, 4],
      // Once more one request at a time: each request's own latency, not the queue of a loaded run.
      [2, 'central', null, 1],
      [3, 'central', null, 1],
      [4, 'central', null, 1],
    ]);
    for (const row of boards.rows) {
      expect([row.name, row.gateway.errors, row.gateway.errorSamples]).toEqual([row.name, 0, []]);
      checkLatency(row.gateway.latencyMs);
      expect(row.gateway.requestsPerSecond).toBeGreaterThan(0);
      // Per request, from the processes' own counters: fetches, statements, CPU over every process.
      if (row.cache === 'on') {
        // Answered from the public cache: almost every answer is a hit that costs no fetch and no statement.
        expect(row.gateway.cache['hit']).toBeGreaterThan(0);
        expect(row.totals.fetches).toBeLessThan(1);
      } else {
        expect(row.gateway.cache['hit'] ?? 0).toBe(0);
        expect(row.totals.fetches).toBeGreaterThanOrEqual(1);
        expect(row.totals.sqlStatements).toBeGreaterThan(0);
      }
      expect(row.totals.cpuMs).toBeGreaterThan(0);
      expect(row.gateway.costs.cpuMsPerRequest['gateway']).toBeGreaterThan(0);
      expect(Object.keys(row.totals.targets).sort()).toEqual(['cpuMs', 'fetches', 'sqlStatements']);
    }
    expect(boards.comparison).toMatchObject({ connections: 4, small: { members: 2 }, large: { members: 4 } });
    expect(boards.comparison!.ratio).toBeGreaterThan(0);
    expect(boards.sequential).toMatchObject({
      connections: 1,
      small: { members: 2, p50: boards.rows[5]!.gateway.latencyMs.p50 },
      main: { members: 3, p50: boards.rows[6]!.gateway.latencyMs.p50 },
      large: { members: 4, p50: boards.rows[7]!.gateway.latencyMs.p50 },
    });
    expect(boards.sequential!.ratio).toBeGreaterThan(0);
    expect(output).toContain('One request at a time (1 connection');
    expect(output).toContain('| row | conn | req/s | p50 | p95 | errors | fetches/op | SQL/op | CPU ms/op | cache |');
    expect(output).toContain("A 4-member board's p50");

    for (const name of ['gateway', 'gateway-cache-off', 'organizations', 'campaigns', 'awards', 'postgres'])
      expect([name, result.memory.peakRssMb[name]! > 0]).toEqual([name, true]);
    expect(result.memory.postgresPeakPssMb).toBeGreaterThan(0);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}, 180_000);

it('shows the peak memory of every process side by side when the run is made on two Node versions', () => {
  // Only the parts of a result the table reads: two runs of one bench, on Node 24 and on Node 22.
  const run = (node: string, peaks: Record<string, number>, errors = 0) =>
    ({
      dataset: 'small',
      startedAt: '2026-12-06T10:00:00.000Z',
      machine: { platformNode: node },
      options: { nodeFlags: [] },
      memory: {
        peakRssMb: peaks,
        limitsMb: { gateway: 400, organizations: 300, campaigns: 300, awards: 300 },
        postgresPeakPssMb: 130,
      },
      errors,
    }) as unknown as BenchResult;
  const markdown = renderMemoryByNode([
    run('v24.22.3', { gateway: 350.3, organizations: 221.3, campaigns: 304, awards: 212.1 }),
    run('v22.23.5', { gateway: 336, organizations: 235, campaigns: 277, awards: 182 }, 2),
  ]);
  expect(markdown).toContain('| process | Node v24.22.3 | Node v22.23.5 |');
  expect(markdown).toContain('| gateway | 350.3 ≤ 400 ✓ | 336 ≤ 400 ✓ |');
  expect(markdown).toContain('| campaigns | 304 ≤ 300 ✗ | 277 ≤ 300 ✓ |');
  expect(markdown).toContain('| awards | 212.1 ≤ 300 ✓ | 182 ≤ 300 ✓ |');
  expect(markdown).toContain('Requests failed in the run on Node v22.23.5');
});
