import { peerUrl, type SubgraphDefinition } from '@tdkt/subgraph-kit';
import type { CampaignsContext } from './context.js';
import { createCampaignsDatabase, DATABASE_SCHEMA, SUBGRAPH_NAME } from './data-source.js';
import { buildCampaignsSchema } from './schema.js';
import { seedCampaigns } from './seed/seed.js';
import { createCampaignsApp } from './server.js';

export const definition: SubgraphDefinition<CampaignsContext> = {
  name: SUBGRAPH_NAME,
  databaseSchema: DATABASE_SCHEMA,
  buildSchema: buildCampaignsSchema,
  createDatabase: (url, options) => createCampaignsDatabase(url, options),
  seed: (database, options) => seedCampaigns(database.dataSource, options),
  createApp: (database, verifier, peers) =>
    createCampaignsApp(database, verifier, { organizationsUrl: peerUrl(peers, 'organizations', SUBGRAPH_NAME) }),
};
