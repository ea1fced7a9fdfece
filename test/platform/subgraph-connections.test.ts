/**
 * The gateway's connections to its subgraphs: kept alive and reused (a new TCP connection per call
 * costs CPU on both sides), never more at once than the configured bound, and a connection that the
 * subgraph closed just as the gateway reused it costs a query nothing (it is sent again on a fresh
 * connection) and never re-sends a mutation that carries no idempotency key.
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGatewayApp, type GatewayApp, type GatewayOptions } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';
import { DEV_ISSUER, createCallerVerifier, issueCallerToken, loadOrCreateDevKeys, type DevKeys } from '@tdkt/identity';
import { dataOf, errorCodes, startStack, type GraphQLResponse, type Stack } from '../support/stack';

jest.setTimeout(60_000);

let stack: Stack;
let keyDir: string;
let keys: DevKeys;
beforeAll(async () => {
  stack = await startStack();
  keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-subgraph-connections-'));
  keys = await loadOrCreateDevKeys(keyDir);
});
afterAll(async () => {
  await stack?.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

interface OwnGateway {
  app: GatewayApp;
  gql(query: string, options?: { token?: string; headers?: Record<string, string> }): Promise<GraphQLResponse>;
}

/** A gateway of the test's own over the stack's subgraphs (the ones named in `urls` replaced). */
async function withGateway(
  urls: Record<string, string>,
  options: Partial<GatewayOptions>,
  run: (gateway: OwnGateway) => Promise<void>,
): Promise<void> {
  const app = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: {
      ...Object.fromEntries(Object.entries(stack.subgraphs).map(([name, subgraph]) => [name, subgraph.url])),
      ...urls,
    },
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }),
    internalSigner: stack.internalSigner,
    ...options,
  });
  const server = await new Promise<http.Server>((resolve) => {
    const listening = app.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  try {
    await run({
      app,
      async gql(query, requestOptions = {}) {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(requestOptions.token ? { authorization: `Bearer ${requestOptions.token}` } : {}),
            ...(requestOptions.headers ?? {}),
          },
          body: JSON.stringify({ query }),
        });
        return {
          status: response.status,
          headers: response.headers,
          body: (await response.json()) as GraphQLResponse['body'],
        };
      },
    });
  } finally {
    server.closeAllConnections();
    server.close();
    await app.apollo.stop();
    app.stop();
  }
}

const ORGANIZATION = `{ organization(code: "BTP") { code name } }`;

it('opens no more connections to a subgraph than its bound under load, and reuses them afterwards', async () => {
  const organizations = stack.subgraphs.organizations.server;
  let opened = 0;
  const count = () => (opened += 1);
  organizations.on('connection', count);
  try {
    await withGateway({}, { subgraphConnections: { maxSockets: 2 } }, async (gateway) => {
      const concurrent = await Promise.all(Array.from({ length: 20 }, () => gateway.gql(ORGANIZATION)));
      for (const response of concurrent) expect(dataOf(response).organization.code).toBe('BTP');
      const underLoad = opened;
      for (let index = 0; index < 20; index += 1)
        expect(dataOf(await gateway.gql(ORGANIZATION)).organization.code).toBe('BTP');

      expect(underLoad).toBeGreaterThanOrEqual(1);
      expect(underLoad).toBeLessThanOrEqual(2);
      expect(opened).toBe(underLoad); // the 20 calls after the burst went over the same connections
      expect(gateway.app.subgraphConnections()['organizations']).toMatchObject({ connectionsOpened: underLoad });
    });
  } finally {
    organizations.off('connection', count);
  }
});

/**
 * A TCP relay to a subgraph that, once armed, drops a connection that had already carried an answer as
 * soon as the next request arrives on it, without passing it on: what the gateway sees when the
 * subgraph closes an idle keep-alive connection at the moment the gateway sends on it.
 */
async function startDroppingRelay(target: string) {
  const { port } = new URL(target);
  const state = { armed: false, dropped: 0, forwarded: 0, connections: 0 };
  const relay = net.createServer((client) => {
    state.connections += 1;
    const upstream = net.connect(Number(port), '127.0.0.1');
    let answered = false;
    upstream.on('data', (chunk) => {
      answered = true;
      client.write(chunk);
    });
    client.on('data', (chunk) => {
      if (answered && state.armed) {
        state.armed = false;
        state.dropped += 1;
        client.destroy();
        upstream.destroy();
        return;
      }
      if (chunk.toString('latin1').startsWith('POST ')) state.forwarded += 1;
      upstream.write(chunk);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
  return {
    state,
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}/graphql`,
    close: () => new Promise<void>((resolve) => relay.close(() => resolve())),
  };
}

describe('a reused connection the subgraph closed as the gateway sent on it', () => {
  let relay: Awaited<ReturnType<typeof startDroppingRelay>>;
  beforeEach(async () => {
    relay = await startDroppingRelay(stack.subgraphs.organizations.url);
  });
  afterEach(() => relay.close());

  it('answers a query anyway: sent once more, on a new connection', async () => {
    await withGateway({ organizations: relay.url }, {}, async (gateway) => {
      expect(dataOf(await gateway.gql(ORGANIZATION)).organization.code).toBe('BTP');
      relay.state.armed = true;
      const again = await gateway.gql(ORGANIZATION);
      expect(again.body.errors).toBeUndefined();
      expect(again.body.data!.organization.code).toBe('BTP');
      expect(relay.state).toMatchObject({ dropped: 1, connections: 2 });
    });
  });

  it('re-sends a mutation only with an Idempotency-Key; without one it says OUTCOME_UNKNOWN', async () => {
    const token = await issueCallerToken(keys.privateJwk, { role: 'CENTRAL_BOARD', expiresIn: '10m' });
    const create = (code: string) =>
      `mutation { createOrganization(input: { code: "${code}", name: "Phòng thử kết nối ${code}", kind: DEPARTMENT, parentCode: "HN" }) { code } }`;
    await withGateway({ organizations: relay.url }, {}, async (gateway) => {
      expect(dataOf(await gateway.gql(ORGANIZATION)).organization.code).toBe('BTP');

      relay.state.armed = true;
      const unkeyed = await gateway.gql(create('KET_NOI_A'), { token });
      expect(errorCodes(unkeyed)).toEqual(['OUTCOME_UNKNOWN']);
      expect(relay.state.dropped).toBe(1);
      // It never reached the subgraph (the relay dropped it), and the gateway did not send it again.
      expect(dataOf(await gateway.gql(`{ organization(code: "KET_NOI_A") { code } }`)).organization).toBeNull();

      expect(dataOf(await gateway.gql(ORGANIZATION)).organization.code).toBe('BTP');
      relay.state.armed = true;
      const keyed = await gateway.gql(create('KET_NOI_B'), {
        token,
        headers: { 'idempotency-key': 'ket-noi-b-0001' },
      });
      expect(relay.state.dropped).toBe(2);
      expect(dataOf(keyed).createOrganization.code).toBe('KET_NOI_B');
    });
  });
});
