/**
 * What a subgraph tells its operators: one JSON log line per `/graphql` request (request id, method,
 * operation, status, outcome, duration, error codes, variable NAMES) and Prometheus metrics for
 * `GET /metrics`. Each app has its own Registry, so several apps can run in one process (tests). The
 * request series are the platform's; the SQL and pool series are the subgraph's own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { InternalContext } from '@tdkt/identity';
import {
  acceptedRequestId,
  createMetricsRegistry,
  createRequestMetrics,
  errorCodesOf,
  finishObservation,
  graphqlName,
  metricsHandler,
  observeGraphQLRequest,
  operationLabeller,
  startObservation,
  type RequestObservation,
} from '@tdkt/platform';
import type { SqlCounter } from './database.js';
import { log } from './log.js';

export { outcomeOf, type Outcome } from '@tdkt/platform';

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

interface Observation extends RequestObservation {
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

function registerSqlMetrics(registry: Registry, sql: SqlCounter | undefined, dataSource: unknown): void {
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
  poolGauge(
    'tdkt_subgraph_db_pool_connections',
    'Connections open in the database pool (in use + idle)',
    (pool) => pool.totalCount,
  );
  poolGauge(
    'tdkt_subgraph_db_pool_idle_connections',
    'Open connections of the database pool that are idle',
    (pool) => pool.idleCount,
  );
  poolGauge(
    'tdkt_subgraph_db_pool_waiting_clients',
    'Queries waiting for a connection of the database pool',
    (pool) => pool.waitingCount,
  );
  poolGauge('tdkt_subgraph_db_pool_max_connections', 'Size limit of the database pool', (pool) => pool.options?.max);
}

export function createSubgraphObservability(options: SubgraphObservabilityOptions): SubgraphObservability {
  const registry = createMetricsRegistry({
    defaultLabels: { subgraph: options.name },
    processMetrics: options.processMetrics,
  });
  const metrics = createRequestMetrics({
    registry,
    prefix: 'tdkt_subgraph',
    errorsHelp: 'Errors returned, by extensions.code (refusals before GraphQL included: UNAUTHENTICATED, BAD_REQUEST)',
  });
  const sql = options.sql;
  registerSqlMetrics(registry, sql, options.dataSource);

  const scope = new AsyncLocalStorage<Observation>();
  const operationLabel = operationLabeller();

  const finish = (req: Request, res: Response, observation: Observation) => {
    const finished = finishObservation(observation, res, { notFound: true });
    metrics.record(operationLabel(observation), finished);
    const identity = res.locals['identity'] as InternalContext | undefined;
    const requestId = identity?.requestId ?? acceptedRequestId(req.headers['x-request-id']);
    log[finished.outcome === 'server_error' ? 'warn' : 'info']('request', {
      subgraph: options.name,
      requestId,
      method: req.method,
      operation: observation.operation,
      operationType: observation.operationType,
      status: finished.status,
      outcome: finished.outcome,
      durationMs: finished.durationMs,
      errorCodes: finished.errorCodes,
      variableNames: observation.variableNames,
      sqlStatements: observation.sqlStatements,
      ...(finished.aborted ? { aborted: true } : {}),
    });
  };

  return {
    registry,
    middleware(req, res, next) {
      const observation: Observation = { ...startObservation(), sqlStatements: null };
      res.once('close', () => finish(req, res, observation));
      scope.run(observation, next);
    },
    plugin: {
      async requestDidStart({ request }) {
        const observation = scope.getStore();
        if (!observation) return;
        observeGraphQLRequest(observation, request);
        return {
          async didResolveOperation({ operationName, operation }) {
            observation.operation = graphqlName(operationName);
            observation.operationType = operation?.operation ?? null;
          },
          async willSendResponse({ response }) {
            const body = response.body;
            observation.errorCodes = errorCodesOf(
              body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors,
            );
            const statements = sql?.scope.getStore()?.statements;
            if (statements !== undefined) observation.sqlStatements = statements;
          },
        };
      },
    },
    metricsHandler: metricsHandler(registry),
  };
}
