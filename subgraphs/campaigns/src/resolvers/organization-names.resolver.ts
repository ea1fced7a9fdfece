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

// Not `async`: a unit that carries its names answers them at once. A promise per field made graphql
// complete every signatory, report and ranking entry of a board asynchronously (a few hundred a board).
@Resolver(() => Organization)
export class OrganizationNamesResolver {
  @FieldResolver(() => String)
  code(@Root() organization: Organization, @Ctx() context: CampaignsContext): string | Promise<string> {
    return organization.code ?? namesOf(context, organization).then((names) => names.code);
  }

  @FieldResolver(() => String)
  name(@Root() organization: Organization, @Ctx() context: CampaignsContext): string | Promise<string> {
    return organization.name ?? namesOf(context, organization).then((names) => names.name);
  }

  @FieldResolver(() => String, { nullable: true })
  shortName(
    @Root() organization: Organization,
    @Ctx() context: CampaignsContext,
  ): string | null | Promise<string | null> {
    return organization.shortName !== undefined
      ? organization.shortName
      : namesOf(context, organization).then((names) => names.shortName);
  }
}
