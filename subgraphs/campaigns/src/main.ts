import 'reflect-metadata';
import { runMain, runSubgraph } from '@tdkt/subgraph-kit';
import { createCampaignsApp } from './server.js';
import { createCampaignsDatabase, DATABASE_SCHEMA, SUBGRAPH_NAME } from './data-source.js';
import { seedCampaigns } from './seed/seed.js';

const organizationsUrl = process.env['ORGANIZATIONS_URL'] ?? `http://127.0.0.1:${process.env['ORGANIZATIONS_PORT'] ?? 4001}/graphql`;

runMain(() =>
  runSubgraph({
    name: SUBGRAPH_NAME,
    schema: DATABASE_SCHEMA,
    defaultPort: 4002,
    createDatabase: (url) => createCampaignsDatabase(url),
    seed: (database, options) => seedCampaigns(database.dataSource, options),
    createApp: (database, verifier) => createCampaignsApp(database, verifier, { organizationsUrl }),
  }),
);
