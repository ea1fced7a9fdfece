import type { InternalTokenVerifier } from '@tdkt/identity';
import { createSubgraphApp, type Database, type SubgraphApp } from '@tdkt/subgraph-kit';
import { buildContext, type OrganizationsContext } from './context.js';
import { buildOrganizationsSchema } from './schema.js';
import { SUBGRAPH_NAME } from './data-source.js';

export async function createOrganizationsApp(
  database: Database,
  verifier: InternalTokenVerifier,
): Promise<SubgraphApp<OrganizationsContext>> {
  return createSubgraphApp<OrganizationsContext>({
    name: SUBGRAPH_NAME,
    schema: await buildOrganizationsSchema(),
    verifier,
    sql: database.sql,
    dataSource: database.dataSource,
    buildContext: (identity) => buildContext(database.dataSource, identity),
    checkReady: async () => {
      await database.dataSource.query('SELECT 1');
    },
  });
}
