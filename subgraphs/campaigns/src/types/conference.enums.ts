/**
 * Enums of conferences (hội nghị, đại hội) and their delegates. Values are the plain strings stored in
 * the database (CHECK constraints in 1763800000000-movements-conferences.ts) and used by the pure rules
 * in rules/ (which repeat them as string unions, to stay framework-free).
 */
import { registerEnumType } from 'type-graphql';

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
 * province → national; a conference feeds only a conference of a strictly higher tier.
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

/** Sector split of the delegates of the 11th national patriotic emulation congress: economy, defence-security, culture-society, other. */
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

/** Facets a conference's organizing plan asks to keep balanced (ngành, lĩnh vực, dân tộc, nữ, trẻ tuổi, lao động trực tiếp). */
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
