import 'reflect-metadata';
import { runMain, runSubgraph } from '@tdkt/subgraph-kit';
import { createAwardsApp } from './server.js';
import { createAwardsDatabase, DATABASE_SCHEMA, SUBGRAPH_NAME } from './data-source.js';

runMain(() =>
  runSubgraph({
    name: SUBGRAPH_NAME,
    schema: DATABASE_SCHEMA,
    defaultPort: 4003,
    createDatabase: (url) => createAwardsDatabase(url),
    createApp: (database, verifier) => createAwardsApp(database, verifier),
  }),
);
