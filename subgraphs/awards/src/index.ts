import 'reflect-metadata';

export { createAwardsApp, type AwardsOptions } from './server.js';
export { buildAwardsSchema } from './schema.js';
export { createAwardsDatabase, SUBGRAPH_NAME, DATABASE_SCHEMA } from './data-source.js';
export { seedCatalogue } from './seed/catalogue.seed.js';
export { AWARD_TYPES } from './catalogue/award-types.js';
export { AWARDS_TABLES, createStores, type AwardsStores } from './store/index.js';
export * from './rules/index.js';
export { definition } from './definition.js';
