import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { Organization } from '../types/organization.stub.js';
import { PledgeSignature } from '../types/pledge.types.js';

/** Fields campaigns adds to the organizations subgraph's Organization. */
@Resolver(() => Organization)
export class OrganizationPledgesResolver {
  @FieldResolver(() => [PledgeSignature], { nullable: true, description: 'Các giao ước đơn vị đã ký trong năm.' })
  pledgeSignatures(
    @Root() organization: Organization,
    @Ctx() context: CampaignsContext,
    @Arg('year', () => Int) year: number,
  ): Promise<PledgeSignature[]> {
    return context.loaders.signaturesByOrganizationYear.load(organization.id, year);
  }
}
