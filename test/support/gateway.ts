/**
 * A gateway of its own for a test that needs other settings than the stack's (limits, production
 * mode, server deadlines), over the given subgraphs, listening on loopback until `run` ends.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DEV_ISSUER,
  createCallerVerifier,
  createInternalSigner,
  generateInternalKeyPair,
  type DevKeys,
} from '@tdkt/identity';
import { createGatewayApp, type GatewayOptions } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';

export interface OwnGateway {
  url: string;
  port: number;
  server: Server;
}

export async function withGateway(
  setup: { subgraphUrls: Record<string, string>; keys: DevKeys; options?: Partial<GatewayOptions> },
  run: (gateway: OwnGateway) => Promise<void>,
): Promise<void> {
  const internal = await generateInternalKeyPair();
  const gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: setup.subgraphUrls,
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [setup.keys.publicJwk] } }),
    internalSigner: await createInternalSigner(internal.privateJwk),
    ...setup.options,
  });
  const server = await new Promise<Server>((resolve) => {
    const listening = gateway.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  try {
    const { port } = server.address() as AddressInfo;
    await run({ url: `http://127.0.0.1:${port}/graphql`, port, server });
  } finally {
    server.closeAllConnections();
    server.close();
    await gateway.apollo.stop();
    gateway.stop();
  }
}

/** The stack's subgraphs, by name, for a gateway of a test's own. */
export function subgraphUrlsOf(stack: { subgraphs: Record<string, { url: string }> }): Record<string, string> {
  return Object.fromEntries(Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, subgraph.url]));
}
