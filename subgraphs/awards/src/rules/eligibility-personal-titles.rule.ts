/** Eligibility of persons for the emulation titles: Lao động tiên tiến and the Chiến sĩ thi đua chain (Luật TĐKT 2022, Arts 21–24). */
import {
  chainGrants,
  type Context,
  excludedByDiscipline,
  explainExclusions,
  initiativeMessage,
  isGoodOrBetter,
  RATING_LABELS,
  ratingOf,
  reason,
  rely,
  type SpecificRule,
  usableInitiatives,
} from './eligibility-context.rule.js';

/** Law Art 24(1): CBCCVC rated HTTNV or better and active in emulation. */
export function checkRatedGoodOrBetter(context: Context, article: string): void {
  if (excludedByDiscipline(context, context.year)) return; // reported once as ACHIEVEMENT_BEFORE_DISCIPLINE_END
  const rating = ratingOf(context, context.year);
  if (rating === null) {
    reason(
      context,
      'RATING_MISSING',
      `Chưa có kết quả xếp loại năm ${context.year}; cần hoàn thành tốt nhiệm vụ trở lên (${article}).`,
    );
  } else if (!isGoodOrBetter(rating)) {
    reason(
      context,
      'RATING_TOO_LOW',
      `Năm ${context.year} xếp loại ${RATING_LABELS[rating]}; cần hoàn thành tốt nhiệm vụ trở lên (${article}).`,
    );
  }
}

export const ldttRule: SpecificRule = {
  subjectKinds: ['PERSON'],
  check: (context) => checkRatedGoodOrBetter(context, 'Luật TĐKT 2022, Điều 24 khoản 1'),
  unchecked: [
    'Tích cực tham gia phong trào thi đua, chấp hành tốt chủ trương, chính sách, pháp luật (Luật TĐKT 2022, Điều 24 khoản 1).',
    'Công nhân, nông dân, người lao động không xếp loại: tiêu chuẩn theo Điều 24 khoản 3 và quy định của UBND tỉnh, bộ, ngành.',
  ],
};

/** Law Art 23: LĐTT that year AND (HTXSNV OR a recognized initiative/scientific work/combat creativity). */
export const cstdCoSoRule: SpecificRule = {
  subjectKinds: ['PERSON'],
  check(context) {
    const article = 'Luật TĐKT 2022, Điều 23';
    const ldtt = chainGrants(context, 'LDTT', (year) => year === context.year);
    const chienSi = chainGrants(context, 'CHIEN_SI_TIEN_TIEN', (year) => year === context.year);
    const sameYear = [...ldtt.counted, ...chienSi.counted];
    if (sameYear.length > 0) rely(context, sameYear[0]!);
    else {
      reason(
        context,
        'MISSING_LDTT_SAME_YEAR',
        `Chưa được công nhận Lao động tiên tiến (Chiến sĩ tiên tiến) năm ${context.year} (${article}).`,
      );
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
      if (initiatives.failure === 'INITIATIVE_ALREADY_USED')
        reason(
          context,
          'INITIATIVE_ALREADY_USED',
          initiativeMessage(context, 'INITIATIVE_ALREADY_USED', 'BASE', context.year, article),
        );
    }
  },
  unchecked: [
    'Sáng kiến phải được áp dụng hiệu quả, có khả năng nhân rộng; hoặc sáng tạo trong chiến đấu (Luật TĐKT 2022, Điều 23) — Hội đồng TĐKT đánh giá.',
  ],
};

/** Law Art 22: among those with three consecutive CSTĐCS, with an initiative of ministry/province-wide effect. */
export const cstdBoTinhRule: SpecificRule = {
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
      explainExclusions(
        context,
        cstd.excluded.filter(([grant]) => missing.includes(grant.year)),
      );
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
    if (initiatives.failure)
      reason(
        context,
        initiatives.failure,
        initiativeMessage(context, initiatives.failure, 'MINISTRY_OR_PROVINCE', firstYear, article),
      );
  },
  unchecked: [
    'Tiêu biểu xuất sắc trong số những cá nhân 3 lần liên tục đạt Chiến sĩ thi đua cơ sở; sáng kiến được người đứng đầu bộ, ban, ngành, tỉnh công nhận có phạm vi ảnh hưởng (Luật TĐKT 2022, Điều 22) — Hội đồng TĐKT bỏ phiếu kín, cần ≥ 90 % tổng số thành viên.',
  ],
};

/** Law Art 21: among those with two consecutive CSTĐ bộ/tỉnh, with an initiative of nationwide effect. */
export const cstdToanQuocRule: SpecificRule = {
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
      explainExclusions(
        context,
        boTinh.excluded.filter(([grant]) => missing.includes(grant.year)),
      );
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
    if (initiatives.failure)
      reason(
        context,
        initiatives.failure,
        initiativeMessage(context, initiatives.failure, 'NATIONAL', firstYear, article),
      );
  },
  unchecked: [
    'Tiêu biểu xuất sắc nhất trong số những cá nhân 2 lần liên tục đạt Chiến sĩ thi đua bộ, ban, ngành, tỉnh; sáng kiến có phạm vi ảnh hưởng toàn quốc (Luật TĐKT 2022, Điều 21) — Hội đồng TĐKT bỏ phiếu kín, cần ≥ 90 % tổng số thành viên.',
    // Not yet confirmed that Nghị định 152/2025 keeps this deadline: cited by the decree that set it.
    'Hồ sơ phải gửi Bộ Nội vụ (Ban TĐKT Trung ương) trước 31/12 của năm liền kề (Nghị định 98/2023/NĐ-CP, Điều 32).',
  ],
};
