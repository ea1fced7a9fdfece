import { auditTrailSchema, buildFederatedSchema } from '@tdkt/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { RESOLVERS, referenceResolvers } from './resolvers/index.js';

/** The audit log (kit audit-schema.ts): this subgraph's field on AuditTrail. */
const audit = auditTrailSchema('organizations', { ownsRoot: true });

export function buildOrganizationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [...RESOLVERS, ...audit.resolvers],
      // Inputs are validated by hand with officer-readable messages; class-validator is not used here.
      validate: false,
      orphanedTypes: audit.orphanedTypes,
    },
    referenceResolvers,
    // Every mutation needs a signed-in caller (kit guards.ts); none of this subgraph's is public.
    { publicMutations: [] },
  );
}
