/** The resolver classes the schema is built from, in the order their fields are printed. */
import { OrganizationResolver } from './organization.resolver.js';
import { LineageEventResolver } from './lineage-event.resolver.js';
import { BlocResolver } from './bloc.resolver.js';
import { BlocMembershipResolver } from './bloc-membership.resolver.js';
import { PersonResolver } from './person.resolver.js';
import { OrganizationTreeResolver } from './organization-tree.resolver.js';
import { BlocMemberIdsResolver } from './bloc-member-ids.resolver.js';
import { BlocAdminResolver, BlocLeadershipYearResolver } from './bloc-admin.resolver.js';
import { OrganizationAdminResolver } from './organization-admin.resolver.js';

export const RESOLVERS = [
  OrganizationResolver,
  LineageEventResolver,
  BlocResolver,
  BlocMembershipResolver,
  PersonResolver,
  OrganizationTreeResolver,
  BlocMemberIdsResolver,
  BlocAdminResolver,
  BlocLeadershipYearResolver,
  OrganizationAdminResolver,
] as const;

export { referenceResolvers } from './references.js';
