import { auditTrailSchema, buildFederatedSchema, type ReferenceResolvers } from '@tdkt/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { RESOLVERS } from './resolvers/index.js';
import { organizationRef, personRef } from './types/federation.types.js';
import type { AwardsContext } from './context.js';
import { isUuid } from './loaders/award.loaders.js';

const referenceResolvers: ReferenceResolvers = {
  Organization: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id) },
  Person: { __resolveReference: (reference: { id: string }) => personRef(reference.id) },
  AwardType: { __resolveReference: (reference: { code: string }, context: AwardsContext) => context.loaders.awardTypeByCode.load(reference.code) },
  Grant: {
    // One statement for every Grant reference of a request, with the whole row (its fields resolve here).
    __resolveReference: (reference: { id: string }, context: AwardsContext) => (typeof reference.id === 'string' && isUuid(reference.id) ? context.loaders.grantById.load(reference.id) : null),
  },
};

/** The audit log (kit audit-schema.ts): this subgraph's field on AuditTrail. */
const audit = auditTrailSchema('awards', { ownsRoot: false });

export function buildAwardsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [...RESOLVERS, ...audit.resolvers], validate: false, orphanedTypes: audit.orphanedTypes }, referenceResolvers);
}
