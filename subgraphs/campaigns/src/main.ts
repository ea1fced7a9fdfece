import 'reflect-metadata';
import { runMain, runSubgraph } from '@tdkt/subgraph-kit';
import { createCampaignsApp } from './server.js';
import { createCampaignsDatabase, DATABASE_SCHEMA, SUBGRAPH_NAME } from './data-source.js';

runMain(() =>
  runSubgraph({
    name: SUBGRAPH_NAME,
    schema: DATABASE_SCHEMA,
    defaultPort: 4002,
    createDatabase: (url) => createCampaignsDatabase(url),
    createApp: (database, verifier) => createCampaignsApp(database, verifier),
  }),
);
