/**
 * Vietnamese words for the scale dataset: person names with realistic frequencies, ethnic groups,
 * place names, unit names, pledge themes and items. Everything is NFC (the database checks it).
 *
 * Surname shares follow the commonly cited distribution (Nguyễn ≈ 38 %, Trần ≈ 11 %, Lê ≈ 9.5 %,
 * Phạm ≈ 7 %, …); ethnic shares follow the 2019 census (Kinh ≈ 85 %), shifted by region.
 */
import { weightedTable, type Rng, type WeightedTable } from './random.js';

const nfc = (values: readonly string[]): string[] => values.map((value) => value.normalize('NFC'));
const nfcTable = (entries: readonly (readonly [string, number])[]): WeightedTable<string> =>
  weightedTable(entries.map(([value, weight]) => [value.normalize('NFC'), weight] as const));

export const SURNAMES = nfcTable([
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 35], ['Huỳnh', 16], ['Phan', 45], ['Vũ', 24], ['Võ', 15],
  ['Đặng', 21], ['Bùi', 20], ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 5], ['Đinh', 6], ['Đào', 5], ['Trịnh', 5],
  ['Mai', 4], ['Lương', 4], ['Trương', 5], ['Cao', 3], ['Lâm', 3], ['Hà', 4], ['Chu', 2], ['Tạ', 2], ['Đoàn', 4], ['Tô', 2],
  ['Kiều', 1], ['Vương', 2], ['Thái', 2], ['Lưu', 2], ['La', 1], ['Quách', 1], ['Triệu', 1], ['Lò', 1], ['Hứa', 1], ['Mạc', 1],
]);

const MALE_MIDDLE = nfcTable([
  ['Văn', 300], ['Đức', 70], ['Minh', 90], ['Quang', 60], ['Hữu', 50], ['Công', 45], ['Thanh', 40], ['Anh', 30], ['Xuân', 30], ['Ngọc', 25],
  ['Tuấn', 20], ['Hoàng', 30], ['Mạnh', 20], ['Quốc', 35], ['Trung', 20], ['Thế', 25], ['Đình', 40], ['Bá', 15], ['Tiến', 15], ['Hải', 15],
  ['Gia', 15], ['Duy', 15], ['Trọng', 20], ['Việt', 15], ['Khắc', 8],
]);

const FEMALE_MIDDLE = nfcTable([
  ['Thị', 380], ['Ngọc', 60], ['Thu', 50], ['Thanh', 45], ['Minh', 30], ['Phương', 30], ['Hồng', 35], ['Thúy', 25], ['Kim', 30], ['Bích', 20],
  ['Mai', 15], ['Diệu', 10], ['Hoài', 12], ['Khánh', 15], ['Quỳnh', 10], ['Thùy', 20], ['Lan', 10], ['Hải', 10], ['Như', 10], ['Tuyết', 8],
  ['Bảo', 10], ['Hà', 10], ['Cẩm', 8], ['Mỹ', 10],
]);

const MALE_GIVEN = nfc([
  'An', 'Anh', 'Bảo', 'Bình', 'Cường', 'Chiến', 'Công', 'Dũng', 'Duy', 'Dương', 'Đạt', 'Đức', 'Định', 'Giang', 'Hải', 'Hiếu', 'Hiệp', 'Hòa',
  'Hoàng', 'Hùng', 'Huy', 'Hưng', 'Khánh', 'Khoa', 'Kiên', 'Lâm', 'Linh', 'Long', 'Lộc', 'Lợi', 'Luân', 'Minh', 'Nam', 'Nghĩa', 'Nhân',
  'Phong', 'Phúc', 'Phương', 'Quân', 'Quang', 'Quý', 'Sơn', 'Tài', 'Tâm', 'Tân', 'Thắng', 'Thành', 'Thịnh', 'Thuận', 'Toàn', 'Trí', 'Trung',
  'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ', 'Khang', 'Khôi', 'Nguyên', 'Phát', 'Sang', 'Thái', 'Thông', 'Tiến', 'Trọng', 'Hậu', 'Hiển', 'Kha',
]);

const FEMALE_GIVEN = nfc([
  'An', 'Anh', 'Chi', 'Dung', 'Diệp', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Huyền', 'Hương', 'Hường', 'Lan', 'Liên', 'Linh', 'Loan',
  'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Quỳnh', 'Tâm', 'Thảo', 'Thu', 'Thủy', 'Trang', 'Trinh', 'Tuyết',
  'Uyên', 'Vân', 'Xuân', 'Yến', 'Hậu', 'Huệ', 'Lệ', 'Lý', 'Minh', 'Nguyệt', 'Nhàn', 'Nhi', 'Phượng', 'Thơ', 'Thư', 'Trâm', 'Vy', 'Duyên',
]);

/** A full name, surname first, NFC. */
export function personName(rng: Rng, female: boolean): string {
  const surname = SURNAMES.values[rng.weighted(SURNAMES.cumulative)]!;
  const middleTable = female ? FEMALE_MIDDLE : MALE_MIDDLE;
  const middle = middleTable.values[rng.weighted(middleTable.cumulative)]!;
  const given = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  // About one in five has a second middle name ("Nguyễn Thị Thu Hương").
  if (rng.chance(0.2)) {
    const second = middleTable.values[rng.weighted(middleTable.cumulative)]!;
    if (second !== middle && second !== given && second !== 'Thị' && second !== 'Văn') return `${surname} ${middle} ${second} ${given}`;
  }
  return given === middle ? `${surname} ${middle}` : `${surname} ${middle} ${given}`;
}

export type EthnicRegion = 'NORTH_MOUNTAINS' | 'HIGHLANDS' | 'MEKONG' | 'LOWLANDS';

const ETHNIC: Record<EthnicRegion, WeightedTable<string>> = {
  LOWLANDS: nfcTable([['Kinh', 960], ['Mường', 12], ['Tày', 6], ['Thái', 6], ['Hoa', 8], ['Nùng', 4], ['Chăm', 2], ['Khmer', 2]]),
  NORTH_MOUNTAINS: nfcTable([['Kinh', 420], ['Tày', 150], ['Thái', 140], ['Mông', 110], ['Nùng', 70], ['Dao', 60], ['Mường', 20], ['Sán Chay', 10], ['Giáy', 8], ['Hà Nhì', 5], ['Lự', 3]]),
  HIGHLANDS: nfcTable([['Kinh', 700], ['Gia Rai', 90], ['Ê Đê', 80], ['Ba Na', 50], ['Cơ Ho', 30], ['Xơ Đăng', 20], ['Mnông', 15], ['Tày', 8], ['Nùng', 7]]),
  MEKONG: nfcTable([['Kinh', 880], ['Khmer', 100], ['Hoa', 15], ['Chăm', 5]]),
};

export function ethnicity(rng: Rng, region: EthnicRegion): string {
  const table = ETHNIC[region];
  return table.values[rng.weighted(table.cumulative)]!;
}

/** Provinces (current codes and the former units they absorbed) by ethnic region; the rest is LOWLANDS. */
export const PROVINCE_REGION: Readonly<Record<string, EthnicRegion>> = {
  LAI_CHAU: 'NORTH_MOUNTAINS', DIEN_BIEN: 'NORTH_MOUNTAINS', SON_LA: 'NORTH_MOUNTAINS', LANG_SON: 'NORTH_MOUNTAINS', CAO_BANG: 'NORTH_MOUNTAINS',
  TUYEN_QUANG: 'NORTH_MOUNTAINS', HA_GIANG: 'NORTH_MOUNTAINS', LAO_CAI: 'NORTH_MOUNTAINS', YEN_BAI: 'NORTH_MOUNTAINS', THAI_NGUYEN: 'NORTH_MOUNTAINS',
  BAC_KAN: 'NORTH_MOUNTAINS', HOA_BINH: 'NORTH_MOUNTAINS',
  GIA_LAI: 'HIGHLANDS', KON_TUM: 'HIGHLANDS', DAK_LAK: 'HIGHLANDS', DAK_NONG: 'HIGHLANDS', LAM_DONG: 'HIGHLANDS',
  CA_MAU: 'MEKONG', BAC_LIEU: 'MEKONG', CT: 'MEKONG', SOC_TRANG: 'MEKONG', HAU_GIANG: 'MEKONG', VINH_LONG: 'MEKONG', TRA_VINH: 'MEKONG',
  AN_GIANG: 'MEKONG', KIEN_GIANG: 'MEKONG', BEN_TRE: 'MEKONG', DONG_THAP: 'MEKONG', TIEN_GIANG: 'MEKONG',
};

// ── Place names ────────────────────────────────────────────────────────────────────────────────────

const PLACE_FIRST = nfc([
  'Tân', 'Bình', 'An', 'Phú', 'Hòa', 'Long', 'Thạnh', 'Phước', 'Vĩnh', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Hưng', 'Thái', 'Quang', 'Minh',
  'Thanh', 'Xuân', 'Hải', 'Sơn', 'Lâm', 'Hồng', 'Kim', 'Ngọc', 'Đức', 'Thuận', 'Yên', 'Mỹ', 'Tiên', 'Cẩm', 'Gia', 'Hiệp', 'Lộc', 'Nghĩa',
  'Quảng', 'Định', 'Phong', 'Thịnh', 'Đại', 'Hà', 'Liên', 'Tam', 'Vạn', 'Châu', 'Kiến', 'Lạc',
]);
const PLACE_SECOND = nfc([
  'An', 'Bình', 'Hòa', 'Phú', 'Lợi', 'Thành', 'Thạnh', 'Hưng', 'Long', 'Lộc', 'Mỹ', 'Sơn', 'Hải', 'Phong', 'Điền', 'Tiến', 'Thịnh', 'Xuân',
  'Quý', 'Trung', 'Đông', 'Tây', 'Nam', 'Bắc', 'Hiệp', 'Khánh', 'Châu', 'Lâm', 'Thủy', 'Vinh', 'Dương', 'Hà', 'Tân', 'Yên', 'Đức', 'Lạc',
  'Phước', 'Thuận', 'Định', 'Quang',
]);

/** `count` distinct two-syllable place names (e.g. "Tân Phú"), drawn without repeats. */
export function placeNames(rng: Rng, count: number): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const capacity = PLACE_FIRST.length * PLACE_SECOND.length;
  while (names.length < count) {
    const name = `${rng.pick(PLACE_FIRST)} ${rng.pick(PLACE_SECOND)}`;
    const [a, b] = name.split(' ');
    if (a === b) continue;
    if (seen.has(name)) {
      if (seen.size >= capacity * 0.9) names.push(`${name} ${names.length + 1}`); // only for absurd sizes
      continue;
    }
    seen.add(name);
    names.push(name);
  }
  return names;
}

/** Names of people that schools and streets carry. */
export const HONOURED_NAMES = nfc([
  'Nguyễn Du', 'Lê Quý Đôn', 'Trần Phú', 'Chu Văn An', 'Phan Bội Châu', 'Lê Hồng Phong', 'Nguyễn Trãi', 'Hùng Vương', 'Quang Trung', 'Ngô Quyền',
  'Lý Thường Kiệt', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Lê Lợi', 'Võ Thị Sáu', 'Nguyễn Thị Minh Khai', 'Phan Châu Trinh', 'Huỳnh Thúc Kháng',
  'Nguyễn Bỉnh Khiêm', 'Lương Thế Vinh', 'Nguyễn Đình Chiểu', 'Lê Thánh Tông', 'Hoàng Hoa Thám', 'Nguyễn Văn Cừ', 'Tô Hiến Thành',
  'Bùi Thị Xuân', 'Trưng Vương', 'Nguyễn Khuyến', 'Kim Đồng', 'Lê Văn Tám', 'Võ Nguyên Giáp', 'Trần Quốc Toản', 'Nguyễn Văn Trỗi',
  'Phan Đình Phùng', 'Hàm Nghi', 'Đinh Tiên Hoàng', 'Lý Tự Trọng', 'Nguyễn Viết Xuân', 'Trần Đại Nghĩa', 'Tôn Đức Thắng',
]);

// ── Units ────────────────────────────────────────────────────────────────────────────────────────

/** Departments of a ministry-level body (Vụ, Cục, Văn phòng, Thanh tra). */
export const CENTRAL_DEPARTMENTS = nfc([
  'Văn phòng', 'Thanh tra', 'Vụ Tổ chức cán bộ', 'Vụ Kế hoạch – Tài chính', 'Vụ Pháp chế', 'Vụ Hợp tác quốc tế', 'Vụ Thi đua – Khen thưởng',
  'Vụ Tổng hợp', 'Vụ Khoa học và Công nghệ', 'Cục Công nghệ thông tin', 'Cục Quản lý chất lượng', 'Cục Kiểm tra văn bản', 'Cục Quản lý hành chính',
  'Cục Phổ biến, giáo dục pháp luật', 'Vụ Chính sách', 'Vụ Giám sát', 'Cục Thống kê', 'Cục Chuyển đổi số', 'Vụ Đào tạo', 'Cục Quản lý dự án',
]);

export const CENTRAL_SERVICE_UNITS = nfc([
  'Viện Chiến lược và Chính sách', 'Trường Cán bộ quản lý', 'Tạp chí', 'Báo', 'Trung tâm Thông tin', 'Học viện', 'Trung tâm Đào tạo, bồi dưỡng',
  'Viện Khoa học', 'Trung tâm Lưu trữ', 'Nhà xuất bản', 'Bệnh viện', 'Trường Đại học', 'Trường Cao đẳng', 'Trung tâm Dịch vụ sự nghiệp công',
]);

/** Departments of a provincial People's Committee after 2025-03-01 (code suffix, name). */
export const PROVINCIAL_DEPARTMENTS: readonly (readonly [string, string, string])[] = [
  ['SO_NV', 'Sở Nội vụ', 'office'],
  ['SO_TC', 'Sở Tài chính', 'office'],
  ['SO_TP', 'Sở Tư pháp', 'office'],
  ['SO_CT', 'Sở Công Thương', 'office'],
  ['SO_NNMT', 'Sở Nông nghiệp và Môi trường', 'agriculture'],
  ['SO_XD', 'Sở Xây dựng', 'office'],
  ['SO_VHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'culture'],
  ['SO_KHCN', 'Sở Khoa học và Công nghệ', 'research'],
  ['SO_GDDT', 'Sở Giáo dục và Đào tạo', 'education'],
  ['SO_YT', 'Sở Y tế', 'health'],
  ['SO_DTTG', 'Sở Dân tộc và Tôn giáo', 'office'],
  ['SO_NG', 'Sở Ngoại vụ', 'office'],
  ['TTR', 'Thanh tra tỉnh', 'office'],
  ['VP_UBND', 'Văn phòng Ủy ban nhân dân', 'office'],
  ['VP_DBQH_HDND', 'Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân', 'office'],
  ['BQL_KCN', 'Ban Quản lý các khu công nghiệp', 'office'],
  ['DAI_PTTH', 'Đài Phát thanh và Truyền hình', 'culture'],
  ['TRUONG_CT', 'Trường Chính trị', 'education'],
  ['BQLDA_XD', 'Ban Quản lý dự án đầu tư xây dựng', 'office'],
  ['LMHTX', 'Liên minh Hợp tác xã', 'office'],
].map(([code, name, flavor]) => [code!, name!.normalize('NFC'), flavor!] as const);

/**
 * Units under a provincial department, by the department's flavour (name template, flavour).
 * `{province}` is "tỉnh Nghệ An" / "thành phố Hà Nội", `{place}` a place of the province, `{honoured}` a
 * person schools are named after.
 */
export const DEPARTMENT_UNITS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  education: [['Trường Trung học phổ thông {honoured}', 'school'], ['Trường Trung học phổ thông {place}', 'school'], ['Trường Phổ thông Dân tộc nội trú {place}', 'school'], ['Trung tâm Giáo dục thường xuyên {place}', 'school']],
  health: [['Bệnh viện Đa khoa {place}', 'hospital'], ['Bệnh viện Y học cổ truyền {province}', 'hospital'], ['Trung tâm Y tế khu vực {place}', 'hospital'], ['Trung tâm Kiểm soát bệnh tật {province}', 'health_center']],
  agriculture: [['Chi cục Kiểm lâm {province}', 'agriculture'], ['Chi cục Thủy lợi {province}', 'agriculture'], ['Trung tâm Khuyến nông {province}', 'center'], ['Ban Quản lý rừng phòng hộ {place}', 'agriculture']],
  culture: [['Thư viện {province}', 'culture'], ['Bảo tàng {province}', 'culture'], ['Trung tâm Văn hóa – Điện ảnh {province}', 'culture'], ['Nhà hát Nghệ thuật truyền thống {province}', 'culture']],
  research: [['Trung tâm Ứng dụng tiến bộ khoa học và công nghệ {province}', 'research'], ['Trung tâm Kỹ thuật tiêu chuẩn đo lường chất lượng {province}', 'research']],
  office: [['Trung tâm Phục vụ hành chính công {province}', 'center'], ['Trung tâm Dịch vụ công {place}', 'center'], ['Chi cục {place}', 'office']],
  education_college: [['Trường Cao đẳng {place}', 'education']],
};

/** State bodies, mass organizations and corporations beyond the reference ones (code, name, short name, kind, parent code, flavour). */
export const EXTRA_CENTRAL_BODIES: readonly { code: string; name: string; shortName: string; kind: string; parentCode: string | null; flavor: string }[] = [
  { code: 'TLDLDVN', name: 'Tổng Liên đoàn Lao động Việt Nam', shortName: 'Tổng LĐLĐ Việt Nam', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'TW_HLHPNVN', name: 'Trung ương Hội Liên hiệp Phụ nữ Việt Nam', shortName: 'TW Hội LHPN Việt Nam', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'TW_DOAN_TNCS_HCM', name: 'Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh', shortName: 'Trung ương Đoàn', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'TW_HND_VN', name: 'Trung ương Hội Nông dân Việt Nam', shortName: 'TW Hội Nông dân', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'TW_HCCB_VN', name: 'Trung ương Hội Cựu chiến binh Việt Nam', shortName: 'TW Hội CCB Việt Nam', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'VP_TW_DANG', name: 'Văn phòng Trung ương Đảng', shortName: 'Văn phòng TW Đảng', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'BAN_TC_TW', name: 'Ban Tổ chức Trung ương', shortName: 'Ban Tổ chức TW', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'BAN_TGDV_TW', name: 'Ban Tuyên giáo và Dân vận Trung ương', shortName: 'Ban TG&DV TW', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'BAN_NC_TW', name: 'Ban Nội chính Trung ương', shortName: 'Ban Nội chính TW', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'BAN_CSCL_TW', name: 'Ban Chính sách, chiến lược Trung ương', shortName: 'Ban CS,CL TW', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'UBKT_TW', name: 'Ủy ban Kiểm tra Trung ương', shortName: 'UBKT Trung ương', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'HVCTQG_HCM', name: 'Học viện Chính trị quốc gia Hồ Chí Minh', shortName: 'Học viện CTQG HCM', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'education' },
  { code: 'BAO_NHAN_DAN', name: 'Báo Nhân Dân', shortName: 'Báo Nhân Dân', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'culture' },
  { code: 'TAP_CHI_CONG_SAN', name: 'Tạp chí Cộng sản', shortName: 'Tạp chí Cộng sản', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'culture' },
  { code: 'VPQH', name: 'Văn phòng Quốc hội', shortName: 'Văn phòng Quốc hội', kind: 'OTHER', parentCode: 'QH', flavor: 'office' },
  { code: 'VPCTN', name: 'Văn phòng Chủ tịch nước', shortName: 'Văn phòng Chủ tịch nước', kind: 'OTHER', parentCode: 'CTN', flavor: 'office' },
  { code: 'DHQGHN', name: 'Đại học Quốc gia Hà Nội', shortName: 'ĐHQG Hà Nội', kind: 'PUBLIC_SERVICE_UNIT', parentCode: 'CP', flavor: 'education' },
  { code: 'DHQG_HCM', name: 'Đại học Quốc gia Thành phố Hồ Chí Minh', shortName: 'ĐHQG TP.HCM', kind: 'PUBLIC_SERVICE_UNIT', parentCode: 'CP', flavor: 'education' },
  { code: 'LMHTX_VN', name: 'Liên minh Hợp tác xã Việt Nam', shortName: 'Liên minh HTX Việt Nam', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'LHH_VN', name: 'Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam', shortName: 'Liên hiệp các Hội KH&KT VN', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'research' },
  { code: 'HOI_NHA_BAO_VN', name: 'Hội Nhà báo Việt Nam', shortName: 'Hội Nhà báo', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'culture' },
  { code: 'HOI_LUAT_GIA_VN', name: 'Hội Luật gia Việt Nam', shortName: 'Hội Luật gia', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'HOI_CTD_VN', name: 'Hội Chữ thập đỏ Việt Nam', shortName: 'Hội Chữ thập đỏ', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'LH_HUU_NGHI_VN', name: 'Liên hiệp các tổ chức hữu nghị Việt Nam', shortName: 'Liên hiệp các TCHN VN', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'office' },
  { code: 'HOI_NHA_VAN_VN', name: 'Hội Nhà văn Việt Nam', shortName: 'Hội Nhà văn', kind: 'PARTY_OR_MASS_ORGANIZATION', parentCode: null, flavor: 'culture' },
  { code: 'BHXH_VN', name: 'Bảo hiểm xã hội Việt Nam', shortName: 'BHXH Việt Nam', kind: 'DEPARTMENT', parentCode: 'BTC', flavor: 'office' },
  { code: 'EVN', name: 'Tập đoàn Điện lực Việt Nam', shortName: 'EVN', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'PVN', name: 'Tập đoàn Công nghiệp – Năng lượng Quốc gia Việt Nam', shortName: 'Petrovietnam', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'TKV', name: 'Tập đoàn Công nghiệp Than – Khoáng sản Việt Nam', shortName: 'TKV', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'VNPT', name: 'Tập đoàn Bưu chính Viễn thông Việt Nam', shortName: 'VNPT', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'VIETTEL', name: 'Tập đoàn Công nghiệp – Viễn thông Quân đội', shortName: 'Viettel', kind: 'ENTERPRISE', parentCode: 'BQP', flavor: 'enterprise' },
  { code: 'VINACHEM', name: 'Tập đoàn Hóa chất Việt Nam', shortName: 'Vinachem', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'VRG', name: 'Tập đoàn Công nghiệp Cao su Việt Nam', shortName: 'VRG', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'VINATEX', name: 'Tập đoàn Dệt May Việt Nam', shortName: 'Vinatex', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'VNA', name: 'Tổng công ty Hàng không Việt Nam', shortName: 'Vietnam Airlines', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'VNR', name: 'Tổng công ty Đường sắt Việt Nam', shortName: 'Đường sắt Việt Nam', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'AGRIBANK', name: 'Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam', shortName: 'Agribank', kind: 'ENTERPRISE', parentCode: 'NHNN', flavor: 'enterprise' },
  { code: 'VIMC', name: 'Tổng công ty Hàng hải Việt Nam', shortName: 'VIMC', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'VNPOST', name: 'Tổng công ty Bưu điện Việt Nam', shortName: 'Bưu điện Việt Nam', kind: 'ENTERPRISE', parentCode: 'BTC', flavor: 'enterprise' },
  { code: 'VINACOMIN_DONG_BAC', name: 'Tổng công ty Đông Bắc', shortName: 'Tổng công ty Đông Bắc', kind: 'ENTERPRISE', parentCode: 'BQP', flavor: 'enterprise' },
].map((body) => ({ ...body, name: body.name.normalize('NFC'), shortName: body.shortName.normalize('NFC') }));

/** Units of the armed forces under BQP (besides the provincial military commands). */
export const DEFENCE_UNITS = nfc([
  'Bộ Tổng Tham mưu Quân đội nhân dân Việt Nam', 'Tổng cục Chính trị Quân đội nhân dân Việt Nam', 'Quân khu 1', 'Quân khu 2', 'Quân khu 3',
  'Quân khu 4', 'Quân khu 5', 'Quân khu 7', 'Quân khu 9', 'Quân đoàn 12', 'Quân chủng Hải quân', 'Quân chủng Phòng không – Không quân',
  'Bộ đội Biên phòng', 'Cảnh sát biển Việt Nam', 'Học viện Quốc phòng', 'Bệnh viện Trung ương Quân đội 108', 'Binh chủng Công binh',
  'Binh chủng Đặc công', 'Binh chủng Thông tin liên lạc', 'Binh chủng Hóa học', 'Binh chủng Tăng thiết giáp', 'Binh chủng Pháo binh',
]);

export const POLICE_UNITS = nfc([
  'Văn phòng Bộ Công an', 'Cục Cảnh sát giao thông', 'Cục Cảnh sát hình sự', 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao',
  'Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ', 'Học viện Cảnh sát nhân dân', 'Học viện An ninh nhân dân', 'Bộ Tư lệnh Cảnh vệ',
  'Bộ Tư lệnh Cảnh sát cơ động', 'Bệnh viện 19-8', 'Cục Quản lý xuất nhập cảnh', 'Cục Cảnh sát quản lý hành chính về trật tự xã hội',
]);

// ── Positions ───────────────────────────────────────────────────────────────────────────────────

export const POSITIONS: Readonly<Record<string, WeightedTable<string>>> = {
  office: nfcTable([['Chuyên viên', 50], ['Chuyên viên chính', 20], ['Chuyên viên cao cấp', 3], ['Trưởng phòng', 7], ['Phó Trưởng phòng', 10], ['Nhân viên', 7], ['Kế toán viên', 3]]),
  school: nfcTable([['Giáo viên', 80], ['Hiệu trưởng', 2], ['Phó Hiệu trưởng', 4], ['Nhân viên', 8], ['Kế toán', 2], ['Tổ trưởng chuyên môn', 4]]),
  hospital: nfcTable([['Bác sĩ', 30], ['Điều dưỡng', 40], ['Dược sĩ', 6], ['Kỹ thuật viên', 10], ['Hộ sinh', 5], ['Trưởng khoa', 3], ['Nhân viên', 6]]),
  health_center: nfcTable([['Bác sĩ', 25], ['Y sĩ', 25], ['Điều dưỡng', 30], ['Kỹ thuật viên', 10], ['Nhân viên', 10]]),
  health_station: nfcTable([['Y sĩ', 35], ['Bác sĩ', 15], ['Điều dưỡng', 25], ['Hộ sinh', 15], ['Trưởng Trạm Y tế', 10]]),
  commune: nfcTable([['Công chức', 55], ['Chủ tịch Ủy ban nhân dân', 3], ['Phó Chủ tịch Ủy ban nhân dân', 6], ['Chỉ huy trưởng Quân sự', 3], ['Công chức Tư pháp – Hộ tịch', 8], ['Công chức Văn hóa – Xã hội', 8], ['Công chức Tài chính – Kế toán', 8], ['Công chức Địa chính', 9]]),
  armed: nfcTable([['Sĩ quan', 45], ['Hạ sĩ quan', 25], ['Chiến sĩ', 20], ['Quân nhân chuyên nghiệp', 7], ['Chỉ huy', 3]]),
  enterprise: nfcTable([['Công nhân', 55], ['Kỹ sư', 20], ['Nhân viên', 15], ['Trưởng phòng', 4], ['Quản đốc', 3], ['Phó Giám đốc', 3]]),
  research: nfcTable([['Nghiên cứu viên', 50], ['Nghiên cứu viên chính', 20], ['Kỹ thuật viên', 15], ['Trưởng phòng', 5], ['Nhân viên', 10]]),
  culture: nfcTable([['Viên chức', 40], ['Biên tập viên', 15], ['Phóng viên', 15], ['Diễn viên', 10], ['Kỹ thuật viên', 10], ['Trưởng phòng', 5], ['Nhân viên', 5]]),
  center: nfcTable([['Viên chức', 55], ['Chuyên viên', 20], ['Nhân viên', 15], ['Trưởng phòng', 5], ['Phó Giám đốc', 5]]),
  agriculture: nfcTable([['Kiểm lâm viên', 35], ['Kỹ sư', 25], ['Chuyên viên', 25], ['Nhân viên', 10], ['Trưởng phòng', 5]]),
  education: nfcTable([['Giảng viên', 60], ['Giảng viên chính', 15], ['Chuyên viên', 15], ['Nhân viên', 10]]),
};

export const LEADER_POSITIONS = new Set(
  nfc(['Trưởng phòng', 'Hiệu trưởng', 'Trưởng khoa', 'Chủ tịch Ủy ban nhân dân', 'Phó Chủ tịch Ủy ban nhân dân', 'Chỉ huy', 'Chuyên viên cao cấp', 'Phó Giám đốc', 'Quản đốc']),
);

// ── Pledges ─────────────────────────────────────────────────────────────────────────────────────

export const PLEDGE_THEMES = nfc([
  'Đoàn kết, kỷ cương, sáng tạo, hiệu quả',
  'Đoàn kết, nêu gương, kỷ cương, sáng tạo, hiệu quả',
  'Chủ động, hiệu quả, kỷ cương, linh hoạt',
  'Đoàn kết, đổi mới, sáng tạo, phát triển',
  'Kỷ cương, trách nhiệm, hành động, sáng tạo, phát triển',
  'Thi đua thực hiện thắng lợi nhiệm vụ chính trị được giao',
  'Đổi mới, sáng tạo, chuyển đổi số, nâng cao chất lượng phục vụ nhân dân',
  'Dân chủ, kỷ cương, đồng thuận, phát triển',
  'Đoàn kết, trách nhiệm, đổi mới, hiệu quả',
  'Tăng tốc, bứt phá, về đích',
]);

/** Pledge items: title, unit (or null for a qualitative item), typical target. */
export const PLEDGE_ITEMS: readonly { title: string; unit: string | null; target: number | null }[] = [
  { title: 'Hoàn thành xuất sắc các chỉ tiêu, nhiệm vụ chính trị được giao trong năm', unit: null, target: null },
  { title: 'Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn', unit: '%', target: 98 },
  { title: 'Tỷ lệ thủ tục hành chính được cung cấp trực tuyến toàn trình', unit: '%', target: 80 },
  { title: 'Chuyển đổi số, ứng dụng công nghệ thông tin trong quản lý, điều hành', unit: null, target: null },
  { title: 'Thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng, tiêu cực', unit: null, target: null },
  { title: 'Số sáng kiến, giải pháp được công nhận và áp dụng', unit: 'sáng kiến', target: 5 },
  { title: 'Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến', unit: 'điển hình', target: 10 },
  { title: 'Xây dựng tổ chức đảng, đoàn thể trong sạch, vững mạnh', unit: null, target: null },
  { title: 'Tỷ lệ cán bộ, công chức, viên chức được đào tạo, bồi dưỡng', unit: '%', target: 90 },
  { title: 'Hưởng ứng các phong trào thi đua do Thủ tướng Chính phủ phát động', unit: null, target: null },
  { title: 'Giải ngân vốn đầu tư công', unit: '%', target: 95 },
  { title: 'Tham gia các hoạt động an sinh xã hội, đền ơn đáp nghĩa', unit: 'triệu đồng', target: 200 },
].map((item) => ({ ...item, title: item.title.normalize('NFC'), unit: item.unit?.normalize('NFC') ?? null }));

export const PROGRESS_NOTES = nfc([
  'Số liệu tổng hợp từ báo cáo của các phòng, ban',
  'Đã đối chiếu với báo cáo quý',
  'Đính chính số liệu báo cáo trước',
  'Theo báo cáo sơ kết 6 tháng',
]);

export const INITIATIVE_TITLES = nfc([
  'Giải pháp nâng cao hiệu quả cải cách thủ tục hành chính tại {unit}',
  'Ứng dụng phần mềm quản lý hồ sơ điện tử tại {unit}',
  'Đổi mới phương pháp tổ chức phong trào thi đua tại {unit}',
  'Giải pháp số hóa dữ liệu và lưu trữ điện tử của {unit}',
  'Nâng cao chất lượng phục vụ người dân, doanh nghiệp tại {unit}',
  'Quy trình phối hợp liên thông trong giải quyết công việc của {unit}',
]);

export const RETURN_REASONS = nfc([
  'Hồ sơ thiếu báo cáo thành tích có xác nhận của thủ trưởng đơn vị.',
  'Đề nghị bổ sung biên bản họp Hội đồng thi đua – khen thưởng cấp cơ sở.',
  'Số liệu thành tích chưa khớp với báo cáo tổng kết năm.',
]);

export const WITHDRAW_REASONS = nfc([
  'Đơn vị rút hồ sơ để đề nghị hình thức khen thưởng phù hợp hơn.',
  'Cá nhân chuyển công tác trong thời gian xét khen thưởng.',
]);
