import type { InternalTokenVerifier } from '@tdkt/identity';
import { createSubgraphApp, createSubgraphClient, type Database, type SubgraphApp } from '@tdkt/subgraph-kit';
import { buildContext, type AwardsContext } from './context.js';
import { buildAwardsSchema } from './schema.js';
import { SUBGRAPH_NAME } from './data-source.js';
import { pingDatabase } from './store/index.js';
import { mountGrantImportRoutes } from './http/grant-import.http.js';

export interface AwardsOptions {
  /** The organizations subgraph: persons, their units and ratings, read on behalf of the caller. */
  organizationsUrl: string;
  /** The campaigns subgraph: a bloc-year's acclaimed leading unit (Cờ thi đua của Chính phủ). */
  campaignsUrl: string;
}

export async function createAwardsApp(
  database: Database,
  verifier: InternalTokenVerifier,
  options: AwardsOptions,
): Promise<SubgraphApp<AwardsContext>> {
  const clients = {
    organizations: createSubgraphClient('organizations', options.organizationsUrl),
    campaigns: createSubgraphClient('campaigns', options.campaignsUrl),
  };
  return createSubgraphApp<AwardsContext>({
    name: SUBGRAPH_NAME,
    schema: await buildAwardsSchema(),
    verifier,
    sql: database.sql,
    dataSource: database.dataSource,
    buildContext: (identity) => buildContext(database.dataSource, clients, identity),
    checkReady: () => pingDatabase(database.dataSource),
    routes: mountGrantImportRoutes,
  });
}
