import 'reflect-metadata';

export { createCampaignsApp, type CampaignsOptions } from './server.js';
export { buildCampaignsSchema } from './schema.js';
export { createCampaignsDatabase, SUBGRAPH_NAME, DATABASE_SCHEMA } from './data-source.js';
export { seedCampaigns } from './seed/seed.js';
