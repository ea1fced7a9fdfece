/**
 * The awards subgraph's pure domain rules: catalogue, rulesets, decision authority, council votes and
 * eligibility. No database, no GraphQL: resolvers call these and turn refusals into errors.
 */
export {
  AWARD_TYPES,
  AWARD_CHAINS,
  findAwardType,
  isAwardTypeValidOn,
  type AwardCategory,
  type AwardClass,
  type AwardTypeDefinition,
  type AuthorityKind,
  type SubjectKind,
} from '../catalogue/award-types.js';
export { isIsoDate, formatDateVi } from './calendar.rule.js';
export { cleanDecisionNumber, decisionNumberKey } from './decision-number.rule.js';
export {
  RULESETS,
  LAW_2022_IN_FORCE,
  ND_152_IN_FORCE,
  rulesetFor,
  isEvaluatedRuleset,
  rulesetDefinition,
  type Ruleset,
  type EvaluatedRuleset,
  type RulesetDefinition,
} from './ruleset.rule.js';
export {
  DECISION_POWERS,
  AUTHORITY_LABELS,
  authoritiesFor,
  authorityOfIssuer,
  canDecide,
  type DecisionPower,
} from './authority.rule.js';
export {
  COUNCIL_THRESHOLDS,
  councilThreshold,
  councilVotePasses,
  type CouncilVote,
  type CouncilVoteProblem,
  type CouncilVoteResult,
} from './council-threshold.rule.js';
export {
  ELIGIBILITY_REASON_CODES,
  UNDETERMINED_REASON_CODES,
  evaluateEligibility,
  implementedEligibilityRules,
  type AnnualRating,
  type CollectiveFacts,
  type CommendationBasis,
  type EligibilityHistory,
  type EligibilityInput,
  type EligibilityReason,
  type EligibilityReasonCode,
  type EligibilityVerdict,
  type GrantFact,
  type InitiativeFact,
  type InitiativeScope,
} from './eligibility.rule.js';
export * from './nomination-workflow.rule.js';
export * from './nomination-routing.rule.js';
export * from './nomination-deadline.rule.js';
export {
  VIETNAM_CALENDAR,
  VIETNAM_HOLIDAYS,
  WorkingCalendar,
  addCalendarDays,
  calendarDaysBetween,
  type DayOff,
  type HolidayYear,
} from './working-day.rule.js';
