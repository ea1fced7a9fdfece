/**
 * What a subgraph package exports as `definition`, so that every place that runs subgraphs (the
 * process, `npm start`, composition, the test stacks, the benchmark) treats them alike, driven by the
 * platform manifest (@tdkt/platform).
 */
import type { BaseContext } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { InternalTokenVerifier } from '@tdkt/identity';
import type { Database } from './database.js';
import type { SubgraphApp } from './server.js';

/** The URLs of the subgraphs this one calls on behalf of the caller, by subgraph name. */
export type PeerUrls = Readonly<Record<string, string>>;

export interface SubgraphDefinition<TContext extends BaseContext = any> {
  /** As in the manifest. */
  readonly name: string;
  /** The PostgreSQL schema it owns. */
  readonly databaseSchema: string;
  buildSchema(): Promise<GraphQLSchema>;
  createDatabase(url: string, options?: { poolSize?: number }): Database;
  /** Idempotent reference (and optionally demo) data, run after migrations. */
  seed?(database: Database, options: { demo: boolean }): Promise<void>;
  createApp(database: Database, verifier: InternalTokenVerifier, peers: PeerUrls): Promise<SubgraphApp<TContext>>;
}

/** The URL of a peer this subgraph needs, or a clear start-up error. */
export function peerUrl(peers: PeerUrls, name: string, subgraph: string): string {
  const url = peers[name];
  if (!url) throw new Error(`The ${subgraph} subgraph needs the ${name} subgraph's URL`);
  return url;
}
