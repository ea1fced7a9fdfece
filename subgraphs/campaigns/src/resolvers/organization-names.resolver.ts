/**
 * Code and names of an organization, answered from campaigns' copy (services/organization-copy.service.ts):
 * carried by the stub when the read that found the unit joined the copy, otherwise looked up for every
 * unit of the request in one statement. The fields are shareable with the organizations subgraph, so the
 * gateway asks no entity fetch there for a board's signatories, reports, ranking or leading unit.
 */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { notFound } from '@tdkt/subgraph-kit';
import type { CampaignsContext } from '../context.js';
import { Organization, type OrganizationNames } from '../types/organization.stub.js';

async function namesOf(context: CampaignsContext, organization: Organization): Promise<OrganizationNames> {
  const names = await context.loaders.organizationNamesById.load(organization.id);
  // Only a unit the organizations subgraph does not hold (removed) has no names: it is not shown as a blank.
  if (!names) throw notFound('Không tìm thấy đơn vị này trong danh mục đơn vị (đơn vị có thể đã bị xóa).');
  return names;
}

@Resolver(() => Organization)
export class OrganizationNamesResolver {
  @FieldResolver()
  async code(@Root() organization: Organization, @Ctx() context: CampaignsContext): Promise<string> {
    return organization.code ?? (await namesOf(context, organization)).code;
  }

  @FieldResolver()
  async name(@Root() organization: Organization, @Ctx() context: CampaignsContext): Promise<string> {
    return organization.name ?? (await namesOf(context, organization)).name;
  }

  @FieldResolver()
  async shortName(@Root() organization: Organization, @Ctx() context: CampaignsContext): Promise<string | null> {
    return organization.shortName !== undefined
      ? organization.shortName
      : (await namesOf(context, organization)).shortName;
  }
}
