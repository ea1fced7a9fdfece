import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { BlocMembership, EmulationBloc } from '../types/bloc.types.js';
import { Organization } from '../types/organization.types.js';
import type { OrganizationsContext } from '../context.js';

@Resolver(() => BlocMembership)
export class BlocMembershipResolver {
  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() membership: BlocMembership, @Ctx() context: OrganizationsContext): Promise<Organization | null> {
    return context.loaders.organizationById.load(membership.organizationId);
  }

  @FieldResolver(() => EmulationBloc, { nullable: true })
  bloc(@Root() membership: BlocMembership, @Ctx() context: OrganizationsContext): Promise<EmulationBloc | null> {
    return context.loaders.blocById.load(membership.blocId);
  }
}
