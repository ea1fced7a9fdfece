/**
 * The Apollo gateway over the committed supergraph: verifies the caller's bearer token, re-signs the
 * caller for the subgraphs, bounds every subgraph call with a timeout, and masks errors so that no
 * internal URL, SQL or stack trace reaches a client.
 */
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Server } from 'node:http';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import {
  PUBLIC_CALLER,
  TokenError,
  type Caller,
  type CallerTokenVerifier,
  type InternalTokenSigner,
} from '@tdkt/identity';
import { INTERNAL_ERROR_MESSAGE, REQUEST_ID_HEADER, SUBGRAPHS, requestIdFrom } from '@tdkt/platform';
import type { GatewayContext } from './context.js';
import { mountDashboard, type DevSigningKey } from './dashboard.js';
import { mountGrantImportRoutes } from './files/import-grants.js';
import { maskGatewayError } from './errors.js';
import { mountFiles } from './files/index.js';
import { costLimitPlugin } from './cost.js';
import { DEFAULT_LIMITS, operationLimitsRule, type OperationLimits } from './limits.js';
import { refuseTooManyDefinitions, withoutSchemaHints } from './refusals.js';
import { createGatewayObservability, createPublicCacheMetrics } from './metrics.js';
import { clientErrorStatus, statsPlugin } from './plugins.js';
import { DEFAULT_RATE_LIMITS, createRateLimiter, type RateLimits } from './rate-limit.js';
import { DEFAULT_PUBLIC_CACHE, createPublicCache, type PublicCacheOptions } from './response-cache.js';
import { DEFAULT_SERVER_LIMITS, createGatewayServer, refuseAmbiguousRequests, type ServerLimits } from './server.js';
import { CallerForwardingDataSource, IDEMPOTENCY_HEADER, retryingFetcher } from './subgraph-fetch.js';
import {
  createHttpTransport,
  type HttpTransport,
  type HttpTransportOptions,
  type SubgraphTransport,
} from './subgraph-transport.js';

export type { GatewayContext, SubgraphCall } from './context.js';
export { PUBLIC_CODES, maskGatewayError } from './errors.js';

export interface GatewayOptions {
  supergraphSdl: string;
  /** Overrides of the subgraph URLs written in the supergraph, by subgraph name. */
  subgraphUrls?: Record<string, string>;
  callerVerifier: CallerTokenVerifier;
  internalSigner: InternalTokenSigner;
  subgraphTimeoutMs?: number;
  /** Per-subgraph timeouts (ms) overriding subgraphTimeoutMs, e.g. a slower analytics subgraph. */
  subgraphTimeouts?: Record<string, number>;
  production?: boolean;
  /** Operations per minute per caller and per public IP (defaults: DEFAULT_RATE_LIMITS). */
  rateLimits?: Partial<RateLimits>;
  /** Origins allowed to call from a browser on another origin (CORS); none by default. */
  corsOrigins?: string[];
  /** Depth, alias, token, directive, cost, operation and fragment limits (defaults: DEFAULT_LIMITS). */
  limits?: Partial<OperationLimits>;
  /** Deadlines, keep-alive and the per-client connection cap of the server `app.listen` creates. */
  server?: Partial<ServerLimits>;
  /** Connections to each subgraph: how many at once, and how long an idle one is kept. */
  subgraphConnections?: Partial<HttpTransportOptions>;
  /**
   * How subgraph calls travel instead of `node:http` keep-alive connections: the in-process test tier
   * passes `fetchTransport`, whose `fetch` it answers in memory.
   */
  subgraphTransport?: SubgraphTransport;
  /** Seconds a readiness probe waits for each subgraph. */
  readinessTimeoutMs?: number;
  /** The built dashboard served at `/` (default dashboard/dist; null: none). */
  dashboardDir?: string | null;
  /** Outside production: the dev key that signs the dashboard's sign-in picker tokens (POST /dev/token). */
  devSigningKey?: DevSigningKey;
  /** Public answers from memory (response-cache.ts); off unless given (main.ts: on by default). */
  publicCache?: Partial<PublicCacheOptions>;
}

export interface GatewayApp {
  app: Express;
  apollo: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  subgraphUrls: Record<string, string>;
  /** Per subgraph: connections the gateway opened to it so far, and those open now (node:http transport). */
  subgraphConnections(): Record<string, ReturnType<HttpTransport['stats']>>;
  stop(): void;
}

function supergraphUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g))
    urls[match[1]!] = match[2]!;
  return urls;
}

export async function createGatewayApp(options: GatewayOptions): Promise<GatewayApp> {
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const limits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
  const urls = { ...supergraphUrls(options.supergraphSdl), ...(options.subgraphUrls ?? {}) };
  const observability = createGatewayObservability();
  const transports: Record<string, HttpTransport> = {};
  const fetcherFor = (name: string) => {
    const limit = options.subgraphTimeouts?.[name] ?? timeoutMs;
    let transport = options.subgraphTransport;
    if (!transport) {
      transports[name] ??= createHttpTransport(options.subgraphConnections);
      transport = transports[name].send;
    }
    return retryingFetcher(transport, limit);
  };

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // Each subgraph's calls are counted and timed (tdkt_gateway_subgraph_fetch*), retry included.
    buildService: ({ name, url }) =>
      new CallerForwardingDataSource({
        name,
        url: urls[name] ?? url,
        fetcher: observability.timedFetcher(name, fetcherFor(name)) as any,
      }),
  });

  const publicCache = createPublicCache(
    { ...DEFAULT_PUBLIC_CACHE, enabled: false, ...(options.publicCache ?? {}) },
    {
      supergraphSdl: options.supergraphSdl,
      calls: Object.fromEntries(SUBGRAPHS.map((subgraph) => [subgraph.name, subgraph.calls])),
      metrics: createPublicCacheMetrics(observability.registry),
      statsEnabled: !options.production,
      observe: observability.observeCache,
    },
  );

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    stopOnTerminationSignals: false, // main.ts owns the shutdown order
    introspection: !options.production,
    // Production: no "Did you mean …" suggestions that reveal the schema to a prober.
    hideSchemaDetailsFromClientErrors: !!options.production,
    includeStacktraceInErrorResponses: false,
    persistedQueries: false, // nobody may register documents; trusted documents come with the security work
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      statsPlugin(!options.production),
      clientErrorStatus(),
      observability.plugin,
      costLimitPlugin(limits.maxCost) as ApolloServerPlugin<GatewayContext>,
      publicCache.plugin,
    ],
    validationRules: [operationLimitsRule(limits)],
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: options.production
      ? (formatted, error) => withoutSchemaHints(maskGatewayError(formatted, error))
      : maskGatewayError,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No hash of every answer: GraphQL answers are POSTed, where an ETag never makes a 304.
  app.set('etag', false);
  const serverLimits = { ...DEFAULT_SERVER_LIMITS, ...(options.server ?? {}) };
  // `app.listen` (main.ts, the tests) creates the hardened server, not Node's defaults.
  app.listen = ((...args: Parameters<Server['listen']>) =>
    createGatewayServer(app, serverLimits).listen(...args)) as unknown as Express['listen'];
  app.use(refuseAmbiguousRequests);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/ready', url), {
            signal: AbortSignal.timeout(options.readinessTimeoutMs ?? 2000),
          });
          return [name, response.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === 'ready');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', subgraphs: Object.fromEntries(checks) });
  });
  // Prometheus text format, without auth: in production only the internal network may reach it.
  app.get('/metrics', observability.metricsHandler);

  const identify = async (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.locals['requestId'] = requestId;
    const authorization = req.headers.authorization;
    if (!authorization) {
      res.locals['caller'] = PUBLIC_CALLER;
      return next();
    }
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(authorization);
    try {
      if (!match) throw new TokenError('Tiêu đề Authorization phải có dạng "Bearer <mã xác thực>".');
      res.locals['caller'] = await options.callerVerifier.verify(match[1]!);
      next();
    } catch (error) {
      const message = error instanceof TokenError ? error.message : 'Mã xác thực không hợp lệ.';
      res
        .status(401)
        .setHeader('WWW-Authenticate', 'Bearer')
        .json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  };

  const rateLimiter = createRateLimiter({ ...DEFAULT_RATE_LIMITS, ...(options.rateLimits ?? {}) });
  const allowedOrigins = new Set(options.corsOrigins ?? []);
  // CORS: only the configured origins; without any, browsers on other origins get no access.
  const cors = (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && allowedOrigins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'authorization, content-type, idempotency-key, x-request-id, apollo-require-preflight',
      );
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.status(origin && allowedOrigins.has(origin) ? 204 : 403).end();
      return;
    }
    next();
  };

  app.use(
    '/graphql',
    cors,
    observability.middleware,
    identify,
    rateLimiter.middleware,
    express.json({ limit: '100kb' }),
    // A document answered before passed every check below; any other goes through them.
    publicCache.middleware,
    refuseTooManyDefinitions(limits),
    // `operationName: ""` means "none" (GraphQL over HTTP); Apollo would otherwise fail with a 500.
    (req: Request, _res: Response, next: NextFunction) => {
      if (req.body && typeof req.body === 'object' && !Array.isArray(req.body) && req.body.operationName === '')
        delete req.body.operationName;
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => {
        const caller = res.locals['caller'] as Caller;
        const requestId = res.locals['requestId'] as string;
        let token: Promise<string> | undefined;
        return {
          caller,
          requestId,
          internalToken: () => (token ??= options.internalSigner.sign(caller, requestId)),
          idempotencyKey:
            typeof req.headers[IDEMPOTENCY_HEADER] === 'string'
              ? (req.headers[IDEMPOTENCY_HEADER] as string).slice(0, 200)
              : null,
          subgraphCalls: [],
        };
      },
    }),
  );
  mountGrantImportRoutes(app, {
    front: [cors, observability.middleware, identify, rateLimiter.middleware],
    internalSigner: options.internalSigner,
    awardsUrl: urls['awards'] ?? '',
    corsOrigins: options.corsOrigins ?? [],
  });
  // File downloads (/files/...) behind the same front as /graphql; their data comes from `apollo`.
  mountFiles(app, {
    apollo,
    internalSigner: options.internalSigner,
    front: [cors, observability.middleware, identify, rateLimiter.middleware],
  });
  mountDashboard(app, {
    dir: options.dashboardDir,
    production: !!options.production,
    devSigningKey: options.devSigningKey,
  });
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number }).status ?? 500;
    const message =
      status === 413 ? 'Yêu cầu quá lớn.' : status < 500 ? 'Yêu cầu không hợp lệ.' : INTERNAL_ERROR_MESSAGE;
    res
      .status(status)
      .json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  });
  return {
    app,
    apollo,
    gateway,
    subgraphUrls: urls,
    subgraphConnections: () =>
      Object.fromEntries(Object.entries(transports).map(([name, transport]) => [name, transport.stats()])),
    stop: () => {
      rateLimiter.stop();
      for (const transport of Object.values(transports)) transport.close();
    },
  };
}
