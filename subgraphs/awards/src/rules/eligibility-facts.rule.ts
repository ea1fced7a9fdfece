/** Eligibility: the facts a verdict is computed from, the verdict, and its stable reason codes. */
import { type SubjectKind } from '../catalogue/award-types.js';
import { type Ruleset } from './ruleset.rule.js';

export type AnnualRating = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED';
export type CommendationBasis =
  'MERIT' | 'AD_HOC' | 'THEMATIC' | 'CAREER_CONTRIBUTION' | 'SENIORITY' | 'FOREIGN' | 'RESISTANCE';
export type InitiativeScope = 'BASE' | 'MINISTRY_OR_PROVINCE' | 'NATIONAL';

export interface GrantFact {
  id: string;
  awardTypeCode: string;
  year: number;
  basis: CommendationBasis;
  decisionDate: string | null;
  revoked: boolean;
}

export interface InitiativeFact {
  id: string;
  scope: InitiativeScope;
  recognizedOn: string;
  usedByGrantIds: string[];
}

export interface EligibilityHistory {
  grants: GrantFact[];
  ratings: { year: number; rating: AnnualRating }[];
  initiatives: InitiativeFact[];
  /** Discipline being considered, investigation, inspection, complaint or denunciation being verified. */
  openInquiries: { type: string; openedOn: string }[];
  /** Disciplines imposed; `to` null while still running. */
  disciplines: { level: string; from: string; to: string | null }[];
}

/** A collective's membership snapshot for the year (Law Arts 27, 28). */
export interface CollectiveFacts {
  membersTotal: number;
  membersLdtt: number;
  membersCompleted: number;
  hasCstdCoSo: boolean;
  /** The collective's own rating; falls back to `history.ratings` for the year. */
  rating?: AnnualRating | null;
  /** A member disciplined at "cảnh cáo" or above in the year. */
  memberDisciplined: boolean;
}

export interface EligibilityInput {
  awardTypeCode: string;
  year: number;
  /** YYYY-MM-DD; default `${year + 1}-01-15`. Chooses the ruleset and is "now" for every check. */
  decisionDate?: string;
  /** Basis of the proposal; default MERIT. The merit-chain rules apply to MERIT proposals only. */
  basis?: CommendationBasis;
  subject: { kind: SubjectKind };
  history: EligibilityHistory;
  collective?: CollectiveFacts | null;
  blocLeadingUnit?: { isLeadingUnit: boolean; isMember: boolean } | null;
}

/** Stable reason codes; the message says the same in Vietnamese with the article. */
export const ELIGIBILITY_REASON_CODES = {
  INVALID_INPUT: 'The year or the decision date is not usable.',
  UNKNOWN_AWARD_TYPE: 'No award type has this code.',
  RULESET_NOT_EVALUATED:
    'Not evaluated: the decision date falls under the 2003 Law, which this engine does not evaluate.',
  NOT_EVALUATED:
    'Not evaluated: the conditions of this award (for this subject or basis) are judged by the council and the deciding head, not computed; or the computed path failed and the others are judged.',
  AWARD_TYPE_NOT_IN_FORCE: 'The award type does not exist on the decision date (catalogue validity).',
  SUBJECT_KIND_NOT_ALLOWED: 'This award is not given to this kind of subject (person, collective, household).',
  OPEN_INQUIRY: 'An inquiry (discipline being considered, investigation, inspection, complaint) is open — ND Art 4(4).',
  UNDER_DISCIPLINE: 'A discipline has not ended by the decision date — ND Art 4(4).',
  ACHIEVEMENT_BEFORE_DISCIPLINE_END: 'The achievement year is not after the end of a discipline — ND Art 4(4).',
  ALREADY_GRANTED_SAME_YEAR: 'The same annual title is already granted for this year — Law Art 5(2).',
  BASIS_NOT_COUNTED:
    'A grant that would have counted is ad-hoc or thematic, which never backs a merit award — ND Art 4(3).',
  GRANT_REVOKED: 'A grant that would have counted was revoked.',
  RATING_MISSING: 'No annual rating is recorded for a year the rule needs.',
  RATING_TOO_LOW: 'The annual rating of a year is below what the rule needs.',
  MISSING_LDTT_SAME_YEAR: 'CSTĐCS needs Lao động tiên tiến for the same year — Law Art 23.',
  CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE:
    'CSTĐCS needs an "excellent" rating or a recognized initiative in the year — Law Art 23.',
  CSTD_CO_SO_NOT_CONSECUTIVE:
    'CSTĐ bộ/tỉnh needs CSTĐCS in each of the three years ending in the achievement year — Law Art 22.',
  CSTD_BO_TINH_NOT_CONSECUTIVE:
    'CSTĐ toàn quốc needs two consecutive CSTĐ bộ/tỉnh (achievement year and three years before) — Law Art 21.',
  INITIATIVE_MISSING: 'No recognized initiative or scientific work in the period — Law Arts 21, 22.',
  INITIATIVE_SCOPE_TOO_LOW: 'Initiatives exist but none is recognized at the scope the title needs — Law Arts 21, 22.',
  INITIATIVE_ALREADY_USED: 'The only suitable initiatives already back another grant of the same level — Law Art 5(2).',
  ACHIEVEMENT_ALREADY_REWARDED:
    'Years the rule needs already backed an earlier award of the same level — Law Art 5(2).',
  MISSING_PRIOR_BANG_KHEN_BO_TINH:
    'Bằng khen TTg (path b) needs an earlier Bằng khen bộ/tỉnh at least five years back — Law Art 73(1)(b).',
  MISSING_PRIOR_BANG_KHEN_TTG:
    'HCLĐ hạng Ba (path e) needs an earlier Bằng khen TTg at least five years back — Law Art 44(1)(e).',
  CONSECUTIVE_GOOD_YEARS_TOO_FEW:
    'Fewer than five consecutive years rated "good" or better after the prior award — Law Arts 73(1)(b), 44(1)(e).',
  NOT_ENOUGH_CSTD_CO_SO: 'Fewer than three CSTĐCS in the consecutive period — Law Arts 73(1)(b), 44(1)(e).',
  NO_EXCELLENT_YEAR: 'No year rated "excellent" in the consecutive period — Law Art 44(1)(e).',
  COLLECTIVE_FACTS_MISSING: "Not evaluated: the collective title needs the year's membership snapshot.",
  COLLECTIVE_FACTS_INVALID: 'The membership snapshot does not add up.',
  LDTT_SHARE_TOO_LOW: 'Fewer than 70 % of members are Lao động tiên tiến — Law Arts 27, 28.',
  MEMBERS_NOT_ALL_COMPLETED: 'Not every member completed their tasks — Law Art 27.',
  NO_CSTD_CO_SO_MEMBER: 'No member is CSTĐCS — Law Art 27.',
  MEMBER_DISCIPLINED: 'A member was disciplined at "cảnh cáo" or above — Law Arts 27, 28.',
  BLOC_RESULT_MISSING: "Not evaluated: the emulation flag needs the bloc's result for the year.",
  NOT_BLOC_MEMBER: 'The unit is not a member of the bloc that year — Law Arts 25, 26.',
  NOT_LEADING_UNIT: "The unit is not the bloc's acclaimed leading unit — Law Arts 25, 26.",
} as const;

export type EligibilityReasonCode = keyof typeof ELIGIBILITY_REASON_CODES;

/**
 * Reasons that say the system could not decide, not that a condition is unmet: a verdict whose only
 * reasons are of these codes is "not evaluated" (eligible null), never "eligible" nor "not eligible".
 */
export const UNDETERMINED_REASON_CODES: ReadonlySet<EligibilityReasonCode> = new Set([
  'RULESET_NOT_EVALUATED',
  'NOT_EVALUATED',
  'COLLECTIVE_FACTS_MISSING',
  'BLOC_RESULT_MISSING',
]);

export interface EligibilityReason {
  code: EligibilityReasonCode;
  message: string;
}

export interface EligibilityVerdict {
  /**
   * true: every condition the system computes is met; false: at least one is not; null: not evaluated
   * (the award's conditions are judged by the council and the deciding head, or the facts are missing;
   * the reasons say which).
   */
  eligible: boolean | null;
  ruleset: Ruleset;
  /** Every unmet condition, in plain Vietnamese, citing the article. */
  reasons: EligibilityReason[];
  /** Grants the verdict relied on. */
  evidence: GrantFact[];
  /** Conditions not checked automatically, for the officer and the council. */
  notes: string[];
}
