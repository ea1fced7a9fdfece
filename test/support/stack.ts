/**
 * The whole platform in one test process, over real HTTP and a real PostgreSQL: the subgraphs of the
 * platform manifest on loopback ports, each with its own database (a copy of the run's template, see
 * databases.ts), and the gateway over the committed supergraph. For tests of HTTP behaviour: the
 * platform, security, reliability and the browser. Field, loader and permission tests use the
 * in-process tier (in-process.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEV_ISSUER,
  createCallerVerifier,
  createInternalSigner,
  createInternalVerifier,
  generateInternalKeyPair,
  issueCallerToken,
  loadOrCreateDevKeys,
  type Caller,
  type InternalTokenSigner,
  type Role,
} from '@tdkt/identity';
import { SUBGRAPHS } from '@tdkt/platform';
import type { Database } from '@tdkt/subgraph-kit';
import { createGatewayApp } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';
import { openSubgraphDatabases, type DataSet } from './databases';

export { createDatabases, dropDatabases } from './databases';

export const SUBGRAPH_NAMES: readonly string[] = SUBGRAPHS.map((entry) => entry.name);
export type SubgraphName = string;

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: {
    data?: T;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
    extensions?: Record<string, any>;
  };
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

interface RunningSubgraph {
  name: SubgraphName;
  url: string;
  database: Database;
  server: Server;
  app: { listen: (port: number, host: string, cb: () => void) => Server };
  stopApollo(): Promise<void>;
}

export interface Stack {
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  adminUrl: string;
  databaseNames: string[];
  token(role: Role, org?: string): Promise<string>;
  /** Signs internal credentials as the stack's gateway does (for a test's own gateway over these subgraphs). */
  internalSigner: InternalTokenSigner;
  /** The gateway's internal credential for a caller, to call a subgraph directly as the gateway would. */
  internalToken(caller: Caller): Promise<string>;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** Stops one subgraph's HTTP server (simulates it being down). */
  stopSubgraph(name: SubgraphName): Promise<void>;
  /** Starts a stopped subgraph again on the same port. */
  restartSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

function listen(app: { listen: (port: number, host: string, cb: () => void) => Server }): Promise<Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function urlOf(server: Server, suffix = '/graphql'): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${suffix}`;
}

export interface StackOptions {
  /** The reference data only (default), or the demo data set as well. */
  demo?: boolean;
  subgraphTimeoutMs?: number;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataSet: DataSet = options.demo ? 'demo' : 'reference';
  const opened = await openSubgraphDatabases(dataSet);

  const internal = await generateInternalKeyPair();
  const verifier = await createInternalVerifier(internal.publicJwk);
  const signer = await createInternalSigner(internal.privateJwk);
  const keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-test-keys-'));
  const callerKeys = await loadOrCreateDevKeys(keyDir);

  // In manifest order: a subgraph's peers (the subgraphs it calls) are listening before it starts.
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  for (const { entry, definition, database } of opened.databases) {
    const peers = Object.fromEntries(entry.calls.map((peer) => [peer, subgraphs[peer]!.url]));
    const { app, apollo } = await definition.createApp(database, verifier, peers);
    const server = await listen(app);
    subgraphs[entry.name] = {
      name: entry.name,
      url: urlOf(server),
      database,
      server,
      app,
      stopApollo: () => apollo.stop(),
    };
  }

  const gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name]!.url])),
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [callerKeys.publicJwk] } }),
    internalSigner: signer,
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 15_000,
    readinessTimeoutMs: 1000,
    devSigningKey: callerKeys.privateJwk, // the dashboard's sign-in picker (POST /dev/token)
  });
  const gatewayServer = await listen(gateway.app);
  const gatewayUrl = urlOf(gatewayServer);

  const closeServer = (server: Server) =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  return {
    gatewayUrl,
    subgraphs,
    adminUrl: process.env['TDKT_TEST_ADMIN_URL']!,
    databaseNames: opened.names,
    internalSigner: signer,
    token: (role, org) => issueCallerToken(callerKeys.privateJwk, { role, org: org ?? null, expiresIn: '10m' }),
    internalToken: (caller) => signer.sign(caller, `test-${randomBytes(4).toString('hex')}`),
    async gql(query, variables, requestOptions = {}) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(requestOptions.token ? { authorization: `Bearer ${requestOptions.token}` } : {}),
          ...(requestOptions.headers ?? {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.status,
        headers: response.headers,
        body: (await response.json()) as GraphQLResponse['body'],
      };
    },
    async stopSubgraph(name) {
      await closeServer(subgraphs[name]!.server);
    },
    async restartSubgraph(name) {
      const port = Number(new URL(subgraphs[name]!.url).port);
      subgraphs[name]!.server = await new Promise<Server>((resolve) => {
        const server = subgraphs[name]!.app.listen(port, '127.0.0.1', () => resolve(server));
      });
    },
    async stop() {
      await closeServer(gatewayServer);
      await gateway.apollo.stop();
      gateway.stop();
      for (const name of SUBGRAPH_NAMES) {
        await closeServer(subgraphs[name]!.server);
        await subgraphs[name]!.stopApollo();
      }
      await opened.close();
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/** The `extensions.code` of each error, for terse assertions. */
export function errorCodes(response: GraphQLResponse): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.['code']));
}

/**
 * Data as this caller may see it: fields withheld from the caller are null with FORBIDDEN on their
 * (nested) path, which is not a failure; any other error fails the test as `dataOf` does.
 */
export function visibleDataOf<T = any>(response: GraphQLResponse<T>): T {
  const errors = response.body.errors ?? [];
  const withheld = (error: (typeof errors)[number]) =>
    error.extensions?.['code'] === 'FORBIDDEN' && Array.isArray(error.path) && error.path.length > 1;
  if (response.body.data && errors.every(withheld)) return response.body.data;
  return dataOf(response);
}

/** Data of a response that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T = any>(response: GraphQLResponse<T>): T {
  if (response.body.errors?.length || !response.body.data) {
    throw new Error(
      `Expected data, got HTTP ${response.status}: ${JSON.stringify(response.body.errors ?? response.body)}`,
    );
  }
  return response.body.data;
}

/** Creates a person through the gateway (as the Central Board) and returns its id. */
export async function createTestPerson(
  stack: Pick<Stack, 'gql' | 'token'>,
  fullName: string,
  organizationCode: string,
): Promise<string> {
  const token = await stack.token('CENTRAL_BOARD');
  const response = await stack.gql(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    {
      input: {
        fullName,
        gender: 'FEMALE',
        birthYear: 1985,
        ethnicity: 'Kinh',
        organizationCode,
        isDirectWorker: false,
      },
    },
    { token },
  );
  return dataOf(response).createPerson.id;
}
