import 'reflect-metadata';
import { runMain, runSubgraph } from '@tdkt/subgraph-kit';
import { createOrganizationsApp } from './server.js';
import { createOrganizationsDatabase, DATABASE_SCHEMA, SUBGRAPH_NAME } from './data-source.js';
import { seedOrganizations } from './seed/seed.js';

runMain(() =>
  runSubgraph({
    name: SUBGRAPH_NAME,
    schema: DATABASE_SCHEMA,
    defaultPort: 4001,
    createDatabase: (url) => createOrganizationsDatabase(url),
    seed: (database, options) => seedOrganizations(database.dataSource, options),
    createApp: (database, verifier) => createOrganizationsApp(database, verifier),
  }),
);
