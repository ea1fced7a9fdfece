import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Scorecard } from '../types/pledge.types.js';

@Resolver(() => Scorecard)
export class ScorecardResolver {
  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() card: Scorecard): Organization {
    return organizationRef(card.organizationId);
  }
}
