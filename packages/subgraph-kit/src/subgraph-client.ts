/**
 * A subgraph asking another subgraph something while serving a request (e.g. campaigns checking bloc
 * membership before accepting a signature). It forwards the request's own internal token, so the
 * other subgraph applies the same caller's rights; no subgraph holds a signing key.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { INTERNAL_HEADER } from '@tdkt/identity';
import { REQUEST_ID_HEADER } from '@tdkt/platform';
import { GraphQLError } from 'graphql';
import { serviceUnavailable } from './errors.js';

export interface SubgraphClientQueryOptions {
  /**
   * Accept fields the other subgraph withheld from this caller (null there, with a FORBIDDEN error on
   * that field's path; see access.ts): the data comes back with those nulls, other errors still throw.
   */
  allowWithheld?: boolean;
}

export interface SubgraphClient {
  readonly name: string;
  query<T>(
    document: string,
    variables: Record<string, unknown>,
    internalToken: string,
    options?: SubgraphClientQueryOptions,
  ): Promise<T>;
}

/**
 * The id of the request being served (set by the subgraph's server): a question to another subgraph
 * carries it in x-request-id, so the other subgraph logs (and audits) it under the same request. The
 * forwarded internal token may have been signed for an earlier request of the same caller.
 */
export const peerRequestId = new AsyncLocalStorage<string>();

type RemoteError = { message: string; path?: unknown[]; extensions?: Record<string, unknown> };

const isWithheldField = (error: RemoteError) =>
  error.extensions?.['code'] === 'FORBIDDEN' && Array.isArray(error.path) && error.path.length > 1;

const requestIdHeader = (requestId: string | undefined): Record<string, string> =>
  requestId ? { [REQUEST_ID_HEADER]: requestId } : {};

export function createSubgraphClient(name: string, url: string, timeoutMs = 5000): SubgraphClient {
  return {
    name,
    async query<T>(
      document: string,
      variables: Record<string, unknown>,
      internalToken: string,
      options: SubgraphClientQueryOptions = {},
    ): Promise<T> {
      let body: { data?: T; errors?: RemoteError[] };
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [INTERNAL_HEADER]: internalToken,
            ...requestIdHeader(peerRequestId.getStore()),
          },
          body: JSON.stringify({ query: document, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        body = (await response.json()) as typeof body;
        if (!response.ok && !body.errors) throw new Error(`HTTP ${response.status}`);
      } catch {
        throw serviceUnavailable(
          `Dịch vụ "${name}" tạm thời không phản hồi; chưa thể kiểm tra dữ liệu liên quan. Vui lòng thử lại.`,
          { serviceName: name },
        );
      }
      const first = body.errors?.find((error) => !(options.allowWithheld && body.data && isWithheldField(error)));
      if (first)
        throw new GraphQLError(first.message, { extensions: { ...(first.extensions ?? {}), serviceName: name } });
      return body.data as T;
    },
  };
}
