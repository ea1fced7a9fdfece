/**
 * Eligibility for a proposed award, from the recipient's history (Luật TĐKT 2022 and its decrees). Pure: plain data in, a
 * verdict out, the explicit `decisionDate` as "now"; never throws, never reads a clock.
 *
 * Implemented (each check cites its article next to it):
 *   LDTT                      Law Art 24(1): rated HTTNV (GOOD) or better that year.
 *   CSTD_CO_SO                Law Art 23.
 *   CSTD_BO_TINH              Law Art 22.
 *   CSTD_TOAN_QUOC            Law Art 21.
 *   BANG_KHEN_TTG, person     Law Art 73(1)(b) — only that path.
 *   HC_LAO_DONG_3, person     Law Art 44(1)(e) — only that path.
 *   TTLD_TIEN_TIEN, TTLD_XUAT_SAC (and army DON_VI_TIEN_TIEN, DON_VI_QUYET_THANG)  Law Arts 28, 27.
 *   CO_THI_DUA_CP, CO_THI_DUA_BO_TINH  Law Arts 25, 26: the bloc's acclaimed leading unit, a member that year.
 * Applied to every award type (general principles, ND 98/2023 = ND 152/2025 Art 4; Law Art 5):
 *   an open inquiry blocks (Art 4(4)); after a discipline only later achievements count (Art 4(4));
 *   AD_HOC and THEMATIC grants never back a merit chain (Art 4(3)); revoked grants never count (Law
 *   ch. VII); an initiative used by another grant of the same level cannot back this one and an
 *   annual title is not given twice for one year (Law Art 5(2)).
 * Everything else (Bằng khen bộ/tỉnh, Giấy khen, orders other than the HCLĐ hạng Ba path, state titles,
 * prizes, the collective paths of Bằng khen TTg and HCLĐ, proposals on another basis than merit) is not
 * computed: its conditions are judged by the Hội đồng TĐKT and the deciding head (Law Art 5; ND 98/2023 =
 * ND 152/2025 Art 4(1): an award rests on conditions, standards and achievements). Such a verdict is
 * "not evaluated" — `eligible: null` with a NOT_EVALUATED reason citing the award's article — unless a
 * general bar above already makes it "not eligible". So is a verdict whose facts are missing (a
 * collective's membership snapshot, a bloc's result) or whose date falls under the 2003 Law. Only the
 * award types whose conditions are computed answer true or false; where the computed path is one of
 * several the article allows (Art 73(1)(b), Art 44(1)(e)), failing it is "not evaluated", not false.
 *
 * Year conventions: an annual title's `year` is its achievement year; for CSTĐ bộ/tỉnh it is the last
 * year of its three CSTĐCS years, for CSTĐ toàn quốc the year of the second CSTĐ bộ/tỉnh. A year with
 * no rating or no title breaks "consecutive".
 *
 * The title rules live by family in eligibility-personal-titles, eligibility-commendations and
 * eligibility-collective-titles (.rule.ts), over the shared facts and helpers of eligibility-facts and
 * eligibility-context; this module holds the rulebook and the entry point, and re-exports the facts.
 */
import { findAwardType, isAwardTypeValidOn, type SubjectKind } from '../catalogue/award-types.js';
import { formatDateVi, isIsoDate, yearOf } from './calendar.rule.js';
import {
  type EvaluatedRuleset,
  isEvaluatedRuleset,
  type Ruleset,
  rulesetDefinition,
  rulesetFor,
} from './ruleset.rule.js';
import {
  type EligibilityHistory,
  type EligibilityInput,
  type EligibilityReason,
  type EligibilityVerdict,
  type GrantFact,
  UNDETERMINED_REASON_CODES,
} from './eligibility-facts.rule.js';
import { type Context, PARAMETERS, RATING_ORDER, reason, rely, type SpecificRule } from './eligibility-context.rule.js';
import { cstdBoTinhRule, cstdCoSoRule, cstdToanQuocRule, ldttRule } from './eligibility-personal-titles.rule.js';
import { bangKhenTtgRule, hcLaoDong3Rule } from './eligibility-commendations.rule.js';
import { blocFlagRule, collectiveRule } from './eligibility-collective-titles.rule.js';

export {
  ELIGIBILITY_REASON_CODES,
  UNDETERMINED_REASON_CODES,
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
} from './eligibility-facts.rule.js';

/** The types (bases) of commendation of Law Art 8, as an officer names them. */
const BASIS_LABELS: Readonly<Record<string, string>> = {
  MERIT: 'theo công trạng',
  AD_HOC: 'đột xuất',
  THEMATIC: 'theo phong trào thi đua, chuyên đề',
  CAREER_CONTRIBUTION: 'quá trình cống hiến',
  SENIORITY: 'theo niên hạn',
  FOREIGN: 'đối ngoại',
  RESISTANCE: 'thành tích kháng chiến',
};

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

/**
 * The verdict from every reason found: an unmet condition makes it "not eligible" (reasons that only
 * say "not evaluated" then go to the notes); reasons that only say "not evaluated" (by their code, or
 * `undetermined`: the failures of one path of several) make it null.
 */
function verdict(
  ruleset: Ruleset,
  reasons: EligibilityReason[],
  evidence: GrantFact[] = [],
  notes: string[] = [],
  undetermined: ReadonlySet<EligibilityReason> = new Set(),
): EligibilityVerdict {
  const known = reasons.filter((found) => !UNDETERMINED_REASON_CODES.has(found.code));
  if (known.some((found) => !undetermined.has(found))) {
    const unknown = reasons.filter((found) => UNDETERMINED_REASON_CODES.has(found.code));
    return {
      eligible: false,
      ruleset,
      reasons: known,
      evidence,
      notes: [...notes, ...unknown.map((found) => found.message)],
    };
  }
  return { eligible: reasons.length === 0 ? true : null, ruleset, reasons, evidence, notes };
}

export function evaluateEligibility(input: EligibilityInput): EligibilityVerdict {
  const year = input?.year;
  const yearOk = Number.isInteger(year) && year >= 1945 && year <= 9998;
  const decisionDate = input?.decisionDate ?? (yearOk ? `${year + 1}-01-15` : '');
  const ruleset = rulesetFor(decisionDate);
  if (!yearOk)
    return verdict(ruleset, [{ code: 'INVALID_INPUT', message: `Năm thành tích ${String(year)} không hợp lệ.` }]);
  if (!isIsoDate(decisionDate))
    return verdict(ruleset, [
      { code: 'INVALID_INPUT', message: `Ngày quyết định "${decisionDate}" không hợp lệ (định dạng YYYY-MM-DD).` },
    ]);
  if (decisionDate < `${year}-01-01`) {
    return verdict(ruleset, [
      { code: 'INVALID_INPUT', message: `Ngày quyết định ${formatDateVi(decisionDate)} trước năm thành tích ${year}.` },
    ]);
  }

  const type = findAwardType(input.awardTypeCode);
  if (!type)
    return verdict(ruleset, [
      { code: 'UNKNOWN_AWARD_TYPE', message: `Không có hình thức khen thưởng mã ${input.awardTypeCode}.` },
    ]);

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
    const window = type.validTo
      ? `đến hết ngày ${formatDateVi(type.validTo)}`
      : `từ ngày ${formatDateVi(type.validFrom!)}`;
    reason(
      context,
      'AWARD_TYPE_NOT_IN_FORCE',
      `${type.name} chỉ được xét tặng ${window}; ngày quyết định là ${formatDateVi(decisionDate)}.`,
    );
  }
  const subjectLabels: Record<SubjectKind, string> = {
    PERSON: 'cá nhân',
    COLLECTIVE: 'tập thể',
    HOUSEHOLD: 'hộ gia đình',
  };
  const kind = input.subject?.kind;
  if (!type.subjectKinds.includes(kind)) {
    reason(
      context,
      'SUBJECT_KIND_NOT_ALLOWED',
      `${type.name} không tặng cho ${subjectLabels[kind] ?? String(kind)} (${type.legalBasis}).`,
    );
  }

  // ND 98/2023 = ND 152/2025 Art 4(4): nothing is awarded or proposed while a discipline is being
  // considered, or an investigation, inspection, complaint or denunciation is being verified. An
  // inquiry opened after the decision date did not exist then; a malformed date is treated as open.
  for (const inquiry of history.openInquiries ?? []) {
    if (!isIsoDate(inquiry.openedOn) || inquiry.openedOn <= decisionDate) {
      const since = isIsoDate(inquiry.openedOn) ? ` từ ngày ${formatDateVi(inquiry.openedOn)}` : '';
      reason(
        context,
        'OPEN_INQUIRY',
        `Đang có việc xem xét, xác minh (${inquiry.type})${since} chưa kết thúc; chưa được xét khen thưởng (${params.decree}, Điều 4 khoản 4).`,
      );
    }
  }
  // Same Art 4(4): after a discipline, only the time and results after it has been served count. A
  // year counts only when it starts after the discipline ends [U: a year partly after it is not counted].
  for (const discipline of history.disciplines ?? []) {
    if (!isIsoDate(discipline.from) || discipline.from > decisionDate) continue;
    if (discipline.to === null || !isIsoDate(discipline.to) || discipline.to >= decisionDate) {
      reason(
        context,
        'UNDER_DISCIPLINE',
        `Đang trong thời gian chấp hành kỷ luật (${discipline.level}, từ ngày ${formatDateVi(discipline.from)}); chưa được xét khen thưởng (${params.decree}, Điều 4 khoản 4).`,
      );
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
    const same = context.grants.filter(
      (grant) => grant.awardTypeCode === type.code && grant.year === year && !grant.revoked,
    );
    if (same.length > 0) {
      rely(context, ...same);
      reason(
        context,
        'ALREADY_GRANTED_SAME_YEAR',
        `Đã được tặng ${type.name} năm ${year} (Luật TĐKT 2022, Điều 5 khoản 2).`,
      );
    }
  }

  const basis = input.basis ?? 'MERIT';
  const rule = RULEBOOK[ruleset][type.code];
  // Law Art 5 and ND Art 4(1): an award rests on its conditions; where the system does not compute
  // them, the council and the deciding head judge them, and the verdict says "not evaluated".
  const judged = `do Hội đồng Thi đua – Khen thưởng xét và người đứng đầu có thẩm quyền quyết định, hệ thống không tự đánh giá; hệ thống chỉ kiểm tra các điều kiện chung (Luật TĐKT 2022, Điều 5; ${params.decree}, Điều 4)`;
  if (!rule) {
    reason(context, 'NOT_EVALUATED', `Điều kiện, tiêu chuẩn của ${type.name} (${type.legalBasis}) ${judged}.`);
  } else if (!rule.subjectKinds.includes(kind)) {
    reason(
      context,
      'NOT_EVALUATED',
      `Điều kiện, tiêu chuẩn của ${type.name} cho ${subjectLabels[kind] ?? String(kind)} (${type.legalBasis}) ${judged}.`,
    );
  } else if (rule.bases && !rule.bases.includes(basis)) {
    reason(
      context,
      'NOT_EVALUATED',
      `Hệ thống chỉ tự đánh giá ${type.name} theo công trạng; đề nghị khen thưởng ${BASIS_LABELS[basis] ?? String(basis)} do Hội đồng Thi đua – Khen thưởng xét (Luật TĐKT 2022, Điều 8; ${type.legalBasis}).`,
    );
  } else {
    const before = context.reasons.length;
    rule.check(context);
    context.notes.push(...rule.unchecked);
    // One computed path of several failed: that proves nothing about the others, which the council
    // judges. Its reasons stay (they say why that path fails) but the verdict is "not evaluated".
    const pathFailed = context.reasons.slice(before);
    if (rule.otherPaths && pathFailed.length > 0) {
      reason(context, 'NOT_EVALUATED', rule.otherPaths);
      return verdict(ruleset, context.reasons, context.evidence, context.notes, new Set(pathFailed));
    }
  }
  return verdict(ruleset, context.reasons, context.evidence, context.notes);
}
