/**
 * Eligibility for a proposed award, from the recipient's history (brief §7). Pure: plain data in, a
 * verdict out, the explicit `decisionDate` as "now"; never throws, never reads a clock.
 *
 * Implemented (each check cites its article next to it):
 *   LDTT                      Law Art 24(1): rated HTTNV (GOOD) or better that year.
 *   CSTD_CO_SO                Law Art 23 (brief §7 rule 1).
 *   CSTD_BO_TINH              Law Art 22 (rule 2).
 *   CSTD_TOAN_QUOC            Law Art 21 (rule 3).
 *   BANG_KHEN_TTG, person     Law Art 73(1)(b) (rule 4) — only that path.
 *   HC_LAO_DONG_3, person     Law Art 44(1)(e) (rule 5) — only that path.
 *   TTLD_TIEN_TIEN, TTLD_XUAT_SAC (and army DON_VI_TIEN_TIEN, DON_VI_QUYET_THANG)  Law Arts 28, 27 (rule 6).
 *   CO_THI_DUA_CP, CO_THI_DUA_BO_TINH  Law Arts 25, 26: the bloc's acclaimed leading unit, a member that year (rule 11).
 * Applied to every award type (general principles, ND 98/2023 = ND 152/2025 Art 4; Law Art 5):
 *   an open inquiry blocks (Art 4(4)); after a discipline only later achievements count (Art 4(4));
 *   AD_HOC and THEMATIC grants never back a merit chain (Art 4(3)); revoked grants never count (Law
 *   ch. VII); an initiative used by another grant of the same level cannot back this one and an
 *   annual title is not given twice for one year (Law Art 5(2), brief rule 9).
 * Everything else (orders other than the HCLĐ hạng Ba path, state titles, prizes, the collective
 * paths of Bằng khen TTg and HCLĐ, council judgments such as "tiêu biểu xuất sắc") is not checked:
 * the verdict is eligible with no reasons and `notes` saying what an officer must check.
 *
 * Year conventions: an annual title's `year` is its achievement year; for CSTĐ bộ/tỉnh it is the last
 * year of its three CSTĐCS years, for CSTĐ toàn quốc the year of the second CSTĐ bộ/tỉnh. A year with
 * no rating or no title breaks "consecutive".
 */
import { findAwardType, isAwardTypeValidOn, type AwardTypeDefinition, type SubjectKind } from '../catalogue/award-types.js';
import { formatDateVi, isIsoDate, yearOf } from './calendar.rule.js';
import { isEvaluatedRuleset, rulesetDefinition, rulesetFor, type EvaluatedRuleset, type Ruleset } from './ruleset.rule.js';

export type AnnualRating = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED';
export type CommendationBasis = 'MERIT' | 'AD_HOC' | 'THEMATIC' | 'CAREER_CONTRIBUTION' | 'SENIORITY' | 'FOREIGN' | 'RESISTANCE';
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
  RULESET_NOT_EVALUATED: 'The decision date falls under the 2003 Law, which this engine does not evaluate.',
  AWARD_TYPE_NOT_IN_FORCE: 'The award type does not exist on the decision date (catalogue validity).',
  SUBJECT_KIND_NOT_ALLOWED: 'This award is not given to this kind of subject (person, collective, household).',
  OPEN_INQUIRY: 'An inquiry (discipline being considered, investigation, inspection, complaint) is open — ND Art 4(4).',
  UNDER_DISCIPLINE: 'A discipline has not ended by the decision date — ND Art 4(4).',
  ACHIEVEMENT_BEFORE_DISCIPLINE_END: 'The achievement year is not after the end of a discipline — ND Art 4(4).',
  ALREADY_GRANTED_SAME_YEAR: 'The same annual title is already granted for this year — Law Art 5(2).',
  BASIS_NOT_COUNTED: 'A grant that would have counted is ad-hoc or thematic, which never backs a merit award — ND Art 4(3).',
  GRANT_REVOKED: 'A grant that would have counted was revoked.',
  RATING_MISSING: 'No annual rating is recorded for a year the rule needs.',
  RATING_TOO_LOW: 'The annual rating of a year is below what the rule needs.',
  MISSING_LDTT_SAME_YEAR: 'CSTĐCS needs Lao động tiên tiến for the same year — Law Art 23.',
  CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE: 'CSTĐCS needs an "excellent" rating or a recognized initiative in the year — Law Art 23.',
  CSTD_CO_SO_NOT_CONSECUTIVE: 'CSTĐ bộ/tỉnh needs CSTĐCS in each of the three years ending in the achievement year — Law Art 22.',
  CSTD_BO_TINH_NOT_CONSECUTIVE: 'CSTĐ toàn quốc needs two consecutive CSTĐ bộ/tỉnh (achievement year and three years before) — Law Art 21.',
  INITIATIVE_MISSING: 'No recognized initiative or scientific work in the period — Law Arts 21, 22.',
  INITIATIVE_SCOPE_TOO_LOW: 'Initiatives exist but none is recognized at the scope the title needs — Law Arts 21, 22.',
  INITIATIVE_ALREADY_USED: 'The only suitable initiatives already back another grant of the same level — Law Art 5(2).',
  ACHIEVEMENT_ALREADY_REWARDED: 'Years the rule needs already backed an earlier award of the same level — Law Art 5(2).',
  MISSING_PRIOR_BANG_KHEN_BO_TINH: 'Bằng khen TTg (path b) needs an earlier Bằng khen bộ/tỉnh at least five years back — Law Art 73(1)(b).',
  MISSING_PRIOR_BANG_KHEN_TTG: 'HCLĐ hạng Ba (path e) needs an earlier Bằng khen TTg at least five years back — Law Art 44(1)(e).',
  CONSECUTIVE_GOOD_YEARS_TOO_FEW: 'Fewer than five consecutive years rated "good" or better after the prior award — Law Arts 73(1)(b), 44(1)(e).',
  NOT_ENOUGH_CSTD_CO_SO: 'Fewer than three CSTĐCS in the consecutive period — Law Arts 73(1)(b), 44(1)(e).',
  NO_EXCELLENT_YEAR: 'No year rated "excellent" in the consecutive period — Law Art 44(1)(e).',
  COLLECTIVE_FACTS_MISSING: 'The collective title needs the year\'s membership snapshot.',
  COLLECTIVE_FACTS_INVALID: 'The membership snapshot does not add up.',
  LDTT_SHARE_TOO_LOW: 'Fewer than 70 % of members are Lao động tiên tiến — Law Arts 27, 28.',
  MEMBERS_NOT_ALL_COMPLETED: 'Not every member completed their tasks — Law Art 27.',
  NO_CSTD_CO_SO_MEMBER: 'No member is CSTĐCS — Law Art 27.',
  MEMBER_DISCIPLINED: 'A member was disciplined at "cảnh cáo" or above — Law Arts 27, 28.',
  BLOC_RESULT_MISSING: 'The emulation flag needs the bloc\'s result for the year.',
  NOT_BLOC_MEMBER: 'The unit is not a member of the bloc that year — Law Arts 25, 26.',
  NOT_LEADING_UNIT: 'The unit is not the bloc\'s acclaimed leading unit — Law Arts 25, 26.',
} as const;

export type EligibilityReasonCode = keyof typeof ELIGIBILITY_REASON_CODES;

export interface EligibilityReason {
  code: EligibilityReasonCode;
  message: string;
}

export interface EligibilityVerdict {
  eligible: boolean;
  ruleset: Ruleset;
  /** Every unmet condition, in plain Vietnamese, citing the article. */
  reasons: EligibilityReason[];
  /** Grants the verdict relied on. */
  evidence: GrantFact[];
  /** Conditions not checked automatically, for the officer and the council. */
  notes: string[];
}

// ── Ruleset parameters ─────────────────────────────────────────────────────────────────────────────

/** What may differ between rulesets. Both current rulesets apply the same Law, so the values agree. */
interface RulesetParameters {
  /** The decree whose Art 4 states the principles (identical text in ND 98 and ND 152). */
  decree: string;
  /**
   * Law Art 23: an initiative is one alternative, not a requirement. The 2025 draft amendment would
   * make it mandatory — not in force, not applied (brief §1.1).
   */
  cstdCoSoInitiativeMandatory: boolean;
  cstdCoSoRunForCstdBoTinh: number;
  /** Spacing of two consecutive CSTĐ bộ/tỉnh: each covers three CSTĐCS years [U on the spacing]. */
  cstdBoTinhSpacingYears: number;
  consecutiveGoodYears: number;
  cstdCoSoInConsecutivePeriod: number;
  collectiveLdttShareMin: number;
}

const PARAMETERS: Readonly<Record<EvaluatedRuleset, RulesetParameters>> = {
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

const RATING_ORDER: Record<AnnualRating, number> = { NOT_COMPLETED: 0, COMPLETED: 1, GOOD: 2, EXCELLENT: 3 };
const RATING_LABELS: Record<AnnualRating, string> = {
  EXCELLENT: 'hoàn thành xuất sắc nhiệm vụ',
  GOOD: 'hoàn thành tốt nhiệm vụ',
  COMPLETED: 'hoàn thành nhiệm vụ',
  NOT_COMPLETED: 'không hoàn thành nhiệm vụ',
};
const SCOPE_ORDER: Record<InitiativeScope, number> = { BASE: 1, MINISTRY_OR_PROVINCE: 2, NATIONAL: 3 };
const SCOPE_LABELS: Record<InitiativeScope, string> = {
  BASE: 'cấp cơ sở',
  MINISTRY_OR_PROVINCE: 'cấp bộ, ban, ngành, tỉnh',
  NATIONAL: 'toàn quốc',
};
/** ND 98/152 Art 4(3): ad-hoc and thematic awards never back a merit award. */
const NOT_COUNTED_BASES: readonly CommendationBasis[] = ['AD_HOC', 'THEMATIC'];

type Exclusion = 'BASIS' | 'REVOKED' | 'DISCIPLINE';

interface Context {
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

function reason(context: Context, code: EligibilityReasonCode, message: string): void {
  if (!context.reasons.some((existing) => existing.code === code && existing.message === message)) context.reasons.push({ code, message });
}

function rely(context: Context, ...grants: GrantFact[]): void {
  for (const grant of grants) if (!context.evidence.some((existing) => existing.id === grant.id)) context.evidence.push(grant);
}

function typeName(code: string): string {
  return findAwardType(code)?.name ?? code;
}

function exclusionOf(context: Context, grant: GrantFact): Exclusion | null {
  if (grant.revoked) return 'REVOKED';
  if (NOT_COUNTED_BASES.includes(grant.basis)) return 'BASIS';
  if (context.countsFromYear !== null && grant.year < context.countsFromYear) return 'DISCIPLINE';
  return null;
}

/** Grants of a type that count in a merit chain, and those that would have but are excluded. */
function chainGrants(context: Context, code: string, years?: (year: number) => boolean): { counted: GrantFact[]; excluded: [GrantFact, Exclusion][] } {
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
function explainExclusions(context: Context, excluded: [GrantFact, Exclusion][]): void {
  for (const [grant, why] of excluded) {
    const label = `${typeName(grant.awardTypeCode)} năm ${grant.year}`;
    if (why === 'BASIS') {
      const basis = grant.basis === 'AD_HOC' ? 'đột xuất' : 'theo phong trào thi đua, chuyên đề';
      reason(context, 'BASIS_NOT_COUNTED', `${label} là khen thưởng ${basis}, không được dùng làm căn cứ đề nghị khen thưởng công trạng (${context.params.decree}, Điều 4 khoản 3).`);
    } else if (why === 'REVOKED') {
      reason(context, 'GRANT_REVOKED', `${label} đã bị hủy bỏ quyết định khen thưởng nên không được tính (Luật TĐKT 2022, Chương VII).`);
    } else {
      reason(
        context,
        'ACHIEVEMENT_BEFORE_DISCIPLINE_END',
        `${label} đạt được trước khi chấp hành xong kỷ luật nên không được tính; chỉ thành tích từ năm ${context.countsFromYear} trở đi được tính (${context.params.decree}, Điều 4 khoản 4).`,
      );
    }
  }
}

function excludedByDiscipline(context: Context, year: number): boolean {
  return context.countsFromYear !== null && year < context.countsFromYear;
}

function ratingOf(context: Context, year: number): AnnualRating | null {
  if (excludedByDiscipline(context, year)) return null;
  return context.ratings.get(year) ?? null;
}

function isGoodOrBetter(rating: AnnualRating | null): boolean {
  return rating !== null && RATING_ORDER[rating] >= RATING_ORDER.GOOD;
}

/** Other grants of the same level (same award type, another year, not revoked) an initiative already backs. */
function usedAtSameLevel(context: Context, initiative: InitiativeFact): GrantFact[] {
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

type InitiativeOutcome = { usable: InitiativeFact[]; failure: 'INITIATIVE_MISSING' | 'INITIATIVE_SCOPE_TOO_LOW' | 'INITIATIVE_ALREADY_USED' | null };

/**
 * Initiatives recognized in [fromYear-01-01, decisionDate] at `minScope` or wider, after any
 * discipline, and not already backing another grant of this level (Law Art 5(2); brief rule 9, reuse
 * across different levels allowed [U]). The window is [U]: the Law speaks of the achievement period.
 */
function usableInitiatives(context: Context, minScope: InitiativeScope, fromYear: number): InitiativeOutcome {
  const floorYear = Math.max(fromYear, context.countsFromYear ?? fromYear);
  const inWindow = context.initiatives.filter(
    (initiative) => isIsoDate(initiative.recognizedOn) && yearOf(initiative.recognizedOn) >= floorYear && initiative.recognizedOn <= context.decisionDate,
  );
  if (inWindow.length === 0) return { usable: [], failure: 'INITIATIVE_MISSING' };
  const wideEnough = inWindow.filter((initiative) => SCOPE_ORDER[initiative.scope] >= SCOPE_ORDER[minScope]);
  if (wideEnough.length === 0) return { usable: [], failure: 'INITIATIVE_SCOPE_TOO_LOW' };
  const usable = wideEnough.filter((initiative) => usedAtSameLevel(context, initiative).length === 0);
  return usable.length === 0 ? { usable: [], failure: 'INITIATIVE_ALREADY_USED' } : { usable, failure: null };
}

function initiativeMessage(context: Context, failure: NonNullable<InitiativeOutcome['failure']>, minScope: InitiativeScope, fromYear: number, article: string): string {
  const period = fromYear === context.year ? `năm ${context.year}` : `từ năm ${fromYear} đến ngày ${formatDateVi(context.decisionDate)}`;
  if (failure === 'INITIATIVE_MISSING') return `Chưa có sáng kiến, đề tài khoa học được công nhận trong thời gian ${period} (${article}).`;
  if (failure === 'INITIATIVE_SCOPE_TOO_LOW') {
    return `Sáng kiến, đề tài trong thời gian ${period} chưa được công nhận có phạm vi ảnh hưởng ${SCOPE_LABELS[minScope]} (${article}).`;
  }
  return `Các sáng kiến, đề tài phù hợp đã được dùng làm căn cứ cho một lần tặng ${context.type.name} khác; một thành tích không được khen thưởng hai lần (Luật TĐKT 2022, Điều 5 khoản 2; ${article}).`;
}

// ── Specific rules ─────────────────────────────────────────────────────────────────────────────────

interface SpecificRule {
  /** Subjects this rule covers; other subjects allowed by the catalogue get notes only. */
  subjectKinds: readonly SubjectKind[];
  /** Proposal bases the rule covers; undefined = every basis. */
  bases?: readonly CommendationBasis[];
  check(context: Context): void;
  /** Conditions of the same article that stay with the council. */
  unchecked: readonly string[];
}

/** Law Art 24(1): CBCCVC rated HTTNV or better and active in emulation. */
function checkRatedGoodOrBetter(context: Context, article: string): void {
  if (excludedByDiscipline(context, context.year)) return; // reported once as ACHIEVEMENT_BEFORE_DISCIPLINE_END
  const rating = ratingOf(context, context.year);
  if (rating === null) {
    reason(context, 'RATING_MISSING', `Chưa có kết quả xếp loại năm ${context.year}; cần hoàn thành tốt nhiệm vụ trở lên (${article}).`);
  } else if (!isGoodOrBetter(rating)) {
    reason(context, 'RATING_TOO_LOW', `Năm ${context.year} xếp loại ${RATING_LABELS[rating]}; cần hoàn thành tốt nhiệm vụ trở lên (${article}).`);
  }
}

const ldttRule: SpecificRule = {
  subjectKinds: ['PERSON'],
  check: (context) => checkRatedGoodOrBetter(context, 'Luật TĐKT 2022, Điều 24 khoản 1'),
  unchecked: [
    'Tích cực tham gia phong trào thi đua, chấp hành tốt chủ trương, chính sách, pháp luật (Luật TĐKT 2022, Điều 24 khoản 1).',
    'Công nhân, nông dân, người lao động không xếp loại: tiêu chuẩn theo Điều 24 khoản 3 và quy định của UBND tỉnh, bộ, ngành.',
  ],
};

/** Law Art 23: LĐTT that year AND (HTXSNV OR a recognized initiative/scientific work/combat creativity). */
const cstdCoSoRule: SpecificRule = {
  subjectKinds: ['PERSON'],
  check(context) {
    const article = 'Luật TĐKT 2022, Điều 23';
    const ldtt = chainGrants(context, 'LDTT', (year) => year === context.year);
    const chienSi = chainGrants(context, 'CHIEN_SI_TIEN_TIEN', (year) => year === context.year);
    const sameYear = [...ldtt.counted, ...chienSi.counted];
    if (sameYear.length > 0) rely(context, sameYear[0]!);
    else {
      reason(context, 'MISSING_LDTT_SAME_YEAR', `Chưa được công nhận Lao động tiên tiến (Chiến sĩ tiên tiến) năm ${context.year} (${article}).`);
      explainExclusions(context, [...ldtt.excluded, ...chienSi.excluded]);
    }
    const excellent = ratingOf(context, context.year) === 'EXCELLENT';
    const initiatives = usableInitiatives(context, 'BASE', context.year);
    const hasInitiative = initiatives.failure === null;
    if (context.params.cstdCoSoInitiativeMandatory ? !hasInitiative : !excellent && !hasInitiative) {
      reason(
        context,
        'CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE',
        `Năm ${context.year} chưa hoàn thành xuất sắc nhiệm vụ và chưa có sáng kiến, đề tài khoa học được công nhận (cấp cơ sở trở lên) để làm căn cứ (${article}).`,
      );
      if (initiatives.failure === 'INITIATIVE_ALREADY_USED') reason(context, 'INITIATIVE_ALREADY_USED', initiativeMessage(context, 'INITIATIVE_ALREADY_USED', 'BASE', context.year, article));
    }
  },
  unchecked: ['Sáng kiến phải được áp dụng hiệu quả, có khả năng nhân rộng; hoặc sáng tạo trong chiến đấu (Luật TĐKT 2022, Điều 23) — Hội đồng TĐKT đánh giá.'],
};

/** Law Art 22: among those with three consecutive CSTĐCS, with an initiative of ministry/province-wide effect. */
const cstdBoTinhRule: SpecificRule = {
  subjectKinds: ['PERSON'],
  check(context) {
    const article = 'Luật TĐKT 2022, Điều 22';
    const run = context.params.cstdCoSoRunForCstdBoTinh;
    const firstYear = context.year - run + 1;
    const years = Array.from({ length: run }, (_, index) => firstYear + index);
    const cstd = chainGrants(context, 'CSTD_CO_SO', (year) => year >= firstYear && year <= context.year);
    const missing = years.filter((year) => !cstd.counted.some((grant) => grant.year === year));
    rely(context, ...years.flatMap((year) => cstd.counted.filter((grant) => grant.year === year).slice(0, 1)));
    if (missing.length > 0) {
      reason(
        context,
        'CSTD_CO_SO_NOT_CONSECUTIVE',
        `Cần ${run} lần liên tục đạt Chiến sĩ thi đua cơ sở các năm ${years.join(', ')}; thiếu năm ${missing.join(', ')} (${article}).`,
      );
      explainExclusions(context, cstd.excluded.filter(([grant]) => missing.includes(grant.year)));
    }
    // Law Art 5(2): CSTĐCS years that backed an earlier CSTĐ bộ/tỉnh are not used again [U: the next
    // cycle starts after the previous title].
    const earlier = chainGrants(context, 'CSTD_BO_TINH', (year) => year < context.year && year >= firstYear);
    for (const grant of earlier.counted) {
      rely(context, grant);
      reason(
        context,
        'ACHIEVEMENT_ALREADY_REWARDED',
        `Đã được tặng ${context.type.name} năm ${grant.year}; các năm Chiến sĩ thi đua cơ sở đến năm ${grant.year} đã được dùng làm căn cứ (Luật TĐKT 2022, Điều 5 khoản 2).`,
      );
    }
    const initiatives = usableInitiatives(context, 'MINISTRY_OR_PROVINCE', firstYear);
    if (initiatives.failure) reason(context, initiatives.failure, initiativeMessage(context, initiatives.failure, 'MINISTRY_OR_PROVINCE', firstYear, article));
  },
  unchecked: [
    'Tiêu biểu xuất sắc trong số những cá nhân 3 lần liên tục đạt Chiến sĩ thi đua cơ sở; sáng kiến được người đứng đầu bộ, ban, ngành, tỉnh công nhận có phạm vi ảnh hưởng (Luật TĐKT 2022, Điều 22) — Hội đồng TĐKT bỏ phiếu kín, cần ≥ 90 % tổng số thành viên.',
  ],
};

/** Law Art 21: among those with two consecutive CSTĐ bộ/tỉnh, with an initiative of nationwide effect. */
const cstdToanQuocRule: SpecificRule = {
  subjectKinds: ['PERSON'],
  check(context) {
    const article = 'Luật TĐKT 2022, Điều 21';
    const spacing = context.params.cstdBoTinhSpacingYears;
    const needed = [context.year - spacing, context.year];
    const boTinh = chainGrants(context, 'CSTD_BO_TINH', (year) => needed.includes(year));
    const missing = needed.filter((year) => !boTinh.counted.some((grant) => grant.year === year));
    rely(context, ...needed.flatMap((year) => boTinh.counted.filter((grant) => grant.year === year).slice(0, 1)));
    if (missing.length > 0) {
      reason(
        context,
        'CSTD_BO_TINH_NOT_CONSECUTIVE',
        `Cần 2 lần liên tục đạt Chiến sĩ thi đua bộ, ban, ngành, tỉnh (năm ${needed[0]} và năm ${needed[1]}); thiếu năm ${missing.join(', ')} (${article}).`,
      );
      explainExclusions(context, boTinh.excluded.filter(([grant]) => missing.includes(grant.year)));
    }
    const firstYear = context.year - 2 * spacing + 1;
    const earlier = chainGrants(context, 'CSTD_TOAN_QUOC', (year) => year < context.year && year >= firstYear);
    for (const grant of earlier.counted) {
      rely(context, grant);
      reason(
        context,
        'ACHIEVEMENT_ALREADY_REWARDED',
        `Đã được tặng ${context.type.name} năm ${grant.year}; thành tích đến năm ${grant.year} đã được dùng làm căn cứ (Luật TĐKT 2022, Điều 5 khoản 2).`,
      );
    }
    const initiatives = usableInitiatives(context, 'NATIONAL', firstYear);
    if (initiatives.failure) reason(context, initiatives.failure, initiativeMessage(context, initiatives.failure, 'NATIONAL', firstYear, article));
  },
  unchecked: [
    'Tiêu biểu xuất sắc nhất trong số những cá nhân 2 lần liên tục đạt Chiến sĩ thi đua bộ, ban, ngành, tỉnh; sáng kiến có phạm vi ảnh hưởng toàn quốc (Luật TĐKT 2022, Điều 21) — Hội đồng TĐKT bỏ phiếu kín, cần ≥ 90 % tổng số thành viên.',
    'Hồ sơ phải gửi Bộ Nội vụ (Ban TĐKT Trung ương) trước 31/12 của năm liền kề (Nghị định 98/2023/NĐ-CP, Điều 32; việc giữ thời hạn này ở Nghị định 152/2025 chưa xác minh).',
  ],
};

/**
 * The "prior award, then ≥ N consecutive years rated good or better, with M × CSTĐCS" pattern of
 * Law Art 73(1)(b) and Art 44(1)(e). The period starts after the prior award's year and after any
 * earlier grant of this same award (its years are spent, Law Art 5(2)) [U on the exact start rule].
 */
function checkConsecutivePeriod(context: Context, prior: { code: string; reason: 'MISSING_PRIOR_BANG_KHEN_BO_TINH' | 'MISSING_PRIOR_BANG_KHEN_TTG' }, article: string, needExcellent: boolean): void {
  const { consecutiveGoodYears: needYears, cstdCoSoInConsecutivePeriod: needCstd } = context.params;
  const latestPriorYear = context.year - needYears;
  const priors = chainGrants(context, prior.code, (year) => year <= latestPriorYear);
  const priorGrant = priors.counted.at(-1) ?? null;
  if (priorGrant) rely(context, priorGrant);
  else {
    const tooRecent = chainGrants(context, prior.code, (year) => year > latestPriorYear && year <= context.year).counted;
    const detail = tooRecent.length > 0 ? `; ${typeName(prior.code)} năm ${tooRecent.map((grant) => grant.year).join(', ')} chưa đủ ${needYears} năm tiếp theo` : '';
    reason(context, prior.reason, `Chưa được tặng ${typeName(prior.code)} từ năm ${latestPriorYear} trở về trước${detail} (${article}).`);
    explainExclusions(context, priors.excluded);
  }

  const sameAward = chainGrants(context, context.type.code, (year) => year < context.year).counted.at(-1) ?? null;
  const floors = [priorGrant ? priorGrant.year + 1 : null, sameAward ? sameAward.year + 1 : null, context.countsFromYear].filter((year): year is number => year !== null);
  const floor = floors.length > 0 ? Math.max(...floors) : Number.NEGATIVE_INFINITY;

  const run: number[] = [];
  let breakYear: number | null = null;
  for (let year = context.year; year >= floor; year -= 1) {
    if (!isGoodOrBetter(ratingOf(context, year))) {
      breakYear = year;
      break;
    }
    run.push(year); // ends at the first year without a good rating: ratings are finite
  }
  if (run.length < needYears) {
    let cause: string;
    if (breakYear !== null) {
      const rating = ratingOf(context, breakYear);
      cause = rating === null ? `năm ${breakYear} không có kết quả xếp loại` : `năm ${breakYear} xếp loại ${RATING_LABELS[rating]}`;
    } else if (sameAward && floor === sameAward.year + 1) {
      cause = `các năm đến ${sameAward.year} đã được dùng cho ${context.type.name} năm ${sameAward.year}`;
    } else if (context.countsFromYear !== null && floor === context.countsFromYear) {
      cause = `chỉ tính thành tích sau khi chấp hành xong kỷ luật (từ năm ${context.countsFromYear})`;
    } else {
      cause = `thời gian tính từ sau năm ${floor - 1}`;
    }
    reason(
      context,
      'CONSECUTIVE_GOOD_YEARS_TOO_FEW',
      `Cần ít nhất ${needYears} năm liên tục hoàn thành tốt nhiệm vụ trở lên tính đến năm ${context.year}; hiện chỉ có ${run.length} năm (${cause}) (${article}).`,
    );
  }
  const period = [...run].sort((a, b) => a - b);
  const periodText = period.length > 0 ? `${period[0]}–${period.at(-1)}` : `đến năm ${context.year}`;
  const cstd = chainGrants(context, 'CSTD_CO_SO', (year) => period.includes(year));
  const cstdYears = [...new Set(cstd.counted.map((grant) => grant.year))];
  rely(context, ...cstdYears.map((year) => cstd.counted.find((grant) => grant.year === year)!));
  if (cstdYears.length < needCstd) {
    reason(
      context,
      'NOT_ENOUGH_CSTD_CO_SO',
      `Trong thời gian ${periodText} cần ${needCstd} lần đạt Chiến sĩ thi đua cơ sở; hiện có ${cstdYears.length} (${article}).`,
    );
    explainExclusions(context, cstd.excluded);
  }
  if (needExcellent && !period.some((year) => ratingOf(context, year) === 'EXCELLENT')) {
    reason(context, 'NO_EXCELLENT_YEAR', `Trong thời gian ${periodText} cần ít nhất 1 năm hoàn thành xuất sắc nhiệm vụ (${article}).`);
  }
}

const bangKhenTtgRule: SpecificRule = {
  subjectKinds: ['PERSON'],
  bases: ['MERIT'],
  check: (context) =>
    checkConsecutivePeriod(context, { code: 'BANG_KHEN_BO_TINH', reason: 'MISSING_PRIOR_BANG_KHEN_BO_TINH' }, 'Luật TĐKT 2022, Điều 73 khoản 1 điểm b', false),
  unchecked: [
    'Chỉ kiểm tra trường hợp tại điểm b khoản 1 Điều 73 Luật TĐKT 2022; các trường hợp khác (thành tích xuất sắc có phạm vi ảnh hưởng bộ, tỉnh; công nhân, nông dân…) do Hội đồng TĐKT xem xét.',
  ],
};

const hcLaoDong3Rule: SpecificRule = {
  subjectKinds: ['PERSON'],
  bases: ['MERIT'],
  check: (context) => checkConsecutivePeriod(context, { code: 'BANG_KHEN_TTG', reason: 'MISSING_PRIOR_BANG_KHEN_TTG' }, 'Luật TĐKT 2022, Điều 44 khoản 1 điểm e', true),
  unchecked: ['Chỉ kiểm tra trường hợp tại điểm e khoản 1 Điều 44 Luật TĐKT 2022; các trường hợp khác do Hội đồng TĐKT xem xét.'],
};

/** Law Arts 27, 28 as mirrored by Bắc Ninh QĐ 86/2025 [V-mirror]. */
function collectiveRule(level: 'ADVANCED' | 'EXCELLENT', article: string): SpecificRule {
  return {
    subjectKinds: ['COLLECTIVE'],
    check(context) {
      const facts = context.input.collective;
      if (!facts) {
        reason(context, 'COLLECTIVE_FACTS_MISSING', `Cần số liệu thành viên của tập thể năm ${context.year} (tổng số, số đạt Lao động tiên tiến, số hoàn thành nhiệm vụ, kỷ luật) để xét (${article}).`);
        return;
      }
      const counts = [facts.membersTotal, facts.membersLdtt, facts.membersCompleted];
      if (!counts.every((count) => Number.isInteger(count) && count >= 0) || facts.membersTotal === 0 || facts.membersLdtt > facts.membersTotal || facts.membersCompleted > facts.membersTotal) {
        reason(context, 'COLLECTIVE_FACTS_INVALID', `Số liệu thành viên không hợp lệ: tổng ${facts.membersTotal}, Lao động tiên tiến ${facts.membersLdtt}, hoàn thành nhiệm vụ ${facts.membersCompleted}.`);
        return;
      }
      const rating = facts.rating ?? ratingOf(context, context.year);
      const needed: AnnualRating = level === 'EXCELLENT' ? 'EXCELLENT' : 'GOOD';
      // A year before a discipline ended is reported once, as ACHIEVEMENT_BEFORE_DISCIPLINE_END.
      if (excludedByDiscipline(context, context.year)) {
        // nothing more to say about its rating
      } else if (rating === null) {
        reason(context, 'RATING_MISSING', `Chưa có kết quả xếp loại của tập thể năm ${context.year}; cần ${RATING_LABELS[needed]}${level === 'EXCELLENT' ? '' : ' trở lên'} (${article}).`);
      } else if (RATING_ORDER[rating] < RATING_ORDER[needed]) {
        reason(context, 'RATING_TOO_LOW', `Tập thể năm ${context.year} xếp loại ${RATING_LABELS[rating]}; cần ${RATING_LABELS[needed]}${level === 'EXCELLENT' ? '' : ' trở lên'} (${article}).`);
      }
      // Whole numbers: 70 % of 10 members is 7, never 6.999….
      const minPercent = Math.round(context.params.collectiveLdttShareMin * 100);
      if (facts.membersLdtt * 100 < minPercent * facts.membersTotal) {
        reason(
          context,
          'LDTT_SHARE_TOO_LOW',
          `Chỉ ${facts.membersLdtt}/${facts.membersTotal} thành viên đạt Lao động tiên tiến; cần ít nhất ${minPercent} % (${Math.ceil((minPercent * facts.membersTotal) / 100)} người) (${article}).`,
        );
      }
      if (level === 'EXCELLENT') {
        if (facts.membersCompleted < facts.membersTotal) {
          reason(context, 'MEMBERS_NOT_ALL_COMPLETED', `Chỉ ${facts.membersCompleted}/${facts.membersTotal} thành viên hoàn thành nhiệm vụ; cần 100 % (${article}).`);
        }
        if (!facts.hasCstdCoSo) reason(context, 'NO_CSTD_CO_SO_MEMBER', `Tập thể chưa có cá nhân đạt Chiến sĩ thi đua cơ sở năm ${context.year} (${article}).`);
      }
      // Stated for TTLĐTT in the brief [V-mirror]; for TTLĐXS from the Law's text as remembered [U].
      if (facts.memberDisciplined) reason(context, 'MEMBER_DISCIPLINED', `Tập thể có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên trong năm ${context.year} (${article}).`);
    },
    unchecked: [
      level === 'EXCELLENT'
        ? 'Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ; có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết (Luật TĐKT 2022, Điều 27).'
        : 'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật (Luật TĐKT 2022, Điều 28).',
    ],
  };
}

/** Law Art 25(2) (Cờ CP: the leading collective of each bloc organized by HĐ TĐKT TW) and Art 26 (Cờ bộ/tỉnh: of blocs organized by the ministry/province). */
function blocFlagRule(article: string): SpecificRule {
  return {
    subjectKinds: ['COLLECTIVE'],
    bases: ['MERIT'],
    check(context) {
      const bloc = context.input.blocLeadingUnit;
      if (!bloc) {
        reason(context, 'BLOC_RESULT_MISSING', `Cần kết quả bình xét, suy tôn của khối, cụm thi đua năm ${context.year} để xét ${context.type.name} (${article}).`);
        return;
      }
      if (!bloc.isMember) reason(context, 'NOT_BLOC_MEMBER', `Đơn vị không là thành viên của khối, cụm thi đua trong năm ${context.year} (${article}).`);
      if (!bloc.isLeadingUnit) reason(context, 'NOT_LEADING_UNIT', `Đơn vị không được khối, cụm thi đua suy tôn là đơn vị dẫn đầu năm ${context.year} (${article}).`);
    },
    unchecked: [
      `Hoàn thành vượt mức các chỉ tiêu; tổ chức đảng, đoàn thể trong sạch, vững mạnh; thực hành tiết kiệm, chống lãng phí, tham nhũng (${article}) — Hội đồng TĐKT bỏ phiếu kín, cần ≥ 80 % tổng số thành viên.`,
      'Cờ thi đua của Chính phủ từ khối, cụm do bộ, tỉnh tổ chức: đề nghị không quá 20 % số tập thể dẫn đầu (CV 5007/BNV-TĐKT 2023; còn áp dụng theo Nghị định 152/2025 chưa xác minh) — kiểm tra theo danh sách đề nghị.',
    ],
  };
}

const LAW_2022_RULES: Readonly<Record<string, SpecificRule>> = {
  LDTT: ldttRule,
  CHIEN_SI_TIEN_TIEN: { ...ldttRule },
  CSTD_CO_SO: cstdCoSoRule,
  CSTD_BO_TINH: cstdBoTinhRule,
  CSTD_TOAN_QUOC: cstdToanQuocRule,
  BANG_KHEN_TTG: bangKhenTtgRule,
  HC_LAO_DONG_3: hcLaoDong3Rule,
  TTLD_TIEN_TIEN: collectiveRule('ADVANCED', 'Luật TĐKT 2022, Điều 28'),
  DON_VI_TIEN_TIEN: collectiveRule('ADVANCED', 'Luật TĐKT 2022, Điều 28'),
  TTLD_XUAT_SAC: collectiveRule('EXCELLENT', 'Luật TĐKT 2022, Điều 27'),
  DON_VI_QUYET_THANG: collectiveRule('EXCELLENT', 'Luật TĐKT 2022, Điều 27'),
  CO_THI_DUA_CP: blocFlagRule('Luật TĐKT 2022, Điều 25'),
  CO_THI_DUA_BO_TINH: blocFlagRule('Luật TĐKT 2022, Điều 26'),
};

/**
 * The rules per ruleset. ND 152/2025 details the same Law as ND 98/2023 (its Art 4 principles are
 * identical), so the two rulebooks share the Law's rules and differ only in PARAMETERS (decree cited).
 */
const RULEBOOK: Readonly<Record<EvaluatedRuleset, Readonly<Record<string, SpecificRule>>>> = {
  'LAW_2022+ND_98_2023': LAW_2022_RULES,
  'LAW_2022+ND_152_2025': LAW_2022_RULES,
};

/** Award type codes whose conditions are (at least partly) checked under a ruleset. */
export function implementedEligibilityRules(ruleset: EvaluatedRuleset): string[] {
  return Object.keys(RULEBOOK[ruleset]);
}

// ── Entry point ────────────────────────────────────────────────────────────────────────────────────

function verdict(ruleset: Ruleset, reasons: EligibilityReason[], evidence: GrantFact[] = [], notes: string[] = []): EligibilityVerdict {
  return { eligible: reasons.length === 0, ruleset, reasons, evidence, notes };
}

export function evaluateEligibility(input: EligibilityInput): EligibilityVerdict {
  const year = input?.year;
  const yearOk = Number.isInteger(year) && year >= 1945 && year <= 9998;
  const decisionDate = input?.decisionDate ?? (yearOk ? `${year + 1}-01-15` : '');
  const ruleset = rulesetFor(decisionDate);
  if (!yearOk) return verdict(ruleset, [{ code: 'INVALID_INPUT', message: `Năm thành tích ${String(year)} không hợp lệ.` }]);
  if (!isIsoDate(decisionDate)) return verdict(ruleset, [{ code: 'INVALID_INPUT', message: `Ngày quyết định "${decisionDate}" không hợp lệ (định dạng YYYY-MM-DD).` }]);
  if (decisionDate < `${year}-01-01`) {
    return verdict(ruleset, [{ code: 'INVALID_INPUT', message: `Ngày quyết định ${formatDateVi(decisionDate)} trước năm thành tích ${year}.` }]);
  }

  const type = findAwardType(input.awardTypeCode);
  if (!type) return verdict(ruleset, [{ code: 'UNKNOWN_AWARD_TYPE', message: `Không có hình thức khen thưởng mã ${input.awardTypeCode}.` }]);

  if (!isEvaluatedRuleset(ruleset)) {
    return verdict(ruleset, [
      {
        code: 'RULESET_NOT_EVALUATED',
        message: `Ngày quyết định ${formatDateVi(decisionDate)} thuộc thời gian áp dụng ${rulesetDefinition(ruleset).instruments}; hệ thống chỉ tự kiểm tra điều kiện theo Luật TĐKT 2022 (từ 01/01/2024), cán bộ cần đối chiếu thủ công.`,
      },
    ]);
  }

  const history = input.history ?? ({} as Partial<EligibilityHistory>);
  const params = PARAMETERS[ruleset];
  const context: Context = {
    input,
    type,
    year,
    decisionDate,
    ruleset,
    params,
    countsFromYear: null,
    grants: [...(history.grants ?? [])],
    ratings: new Map(),
    initiatives: [...(history.initiatives ?? [])],
    reasons: [],
    evidence: [],
    notes: [],
  };
  // Two ratings for one year: the lower one stands (conservative).
  for (const { year: ratingYear, rating } of history.ratings ?? []) {
    const known = context.ratings.get(ratingYear);
    if (known === undefined || RATING_ORDER[rating] < RATING_ORDER[known]) context.ratings.set(ratingYear, rating);
  }

  if (!isAwardTypeValidOn(type, decisionDate)) {
    const window = type.validTo ? `đến hết ngày ${formatDateVi(type.validTo)}` : `từ ngày ${formatDateVi(type.validFrom!)}`;
    reason(context, 'AWARD_TYPE_NOT_IN_FORCE', `${type.name} chỉ được xét tặng ${window}; ngày quyết định là ${formatDateVi(decisionDate)}.`);
  }
  const subjectLabels: Record<SubjectKind, string> = { PERSON: 'cá nhân', COLLECTIVE: 'tập thể', HOUSEHOLD: 'hộ gia đình' };
  const kind = input.subject?.kind;
  if (!type.subjectKinds.includes(kind)) {
    reason(context, 'SUBJECT_KIND_NOT_ALLOWED', `${type.name} không tặng cho ${subjectLabels[kind] ?? String(kind)} (${type.legalBasis}).`);
  }

  // ND 98/2023 = ND 152/2025 Art 4(4): nothing is awarded or proposed while a discipline is being
  // considered, or an investigation, inspection, complaint or denunciation is being verified. An
  // inquiry opened after the decision date did not exist then; a malformed date is treated as open.
  for (const inquiry of history.openInquiries ?? []) {
    if (!isIsoDate(inquiry.openedOn) || inquiry.openedOn <= decisionDate) {
      const since = isIsoDate(inquiry.openedOn) ? ` từ ngày ${formatDateVi(inquiry.openedOn)}` : '';
      reason(context, 'OPEN_INQUIRY', `Đang có việc xem xét, xác minh (${inquiry.type})${since} chưa kết thúc; chưa được xét khen thưởng (${params.decree}, Điều 4 khoản 4).`);
    }
  }
  // Same Art 4(4): after a discipline, only the time and results after it has been served count. A
  // year counts only when it starts after the discipline ends [U: a year partly after it is not counted].
  for (const discipline of history.disciplines ?? []) {
    if (!isIsoDate(discipline.from) || discipline.from > decisionDate) continue;
    if (discipline.to === null || !isIsoDate(discipline.to) || discipline.to >= decisionDate) {
      reason(context, 'UNDER_DISCIPLINE', `Đang trong thời gian chấp hành kỷ luật (${discipline.level}, từ ngày ${formatDateVi(discipline.from)}); chưa được xét khen thưởng (${params.decree}, Điều 4 khoản 4).`);
      continue;
    }
    context.countsFromYear = Math.max(context.countsFromYear ?? Number.NEGATIVE_INFINITY, yearOf(discipline.to) + 1);
  }
  if (context.countsFromYear !== null && year < context.countsFromYear) {
    reason(
      context,
      'ACHIEVEMENT_BEFORE_DISCIPLINE_END',
      `Năm thành tích ${year} không sau thời gian chấp hành kỷ luật; chỉ thành tích từ năm ${context.countsFromYear} trở đi được tính (${params.decree}, Điều 4 khoản 4).`,
    );
  }

  // Law Art 5(2): one achievement, one award — an annual title once per year.
  if (type.category === 'EMULATION_TITLE') {
    const same = context.grants.filter((grant) => grant.awardTypeCode === type.code && grant.year === year && !grant.revoked);
    if (same.length > 0) {
      rely(context, ...same);
      reason(context, 'ALREADY_GRANTED_SAME_YEAR', `Đã được tặng ${type.name} năm ${year} (Luật TĐKT 2022, Điều 5 khoản 2).`);
    }
  }

  const basis = input.basis ?? 'MERIT';
  const rule = RULEBOOK[ruleset][type.code];
  if (!rule) {
    context.notes.push(`Hệ thống chưa tự kiểm tra tiêu chuẩn của ${type.name} (${type.legalBasis}); cán bộ và Hội đồng TĐKT đối chiếu hồ sơ.`);
  } else if (!rule.subjectKinds.includes(kind)) {
    context.notes.push(`Hệ thống chưa tự kiểm tra tiêu chuẩn của ${type.name} cho ${subjectLabels[kind] ?? String(kind)} (${type.legalBasis}); cán bộ và Hội đồng TĐKT đối chiếu hồ sơ.`);
  } else if (rule.bases && !rule.bases.includes(basis)) {
    context.notes.push(`Hệ thống chỉ tự kiểm tra ${type.name} theo công trạng; đề nghị theo loại hình khác (${basis}) do Hội đồng TĐKT xem xét (Luật TĐKT 2022, Điều 8).`);
  } else {
    rule.check(context);
    context.notes.push(...rule.unchecked);
  }
  return verdict(ruleset, context.reasons, context.evidence, context.notes);
}
