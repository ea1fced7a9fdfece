/** The request id that ties a client's request to the gateway's and the subgraphs' log lines. */
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a caller may send as its own request id: short and free of anything a log could misread. */
export const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's `x-request-id` when it is acceptable, else null. */
export function acceptedRequestId(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : null;
}

/** The caller's `x-request-id` when it is acceptable, else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return acceptedRequestId(header) ?? randomUUID();
}
