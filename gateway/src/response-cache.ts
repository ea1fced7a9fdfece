/**
 * Public answers from memory. A query sent without a token (no Authorization, no Cookie) reads only
 * published data, the same for every such caller, so its answer can be kept and given again: keyed by
 * the document as the gateway parsed it (printed, so layout and comments do not matter), the operation
 * name, the variables (keys sorted) and the Accept header (it chooses the content type). Anything a
 * caller with a token asks is never looked up nor kept: its answer depends on its role and scope.
 *
 * Only answers without errors are kept, apart from fields withheld from the public (null with
 * FORBIDDEN on their path, decided by the data alone); a subgraph down or bad input is never kept. An
 * answer lives at most `ttlMs`, and a mutation through this gateway drops, before its response is sent, every
 * answer that depends on the subgraph it wrote (response-cache-deps.ts). Writes that do not pass
 * through this gateway (another replica, the bulk loader, a restore, a seed) show after `ttlMs`.
 *
 * The answer says `x-tdkt-cache: hit | miss | bypass`. Cache-Control is left as the gateway sets it
 * without the cache: this memory is the gateway's own and changes nothing for the client or proxies.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { print, type DocumentNode, type FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from './context.js';
import type { PublicCacheMetrics } from './metrics.js';
import { ALL, supergraphDependencies, type Dependencies } from './response-cache-deps.js';
import { ResponseCacheStore, type Ticket } from './response-cache-store.js';

export const CACHE_HEADER = 'x-tdkt-cache';
export type CacheResult = 'hit' | 'miss' | 'bypass';

export interface PublicCacheOptions {
  enabled: boolean;
  /** The longest an answer is given again; bounds writes that did not pass through this gateway. */
  ttlMs: number;
  /** Memory for answers (bodies and keys), least recently used out first. */
  maxBytes: number;
  /** After a write, answers of subgraphs that read it through a copy are not kept for this long. */
  settleMs: number;
}

export const DEFAULT_PUBLIC_CACHE: PublicCacheOptions = {
  enabled: true,
  ttlMs: 5000,
  maxBytes: 64 * 1024 * 1024,
  settleMs: 1000,
};

/**
 * Document texts remembered (raw text → the printed document's hash), so that a known text is answered
 * before Apollo parses it: at most 500 of at most 16 kB (8 MB). A longer one is answered after parsing.
 */
const DOCUMENTS_KEPT = 500;
const DOCUMENT_TEXT_KEPT = 16 * 1024;
const STATS_REQUEST_HEADER = 'x-tdkt-stats';
/** Headers of a computed answer given again with it (Apollo's `cache-control: no-store` stays). */
const ANSWER_HEADERS = ['content-type', 'cache-control'];

interface PendingEntry {
  document: string;
  body: Buffer;
  dataEnd: number;
  extensions: Record<string, unknown> | null;
  operationName: string | null;
  dependencies: Dependencies;
}

/** A public query's passage through Apollo, from the middleware to the plugin and back. */
interface Lookup {
  ticket: Ticket;
  query: string;
  /** The key after the document: operation name, variables, Accept. */
  rest: string;
  result: CacheResult;
  pending: PendingEntry | null;
}

export interface PublicCache {
  /** Before Apollo on `/graphql` (after the caller is identified and the body parsed). */
  middleware(req: Request, res: Response, next: NextFunction): void;
  plugin: ApolloServerPlugin<GatewayContext>;
  store: ResponseCacheStore;
}

export interface PublicCacheSetup {
  supergraphSdl: string;
  /** Each subgraph's peers (platform manifest `calls`). */
  calls: Record<string, readonly string[]>;
  metrics: PublicCacheMetrics;
  /** Outside production a request may ask for `extensions.stats` (x-tdkt-stats: 1). */
  statsEnabled: boolean;
  /** Tells the request's log line and series what the cache did (and, on a hit, the operation). */
  observe(
    result: CacheResult,
    hit?: { operationName: string | null; variables?: Record<string, unknown> | null },
  ): void;
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` are one key. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A field withheld from the caller (null, FORBIDDEN on its path: "withheld is never empty"). For a
 * caller without a token the subgraphs decide it from the data alone, the same for every such caller,
 * so it is part of the public answer; any other error (a subgraph down, bad input) is not kept.
 */
function withheld(error: { extensions?: Record<string, unknown>; path?: readonly (string | number)[] }): boolean {
  return error.extensions?.['code'] === 'FORBIDDEN' && Array.isArray(error.path) && error.path.length > 0;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

export function createPublicCache(options: PublicCacheOptions, setup: PublicCacheSetup): PublicCache {
  const store = new ResponseCacheStore(options);
  const dependencies = supergraphDependencies(setup.supergraphSdl, setup.calls);
  const lookups = new AsyncLocalStorage<Lookup>();
  // Raw document text → the hash of the parsed document printed, learnt from Apollo's own parse.
  const documents = new Map<string, string>();
  const printed = new WeakMap<DocumentNode, string>();
  const metrics = setup.metrics;

  const report = () => metrics.size(store.bytes, store.size);
  // An answer given from memory cost no subgraph call and no SQL statement.
  const statsBody = (entry: { body: Buffer; dataEnd: number; extensions: Record<string, unknown> | null }) => {
    const extensions = { ...(entry.extensions ?? {}), stats: { subgraphCalls: [], sqlStatements: {} } };
    return Buffer.concat([
      entry.body.subarray(0, entry.dataEnd),
      Buffer.from(`,"extensions":${JSON.stringify(extensions)}}\n`),
    ]);
  };

  const learn = (query: string, document: string) => {
    if (query.length > DOCUMENT_TEXT_KEPT) return;
    documents.delete(query);
    documents.set(query, document);
    if (documents.size > DOCUMENTS_KEPT) documents.delete(documents.keys().next().value!);
  };
  const hashOf = (document: DocumentNode) => {
    let hash = printed.get(document);
    if (hash === undefined) {
      hash = createHash('sha256').update(print(document)).digest('base64url');
      printed.set(document, hash);
    }
    return hash;
  };

  const bypass = (res: Response, next: NextFunction) => {
    res.setHeader(CACHE_HEADER, 'bypass');
    metrics.lookup('bypass');
    setup.observe('bypass');
    next();
  };

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    const body: unknown = req.body;
    if (
      !options.enabled ||
      req.method !== 'POST' ||
      req.headers.authorization !== undefined ||
      req.headers.cookie !== undefined ||
      // A client that asks for a fresh answer (a reload, the bench measuring the read path) gets one.
      /\bno-(cache|store)\b/i.test(req.headers['cache-control'] ?? '') ||
      !isPlainObject(body) ||
      typeof body['query'] !== 'string' ||
      (body['operationName'] !== undefined && typeof body['operationName'] !== 'string') ||
      (body['variables'] !== undefined && body['variables'] !== null && !isPlainObject(body['variables'])) ||
      (body['extensions'] !== undefined && body['extensions'] !== null)
    )
      return bypass(res, next);
    const query = body['query'];
    const rest = `\n${(body['operationName'] as string | undefined) ?? ''}\n${canonicalJson(body['variables'] ?? {})}\n${req.headers.accept ?? ''}`;
    const document = documents.get(query);
    const entry = document === undefined ? undefined : store.get(document + rest);
    if (entry) {
      metrics.lookup('hit');
      setup.observe('hit', {
        operationName: entry.operationName,
        variables: body['variables'] as Record<string, unknown> | null | undefined,
      });
      const stats = setup.statsEnabled && req.headers[STATS_REQUEST_HEADER] === '1';
      res.status(200).setHeader(CACHE_HEADER, 'hit');
      for (const [name, value] of entry.headers) res.setHeader(name, value);
      res.send(stats ? statsBody(entry) : entry.body);
      return;
    }
    const lookup: Lookup = { ticket: store.begin(), query, rest, result: 'miss', pending: null };
    res.setHeader(CACHE_HEADER, 'miss');
    setup.observe('miss');
    res.once('close', () => metrics.lookup(lookup.result));
    res.once('finish', () => {
      const pending = lookup.pending;
      if (!pending || res.statusCode !== 200 || typeof res.getHeader('content-type') !== 'string') return;
      const headers = ANSWER_HEADERS.flatMap((name): [string, string][] => {
        const value = res.getHeader(name);
        return typeof value === 'string' ? [[name, value]] : [];
      });
      if (store.set(pending.document + rest, lookup.ticket, { ...pending, headers })) learn(query, pending.document);
      report();
    });
    lookups.run(lookup, next);
  };

  const invalidate = (written: Dependencies) => {
    if (written.has(ALL)) {
      store.invalidate([ALL], dependencies.subgraphs);
      metrics.invalidated(ALL);
    } else {
      for (const subgraph of written) {
        store.invalidate(dependencies.readersOf(subgraph), dependencies.laggingReadersOf(subgraph));
        metrics.invalidated(subgraph);
      }
    }
    report();
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      const lookup = lookups.getStore();
      return {
        // A document not seen in this text before, but the same once parsed: answered from memory
        // here, after Apollo parsed and validated it (then the next one is answered before Apollo).
        async responseForOperation({ document, operation }) {
          if (!lookup || operation.operation !== 'query') return null;
          const hash = hashOf(document);
          const entry = store.get(hash + lookup.rest);
          if (!entry) return null;
          lookup.result = 'hit';
          setup.observe('hit');
          learn(lookup.query, hash);
          return {
            http: { status: 200, headers: new HeaderMap([[CACHE_HEADER, 'hit']]) },
            body: { kind: 'single', singleResult: JSON.parse(entry.body.toString()) as FormattedExecutionResult },
          };
        },
        async willSendResponse({ response, document, operation, schema, contextValue, errors }) {
          if (operation?.operation === 'mutation' && document) {
            // Every mutation answers UNAUTHENTICATED to a caller without a token before its resolver
            // runs (subgraph-kit): such a refusal wrote nothing and must not empty the cache.
            const result = response.body.kind === 'single' ? response.body.singleResult : null;
            const refused =
              contextValue?.caller?.role === null &&
              !!result?.errors?.length &&
              result.errors.every((error) => error.extensions?.['code'] === 'UNAUTHENTICATED') &&
              Object.values(result.data ?? {}).every((value) => value === null);
            if (!refused) invalidate(dependencies.writtenBy(document, operation));
            if (lookup) {
              lookup.result = 'bypass';
              response.http.headers.set(CACHE_HEADER, 'bypass');
            }
            return;
          }
          if (!lookup) return;
          if (lookup.result === 'hit') {
            response.http.headers.set(CACHE_HEADER, 'hit');
            return;
          }
          if (operation?.operation !== 'query' || !document) {
            lookup.result = 'bypass';
            response.http.headers.set(CACHE_HEADER, 'bypass');
            return;
          }
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (
            !result.data ||
            !(result.errors ?? []).every(withheld) ||
            (errors ?? []).some((error) => !withheld(error))
          )
            return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          const hash = hashOf(document);
          const { stats: _stats, ...extensions } = result.extensions ?? {};
          const hasExtensions = Object.keys(extensions).length > 0;
          // As Apollo writes it (runHttpQuery's prettyJSONStringify): errors, data, extensions, newline.
          const head = `{${result.errors?.length ? `"errors":${JSON.stringify(result.errors)},` : ''}"data":${JSON.stringify(result.data)}`;
          const tail = `${hasExtensions ? `,"extensions":${JSON.stringify(extensions)}` : ''}}\n`;
          lookup.pending = {
            document: hash,
            body: Buffer.from(head + tail),
            dataEnd: Buffer.byteLength(head),
            extensions: hasExtensions ? extensions : null,
            operationName: operation.name?.value ?? null,
            dependencies: dependencies.ofQuery(schema, document, operation),
          };
        },
      };
    },
  };

  return { middleware, plugin, store };
}
