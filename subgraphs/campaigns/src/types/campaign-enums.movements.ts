/**
 * Enums of movements (phong trào thi đua) and conferences (hội nghị, đại hội). Values are the plain
 * strings stored in the database (CHECK constraints in 1763800000000-movements-conferences.ts) and
 * used by the pure rules in rules/ (which repeat them as string unions, to stay framework-free).
 */
import { registerEnumType } from 'type-graphql';

/** Who launched the movement; the launching-level breakdown of form 0601.N/BNV-TĐKT (TT 02/2023/TT-BNV). */
export enum MovementLaunchLevel {
  CENTRAL_COUNCIL = 'CENTRAL_COUNCIL',
  PRIME_MINISTER = 'PRIME_MINISTER',
  MINISTRY_OR_PROVINCE = 'MINISTRY_OR_PROVINCE',
  COMMUNE = 'COMMUNE',
  UNIT = 'UNIT',
  BLOC = 'BLOC',
}
registerEnumType(MovementLaunchLevel, {
  name: 'MovementLaunchLevel',
  description: 'Cấp phát động phong trào (biểu 0601.N/BNV-TĐKT).',
  valuesConfig: {
    CENTRAL_COUNCIL: { description: 'Hội đồng Thi đua – Khen thưởng Trung ương' },
    PRIME_MINISTER: { description: 'Thủ tướng Chính phủ' },
    MINISTRY_OR_PROVINCE: { description: 'Bộ, ban, ngành, tỉnh, thành phố trực thuộc Trung ương' },
    COMMUNE: { description: 'Xã, phường, đặc khu' },
    UNIT: { description: 'Cơ quan, đơn vị' },
    BLOC: { description: 'Khối, cụm thi đua' },
  },
});

export enum MovementMethod {
  REGULAR_ANNUAL = 'REGULAR_ANNUAL',
  THEMATIC = 'THEMATIC',
  PEAK_DRIVE = 'PEAK_DRIVE',
}
registerEnumType(MovementMethod, {
  name: 'MovementMethod',
  description: 'Hình thức tổ chức phong trào.',
  valuesConfig: {
    REGULAR_ANNUAL: { description: 'Thi đua thường xuyên (hằng năm)' },
    THEMATIC: { description: 'Thi đua theo chuyên đề' },
    PEAK_DRIVE: { description: 'Thi đua theo đợt, cao điểm' },
  },
});

export enum MovementScope {
  NATIONAL = 'NATIONAL',
  MINISTRY_OR_PROVINCE = 'MINISTRY_OR_PROVINCE',
  BLOC = 'BLOC',
  UNIT = 'UNIT',
}
registerEnumType(MovementScope, {
  name: 'MovementScope',
  description: 'Phạm vi phong trào (biểu 0601.N/BNV-TĐKT).',
  valuesConfig: {
    NATIONAL: { description: 'Toàn quốc' },
    MINISTRY_OR_PROVINCE: { description: 'Bộ, ngành, tỉnh' },
    BLOC: { description: 'Khối, cụm thi đua' },
    UNIT: { description: 'Cơ quan, đơn vị' },
  },
});

/** Derived from the dates by rules/movement.rule.ts (boundaries documented there). */
export enum MovementDurationClass {
  LESS_THAN_1Y = 'LESS_THAN_1Y',
  ONE_YEAR = 'ONE_YEAR',
  ONE_TO_3Y = 'ONE_TO_3Y',
  THREE_TO_5Y = 'THREE_TO_5Y',
  FIVE_YEARS_OR_MORE = 'FIVE_YEARS_OR_MORE',
}
registerEnumType(MovementDurationClass, {
  name: 'MovementDurationClass',
  description: 'Thời gian phát động (biểu 0601.N/BNV-TĐKT).',
  valuesConfig: {
    LESS_THAN_1Y: { description: 'Dưới 1 năm' },
    ONE_YEAR: { description: 'Đúng 1 năm' },
    ONE_TO_3Y: { description: 'Trên 1 năm đến 3 năm' },
    THREE_TO_5Y: { description: 'Trên 3 năm đến dưới 5 năm' },
    FIVE_YEARS_OR_MORE: { description: 'Từ 5 năm trở lên' },
  },
});

export enum RegistrationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Trạng thái bản đăng ký thi đua.',
  valuesConfig: {
    DRAFT: { description: 'Đang soạn' },
    SUBMITTED: { description: 'Đã gửi cấp phát động' },
    APPROVED: { description: 'Đã được chấp thuận' },
    RETURNED: { description: 'Bị trả lại để bổ sung' },
  },
});

/** What the launching level decides on a submitted registration (the two ends of RegistrationStatus). */
export enum RegistrationDecision {
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}
registerEnumType(RegistrationDecision, {
  name: 'RegistrationDecision',
  description: 'Quyết định của cấp phát động đối với bản đăng ký đã gửi.',
  valuesConfig: {
    APPROVED: { description: 'Chấp thuận' },
    RETURNED: { description: 'Trả lại để bổ sung (phải ghi lý do)' },
  },
});

export enum ConferenceKind {
  EXEMPLAR_CONFERENCE = 'EXEMPLAR_CONFERENCE',
  PATRIOTIC_EMULATION_CONGRESS = 'PATRIOTIC_EMULATION_CONGRESS',
  ANNUAL_REVIEW_AND_PLEDGE_SIGNING = 'ANNUAL_REVIEW_AND_PLEDGE_SIGNING',
  HONOURING = 'HONOURING',
}
registerEnumType(ConferenceKind, {
  name: 'ConferenceKind',
  valuesConfig: {
    EXEMPLAR_CONFERENCE: { description: 'Hội nghị điển hình tiên tiến' },
    PATRIOTIC_EMULATION_CONGRESS: { description: 'Đại hội thi đua yêu nước' },
    ANNUAL_REVIEW_AND_PLEDGE_SIGNING: { description: 'Hội nghị tổng kết, phát động và ký kết giao ước thi đua' },
    HONOURING: { description: 'Hội nghị biểu dương, tôn vinh' },
  },
});

/**
 * Tier of a conference. The cascade runs base → commune → district (until 2025-06-30) → ministry or
 * province → national (brief §3); a conference feeds only a conference of a strictly higher tier.
 */
export enum ConferenceLevel {
  BASE = 'BASE',
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
  MINISTRY_OR_PROVINCE = 'MINISTRY_OR_PROVINCE',
  NATIONAL = 'NATIONAL',
}
registerEnumType(ConferenceLevel, {
  name: 'ConferenceLevel',
  valuesConfig: {
    BASE: { description: 'Cơ sở (cơ quan, đơn vị)' },
    COMMUNE: { description: 'Xã, phường, đặc khu' },
    DISTRICT: { description: 'Quận, huyện (đến 30/6/2025)' },
    MINISTRY_OR_PROVINCE: { description: 'Bộ, ban, ngành, tỉnh, thành phố' },
    NATIONAL: { description: 'Toàn quốc' },
  },
});

/**
 * Delegate categories. The exemplar share counts HERO, NATIONAL_EMULATION_FIGHTER, EMULATION_FIGHTER,
 * EXEMPLAR and GOOD_DEED (see rules/conference-composition.rule.ts for why).
 */
export enum DelegateCategory {
  HERO = 'HERO',
  NATIONAL_EMULATION_FIGHTER = 'NATIONAL_EMULATION_FIGHTER',
  EMULATION_FIGHTER = 'EMULATION_FIGHTER',
  EXEMPLAR = 'EXEMPLAR',
  GOOD_DEED = 'GOOD_DEED',
  LEADER = 'LEADER',
  COUNCIL_CHAIR = 'COUNCIL_CHAIR',
  GUEST = 'GUEST',
}
registerEnumType(DelegateCategory, {
  name: 'DelegateCategory',
  valuesConfig: {
    HERO: { description: 'Anh hùng (tập thể hoặc cá nhân) — đại biểu điển hình' },
    NATIONAL_EMULATION_FIGHTER: { description: 'Chiến sĩ thi đua toàn quốc — đại biểu điển hình' },
    EMULATION_FIGHTER: { description: 'Chiến sĩ thi đua cấp bộ, tỉnh, cơ sở — đại biểu điển hình' },
    EXEMPLAR: { description: 'Gương điển hình tiên tiến — đại biểu điển hình' },
    GOOD_DEED: { description: 'Gương người tốt, việc tốt — đại biểu điển hình' },
    LEADER: { description: 'Lãnh đạo các cấp, các ngành' },
    COUNCIL_CHAIR: { description: 'Chủ tịch Hội đồng Thi đua – Khen thưởng (trưởng đoàn)' },
    GUEST: { description: 'Khách mời' },
  },
});

/** Sector split used for the 11th national congress (brief §3): economy, defence-security, culture-society, other. */
export enum DelegateSector {
  ECONOMY = 'ECONOMY',
  DEFENCE_SECURITY = 'DEFENCE_SECURITY',
  CULTURE_SOCIETY = 'CULTURE_SOCIETY',
  OTHER = 'OTHER',
}
registerEnumType(DelegateSector, {
  name: 'DelegateSector',
  valuesConfig: {
    ECONOMY: { description: 'Kinh tế' },
    DEFENCE_SECURITY: { description: 'Quốc phòng, an ninh' },
    CULTURE_SOCIETY: { description: 'Văn hóa, xã hội, giáo dục, y tế' },
    OTHER: { description: 'Lĩnh vực khác' },
  },
});

/** Same name and values as the organizations subgraph's Gender: federation composes them as one enum. */
export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender' });

/** Facets a conference asks to keep balanced (seed 003: ngành, lĩnh vực, dân tộc, nữ, trẻ tuổi, lao động trực tiếp). */
export enum ConferenceFacet {
  SECTOR = 'SECTOR',
  GENDER = 'GENDER',
  ETHNICITY = 'ETHNICITY',
  AGE_BAND = 'AGE_BAND',
  DIRECT_WORKER = 'DIRECT_WORKER',
}
registerEnumType(ConferenceFacet, {
  name: 'ConferenceFacet',
  valuesConfig: {
    SECTOR: { description: 'Ngành, lĩnh vực' },
    GENDER: { description: 'Giới tính (đại biểu nữ)' },
    ETHNICITY: { description: 'Dân tộc' },
    AGE_BAND: { description: 'Độ tuổi (đại biểu trẻ)' },
    DIRECT_WORKER: { description: 'Người trực tiếp lao động, sản xuất, công tác' },
  },
});

export enum AgeBand {
  UP_TO_30 = 'UP_TO_30',
  FROM_31_TO_45 = 'FROM_31_TO_45',
  FROM_46_TO_60 = 'FROM_46_TO_60',
  OVER_60 = 'OVER_60',
}
registerEnumType(AgeBand, {
  name: 'AgeBand',
  description: 'Nhóm tuổi trong năm tổ chức hội nghị; đến 30 tuổi là thanh niên (Luật Thanh niên 2020, Điều 1).',
});
