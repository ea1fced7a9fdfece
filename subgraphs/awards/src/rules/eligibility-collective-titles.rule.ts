/** Eligibility of collectives: Tập thể lao động tiên tiến / xuất sắc and the bloc flags (Luật TĐKT 2022, Arts 25–28). */
import { type AnnualRating } from './eligibility-facts.rule.js';
import {
  excludedByDiscipline,
  RATING_LABELS,
  RATING_ORDER,
  ratingOf,
  reason,
  type SpecificRule,
} from './eligibility-context.rule.js';

/** Law Arts 27, 28 as mirrored by Bắc Ninh QĐ 86/2025 [V-mirror]. */
export function collectiveRule(level: 'ADVANCED' | 'EXCELLENT', article: string): SpecificRule {
  return {
    subjectKinds: ['COLLECTIVE'],
    check(context) {
      const facts = context.input.collective;
      if (!facts) {
        reason(
          context,
          'COLLECTIVE_FACTS_MISSING',
          `Cần số liệu thành viên của tập thể năm ${context.year} (tổng số, số đạt Lao động tiên tiến, số hoàn thành nhiệm vụ, kỷ luật) để xét (${article}).`,
        );
        return;
      }
      const counts = [facts.membersTotal, facts.membersLdtt, facts.membersCompleted];
      if (
        !counts.every((count) => Number.isInteger(count) && count >= 0) ||
        facts.membersTotal === 0 ||
        facts.membersLdtt > facts.membersTotal ||
        facts.membersCompleted > facts.membersTotal
      ) {
        reason(
          context,
          'COLLECTIVE_FACTS_INVALID',
          `Số liệu thành viên không hợp lệ: tổng ${facts.membersTotal}, Lao động tiên tiến ${facts.membersLdtt}, hoàn thành nhiệm vụ ${facts.membersCompleted}.`,
        );
        return;
      }
      const rating = facts.rating ?? ratingOf(context, context.year);
      const needed: AnnualRating = level === 'EXCELLENT' ? 'EXCELLENT' : 'GOOD';
      // A year before a discipline ended is reported once, as ACHIEVEMENT_BEFORE_DISCIPLINE_END.
      if (excludedByDiscipline(context, context.year)) {
        // nothing more to say about its rating
      } else if (rating === null) {
        reason(
          context,
          'RATING_MISSING',
          `Chưa có kết quả xếp loại của tập thể năm ${context.year}; cần ${RATING_LABELS[needed]}${level === 'EXCELLENT' ? '' : ' trở lên'} (${article}).`,
        );
      } else if (RATING_ORDER[rating] < RATING_ORDER[needed]) {
        reason(
          context,
          'RATING_TOO_LOW',
          `Tập thể năm ${context.year} xếp loại ${RATING_LABELS[rating]}; cần ${RATING_LABELS[needed]}${level === 'EXCELLENT' ? '' : ' trở lên'} (${article}).`,
        );
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
          reason(
            context,
            'MEMBERS_NOT_ALL_COMPLETED',
            `Chỉ ${facts.membersCompleted}/${facts.membersTotal} thành viên hoàn thành nhiệm vụ; cần 100 % (${article}).`,
          );
        }
        if (!facts.hasCstdCoSo)
          reason(
            context,
            'NO_CSTD_CO_SO_MEMBER',
            `Tập thể chưa có cá nhân đạt Chiến sĩ thi đua cơ sở năm ${context.year} (${article}).`,
          );
      }
      // Stated for TTLĐTT by the provincial mirror [V-mirror]; for TTLĐXS from the Law's text as remembered [U].
      if (facts.memberDisciplined)
        reason(
          context,
          'MEMBER_DISCIPLINED',
          `Tập thể có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên trong năm ${context.year} (${article}).`,
        );
    },
    unchecked: [
      level === 'EXCELLENT'
        ? 'Sáng tạo, vượt khó hoàn thành xuất sắc nhiệm vụ; có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết (Luật TĐKT 2022, Điều 27).'
        : 'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật (Luật TĐKT 2022, Điều 28).',
    ],
  };
}

/** Law Art 25(2) (Cờ CP: the leading collective of each bloc organized by HĐ TĐKT TW) and Art 26 (Cờ bộ/tỉnh: of blocs organized by the ministry/province). */
export function blocFlagRule(article: string): SpecificRule {
  return {
    subjectKinds: ['COLLECTIVE'],
    bases: ['MERIT'],
    check(context) {
      const bloc = context.input.blocLeadingUnit;
      if (!bloc) {
        reason(
          context,
          'BLOC_RESULT_MISSING',
          `Cần kết quả bình xét, suy tôn của khối, cụm thi đua năm ${context.year} để xét ${context.type.name} (${article}).`,
        );
        return;
      }
      if (!bloc.isMember)
        reason(
          context,
          'NOT_BLOC_MEMBER',
          `Đơn vị không là thành viên của khối, cụm thi đua trong năm ${context.year} (${article}).`,
        );
      if (!bloc.isLeadingUnit)
        reason(
          context,
          'NOT_LEADING_UNIT',
          `Đơn vị không được khối, cụm thi đua suy tôn là đơn vị dẫn đầu năm ${context.year} (${article}).`,
        );
    },
    unchecked: [
      `Hoàn thành vượt mức các chỉ tiêu; tổ chức đảng, đoàn thể trong sạch, vững mạnh; thực hành tiết kiệm, chống lãng phí, tham nhũng (${article}) — Hội đồng TĐKT bỏ phiếu kín, cần ≥ 80 % tổng số thành viên.`,
      // Not yet confirmed that Nghị định 152/2025 keeps this 20 % ceiling: cited by the letter that set it.
      'Cờ thi đua của Chính phủ từ khối, cụm do bộ, tỉnh tổ chức: đề nghị không quá 20 % số tập thể dẫn đầu (Công văn 5007/BNV-TĐKT năm 2023) — kiểm tra theo danh sách đề nghị.',
    ],
  };
}
