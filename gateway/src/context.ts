/** What every gateway request carries through Apollo to the subgraph calls. */
import type { Caller } from '@tdkt/identity';

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
