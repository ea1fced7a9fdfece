/**
 * How the gateway's subgraph calls travel: plain `node:http` over one keep-alive Agent per subgraph.
 * Undici's `fetch` (WHATWG Request, Headers, streams and AbortSignal for every call) cost 1.1–1.3 ms
 * of CPU per call here, a reused socket through `http.request` about 0.35 ms; BlocBoard makes several
 * calls per request, so this is a large share of the gateway's CPU.
 *
 * A transport answers the whole body at once (the gateway parses it as one JSON document anyway), and
 * the deadline covers connecting, sending and reading all of it. Only the calls of the gateway's data
 * sources go this way: readiness probes and the subgraphs' own peer calls keep `fetch`.
 */
import http from 'node:http';

export interface SubgraphRequest {
  method?: string;
  headers: Record<string, string>;
  body: string;
}

/** The part of a fetch Response that Apollo's RemoteGraphQLDataSource and our plugins read. */
export interface SubgraphResponse {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/**
 * One call to a subgraph, bounded by `timeoutMs`. A timeout rejects with a DOMException named
 * `TimeoutError` (what `fetch` with `AbortSignal.timeout` raises, so metrics and callers see one
 * shape); any other failure rejects with the socket's error (`code`: ECONNREFUSED, ECONNRESET …).
 */
export type SubgraphTransport = (url: string, request: SubgraphRequest, timeoutMs: number) => Promise<SubgraphResponse>;

export interface HttpTransportOptions {
  /** Connections open at once to the subgraph; further calls wait for a free one. */
  maxSockets: number;
  /**
   * An idle connection is closed after this. It must stay below the subgraph server's keepAliveTimeout
   * (SUBGRAPH_KEEP_ALIVE_TIMEOUT_MS, 75 s by default), so that we close first and never send onto a
   * socket the server is closing. Node also honours the server's `Keep-Alive: timeout=N` hint, less 1 s.
   */
  idleTimeoutMs: number;
}

export const DEFAULT_HTTP_TRANSPORT: HttpTransportOptions = Object.freeze({ maxSockets: 32, idleTimeoutMs: 60_000 });

export interface HttpTransport {
  send: SubgraphTransport;
  /** Connections opened so far (each reuse of an idle one is not counted), and those open now. */
  stats(): { connectionsOpened: number; openConnections: number; idleConnections: number };
  /** Closes the idle connections and stops keeping new ones. */
  close(): void;
}

/** Raised when the deadline passed; `connected` false means no byte of the request left (never delivered). */
export class SubgraphTimeoutError extends DOMException {
  constructor(readonly connected: boolean) {
    super('The operation was aborted due to timeout', 'TimeoutError');
  }
}

class BufferedResponse implements SubgraphResponse {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    private readonly rawHeaders: http.IncomingHttpHeaders,
    private readonly body: string,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  readonly headers = {
    get: (name: string): string | null => {
      const value = this.rawHeaders[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : String(value);
    },
  };

  async text(): Promise<string> {
    return this.body;
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.body);
  }
}

interface Target {
  hostname: string;
  port: string;
  path: string;
}

export function createHttpTransport(options: Partial<HttpTransportOptions> = {}): HttpTransport {
  const settings = { ...DEFAULT_HTTP_TRANSPORT, ...options };
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: settings.maxSockets,
    maxFreeSockets: settings.maxSockets,
    // Applied to idle sockets by the agent (closed when it fires); a busy one is bounded by our deadline.
    timeout: settings.idleTimeoutMs,
    // The most recently used socket first: under light load the others go idle and are closed.
    scheduling: 'lifo',
  });
  let connectionsOpened = 0;
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:')
        throw new Error(`The subgraph transport speaks http only (got ${parsed.protocol})`);
      target = {
        hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
        port: parsed.port || '80',
        path: `${parsed.pathname}${parsed.search}`,
      };
      targets.set(url, target);
    }
    return target;
  };

  const send: SubgraphTransport = (url, request, timeoutMs) =>
    new Promise<SubgraphResponse>((resolve, reject) => {
      const target = targetOf(url);
      const headers: http.OutgoingHttpHeaders = {
        ...request.headers,
        'content-length': Buffer.byteLength(request.body),
      };
      const req = http.request({
        agent,
        hostname: target.hostname,
        port: target.port,
        path: target.path,
        method: request.method ?? 'POST',
        headers,
      });
      let settled = false;
      let connected = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // Whether the socket had served earlier calls: a reset on a reused one is the server closing
        // an idle connection as we wrote, the case a query's single retry is for.
        Object.assign(error, { reusedSocket: req.reusedSocket });
        reject(error);
        req.destroy();
      };
      const timer = setTimeout(() => fail(new SubgraphTimeoutError(connected)), timeoutMs);
      req.once('socket', (socket) => {
        if (req.reusedSocket || !socket.connecting) connected = true;
        else {
          connectionsOpened += 1;
          socket.once('connect', () => (connected = true));
        }
      });
      req.once('error', fail);
      req.once('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', fail);
        res.once('aborted', () => fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })));
        res.once('end', () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const body = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
          resolve(new BufferedResponse(url, res.statusCode ?? 0, res.statusMessage ?? '', res.headers, body));
        });
      });
      req.end(request.body);
    });

  const count = (sockets: NodeJS.ReadOnlyDict<unknown[]>) =>
    Object.values(sockets).reduce((sum, list) => sum + (list?.length ?? 0), 0);
  return {
    send,
    stats: () => ({
      connectionsOpened,
      openConnections: count(agent.sockets) + count(agent.freeSockets),
      idleConnections: count(agent.freeSockets),
    }),
    close: () => agent.destroy(),
  };
}

/**
 * The same calls through the global `fetch`: for hosts `fetch` alone can reach (the in-process test
 * tier answers `*.in-process.invalid` in memory by wrapping `fetch`), looked up on every call.
 */
export const fetchTransport: SubgraphTransport = async (url, request, timeoutMs) => {
  const response = await fetch(url, {
    method: request.method ?? 'POST',
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  return response as SubgraphResponse;
};
