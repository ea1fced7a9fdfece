import type { InternalTokenVerifier } from '@tdkt/identity';
import { createSubgraphApp, type Database, type RequestContext, type SubgraphApp } from '@tdkt/subgraph-kit';
import { buildAwardsSchema } from './schema.js';
import { SUBGRAPH_NAME } from './data-source.js';

export async function createAwardsApp(database: Database, verifier: InternalTokenVerifier): Promise<SubgraphApp<RequestContext>> {
  return createSubgraphApp<RequestContext>({
    name: SUBGRAPH_NAME,
    schema: await buildAwardsSchema(),
    verifier,
    sql: database.sql,
    buildContext: (identity) => identity,
    checkReady: async () => {
      await database.dataSource.query('SELECT 1');
    },
  });
}
