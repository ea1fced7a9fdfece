/**
 * Illustrative demo data (SEED_DEMO=false turns it off). Every row is marked `is_demo`; none of it
 * changes the real reference rows. Names are invented.
 */
import type { SeedOrganization } from './reference-data.js';

export const DEMO_ORGANIZATIONS: readonly SeedOrganization[] = [
  {
    code: 'DEMO_HCM_SO_NOI_VU',
    name: 'Sở Nội vụ Thành phố Hồ Chí Minh (minh họa)',
    shortName: 'Sở Nội vụ TP.HCM',
    kind: 'DEPARTMENT',
    level: 'PROVINCIAL',
    parentCode: 'HCM',
    validFrom: null,
    validTo: null,
    source: 'demo',
  },
  {
    code: 'DEMO_HCM_BAN_TDKT',
    name: 'Ban Thi đua – Khen thưởng Thành phố Hồ Chí Minh (minh họa)',
    shortName: 'Ban TĐKT TP.HCM',
    kind: 'DEPARTMENT',
    level: 'PROVINCIAL',
    parentCode: 'DEMO_HCM_SO_NOI_VU',
    validFrom: null,
    validTo: null,
    source: 'demo',
  },
  {
    code: 'DEMO_BTP_VU_TDKT',
    name: 'Vụ Thi đua – Khen thưởng, Bộ Tư pháp (minh họa)',
    shortName: 'Vụ TĐKT BTP',
    kind: 'DEPARTMENT',
    level: 'CENTRAL',
    parentCode: 'BTP',
    validFrom: null,
    validTo: null,
    source: 'demo',
  },
];

type Rating = 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED';

export interface DemoPerson {
  key: string;
  fullName: string;
  gender: 'MALE' | 'FEMALE';
  birthYear: number;
  ethnicity: string;
  organizationCode: string;
  position: string | null;
  isDirectWorker: boolean;
  ratings: { year: number; rating: Rating }[];
}

const years = (from: number, ratings: Rating[]) => ratings.map((rating, index) => ({ year: from + index, rating }));

export const DEMO_PERSONS: readonly DemoPerson[] = [
  {
    key: 'an',
    fullName: 'Nguyễn Văn An',
    gender: 'MALE',
    birthYear: 1980,
    ethnicity: 'Kinh',
    organizationCode: 'DEMO_BTP_VU_TDKT',
    position: 'Chuyên viên chính',
    isDirectWorker: false,
    ratings: years(2019, ['GOOD', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'GOOD', 'EXCELLENT']),
  },
  {
    key: 'binh',
    fullName: 'Trần Thị Bình',
    gender: 'FEMALE',
    birthYear: 1985,
    ethnicity: 'Kinh',
    organizationCode: 'DEMO_HCM_BAN_TDKT',
    position: 'Trưởng phòng',
    isDirectWorker: false,
    ratings: years(2019, ['EXCELLENT', 'EXCELLENT', 'GOOD', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT']),
  },
  {
    key: 'cuong',
    fullName: 'Lê Hoàng Cường',
    gender: 'MALE',
    birthYear: 1990,
    ethnicity: 'Kinh',
    organizationCode: 'DEMO_HCM_SO_NOI_VU',
    position: null,
    isDirectWorker: true,
    ratings: years(2021, ['COMPLETED', 'GOOD', 'GOOD', 'GOOD']),
  },
  {
    key: 'dung',
    fullName: 'Hoàng Thị Dung',
    gender: 'FEMALE',
    birthYear: 1978,
    ethnicity: 'Tày',
    organizationCode: 'DEMO_BTP_VU_TDKT',
    position: 'Phó Vụ trưởng',
    isDirectWorker: false,
    ratings: years(2018, ['EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'EXCELLENT', 'GOOD', 'EXCELLENT']),
  },
];
