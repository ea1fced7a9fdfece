import { auditTrailSchema, buildFederatedSchema, type ReferenceResolvers } from '@tdkt/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { RESOLVERS } from './resolvers/index.js';
import { blocRef, organizationRef, personRef } from './types/federation.types.js';

/** Entities of other subgraphs: campaigns knows them by key only. */
const referenceResolvers: ReferenceResolvers = {
  Organization: { __resolveReference: (reference: { id: string }) => organizationRef(reference.id) },
  EmulationBloc: { __resolveReference: (reference: { id: string }) => blocRef(reference.id) },
  Person: { __resolveReference: (reference: { id: string }) => personRef(reference.id) },
};

/** The audit log (kit audit-schema.ts): this subgraph's field on AuditTrail. */
const audit = auditTrailSchema('campaigns', { ownsRoot: false });

export function buildCampaignsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [...RESOLVERS, ...audit.resolvers], validate: false, orphanedTypes: audit.orphanedTypes }, referenceResolvers);
}
