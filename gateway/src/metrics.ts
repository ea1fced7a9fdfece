/**
 * What the gateway tells its operators: a pino logger with one JSON line per `/graphql` request
 * (request id, method, operation, status, outcome, duration, error codes, variable NAMES, the
 * subgraph fetches it made) and Prometheus metrics for `GET /metrics`, in a Registry of each app's
 * own so that several gateways can run in one process (tests).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import pino, { type DestinationStream, type Logger } from 'pino';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GatewayContext } from './gateway.js';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS = new Set<string>(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

function configuredLevel(): string {
  const configured = process.env['LOG_LEVEL'] ?? (process.env['NODE_ENV'] === 'test' ? 'warn' : 'info');
  return LEVELS.has(configured) ? configured : 'info';
}

let stdout: DestinationStream | undefined;
let destination: DestinationStream | undefined;

const router: DestinationStream = {
  write(line: string) {
    (destination ?? (stdout ??= pino.destination({ dest: 1, sync: false }))).write(line);
  },
};

/** The gateway's JSON logger (level from LOG_LEVEL; `warn` by default when NODE_ENV=test). */
export const logger: Logger = pino(
  {
    level: configuredLevel(),
    base: { pid: process.pid, service: 'gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Defence in depth: these keys never reach a line, whoever passes them.
    redact: {
      paths: ['authorization', 'token', 'internalToken', 'password', 'variables', '*.authorization', '*.token', '*.internalToken', '*.password'],
      censor: '[redacted]',
    },
  },
  router,
);

/** For tests: send every gateway line to `stream` at `level`, or, with no stream, back to stdout. */
export function setLogDestination(stream?: DestinationStream, level?: Level): void {
  destination = stream;
  logger.level = stream && level ? level : configuredLevel();
}

/** `client_error`: the caller's fault (4xx, or only client codes); `server_error`: ours or a subgraph's. */
export type Outcome = 'success' | 'client_error' | 'server_error';
/** Of one gateway → subgraph fetch: `http_4xx` / `http_5xx` by the subgraph's status. */
export type FetchOutcome = 'success' | 'http_4xx' | 'http_5xx' | 'timeout' | 'network_error';

const SERVER_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
/** Distinct operation names kept as label values; any further name is counted as `(other)`. */
const MAX_OPERATION_LABELS = 200;

function outcomeOf(status: number, errorCodes: readonly string[]): Outcome {
  if (status >= 500 || errorCodes.some((code) => SERVER_CODES.has(code))) return 'server_error';
  if (status >= 400 || errorCodes.length > 0) return 'client_error';
  return 'success';
}

function graphqlName(name: string | null | undefined): string | null {
  if (!name) return null;
  return GRAPHQL_NAME.test(name) ? name : '(invalid)';
}

/** The code of a response written outside GraphQL (refused token, body too large, …). */
function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

interface SubgraphFetch {
  subgraph: string;
  outcome: FetchOutcome;
  ms: number;
}

interface Observation {
  started: bigint;
  graphql: boolean;
  operation: string | null;
  operationType: string | null;
  errorCodes: string[];
  variableNames: string[];
  role: string | null;
  fetches: SubgraphFetch[];
}

type Fetcher = (url: string, init: RequestInit) => Promise<globalThis.Response>;

export interface GatewayObservability {
  registry: Registry;
  /** First handler of `/graphql`: times the request and writes its line and series when it ends. */
  middleware(req: Request, res: Response, next: NextFunction): void;
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Wraps the subgraph fetcher of one subgraph: counts and times every call (retry included). */
  timedFetcher(subgraph: string, fetcher: Fetcher): Fetcher;
  metricsHandler(req: Request, res: Response): Promise<void>;
}

export function createGatewayObservability(options: { processMetrics?: boolean } = {}): GatewayObservability {
  const registry = new Registry();
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'tdkt_gateway_requests_total',
    help: 'GraphQL requests served, by operation name and outcome (success, client_error, server_error)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tdkt_gateway_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to the end of its response, by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'tdkt_gateway_errors_total',
    help: 'Errors returned to clients, by extensions.code (after masking)',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const fetches = new Counter({
    name: 'tdkt_gateway_subgraph_fetches_total',
    help: 'Gateway → subgraph HTTP calls, by subgraph and outcome (success, http_4xx, http_5xx, timeout, network_error)',
    labelNames: ['subgraph', 'outcome'] as const,
    registers: [registry],
  });
  const fetchDuration = new Histogram({
    name: 'tdkt_gateway_subgraph_fetch_duration_seconds',
    help: 'Time until a subgraph answered (response headers) or failed, by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const scope = new AsyncLocalStorage<Observation>();
  const seen = new Set<string>();
  const operationLabel = ({ graphql, operation }: Observation): string => {
    if (!graphql) return '(none)';
    if (!operation) return '(anonymous)';
    if (seen.has(operation) || operation === '(invalid)') return operation;
    if (seen.size >= MAX_OPERATION_LABELS) return '(other)';
    seen.add(operation);
    return operation;
  };

  const finish = (req: Request, res: Response, observation: Observation) => {
    const seconds = Number(process.hrtime.bigint() - observation.started) / 1e9;
    const aborted = !res.writableFinished;
    const status = aborted ? 499 : res.statusCode;
    const errorCodes = observation.graphql || aborted || status < 400 ? observation.errorCodes : [codeForStatus(status)];
    const outcome = outcomeOf(status, errorCodes);
    const labels = { operation: operationLabel(observation), outcome };
    requests.inc(labels);
    duration.observe(labels, seconds);
    for (const code of errorCodes) errors.inc({ code });
    logger[outcome === 'server_error' ? 'warn' : 'info'](
      {
        requestId: (res.locals['requestId'] as string | undefined) ?? null,
        method: req.method,
        operation: observation.operation,
        operationType: observation.operationType,
        status,
        outcome,
        durationMs: Math.round(seconds * 10_000) / 10,
        errorCodes,
        variableNames: observation.variableNames,
        callerRole: observation.role,
        subgraphFetches: observation.fetches,
        ...(aborted ? { aborted: true } : {}),
      },
      'request',
    );
  };

  return {
    registry,
    middleware(req, res, next) {
      const observation: Observation = {
        started: process.hrtime.bigint(),
        graphql: false,
        operation: null,
        operationType: null,
        errorCodes: [],
        variableNames: [],
        role: null,
        fetches: [],
      };
      res.once('close', () => finish(req, res, observation));
      scope.run(observation, next);
    },
    plugin: {
      async requestDidStart({ request, contextValue }) {
        const observation = scope.getStore();
        if (!observation) return;
        observation.graphql = true;
        observation.operation = graphqlName(request.operationName);
        observation.variableNames = Object.keys(request.variables ?? {}).slice(0, 50).map((name) => graphqlName(name) ?? '(invalid)');
        observation.role = contextValue.caller?.role ?? null;
        return {
          async didResolveOperation({ operationName, operation }) {
            observation.operation = graphqlName(operationName);
            observation.operationType = operation?.operation ?? null;
          },
          async willSendResponse({ response }) {
            const body = response.body;
            const list = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
            observation.errorCodes = (list ?? []).map((error) => {
              const code = String(error.extensions?.['code'] ?? '');
              return ERROR_CODE.test(code) ? code : 'UNKNOWN';
            });
          },
        };
      },
    },
    timedFetcher(subgraph, fetcher) {
      return async (url, init) => {
        const started = process.hrtime.bigint();
        let outcome: FetchOutcome = 'network_error';
        try {
          const response = await fetcher(url, init);
          outcome = response.status >= 500 ? 'http_5xx' : response.status >= 400 ? 'http_4xx' : 'success';
          return response;
        } catch (error) {
          if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) outcome = 'timeout';
          throw error;
        } finally {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          fetches.inc({ subgraph, outcome });
          fetchDuration.observe({ subgraph, outcome }, seconds);
          scope.getStore()?.fetches.push({ subgraph, outcome, ms: Math.round(seconds * 10_000) / 10 });
        }
      };
    },
    async metricsHandler(_req, res) {
      const text = await registry.metrics();
      res.setHeader('content-type', registry.contentType);
      res.setHeader('cache-control', 'no-store');
      res.send(text);
    },
  };
}
