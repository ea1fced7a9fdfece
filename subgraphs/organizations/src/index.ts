import 'reflect-metadata';

export { createOrganizationsApp } from './server.js';
export { buildOrganizationsSchema } from './schema.js';
export { createOrganizationsDatabase, SUBGRAPH_NAME, DATABASE_SCHEMA } from './data-source.js';
export { seedOrganizations } from './seed/seed.js';
export { REFERENCE_ORGANIZATIONS, REFERENCE_LINEAGE, REFERENCE_BLOCS } from './seed/reference-data.js';
export { deriveLevel, isValidInYear, isValidOn, dayBefore } from './rules/organization.rule.js';
export {
  carryOverMembers,
  checkBlocMembership,
  checkLeadershipRotation,
  type ProposedMember,
  type MembershipProblem,
} from './rules/bloc-membership.rule.js';
export {
  BlocKind,
  BlocMemberRole,
  Gender,
  AnnualRatingValue,
  LineageKind,
  OrganizationKind,
  OrganizationLevel,
} from './types/enums.js';
export { definition } from './definition.js';
export { ORGANIZATIONS_TABLES } from './store/index.js';
