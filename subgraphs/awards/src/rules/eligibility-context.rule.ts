/** Eligibility: the parameters of each ruleset and the helpers every title rule shares (facts normalized once, exclusions, initiatives). */
import { type AwardTypeDefinition, findAwardType, type SubjectKind } from '../catalogue/award-types.js';
import { formatDateVi, isIsoDate, yearOf } from './calendar.rule.js';
import { type EvaluatedRuleset } from './ruleset.rule.js';
import {
  type AnnualRating,
  type CommendationBasis,
  type EligibilityInput,
  type EligibilityReason,
  type EligibilityReasonCode,
  type GrantFact,
  type InitiativeFact,
  type InitiativeScope,
} from './eligibility-facts.rule.js';

// ── Ruleset parameters ─────────────────────────────────────────────────────────────────────────────

/** What may differ between rulesets. Both current rulesets apply the same Law, so the values agree. */
export interface RulesetParameters {
  /** The decree whose Art 4 states the principles (identical text in ND 98 and ND 152). */
  decree: string;
  /**
   * Law Art 23: an initiative is one alternative, not a requirement. The 2025 draft amendment would
   * make it mandatory — not in force, not applied.
   */
  cstdCoSoInitiativeMandatory: boolean;
  cstdCoSoRunForCstdBoTinh: number;
  /** Spacing of two consecutive CSTĐ bộ/tỉnh: each covers three CSTĐCS years [U on the spacing]. */
  cstdBoTinhSpacingYears: number;
  consecutiveGoodYears: number;
  cstdCoSoInConsecutivePeriod: number;
  collectiveLdttShareMin: number;
}

export const PARAMETERS: Readonly<Record<EvaluatedRuleset, RulesetParameters>> = {
  'LAW_2022+ND_98_2023': {
    decree: 'Nghị định 98/2023/NĐ-CP',
    cstdCoSoInitiativeMandatory: false,
    cstdCoSoRunForCstdBoTinh: 3,
    cstdBoTinhSpacingYears: 3,
    consecutiveGoodYears: 5,
    cstdCoSoInConsecutivePeriod: 3,
    collectiveLdttShareMin: 0.7,
  },
  'LAW_2022+ND_152_2025': {
    decree: 'Nghị định 152/2025/NĐ-CP',
    cstdCoSoInitiativeMandatory: false,
    cstdCoSoRunForCstdBoTinh: 3,
    cstdBoTinhSpacingYears: 3,
    consecutiveGoodYears: 5,
    cstdCoSoInConsecutivePeriod: 3,
    collectiveLdttShareMin: 0.7,
  },
};

// ── Facts, normalized once ─────────────────────────────────────────────────────────────────────────

export const RATING_ORDER: Record<AnnualRating, number> = { NOT_COMPLETED: 0, COMPLETED: 1, GOOD: 2, EXCELLENT: 3 };
export const RATING_LABELS: Record<AnnualRating, string> = {
  EXCELLENT: 'hoàn thành xuất sắc nhiệm vụ',
  GOOD: 'hoàn thành tốt nhiệm vụ',
  COMPLETED: 'hoàn thành nhiệm vụ',
  NOT_COMPLETED: 'không hoàn thành nhiệm vụ',
};
export const SCOPE_ORDER: Record<InitiativeScope, number> = { BASE: 1, MINISTRY_OR_PROVINCE: 2, NATIONAL: 3 };
export const SCOPE_LABELS: Record<InitiativeScope, string> = {
  BASE: 'cấp cơ sở',
  MINISTRY_OR_PROVINCE: 'cấp bộ, ban, ngành, tỉnh',
  NATIONAL: 'toàn quốc',
};
/** ND 98/152 Art 4(3): ad-hoc and thematic awards never back a merit award. */
export const NOT_COUNTED_BASES: readonly CommendationBasis[] = ['AD_HOC', 'THEMATIC'];

export type Exclusion = 'BASIS' | 'REVOKED' | 'DISCIPLINE';

export interface Context {
  input: EligibilityInput;
  type: AwardTypeDefinition;
  year: number;
  decisionDate: string;
  ruleset: EvaluatedRuleset;
  params: RulesetParameters;
  /** First year whose achievements count after disciplines (ND Art 4(4)); null when none. */
  countsFromYear: number | null;
  grants: GrantFact[];
  ratings: Map<number, AnnualRating>;
  initiatives: InitiativeFact[];
  reasons: EligibilityReason[];
  evidence: GrantFact[];
  notes: string[];
}

export function reason(context: Context, code: EligibilityReasonCode, message: string): void {
  if (!context.reasons.some((existing) => existing.code === code && existing.message === message))
    context.reasons.push({ code, message });
}

export function rely(context: Context, ...grants: GrantFact[]): void {
  for (const grant of grants)
    if (!context.evidence.some((existing) => existing.id === grant.id)) context.evidence.push(grant);
}

export function typeName(code: string): string {
  return findAwardType(code)?.name ?? code;
}

export function exclusionOf(context: Context, grant: GrantFact): Exclusion | null {
  if (grant.revoked) return 'REVOKED';
  if (NOT_COUNTED_BASES.includes(grant.basis)) return 'BASIS';
  if (context.countsFromYear !== null && grant.year < context.countsFromYear) return 'DISCIPLINE';
  return null;
}

/** Grants of a type that count in a merit chain, and those that would have but are excluded. */
export function chainGrants(
  context: Context,
  code: string,
  years?: (year: number) => boolean,
): { counted: GrantFact[]; excluded: [GrantFact, Exclusion][] } {
  const counted: GrantFact[] = [];
  const excluded: [GrantFact, Exclusion][] = [];
  for (const grant of context.grants) {
    if (grant.awardTypeCode !== code || (years && !years(grant.year))) continue;
    const why = exclusionOf(context, grant);
    if (why) excluded.push([grant, why]);
    else counted.push(grant);
  }
  counted.sort((a, b) => a.year - b.year);
  return { counted, excluded };
}

/** Explains why grants that would have filled a gap did not count. */
export function explainExclusions(context: Context, excluded: [GrantFact, Exclusion][]): void {
  for (const [grant, why] of excluded) {
    const label = `${typeName(grant.awardTypeCode)} năm ${grant.year}`;
    if (why === 'BASIS') {
      const basis = grant.basis === 'AD_HOC' ? 'đột xuất' : 'theo phong trào thi đua, chuyên đề';
      reason(
        context,
        'BASIS_NOT_COUNTED',
        `${label} là khen thưởng ${basis}, không được dùng làm căn cứ đề nghị khen thưởng công trạng (${context.params.decree}, Điều 4 khoản 3).`,
      );
    } else if (why === 'REVOKED') {
      reason(
        context,
        'GRANT_REVOKED',
        `${label} đã bị hủy bỏ quyết định khen thưởng nên không được tính (Luật TĐKT 2022, Chương VII).`,
      );
    } else {
      reason(
        context,
        'ACHIEVEMENT_BEFORE_DISCIPLINE_END',
        `${label} đạt được trước khi chấp hành xong kỷ luật nên không được tính; chỉ thành tích từ năm ${context.countsFromYear} trở đi được tính (${context.params.decree}, Điều 4 khoản 4).`,
      );
    }
  }
}

export function excludedByDiscipline(context: Context, year: number): boolean {
  return context.countsFromYear !== null && year < context.countsFromYear;
}

export function ratingOf(context: Context, year: number): AnnualRating | null {
  if (excludedByDiscipline(context, year)) return null;
  return context.ratings.get(year) ?? null;
}

export function isGoodOrBetter(rating: AnnualRating | null): boolean {
  return rating !== null && RATING_ORDER[rating] >= RATING_ORDER.GOOD;
}

/** Other grants of the same level (same award type, another year, not revoked) an initiative already backs. */
export function usedAtSameLevel(context: Context, initiative: InitiativeFact): GrantFact[] {
  const used: GrantFact[] = [];
  for (const id of initiative.usedByGrantIds ?? []) {
    const grant = context.grants.find((candidate) => candidate.id === id);
    if (!grant) {
      const note = `Sáng kiến ${initiative.id} đã được dùng cho khen thưởng ${id} không có trong lịch sử được cung cấp; chưa đối chiếu được cấp khen thưởng đó.`;
      if (!context.notes.includes(note)) context.notes.push(note);
      continue;
    }
    if (grant.awardTypeCode === context.type.code && grant.year !== context.year && !grant.revoked) used.push(grant);
  }
  return used;
}

export type InitiativeOutcome = {
  usable: InitiativeFact[];
  failure: 'INITIATIVE_MISSING' | 'INITIATIVE_SCOPE_TOO_LOW' | 'INITIATIVE_ALREADY_USED' | null;
};

/**
 * Initiatives recognized in [fromYear-01-01, decisionDate] at `minScope` or wider, after any
 * discipline, and not already backing another grant of this level (Law Art 5(2); reuse
 * across different levels allowed [U]). The window is [U]: the Law speaks of the achievement period.
 */
export function usableInitiatives(context: Context, minScope: InitiativeScope, fromYear: number): InitiativeOutcome {
  const floorYear = Math.max(fromYear, context.countsFromYear ?? fromYear);
  const inWindow = context.initiatives.filter(
    (initiative) =>
      isIsoDate(initiative.recognizedOn) &&
      yearOf(initiative.recognizedOn) >= floorYear &&
      initiative.recognizedOn <= context.decisionDate,
  );
  if (inWindow.length === 0) return { usable: [], failure: 'INITIATIVE_MISSING' };
  const wideEnough = inWindow.filter((initiative) => SCOPE_ORDER[initiative.scope] >= SCOPE_ORDER[minScope]);
  if (wideEnough.length === 0) return { usable: [], failure: 'INITIATIVE_SCOPE_TOO_LOW' };
  const usable = wideEnough.filter((initiative) => usedAtSameLevel(context, initiative).length === 0);
  return usable.length === 0 ? { usable: [], failure: 'INITIATIVE_ALREADY_USED' } : { usable, failure: null };
}

export function initiativeMessage(
  context: Context,
  failure: NonNullable<InitiativeOutcome['failure']>,
  minScope: InitiativeScope,
  fromYear: number,
  article: string,
): string {
  const period =
    fromYear === context.year
      ? `năm ${context.year}`
      : `từ năm ${fromYear} đến ngày ${formatDateVi(context.decisionDate)}`;
  if (failure === 'INITIATIVE_MISSING')
    return `Chưa có sáng kiến, đề tài khoa học được công nhận trong thời gian ${period} (${article}).`;
  if (failure === 'INITIATIVE_SCOPE_TOO_LOW') {
    return `Sáng kiến, đề tài trong thời gian ${period} chưa được công nhận có phạm vi ảnh hưởng ${SCOPE_LABELS[minScope]} (${article}).`;
  }
  return `Các sáng kiến, đề tài phù hợp đã được dùng làm căn cứ cho một lần tặng ${context.type.name} khác; một thành tích không được khen thưởng hai lần (Luật TĐKT 2022, Điều 5 khoản 2; ${article}).`;
}

// ── Specific rules ─────────────────────────────────────────────────────────────────────────────────

export interface SpecificRule {
  /** Subjects this rule covers; other subjects allowed by the catalogue get notes only. */
  subjectKinds: readonly SubjectKind[];
  /** Proposal bases the rule covers; undefined = every basis. */
  bases?: readonly CommendationBasis[];
  check(context: Context): void;
  /**
   * Set when the rule computes one path of several the article allows (e.g. Art 73(1)(b) of five):
   * meeting it is enough, failing it proves nothing, so a failure gives "not evaluated" with this
   * message instead of "not eligible".
   */
  otherPaths?: string;
  /** Conditions of the same article that stay with the council. */
  unchecked: readonly string[];
}
