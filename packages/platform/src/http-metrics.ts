/**
 * The request metrics and request line that the gateway and every subgraph keep alike: Prometheus
 * series of requests, latency and errors by code, in a Registry of each app's own (several apps run in
 * one process in tests), and the observation of one `/graphql` request that feeds them.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** `client_error`: the caller's fault (4xx, or only client codes); `server_error`: ours (5xx, INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE). */
export type Outcome = 'success' | 'client_error' | 'server_error';

const SERVER_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
/** Distinct operation names kept as label values per app; any further name is counted as `(other)`. */
const MAX_OPERATION_LABELS = 200;
/** Variable names kept on a request line. */
const MAX_VARIABLE_NAMES = 50;
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function outcomeOf(status: number, errorCodes: readonly string[]): Outcome {
  if (status >= 500 || errorCodes.some((code) => SERVER_CODES.has(code))) return 'server_error';
  if (status >= 400 || errorCodes.length > 0) return 'client_error';
  return 'success';
}

/** A client-chosen name (operation, variable) as it may appear on a line: valid, or `(invalid)`. */
export function graphqlName(name: string | null | undefined): string | null {
  if (!name) return null;
  return GRAPHQL_NAME.test(name) ? name : '(invalid)';
}

/** The `extensions.code` of each error, `UNKNOWN` for anything that is not a code. */
export function errorCodesOf(errors: readonly { extensions?: Record<string, unknown> }[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const code = String(error.extensions?.['code'] ?? '');
    return ERROR_CODE.test(code) ? code : 'UNKNOWN';
  });
}

/**
 * The code of a response written outside GraphQL (refused token, body too large, …). A subgraph also
 * answers unknown paths with NOT_FOUND; the gateway's unknown paths belong to the dashboard.
 */
export function codeForStatus(status: number, options: { notFound?: boolean } = {}): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (options.notFound && status === 404) return 'NOT_FOUND';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

/** What one `/graphql` request did, filled in as it goes through the middleware and Apollo. */
export interface RequestObservation {
  started: bigint;
  /** Set once Apollo saw the request (it was authenticated and its body parsed). */
  graphql: boolean;
  operation: string | null;
  operationType: string | null;
  errorCodes: string[];
  variableNames: string[];
}

export function startObservation(): RequestObservation {
  return {
    started: process.hrtime.bigint(),
    graphql: false,
    operation: null,
    operationType: null,
    errorCodes: [],
    variableNames: [],
  };
}

/** Apollo received the request: its operation name and the NAMES of its variables (never values). */
export function observeGraphQLRequest(
  observation: RequestObservation,
  request: { operationName?: string | null; variables?: Record<string, unknown> | null },
): void {
  observation.graphql = true;
  observation.operation = graphqlName(request.operationName);
  observation.variableNames = Object.keys(request.variables ?? {})
    .slice(0, MAX_VARIABLE_NAMES)
    .map((name) => graphqlName(name) ?? '(invalid)');
}

/** How a request ended, as the metrics and the request line report it. */
export interface FinishedRequest {
  seconds: number;
  /** The response status; 499 when the client went away first. */
  status: number;
  aborted: boolean;
  errorCodes: string[];
  outcome: Outcome;
  durationMs: number;
}

export function finishObservation(
  observation: RequestObservation,
  response: { writableFinished: boolean; statusCode: number },
  options: { notFound?: boolean } = {},
): FinishedRequest {
  const seconds = Number(process.hrtime.bigint() - observation.started) / 1e9;
  const aborted = !response.writableFinished;
  const status = aborted ? 499 : response.statusCode;
  const errorCodes =
    observation.graphql || aborted || status < 400 ? observation.errorCodes : [codeForStatus(status, options)];
  const outcome = outcomeOf(status, errorCodes);
  return { seconds, status, aborted, errorCodes, outcome, durationMs: Math.round(seconds * 10_000) / 10 };
}

/** Label of an operation: bounded, so client-chosen names cannot grow the series without limit. */
export function operationLabeller(): (observation: Pick<RequestObservation, 'graphql' | 'operation'>) => string {
  const seen = new Set<string>();
  return ({ graphql, operation }) => {
    if (!graphql) return '(none)';
    if (!operation) return '(anonymous)';
    if (seen.has(operation) || operation === '(invalid)') return operation;
    if (seen.size >= MAX_OPERATION_LABELS) return '(other)';
    seen.add(operation);
    return operation;
  };
}

export interface MetricsRegistryOptions {
  /** Labels on every series (a subgraph's name). */
  defaultLabels?: Record<string, string>;
  /** Node.js process metrics (CPU, memory, event loop, GC). Default true. */
  processMetrics?: boolean;
}

export function createMetricsRegistry(options: MetricsRegistryOptions = {}): Registry {
  const registry = new Registry();
  if (options.defaultLabels) registry.setDefaultLabels(options.defaultLabels);
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  return registry;
}

export interface RequestMetricsOptions {
  registry: Registry;
  /** `tdkt_gateway` or `tdkt_subgraph`: the series are `<prefix>_requests_total`, … */
  prefix: string;
  /** The help text of `<prefix>_errors_total`. */
  errorsHelp: string;
}

export interface RequestMetrics {
  requests: Counter<'operation' | 'outcome'>;
  duration: Histogram<'operation' | 'outcome'>;
  errors: Counter<'code'>;
  /** Counts and times one finished request under its operation label. */
  record(operation: string, finished: FinishedRequest): void;
}

export function createRequestMetrics(options: RequestMetricsOptions): RequestMetrics {
  const registers = [options.registry];
  const requests = new Counter({
    name: `${options.prefix}_requests_total`,
    help: 'GraphQL requests served, by operation name and outcome (success, client_error, server_error)',
    labelNames: ['operation', 'outcome'] as const,
    registers,
  });
  const duration = new Histogram({
    name: `${options.prefix}_request_duration_seconds`,
    help: 'Time from receiving a GraphQL request to the end of its response, by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers,
  });
  const errors = new Counter({
    name: `${options.prefix}_errors_total`,
    help: options.errorsHelp,
    labelNames: ['code'] as const,
    registers,
  });
  return {
    requests,
    duration,
    errors,
    record(operation, finished) {
      const labels = { operation, outcome: finished.outcome };
      requests.inc(labels);
      duration.observe(labels, finished.seconds);
      for (const code of finished.errorCodes) errors.inc({ code });
    },
  };
}

export { DURATION_BUCKETS as REQUEST_DURATION_BUCKETS };

/** `GET /metrics` in the Prometheus text format (express's response). */
export function metricsHandler(
  registry: Registry,
): (
  req: unknown,
  res: { setHeader(name: string, value: string): unknown; send(body: string): unknown },
) => Promise<void> {
  return async (_req, res) => {
    const text = await registry.metrics();
    res.setHeader('content-type', registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(text);
  };
}
