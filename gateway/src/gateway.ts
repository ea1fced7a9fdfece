/**
 * The Apollo gateway over the committed supergraph: verifies the caller's bearer token, re-signs the
 * caller for the subgraphs, bounds every subgraph call with a timeout, and masks errors so that no
 * internal URL, SQL or stack trace reaches a client.
 */
import { randomUUID } from 'node:crypto';
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DEFAULT_LIMITS, costLimitPlugin, operationLimitsRule, type OperationLimits } from './limits.js';
import { DEFAULT_RATE_LIMITS, createRateLimiter, type RateLimits } from './rate-limit.js';
import { createGatewayObservability } from './metrics.js';
import { mountDashboard, type DevSigningKey } from './dashboard.js';
import { PUBLIC_CALLER, TokenError, INTERNAL_HEADER, type Caller, type CallerTokenVerifier, type InternalTokenSigner } from '@tdkt/identity';

export const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const SQL_STATEMENTS_HEADER = 'x-tdkt-sql-statements';
const IDEMPOTENCY_HEADER = 'idempotency-key';
const STATS_REQUEST_HEADER = 'x-tdkt-stats';
const INTERNAL_MESSAGE = 'Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên kèm mã yêu cầu.';

export interface SubgraphCall {
  subgraph: string;
  sqlStatements: number | null;
}

export interface GatewayContext {
  caller: Caller;
  requestId: string;
  /** The client's `Idempotency-Key`, forwarded to subgraphs for mutations. */
  idempotencyKey: string | null;
  /** The internal caller token, signed once per request on first use. */
  internalToken(): Promise<string>;
  subgraphCalls: SubgraphCall[];
}

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
  /** Depth, alias, token, directive and cost limits of an operation (defaults: DEFAULT_LIMITS). */
  limits?: Partial<OperationLimits>;
  /** Seconds a readiness probe waits for each subgraph. */
  readinessTimeoutMs?: number;
  /** The built dashboard served at `/` (default dashboard/dist; null: none). */
  dashboardDir?: string | null;
  /** Outside production: the dev key that signs the dashboard's sign-in picker tokens (POST /dev/token). */
  devSigningKey?: DevSigningKey;
}

export interface GatewayApp {
  app: Express;
  apollo: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  subgraphUrls: Record<string, string>;
  stop(): void;
}

function subgraphUnavailable(name: string): GraphQLError {
  return new GraphQLError(`Dịch vụ "${name}" tạm thời không phản hồi; phần dữ liệu của dịch vụ này bị thiếu.`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: name },
  });
}

class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!context || typeof (context as Partial<GatewayContext>).internalToken !== 'function') return;
    request.http?.headers.set(INTERNAL_HEADER, await context.internalToken());
    request.http?.headers.set('x-request-id', context.requestId);
    // A client's idempotency key goes to the subgraph that runs the mutation (it keeps the first answer).
    if (context.idempotencyKey) request.http?.headers.set(IDEMPOTENCY_HEADER, context.idempotencyKey);
  }

  override async didReceiveResponse({ response, context }: Required<Pick<GraphQLDataSourceProcessOptions<GatewayContext>, 'context'>> & { response: any }): Promise<any> {
    const statements = response.http?.headers?.get?.(SQL_STATEMENTS_HEADER);
    (context as GatewayContext).subgraphCalls?.push({ subgraph: this.name, sqlStatements: statements === null || statements === undefined ? null : Number(statements) });
    return response;
  }

  override didEncounterError(error: Error, _request: unknown, response?: { status: number }): void {
    // A 400 from a subgraph is a request it refused (e.g. a custom scalar such as LocalDate rejecting
    // "2025-02-30", which the gateway passes through unparsed): hand its error on as bad input.
    const body = (error as GraphQLError).extensions?.['response'] as { body?: { errors?: { message?: string }[] } } | undefined;
    const refusal = body?.body?.errors?.[0];
    if (response?.status === 400 && refusal?.message) {
      throw new GraphQLError(refusal.message, { extensions: { code: 'BAD_USER_INPUT', serviceName: this.name } });
    }
    // Network failures, timeouts and anything else carry the internal URL: replace them entirely.
    throw subgraphUnavailable(this.name);
  }

  readonly name: string;
  constructor(config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0] & { name: string }) {
    super(config);
    this.name = config.name;
  }
}

export function maskGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.['code'] ?? '');
  // The gateway's own "which operation?" refusal (operationName missing or unknown): a client error.
  if (code === 'INVALID_GRAPHQL' || code === 'OPERATION_RESOLUTION_FAILURE') {
    return { message: 'Không xác định được thao tác cần chạy: hãy gửi operationName trùng với tên một thao tác trong tài liệu.', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } };
  }
  // A document nested so deeply that the parser ran out of stack: say so without the engine's words.
  if (code === 'GRAPHQL_PARSE_FAILED' && /call stack/i.test(formatted.message)) {
    return { message: 'Truy vấn lồng quá sâu, không đọc được.', extensions: { code } };
  }
  if (PUBLIC_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const key of ['serviceName', 'field', 'problems', 'requiredRoles', 'max', 'currentVersion', 'status', 'cost', 'maxCost']) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const original = unwrapResolverError(error);
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'masked error', code, error: original instanceof Error ? original.message : JSON.stringify(original), path: formatted.path })}\n`,
  );
  return { message: INTERNAL_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** An operation the gateway cannot resolve (operationName) is the client's error: HTTP 400, not 500. */
function clientErrorStatus(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          const codes = (errors ?? []).map((error) => String(error.extensions?.['code'] ?? ''));
          if (codes.includes('INVALID_GRAPHQL') && response.http) response.http.status = 400;
        },
      };
    },
  };
}

function statsPlugin(enabled: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const wanted = enabled && request.http?.headers.get(STATS_REQUEST_HEADER) === '1';
      return {
        async willSendResponse({ response, contextValue }) {
          if (!wanted || response.body.kind !== 'single') return;
          const sqlStatements: Record<string, number> = {};
          for (const call of contextValue.subgraphCalls) {
            sqlStatements[call.subgraph] = (sqlStatements[call.subgraph] ?? 0) + (call.sqlStatements ?? 0);
          }
          response.body.singleResult.extensions = {
            ...(response.body.singleResult.extensions ?? {}),
            stats: { subgraphCalls: contextValue.subgraphCalls.map((call) => call.subgraph), sqlStatements },
          };
        },
      };
    },
  };
}

/** True for a subgraph operation that reads only; the gateway never re-sends a mutation by itself. */
function isQuery(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    const document = (JSON.parse(body) as { query?: string }).query ?? '';
    return !/^\s*mutation\b/.test(document);
  } catch {
    return false;
  }
}

/**
 * Every subgraph call is bounded by the timeout. A query that fails to connect (refused, reset: the
 * subgraph restarting, a stale keep-alive socket) is tried once more; a timeout is not retried (the
 * subgraph is slow, not gone) and a mutation only when it carries an idempotency key.
 */
async function fetchWithRetry(url: string, init: RequestInit, timeoutMs: number): Promise<globalThis.Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
    // A mutation carrying an idempotency key may be re-sent: the subgraph answers a replay without acting.
    const keyed = new Headers(init.headers).has(IDEMPOTENCY_HEADER);
    if (timedOut || !(isQuery(init.body) || keyed)) throw error;
    return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  }
}

function supergraphUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const match of supergraphSdl.matchAll(/join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) urls[match[1]!] = match[2]!;
  return urls;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function createGatewayApp(options: GatewayOptions): Promise<GatewayApp> {
  const timeoutMs = options.subgraphTimeoutMs ?? 10_000;
  const limits = { ...DEFAULT_LIMITS, ...(options.limits ?? {}) };
  const urls = { ...supergraphUrls(options.supergraphSdl), ...(options.subgraphUrls ?? {}) };
  const observability = createGatewayObservability();
  const fetcherFor = (name: string) => {
    const limit = options.subgraphTimeouts?.[name] ?? timeoutMs;
    return (url: string, init: RequestInit) => fetchWithRetry(url, init, limit);
  };

  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // Each subgraph's calls are counted and timed (tdkt_gateway_subgraph_fetch*), retry included.
    buildService: ({ name, url }) => new CallerForwardingDataSource({ name, url: urls[name] ?? url, fetcher: observability.timedFetcher(name, fetcherFor(name)) as any }),
  });

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    stopOnTerminationSignals: false, // main.ts owns the shutdown order
    introspection: !options.production,
    // Production: no "Did you mean …" suggestions that reveal the schema to a prober.
    hideSchemaDetailsFromClientErrors: !!options.production,
    includeStacktraceInErrorResponses: false,
    persistedQueries: false, // nobody may register documents; trusted documents come with the security work
    csrfPrevention: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), statsPlugin(!options.production), clientErrorStatus(), observability.plugin, costLimitPlugin(limits.maxCost) as ApolloServerPlugin<GatewayContext>],
    validationRules: [operationLimitsRule(limits)],
    parseOptions: { maxTokens: limits.maxTokens },
    formatError: maskGatewayError,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        try {
          const response = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(options.readinessTimeoutMs ?? 2000) });
          return [name, response.ok ? 'ready' : 'unavailable'] as const;
        } catch {
          return [name, 'unreachable'] as const;
        }
      }),
    );
    const ready = checks.every(([, state]) => state === 'ready');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', subgraphs: Object.fromEntries(checks) });
  });
  // Prometheus text format, without auth: in production only the internal network may reach it.
  app.get('/metrics', observability.metricsHandler);

  const identify = async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    res.setHeader('x-request-id', requestId);
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
      res.status(401).setHeader('WWW-Authenticate', 'Bearer').json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
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
      res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, idempotency-key, x-request-id, apollo-require-preflight');
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
    // `operationName: ""` means "none" (GraphQL over HTTP); Apollo would otherwise fail with a 500.
    (req: Request, _res: Response, next: NextFunction) => {
      if (req.body && typeof req.body === 'object' && !Array.isArray(req.body) && req.body.operationName === '') delete req.body.operationName;
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
          idempotencyKey: typeof req.headers[IDEMPOTENCY_HEADER] === 'string' ? (req.headers[IDEMPOTENCY_HEADER] as string).slice(0, 200) : null,
          subgraphCalls: [],
        };
      },
    }),
  );
  mountDashboard(app, { dir: options.dashboardDir, production: !!options.production, devSigningKey: options.devSigningKey });
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number }).status ?? 500;
    const message = status === 413 ? 'Yêu cầu quá lớn.' : status < 500 ? 'Yêu cầu không hợp lệ.' : INTERNAL_MESSAGE;
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR' } }] });
  });
  return { app, apollo, gateway, subgraphUrls: urls, stop: () => rateLimiter.stop() };
}
