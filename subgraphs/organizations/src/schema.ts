import { buildFederatedSchema } from '@tdkt/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { OrganizationResolver, LineageEventResolver } from './resolvers/organization.resolver.js';
import { BlocResolver, BlocMembershipResolver } from './resolvers/bloc.resolver.js';
import { PersonResolver } from './resolvers/person.resolver.js';
import { referenceResolvers } from './resolvers/references.js';

export function buildOrganizationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [OrganizationResolver, LineageEventResolver, BlocResolver, BlocMembershipResolver, PersonResolver],
      // Inputs are validated by hand with officer-readable messages; class-validator is not used here.
      validate: false,
    },
    referenceResolvers,
  );
}
