import 'reflect-metadata';
import { runMain, runSubgraph } from '@tdkt/subgraph-kit';
import { createAwardsApp } from './server.js';
import { createAwardsDatabase, DATABASE_SCHEMA, SUBGRAPH_NAME } from './data-source.js';
import { seedCatalogue } from './seed/catalogue.seed.js';

const organizationsUrl = process.env['ORGANIZATIONS_URL'] ?? `http://127.0.0.1:${process.env['ORGANIZATIONS_PORT'] ?? 4001}/graphql`;
const campaignsUrl = process.env['CAMPAIGNS_URL'] ?? `http://127.0.0.1:${process.env['CAMPAIGNS_PORT'] ?? 4002}/graphql`;

runMain(() =>
  runSubgraph({
    name: SUBGRAPH_NAME,
    schema: DATABASE_SCHEMA,
    defaultPort: 4003,
    createDatabase: (url) => createAwardsDatabase(url),
    seed: (database) => seedCatalogue(database.dataSource),
    createApp: (database, verifier) => createAwardsApp(database, verifier, { organizationsUrl, campaignsUrl }),
  }),
);
