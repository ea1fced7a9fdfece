/** The unit that recognized an initiative. */
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Initiative } from '../types/grant.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';

@Resolver(() => Initiative)
export class InitiativeResolver {
  @FieldResolver(() => Organization, { nullable: true })
  recognizedBy(@Root() initiative: Initiative): Organization {
    return organizationRef(initiative.recognizedByOrganizationId);
  }
}
