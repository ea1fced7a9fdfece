/** A grant's award type, decision and recipients. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { AwardType } from '../types/award-type.types.js';
import { Decision, Grant } from '../types/grant.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Person, personRef } from '../types/person.stub.js';

@Resolver(() => Grant)
export class GrantResolver {
  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() grant: Grant, @Ctx() context: AwardsContext): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(grant.awardTypeCode);
  }

  @FieldResolver(() => Decision, { nullable: true })
  decision(@Root() grant: Grant, @Ctx() context: AwardsContext): Promise<Decision | null> {
    return context.loaders.decisionById.load(grant.decisionId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Cá nhân được khen (null với khen tập thể).' })
  person(@Root() grant: Grant): Person | null {
    return grant.personId ? personRef(grant.personId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Tập thể được khen (null với khen cá nhân).' })
  organization(@Root() grant: Grant): Organization | null {
    return grant.organizationId ? organizationRef(grant.organizationId) : null;
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Đơn vị của người được khen tại thời điểm khen (với tập thể: chính tập thể).',
  })
  recipientUnit(@Root() grant: Grant): Organization {
    return organizationRef(grant.recipientUnitId);
  }
}
