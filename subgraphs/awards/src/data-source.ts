import { createDatabase, type Database } from '@tdkt/subgraph-kit';

export const SUBGRAPH_NAME = 'awards';
export const DATABASE_SCHEMA = 'awards';

export function createAwardsDatabase(url: string, options: { poolSize?: number } = {}): Database {
  return createDatabase({ subgraph: SUBGRAPH_NAME, url, schema: DATABASE_SCHEMA, entities: [], migrations: [], poolSize: options.poolSize });
}
