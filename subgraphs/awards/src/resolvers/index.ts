/** Every resolver class of the awards subgraph. */
import { CatalogueResolver } from './catalogue.resolver.js';
import { PersonEligibilityResolver } from './eligibility.resolver.js';
import { AwardTypeCountResolver, StatisticsResolver } from './statistics.resolver.js';
import { AwardFormColumnResolver, StatisticalFormsResolver } from './statistical-forms.resolver.js';
import { NominationResolver } from './nomination.resolver.js';
import { ExemplarResolver, PersonExemplarsResolver } from './exemplar.resolver.js';
import { DecisionResolver, GrantResolver, InitiativeResolver, LedgerMutationResolver, OrganizationGrantsResolver, PersonGrantsResolver } from './grant.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver list type
export const RESOLVERS: [Function, ...Function[]] = [
  CatalogueResolver,
  GrantResolver,
  DecisionResolver,
  PersonGrantsResolver,
  OrganizationGrantsResolver,
  LedgerMutationResolver,
  InitiativeResolver,
  PersonEligibilityResolver,
  StatisticsResolver,
  AwardTypeCountResolver,
  StatisticalFormsResolver,
  AwardFormColumnResolver,
  NominationResolver,
  ExemplarResolver,
  PersonExemplarsResolver,
];
