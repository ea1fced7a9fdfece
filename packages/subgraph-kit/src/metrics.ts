/**
 * What a subgraph tells its operators: one JSON log line per `/graphql` request (request id, method,
 * operation, status, outcome, duration, error codes, variable NAMES) and Prometheus metrics for
 * `GET /metrics`. Each app has its own Registry, so several apps can run in one process (tests).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { InternalContext } from '@tdkt/identity';
import type { SqlCounter } from './database.js';
import { log } from './log.js';

/** `client_error`: the caller's fault (4xx, or only client codes); `server_error`: ours (5xx, INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE). */
export type Outcome = 'success' | 'client_error' | 'server_error';

const SERVER_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Distinct operation names kept as label values per app; any further name is counted as `(other)`. */
const MAX_OPERATION_LABELS = 200;

export function outcomeOf(status: number, errorCodes: readonly string[]): Outcome {
  if (status >= 500 || errorCodes.some((code) => SERVER_CODES.has(code))) return 'server_error';
  if (status >= 400 || errorCodes.length > 0) return 'client_error';
  return 'success';
}

/** The pool statistics of pg's Pool. */
export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * The pg Pool under a TypeORM postgres DataSource: TypeORM's PostgresDriver keeps it in `master`
 * (created by `initialize()`, unset by `destroy()`). Undefined for anything else.
 */
export function poolOf(dataSource: unknown): PoolStats | undefined {
  const pool = (dataSource as { driver?: { master?: PoolStats } } | null | undefined)?.driver?.master;
  return pool && typeof pool.totalCount === 'number' && typeof pool.idleCount === 'number' ? pool : undefined;
}

interface Observation {
  started: bigint;
  /** Set once Apollo saw the request (it was authenticated and its body parsed). */
  graphql: boolean;
  operation: string | null;
  operationType: string | null;
  errorCodes: string[];
  variableNames: string[];
  sqlStatements: number | null;
}

export interface SubgraphObservabilityOptions {
  /** The subgraph's name: the `subgraph` label of every series and field of every line. */
  name: string;
  sql?: SqlCounter;
  /** The TypeORM DataSource whose pool the gauges report. */
  dataSource?: unknown;
  /** Node.js process metrics (CPU, memory, event loop, GC). Default true. */
  processMetrics?: boolean;
}

export interface SubgraphObservability {
  registry: Registry;
  /** First handler of `/graphql`: times the request and writes its line and series when it ends. */
  middleware(req: Request, res: Response, next: NextFunction): void;
  /** Apollo plugin: operation name and type, variable names, error codes, SQL statements. */
  plugin: ApolloServerPlugin<BaseContext>;
  /** `GET /metrics` in the Prometheus text format. */
  metricsHandler(req: Request, res: Response): Promise<void>;
}

function graphqlName(name: string | null | undefined): string | null {
  if (!name) return null;
  return GRAPHQL_NAME.test(name) ? name : '(invalid)';
}

/** Label of an operation: bounded, so client-chosen names cannot grow the series without limit. */
function operationLabeller(): (observation: Observation) => string {
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

/** The code of a response written outside GraphQL (refused token, body too large, …). */
function codeForStatus(status: number): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 404) return 'NOT_FOUND';
  return status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
}

function codesOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string[] {
  return (errors ?? []).map((error) => {
    const code = String(error.extensions?.['code'] ?? '');
    return ERROR_CODE.test(code) ? code : 'UNKNOWN';
  });
}

export function createSubgraphObservability(options: SubgraphObservabilityOptions): SubgraphObservability {
  const registry = new Registry();
  registry.setDefaultLabels({ subgraph: options.name });
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const dataSource = options.dataSource;

  const requests = new Counter({
    name: 'tdkt_subgraph_requests_total',
    help: 'GraphQL requests served, by operation name and outcome (success, client_error, server_error)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'tdkt_subgraph_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to the end of its response, by operation name and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'tdkt_subgraph_errors_total',
    help: 'Errors returned, by extensions.code (refusals before GraphQL included: UNAUTHENTICATED, BAD_REQUEST)',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const sql = options.sql;
  let sqlReported = 0;
  new Counter({
    name: 'tdkt_subgraph_sql_statements_total',
    help: 'SQL statements sent to the database (migrations and seed included)',
    registers: [registry],
    collect() {
      if (!sql) return;
      this.inc(Math.max(0, sql.total - sqlReported));
      sqlReported = Math.max(sqlReported, sql.total);
    },
  });
  const poolGauge = (name: string, help: string, read: (pool: PoolStats) => number | undefined) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        const pool = poolOf(dataSource);
        this.set((pool && read(pool)) ?? 0);
      },
    });
  poolGauge('tdkt_subgraph_db_pool_connections', 'Connections open in the database pool (in use + idle)', (pool) => pool.totalCount);
  poolGauge('tdkt_subgraph_db_pool_idle_connections', 'Open connections of the database pool that are idle', (pool) => pool.idleCount);
  poolGauge('tdkt_subgraph_db_pool_waiting_clients', 'Queries waiting for a connection of the database pool', (pool) => pool.waitingCount);
  poolGauge('tdkt_subgraph_db_pool_max_connections', 'Size limit of the database pool', (pool) => pool.options?.max);

  const scope = new AsyncLocalStorage<Observation>();
  const operationLabel = operationLabeller();

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

    const identity = res.locals['identity'] as InternalContext | undefined;
    const header = req.headers['x-request-id'];
    const requestId = identity?.requestId ?? (typeof header === 'string' && REQUEST_ID.test(header) ? header : null);
    log[outcome === 'server_error' ? 'warn' : 'info']('request', {
      subgraph: options.name,
      requestId,
      method: req.method,
      operation: observation.operation,
      operationType: observation.operationType,
      status,
      outcome,
      durationMs: Math.round(seconds * 10_000) / 10,
      errorCodes,
      variableNames: observation.variableNames,
      sqlStatements: observation.sqlStatements,
      ...(aborted ? { aborted: true } : {}),
    });
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
        sqlStatements: null,
      };
      res.once('close', () => finish(req, res, observation));
      scope.run(observation, next);
    },
    plugin: {
      async requestDidStart({ request }) {
        const observation = scope.getStore();
        if (!observation) return;
        observation.graphql = true;
        observation.operation = graphqlName(request.operationName);
        observation.variableNames = Object.keys(request.variables ?? {}).slice(0, 50).map((name) => graphqlName(name) ?? '(invalid)');
        return {
          async didResolveOperation({ operationName, operation }) {
            observation.operation = graphqlName(operationName);
            observation.operationType = operation?.operation ?? null;
          },
          async willSendResponse({ response }) {
            const body = response.body;
            observation.errorCodes = codesOf(body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors);
            const statements = sql?.scope.getStore()?.statements;
            if (statements !== undefined) observation.sqlStatements = statements;
          },
        };
      },
    },
    async metricsHandler(_req, res) {
      const text = await registry.metrics();
      res.setHeader('content-type', registry.contentType);
      res.setHeader('cache-control', 'no-store');
      res.send(text);
    },
  };
}
