/**
 * Every resolver class of the campaigns subgraph. The order is the order of the fields in the printed
 * schema (type-graphql reads them in module load order): new resolvers go at the end.
 */
import { MovementResolver } from './movement.resolver.js';
import { MovementRegistrationResolver } from './movement-registration.resolver.js';
import { OrganizationMovementsResolver } from './organization-movements.resolver.js';
import { ConferenceResolver } from './conference.resolver.js';
import { ConferenceDelegateResolver } from './conference-delegate.resolver.js';
import { OrganizationConferencesResolver } from './organization-conferences.resolver.js';
import { PledgeResolver } from './pledge.resolver.js';
import { PledgeSignatureResolver } from './pledge-signature.resolver.js';
import { ProgressReportResolver } from './progress-report.resolver.js';
import { ScorecardResolver } from './scorecard.resolver.js';
import { RankingEntryResolver } from './ranking-entry.resolver.js';
import { BlocVoteResolver } from './bloc-vote.resolver.js';
import { BlocPledgesResolver } from './bloc-pledges.resolver.js';
import { OrganizationPledgesResolver } from './organization-pledges.resolver.js';
import { BlocPledgeSummaryResolver } from './bloc-pledge-summary.resolver.js';
import { StatisticalForm0601Resolver } from './statistical-form-0601.resolver.js';
import { OrganizationNamesResolver } from './organization-names.resolver.js';
import {
  CrossScoreAssignmentResolver,
  PledgeDutiesResolver,
  PledgeDutyResolver,
  PledgeReminderResolver,
  PledgeTaskResolver,
} from './pledge-duties.resolver.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver list type
export const RESOLVERS: [Function, ...Function[]] = [
  MovementResolver,
  MovementRegistrationResolver,
  OrganizationMovementsResolver,
  ConferenceResolver,
  ConferenceDelegateResolver,
  OrganizationConferencesResolver,
  PledgeResolver,
  PledgeSignatureResolver,
  ProgressReportResolver,
  ScorecardResolver,
  RankingEntryResolver,
  BlocVoteResolver,
  BlocPledgesResolver,
  OrganizationPledgesResolver,
  BlocPledgeSummaryResolver,
  StatisticalForm0601Resolver,
  OrganizationNamesResolver,
  PledgeDutiesResolver,
  CrossScoreAssignmentResolver,
  PledgeDutyResolver,
  PledgeReminderResolver,
  PledgeTaskResolver,
];
