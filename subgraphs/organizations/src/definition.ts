import type { SubgraphDefinition } from '@tdkt/subgraph-kit';
import type { OrganizationsContext } from './context.js';
import { createOrganizationsDatabase, DATABASE_SCHEMA, SUBGRAPH_NAME } from './data-source.js';
import { buildOrganizationsSchema } from './schema.js';
import { seedOrganizations } from './seed/seed.js';
import { createOrganizationsApp } from './server.js';

export const definition: SubgraphDefinition<OrganizationsContext> = {
  name: SUBGRAPH_NAME,
  databaseSchema: DATABASE_SCHEMA,
  buildSchema: buildOrganizationsSchema,
  createDatabase: (url, options) => createOrganizationsDatabase(url, options),
  seed: (database, options) => seedOrganizations(database.dataSource, options),
  createApp: (database, verifier) => createOrganizationsApp(database, verifier),
};
