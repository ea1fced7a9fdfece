import { createDatabase, type Database } from '@tdkt/subgraph-kit';
import { MIGRATIONS } from './migrations/index.js';
import { ConferenceDelegate } from './types/conference-delegate.types.js';
import { Conference } from './types/conference.types.js';
import { MovementRegistration } from './types/movement-registration.types.js';
import { Movement } from './types/movement.types.js';

export const SUBGRAPH_NAME = 'campaigns';
export const DATABASE_SCHEMA = 'campaigns';

/** The TypeORM entities: the types that are exactly one table (their stores use their repositories). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's entity list type
export const ENTITIES: Function[] = [Movement, MovementRegistration, Conference, ConferenceDelegate];

export function createCampaignsDatabase(url: string, options: { poolSize?: number } = {}): Database {
  return createDatabase({
    subgraph: SUBGRAPH_NAME,
    url,
    schema: DATABASE_SCHEMA,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    poolSize: options.poolSize,
  });
}
