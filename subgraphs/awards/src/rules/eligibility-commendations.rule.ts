/** Eligibility of persons for Bằng khen của Thủ tướng Chính phủ and Huân chương Lao động hạng Ba (Luật TĐKT 2022, Arts 73, 44). */
import {
  chainGrants,
  type Context,
  explainExclusions,
  isGoodOrBetter,
  RATING_LABELS,
  ratingOf,
  reason,
  rely,
  type SpecificRule,
  typeName,
} from './eligibility-context.rule.js';

/**
 * The "prior award, then ≥ N consecutive years rated good or better, with M × CSTĐCS" pattern of
 * Law Art 73(1)(b) and Art 44(1)(e). The period starts after the prior award's year and after any
 * earlier grant of this same award (its years are spent, Law Art 5(2)) [U on the exact start rule].
 */
export function checkConsecutivePeriod(
  context: Context,
  prior: { code: string; reason: 'MISSING_PRIOR_BANG_KHEN_BO_TINH' | 'MISSING_PRIOR_BANG_KHEN_TTG' },
  article: string,
  needExcellent: boolean,
): void {
  const { consecutiveGoodYears: needYears, cstdCoSoInConsecutivePeriod: needCstd } = context.params;
  const latestPriorYear = context.year - needYears;
  const priors = chainGrants(context, prior.code, (year) => year <= latestPriorYear);
  const priorGrant = priors.counted.at(-1) ?? null;
  if (priorGrant) rely(context, priorGrant);
  else {
    const tooRecent = chainGrants(
      context,
      prior.code,
      (year) => year > latestPriorYear && year <= context.year,
    ).counted;
    const detail =
      tooRecent.length > 0
        ? `; ${typeName(prior.code)} năm ${tooRecent.map((grant) => grant.year).join(', ')} chưa đủ ${needYears} năm tiếp theo`
        : '';
    reason(
      context,
      prior.reason,
      `Chưa được tặng ${typeName(prior.code)} từ năm ${latestPriorYear} trở về trước${detail} (${article}).`,
    );
    explainExclusions(context, priors.excluded);
  }

  const sameAward = chainGrants(context, context.type.code, (year) => year < context.year).counted.at(-1) ?? null;
  const floors = [
    priorGrant ? priorGrant.year + 1 : null,
    sameAward ? sameAward.year + 1 : null,
    context.countsFromYear,
  ].filter((year): year is number => year !== null);
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
      cause =
        rating === null
          ? `năm ${breakYear} không có kết quả xếp loại`
          : `năm ${breakYear} xếp loại ${RATING_LABELS[rating]}`;
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
    reason(
      context,
      'NO_EXCELLENT_YEAR',
      `Trong thời gian ${periodText} cần ít nhất 1 năm hoàn thành xuất sắc nhiệm vụ (${article}).`,
    );
  }
}

export const bangKhenTtgRule: SpecificRule = {
  subjectKinds: ['PERSON'],
  bases: ['MERIT'],
  check: (context) =>
    checkConsecutivePeriod(
      context,
      { code: 'BANG_KHEN_BO_TINH', reason: 'MISSING_PRIOR_BANG_KHEN_BO_TINH' },
      'Luật TĐKT 2022, Điều 73 khoản 1 điểm b',
      false,
    ),
  otherPaths:
    'Chưa đạt điều kiện theo điểm b khoản 1 Điều 73 Luật TĐKT 2022 (trường hợp hệ thống tự đánh giá); các trường hợp khác của khoản 1 Điều 73 do Hội đồng Thi đua – Khen thưởng xét và người đứng đầu có thẩm quyền quyết định.',
  unchecked: [
    'Chỉ kiểm tra trường hợp tại điểm b khoản 1 Điều 73 Luật TĐKT 2022; các trường hợp khác (thành tích xuất sắc có phạm vi ảnh hưởng bộ, tỉnh; công nhân, nông dân…) do Hội đồng TĐKT xem xét.',
  ],
};

export const hcLaoDong3Rule: SpecificRule = {
  subjectKinds: ['PERSON'],
  bases: ['MERIT'],
  check: (context) =>
    checkConsecutivePeriod(
      context,
      { code: 'BANG_KHEN_TTG', reason: 'MISSING_PRIOR_BANG_KHEN_TTG' },
      'Luật TĐKT 2022, Điều 44 khoản 1 điểm e',
      true,
    ),
  otherPaths:
    'Chưa đạt điều kiện theo điểm e khoản 1 Điều 44 Luật TĐKT 2022 (trường hợp hệ thống tự đánh giá); các trường hợp khác của khoản 1 Điều 44 do Hội đồng Thi đua – Khen thưởng xét và người đứng đầu có thẩm quyền quyết định.',
  unchecked: [
    'Chỉ kiểm tra trường hợp tại điểm e khoản 1 Điều 44 Luật TĐKT 2022; các trường hợp khác do Hội đồng TĐKT xem xét.',
  ],
};
