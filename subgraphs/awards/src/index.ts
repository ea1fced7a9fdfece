import 'reflect-metadata';

export { createAwardsApp } from './server.js';
export { buildAwardsSchema } from './schema.js';
export { createAwardsDatabase, SUBGRAPH_NAME, DATABASE_SCHEMA } from './data-source.js';
