// Data table: the award catalogue of Luật TĐKT 2022 (every emulation title and form of commendation, with its legal basis).
/**
 * The award catalogue of Luật Thi đua, khen thưởng 06/2022/QH15: emulation titles (Arts 19–28), the
 * seven forms of commendation (Art 9: orders, medals, state honorary titles, the two state prizes,
 * commemorative medals, Bằng khen, Giấy khen). Pure data, no framework: the seed copies it into the
 * database, the rules read it.
 *
 * Sources: the Law's text, ND 98/2023 and ND 152/2025 (Arts 50–54 for rewards). Confidence tags used in
 * the comments of the catalogue and of rules/: [V] checked against the legal text; [V-mirror] or
 * [V-partial] checked only against a provincial mirror of it or in part; [S] only a secondary source
 * (news, guidance) gives it; [U] not verified — anything [U] is commented where it is used.
 *
 * - `code`: stable key. The contract's fixed codes (LDTT … ANH_HUNG_LAO_DONG) are kept exactly.
 * - `decidingAuthority`: the usual signer. Several authorities may sign some titles, and some powers
 *   move in time (district chair → commune chair on 2025-07-01): the dated table in
 *   rules/authority.rule.ts is what decides, this field is the headline.
 * - `rank`: higher is more senior. It orders the forms within a chain (AWARD_CHAINS), where "a higher
 *   form" is meaningful; comparing ranks across unrelated chains (a prize against an order) means
 *   little and the cross-chain spacing is [U].
 * - `rewardMultiplier`: times the base salary (mức lương cơ sở), ND 152/2025 Arts 50–54, only where
 *   the decree's figure was verified; null otherwise (never guessed). Individual amounts for state awards
 *   were not extracted [U]. A household receives 1.5 × the individual amount (ND 152/2025 Art 54 note); there is no separate household figure here.
 */

export type AwardCategory =
  | 'EMULATION_TITLE'
  | 'ORDER'
  | 'MEDAL'
  | 'STATE_HONORARY_TITLE'
  | 'STATE_PRIZE'
  | 'COMMEMORATIVE_MEDAL'
  | 'CERTIFICATE_OF_MERIT'
  | 'CERTIFICATE_OF_COMMENDATION';

export type SubjectKind = 'PERSON' | 'COLLECTIVE' | 'HOUSEHOLD';

export type AuthorityKind =
  | 'PRESIDENT'
  | 'PRIME_MINISTER'
  | 'MINISTRY_OR_PROVINCE_HEAD'
  | 'DISTRICT_CHAIR'
  | 'COMMUNE_CHAIR'
  | 'UNIT_HEAD'
  | 'ENTERPRISE_HEAD';

export type AwardClass = 'FIRST' | 'SECOND' | 'THIRD';

export interface AwardTypeDefinition {
  code: string;
  /** Official Vietnamese name, NFC. */
  name: string;
  category: AwardCategory;
  awardClass: AwardClass | null;
  subjectKinds: SubjectKind[];
  decidingAuthority: AuthorityKind;
  rank: number;
  rewardMultiplier: { person: number | null; collective: number | null };
  legalBasis: string;
  /** Catalogue validity (both ends inclusive, null = open): e.g. "thị trấn" gives way to "đặc khu". */
  validFrom: string | null;
  validTo: string | null;
}

const PERSON: SubjectKind[] = ['PERSON'];
const COLLECTIVE: SubjectKind[] = ['COLLECTIVE'];
const PERSON_OR_COLLECTIVE: SubjectKind[] = ['PERSON', 'COLLECTIVE'];
const ANYONE: SubjectKind[] = ['PERSON', 'COLLECTIVE', 'HOUSEHOLD'];

function award(
  code: string,
  name: string,
  category: AwardCategory,
  subjectKinds: SubjectKind[],
  decidingAuthority: AuthorityKind,
  rank: number,
  legalBasis: string,
  options: { awardClass?: AwardClass; person?: number; collective?: number; validFrom?: string; validTo?: string } = {},
): AwardTypeDefinition {
  return {
    code,
    name: name.normalize('NFC'),
    category,
    awardClass: options.awardClass ?? null,
    subjectKinds,
    decidingAuthority,
    rank,
    rewardMultiplier: { person: options.person ?? null, collective: options.collective ?? null },
    legalBasis,
    validFrom: options.validFrom ?? null,
    validTo: options.validTo ?? null,
  };
}

const LAW = 'Luật TĐKT 2022';

export const AWARD_TYPES: readonly AwardTypeDefinition[] = [
  // ── Emulation titles for individuals (Art 19) ───────────────────────────────────────────────────
  // LĐTT: heads of legal-entity units, commune chairs (district chairs before 2025-07-01), enterprise heads (Art 80). 0.3 × (ND 152 Art 50) [V].
  award('LDTT', 'Lao động tiên tiến', 'EMULATION_TITLE', PERSON, 'UNIT_HEAD', 10, `${LAW}, Điều 24`, { person: 0.3 }),
  // Army/police equivalent of LĐTT (Art 19). Who signs in the armed forces follows MND/MPS rules (Art 80(5)) [U]: UNIT_HEAD as headline.
  award('CHIEN_SI_TIEN_TIEN', 'Chiến sĩ tiên tiến', 'EMULATION_TITLE', PERSON, 'UNIT_HEAD', 10, `${LAW}, Điều 24`, {
    person: 0.3,
  }),
  award('CSTD_CO_SO', 'Chiến sĩ thi đua cơ sở', 'EMULATION_TITLE', PERSON, 'UNIT_HEAD', 20, `${LAW}, Điều 23`, {
    person: 1.0,
  }),
  award(
    'CSTD_BO_TINH',
    'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
    'EMULATION_TITLE',
    PERSON,
    'MINISTRY_OR_PROVINCE_HEAD',
    40,
    `${LAW}, Điều 22`,
    { person: 3.0 },
  ),
  award(
    'CSTD_TOAN_QUOC',
    'Chiến sĩ thi đua toàn quốc',
    'EMULATION_TITLE',
    PERSON,
    'PRIME_MINISTER',
    60,
    `${LAW}, Điều 21`,
    { person: 4.5 },
  ),

  // ── Emulation titles for collectives and households (Art 20) ────────────────────────────────────
  award(
    'TTLD_TIEN_TIEN',
    'Tập thể lao động tiên tiến',
    'EMULATION_TITLE',
    COLLECTIVE,
    'UNIT_HEAD',
    10,
    `${LAW}, Điều 28`,
    { collective: 0.8 },
  ),
  // Army/police equivalent (Art 20); signer per MND/MPS rules (Art 80(5)) [U].
  award('DON_VI_TIEN_TIEN', 'Đơn vị tiên tiến', 'EMULATION_TITLE', COLLECTIVE, 'UNIT_HEAD', 10, `${LAW}, Điều 28`, {
    collective: 0.8,
  }),
  award(
    'TTLD_XUAT_SAC',
    'Tập thể lao động xuất sắc',
    'EMULATION_TITLE',
    COLLECTIVE,
    'MINISTRY_OR_PROVINCE_HEAD',
    30,
    `${LAW}, Điều 27`,
    { collective: 1.5 },
  ),
  // Army/police equivalent (Art 20); signer per MND/MPS rules (Art 80(5)) [U].
  award(
    'DON_VI_QUYET_THANG',
    'Đơn vị quyết thắng',
    'EMULATION_TITLE',
    COLLECTIVE,
    'MINISTRY_OR_PROVINCE_HEAD',
    30,
    `${LAW}, Điều 27`,
    { collective: 1.5 },
  ),
  // 8.0 ×; flags of army corps/services and of the National Universities are 6.0 × (ND 152 Art 50) — not separate codes here.
  award(
    'CO_THI_DUA_BO_TINH',
    'Cờ thi đua của bộ, ban, ngành, tỉnh',
    'EMULATION_TITLE',
    COLLECTIVE,
    'MINISTRY_OR_PROVINCE_HEAD',
    45,
    `${LAW}, Điều 26`,
    { collective: 8.0 },
  ),
  award(
    'CO_THI_DUA_CP',
    'Cờ thi đua của Chính phủ',
    'EMULATION_TITLE',
    COLLECTIVE,
    'PRIME_MINISTER',
    65,
    `${LAW}, Điều 25`,
    { collective: 12 },
  ),
  // Decided by the provincial chair [U]. Ends with the abolition of thị trấn on 2025-07-01;
  // ND 152's table only prices the đặc khu version, so no multiplier is given for this one.
  award(
    'XA_PHUONG_THI_TRAN_TIEU_BIEU',
    'Xã, phường, thị trấn tiêu biểu',
    'EMULATION_TITLE',
    COLLECTIVE,
    'MINISTRY_OR_PROVINCE_HEAD',
    35,
    `${LAW}, Điều 20`,
    {
      validTo: '2025-06-30',
    },
  ),
  // From the two-tier local government (ND 152 Art 50 names it); decided by the provincial chair [U].
  award(
    'XA_PHUONG_DAC_KHU_TIEU_BIEU',
    'Xã, phường, đặc khu tiêu biểu',
    'EMULATION_TITLE',
    COLLECTIVE,
    'MINISTRY_OR_PROVINCE_HEAD',
    35,
    `${LAW}, Điều 20`,
    {
      collective: 2.0,
      validFrom: '2025-07-01',
    },
  ),
  // District chair until 2025-06-30 (Art 80(2)), commune chair since (ND 129/2025 Art 59).
  award(
    'THON_TDP_VAN_HOA',
    'Thôn, tổ dân phố văn hóa',
    'EMULATION_TITLE',
    COLLECTIVE,
    'COMMUNE_CHAIR',
    10,
    `${LAW}, Điều 20`,
    { collective: 1.5 },
  ),
  award(
    'GIA_DINH_VAN_HOA',
    'Gia đình văn hóa',
    'EMULATION_TITLE',
    ['HOUSEHOLD'],
    'COMMUNE_CHAIR',
    5,
    `${LAW}, Điều 20`,
  ),

  // ── Orders (Art 33 lists them; President decides on the PM's submission) ────────────────────────
  // Collective multipliers ND 152 Art 51 [V]; individual ones not extracted [U]. The specific article
  // of each order (Art 34 Sao vàng … Art 53 Hữu nghị) is inferred from the Law's order of articles and
  // only Art 44 (HCLĐ hạng Ba) is verified, so the others cite the list in Art 33 [U].
  // Ranks follow the Law's order of precedence within each tier [U across orders of the same tier].
  award('HC_SAO_VANG', 'Huân chương Sao vàng', 'ORDER', PERSON_OR_COLLECTIVE, 'PRESIDENT', 200, `${LAW}, Điều 33`, {
    collective: 92,
  }),
  award(
    'HC_HO_CHI_MINH',
    'Huân chương Hồ Chí Minh',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    190,
    `${LAW}, Điều 33`,
    { collective: 61 },
  ),
  award(
    'HC_DOC_LAP_1',
    'Huân chương Độc lập hạng Nhất',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    180,
    `${LAW}, Điều 33`,
    { awardClass: 'FIRST', collective: 30 },
  ),
  award(
    'HC_DOC_LAP_2',
    'Huân chương Độc lập hạng Nhì',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    175,
    `${LAW}, Điều 33`,
    { awardClass: 'SECOND', collective: 25 },
  ),
  // Hạng Ba multiplier not verified: null.
  award(
    'HC_DOC_LAP_3',
    'Huân chương Độc lập hạng Ba',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    170,
    `${LAW}, Điều 33`,
    { awardClass: 'THIRD' },
  ),
  award(
    'HC_QUAN_CONG_1',
    'Huân chương Quân công hạng Nhất',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    180,
    `${LAW}, Điều 33`,
    { awardClass: 'FIRST', collective: 30 },
  ),
  award(
    'HC_QUAN_CONG_2',
    'Huân chương Quân công hạng Nhì',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    175,
    `${LAW}, Điều 33`,
    { awardClass: 'SECOND', collective: 25 },
  ),
  award(
    'HC_QUAN_CONG_3',
    'Huân chương Quân công hạng Ba',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    170,
    `${LAW}, Điều 33`,
    { awardClass: 'THIRD' },
  ),
  award(
    'HC_LAO_DONG_1',
    'Huân chương Lao động hạng Nhất',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    160,
    `${LAW}, Điều 33`,
    { awardClass: 'FIRST', collective: 18 },
  ),
  award(
    'HC_LAO_DONG_2',
    'Huân chương Lao động hạng Nhì',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    155,
    `${LAW}, Điều 33`,
    { awardClass: 'SECOND', collective: 15 },
  ),
  award(
    'HC_LAO_DONG_3',
    'Huân chương Lao động hạng Ba',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    150,
    `${LAW}, Điều 44`,
    { awardClass: 'THIRD', collective: 9 },
  ),
  award(
    'HC_BAO_VE_TO_QUOC_1',
    'Huân chương Bảo vệ Tổ quốc hạng Nhất',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    160,
    `${LAW}, Điều 33`,
    { awardClass: 'FIRST', collective: 18 },
  ),
  award(
    'HC_BAO_VE_TO_QUOC_2',
    'Huân chương Bảo vệ Tổ quốc hạng Nhì',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    155,
    `${LAW}, Điều 33`,
    { awardClass: 'SECOND', collective: 15 },
  ),
  award(
    'HC_BAO_VE_TO_QUOC_3',
    'Huân chương Bảo vệ Tổ quốc hạng Ba',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    150,
    `${LAW}, Điều 33`,
    { awardClass: 'THIRD', collective: 9 },
  ),
  award(
    'HC_CHIEN_CONG_1',
    'Huân chương Chiến công hạng Nhất',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    160,
    `${LAW}, Điều 33`,
    { awardClass: 'FIRST', collective: 18 },
  ),
  award(
    'HC_CHIEN_CONG_2',
    'Huân chương Chiến công hạng Nhì',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    155,
    `${LAW}, Điều 33`,
    { awardClass: 'SECOND', collective: 15 },
  ),
  award(
    'HC_CHIEN_CONG_3',
    'Huân chương Chiến công hạng Ba',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    150,
    `${LAW}, Điều 33`,
    { awardClass: 'THIRD', collective: 9 },
  ),
  award(
    'HC_DAI_DOAN_KET_DAN_TOC',
    'Huân chương Đại đoàn kết dân tộc',
    'ORDER',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    155,
    `${LAW}, Điều 33`,
    { collective: 15 },
  ),
  award('HC_DUNG_CAM', 'Huân chương Dũng cảm', 'ORDER', PERSON_OR_COLLECTIVE, 'PRESIDENT', 150, `${LAW}, Điều 33`, {
    collective: 9,
  }),
  // For foreigners (basis FOREIGN); no verified multiplier; rank [U].
  award('HC_HUU_NGHI', 'Huân chương Hữu nghị', 'ORDER', PERSON_OR_COLLECTIVE, 'PRESIDENT', 150, `${LAW}, Điều 33`),

  // ── Medals (Art 9(2); President) ─────────────────────────────────────────────────────────────────
  // List verified [V]; the article listing them is not confirmed [U], so Art 9(2) (the form) is cited.
  award(
    'HCH_QUAN_KY_QUYET_THANG',
    'Huy chương Quân kỳ quyết thắng',
    'MEDAL',
    PERSON,
    'PRESIDENT',
    100,
    `${LAW}, Điều 9 khoản 2`,
  ),
  award(
    'HCH_VI_AN_NINH_TO_QUOC',
    'Huy chương Vì an ninh Tổ quốc',
    'MEDAL',
    PERSON,
    'PRESIDENT',
    100,
    `${LAW}, Điều 9 khoản 2`,
  ),
  // Seniority medals of the army and police (basis SENIORITY).
  award(
    'HCH_CHIEN_SI_VE_VANG_1',
    'Huy chương Chiến sĩ vẻ vang hạng Nhất',
    'MEDAL',
    PERSON,
    'PRESIDENT',
    96,
    `${LAW}, Điều 9 khoản 2`,
    { awardClass: 'FIRST' },
  ),
  award(
    'HCH_CHIEN_SI_VE_VANG_2',
    'Huy chương Chiến sĩ vẻ vang hạng Nhì',
    'MEDAL',
    PERSON,
    'PRESIDENT',
    93,
    `${LAW}, Điều 9 khoản 2`,
    { awardClass: 'SECOND' },
  ),
  award(
    'HCH_CHIEN_SI_VE_VANG_3',
    'Huy chương Chiến sĩ vẻ vang hạng Ba',
    'MEDAL',
    PERSON,
    'PRESIDENT',
    90,
    `${LAW}, Điều 9 khoản 2`,
    { awardClass: 'THIRD' },
  ),
  award('HCH_HUU_NGHI', 'Huy chương Hữu nghị', 'MEDAL', PERSON, 'PRESIDENT', 90, `${LAW}, Điều 9 khoản 2`),
  // For former youth volunteers (basis RESISTANCE). Its procedure decree ND 28/2024 was repealed by ND 152/2025
  // ND 152/2025 Art 59 (it repeals ND 98/2023); the medal itself stays in the Law. A news source places it in Art 96 [S].
  award(
    'HCH_TNXP_VE_VANG',
    'Huy chương Thanh niên xung phong vẻ vang',
    'MEDAL',
    PERSON,
    'PRESIDENT',
    90,
    `${LAW}, Điều 9 khoản 2`,
  ),

  // ── State honorary titles (Art 59 lists them [S: thuvienphapluat mirror]; President) ─────────────
  // Anh hùng collective multiplier 31 × (ND 152 Art 52) [V]; others not extracted.
  award('TINH_ANH_HUNG', 'Tỉnh anh hùng', 'STATE_HONORARY_TITLE', COLLECTIVE, 'PRESIDENT', 195, `${LAW}, Điều 59`),
  award(
    'THANH_PHO_ANH_HUNG',
    'Thành phố anh hùng',
    'STATE_HONORARY_TITLE',
    COLLECTIVE,
    'PRESIDENT',
    195,
    `${LAW}, Điều 59`,
  ),
  award(
    'BA_ME_VN_ANH_HUNG',
    'Bà mẹ Việt Nam anh hùng',
    'STATE_HONORARY_TITLE',
    PERSON,
    'PRESIDENT',
    185,
    `${LAW}, Điều 59`,
  ),
  award(
    'ANH_HUNG_LLVTND',
    'Anh hùng Lực lượng vũ trang nhân dân',
    'STATE_HONORARY_TITLE',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    185,
    `${LAW}, Điều 59`,
    { collective: 31 },
  ),
  award(
    'ANH_HUNG_LAO_DONG',
    'Anh hùng Lao động',
    'STATE_HONORARY_TITLE',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    185,
    `${LAW}, Điều 59`,
    { collective: 31 },
  ),
  award('NHA_GIAO_NHAN_DAN', 'Nhà giáo nhân dân', 'STATE_HONORARY_TITLE', PERSON, 'PRESIDENT', 140, `${LAW}, Điều 59`),
  award('NHA_GIAO_UU_TU', 'Nhà giáo ưu tú', 'STATE_HONORARY_TITLE', PERSON, 'PRESIDENT', 130, `${LAW}, Điều 59`),
  award(
    'THAY_THUOC_NHAN_DAN',
    'Thầy thuốc nhân dân',
    'STATE_HONORARY_TITLE',
    PERSON,
    'PRESIDENT',
    140,
    `${LAW}, Điều 59`,
  ),
  award('THAY_THUOC_UU_TU', 'Thầy thuốc ưu tú', 'STATE_HONORARY_TITLE', PERSON, 'PRESIDENT', 130, `${LAW}, Điều 59`),
  award('NGHE_SI_NHAN_DAN', 'Nghệ sĩ nhân dân', 'STATE_HONORARY_TITLE', PERSON, 'PRESIDENT', 140, `${LAW}, Điều 59`),
  award('NGHE_SI_UU_TU', 'Nghệ sĩ ưu tú', 'STATE_HONORARY_TITLE', PERSON, 'PRESIDENT', 130, `${LAW}, Điều 59`),
  award(
    'NGHE_NHAN_NHAN_DAN',
    'Nghệ nhân nhân dân',
    'STATE_HONORARY_TITLE',
    PERSON,
    'PRESIDENT',
    140,
    `${LAW}, Điều 59`,
  ),
  award('NGHE_NHAN_UU_TU', 'Nghệ nhân ưu tú', 'STATE_HONORARY_TITLE', PERSON, 'PRESIDENT', 130, `${LAW}, Điều 59`),

  // ── State prizes (Art 9(4); President). Given to authors and author collectives; article numbers [U]. ─
  award(
    'GIAI_THUONG_HO_CHI_MINH',
    'Giải thưởng Hồ Chí Minh',
    'STATE_PRIZE',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    145,
    `${LAW}, Điều 9 khoản 4`,
  ),
  award(
    'GIAI_THUONG_NHA_NUOC',
    'Giải thưởng Nhà nước',
    'STATE_PRIZE',
    PERSON_OR_COLLECTIVE,
    'PRESIDENT',
    135,
    `${LAW}, Điều 9 khoản 4`,
  ),

  // ── Commemorative medal (Art 71): one generic code; each ministry/central body names its own
  // (e.g. "Vì sự nghiệp Thi đua – Khen thưởng", TT 12/2024/TT-BNV). Usually once per person per medal, service-length based.
  // Whether provinces (not only ministries and central bodies) issue them is [U].
  award(
    'KY_NIEM_CHUONG',
    'Kỷ niệm chương',
    'COMMEMORATIVE_MEDAL',
    PERSON,
    'MINISTRY_OR_PROVINCE_HEAD',
    35,
    `${LAW}, Điều 71`,
  ),

  // ── Bằng khen (Art 72) and Giấy khen (Art 75) ─────────────────────────────────────────────────
  // Collective multipliers ND 152 Art 54 [V]; individual ones are not verified.
  award(
    'BANG_KHEN_TTG',
    'Bằng khen của Thủ tướng Chính phủ',
    'CERTIFICATE_OF_MERIT',
    ANYONE,
    'PRIME_MINISTER',
    55,
    `${LAW}, Điều 73`,
    { collective: 7 },
  ),
  award(
    'BANG_KHEN_BO_TINH',
    'Bằng khen của bộ, ban, ngành, tỉnh',
    'CERTIFICATE_OF_MERIT',
    ANYONE,
    'MINISTRY_OR_PROVINCE_HEAD',
    35,
    `${LAW}, Điều 74`,
    { collective: 3 },
  ),
  award('GIAY_KHEN', 'Giấy khen', 'CERTIFICATE_OF_COMMENDATION', ANYONE, 'UNIT_HEAD', 15, `${LAW}, Điều 75`, {
    collective: 0.6,
  }),
];

/**
 * Chains in which "a higher form" is meaningful, lowest first. Rank must strictly increase along
 * each (checked by the catalogue test). The merit chain for individuals follows Arts 21–24 and the
 * prerequisites of Art 73(1)(b) and Art 44(1)(e); the collective ones follow Arts 25–28.
 */
export const AWARD_CHAINS: Readonly<Record<string, readonly string[]>> = {
  PERSON_EMULATION: ['LDTT', 'CSTD_CO_SO', 'CSTD_BO_TINH', 'CSTD_TOAN_QUOC'],
  ARMED_FORCES_PERSON_EMULATION: ['CHIEN_SI_TIEN_TIEN', 'CSTD_CO_SO', 'CSTD_BO_TINH', 'CSTD_TOAN_QUOC'],
  COLLECTIVE_EMULATION: ['TTLD_TIEN_TIEN', 'TTLD_XUAT_SAC', 'CO_THI_DUA_BO_TINH', 'CO_THI_DUA_CP'],
  ARMED_FORCES_COLLECTIVE_EMULATION: ['DON_VI_TIEN_TIEN', 'DON_VI_QUYET_THANG', 'CO_THI_DUA_BO_TINH', 'CO_THI_DUA_CP'],
  CERTIFICATES_TO_LABOUR_ORDER: [
    'GIAY_KHEN',
    'BANG_KHEN_BO_TINH',
    'BANG_KHEN_TTG',
    'HC_LAO_DONG_3',
    'HC_LAO_DONG_2',
    'HC_LAO_DONG_1',
    'ANH_HUNG_LAO_DONG',
  ],
  INDEPENDENCE_ORDER: ['HC_DOC_LAP_3', 'HC_DOC_LAP_2', 'HC_DOC_LAP_1', 'HC_HO_CHI_MINH', 'HC_SAO_VANG'],
  MILITARY_MERIT_ORDER: ['HC_QUAN_CONG_3', 'HC_QUAN_CONG_2', 'HC_QUAN_CONG_1'],
  FATHERLAND_DEFENCE_ORDER: ['HC_BAO_VE_TO_QUOC_3', 'HC_BAO_VE_TO_QUOC_2', 'HC_BAO_VE_TO_QUOC_1'],
  FEAT_ORDER: ['HC_CHIEN_CONG_3', 'HC_CHIEN_CONG_2', 'HC_CHIEN_CONG_1'],
  GLORIOUS_SOLDIER_MEDAL: ['HCH_CHIEN_SI_VE_VANG_3', 'HCH_CHIEN_SI_VE_VANG_2', 'HCH_CHIEN_SI_VE_VANG_1'],
  TEACHER: ['NHA_GIAO_UU_TU', 'NHA_GIAO_NHAN_DAN'],
  PHYSICIAN: ['THAY_THUOC_UU_TU', 'THAY_THUOC_NHAN_DAN'],
  ARTIST: ['NGHE_SI_UU_TU', 'NGHE_SI_NHAN_DAN'],
  ARTISAN: ['NGHE_NHAN_UU_TU', 'NGHE_NHAN_NHAN_DAN'],
  STATE_PRIZE: ['GIAI_THUONG_NHA_NUOC', 'GIAI_THUONG_HO_CHI_MINH'],
};

const BY_CODE: ReadonlyMap<string, AwardTypeDefinition> = new Map(AWARD_TYPES.map((type) => [type.code, type]));

export function findAwardType(code: string): AwardTypeDefinition | null {
  return BY_CODE.get(code) ?? null;
}

/** Whether the catalogue entry exists on a day (YYYY-MM-DD), both ends inclusive. */
export function isAwardTypeValidOn(type: Pick<AwardTypeDefinition, 'validFrom' | 'validTo'>, isoDate: string): boolean {
  return (type.validFrom === null || type.validFrom <= isoDate) && (type.validTo === null || isoDate <= type.validTo);
}
