/** Fields awards adds to the organizations subgraph's Organization. */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { Grant } from '../types/grant.types.js';
import { Organization } from '../types/organization.stub.js';

@Resolver(() => Organization)
export class OrganizationGrantsResolver {
  @FieldResolver(() => [Grant], {
    nullable: true,
    description: 'Khen thưởng tập thể của đơn vị (trong năm, nếu có year).',
  })
  grants(
    @Root() organization: Organization,
    @Ctx() context: AwardsContext,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ): Promise<Grant[]> {
    return context.loaders.grantsByOrganizationYear.load(organization.id, year ?? null);
  }
}
