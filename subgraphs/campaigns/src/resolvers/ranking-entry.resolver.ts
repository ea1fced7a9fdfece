import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { RankingEntry } from '../types/pledge.types.js';

@Resolver(() => RankingEntry)
export class RankingEntryResolver {
  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() entry: RankingEntry): Organization {
    return organizationRef(entry.organizationId, entry.organizationNames);
  }
}
