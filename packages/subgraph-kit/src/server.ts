/**
 * The HTTP face of a subgraph: `/graphql` for the gateway only (every request, `_service` and
 * `_entities` included, must carry the gateway's internal caller token), `/health` and `/ready`.
 * Builds the app; never listens (see run.ts).
 */
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { DataSource } from 'typeorm';
import { idempotencyPlugin } from './idempotency.js';
import express, { type Express, type Request, type RequestHandler, type Response, type NextFunction } from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { INTERNAL_HEADER, TokenError, type InternalContext, type InternalTokenVerifier } from '@tdkt/identity';
import {
  DATABASE_UNAVAILABLE_MESSAGE,
  INTERNAL_ERROR_MESSAGE,
  REQUEST_ID_HEADER,
  acceptedRequestId,
} from '@tdkt/platform';
import { ErrorCode, PUBLIC_ERROR_CODES, isConnectionError, translateDatabaseError } from './errors.js';
import { log } from './log.js';
import { createSubgraphObservability } from './metrics.js';
import type { SqlCounter } from './database.js';
import { peerRequestId } from './subgraph-client.js';
import { DEADLINE_HEADER, abortedWhenClosedEarly, budgetFromHeader, runWithDeadline } from './deadline.js';

export interface SubgraphAppOptions<TContext extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  verifier: InternalTokenVerifier;
  buildContext(identity: InternalContext): TContext | Promise<TContext>;
  /** Throws when the subgraph cannot serve (database down). */
  checkReady(): Promise<void>;
  sql?: SqlCounter;
  /** The subgraph's DataSource: its pg pool is reported on `/metrics`; idempotency keys are kept in it. */
  dataSource: DataSource;
  plugins?: ApolloServerPlugin<TContext>[];
  /**
   * Plain HTTP routes beside /graphql (file uploads the gateway relays), mounted before the 404. Each
   * route puts `authenticate` first: it refuses a request without a valid internal token and leaves the
   * verified identity in `res.locals.identity`.
   */
  routes?(app: Express, authenticate: RequestHandler, context: (res: Response) => Promise<TContext>): void;
}

export interface SubgraphApp<TContext extends BaseContext> {
  app: Express;
  apollo: ApolloServer<TContext>;
}

/** Messages of the contract's codes pass; anything else is logged and masked. */
export function maskError(subgraph: string, formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = String(formatted.extensions?.['code'] ?? '');
  if (isConnectionError(original)) {
    return {
      message: DATABASE_UNAVAILABLE_MESSAGE,
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  // Any path that reached the database with a byte Postgres refuses (NUL in a code): bad input, not a crash.
  const translated = translateDatabaseError(original);
  if (translated instanceof GraphQLError && translated !== original) {
    return { message: translated.message, path: formatted.path, extensions: { code: translated.extensions['code'] } };
  }
  if (
    PUBLIC_ERROR_CODES.has(code) &&
    (original instanceof GraphQLError || code.startsWith('GRAPHQL_') || code === 'BAD_REQUEST')
  ) {
    const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log.error('unexpected error', {
    subgraph,
    error: original instanceof Error ? original.message : String(original),
    stack: original instanceof Error ? original.stack : undefined,
    path: formatted.path,
  });
  return {
    message: INTERNAL_ERROR_MESSAGE,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

export const SQL_STATEMENTS_HEADER = 'x-tdkt-sql-statements';

function sqlStatementsHeader<TContext extends BaseContext>(sql: SqlCounter | undefined): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const store = sql?.scope.getStore();
          if (store) response.http.headers.set(SQL_STATEMENTS_HEADER, String(store.statements));
        },
      };
    },
  };
}

export async function createSubgraphApp<TContext extends BaseContext>(
  options: SubgraphAppOptions<TContext>,
): Promise<SubgraphApp<TContext>> {
  const observability = createSubgraphObservability({
    name: options.name,
    sql: options.sql,
    dataSource: options.dataSource,
  });
  const apollo = new ApolloServer<TContext>({
    schema: options.schema,
    stopOnTerminationSignals: false, // run.ts owns the shutdown order
    introspection: false, // clients introspect the gateway's supergraph, never a subgraph
    includeStacktraceInErrorResponses: false,
    persistedQueries: false,
    csrfPrevention: true,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No field has a cache hint and the gateway treats a missing header as "not cacheable" anyway:
      // the plugin would only run a hook on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      sqlStatementsHeader(options.sql),
      observability.plugin,
      idempotencyPlugin(options.dataSource) as unknown as ApolloServerPlugin<TContext>,
      ...(options.plugins ?? []),
    ],
    formatError: (formatted, error) => maskError(options.name, formatted, error),
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Only the gateway reads these answers, never from a cache: no hash of every response body.
  app.set('etag', false);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', subgraph: options.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await options.checkReady();
      res.json({ status: 'ready', subgraph: options.name });
    } catch (error) {
      res.status(503).json({ status: 'unavailable', subgraph: options.name, reason: 'database' });
      log.warn('not ready', { subgraph: options.name, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // Prometheus text format; like /health and /ready, for the internal network only.
  app.get('/metrics', observability.metricsHandler);

  // Only the gateway may call: refuse anything without a valid internal caller token, before GraphQL.
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.headers[INTERNAL_HEADER];
      const identity = await options.verifier.verify(Array.isArray(header) ? header[0] : header);
      // The gateway hands one caller the same token for a while (identity signer): the request's own id
      // comes with it in x-request-id; the token's rid is that of the request it was signed for.
      const forwarded = acceptedRequestId(req.headers[REQUEST_ID_HEADER]);
      if (forwarded) identity.requestId = forwarded;
      res.locals['identity'] = identity;
    } catch (error) {
      const message = error instanceof TokenError ? error.message : 'Yêu cầu không được xác thực.';
      res.status(401).json({ errors: [{ message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      return;
    }
    // The caller is the gateway (or a peer): its deadline is trusted, and bounds this request's writes.
    const signal = abortedWhenClosedEarly(res);
    const requestId = (res.locals['identity'] as InternalContext).requestId;
    peerRequestId.run(requestId, () =>
      runWithDeadline(budgetFromHeader(req.headers[DEADLINE_HEADER]), signal, () => {
        // Count this request's SQL statements (reported in a response header, read by tests and bench).
        if (options.sql) options.sql.scope.run({ statements: 0 }, next);
        else next();
      }),
    );
  };

  app.use(
    '/graphql',
    observability.middleware,
    authenticate,
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ res }) => {
        const identity = (res.locals['identity'] as InternalContext | undefined) ?? {
          caller: { subject: null, role: null, org: null },
          requestId: randomUUID(),
          internalToken: '',
        };
        return options.buildContext(identity);
      },
    }),
  );
  options.routes?.(app, authenticate, async (res) => options.buildContext(res.locals['identity'] as InternalContext));
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Không tìm thấy.', extensions: { code: ErrorCode.NOT_FOUND } }] });
  });
  return { app, apollo };
}
