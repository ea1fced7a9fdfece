import { peerUrl, type SubgraphDefinition } from '@tdkt/subgraph-kit';
import type { AwardsContext } from './context.js';
import { createAwardsDatabase, DATABASE_SCHEMA, SUBGRAPH_NAME } from './data-source.js';
import { buildAwardsSchema } from './schema.js';
import { seedCatalogue } from './seed/catalogue.seed.js';
import { createAwardsApp } from './server.js';

export const definition: SubgraphDefinition<AwardsContext> = {
  name: SUBGRAPH_NAME,
  databaseSchema: DATABASE_SCHEMA,
  buildSchema: buildAwardsSchema,
  createDatabase: (url, options) => createAwardsDatabase(url, options),
  seed: (database) => seedCatalogue(database.dataSource),
  createApp: (database, verifier, peers) =>
    createAwardsApp(database, verifier, {
      organizationsUrl: peerUrl(peers, 'organizations', SUBGRAPH_NAME),
      campaignsUrl: peerUrl(peers, 'campaigns', SUBGRAPH_NAME),
    }),
};
