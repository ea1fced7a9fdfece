/**
 * The gateway's HTTP server against slow and greedy clients, over raw sockets: a request must arrive
 * within its deadlines (headers, then the whole body), one client address may hold only so many
 * connections, and an idle keep-alive socket stays usable longer than a load balancer keeps its own
 * idle upstream connections (else the balancer races the close and answers 502).
 */
import net from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type GatewayOptions } from '@tdkt/gateway';
import { loadOrCreateDevKeys } from '@tdkt/identity';
import { SUBGRAPH_NAMES } from '@tdkt/platform';
import { withGateway as withOwnGateway } from '../support/gateway';

jest.setTimeout(60_000);

let keyDir: string;
beforeAll(() => {
  keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-connections-'));
});
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

/** A gateway of its own (no subgraph is called: `{ __typename }` is answered by the gateway). */
/** The connection limits need no subgraph behind the gateway: its subgraph URLs lead nowhere. */
const NOWHERE = 'http://127.0.0.1:9/graphql';

async function withGateway(
  options: Partial<GatewayOptions>,
  run: (port: number, server: Server) => Promise<void>,
): Promise<void> {
  const keys = await loadOrCreateDevKeys(keyDir);
  const subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, NOWHERE]));
  await withOwnGateway({ subgraphUrls, keys, options }, ({ port, server }) => run(port, server));
}

const BODY = JSON.stringify({ query: '{ __typename }' });
const REQUEST = `POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BODY)}\r\n\r\n${BODY}`;

/** A raw client socket that records what it receives and when the server closed it. */
function connect(port: number): Promise<{ socket: net.Socket; received: () => string; closedAt: () => number | null }> {
  return new Promise((resolve, reject) => {
    let text = '';
    let closedAt: number | null = null;
    const socket = net.connect(port, '127.0.0.1', () =>
      resolve({ socket, received: () => text, closedAt: () => closedAt }),
    );
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('close', () => (closedAt = Date.now()));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await delay(50);
  }
  return condition();
}

const statuses = (text: string) => (text.match(/HTTP\/1\.1 \d{3}/g) ?? []).map((line) => Number(line.slice(9)));

describe('slow clients', () => {
  const server = { requestTimeoutMs: 2000, headersTimeoutMs: 1000 };

  it('closes a request whose body trickles in (one byte every 500 ms) at the request deadline', async () => {
    await withGateway({ server }, async (port) => {
      const client = await connect(port);
      const started = Date.now();
      client.socket.write(
        `POST /graphql HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: ${BODY.length}\r\n\r\n`,
      );
      const drip = setInterval(() => {
        if (!client.socket.destroyed) client.socket.write(' ');
      }, 500);
      try {
        // Node's own default would keep it for 300 s; here it must go within the 2 s deadline (+ the check interval).
        expect(await until(() => client.closedAt() !== null, 8000)).toBe(true);
      } finally {
        clearInterval(drip);
        client.socket.destroy();
      }
      console.log(
        `slow body closed after ${client.closedAt()! - started} ms: ${JSON.stringify(client.received().split('\r\n')[0])}`,
      );
      expect(statuses(client.received())).toEqual([408]);
    });
  });

  it('closes a request whose headers trickle in at the headers deadline', async () => {
    await withGateway({ server }, async (port) => {
      const client = await connect(port);
      client.socket.write('POST /graphql HTTP/1.1\r\nHost: gateway\r\n');
      const drip = setInterval(() => {
        if (!client.socket.destroyed) client.socket.write('X-Slow: a\r\n');
      }, 300);
      try {
        expect(await until(() => client.closedAt() !== null, 6000)).toBe(true);
      } finally {
        clearInterval(drip);
        client.socket.destroy();
      }
      expect(statuses(client.received())).toEqual([408]);
    });
  });

  it('closes a connection that never sends a byte at the headers deadline', async () => {
    await withGateway({ server }, async (port) => {
      const client = await connect(port);
      expect(await until(() => client.closedAt() !== null, 6000)).toBe(true);
      client.socket.destroy();
      expect(statuses(client.received())).toEqual([408]);
    });
  });

  it('lets one client address hold only so many connections, and a closed one frees its place', async () => {
    await withGateway({ server: { maxConnectionsPerClient: 3 } }, async (port) => {
      const held = [await connect(port), await connect(port), await connect(port)];
      const extra = await connect(port);
      extra.socket.write(REQUEST);
      expect(await until(() => extra.closedAt() !== null, 5000)).toBe(true);
      expect(statuses(extra.received())).toEqual([503]);
      const body = JSON.parse(extra.received().slice(extra.received().indexOf('\r\n\r\n') + 4));
      expect(body.errors[0].extensions.code).toBe('TOO_MANY_CONNECTIONS');
      // The held ones still work.
      held[0]!.socket.write(REQUEST);
      expect(await until(() => statuses(held[0]!.received()).length === 1, 5000)).toBe(true);
      expect(statuses(held[0]!.received())).toEqual([200]);
      held[1]!.socket.destroy();
      await delay(200);
      const again = await connect(port);
      again.socket.write(REQUEST);
      expect(await until(() => statuses(again.received()).length === 1, 5000)).toBe(true);
      expect(statuses(again.received())).toEqual([200]);
      for (const client of [...held, again]) client.socket.destroy();
    });
  });
});

describe('keep-alive', () => {
  it('answers on a socket left idle for 7 s, past Node’s default 5 s idle close, with short request deadlines', async () => {
    // Short header/request deadlines on purpose: they bound requests in progress, not idle sockets.
    await withGateway({ server: { headersTimeoutMs: 1000, requestTimeoutMs: 2000 } }, async (port, server) => {
      expect(server.keepAliveTimeout).toBeGreaterThanOrEqual(75_000);
      const client = await connect(port);
      client.socket.write(REQUEST);
      expect(await until(() => statuses(client.received()).length === 1, 5000)).toBe(true);
      expect(client.received()).toMatch(/Keep-Alive: timeout=7\d/i);
      await delay(7000);
      expect(client.closedAt()).toBeNull();
      client.socket.write(REQUEST);
      expect(await until(() => statuses(client.received()).length === 2, 5000)).toBe(true);
      expect(statuses(client.received())).toEqual([200, 200]);
      client.socket.destroy();
    });
  });
});
