import 'reflect-metadata';

export * from './errors.js';
export * from './text.js';
export * from './pagination.js';
export * from './federation.js';
export * from './database.js';
export * from './context.js';
export * from './server.js';
export * from './run.js';
export { log } from './log.js';
export * from './subgraph-client.js';
export * from './seed-ids.js';
export * from './organizations-directory.js';
