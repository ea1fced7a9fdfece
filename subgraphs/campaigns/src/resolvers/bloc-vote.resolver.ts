import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { BlocVote } from '../types/pledge.types.js';

@Resolver(() => BlocVote)
export class BlocVoteResolver {
  @FieldResolver(() => Organization, { nullable: true })
  candidate(@Root() vote: BlocVote): Organization {
    return organizationRef(vote.candidateOrganizationId);
  }
}
