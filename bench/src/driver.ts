/**
 * A closed-loop load driver: N workers, each on its own keep-alive connection, each sending its next
 * request as soon as the previous answer is read. Warm-up first (not recorded), then the measured
 * window. Every answer is checked: HTTP 200, JSON, no `errors`; anything else is counted as an error
 * with its code, and a few samples are kept for the report.
 */
import http from 'node:http';

export interface RequestSpec {
  /** Label of the request kind (for the mixed workload's breakdown). */
  kind: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  /**
   * Paths (dotted, list indexes dropped) under which a FORBIDDEN error is the expected answer for this
   * caller: a withheld field is null with FORBIDDEN on its path (the public's view of a pledge's
   * progress). Any other error still counts.
   */
  withheld?: string[];
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Stats {
  /** Gateway: extensions.stats.subgraphCalls; direct: the one subgraph. */
  subgraphCalls: string[];
  /** SQL statements per subgraph as reported to the gateway (or by the subgraph's header, direct). */
  sqlStatements: Record<string, number>;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  errorCodes: Record<string, number>;
  errorSamples: string[];
  latencyMs: LatencySummary;
  byKind: Record<string, { requests: number; errors: number; latencyMs: LatencySummary }>;
  /** Answers by their `x-tdkt-cache` header (hit, miss, bypass); empty when the gateway sends none. */
  cache: Record<string, number>;
  /** Averages per request over the answers that carried stats. */
  perRequest: {
    subgraphCalls: number;
    callsBySubgraph: Record<string, number>;
    sqlStatements: Record<string, number>;
    sqlTotal: number;
  } | null;
}

export interface LoadOptions {
  connections: number;
  warmupMs: number;
  durationMs: number;
  next(worker: number, sequence: number): RequestSpec;
  /** Stats of one answer (already known to be free of errors), or null if it carries none. */
  stats(answer: Answer, spec: RequestSpec): Stats | null;
  /** Called at the start of the measured window (after warm-up). */
  onMeasureStart?(): void | Promise<void>;
}

export function summarize(latencies: number[]): LatencySummary {
  if (latencies.length === 0) return { count: 0, p50: 0, p95: 0, p99: 0, mean: 0, max: 0 };
  const sorted = Float64Array.from(latencies).sort();
  // Nearest-rank percentile.
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    count: sorted.length,
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / sorted.length),
    max: round(sorted[sorted.length - 1]!),
  };
}

function send(agent: http.Agent, spec: RequestSpec): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      spec.url,
      {
        method: 'POST',
        agent,
        headers: {
          ...spec.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(spec.body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(60_000, () => request.destroy(new Error('no answer within 60 s')));
    request.on('error', reject);
    request.end(spec.body);
  });
}

const dotted = (path: unknown[] | undefined) => (path ?? []).filter((part) => typeof part === 'string').join('.');

/** The error code of a failed answer, or null for a clean one (expected withheld fields aside). */
export function problemOf(answer: Answer, withheld: string[] = []): { code: string; message: string } | null {
  if (answer.status !== 200) {
    let code = `HTTP_${answer.status}`;
    try {
      const parsed = JSON.parse(answer.body) as { errors?: { extensions?: { code?: string } }[] };
      code = `HTTP_${answer.status}:${parsed.errors?.[0]?.extensions?.code ?? '?'}`;
    } catch {
      // not JSON
    }
    return { code, message: answer.body.slice(0, 300) };
  }
  // Cheap test first: most answers have no "errors" key at all.
  if (!answer.body.includes('"errors"')) return null;
  try {
    const parsed = JSON.parse(answer.body) as {
      errors?: { message?: string; path?: unknown[]; extensions?: { code?: string; serviceName?: string } }[];
    };
    const first = parsed.errors?.find(
      (error) =>
        !(
          error.extensions?.code === 'FORBIDDEN' &&
          withheld.some((prefix) => dotted(error.path) === prefix || dotted(error.path).startsWith(`${prefix}.`))
        ),
    );
    if (!first) return null;
    return {
      code: String(first.extensions?.code ?? 'UNKNOWN'),
      message:
        `${first.message ?? ''} (path ${JSON.stringify(first.path ?? [])}${first.extensions?.serviceName ? `, ${first.extensions.serviceName}` : ''})`.slice(
          0,
          300,
        ),
    };
  } catch {
    return { code: 'INVALID_JSON', message: answer.body.slice(0, 300) };
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.connections,
    maxFreeSockets: options.connections,
    keepAliveMsecs: 1000,
  });
  let sequence = 0;
  const latencies: number[] = [];
  const kinds = new Map<string, { latencies: number[]; errors: number }>();
  const errorCodes: Record<string, number> = {};
  const errorSamples: string[] = [];
  const cache: Record<string, number> = {};
  let errors = 0;
  let withStats = 0;
  const calls: Record<string, number> = {};
  const sql: Record<string, number> = {};
  let callCount = 0;

  const loop = async (worker: number, until: number, record: boolean) => {
    while (Date.now() < until) {
      const spec = options.next(worker, sequence++);
      const started = process.hrtime.bigint();
      let answer: Answer;
      try {
        answer = await send(agent, spec);
      } catch (error) {
        answer = { status: 0, headers: {}, body: String(error instanceof Error ? error.message : error) };
      }
      const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
      if (!record) continue;
      const problem =
        answer.status === 0 ? { code: 'NETWORK', message: answer.body } : problemOf(answer, spec.withheld);
      const cacheStatus = answer.headers['x-tdkt-cache'];
      if (typeof cacheStatus === 'string') cache[cacheStatus] = (cache[cacheStatus] ?? 0) + 1;
      let kind = kinds.get(spec.kind);
      if (!kind) kinds.set(spec.kind, (kind = { latencies: [], errors: 0 }));
      latencies.push(elapsed);
      kind.latencies.push(elapsed);
      if (problem) {
        errors += 1;
        kind.errors += 1;
        errorCodes[problem.code] = (errorCodes[problem.code] ?? 0) + 1;
        const sample = `${spec.kind}: ${problem.code} ${problem.message}`;
        if (errorSamples.length < 5 && !errorSamples.includes(sample)) errorSamples.push(sample);
        continue;
      }
      const stats = options.stats(answer, spec);
      if (stats) {
        withStats += 1;
        callCount += stats.subgraphCalls.length;
        for (const subgraph of stats.subgraphCalls) calls[subgraph] = (calls[subgraph] ?? 0) + 1;
        for (const [subgraph, count] of Object.entries(stats.sqlStatements))
          sql[subgraph] = (sql[subgraph] ?? 0) + count;
      }
    }
  };

  const workers = Array.from({ length: options.connections }, (_, index) => index);
  if (options.warmupMs > 0) {
    const until = Date.now() + options.warmupMs;
    await Promise.all(workers.map((worker) => loop(worker, until, false)));
  }
  await options.onMeasureStart?.();
  // The measured window counts from 0 again: a workload whose first request matters (the mixed deck
  // starts with a write) sends it first in the window, however many requests the warm-up made.
  sequence = 0;
  const started = Date.now();
  await Promise.all(workers.map((worker) => loop(worker, started + options.durationMs, true)));
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();

  const average = (record: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(record).map(([key, value]) => [key, Math.round((value / withStats) * 100) / 100]),
    );
  const sqlPerRequest = average(sql);
  return {
    seconds: Math.round(seconds * 100) / 100,
    requests: latencies.length,
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    errors,
    errorCodes,
    errorSamples,
    latencyMs: summarize(latencies),
    byKind: Object.fromEntries(
      [...kinds].map(([name, kind]) => [
        name,
        { requests: kind.latencies.length, errors: kind.errors, latencyMs: summarize(kind.latencies) },
      ]),
    ),
    cache,
    perRequest: withStats
      ? {
          subgraphCalls: Math.round((callCount / withStats) * 100) / 100,
          callsBySubgraph: average(calls),
          sqlStatements: sqlPerRequest,
          sqlTotal: Math.round(Object.values(sqlPerRequest).reduce((sum, value) => sum + value, 0) * 100) / 100,
        }
      : null,
  };
}
