import { auditTrailSchema, buildFederatedSchema } from '@tdkt/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { OrganizationResolver, LineageEventResolver } from './resolvers/organization.resolver.js';
import { BlocResolver, BlocMembershipResolver } from './resolvers/bloc.resolver.js';
import { PersonResolver } from './resolvers/person.resolver.js';
import { OrganizationTreeResolver } from './resolvers/organization-tree.resolver.js';
import { BlocMemberIdsResolver } from './resolvers/bloc-member-ids.resolver.js';
import { referenceResolvers } from './resolvers/references.js';

/** The audit log (kit audit-schema.ts): this subgraph's field on AuditTrail. */
const audit = auditTrailSchema('organizations', { ownsRoot: true });

export function buildOrganizationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [OrganizationResolver, LineageEventResolver, BlocResolver, BlocMembershipResolver, PersonResolver, OrganizationTreeResolver, BlocMemberIdsResolver, ...audit.resolvers],
      // Inputs are validated by hand with officer-readable messages; class-validator is not used here.
      validate: false,
      orphanedTypes: audit.orphanedTypes,
    },
    referenceResolvers,
  );
}
