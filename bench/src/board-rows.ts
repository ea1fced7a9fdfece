/**
 * The BlocBoard rows on the bench's own boards (boards.ts): the 20-member board as the Central Board
 * and as the public with the gateway's response cache on and off, each at several connection counts;
 * the 3- and 30-member boards as the Central Board, to see whether a board's cost grows with its
 * members: at the comparison's connection count (throughput-bound: it tracks the CPU a board costs)
 * and one request at a time (the 20-member board too: each request's own latency). Each row:
 * requests/s, latencies, gateway → subgraph fetches, SQL statements and CPU milliseconds per request
 * summed over every process of the platform (gateways, subgraphs, PostgreSQL), against the read
 * path's targets.
 */
import type { Board } from './boards.js';
import type { Answer, LoadResult, RequestSpec, Stats } from './driver.js';
import type { PhaseResult } from './run.js';

/** The read path's targets for one BlocBoard request. */
export const BOARD_TARGETS = {
  fetches: 3,
  sqlStatements: 8,
  cpuMs: 12,
  /** p50 of the 30-member board / p50 of the 3-member board. */
  sizeRatio: 1.2,
} as const;

/** Fields the public is shown as null with FORBIDDEN (the bloc's progress is for its members and the Board). */
export const PUBLIC_BOARD_WITHHELD = ['bloc.pledge.progress'];

export interface BoardTotals {
  /** Gateway → subgraph fetches per request. */
  fetches: number;
  /** Subgraph → subgraph reads per request. */
  internalCalls: number;
  sqlStatements: number;
  /** CPU per request over the gateways, the subgraphs and PostgreSQL (the bench's own excluded). */
  cpuMs: number;
  targets: { fetches: boolean; sqlStatements: boolean; cpuMs: boolean };
}

export interface BoardRow {
  name: string;
  members: number;
  bloc: string;
  year: number;
  caller: 'central' | 'public';
  /** The gateway's response cache setting for this row (null: the main gateway, whatever it is set to). */
  cache: 'on' | 'off' | null;
  connections: number;
  gateway: PhaseResult;
  totals: BoardTotals;
}

export interface BoardComparison {
  /** Connections of both rows. */
  connections: number;
  small: { members: number; p50: number };
  large: { members: number; p50: number };
  ratio: number;
  target: number;
  met: boolean;
}

/**
 * The same comparison with one request at a time (1 connection): the p50 is then one request's own
 * latency, not the queueing of a throughput-bound run (at 10 connections the ratio tracks the CPU a
 * board costs). The main board's p50 too, to see how the latency grows between the two.
 */
export interface SequentialComparison extends BoardComparison {
  main: { members: number; p50: number };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** Per-request totals of a measured phase and whether they meet the targets. */
export function boardTotals(phase: PhaseResult): BoardTotals {
  const c = phase.costs;
  const fetches = Object.values(c.gatewayFetches).reduce((sum, fetch) => sum + fetch.calls, 0);
  const served = Object.values(c.subgraphs).reduce((sum, costs) => sum + costs.requests, 0);
  const sqlStatements = Object.values(c.subgraphs).reduce((sum, costs) => sum + costs.sqlStatements, 0);
  const cpuMs = Object.entries(c.cpuMsPerRequest)
    .filter(([process]) => process !== 'bench')
    .reduce((sum, [, value]) => sum + value, 0);
  const ok = phase.errors === 0 && phase.requests > 0;
  return {
    fetches: round(fetches),
    internalCalls: round(Math.max(0, served - fetches)),
    sqlStatements: round(sqlStatements),
    cpuMs: round(cpuMs),
    targets: {
      fetches: ok && fetches <= BOARD_TARGETS.fetches,
      sqlStatements: ok && sqlStatements <= BOARD_TARGETS.sqlStatements,
      cpuMs: ok && cpuMs <= BOARD_TARGETS.cpuMs,
    },
  };
}

export interface BoardRowOptions {
  /** The boards in the order small, main (the rows at each connection count), large. */
  boards: Board[];
  /** The BlocBoard document. */
  document: string;
  /** Connection counts of the 20-member rows. */
  connections: number[];
  /** Connections of the 3- vs 30-member comparison. */
  comparisonConnections: number;
  /** The small, main and large boards once more one request at a time (default true). */
  sequential?: boolean;
  /** Gateway URLs: the main one (cache as configured, on by default) and the one with the cache off. */
  gatewayUrl: URL;
  cacheOffUrl: URL | null;
  /** The main gateway's cache setting (on unless --env turned it off). */
  mainCache: 'on' | 'off';
  centralToken: string;
  measure(
    label: string,
    run: (hooks: { onMeasureStart: () => Promise<void> }) => Promise<LoadResult>,
  ): Promise<PhaseResult>;
  load(options: {
    connections: number;
    /** Overrides the run's warm-up (the rows at 1 connection follow rows on the same boards: warm). */
    warmupMs?: number;
    onMeasureStart: () => Promise<void>;
    next: (worker: number, sequence: number) => RequestSpec;
    stats: (answer: Answer) => Stats | null;
  }): Promise<LoadResult>;
  stats(answer: Answer): Stats | null;
}

export async function measureBoardRows(
  options: BoardRowOptions,
): Promise<{ rows: BoardRow[]; comparison: BoardComparison | null; sequential: SequentialComparison | null }> {
  const rows: BoardRow[] = [];
  const [small, main, large] = options.boards;
  const row = async (
    board: Board,
    caller: BoardRow['caller'],
    cache: BoardRow['cache'],
    connections: number,
    url = options.gatewayUrl,
    warm = false,
  ): Promise<void> => {
    const name = `BlocBoard ${board.size} members · ${caller === 'central' ? 'Central Board' : `public, cache ${cache}`} · ${connections} conn`;
    const body = JSON.stringify({
      query: options.document,
      operationName: 'BlocBoard',
      variables: { code: board.code, year: board.year },
    });
    // The public sends what a browser sends: no stats header, so nothing about the request tells the
    // cache to step aside. Its counts come from the processes' own counters, as every row's do.
    const headers: Record<string, string> =
      caller === 'central' ? { 'x-tdkt-stats': '1', authorization: `Bearer ${options.centralToken}` } : {};
    const gateway = await options.measure(name, (hooks) =>
      options.load({
        connections,
        ...(warm ? { warmupMs: 0 } : {}),
        ...hooks,
        next: (): RequestSpec => ({
          kind: name,
          url,
          headers,
          body,
          ...(caller === 'public' ? { withheld: PUBLIC_BOARD_WITHHELD } : {}),
        }),
        stats: options.stats,
      }),
    );
    rows.push({
      name,
      members: board.size,
      bloc: board.code,
      year: board.year,
      caller,
      cache,
      connections,
      gateway,
      totals: boardTotals(gateway),
    });
  };

  if (main) {
    for (const connections of options.connections) {
      await row(main, 'central', null, connections);
      await row(main, 'public', options.mainCache, connections);
      if (options.cacheOffUrl) await row(main, 'public', 'off', connections, options.cacheOffUrl);
    }
  }
  const compare = (a: PhaseResult, b: PhaseResult, connections: number): BoardComparison => {
    const ratio = a.latencyMs.p50 > 0 ? round(b.latencyMs.p50 / a.latencyMs.p50) : 0;
    return {
      connections,
      small: { members: small!.size, p50: a.latencyMs.p50 },
      large: { members: large!.size, p50: b.latencyMs.p50 },
      ratio,
      target: BOARD_TARGETS.sizeRatio,
      met: a.errors === 0 && b.errors === 0 && ratio > 0 && ratio <= BOARD_TARGETS.sizeRatio,
    };
  };
  let comparison: BoardComparison | null = null;
  let sequential: SequentialComparison | null = null;
  if (small && large) {
    await row(small, 'central', null, options.comparisonConnections);
    await row(large, 'central', null, options.comparisonConnections);
    const [a, b] = rows.slice(-2).map((entry) => entry.gateway);
    comparison = compare(a!, b!, options.comparisonConnections);
    if (options.sequential !== false && main) {
      // The three boards were just measured: warm already, no warm-up of their own.
      await row(small, 'central', null, 1, options.gatewayUrl, true);
      await row(main, 'central', null, 1, options.gatewayUrl, true);
      await row(large, 'central', null, 1, options.gatewayUrl, true);
      const [s, m, l] = rows.slice(-3).map((entry) => entry.gateway);
      sequential = { ...compare(s!, l!, 1), main: { members: main.size, p50: m!.latencyMs.p50 } };
    }
  }
  return { rows, comparison, sequential };
}
