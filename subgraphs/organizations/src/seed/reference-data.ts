// Data table: the real reference organizations, their 2025 lineage and the central emulation blocs.
/*
 * Real reference data seeded on first start: the top of the State, the central government after the
 * 2025-03-01 restructuring (with the ministries it replaced), other central bodies, the 63 pre-2025
 * provincial units and the 34 of 2025-07-01, their lineage, and the two central emulation bloc/cluster
 * memberships that public sources evidence. Self-contained (no imports), pure data.
 *
 * Sources (each row's `source` names its own)
 *   - Fixed codes other subgraphs and clients rely on: NOI_CHINH_TW, CUM_TP_TRUC_THUOC_TW, BTP, BQLLANG,
 *     BQP, BCA, TANDTC, VKSNDTC, TTCP, KTNN, HN, HCM, HP, DN, CT, HUE, BNV, BTDKTTW, CP, CTN.
 *   - Nghị quyết 176/2025/QH15: the Government's structure from 2025-03-01 (14 ministries, 3
 *     ministerial-level agencies; ministries merged or dissolved), and its 5 government agencies.
 *   - Nghị quyết 202/2025/QH15 (12/6/2025) and Nghị quyết 60-NQ/TW (12/4/2025): two-tier local government
 *     from 2025-07-01, 34 provincial units (11 unchanged, 23 merged from 52 former units) replace 63.
 *   - Luật Thi đua, khen thưởng 2022: issuers (Chủ tịch nước, Thủ tướng / Chính phủ); VP Quốc hội as a
 *     submitting body.
 *   - HD 2746/HD-BTĐKT (2015), HD 1479/HD-BTĐKT (2016): blocs and clusters organised by HĐ TĐKT Trung ương
 *     through Ban TĐKT Trung ương; their members, leads and deputies from the bodies' own reports.
 *
 * Modelling decisions
 *   1. Codes are UPPER_SNAKE ASCII and stable forever. The fixed codes above are used verbatim; other central
 *      codes use the usual Vietnamese initials (BNG, BTC, …); other provinces use the name without
 *      diacritics (đ → D), e.g. DAK_LAK, BA_RIA_VUNG_TAU.
 *   2. Provinces: each of the 34 units of 2025-07-01 continues under the code of the former unit whose name
 *      it keeps (all 23 merged units keep one former name). So there are exactly 63 province-level rows:
 *      34 current (validTo null) and 29 absorbed (validTo '2025-06-30'). The 23 merges are lineage events
 *      kind MERGE effective 2025-07-01 whose predecessors list ALL former units, the continuing one
 *      included, and whose single successor is the continuing code. Old HP, DN, HCM, CT are continued by
 *      the new cities under the same code.
 *   3. HUE is "Thành phố Huế", kind CENTRAL_CITY. Before 2025-01-01 the same unit was Tỉnh Thừa Thiên Huế
 *      (it became a centrally-run city on 2025-01-01); it is ONE row, no THUA_THIEN_HUE code and no
 *      lineage event (that 2025-01-01 change is not recorded here). Its kind therefore reads
 *      CENTRAL_CITY also for years before 2025 — a known simplification.
 *   4. Ministries: validFrom only where the unit was created on 2025-03-01 (BNNMT, BDTTG);
 *      null = existed before our records. The 7 units dissolved on 2025-03-01 have validTo '2025-02-28'.
 *      For a merge into a continuing ministry the continuing ministry is both among predecessorCodes and
 *      the successor (e.g. ['BTC','BKHDT'] → ['BTC']). Partial transfers of functions (MOLISA → MOET/MOH,
 *      MIC press → MOCST, religion MOHA → BDTTG) are recorded only in `note`, not as successors, since the
 *      receiving ministry is not a successor of the whole unit. Ủy ban Dân tộc → Bộ Dân tộc và Tôn giáo is
 *      a RENAME (one predecessor, new code because the kind changes from ministerial-level agency to
 *      ministry) with the religion transfer in the note.
 *   5. BQLLANG (Ban Quản lý Lăng Chủ tịch Hồ Chí Minh): our sources list it only as a member of the Nội chính
 *      bloc and give no parent or kind. It is modelled as kind OTHER, level CENTRAL, parent null.
 *      [U, unverified] By general knowledge it was a government agency and was placed under the
 *      Ministry of National Defence (BQP) in the 2025 restructuring; verify before changing the parent.
 *   6. Roots (parentCode null): CP, CTN, QH, TANDTC, VKSNDTC, KTNN, BQLLANG, UBTWMTTQVN and all provinces.
 *      Ministries, ministerial-level and government agencies have parent CP; BTDKTTW has parent BNV.
 *   7. Blocs: a year row lists the members known for that year. Roles no source evidences stay
 *      MEMBER; each year's `source` says whether it is evidenced or carried over. Only evidenced years
 *      are included for the cities cluster (2017, 2018, 2024, 2025).
 */

export type SeedOrganizationKind =
  | 'MINISTRY'
  | 'MINISTERIAL_AGENCY'
  | 'GOVERNMENT_AGENCY'
  | 'COURT'
  | 'PROCURACY'
  | 'STATE_AUDIT'
  | 'PARTY_OR_MASS_ORGANIZATION'
  | 'PROVINCE'
  | 'CENTRAL_CITY'
  | 'COMMUNE'
  | 'WARD'
  | 'SPECIAL_ZONE'
  | 'DEPARTMENT'
  | 'PUBLIC_SERVICE_UNIT'
  | 'ENTERPRISE'
  | 'OTHER'
  | 'DISTRICT'
  | 'STATE_LEADERSHIP';

export type SeedOrganizationLevel = 'CENTRAL' | 'PROVINCIAL' | 'DISTRICT' | 'COMMUNE' | 'BASE';

export interface SeedOrganization {
  /** UPPER_SNAKE ASCII, stable forever */
  code: string;
  /** full official Vietnamese name, with diacritics, NFC */
  name: string;
  /** common short name */
  shortName: string | null;
  kind: SeedOrganizationKind;
  level: SeedOrganizationLevel;
  parentCode: string | null;
  /** ISO date the unit was established, only when a source states it; null = existed before our records */
  validFrom: string | null;
  /** ISO date of the last day of existence; null = still exists */
  validTo: string | null;
  /** short citation */
  source: string;
}

export type SeedLineageKind = 'MERGE' | 'SPLIT' | 'RENAME' | 'DISSOLVE' | 'TRANSFER';

export interface SeedLineageEvent {
  kind: SeedLineageKind;
  /** ISO date the successor takes over */
  effectiveDate: string;
  legalBasis: string;
  /** ALL former units, including a unit that continues under the same code */
  predecessorCodes: string[];
  successorCodes: string[];
  note: string | null;
}

export interface SeedBlocMembership {
  organizationCode: string;
  role: 'LEAD' | 'DEPUTY' | 'MEMBER';
}

export interface SeedBloc {
  code: string;
  name: string;
  kind: 'BLOC' | 'CLUSTER';
  organizerCode: string;
  years: { year: number; members: SeedBlocMembership[]; source: string }[];
}

const SRC_176 = 'NQ 176/2025/QH15';
const SRC_202 = 'NQ 202/2025/QH15 (12/6/2025), NQ 60-NQ/TW';
const SRC_UNCHANGED = 'NQ 202/2025/QH15 (unchanged unit, 11 of 34)';
const ABSORBED = '2025-06-30';

export const REFERENCE_ORGANIZATIONS: readonly SeedOrganization[] = [
  // ── Top of the State ─────────────────────────────────────────────────────────────────────────────
  {
    code: 'CP',
    name: 'Chính phủ',
    shortName: 'Chính phủ',
    kind: 'OTHER',
    level: 'CENTRAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: 'Luật TĐKT 2022 (deciding authorities); the platform contract',
  },
  {
    code: 'CTN',
    name: 'Chủ tịch nước',
    shortName: 'Chủ tịch nước',
    kind: 'STATE_LEADERSHIP',
    level: 'CENTRAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: 'Luật TĐKT 2022 (deciding authorities); the platform contract',
  },
  {
    code: 'QH',
    name: 'Quốc hội',
    shortName: 'Quốc hội',
    kind: 'STATE_LEADERSHIP',
    level: 'CENTRAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: 'Hiến pháp 2013 (state structure); Luật TĐKT 2022 (deciding authorities)',
  },

  // ── 14 ministries from 2025-03-01 (Nghị quyết 176/2025/QH15) ─────────────────────────────────────
  {
    code: 'BQP',
    name: 'Bộ Quốc phòng',
    shortName: 'Bộ Quốc phòng',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BCA',
    name: 'Bộ Công an',
    shortName: 'Bộ Công an',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BNG',
    name: 'Bộ Ngoại giao',
    shortName: 'Bộ Ngoại giao',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BNV',
    name: 'Bộ Nội vụ',
    shortName: 'Bộ Nội vụ',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BTP',
    name: 'Bộ Tư pháp',
    shortName: 'Bộ Tư pháp',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BTC',
    name: 'Bộ Tài chính',
    shortName: 'Bộ Tài chính',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BCT',
    name: 'Bộ Công Thương',
    shortName: 'Bộ Công Thương',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BNNMT',
    name: 'Bộ Nông nghiệp và Môi trường',
    shortName: 'Bộ NN&MT',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: '2025-03-01',
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BXD',
    name: 'Bộ Xây dựng',
    shortName: 'Bộ Xây dựng',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BVHTTDL',
    name: 'Bộ Văn hóa, Thể thao và Du lịch',
    shortName: 'Bộ VHTTDL',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BKHCN',
    name: 'Bộ Khoa học và Công nghệ',
    shortName: 'Bộ KH&CN',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BGDDT',
    name: 'Bộ Giáo dục và Đào tạo',
    shortName: 'Bộ GD&ĐT',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BYT',
    name: 'Bộ Y tế',
    shortName: 'Bộ Y tế',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'BDTTG',
    name: 'Bộ Dân tộc và Tôn giáo',
    shortName: 'Bộ DT&TG',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: '2025-03-01',
    validTo: null,
    source: SRC_176,
  },

  // ── 3 ministerial-level agencies (Nghị quyết 176/2025/QH15) ──────────────────────────────────────
  {
    code: 'NHNN',
    name: 'Ngân hàng Nhà nước Việt Nam',
    shortName: 'Ngân hàng Nhà nước',
    kind: 'MINISTERIAL_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'TTCP',
    name: 'Thanh tra Chính phủ',
    shortName: 'Thanh tra Chính phủ',
    kind: 'MINISTERIAL_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'VPCP',
    name: 'Văn phòng Chính phủ',
    shortName: 'Văn phòng Chính phủ',
    kind: 'MINISTERIAL_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },

  // ── 5 government agencies (cơ quan thuộc Chính phủ, from 2025-03-01) ─────────────────────────────
  {
    code: 'VHLKHCNVN',
    name: 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam',
    shortName: 'Viện Hàn lâm KH&CN Việt Nam',
    kind: 'GOVERNMENT_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'VHLKHXHVN',
    name: 'Viện Hàn lâm Khoa học xã hội Việt Nam',
    shortName: 'Viện Hàn lâm KHXH Việt Nam',
    kind: 'GOVERNMENT_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'DTHVN',
    name: 'Đài Truyền hình Việt Nam',
    shortName: 'Đài Truyền hình Việt Nam',
    kind: 'GOVERNMENT_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'DTNVN',
    name: 'Đài Tiếng nói Việt Nam',
    shortName: 'Đài Tiếng nói Việt Nam',
    kind: 'GOVERNMENT_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },
  {
    code: 'TTXVN',
    name: 'Thông tấn xã Việt Nam',
    shortName: 'Thông tấn xã Việt Nam',
    kind: 'GOVERNMENT_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: null,
    source: SRC_176,
  },

  // ── Units dissolved by the 2025-03-01 restructuring (Nghị quyết 176/2025/QH15) ───────────────────
  {
    code: 'BKHDT',
    name: 'Bộ Kế hoạch và Đầu tư',
    shortName: 'Bộ KH&ĐT',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: '2025-02-28',
    source: SRC_176,
  },
  {
    code: 'BLDTBXH',
    name: 'Bộ Lao động – Thương binh và Xã hội',
    shortName: 'Bộ LĐ-TB&XH',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: '2025-02-28',
    source: SRC_176,
  },
  {
    code: 'BTTTT',
    name: 'Bộ Thông tin và Truyền thông',
    shortName: 'Bộ TT&TT',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: '2025-02-28',
    source: SRC_176,
  },
  {
    code: 'BGTVT',
    name: 'Bộ Giao thông vận tải',
    shortName: 'Bộ GTVT',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: '2025-02-28',
    source: SRC_176,
  },
  {
    code: 'BTNMT',
    name: 'Bộ Tài nguyên và Môi trường',
    shortName: 'Bộ TN&MT',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: '2025-02-28',
    source: SRC_176,
  },
  {
    code: 'BNNPTNT',
    name: 'Bộ Nông nghiệp và Phát triển nông thôn',
    shortName: 'Bộ NN&PTNT',
    kind: 'MINISTRY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: '2025-02-28',
    source: SRC_176,
  },
  {
    code: 'UBDT',
    name: 'Ủy ban Dân tộc',
    shortName: 'Ủy ban Dân tộc',
    kind: 'MINISTERIAL_AGENCY',
    level: 'CENTRAL',
    parentCode: 'CP',
    validFrom: null,
    validTo: '2025-02-28',
    source: SRC_176,
  },

  // ── Other central bodies ─────────────────────────────────────────────────────────────────────────
  {
    code: 'TANDTC',
    name: 'Tòa án nhân dân tối cao',
    shortName: 'TAND tối cao',
    kind: 'COURT',
    level: 'CENTRAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: 'Khối thi đua Nội chính membership; NQ 176/2025/QH15; the platform contract',
  },
  {
    code: 'VKSNDTC',
    name: 'Viện kiểm sát nhân dân tối cao',
    shortName: 'VKSND tối cao',
    kind: 'PROCURACY',
    level: 'CENTRAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: 'Khối thi đua Nội chính membership; NQ 176/2025/QH15; the platform contract',
  },
  {
    code: 'KTNN',
    name: 'Kiểm toán Nhà nước',
    shortName: 'Kiểm toán Nhà nước',
    kind: 'STATE_AUDIT',
    level: 'CENTRAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: 'Khối thi đua Nội chính membership; NQ 176/2025/QH15; the platform contract',
  },
  // Kind/parent not given by our sources: OTHER, parent null (likely under BQP since 2025 [U]); recorded as it is named, not guessed.
  {
    code: 'BQLLANG',
    name: 'Ban Quản lý Lăng Chủ tịch Hồ Chí Minh',
    shortName: 'Ban Quản lý Lăng',
    kind: 'OTHER',
    level: 'CENTRAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: 'Khối thi đua Nội chính membership (bqllang.gov.vn 2022); the platform contract',
  },
  {
    code: 'UBTWMTTQVN',
    name: 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam',
    shortName: 'Ủy ban TW MTTQ Việt Nam',
    kind: 'PARTY_OR_MASS_ORGANIZATION',
    level: 'CENTRAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: 'Khối thi đua Nội chính membership; NQ 176/2025/QH15',
  },
  {
    code: 'BTDKTTW',
    name: 'Ban Thi đua – Khen thưởng Trung ương',
    shortName: 'Ban TĐKT Trung ương',
    kind: 'DEPARTMENT',
    level: 'CENTRAL',
    parentCode: 'BNV',
    validFrom: null,
    validTo: null,
    source: 'Luật TĐKT 2022 (the Central Board under Bộ Nội vụ); the platform contract',
  },

  // ── Provincial units: the 11 unchanged on 2025-07-01 (Nghị quyết 202/2025/QH15) ──────────────────
  {
    code: 'HN',
    name: 'Thành phố Hà Nội',
    shortName: 'Hà Nội',
    kind: 'CENTRAL_CITY',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'QUAN_TAY_HO',
    name: 'Quận Tây Hồ',
    shortName: 'Tây Hồ',
    kind: 'DISTRICT',
    level: 'DISTRICT',
    parentCode: 'HN',
    validFrom: null,
    validTo: '2025-06-30',
    source:
      'UBND quận Tây Hồ, kế hoạch Hội nghị điển hình tiên tiến 2020; district level abolished 2025-07-01 (Luật Tổ chức chính quyền địa phương 2025); successor wards not recorded',
  },
  // Tỉnh Thừa Thiên Huế until 2024-12-31; centrally-run city from 2025-01-01 (NQ 175/2024/QH15); one unit, renamed, keeps its history.
  {
    code: 'HUE',
    name: 'Thành phố Huế',
    shortName: 'Huế',
    kind: 'CENTRAL_CITY',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'LAI_CHAU',
    name: 'Tỉnh Lai Châu',
    shortName: 'Lai Châu',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'DIEN_BIEN',
    name: 'Tỉnh Điện Biên',
    shortName: 'Điện Biên',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'SON_LA',
    name: 'Tỉnh Sơn La',
    shortName: 'Sơn La',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'LANG_SON',
    name: 'Tỉnh Lạng Sơn',
    shortName: 'Lạng Sơn',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'QUANG_NINH',
    name: 'Tỉnh Quảng Ninh',
    shortName: 'Quảng Ninh',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'THANH_HOA',
    name: 'Tỉnh Thanh Hóa',
    shortName: 'Thanh Hóa',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'NGHE_AN',
    name: 'Tỉnh Nghệ An',
    shortName: 'Nghệ An',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'HA_TINH',
    name: 'Tỉnh Hà Tĩnh',
    shortName: 'Hà Tĩnh',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },
  {
    code: 'CAO_BANG',
    name: 'Tỉnh Cao Bằng',
    shortName: 'Cao Bằng',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_UNCHANGED,
  },

  // ── Provincial units: the 23 merged units of 2025-07-01, each followed by the units it absorbed ──
  {
    code: 'TUYEN_QUANG',
    name: 'Tỉnh Tuyên Quang',
    shortName: 'Tuyên Quang',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'HA_GIANG',
    name: 'Tỉnh Hà Giang',
    shortName: 'Hà Giang',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'LAO_CAI',
    name: 'Tỉnh Lào Cai',
    shortName: 'Lào Cai',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'YEN_BAI',
    name: 'Tỉnh Yên Bái',
    shortName: 'Yên Bái',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'THAI_NGUYEN',
    name: 'Tỉnh Thái Nguyên',
    shortName: 'Thái Nguyên',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'BAC_KAN',
    name: 'Tỉnh Bắc Kạn',
    shortName: 'Bắc Kạn',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'PHU_THO',
    name: 'Tỉnh Phú Thọ',
    shortName: 'Phú Thọ',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'VINH_PHUC',
    name: 'Tỉnh Vĩnh Phúc',
    shortName: 'Vĩnh Phúc',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },
  {
    code: 'HOA_BINH',
    name: 'Tỉnh Hòa Bình',
    shortName: 'Hòa Bình',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'BAC_NINH',
    name: 'Tỉnh Bắc Ninh',
    shortName: 'Bắc Ninh',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'BAC_GIANG',
    name: 'Tỉnh Bắc Giang',
    shortName: 'Bắc Giang',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'HUNG_YEN',
    name: 'Tỉnh Hưng Yên',
    shortName: 'Hưng Yên',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'THAI_BINH',
    name: 'Tỉnh Thái Bình',
    shortName: 'Thái Bình',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'HP',
    name: 'Thành phố Hải Phòng',
    shortName: 'Hải Phòng',
    kind: 'CENTRAL_CITY',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'HAI_DUONG',
    name: 'Tỉnh Hải Dương',
    shortName: 'Hải Dương',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'NINH_BINH',
    name: 'Tỉnh Ninh Bình',
    shortName: 'Ninh Bình',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'HA_NAM',
    name: 'Tỉnh Hà Nam',
    shortName: 'Hà Nam',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },
  {
    code: 'NAM_DINH',
    name: 'Tỉnh Nam Định',
    shortName: 'Nam Định',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'QUANG_TRI',
    name: 'Tỉnh Quảng Trị',
    shortName: 'Quảng Trị',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'QUANG_BINH',
    name: 'Tỉnh Quảng Bình',
    shortName: 'Quảng Bình',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'DN',
    name: 'Thành phố Đà Nẵng',
    shortName: 'Đà Nẵng',
    kind: 'CENTRAL_CITY',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'QUANG_NAM',
    name: 'Tỉnh Quảng Nam',
    shortName: 'Quảng Nam',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  // [U] unverified pairing: Quảng Ngãi ← Kon Tum (the NQ 60 list excerpt we have is truncated)
  {
    code: 'QUANG_NGAI',
    name: 'Tỉnh Quảng Ngãi',
    shortName: 'Quảng Ngãi',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'KON_TUM',
    name: 'Tỉnh Kon Tum',
    shortName: 'Kon Tum',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: `${SRC_202} [U]`,
  },

  // [U] unverified pairing: Gia Lai ← Bình Định (the NQ 60 list excerpt we have is truncated)
  {
    code: 'GIA_LAI',
    name: 'Tỉnh Gia Lai',
    shortName: 'Gia Lai',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'BINH_DINH',
    name: 'Tỉnh Bình Định',
    shortName: 'Bình Định',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: `${SRC_202} [U]`,
  },

  {
    code: 'KHANH_HOA',
    name: 'Tỉnh Khánh Hòa',
    shortName: 'Khánh Hòa',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'NINH_THUAN',
    name: 'Tỉnh Ninh Thuận',
    shortName: 'Ninh Thuận',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'LAM_DONG',
    name: 'Tỉnh Lâm Đồng',
    shortName: 'Lâm Đồng',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'DAK_NONG',
    name: 'Tỉnh Đắk Nông',
    shortName: 'Đắk Nông',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },
  {
    code: 'BINH_THUAN',
    name: 'Tỉnh Bình Thuận',
    shortName: 'Bình Thuận',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'DAK_LAK',
    name: 'Tỉnh Đắk Lắk',
    shortName: 'Đắk Lắk',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'PHU_YEN',
    name: 'Tỉnh Phú Yên',
    shortName: 'Phú Yên',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'HCM',
    name: 'Thành phố Hồ Chí Minh',
    shortName: 'TP. Hồ Chí Minh',
    kind: 'CENTRAL_CITY',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'BINH_DUONG',
    name: 'Tỉnh Bình Dương',
    shortName: 'Bình Dương',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },
  {
    code: 'BA_RIA_VUNG_TAU',
    name: 'Tỉnh Bà Rịa – Vũng Tàu',
    shortName: 'Bà Rịa – Vũng Tàu',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'DONG_NAI',
    name: 'Tỉnh Đồng Nai',
    shortName: 'Đồng Nai',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'BINH_PHUOC',
    name: 'Tỉnh Bình Phước',
    shortName: 'Bình Phước',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'TAY_NINH',
    name: 'Tỉnh Tây Ninh',
    shortName: 'Tây Ninh',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'LONG_AN',
    name: 'Tỉnh Long An',
    shortName: 'Long An',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'CT',
    name: 'Thành phố Cần Thơ',
    shortName: 'Cần Thơ',
    kind: 'CENTRAL_CITY',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'SOC_TRANG',
    name: 'Tỉnh Sóc Trăng',
    shortName: 'Sóc Trăng',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },
  {
    code: 'HAU_GIANG',
    name: 'Tỉnh Hậu Giang',
    shortName: 'Hậu Giang',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'VINH_LONG',
    name: 'Tỉnh Vĩnh Long',
    shortName: 'Vĩnh Long',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'BEN_TRE',
    name: 'Tỉnh Bến Tre',
    shortName: 'Bến Tre',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },
  {
    code: 'TRA_VINH',
    name: 'Tỉnh Trà Vinh',
    shortName: 'Trà Vinh',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'DONG_THAP',
    name: 'Tỉnh Đồng Tháp',
    shortName: 'Đồng Tháp',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'TIEN_GIANG',
    name: 'Tỉnh Tiền Giang',
    shortName: 'Tiền Giang',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'CA_MAU',
    name: 'Tỉnh Cà Mau',
    shortName: 'Cà Mau',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'BAC_LIEU',
    name: 'Tỉnh Bạc Liêu',
    shortName: 'Bạc Liêu',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },

  {
    code: 'AN_GIANG',
    name: 'Tỉnh An Giang',
    shortName: 'An Giang',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: null,
    source: SRC_202,
  },
  {
    code: 'KIEN_GIANG',
    name: 'Tỉnh Kiên Giang',
    shortName: 'Kiên Giang',
    kind: 'PROVINCE',
    level: 'PROVINCIAL',
    parentCode: null,
    validFrom: null,
    validTo: ABSORBED,
    source: SRC_202,
  },
];

const LB_176 = 'Nghị quyết 176/2025/QH15';
const LB_202 = 'Nghị quyết 202/2025/QH15 (12/6/2025) về sắp xếp đơn vị hành chính cấp tỉnh';

export const REFERENCE_LINEAGE: readonly SeedLineageEvent[] = [
  // ── Central government, 2025-03-01 (Nghị quyết 176/2025/QH15) ────────────────────────────────────
  {
    kind: 'MERGE',
    effectiveDate: '2025-03-01',
    legalBasis: LB_176,
    predecessorCodes: ['BTC', 'BKHDT'],
    successorCodes: ['BTC'],
    note: 'Bộ Kế hoạch và Đầu tư hợp nhất vào Bộ Tài chính.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-03-01',
    legalBasis: LB_176,
    predecessorCodes: ['BNV', 'BLDTBXH'],
    successorCodes: ['BNV'],
    note: 'Bộ Lao động – Thương binh và Xã hội hợp nhất vào Bộ Nội vụ; một số chức năng chuyển sang Bộ Giáo dục và Đào tạo (BGDDT) và Bộ Y tế (BYT).',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-03-01',
    legalBasis: LB_176,
    predecessorCodes: ['BKHCN', 'BTTTT'],
    successorCodes: ['BKHCN'],
    note: 'Bộ Thông tin và Truyền thông hợp nhất vào Bộ Khoa học và Công nghệ; lĩnh vực báo chí chuyển sang Bộ Văn hóa, Thể thao và Du lịch (BVHTTDL).',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-03-01',
    legalBasis: LB_176,
    predecessorCodes: ['BXD', 'BGTVT'],
    successorCodes: ['BXD'],
    note: 'Bộ Giao thông vận tải hợp nhất vào Bộ Xây dựng.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-03-01',
    legalBasis: LB_176,
    predecessorCodes: ['BTNMT', 'BNNPTNT'],
    successorCodes: ['BNNMT'],
    note: 'Bộ Tài nguyên và Môi trường và Bộ Nông nghiệp và Phát triển nông thôn hợp nhất thành Bộ Nông nghiệp và Môi trường.',
  },
  {
    kind: 'RENAME',
    effectiveDate: '2025-03-01',
    legalBasis: LB_176,
    predecessorCodes: ['UBDT'],
    successorCodes: ['BDTTG'],
    note: 'Bộ Dân tộc và Tôn giáo thành lập trên cơ sở Ủy ban Dân tộc, tiếp nhận chức năng quản lý nhà nước về tín ngưỡng, tôn giáo từ Bộ Nội vụ (BNV).',
  },

  // ── Provincial units, 2025-07-01 (Nghị quyết 202/2025/QH15): 23 merges, continuing unit first ────
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['TUYEN_QUANG', 'HA_GIANG'],
    successorCodes: ['TUYEN_QUANG'],
    note: 'Tỉnh Tuyên Quang mới từ tỉnh Tuyên Quang và tỉnh Hà Giang.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['LAO_CAI', 'YEN_BAI'],
    successorCodes: ['LAO_CAI'],
    note: 'Tỉnh Lào Cai mới từ tỉnh Lào Cai và tỉnh Yên Bái.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['THAI_NGUYEN', 'BAC_KAN'],
    successorCodes: ['THAI_NGUYEN'],
    note: 'Tỉnh Thái Nguyên mới từ tỉnh Thái Nguyên và tỉnh Bắc Kạn.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['PHU_THO', 'VINH_PHUC', 'HOA_BINH'],
    successorCodes: ['PHU_THO'],
    note: 'Tỉnh Phú Thọ mới từ tỉnh Phú Thọ, tỉnh Vĩnh Phúc và tỉnh Hòa Bình.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['BAC_NINH', 'BAC_GIANG'],
    successorCodes: ['BAC_NINH'],
    note: 'Tỉnh Bắc Ninh mới từ tỉnh Bắc Ninh và tỉnh Bắc Giang.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['HUNG_YEN', 'THAI_BINH'],
    successorCodes: ['HUNG_YEN'],
    note: 'Tỉnh Hưng Yên mới từ tỉnh Hưng Yên và tỉnh Thái Bình.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['HP', 'HAI_DUONG'],
    successorCodes: ['HP'],
    note: 'Thành phố Hải Phòng mới từ thành phố Hải Phòng và tỉnh Hải Dương.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['NINH_BINH', 'HA_NAM', 'NAM_DINH'],
    successorCodes: ['NINH_BINH'],
    note: 'Tỉnh Ninh Bình mới từ tỉnh Ninh Bình, tỉnh Hà Nam và tỉnh Nam Định.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['QUANG_TRI', 'QUANG_BINH'],
    successorCodes: ['QUANG_TRI'],
    note: 'Tỉnh Quảng Trị mới từ tỉnh Quảng Trị và tỉnh Quảng Bình.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['DN', 'QUANG_NAM'],
    successorCodes: ['DN'],
    note: 'Thành phố Đà Nẵng mới từ thành phố Đà Nẵng và tỉnh Quảng Nam.',
  },
  // [U] unverified pairing (the NQ 60 list excerpt we have is truncated): Quảng Ngãi ← Kon Tum
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['QUANG_NGAI', 'KON_TUM'],
    successorCodes: ['QUANG_NGAI'],
    note: 'Tỉnh Quảng Ngãi mới từ tỉnh Quảng Ngãi và tỉnh Kon Tum (Nghị quyết 202/2025/QH15).',
  },
  // [U] unverified pairing (the NQ 60 list excerpt we have is truncated): Gia Lai ← Bình Định
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['GIA_LAI', 'BINH_DINH'],
    successorCodes: ['GIA_LAI'],
    note: 'Tỉnh Gia Lai mới từ tỉnh Gia Lai và tỉnh Bình Định (Nghị quyết 202/2025/QH15).',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['KHANH_HOA', 'NINH_THUAN'],
    successorCodes: ['KHANH_HOA'],
    note: 'Tỉnh Khánh Hòa mới từ tỉnh Khánh Hòa và tỉnh Ninh Thuận.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['LAM_DONG', 'DAK_NONG', 'BINH_THUAN'],
    successorCodes: ['LAM_DONG'],
    note: 'Tỉnh Lâm Đồng mới từ tỉnh Lâm Đồng, tỉnh Đắk Nông và tỉnh Bình Thuận.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['DAK_LAK', 'PHU_YEN'],
    successorCodes: ['DAK_LAK'],
    note: 'Tỉnh Đắk Lắk mới từ tỉnh Đắk Lắk và tỉnh Phú Yên.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['HCM', 'BINH_DUONG', 'BA_RIA_VUNG_TAU'],
    successorCodes: ['HCM'],
    note: 'Thành phố Hồ Chí Minh mới từ Thành phố Hồ Chí Minh, tỉnh Bình Dương và tỉnh Bà Rịa – Vũng Tàu.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['DONG_NAI', 'BINH_PHUOC'],
    successorCodes: ['DONG_NAI'],
    note: 'Tỉnh Đồng Nai mới từ tỉnh Đồng Nai và tỉnh Bình Phước.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['TAY_NINH', 'LONG_AN'],
    successorCodes: ['TAY_NINH'],
    note: 'Tỉnh Tây Ninh mới từ tỉnh Tây Ninh và tỉnh Long An.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['CT', 'SOC_TRANG', 'HAU_GIANG'],
    successorCodes: ['CT'],
    note: 'Thành phố Cần Thơ mới từ thành phố Cần Thơ, tỉnh Sóc Trăng và tỉnh Hậu Giang.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['VINH_LONG', 'BEN_TRE', 'TRA_VINH'],
    successorCodes: ['VINH_LONG'],
    note: 'Tỉnh Vĩnh Long mới từ tỉnh Vĩnh Long, tỉnh Bến Tre và tỉnh Trà Vinh.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['DONG_THAP', 'TIEN_GIANG'],
    successorCodes: ['DONG_THAP'],
    note: 'Tỉnh Đồng Tháp mới từ tỉnh Đồng Tháp và tỉnh Tiền Giang.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['CA_MAU', 'BAC_LIEU'],
    successorCodes: ['CA_MAU'],
    note: 'Tỉnh Cà Mau mới từ tỉnh Cà Mau và tỉnh Bạc Liêu.',
  },
  {
    kind: 'MERGE',
    effectiveDate: '2025-07-01',
    legalBasis: LB_202,
    predecessorCodes: ['AN_GIANG', 'KIEN_GIANG'],
    successorCodes: ['AN_GIANG'],
    note: 'Tỉnh An Giang mới từ tỉnh An Giang và tỉnh Kiên Giang.',
  },
];

const NOI_CHINH_MEMBER_LIST = 'members [V] (bqllang.gov.vn 2022; baovephapluat.vn)';

export const REFERENCE_BLOCS: readonly SeedBloc[] = [
  {
    code: 'NOI_CHINH_TW',
    name: 'Khối thi đua các Bộ, ngành Nội chính Trung ương',
    kind: 'BLOC',
    organizerCode: 'BTDKTTW',
    years: [
      {
        year: 2020,
        members: [
          { organizationCode: 'BTP', role: 'MEMBER' },
          { organizationCode: 'BQLLANG', role: 'MEMBER' },
          { organizationCode: 'BQP', role: 'MEMBER' },
          { organizationCode: 'BCA', role: 'LEAD' },
          { organizationCode: 'TANDTC', role: 'MEMBER' },
          { organizationCode: 'VKSNDTC', role: 'MEMBER' },
          { organizationCode: 'TTCP', role: 'MEMBER' },
          { organizationCode: 'KTNN', role: 'MEMBER' },
        ],
        source: `LEAD BCA evidenced (year-end 2020 conference 22/1/2021; the platform contract); deputy unknown; ${NOI_CHINH_MEMBER_LIST}, carried over to 2020`,
      },
      {
        year: 2021,
        members: [
          { organizationCode: 'BTP', role: 'MEMBER' },
          { organizationCode: 'BQLLANG', role: 'MEMBER' },
          { organizationCode: 'BQP', role: 'MEMBER' },
          { organizationCode: 'BCA', role: 'MEMBER' },
          { organizationCode: 'TANDTC', role: 'MEMBER' },
          { organizationCode: 'VKSNDTC', role: 'MEMBER' },
          { organizationCode: 'TTCP', role: 'MEMBER' },
          { organizationCode: 'KTNN', role: 'MEMBER' },
        ],
        source: `lead/deputy not evidenced (all MEMBER); ${NOI_CHINH_MEMBER_LIST}, carried over to 2021`,
      },
      {
        year: 2022,
        members: [
          { organizationCode: 'BTP', role: 'LEAD' },
          { organizationCode: 'BQLLANG', role: 'DEPUTY' },
          { organizationCode: 'BQP', role: 'MEMBER' },
          { organizationCode: 'BCA', role: 'MEMBER' },
          { organizationCode: 'TANDTC', role: 'MEMBER' },
          { organizationCode: 'VKSNDTC', role: 'MEMBER' },
          { organizationCode: 'TTCP', role: 'MEMBER' },
          { organizationCode: 'KTNN', role: 'MEMBER' },
        ],
        source: `LEAD BTP, DEPUTY BQLLANG evidenced (bqllang.gov.vn mid-year 2022 review; the platform contract); ${NOI_CHINH_MEMBER_LIST}`,
      },
      {
        year: 2023,
        members: [
          { organizationCode: 'BTP', role: 'MEMBER' },
          { organizationCode: 'BQLLANG', role: 'MEMBER' },
          { organizationCode: 'BQP', role: 'MEMBER' },
          { organizationCode: 'BCA', role: 'MEMBER' },
          { organizationCode: 'TANDTC', role: 'MEMBER' },
          { organizationCode: 'VKSNDTC', role: 'MEMBER' },
          { organizationCode: 'TTCP', role: 'MEMBER' },
          { organizationCode: 'KTNN', role: 'MEMBER' },
        ],
        source: `lead/deputy not evidenced (all MEMBER); ${NOI_CHINH_MEMBER_LIST}, carried over to 2023`,
      },
      {
        year: 2024,
        members: [
          { organizationCode: 'BTP', role: 'MEMBER' },
          { organizationCode: 'BQLLANG', role: 'MEMBER' },
          { organizationCode: 'BQP', role: 'MEMBER' },
          { organizationCode: 'BCA', role: 'MEMBER' },
          { organizationCode: 'TANDTC', role: 'LEAD' },
          { organizationCode: 'VKSNDTC', role: 'DEPUTY' },
          { organizationCode: 'TTCP', role: 'MEMBER' },
          { organizationCode: 'KTNN', role: 'MEMBER' },
        ],
        source: `LEAD TANDTC, DEPUTY VKSNDTC evidenced (year-end 2024 conference; the platform contract); ${NOI_CHINH_MEMBER_LIST}, carried over to 2024`,
      },
      {
        year: 2025,
        members: [
          { organizationCode: 'BTP', role: 'MEMBER' },
          { organizationCode: 'BQLLANG', role: 'MEMBER' },
          { organizationCode: 'BQP', role: 'MEMBER' },
          { organizationCode: 'BCA', role: 'MEMBER' },
          { organizationCode: 'TANDTC', role: 'MEMBER' },
          { organizationCode: 'VKSNDTC', role: 'MEMBER' },
          { organizationCode: 'TTCP', role: 'MEMBER' },
          { organizationCode: 'KTNN', role: 'MEMBER' },
        ],
        source: `lead/deputy not evidenced (all MEMBER); ${NOI_CHINH_MEMBER_LIST}, carried over to 2025 (post-merger membership unverified)`,
      },
    ],
  },
  {
    code: 'CUM_TP_TRUC_THUOC_TW',
    name: 'Cụm thi đua các thành phố trực thuộc Trung ương',
    kind: 'CLUSTER',
    organizerCode: 'BTDKTTW',
    years: [
      {
        year: 2017,
        members: [
          { organizationCode: 'HN', role: 'MEMBER' },
          { organizationCode: 'HCM', role: 'MEMBER' },
          { organizationCode: 'HP', role: 'MEMBER' },
          { organizationCode: 'DN', role: 'LEAD' },
          { organizationCode: 'CT', role: 'MEMBER' },
        ],
        source: 'LEAD DN evidenced (danang.gov.vn id=30520); deputy unknown; the 5 centrally-run cities of the time',
      },
      {
        year: 2018,
        members: [
          { organizationCode: 'HN', role: 'MEMBER' },
          { organizationCode: 'HCM', role: 'MEMBER' },
          { organizationCode: 'HP', role: 'LEAD' },
          { organizationCode: 'DN', role: 'MEMBER' },
          { organizationCode: 'CT', role: 'DEPUTY' },
        ],
        source:
          'LEAD HP, DEPUTY CT evidenced (danang.gov.vn id=30520; baodanang.vn 2018 pledge); the 5 centrally-run cities of the time',
      },
      {
        year: 2024,
        members: [
          { organizationCode: 'HN', role: 'MEMBER' },
          { organizationCode: 'HCM', role: 'MEMBER' },
          { organizationCode: 'HP', role: 'MEMBER' },
          { organizationCode: 'DN', role: 'MEMBER' },
          { organizationCode: 'CT', role: 'MEMBER' },
        ],
        source:
          'members evidenced (dantocphattrien.vietnamnet.vn; the platform contract); lead/deputy not evidenced (2024 review hosted by Cần Thơ on 22/3/2025)',
      },
      {
        year: 2025,
        members: [
          { organizationCode: 'HN', role: 'MEMBER' },
          { organizationCode: 'HCM', role: 'MEMBER' },
          { organizationCode: 'HP', role: 'MEMBER' },
          { organizationCode: 'DN', role: 'MEMBER' },
          { organizationCode: 'CT', role: 'MEMBER' },
          { organizationCode: 'HUE', role: 'MEMBER' },
        ],
        source:
          'members evidenced: the 5 cities + Huế (dantocphattrien.vietnamnet.vn; the platform contract); lead/deputy not evidenced',
      },
    ],
  },
];
