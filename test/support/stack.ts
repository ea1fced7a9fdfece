/**
 * The whole platform in one test process, over real HTTP and a real PostgreSQL: the three subgraphs
 * on loopback ports, each with its own fresh databases, and the gateway over the committed supergraph.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import {
  DEV_ISSUER,
  createCallerVerifier,
  createInternalSigner,
  createInternalVerifier,
  generateInternalKeyPair,
  issueCallerToken,
  loadOrCreateDevKeys,
  type Caller,
  type Role,
} from '@tdkt/identity';
import { migrate, type Database } from '@tdkt/subgraph-kit';
import { createOrganizationsApp, createOrganizationsDatabase, seedOrganizations } from '@tdkt/organizations';
import { createCampaignsApp, createCampaignsDatabase, seedCampaigns } from '@tdkt/campaigns';
import { createAwardsApp, createAwardsDatabase, seedCatalogue } from '@tdkt/awards';
import { createGatewayApp } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';

export const SUBGRAPH_NAMES = ['organizations', 'campaigns', 'awards'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export interface GraphQLResponse<T = any> {
  status: number;
  headers: Headers;
  body: { data?: T; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[]; extensions?: Record<string, any> };
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
  /** The gateway's internal credential for a caller, to call a subgraph directly as the gateway would. */
  internalToken(caller: Caller): Promise<string>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResponse<T>>;
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

export async function createDatabases(names: string[]): Promise<{ adminUrl: string; urlFor(name: string): string }> {
  const adminUrl = process.env['TDKT_TEST_ADMIN_URL'];
  if (!adminUrl) throw new Error('TDKT_TEST_ADMIN_URL is not set: run the tests with `npm test` (Jest globalSetup starts PostgreSQL)');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const name of names) await client.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const base = new URL(adminUrl);
  return {
    adminUrl,
    urlFor(name: string) {
      const url = new URL(base.toString());
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}

export async function dropDatabases(names: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: process.env['TDKT_TEST_ADMIN_URL'] });
  await client.connect();
  try {
    for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export async function startStack(options: { seed?: boolean; demo?: boolean; subgraphTimeoutMs?: number } = {}): Promise<Stack> {
  const suffix = randomBytes(4).toString('hex');
  const databaseNames = SUBGRAPH_NAMES.map((name) => `t_${suffix}_${name}`);
  const { adminUrl, urlFor } = await createDatabases(databaseNames);

  const internal = await generateInternalKeyPair();
  const verifier = await createInternalVerifier(internal.publicJwk);
  const signer = await createInternalSigner(internal.privateJwk);
  const keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-test-keys-'));
  const callerKeys = await loadOrCreateDevKeys(keyDir);

  const factories = {
    organizations: { db: createOrganizationsDatabase, app: createOrganizationsApp },
    campaigns: { db: createCampaignsDatabase, app: (database: Database, v: typeof verifier) => createCampaignsApp(database, v, { organizationsUrl: subgraphs.organizations.url }) },
    awards: { db: createAwardsDatabase, app: (database: Database, v: typeof verifier) => createAwardsApp(database, v, { organizationsUrl: subgraphs.organizations.url, campaignsUrl: subgraphs.campaigns.url }) },
  } as const;

  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  for (const [index, name] of SUBGRAPH_NAMES.entries()) {
    const database = factories[name].db(urlFor(databaseNames[index]!), { poolSize: 5 });
    await database.dataSource.initialize();
    await migrate(database, name);
    if (name === 'organizations' && options.seed !== false) await seedOrganizations(database.dataSource, { demo: options.demo ?? false });
    if (name === 'campaigns' && options.seed !== false) await seedCampaigns(database.dataSource, { demo: options.demo ?? false });
    // The award catalogue is code (the law), not reference data: always there.
    if (name === 'awards') await seedCatalogue(database.dataSource);
    const { app, apollo } = await factories[name].app(database, verifier);
    const server = await listen(app);
    subgraphs[name] = { name, url: urlOf(server), database, server, app, stopApollo: () => apollo.stop() };
  }

  const gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphs[name].url])),
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
    adminUrl,
    databaseNames,
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
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'] };
    },
    async stopSubgraph(name) {
      await closeServer(subgraphs[name].server);
    },
    async restartSubgraph(name) {
      const port = Number(new URL(subgraphs[name].url).port);
      subgraphs[name].server = await new Promise<Server>((resolve) => {
        const server = subgraphs[name].app.listen(port, '127.0.0.1', () => resolve(server));
      });
    },
    async stop() {
      await closeServer(gatewayServer);
      await gateway.apollo.stop();
      gateway.stop();
      for (const name of SUBGRAPH_NAMES) {
        await closeServer(subgraphs[name].server);
        await subgraphs[name].stopApollo();
        await subgraphs[name].database.dataSource.destroy();
      }
      await dropDatabases(databaseNames);
      rmSync(keyDir, { recursive: true, force: true });
    },
  };
}

/** The `extensions.code` of each error, for terse assertions. */
export function errorCodes(response: GraphQLResponse): string[] {
  return (response.body.errors ?? []).map((error) => String(error.extensions?.['code']));
}

/** Data of a response that must have succeeded; fails the test with the errors otherwise. */
export function dataOf<T = any>(response: GraphQLResponse<T>): T {
  if (response.body.errors?.length || !response.body.data) {
    throw new Error(`Expected data, got HTTP ${response.status}: ${JSON.stringify(response.body.errors ?? response.body)}`);
  }
  return response.body.data;
}

/** Creates a person through the gateway (as the Central Board) and returns its id. */
export async function createTestPerson(stack: Stack, fullName: string, organizationCode: string): Promise<string> {
  const token = await stack.token('CENTRAL_BOARD');
  const response = await stack.gql(
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
    { input: { fullName, gender: 'FEMALE', birthYear: 1985, ethnicity: 'Kinh', organizationCode, isDirectWorker: false } },
    { token },
  );
  return dataOf(response).createPerson.id;
}
