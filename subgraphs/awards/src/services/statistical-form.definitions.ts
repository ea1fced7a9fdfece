// Data table: the rows and column groups of forms 0602.N/BNV-TĐKT and 0603.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV).
import type { AwardTypeDefinition } from '../catalogue/award-types.js';
import { CommendationBasis, SubjectKind } from '../types/award-type.types.js';

export const LEGAL_BASIS =
  'Thông tư 02/2023/TT-BNV ngày 23/3/2023 của Bộ Nội vụ quy định chế độ báo cáo thống kê ngành Nội vụ';

export interface CountRecord {
  awardTypeCode: string;
  subjectKind: SubjectKind;
  basis: CommendationBasis;
  total: number;
  province: number;
}

interface ColumnGroup {
  group: string;
  label: string;
  includes: (type: AwardTypeDefinition) => boolean;
  /** Columns of a group naming a single award are always shown; other groups only show awards granted. */
  always: boolean;
}

export interface FormDefinition {
  form: string;
  title: string;
  groups: ColumnGroup[];
  /** The form splits each award's column into collective and individual (0602) or not (0603). */
  splitBySubject: boolean;
  rows: RowDefinition[];
  notes: string[];
}

interface RowDefinition {
  code: string;
  label: string;
  unit: string | null;
  /** Null: the ledger has no data for this row. */
  value: ((record: CountRecord) => number) | null;
}

export const STATE_LEVEL = new Set(['PRESIDENT', 'PRIME_MINISTER']);
const single = (code: string) => (type: AwardTypeDefinition) => type.code === code;

// Bases in the order of the forms' "phương thức khen thưởng" rows.
const BASIS_ROWS: [CommendationBasis, string][] = [
  [CommendationBasis.MERIT, 'Thường xuyên'],
  [CommendationBasis.THEMATIC, 'Chuyên đề'],
  [CommendationBasis.AD_HOC, 'Đột xuất'],
  [CommendationBasis.FOREIGN, 'Đối ngoại'],
  [CommendationBasis.CAREER_CONTRIBUTION, 'Cống hiến'],
  [CommendationBasis.SENIORITY, 'Niên hạn'],
  [CommendationBasis.RESISTANCE, 'Kháng chiến'],
];

const INDIVIDUAL_DETAIL = [
  'Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên',
  'Lãnh đạo cấp vụ, sở, ngành và tương đương',
  'Doanh nhân',
  'Các cấp lãnh đạo khác từ phó phòng trở lên',
  'Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân, ...)',
];

function subjectAndBasisRows(codes: {
  collective: string;
  enterprise: string;
  household: string;
  person: string;
  detail: string[];
  bases: string[];
}): RowDefinition[] {
  return [
    {
      code: codes.collective,
      label: 'Tập thể',
      unit: 'Tập thể',
      value: (r) => (r.subjectKind === SubjectKind.COLLECTIVE ? r.total : 0),
    },
    { code: codes.enterprise, label: 'Trong đó: Doanh nghiệp', unit: 'Doanh nghiệp', value: null },
    { code: codes.household, label: 'Hộ gia đình', unit: 'Hộ', value: null },
    {
      code: codes.person,
      label: 'Cá nhân',
      unit: 'Người',
      value: (r) => (r.subjectKind === SubjectKind.PERSON ? r.total : 0),
    },
    ...INDIVIDUAL_DETAIL.map((label, index) => ({ code: codes.detail[index]!, label, unit: 'Người', value: null })),
    ...BASIS_ROWS.map(([basis, label], index) => ({
      code: codes.bases[index]!,
      label,
      unit: null,
      value: (r: CountRecord) => (r.basis === basis ? r.total : 0),
    })),
  ];
}

const COMMON_NOTES = [
  'Số lượt khen thưởng còn hiệu lực (không tính lượt đã thu hồi), theo năm thành tích ghi trong quyết định.',
  'Đơn vị báo cáo gồm mọi đơn vị trực thuộc theo cây đơn vị hiện tại; khối/cụm: các thành viên của từng năm và đơn vị trực thuộc.',
  'Dòng "Doanh nghiệp" và các dòng chi tiết cá nhân (lãnh đạo, doanh nhân, người trực tiếp lao động): sổ khen thưởng chưa ghi loại hình của tập thể và chức vụ của cá nhân tại thời điểm khen.',
  'Dòng "Hộ gia đình": sổ khen thưởng chỉ ghi nhận cá nhân và tập thể, chưa ghi nhận hộ gia đình.',
];

export const FORM_0602: FormDefinition = {
  form: '0602.N/BNV-TĐKT',
  title: 'Số lượng khen thưởng cấp Nhà nước',
  splitBySubject: true,
  groups: [
    {
      group: '2',
      label: 'Các loại huân chương, huy chương',
      includes: (t) => t.category === 'ORDER' || t.category === 'MEDAL',
      always: false,
    },
    { group: '3', label: 'Giải thưởng Hồ Chí Minh', includes: single('GIAI_THUONG_HO_CHI_MINH'), always: true },
    { group: '4', label: 'Giải thưởng Nhà nước', includes: single('GIAI_THUONG_NHA_NUOC'), always: true },
    {
      group: '5',
      label: 'Danh hiệu vinh dự Nhà nước',
      includes: (t) => t.category === 'STATE_HONORARY_TITLE',
      always: false,
    },
    { group: '6', label: 'Cờ thi đua của Chính phủ', includes: single('CO_THI_DUA_CP'), always: true },
    { group: '7', label: 'Bằng khen của Thủ tướng Chính phủ', includes: single('BANG_KHEN_TTG'), always: true },
    { group: '8', label: 'Danh hiệu "Chiến sĩ thi đua toàn quốc"', includes: single('CSTD_TOAN_QUOC'), always: true },
    {
      group: '9',
      label: 'Các hình thức khen thưởng khác',
      includes: (t) => STATE_LEVEL.has(t.decidingAuthority),
      always: false,
    },
  ],
  rows: [
    { code: '1', label: 'Tổng số', unit: null, value: (r) => r.total },
    { code: '2', label: 'Bộ, ban, ngành, đoàn thể Trung ương', unit: 'Bộ, ngành', value: (r) => r.total - r.province },
    { code: '3', label: 'Tỉnh, thành phố trực thuộc Trung ương', unit: 'Tỉnh, TP', value: (r) => r.province },
    ...subjectAndBasisRows({
      collective: '6',
      enterprise: '7',
      household: '8',
      person: '9',
      detail: ['10', '11', '12', '13', '14'],
      bases: ['15', '16', '17', '18', '19', '20', '21'],
    }),
  ],
  notes: [
    ...COMMON_NOTES,
    'Dòng 2–3 (đơn vị ban hành tờ trình): khen thưởng của đơn vị thuộc một tỉnh, thành phố trực thuộc Trung ương tính cho tỉnh, thành phố; còn lại tính cho bộ, ban, ngành, đoàn thể Trung ương.',
    'Cột: mọi hình thức do Chủ tịch nước hoặc Thủ tướng Chính phủ quyết định; mỗi hình thức một cột, tách tập thể và cá nhân.',
  ],
};

export const FORM_0603: FormDefinition = {
  form: '0603.N/BNV-TĐKT',
  title: 'Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh, thành phố trực thuộc Trung ương',
  splitBySubject: false,
  groups: [
    { group: '2', label: 'Bằng khen', includes: single('BANG_KHEN_BO_TINH'), always: true },
    { group: '3', label: 'Chiến sĩ thi đua cấp bộ, cấp tỉnh', includes: single('CSTD_BO_TINH'), always: true },
    {
      group: '4',
      label: 'Cờ thi đua của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
      includes: single('CO_THI_DUA_BO_TINH'),
      always: true,
    },
    {
      group: '5',
      label: 'Huy hiệu (kỷ niệm chương) của bộ, ban, ngành, đoàn thể Trung ương, tỉnh, thành phố trực thuộc Trung ương',
      includes: (t) => t.category === 'COMMEMORATIVE_MEDAL',
      always: true,
    },
  ],
  rows: [
    { code: '01', label: 'Tổng số', unit: null, value: (r) => r.total },
    ...subjectAndBasisRows({
      collective: '02',
      enterprise: '03',
      household: '04',
      person: '05',
      detail: ['06', '07', '08', '09', '10'],
      bases: ['11', '12', '13', '14', '15', '16', '17'],
    }),
  ],
  notes: [
    ...COMMON_NOTES,
    'Biểu 0603 không có cột cho Tập thể lao động xuất sắc, Đơn vị quyết thắng, Xã, phường tiêu biểu: các danh hiệu này không được tính ở đây.',
  ],
};
