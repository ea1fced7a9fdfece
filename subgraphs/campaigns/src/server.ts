import type { InternalTokenVerifier } from '@tdkt/identity';
import { createSubgraphApp, type Database, type RequestContext, type SubgraphApp } from '@tdkt/subgraph-kit';
import { buildCampaignsSchema } from './schema.js';
import { SUBGRAPH_NAME } from './data-source.js';

export async function createCampaignsApp(database: Database, verifier: InternalTokenVerifier): Promise<SubgraphApp<RequestContext>> {
  return createSubgraphApp<RequestContext>({
    name: SUBGRAPH_NAME,
    schema: await buildCampaignsSchema(),
    verifier,
    sql: database.sql,
    buildContext: (identity) => identity,
    checkReady: async () => {
      await database.dataSource.query('SELECT 1');
    },
  });
}
