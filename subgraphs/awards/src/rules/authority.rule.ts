/**
 * Who may sign a decision awarding a given form on a given day (Luật TĐKT 2022, Arts 77–80).
 *
 * The table is dated because powers move: the district level is abolished on 2025-07-01 and the
 * commune chair takes over the district chair's titles (ND 129/2025/NĐ-CP Art 59). Decisions dated
 * before the 2022 Law took effect (2024-01-01) are not checked (ruleset LAW_2003): canDecide refuses
 * them with a reason rather than guessing the 2003 Law's powers.
 *
 * Army and police decide under their own ministries' rules (Law Art 80(5)) [U]: not modelled, their
 * unit heads are treated like other unit heads.
 */
import { findAwardType, isAwardTypeValidOn, type AuthorityKind, type AwardCategory } from '../catalogue/award-types.js';
import { formatDateVi, isIsoDate, isValidOnDay } from './calendar.rule.js';
import { LAW_2022_IN_FORCE } from './ruleset.rule.js';

export interface DecisionPower {
  authority: AuthorityKind;
  /** Award type codes this authority may decide … */
  awardTypeCodes: readonly string[];
  /** … and whole categories (the President's). */
  categories: readonly AwardCategory[];
  validFrom: string | null;
  validTo: string | null;
  legalBasis: string;
}

const DISTRICT_LEVEL_ENDS = '2025-06-30';
const TWO_TIER_LOCAL_GOVERNMENT = '2025-07-01';

/** Titles the heads of units, district chairs (until 2025-06-30) and commune chairs (from 2025-07-01) share (Law Art 80). */
const BASE_LEVEL = ['LDTT', 'CSTD_CO_SO', 'TTLD_TIEN_TIEN', 'GIAY_KHEN'] as const;

export const DECISION_POWERS: readonly DecisionPower[] = [
  {
    // Orders, medals, state honorary titles, state prizes: the President, on the PM's submission. [V-general]
    authority: 'PRESIDENT',
    awardTypeCodes: [],
    categories: ['ORDER', 'MEDAL', 'STATE_HONORARY_TITLE', 'STATE_PRIZE'],
    validFrom: LAW_2022_IN_FORCE,
    validTo: null,
    legalBasis: 'Luật TĐKT 2022 (thẩm quyền của Chủ tịch nước; số điều [U], Điều 77–79)',
  },
  {
    // QĐ 311/QĐ-BNV 2025 procedures; ND 98/2023 Art 33 [V].
    authority: 'PRIME_MINISTER',
    awardTypeCodes: ['CO_THI_DUA_CP', 'CSTD_TOAN_QUOC', 'BANG_KHEN_TTG'],
    categories: [],
    validFrom: LAW_2022_IN_FORCE,
    validTo: null,
    legalBasis: 'Luật TĐKT 2022 (thẩm quyền của Thủ tướng Chính phủ); Nghị định 98/2023/NĐ-CP, Điều 33',
  },
  {
    // Law Arts 74, 78–79 [V-partial]. Xã/phường tiêu biểu by the provincial chair [U]; Kỷ niệm chương by ministries (provinces [U]).
    authority: 'MINISTRY_OR_PROVINCE_HEAD',
    awardTypeCodes: [
      'CO_THI_DUA_BO_TINH',
      'CSTD_BO_TINH',
      'TTLD_XUAT_SAC',
      'DON_VI_QUYET_THANG',
      'BANG_KHEN_BO_TINH',
      'KY_NIEM_CHUONG',
      'XA_PHUONG_THI_TRAN_TIEU_BIEU',
      'XA_PHUONG_DAC_KHU_TIEU_BIEU',
    ],
    categories: [],
    validFrom: LAW_2022_IN_FORCE,
    validTo: null,
    legalBasis: 'Luật TĐKT 2022, Điều 74, Điều 78–79',
  },
  {
    // Law Art 80(1) gives the base-level titles to the heads of units WITH legal personality under a
    // bộ, ban, ngành. The ministry's own apparatus (vụ, văn phòng, thanh tra, cục without a legal
    // personality of their own) has no such head: the ministry is the legal entity, and its head (Bộ
    // trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, người đứng đầu ban, ngành) decides
    // these titles for its staff, as the ministries' circulars apply it (e.g. TT 01/2024/TT-UBDT, Điều 9)
    // [V-partial]. Without this row an LĐTT of a ministry's own officer had no one to decide it. The
    // same kind covers a provincial chair for the staff of the provincial People's Committee [U]; the
    // split with the heads of legal-entity units under a ministry (who decide for their own staff) is not
    // modelled: the issuer must still be the proposer or above it (services/decision.service.ts).
    authority: 'MINISTRY_OR_PROVINCE_HEAD',
    awardTypeCodes: [...BASE_LEVEL, 'CHIEN_SI_TIEN_TIEN', 'DON_VI_TIEN_TIEN'],
    categories: [],
    validFrom: LAW_2022_IN_FORCE,
    validTo: null,
    legalBasis: 'Luật TĐKT 2022, Điều 80 khoản 1 (cơ quan bộ, ban, ngành không có tư cách pháp nhân riêng)',
  },
  {
    // Heads of units with legal personality under ministries/provinces, heads of provincial departments (Art 80(1)).
    authority: 'UNIT_HEAD',
    awardTypeCodes: [...BASE_LEVEL, 'CHIEN_SI_TIEN_TIEN', 'DON_VI_TIEN_TIEN'],
    categories: [],
    validFrom: LAW_2022_IN_FORCE,
    validTo: null,
    legalBasis: 'Luật TĐKT 2022, Điều 80 khoản 1',
  },
  {
    // Enterprise and cooperative directors (Art 80(4)); board chairs give Giấy khen only — same authority kind here.
    authority: 'ENTERPRISE_HEAD',
    awardTypeCodes: BASE_LEVEL,
    categories: [],
    validFrom: LAW_2022_IN_FORCE,
    validTo: null,
    legalBasis: 'Luật TĐKT 2022, Điều 80 khoản 4',
  },
  {
    // District chair: base-level titles and Thôn/TDP văn hóa, until the district level ends (Art 80(2)).
    authority: 'DISTRICT_CHAIR',
    awardTypeCodes: [...BASE_LEVEL, 'THON_TDP_VAN_HOA'],
    categories: [],
    validFrom: LAW_2022_IN_FORCE,
    validTo: DISTRICT_LEVEL_ENDS,
    legalBasis: 'Luật TĐKT 2022, Điều 80 khoản 2',
  },
  {
    // Commune chair before the reform: Gia đình văn hóa (Art 80(3)). Whether Art 80(3) also gave the
    // commune chair Giấy khen before 2025-07-01 is [U]; not granted here.
    authority: 'COMMUNE_CHAIR',
    awardTypeCodes: ['GIA_DINH_VAN_HOA'],
    categories: [],
    validFrom: LAW_2022_IN_FORCE,
    validTo: DISTRICT_LEVEL_ENDS,
    legalBasis: 'Luật TĐKT 2022, Điều 80 khoản 3',
  },
  {
    // Two-tier local government: the commune chair takes over the district chair's titles [V].
    authority: 'COMMUNE_CHAIR',
    awardTypeCodes: [...BASE_LEVEL, 'THON_TDP_VAN_HOA', 'GIA_DINH_VAN_HOA'],
    categories: [],
    validFrom: TWO_TIER_LOCAL_GOVERNMENT,
    validTo: null,
    legalBasis: 'Luật TĐKT 2022, Điều 80 khoản 2–3; Nghị định 129/2025/NĐ-CP, Điều 59',
  },
];

export const AUTHORITY_LABELS: Readonly<Record<AuthorityKind, string>> = {
  PRESIDENT: 'Chủ tịch nước',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  MINISTRY_OR_PROVINCE_HEAD: 'Người đứng đầu bộ, ban, ngành, Chủ tịch UBND cấp tỉnh',
  DISTRICT_CHAIR: 'Chủ tịch UBND cấp huyện',
  COMMUNE_CHAIR: 'Chủ tịch UBND cấp xã',
  UNIT_HEAD: 'Thủ trưởng cơ quan, đơn vị',
  ENTERPRISE_HEAD: 'Người đứng đầu doanh nghiệp, hợp tác xã',
};

function covers(power: DecisionPower, code: string, category: AwardCategory): boolean {
  return power.awardTypeCodes.includes(code) || power.categories.includes(category);
}

/** The authorities that may decide an award type on a day (empty before 2024 or for an unknown code). */
export function authoritiesFor(awardTypeCode: string, decisionDate: string): AuthorityKind[] {
  const type = findAwardType(awardTypeCode);
  if (!type || !isIsoDate(decisionDate)) return [];
  const kinds = DECISION_POWERS.filter(
    (power) => covers(power, type.code, type.category) && isValidOnDay(power, decisionDate),
  ).map((power) => power.authority);
  return [...new Set(kinds)];
}

function validityPhrase(power: DecisionPower): string {
  if (power.validFrom && power.validFrom > LAW_2022_IN_FORCE && power.validTo)
    return `từ ngày ${formatDateVi(power.validFrom)} đến hết ngày ${formatDateVi(power.validTo)}`;
  if (power.validFrom && power.validFrom > LAW_2022_IN_FORCE) return `từ ngày ${formatDateVi(power.validFrom)}`;
  if (power.validTo) return `đến hết ngày ${formatDateVi(power.validTo)}`;
  return 'trong mọi thời gian';
}

/**
 * Whether `issuerAuthority` may sign a decision awarding `awardTypeCode` dated `decisionDate`
 * (YYYY-MM-DD). Never throws; a refusal carries a reason an officer can act on.
 */
export function canDecide(
  issuerAuthority: AuthorityKind,
  awardTypeCode: string,
  decisionDate: string,
): { allowed: boolean; reason: string | null } {
  const type = findAwardType(awardTypeCode);
  if (!type) return { allowed: false, reason: `Không có hình thức khen thưởng mã ${awardTypeCode}.` };
  if (!isIsoDate(decisionDate))
    return { allowed: false, reason: `Ngày quyết định "${decisionDate}" không hợp lệ (định dạng YYYY-MM-DD).` };
  const issuer = AUTHORITY_LABELS[issuerAuthority] ?? String(issuerAuthority);
  if (decisionDate < LAW_2022_IN_FORCE) {
    return {
      allowed: false,
      reason: `Quyết định ngày ${formatDateVi(decisionDate)} thuộc Luật Thi đua, khen thưởng 2003; hệ thống không tự kiểm tra thẩm quyền theo luật cũ, cần cán bộ đối chiếu.`,
    };
  }
  if (!isAwardTypeValidOn(type, decisionDate)) {
    return {
      allowed: false,
      reason: `${type.name} không còn hoặc chưa được áp dụng vào ngày ${formatDateVi(decisionDate)}.`,
    };
  }
  const matching = DECISION_POWERS.filter((power) => covers(power, type.code, type.category));
  if (matching.some((power) => power.authority === issuerAuthority && isValidOnDay(power, decisionDate)))
    return { allowed: true, reason: null };

  const holders = [
    ...new Set(
      matching.filter((power) => isValidOnDay(power, decisionDate)).map((power) => AUTHORITY_LABELS[power.authority]),
    ),
  ];
  const holdersText = holders.length > 0 ? ` Vào ngày đó thẩm quyền thuộc: ${holders.join('; ')}.` : '';
  const ownAtOtherTimes = matching.filter((power) => power.authority === issuerAuthority);
  if (ownAtOtherTimes.length > 0) {
    const when = ownAtOtherTimes.map((power) => `${validityPhrase(power)} (${power.legalBasis})`).join('; ');
    return {
      allowed: false,
      reason: `${issuer} chỉ có thẩm quyền quyết định tặng ${type.name} ${when}; quyết định ngày ${formatDateVi(decisionDate)} không thuộc thời gian này.${holdersText}`,
    };
  }
  // Cite the articles that give the power (Law Arts 77–80), not the award's conditions.
  const powerBases = [
    ...new Set(matching.filter((power) => isValidOnDay(power, decisionDate)).map((power) => power.legalBasis)),
  ];
  return {
    allowed: false,
    reason: `${issuer} không có thẩm quyền quyết định tặng ${type.name} (${powerBases.join('; ') || type.legalBasis}).${holdersText}`,
  };
}

/** Which authority an issuing organization exercises (Law Art 77–80; NĐ 129/2025 Art 59 for communes). */
export function authorityOfIssuer(kind: string): AuthorityKind {
  switch (kind) {
    case 'STATE_LEADERSHIP':
      return 'PRESIDENT';
    case 'OTHER':
      return 'PRIME_MINISTER';
    case 'MINISTRY':
    case 'MINISTERIAL_AGENCY':
    case 'GOVERNMENT_AGENCY':
    case 'COURT':
    case 'PROCURACY':
    case 'STATE_AUDIT':
    case 'PARTY_OR_MASS_ORGANIZATION':
    case 'PROVINCE':
    case 'CENTRAL_CITY':
      return 'MINISTRY_OR_PROVINCE_HEAD';
    case 'DISTRICT':
      return 'DISTRICT_CHAIR';
    case 'COMMUNE':
    case 'WARD':
    case 'SPECIAL_ZONE':
      return 'COMMUNE_CHAIR';
    case 'ENTERPRISE':
      return 'ENTERPRISE_HEAD';
    default:
      return 'UNIT_HEAD';
  }
}
