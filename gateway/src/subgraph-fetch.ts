/**
 * The gateway's calls to the subgraphs: the caller re-signed for them, the request id and idempotency
 * key passed on, every call bounded by a timeout and a failed query tried once more, and failures
 * replaced by an error that names the subgraph but never its internal URL.
 */
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { INTERNAL_HEADER } from '@tdkt/identity';
import { REQUEST_ID_HEADER } from '@tdkt/platform';
import type { GatewayContext } from './context.js';
import { missingFieldPaths } from './missing-fields.js';
import { officerInputMessage } from './input-messages.js';
import {
  SubgraphTimeoutError,
  type SubgraphRequest,
  type SubgraphResponse,
  type SubgraphTransport,
} from './subgraph-transport.js';

/** Each subgraph reports how many SQL statements a request cost (tests and the bench read it). */
export const SQL_STATEMENTS_HEADER = 'x-tdkt-sql-statements';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/**
 * How long (ms) the gateway waits for this call: the subgraph ends its writes' lock waits and
 * statements, and refuses to commit, before then (subgraph-kit deadline.ts).
 */
export const DEADLINE_HEADER = 'x-tdkt-deadline-ms';

function outcomeUnknown(name: string): GraphQLError {
  return new GraphQLError(
    `Dịch vụ "${name}" không trả lời kịp nên không biết thao tác đã được lưu hay chưa. Hãy kiểm tra lại dữ liệu trước khi làm lại, hoặc gửi lại đúng yêu cầu với cùng Idempotency-Key (thao tác đã lưu sẽ không bị ghi hai lần).`,
    { extensions: { code: 'OUTCOME_UNKNOWN', serviceName: name } },
  );
}

/** Connection errors that prove the request never reached the subgraph. */
const NOT_DELIVERED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function neverDelivered(error: unknown): boolean {
  // The deadline passed before the connection was even made: nothing was sent.
  if (error instanceof SubgraphTimeoutError) return !error.connected;
  for (let cause = error, depth = 0; cause && depth < 4; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_DELIVERED.has(code)) return true;
    const errors = (cause as { errors?: unknown[] }).errors; // AggregateError of a dual-stack connect
    if (Array.isArray(errors) && errors.length > 0 && errors.every((inner) => neverDelivered(inner))) return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

function isMutation(document: string | undefined): boolean {
  return typeof document === 'string' && /^\s*mutation\b/.test(document);
}

function subgraphUnavailable(name: string): GraphQLError {
  return new GraphQLError(`Dịch vụ "${name}" tạm thời không phản hồi; phần dữ liệu của dịch vụ này bị thiếu.`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', serviceName: name },
  });
}

export class CallerForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /**
   * A call to a subgraph that is down answers as if each field it was asked for had failed: one
   * SERVICE_UNAVAILABLE error (OUTCOME_UNKNOWN for a mutation that may have been applied) per missing
   * field, with the path the client asked for (the gateway maps `_entities` paths back to the
   * client's), and the rest of the answer kept. Thrown, the error would reach the client with no path.
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']> {
    try {
      return await super.process(options);
    } catch (error) {
      const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
      if (!(error instanceof GraphQLError) || (code !== 'SERVICE_UNAVAILABLE' && code !== 'OUTCOME_UNKNOWN'))
        throw error;
      // Health checks and schema loading have no document: nothing to point at.
      const document = 'document' in options ? options.document : undefined;
      const paths = missingFieldPaths(document ?? options.request.query, options.request.variables);
      if (paths.length === 0) throw error;
      return {
        data: null,
        errors: paths.map((path) => ({ message: error.message, path, extensions: { ...error.extensions } })),
      };
    }
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    if (!context || typeof (context as Partial<GatewayContext>).internalToken !== 'function') return;
    request.http?.headers.set(INTERNAL_HEADER, await context.internalToken());
    request.http?.headers.set(REQUEST_ID_HEADER, context.requestId);
    // A client's idempotency key goes to the subgraph that runs the mutation (it keeps the first answer).
    if (context.idempotencyKey) request.http?.headers.set(IDEMPOTENCY_HEADER, context.idempotencyKey);
  }

  override async didReceiveResponse({
    response,
    context,
  }: Required<Pick<GraphQLDataSourceProcessOptions<GatewayContext>, 'context'>> & { response: any }): Promise<any> {
    const statements = response.http?.headers?.get?.(SQL_STATEMENTS_HEADER);
    (context as GatewayContext).subgraphCalls?.push({
      subgraph: this.name,
      sqlStatements: statements === null || statements === undefined ? null : Number(statements),
    });
    return response;
  }

  override didEncounterError(
    error: Error,
    _fetchRequest: unknown,
    response?: { status: number },
    _context?: unknown,
    request?: { query?: string },
  ): void {
    // A 400 from a subgraph is a request it refused (e.g. a custom scalar such as LocalDate rejecting
    // "2025-02-30", which the gateway passes through unparsed): hand its error on as bad input.
    const body = (error as GraphQLError).extensions?.['response'] as
      { body?: { errors?: { message?: string }[] } } | undefined;
    const refusal = body?.body?.errors?.[0];
    if (response?.status === 400 && refusal?.message) {
      // graphql-js's English wrapper around the scalar's Vietnamese refusal: keep the refusal, name the field.
      const { message, field } = officerInputMessage(refusal.message) ?? { message: refusal.message };
      throw new GraphQLError(message, {
        extensions: { code: 'BAD_USER_INPUT', serviceName: this.name, ...(field ? { field } : {}) },
      });
    }
    // A mutation sent but not answered (timeout, connection lost) may have committed: never call that a
    // plain failure. The subgraph gives up before our deadline, so this is the rare case (a COMMIT
    // straddling it, a stalled process).
    if (!response && isMutation(request?.query) && !neverDelivered(error)) throw outcomeUnknown(this.name);
    // Network failures, timeouts and anything else carry the internal URL: replace them entirely.
    throw subgraphUnavailable(this.name);
  }

  readonly name: string;
  constructor(config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0] & { name: string }) {
    super(config);
    this.name = config.name;
  }
}

/**
 * Apollo's `sendRequest` (private in its typings, hence set here) less the node-fetch `Request` it
 * builds for every call only to hand to `parseBody` and `didEncounterError`, which ignore it here:
 * parsing the URL and wrapping the body in a stream cost about 2 % of the gateway's CPU on the board.
 * Everything else is as in @apollo/gateway 2.14 (RemoteGraphQLDataSource.sendRequest).
 */
type SendRequest = (this: CallerForwardingDataSource, request: any, context: GatewayContext) => Promise<object>;
const sendRequest: SendRequest = async function (request, context) {
  if (!request.http) throw new Error("Internal error: Only 'http' requests are supported.");
  const { http, ...withoutHttp } = request;
  const init = {
    method: http.method,
    headers: Object.fromEntries(http.headers as unknown as Iterable<[string, string]>),
    body: JSON.stringify(withoutHttp),
  };
  let response: Awaited<ReturnType<CallerForwardingDataSource['fetcher']>> | undefined;
  try {
    response = await this.fetcher(http.url, init);
    if (!response.ok) throw await this.errorFromResponse(response);
    const body = await this.parseBody(response, undefined, context);
    if (typeof body !== 'object' || body === null)
      throw new Error(`Expected JSON response body, but received: ${body}`);
    return { ...body, http: response };
  } catch (error) {
    this.didEncounterError(error as Error, undefined, response as { status: number } | undefined, context, request);
    throw error;
  }
};
Object.defineProperty(CallerForwardingDataSource.prototype, 'sendRequest', { value: sendRequest, writable: true });

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

/** What Apollo's data source hands its fetcher: the headers as a plain object of lower-case names. */
export type SubgraphFetcher = (url: string, init: SubgraphRequest) => Promise<SubgraphResponse>;

/**
 * Every subgraph call is bounded by the timeout. A query that fails to connect (refused, reset: the
 * subgraph restarting, a keep-alive socket the subgraph closed as we reused it) is tried once more; a
 * timeout is not retried (the subgraph is slow, not gone) and a mutation only when it carries an
 * idempotency key.
 */
export function retryingFetcher(transport: SubgraphTransport, timeoutMs: number): SubgraphFetcher {
  const deadline = String(timeoutMs);
  return async (url, init) => {
    const request: SubgraphRequest = {
      method: init.method,
      headers: { ...init.headers, [DEADLINE_HEADER]: deadline },
      body: init.body,
    };
    try {
      return await transport(url, request, timeoutMs);
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      // A mutation carrying an idempotency key may be re-sent: the subgraph answers a replay without acting.
      const keyed = Object.keys(request.headers).some((name) => name.toLowerCase() === IDEMPOTENCY_HEADER);
      if (timedOut || !(isQuery(request.body) || keyed)) throw error;
      return transport(url, request, timeoutMs);
    }
  };
}
