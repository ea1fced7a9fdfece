/** Every resolver class of the awards subgraph, in the order the printed schema lists their fields. */
// The import order is the order type-graphql registers the classes' fields, which is the order of the
// fields of Query, Mutation and the extended types in the printed schema: keep it.
import { CatalogueResolver } from './catalogue.resolver.js';
import { PersonEligibilityResolver } from './person-eligibility.resolver.js';
import { AwardTypeCountResolver } from './award-type-count.resolver.js';
import { StatisticsResolver } from './statistics.resolver.js';
import { AwardFormColumnResolver } from './award-form-column.resolver.js';
import { StatisticalFormsResolver } from './statistical-forms.resolver.js';
import { NominationResolver } from './nomination.resolver.js';
import { NominationRoutingResolver } from './nomination-routing.resolver.js';
import { ExemplarResolver } from './exemplar.resolver.js';
import { PersonExemplarsResolver } from './person-exemplars.resolver.js';
import { GrantResolver } from './grant.resolver.js';
import { DecisionResolver } from './decision.resolver.js';
import { PersonGrantsResolver } from './person-grants.resolver.js';
import { OrganizationGrantsResolver } from './organization-grants.resolver.js';
import { LedgerMutationResolver } from './ledger-mutation.resolver.js';
import { GrantImportFileResolver } from './grant-import-file.resolver.js';
import { InitiativeResolver } from './initiative.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver list type
export const RESOLVERS: [Function, ...Function[]] = [
  CatalogueResolver,
  GrantResolver,
  DecisionResolver,
  PersonGrantsResolver,
  OrganizationGrantsResolver,
  LedgerMutationResolver,
  GrantImportFileResolver,
  InitiativeResolver,
  PersonEligibilityResolver,
  StatisticsResolver,
  AwardTypeCountResolver,
  StatisticalFormsResolver,
  AwardFormColumnResolver,
  NominationResolver,
  NominationRoutingResolver,
  ExemplarResolver,
  PersonExemplarsResolver,
];
