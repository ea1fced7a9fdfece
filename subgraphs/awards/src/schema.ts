import { auditTrailSchema, buildFederatedSchema } from '@tdkt/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { RESOLVERS } from './resolvers/index.js';
import { REFERENCE_RESOLVERS } from './resolvers/references.js';

/** The audit log (kit audit-schema.ts): this subgraph's field on AuditTrail. */
const audit = auditTrailSchema('awards', { ownsRoot: false });

export function buildAwardsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [...RESOLVERS, ...audit.resolvers], validate: false, orphanedTypes: audit.orphanedTypes },
    REFERENCE_RESOLVERS,
    // Every mutation needs a signed-in caller (kit guards.ts); none of this subgraph's is public.
    { publicMutations: [] },
  );
}
