/** The bench result as markdown: one table of operations, one of where the time goes, one of memory. */
import { SUBGRAPH_NAMES } from '@tdkt/platform';
import { BOARD_TARGETS, boardTotals, type BoardTotals } from './board-rows.js';
import type { BenchResult, PhaseResult, ScenarioResult } from './run.js';

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function sqlCell(phase: PhaseResult): string {
  // Every statement the request caused, in every subgraph (internal subgraph-to-subgraph calls
  // included), from the subgraphs' own counters.
  const entries = Object.entries(phase.costs.subgraphs).filter(([, costs]) => costs.sqlStatements > 0);
  return entries.length ? entries.map(([name, costs]) => `${name[0]}:${costs.sqlStatements}`).join(' ') : '0';
}

function callsCell(phase: PhaseResult): string {
  const gateway = Object.values(phase.costs.gatewayFetches).reduce((sum, fetch) => sum + fetch.calls, 0);
  const served = Object.values(phase.costs.subgraphs).reduce((sum, costs) => sum + costs.requests, 0);
  const internal = Math.max(0, served - gateway);
  const round = (value: number) => Math.round(value * 100) / 100;
  return internal > 0.005 ? `${round(gateway)} + ${round(internal)} internal` : `${round(gateway)}`;
}

function targetCell(result: ScenarioResult): string {
  const parts: string[] = [];
  const mark = (ok: boolean) => (ok && result.gateway.errors === 0 ? '✓' : '✗');
  if (result.target.p50Ms !== undefined)
    parts.push(`p50 ≤ ${result.target.p50Ms} ${mark(result.gateway.latencyMs.p50 <= result.target.p50Ms)}`);
  if (result.target.gatewayRatio !== undefined && result.ratio !== null)
    parts.push(`ratio ≤ ${result.target.gatewayRatio} ${mark(result.ratio <= result.target.gatewayRatio)}`);
  return parts.length ? parts.join(', ') : '—';
}

const tick = (ok: boolean) => (ok ? '✓' : '✗');

function totalsCells(totals: BoardTotals, phase: PhaseResult): string {
  // The totals, then by subgraph (o = organizations, c = campaigns, a = awards).
  const fetches = Object.entries(phase.costs.gatewayFetches)
    .map(([subgraph, fetch]) => `${subgraph[0]}:${Math.round(fetch.calls * 100) / 100}`)
    .join(' ');
  return (
    `${totals.fetches}${totals.internalCalls > 0.005 ? ` + ${totals.internalCalls} internal` : ''} ${tick(totals.targets.fetches)}${fetches ? ` (${fetches})` : ''} | ` +
    `${totals.sqlStatements} ${tick(totals.targets.sqlStatements)} (${sqlCell(phase)}) | ${ms(totals.cpuMs)} ${tick(totals.targets.cpuMs)}`
  );
}

function cacheCell(phase: PhaseResult): string {
  const entries = Object.entries(phase.cache ?? {});
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  return total ? entries.map(([status, count]) => `${status} ${Math.round((count / total) * 100)} %`).join(', ') : '—';
}

/** BlocBoard against the read path's targets: the dataset's boards, then the bench's own boards. */
function renderBoards(result: BenchResult): string[] {
  const lines: string[] = [];
  const dataset = result.scenarios.find((scenario) => scenario.name === 'BlocBoard');
  if (!dataset && !result.boards) return lines;
  lines.push(
    `BlocBoard against the read path's targets: gateway → subgraph fetches ≤ ${BOARD_TARGETS.fetches}, SQL statements ≤ ${BOARD_TARGETS.sqlStatements} and CPU ≤ ${BOARD_TARGETS.cpuMs} ms per request, summed over every process (gateways, subgraphs, PostgreSQL; the bench excluded), from the processes' own counters. The bench's boards (\`BENCH_BOARD_<n>\`, made through the API) have one shape: 6 items, every member signed, 8 progress reports per member, ranked, every other member with a grant of the year. The public is shown the board without its progress (null with FORBIDDEN, expected); "cache" counts the gateway's \`x-tdkt-cache\` answers (— : the gateway sent none).`,
  );
  lines.push('');
  lines.push('| row | conn | req/s | p50 | p95 | errors | fetches/op | SQL/op | CPU ms/op | cache |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |');
  const line = (name: string, connections: number, phase: PhaseResult, totals: BoardTotals) =>
    lines.push(
      `| ${name} | ${connections} | ${phase.requestsPerSecond} | ${ms(phase.latencyMs.p50)} | ${ms(phase.latencyMs.p95)} | ${phase.errors ? `**${phase.errors}**` : 0} | ${totalsCells(totals, phase)} | ${cacheCell(phase)} |`,
    );
  if (dataset)
    line(
      "BlocBoard · the dataset's boards · Central Board",
      result.options.connections,
      dataset.gateway,
      boardTotals(dataset.gateway),
    );
  for (const row of result.boards?.rows ?? [])
    line(row.name.replace(/ · \d+ conn$/, ''), row.connections, row.gateway, row.totals);
  lines.push('');
  const comparison = result.boards?.comparison;
  if (comparison)
    lines.push(
      `A ${comparison.large.members}-member board's p50 ${ms(comparison.large.p50)} ms vs a ${comparison.small.members}-member board's ${ms(comparison.small.p50)} ms at ${comparison.connections} connections (throughput-bound: tracks the CPU a board costs): ${comparison.ratio}× (target ≤ ${comparison.target}× ${tick(comparison.met)}).`,
      '',
    );
  const sequential = result.boards?.sequential;
  if (sequential)
    lines.push(
      `One request at a time (1 connection, each request's own latency): p50 ${ms(sequential.small.p50)} ms (${sequential.small.members} members), ${ms(sequential.main.p50)} ms (${sequential.main.members}), ${ms(sequential.large.p50)} ms (${sequential.large.members}): ${sequential.large.members} vs ${sequential.small.members} members ${sequential.ratio}× (target ≤ ${sequential.target}× ${tick(sequential.met)}).`,
      '',
    );
  if (result.boards?.removed !== null && result.boards?.removed !== undefined)
    lines.push(`The bench's boards were removed afterwards (${result.boards.removed} rows).`, '');
  return lines;
}

export function renderMarkdown(result: BenchResult): string {
  const lines: string[] = [];
  lines.push(`# Bench: ${result.dataset} dataset, ${result.options.connections} connections`);
  lines.push('');
  lines.push(
    `${result.startedAt} · ${result.machine.cpus} × ${result.machine.cpuModel} · ${result.machine.memoryMb} MB · Node ${result.machine.node} · ` +
      `${result.options.warmupSeconds} s warm-up + ${result.options.durationSeconds} s per row · LOG_LEVEL=${result.options.logLevel}` +
      (flagsOf(result).length ? ` · node ${flagsOf(result).join(' ')}` : '') +
      Object.entries(result.options.env)
        .map(([name, value]) => ` · ${name}=${value}`)
        .join('') +
      (result.options.root ? ` · platform from ${result.options.root}` : '') +
      (result.machine.platformNode && result.machine.platformNode !== `${result.machine.node}`
        ? ` · platform on Node ${result.machine.platformNode} (${result.machine.platformNodePath})`
        : ''),
  );
  lines.push('');
  lines.push(
    'Latencies in ms, closed loop through the gateway. SQL/op: statements per operation in each subgraph (o = organizations, c = campaigns, a = awards), internal subgraph-to-subgraph reads included. Calls/op: gateway → subgraph fetches, plus subgraph → subgraph reads. Direct p50: the root fetch of the query plan sent straight to its subgraph with an internal token; ratio = gateway p50 / direct p50.',
  );
  lines.push('');
  lines.push('| operation | req/s | p50 | p95 | p99 | errors | SQL/op | calls/op | direct p50 | ratio | target |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |');
  for (const row of result.scenarios) {
    const g = row.gateway;
    lines.push(
      `| ${row.name} | ${g.requestsPerSecond} | ${ms(g.latencyMs.p50)} | ${ms(g.latencyMs.p95)} | ${ms(g.latencyMs.p99)} | ${g.errors ? `**${g.errors}**` : 0} | ${sqlCell(g)} | ${callsCell(g)} | ` +
        `${row.direct ? `${ms(row.direct.latencyMs.p50)} (${row.direct.subgraph}${row.plan.length > 1 ? ', root' : ''})` : '—'} | ${row.ratio ?? '—'} | ${targetCell(row)} |`,
    );
  }
  if (result.mixed) {
    const m = result.mixed;
    lines.push(
      `| **Mixed** (90 % reads, 10 % writes) | ${m.requestsPerSecond} | ${ms(m.latencyMs.p50)} | ${ms(m.latencyMs.p95)} | ${ms(m.latencyMs.p99)} | ${m.errors ? `**${m.errors}**` : 0} | ${sqlCell(m)} | ${callsCell(m)} | — | — | — |`,
    );
    for (const [kind, entry] of Object.entries(m.byKind)) {
      lines.push(
        `| &nbsp;&nbsp;↳ ${kind} | ${Math.round((entry.requests / m.seconds) * 10) / 10} | ${ms(entry.latencyMs.p50)} | ${ms(entry.latencyMs.p95)} | ${ms(entry.latencyMs.p99)} | ${entry.errors ? `**${entry.errors}**` : 0} | | | | | |`,
      );
    }
  }
  lines.push('');
  if (result.errors > 0) {
    lines.push(`**${result.errors} requests failed: the numbers of those rows are not valid.** Samples:`);
    lines.push('');
    const samples = new Set<string>();
    for (const row of [
      ...result.scenarios.flatMap((entry) => [entry.gateway, ...(entry.direct ? [entry.direct] : [])]),
      ...(result.mixed ? [result.mixed] : []),
    ]) {
      for (const sample of row.errorSamples) samples.add(sample);
    }
    for (const sample of [...samples].slice(0, 8)) lines.push(`- ${sample}`);
    lines.push('');
  }

  lines.push(
    "Where the time goes (means per operation through the gateway): the gateway's own duration, the time it waited on each subgraph (sum over its calls), CPU per operation of each process, and how many cores the platform and the bench kept busy (other: processes outside the bench, e.g. a test run, which make the row pessimistic).",
  );
  lines.push('');
  lines.push(
    `| operation | gateway ms | waits on subgraphs (ms) | CPU ms/op: gateway · ${SUBGRAPH_NAMES.join(' · ')} · postgres · bench | cores busy | other | DB pool busy/max (waiting), mean |`,
  );
  lines.push('| --- | ---: | --- | --- | ---: | ---: | --- |');
  const costRow = (name: string, phase: PhaseResult) => {
    const c = phase.costs;
    const waits = Object.entries(c.gatewayFetches)
      .map(([subgraph, fetch]) => `${subgraph[0]}:${ms(fetch.waitMs)}`)
      .join(' ');
    const cpu = ['gateway', ...SUBGRAPH_NAMES, 'postgres', 'bench']
      .map((process) => ms(c.cpuMsPerRequest[process] ?? 0))
      .join(' · ');
    const pools = Object.entries(c.pools ?? {})
      .filter(([subgraph]) => c.subgraphs[subgraph])
      .map(
        ([subgraph, pool]) =>
          `${subgraph[0]}:${pool.busyMean}/${pool.max}${pool.waitingMean > 0 ? ` (${pool.waitingMean})` : ''}`,
      )
      .join(' ');
    lines.push(
      `| ${name} | ${c.gatewayMs === null ? '—' : ms(c.gatewayMs)} | ${waits || '—'} | ${cpu} | ${c.coresBusy} | ${c.otherCoresBusy} | ${pools || '—'} |`,
    );
  };
  for (const row of result.scenarios) {
    costRow(row.name, row.gateway);
    if (row.direct) costRow(`↳ direct to ${row.direct.subgraph}`, row.direct);
  }
  for (const row of result.boards?.rows ?? []) costRow(row.name, row.gateway);
  if (result.mixed) costRow('Mixed', result.mixed);
  lines.push('');

  lines.push(
    'Database time (sampled every 100 ms from pg_stat_activity): the statements running most often during each row, with the mean number of backends running them.',
  );
  lines.push('');
  lines.push('| operation | statements |');
  lines.push('| --- | --- |');
  const hotRow = (name: string, phase: PhaseResult) => {
    const spots = (phase.costs.sqlHotSpots ?? [])
      .slice(0, 3)
      .map(
        (spot) => `${spot.share} × ${spot.database}: \`${spot.statement.replace(/\|/g, '\\|').replace(/`/g, "'")}\``,
      );
    lines.push(`| ${name} | ${spots.join('<br>') || '—'} |`);
  };
  for (const row of result.scenarios) hotRow(row.name, row.gateway);
  if (result.mixed) hotRow('Mixed', result.mixed);
  lines.push('');

  lines.push(...renderBoards(result));

  lines.push('| process | peak RSS (MB, polled during the run) | VmHWM (MB, whole life) | limit |');
  lines.push('| --- | ---: | ---: | --- |');
  for (const name of memoryRows(result)) {
    const limit = result.memory.limitsMb[name];
    const peak = result.memory.peakRssMb[name] ?? 0;
    lines.push(`| ${name} | ${peak} | ${result.memory.hwmMb[name] ?? '—'} | ${limitCell(peak, limit)} |`);
  }
  lines.push(
    `| postgres (postmaster + backends) | ${result.memory.peakRssMb['postgres'] ?? 0} RSS sum, ${result.memory.postgresPeakPssMb} PSS | — | — |`,
  );
  lines.push('');
  lines.push('Variables:');
  lines.push('');
  for (const scenario of result.workload.scenarios)
    lines.push(`- ${scenario.name} (${scenario.caller}): ${scenario.description}`);
  if (result.workload.write)
    lines.push(
      `- Writes: reportPledgeProgress on ${result.workload.write.bloc} ${result.workload.write.year} by each member's ORG_OFFICER, ${result.workload.write.combinations} (member, item, period) rows, fresh Idempotency-Key each${result.benchWritesRemoved !== null ? `; ${result.benchWritesRemoved} reports removed afterwards` : ''}`,
    );
  for (const note of result.workload.notes) lines.push(`- Note: ${note}`);
  lines.push('');
  return lines.join('\n');
}

/** The node processes of the memory table: the gateways, then the subgraphs. */
function memoryRows(result: BenchResult): string[] {
  return [
    'gateway',
    ...Object.keys(result.memory.limitsMb).filter((name) => name.startsWith('gateway-')),
    ...SUBGRAPH_NAMES,
  ];
}

/** The flags the platform ran with (older results hold only the bench's --node-flag). */
const flagsOf = (result: BenchResult) => result.options.platformFlags ?? result.options.nodeFlags;

const limitCell = (peak: number, limit: number | undefined) =>
  limit ? `≤ ${limit} ${peak > 0 && peak <= limit ? '✓' : '✗'}` : '—';

/** The peak RSS of every process in runs of the same bench on different Node versions, side by side. */
export function renderMemoryByNode(results: BenchResult[]): string {
  const lines: string[] = [];
  const first = results[0]!;
  lines.push(`# Peak memory by Node version: ${first.dataset} dataset`);
  lines.push('');
  lines.push(
    `The same run once per Node, one after the other (${results.map((result) => `Node ${result.machine.platformNode}: ${result.startedAt}`).join('; ')}). Peak RSS in MB, polled during each run, against each process's limit.` +
      (flagsOf(first).length ? ` V8 flags: ${flagsOf(first).join(' ')}.` : ''),
  );
  lines.push('');
  lines.push(`| process | ${results.map((result) => `Node ${result.machine.platformNode}`).join(' | ')} |`);
  lines.push(`| --- | ${results.map(() => '---:').join(' | ')} |`);
  for (const name of memoryRows(first)) {
    const cells = results.map((result) => {
      const peak = result.memory.peakRssMb[name] ?? 0;
      return `${peak} ${limitCell(peak, result.memory.limitsMb[name])}`;
    });
    lines.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  lines.push(`| postgres (PSS) | ${results.map((result) => String(result.memory.postgresPeakPssMb)).join(' | ')} |`);
  lines.push('');
  const errors = results.filter((result) => result.errors > 0);
  if (errors.length)
    lines.push(
      `**Requests failed in the run on ${errors.map((result) => `Node ${result.machine.platformNode}`).join(', ')}: its numbers are not valid.**`,
      '',
    );
  return lines.join('\n');
}
