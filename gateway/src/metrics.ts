/**
 * What the gateway tells its operators: one JSON log line per `/graphql` request (request id, method,
 * operation, status, outcome, duration, error codes, variable NAMES, the subgraph fetches it made) and
 * Prometheus metrics for `GET /metrics`, in a Registry of each app's own so that several gateways can
 * run in one process (tests). The logger and the request series are the platform's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { DestinationStream, Logger } from 'pino';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import {
  REQUEST_DURATION_BUCKETS,
  createMetricsRegistry,
  createRequestMetrics,
  createServiceLogger,
  errorCodesOf,
  finishObservation,
  graphqlName,
  metricsHandler,
  observeGraphQLRequest,
  operationLabeller,
  startObservation,
  type LogLevel,
  type RequestObservation,
} from '@tdkt/platform';
import type { GatewayContext } from './gateway.js';

export type { Outcome } from '@tdkt/platform';

const service = createServiceLogger({ service: 'gateway' });

/** The gateway's JSON logger (level from LOG_LEVEL; `warn` by default when NODE_ENV=test). */
export const logger: Logger = service.logger;

/** For tests: send every gateway line to `stream` at `level`, or, with no stream, back to stdout. */
export function setLogDestination(stream?: DestinationStream, level?: LogLevel): void {
  service.setDestination(stream, level);
}

/** Of one gateway → subgraph fetch: `http_4xx` / `http_5xx` by the subgraph's status. */
export type FetchOutcome = 'success' | 'http_4xx' | 'http_5xx' | 'timeout' | 'network_error';

interface SubgraphFetch {
  subgraph: string;
  outcome: FetchOutcome;
  ms: number;
}

interface Observation extends RequestObservation {
  role: string | null;
  fetches: SubgraphFetch[];
  /** What the public answer cache did (response-cache.ts). */
  cache: 'hit' | 'miss' | 'bypass' | null;
}

type Fetcher<Init, Answer extends { status: number }> = (url: string, init: Init) => Promise<Answer>;

export interface GatewayObservability {
  registry: Registry;
  /** First handler of `/graphql`: times the request and writes its line and series when it ends. */
  middleware(req: Request, res: Response, next: NextFunction): void;
  plugin: ApolloServerPlugin<GatewayContext>;
  /** Wraps the subgraph fetcher of one subgraph: counts and times every call (retry included). */
  timedFetcher<Init, Answer extends { status: number }>(
    subgraph: string,
    fetcher: Fetcher<Init, Answer>,
  ): Fetcher<Init, Answer>;
  metricsHandler(req: Request, res: Response): Promise<void>;
  /** The public cache's part in this request; on a hit (Apollo never runs) the operation too. */
  observeCache(
    result: 'hit' | 'miss' | 'bypass',
    hit?: { operationName: string | null; variables?: Record<string, unknown> | null },
  ): void;
}

export interface PublicCacheMetrics {
  lookup(result: 'hit' | 'miss' | 'bypass'): void;
  /** A write dropped the answers depending on `subgraph` (`*`: all of them). */
  invalidated(subgraph: string): void;
  size(bytes: number, entries: number): void;
}

/** tdkt_gateway_public_cache_*: lookups by result, invalidations by written subgraph, size. */
export function createPublicCacheMetrics(registry: Registry): PublicCacheMetrics {
  const lookups = new Counter({
    name: 'tdkt_gateway_public_cache_requests_total',
    help: 'Requests to /graphql by what the public answer cache did (hit, miss, bypass)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const invalidations = new Counter({
    name: 'tdkt_gateway_public_cache_invalidations_total',
    help: 'Mutations that dropped cached public answers, by the subgraph written (* when unknown)',
    labelNames: ['subgraph'] as const,
    registers: [registry],
  });
  const bytes = new Gauge({
    name: 'tdkt_gateway_public_cache_bytes',
    help: 'Memory held by cached public answers (bodies and keys)',
    registers: [registry],
  });
  const entries = new Gauge({
    name: 'tdkt_gateway_public_cache_entries',
    help: 'Cached public answers',
    registers: [registry],
  });
  return {
    lookup: (result) => lookups.inc({ result }),
    invalidated: (subgraph) => invalidations.inc({ subgraph }),
    size(held, count) {
      bytes.set(held);
      entries.set(count);
    },
  };
}

export function createGatewayObservability(options: { processMetrics?: boolean } = {}): GatewayObservability {
  const registry = createMetricsRegistry({ processMetrics: options.processMetrics });
  const metrics = createRequestMetrics({
    registry,
    prefix: 'tdkt_gateway',
    errorsHelp: 'Errors returned to clients, by extensions.code (after masking)',
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
    buckets: REQUEST_DURATION_BUCKETS,
    registers: [registry],
  });

  const scope = new AsyncLocalStorage<Observation>();
  const operationLabel = operationLabeller();

  const finish = (req: Request, res: Response, observation: Observation) => {
    const finished = finishObservation(observation, res);
    metrics.record(operationLabel(observation), finished);
    logger[finished.outcome === 'server_error' ? 'warn' : 'info'](
      {
        requestId: (res.locals['requestId'] as string | undefined) ?? null,
        method: req.method,
        operation: observation.operation,
        operationType: observation.operationType,
        status: finished.status,
        outcome: finished.outcome,
        durationMs: finished.durationMs,
        errorCodes: finished.errorCodes,
        variableNames: observation.variableNames,
        callerRole: observation.role,
        subgraphFetches: observation.fetches,
        ...(observation.cache ? { cache: observation.cache } : {}),
        ...(finished.aborted ? { aborted: true } : {}),
      },
      'request',
    );
  };

  return {
    registry,
    middleware(req, res, next) {
      const observation: Observation = { ...startObservation(), role: null, fetches: [], cache: null };
      res.once('close', () => finish(req, res, observation));
      scope.run(observation, next);
    },
    plugin: {
      async requestDidStart({ request, contextValue }) {
        const observation = scope.getStore();
        if (!observation) return;
        observeGraphQLRequest(observation, request);
        observation.role = contextValue.caller?.role ?? null;
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
          if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
            outcome = 'timeout';
          }
          throw error;
        } finally {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          fetches.inc({ subgraph, outcome });
          fetchDuration.observe({ subgraph, outcome }, seconds);
          scope.getStore()?.fetches.push({ subgraph, outcome, ms: Math.round(seconds * 10_000) / 10 });
        }
      };
    },
    metricsHandler: metricsHandler(registry),
    observeCache(result, hit) {
      const observation = scope.getStore();
      if (!observation) return;
      observation.cache = result;
      if (hit) {
        observeGraphQLRequest(observation, hit);
        observation.operationType = 'query';
      }
    },
  };
}
