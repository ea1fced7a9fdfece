import { createDatabase, type Database } from '@tdkt/subgraph-kit';

export const SUBGRAPH_NAME = 'campaigns';
export const DATABASE_SCHEMA = 'campaigns';

export function createCampaignsDatabase(url: string, options: { poolSize?: number } = {}): Database {
  return createDatabase({ subgraph: SUBGRAPH_NAME, url, schema: DATABASE_SCHEMA, entities: [], migrations: [], poolSize: options.poolSize });
}
