/** A decision's issuer (an organization of the organizations subgraph). */
import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Decision } from '../types/grant.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => Organization, { nullable: true })
  issuer(@Root() decision: Decision): Organization {
    return organizationRef(decision.issuerOrganizationId);
  }
}
