/** Every resolver class of the campaigns subgraph (one line per module). */
import { MovementRegistrationResolver, MovementResolver, OrganizationMovementsResolver } from './movement.resolver.js';
import { ConferenceDelegateResolver, ConferenceResolver } from './conference.resolver.js';
import { OrganizationConferencesResolver } from './conference.resolver.js';
import { PLEDGE_RESOLVERS } from './pledge.resolver.js';
import { BlocPledgeSummaryResolver } from './bloc-summaries.resolver.js';
import { StatisticalForm0601Resolver } from './statistical-form-0601.resolver.js';
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver list type
export const RESOLVERS: [Function, ...Function[]] = [
  MovementResolver, MovementRegistrationResolver, OrganizationMovementsResolver,
  ConferenceResolver, ConferenceDelegateResolver,
  OrganizationConferencesResolver,
  ...PLEDGE_RESOLVERS,
  BlocPledgeSummaryResolver,
  StatisticalForm0601Resolver,
];
