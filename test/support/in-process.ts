/**
 * The in-process tier: the built subgraphs of the platform manifest behind the real gateway, on real
 * PostgreSQL databases (copies of the run's template, see databases.ts), with no socket anywhere.
 * For field, loader (SQL counted) and permission tests; HTTP behaviour (status codes, headers, limits
 * of the HTTP layer, a subgraph going down, the browser) stays with the HTTP tier (stack.ts).
 *
 * How a request travels, and why this way:
 * - Into the gateway: `executeOperation` of the gateway's own ApolloServer (createGatewayApp, so the
 *   same ApolloGateway, query planner, plugins, operation limits and error masking), with the context
 *   its HTTP middleware would build: the caller verified from the bearer token, a request id, and the
 *   internal caller token signed once per request on first use.
 * - Gateway to subgraph, and subgraph to subgraph: each subgraph is given a URL on a reserved host
 *   (`http://<name>.<stack id>.in-process.invalid/graphql`) and, while the tier runs, `fetch` hands requests for
 *   those hosts to that subgraph's Express app in memory (`dispatch` below) instead of the network
 *   (the gateway is told to call its subgraphs through `fetch`: `fetchTransport`, not node:http).
 *   So every subgraph call goes through the subgraph's real front: the internal token is verified,
 *   the context is built by the subgraph's own context builder from that verified identity, the
 *   request's SQL statements are counted in the kit's scope and reported in `x-tdkt-sql-statements`,
 *   idempotency keys are honoured. The gateway's data sources (which sign the identity, forward the
 *   request id and read the SQL count) and the subgraphs' peer clients (campaigns and awards asking
 *   organizations) run unchanged. A mocked context or a direct `executeOperation` on a subgraph could
 *   not be the real thing: the subgraphs do not export their context builders, on purpose.
 * - Anything else `fetch` is asked for goes to the real `fetch`.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { IncomingMessage, ServerResponse, type IncomingHttpHeaders } from 'node:http';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEV_ISSUER,
  PUBLIC_CALLER,
  createCallerVerifier,
  createInternalSigner,
  createInternalVerifier,
  generateInternalKeyPair,
  issueCallerToken,
  loadOrCreateDevKeys,
  type Caller,
  type Role,
} from '@tdkt/identity';
import { REQUEST_ID_HEADER, requestIdFrom } from '@tdkt/platform';
import type { Database } from '@tdkt/subgraph-kit';
import { createGatewayApp, fetchTransport, type GatewayContext } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';
import { openSubgraphDatabases, type DataSet } from './databases';
import type { GraphQLResponse, RequestOptions } from './stack';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface InProcessSubgraph {
  name: string;
  /** Where the gateway and the peers reach it; `fetch(url)` from a test reaches it too. */
  url: string;
  database: Database;
}

export interface InProcessStack {
  subgraphs: Record<string, InProcessSubgraph>;
  adminUrl: string;
  databaseNames: string[];
  token(role: Role, org?: string): Promise<string>;
  /** The gateway's internal credential for a caller, to call a subgraph directly as the gateway would. */
  internalToken(caller: Caller): Promise<string>;
  /** An operation through the gateway, answered in the shape of the HTTP tier's `gql`. */
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * One request through an Express app without a socket: a real IncomingMessage carrying the body, and
 * a real ServerResponse whose output is collected instead of written to a connection.
 */
async function dispatch(handler: RequestHandler, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = Buffer.from(await request.arrayBuffer());
  const req = new IncomingMessage(new Socket());
  req.method = request.method;
  req.url = `${url.pathname}${url.search}`;
  const headers: IncomingHttpHeaders = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['host'] = url.host;
  headers['content-length'] = String(body.length);
  req.headers = headers;
  req.push(body);
  req.push(null);

  const res = new ServerResponse(req);
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
    chunks.push(
      Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'),
    );
  };
  return new Promise<Response>((resolve, reject) => {
    res.write = ((chunk: unknown, encoding?: unknown) => {
      collect(chunk, encoding);
      return true;
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      collect(chunk, encoding);
      if (!res.headersSent) res.writeHead(res.statusCode);
      (res as { finished: boolean }).finished = true;
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(res.getHeaders())) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, String(item));
      }
      const status = res.statusCode;
      resolve(
        new Response(status === 204 || status === 304 ? null : Buffer.concat(chunks), {
          status,
          headers: responseHeaders,
        }),
      );
      res.emit('finish');
      res.emit('close');
      return res;
    }) as ServerResponse['end'];
    try {
      handler(req, res);
    } catch (error) {
      reject(error);
    }
  });
}

/**
 * The hosts `fetch` answers in memory, over every in-process stack alive in this test file (a file may
 * run two, each with its own hosts); the real `fetch` is back once the last one stops.
 */
const routes = new Map<string, RequestHandler>();
let realFetch: typeof fetch | undefined;

function route(host: string, handler: RequestHandler): void {
  if (!realFetch) {
    const network = globalThis.fetch;
    realFetch = network;
    globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      const local = routes.get(new URL(request.url).host);
      return local ? dispatch(local, request) : network(input, init);
    };
  }
  routes.set(host, handler);
}

function unroute(host: string): void {
  routes.delete(host);
  if (routes.size === 0 && realFetch) {
    globalThis.fetch = realFetch;
    realFetch = undefined;
  }
}

export async function startInProcess(options: { demo?: boolean } = {}): Promise<InProcessStack> {
  const dataSet: DataSet = options.demo ? 'demo' : 'reference';
  const opened = await openSubgraphDatabases(dataSet);

  const internal = await generateInternalKeyPair();
  const verifier = await createInternalVerifier(internal.publicJwk);
  const signer = await createInternalSigner(internal.privateJwk);
  const keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-test-keys-'));
  const callerKeys = await loadOrCreateDevKeys(keyDir);
  const callerVerifier = createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [callerKeys.publicJwk] } });

  const stackId = randomBytes(4).toString('hex');
  const hosts: string[] = [];
  const subgraphs: Record<string, InProcessSubgraph> = {};
  const stopApollo: (() => Promise<void>)[] = [];
  const urls: Record<string, string> = {};
  for (const { entry, definition, database } of opened.databases) {
    const host = `${entry.name}.${stackId}.in-process.invalid`;
    urls[entry.name] = `http://${host}/graphql`;
    const peers = Object.fromEntries(entry.calls.map((peer) => [peer, urls[peer]!]));
    const { app, apollo } = await definition.createApp(database, verifier, peers);
    route(host, app as unknown as RequestHandler);
    hosts.push(host);
    stopApollo.push(() => apollo.stop());
    subgraphs[entry.name] = { name: entry.name, url: urls[entry.name]!, database };
  }

  const gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: urls,
    callerVerifier,
    internalSigner: signer,
    subgraphTimeoutMs: 15_000,
    dashboardDir: null,
    // The gateway's own transport is node:http; through `fetch` its calls reach the routes above.
    subgraphTransport: fetchTransport,
  });

  return {
    subgraphs,
    adminUrl: process.env['TDKT_TEST_ADMIN_URL']!,
    databaseNames: opened.names,
    token: (role, org) => issueCallerToken(callerKeys.privateJwk, { role, org: org ?? null, expiresIn: '10m' }),
    internalToken: (caller) => signer.sign(caller, `test-${randomBytes(4).toString('hex')}`),
    async gql(query, variables, requestOptions = {}) {
      const headers = new Map<string, string>(
        Object.entries(requestOptions.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
      );
      // As the gateway's HTTP front does: the caller from the bearer token, the request id (the
      // caller's own when acceptable, else a new one), the internal token signed once on first use,
      // and the client's idempotency key.
      const caller = requestOptions.token ? await callerVerifier.verify(requestOptions.token) : PUBLIC_CALLER;
      const requestId = requestIdFrom(headers.get(REQUEST_ID_HEADER));
      let internalToken: Promise<string> | undefined;
      const contextValue: GatewayContext = {
        caller,
        requestId,
        internalToken: () => (internalToken ??= signer.sign(caller, requestId)),
        idempotencyKey: headers.get('idempotency-key')?.slice(0, 200) ?? null,
        subgraphCalls: [],
      };
      const response = await gateway.apollo.executeOperation(
        {
          query,
          variables,
          http: { method: 'POST', headers: headers as never, search: '', body: { query, variables } },
        },
        { contextValue },
      );
      if (response.body.kind !== 'single') throw new Error('The in-process tier answers single results only');
      const responseHeaders = new Headers();
      for (const [name, value] of response.http.headers) responseHeaders.set(name, value);
      responseHeaders.set(REQUEST_ID_HEADER, requestId);
      return {
        status: response.http.status ?? 200,
        headers: responseHeaders,
        body: response.body.singleResult as GraphQLResponse['body'],
      };
    },
    async stop() {
      await gateway.apollo.stop();
      gateway.stop();
      for (const stop of stopApollo) await stop();
      for (const host of hosts) unroute(host);
      await opened.close();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}
