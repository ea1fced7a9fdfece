import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { Conference } from '../types/conference.types.js';
import { Organization } from '../types/organization.stub.js';

/** Fields that campaigns contributes to the organizations subgraph's Organization. */
@Resolver(() => Organization)
export class OrganizationConferencesResolver {
  // Nullable at the boundary: one subgraph being down never blanks a whole answer.
  @FieldResolver(() => [Conference], {
    nullable: true,
    description: 'Hội nghị, đại hội do đơn vị tổ chức, theo giai đoạn.',
  })
  conferencesHosted(@Root() organization: Organization, @Ctx() context: CampaignsContext): Promise<Conference[]> {
    return context.loaders.conferencesByHostId.load(organization.id);
  }
}
