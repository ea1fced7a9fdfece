import { createDatabase, type Database } from '@tdkt/subgraph-kit';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export const SUBGRAPH_NAME = 'campaigns';
export const DATABASE_SCHEMA = 'campaigns';

export function createCampaignsDatabase(url: string, options: { poolSize?: number } = {}): Database {
  return createDatabase({ subgraph: SUBGRAPH_NAME, url, schema: DATABASE_SCHEMA, entities: ENTITIES, migrations: MIGRATIONS, poolSize: options.poolSize });
}
