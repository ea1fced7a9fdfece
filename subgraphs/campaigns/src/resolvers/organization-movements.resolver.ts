import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { Movement } from '../types/movement.types.js';
import { Organization } from '../types/organization.stub.js';

/** Fields that campaigns contributes to the organizations subgraph's Organization. */
@Resolver(() => Organization)
export class OrganizationMovementsResolver {
  // Nullable at the boundary: one subgraph being down never blanks a whole answer.
  @FieldResolver(() => [Movement], {
    nullable: true,
    description: 'Phong trào thi đua do đơn vị phát động, theo ngày bắt đầu.',
  })
  movementsLaunched(@Root() organization: Organization, @Ctx() context: CampaignsContext): Promise<Movement[]> {
    return context.loaders.movementsByLauncherId.load(organization.id);
  }
}
