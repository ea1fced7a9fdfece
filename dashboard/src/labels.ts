/**
 * Vietnamese names of the schema's enumerations and codes, as the officers say them. A value the
 * dashboard has no name for is never printed as its code (an officer cannot read "LAW_2022+…" or
 * "SUBMITTED"): it shows a neutral phrase, and the console says which value to add here.
 */

type Labels = Record<string, string>;

/** What an unknown value reads as on screen. */
export const UNNAMED = 'chưa có tên gọi';

const reported = new Set<string>();

export function label(labels: Labels, value: string | null | undefined, fallback = UNNAMED): string {
  if (value === null || value === undefined) return '—';
  const known = labels[value];
  if (known !== undefined) return known;
  if (!reported.has(value)) {
    reported.add(value);
    console.warn(`labels.ts: no Vietnamese label for "${value}"`);
  }
  return fallback;
}

export const CALLER_ROLE: Labels = {
  VIEWER: 'Cán bộ (chỉ xem)',
  ORG_OFFICER: 'Cán bộ thi đua – khen thưởng',
  CENTRAL_BOARD: 'Ban Thi đua – Khen thưởng Trung ương',
};

/** What each role may see, in one sentence (the contract's roles, said as an officer would). */
export const ROLE_SCOPE: Labels = {
  PUBLIC:
    'Khách (chưa đăng nhập) xem được dữ liệu công khai: đơn vị, khối, cụm và thành viên, giao ước và chữ ký, xếp hạng, quyết định khen thưởng.',
  VIEWER:
    'Cán bộ (chỉ xem) xem được dữ liệu công khai và dữ liệu không công khai của đơn vị mình cùng các đơn vị trực thuộc.',
  ORG_OFFICER:
    'Cán bộ thi đua – khen thưởng xem được dữ liệu công khai và dữ liệu không công khai của đơn vị mình cùng các đơn vị trực thuộc, và thao tác cho các đơn vị đó.',
  CENTRAL_BOARD: 'Ban Thi đua – Khen thưởng Trung ương xem được mọi dữ liệu.',
};

/**
 * Rule sets of the awards subgraph: the legal texts an eligibility verdict applies, cited as an officer
 * cites them.
 */
export const RULESET: Labels = {
  LAW_2003: 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013) và các nghị định hướng dẫn',
  'LAW_2022+ND_98_2023': 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
  'LAW_2022+ND_152_2025': 'Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP',
};

/** Fields of the schema, named for an officer when one is missing (a service down, or not allowed). */
export const FIELD: Labels = {
  progress: 'tiến độ thực hiện',
  scorecards: 'phiếu chấm điểm',
  votes: 'biểu quyết suy tôn',
  blocVotes: 'biểu quyết suy tôn',
  ranking: 'xếp hạng',
  signatures: 'chữ ký giao ước',
  pledge: 'giao ước',
  pledges: 'giao ước',
  pledgeSignatures: 'giao ước đã ký',
  grants: 'khen thưởng',
  annualRatings: 'kết quả xếp loại hằng năm',
  isDirectWorker: 'công nhân, người lao động trực tiếp',
  progressHistory: 'lịch sử báo cáo tiến độ',
  nomination: 'hồ sơ đề nghị khen thưởng',
  nominations: 'hồ sơ đề nghị khen thưởng',
  eligibility: 'điều kiện khen thưởng',
  notes: 'điều kiện khen thưởng',
  awardStatistics: 'thống kê khen thưởng',
  inYear: 'thống kê khen thưởng',
  overYears: 'thống kê khen thưởng',
  statisticalForm0602: 'biểu thống kê khen thưởng',
  statisticalForm0603: 'biểu thống kê khen thưởng',
  statisticalForm0601: 'biểu thống kê phong trào',
  blocPledgeSummaries: 'tổng hợp giao ước',
  averageProgress: 'tiến độ thực hiện',
  completionRate: 'tiến độ thực hiện',
  members: 'thành viên',
  blocMemberships: 'khối, cụm thi đua',
  movementsLaunched: 'phong trào đã phát động',
  conferencesHosted: 'hội nghị đã tổ chức',
  delegates: 'danh sách đại biểu',
  compositionReport: 'kiểm tra cơ cấu đại biểu',
  gender: 'giới tính',
  birthYear: 'năm sinh',
  ethnicity: 'dân tộc',
  position: 'chức vụ',
  persons: 'cá nhân',
  person: 'cá nhân',
  organization: 'đơn vị',
  leadingUnit: 'đơn vị dẫn đầu',
};

export const BLOC_KIND: Labels = { BLOC: 'Khối thi đua', CLUSTER: 'Cụm thi đua' };

export function memberRole(role: string, blocKind: string | null | undefined): string {
  const cluster = blocKind === 'CLUSTER';
  if (role === 'LEAD') return cluster ? 'Cụm trưởng' : 'Khối trưởng';
  if (role === 'DEPUTY') return cluster ? 'Cụm phó' : 'Khối phó';
  return 'Thành viên';
}

export const PLEDGE_STATUS: Labels = {
  DRAFT: 'Đang soạn',
  OPEN: 'Đang mở ký',
  SIGNED: 'Đã ký đủ',
  CLOSED: 'Đã tổng kết',
};

export const SCORECARD_STAGE: Labels = { SELF: 'Tự chấm', CROSS: 'Chấm chéo', VERIFIED: 'Thẩm định' };

export const ORGANIZATION_KIND: Labels = {
  MINISTRY: 'Bộ',
  MINISTERIAL_AGENCY: 'Cơ quan ngang bộ',
  GOVERNMENT_AGENCY: 'Cơ quan thuộc Chính phủ',
  COURT: 'Tòa án nhân dân',
  PROCURACY: 'Viện kiểm sát nhân dân',
  STATE_AUDIT: 'Kiểm toán Nhà nước',
  PARTY_OR_MASS_ORGANIZATION: 'Cơ quan Đảng, Mặt trận, đoàn thể',
  PROVINCE: 'Tỉnh',
  CENTRAL_CITY: 'Thành phố trực thuộc Trung ương',
  COMMUNE: 'Xã',
  WARD: 'Phường',
  SPECIAL_ZONE: 'Đặc khu',
  DEPARTMENT: 'Vụ, cục, sở, ban, phòng',
  PUBLIC_SERVICE_UNIT: 'Đơn vị sự nghiệp công lập',
  ENTERPRISE: 'Doanh nghiệp',
  DISTRICT: 'Quận, huyện, thị xã (đến 30/6/2025)',
  STATE_LEADERSHIP: 'Chủ tịch nước, Quốc hội',
  OTHER: 'Khác',
};

export const ORGANIZATION_LEVEL: Labels = {
  CENTRAL: 'Trung ương',
  PROVINCIAL: 'Cấp tỉnh',
  DISTRICT: 'Cấp huyện (đến 30/6/2025)',
  COMMUNE: 'Cấp xã',
  BASE: 'Cơ sở',
};

export const LINEAGE_KIND: Labels = {
  MERGE: 'Sáp nhập',
  SPLIT: 'Chia tách',
  RENAME: 'Đổi tên',
  DISSOLVE: 'Giải thể',
  TRANSFER: 'Chuyển giao',
};

export const MOVEMENT_LAUNCH_LEVEL: Labels = {
  CENTRAL_COUNCIL: 'Hội đồng TĐKT Trung ương',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  MINISTRY_OR_PROVINCE: 'Bộ, ngành, tỉnh',
  COMMUNE: 'Xã, phường, đặc khu',
  UNIT: 'Cơ quan, đơn vị',
  BLOC: 'Khối, cụm thi đua',
};

export const MOVEMENT_SCOPE: Labels = {
  NATIONAL: 'Toàn quốc',
  MINISTRY_OR_PROVINCE: 'Bộ, ngành, tỉnh',
  BLOC: 'Khối, cụm thi đua',
  UNIT: 'Cơ quan, đơn vị',
};

export const ANNUAL_RATING: Labels = {
  EXCELLENT: 'Hoàn thành xuất sắc nhiệm vụ',
  GOOD: 'Hoàn thành tốt nhiệm vụ',
  COMPLETED: 'Hoàn thành nhiệm vụ',
  NOT_COMPLETED: 'Không hoàn thành nhiệm vụ',
};

export const GENDER: Labels = { MALE: 'Nam', FEMALE: 'Nữ', UNKNOWN: 'Chưa ghi' };

export const SUBJECT_KIND: Labels = { PERSON: 'Cá nhân', COLLECTIVE: 'Tập thể', HOUSEHOLD: 'Hộ gia đình' };

export const COMMENDATION_BASIS: Labels = {
  MERIT: 'Công trạng',
  AD_HOC: 'Đột xuất',
  THEMATIC: 'Theo phong trào, chuyên đề',
  CAREER_CONTRIBUTION: 'Cống hiến',
  SENIORITY: 'Niên hạn',
  FOREIGN: 'Đối ngoại',
  RESISTANCE: 'Kháng chiến',
};

export const AWARD_CATEGORY: Labels = {
  EMULATION_TITLE: 'Danh hiệu thi đua',
  ORDER: 'Huân chương',
  MEDAL: 'Huy chương',
  STATE_HONORARY_TITLE: 'Danh hiệu vinh dự Nhà nước',
  STATE_PRIZE: 'Giải thưởng',
  COMMEMORATIVE_MEDAL: 'Kỷ niệm chương',
  CERTIFICATE_OF_MERIT: 'Bằng khen',
  CERTIFICATE_OF_COMMENDATION: 'Giấy khen',
};

export const CONFERENCE_KIND: Labels = {
  EXEMPLAR_CONFERENCE: 'Hội nghị điển hình tiên tiến',
  PATRIOTIC_EMULATION_CONGRESS: 'Đại hội thi đua yêu nước',
  ANNUAL_REVIEW_AND_PLEDGE_SIGNING: 'Hội nghị tổng kết, ký giao ước thi đua',
  HONOURING: 'Hội nghị biểu dương, tôn vinh',
};

export const CONFERENCE_LEVEL: Labels = {
  BASE: 'Cơ sở',
  COMMUNE: 'Xã, phường, đặc khu',
  DISTRICT: 'Quận, huyện',
  MINISTRY_OR_PROVINCE: 'Bộ, ngành, tỉnh, thành phố',
  NATIONAL: 'Toàn quốc',
};

export const DELEGATE_CATEGORY: Labels = {
  HERO: 'Anh hùng',
  NATIONAL_EMULATION_FIGHTER: 'Chiến sĩ thi đua toàn quốc',
  EMULATION_FIGHTER: 'Chiến sĩ thi đua',
  EXEMPLAR: 'Gương điển hình tiên tiến',
  GOOD_DEED: 'Gương người tốt, việc tốt',
  LEADER: 'Lãnh đạo các cấp, các ngành',
  COUNCIL_CHAIR: 'Chủ tịch Hội đồng TĐKT',
  GUEST: 'Khách mời',
};

export const DELEGATE_SECTOR: Labels = {
  ECONOMY: 'Kinh tế',
  DEFENCE_SECURITY: 'Quốc phòng, an ninh',
  CULTURE_SOCIETY: 'Văn hóa, xã hội',
  OTHER: 'Lĩnh vực khác',
};

export const CONFERENCE_FACET: Labels = {
  SECTOR: 'Ngành, lĩnh vực',
  GENDER: 'Giới tính',
  ETHNICITY: 'Dân tộc',
  AGE_BAND: 'Độ tuổi',
  DIRECT_WORKER: 'Người trực tiếp lao động, sản xuất',
};

export const COMPOSITION_RULE: Labels = {
  MAX_DELEGATES: 'Số đại biểu tối đa',
  MIN_EXEMPLAR_SHARE: 'Tỷ lệ đại biểu điển hình tiên tiến tối thiểu',
};

/** What each subgraph holds, to say which part of a page is missing when one is down. */
export const SERVICE: Labels = {
  organizations: 'về đơn vị, khối, cụm và cá nhân',
  campaigns: 'về phong trào, giao ước và hội nghị',
  awards: 'về khen thưởng và điều kiện khen thưởng',
};
