import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Scorecard } from '../types/pledge.types.js';

@Resolver(() => Scorecard)
export class ScorecardResolver {
  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() card: Scorecard): Organization {
    return organizationRef(card.organizationId);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description:
      'Đơn vị đã chấm phiếu này (tự chấm: chính đơn vị; chấm chéo: đơn vị được phân công; thẩm định: đơn vị thẩm định).',
  })
  scoredBy(@Root() card: Scorecard): Organization | null {
    return card.scoredByOrganizationId ? organizationRef(card.scoredByOrganizationId) : null;
  }
}
