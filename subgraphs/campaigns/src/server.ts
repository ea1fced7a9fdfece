import type { InternalTokenVerifier } from '@tdkt/identity';
import { createSubgraphApp, createSubgraphClient, type Database, type SubgraphApp } from '@tdkt/subgraph-kit';
import { buildContext, type CampaignsContext } from './context.js';
import { buildCampaignsSchema } from './schema.js';
import { SUBGRAPH_NAME } from './data-source.js';

export interface CampaignsOptions {
  /** The organizations subgraph, asked about units and bloc membership on behalf of the caller. */
  organizationsUrl: string;
}

export async function createCampaignsApp(
  database: Database,
  verifier: InternalTokenVerifier,
  options: CampaignsOptions,
): Promise<SubgraphApp<CampaignsContext>> {
  const organizations = createSubgraphClient('organizations', options.organizationsUrl);
  return createSubgraphApp<CampaignsContext>({
    name: SUBGRAPH_NAME,
    schema: await buildCampaignsSchema(),
    verifier,
    sql: database.sql,
    dataSource: database.dataSource,
    buildContext: (identity) => buildContext(database.dataSource, organizations, identity),
    checkReady: async () => {
      await database.dataSource.query('SELECT 1');
    },
  });
}
