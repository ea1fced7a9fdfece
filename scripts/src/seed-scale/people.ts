/**
 * One person of the scale dataset, regenerated on demand from their index alone: the persons step
 * writes them and their ratings, the awards step regenerates them to derive their titles. Nothing is
 * kept between steps, so memory does not grow with the number of persons.
 *
 * Ratings (đánh giá, xếp loại) follow a latent "performance" that persists from year to year, so the
 * shares come out near EXCELLENT 15 %, GOOD 60 %, COMPLETED 22 %, NOT_COMPLETED 3 %. Titles follow the
 * Law on Emulation and Commendation 2022 as the eligibility rules read it (rules/eligibility.rule.ts):
 * Lao động tiên tiến needs GOOD or better that year (Art 24), CSTĐ cơ sở needs LĐTT and an EXCELLENT year
 * (Art 23), CSTĐ bộ/tỉnh three consecutive CSTĐCS and a recognized initiative (Art 22), Bằng khen TTg
 * five good years after a Bằng khen bộ/tỉnh (Art 73) …
 */
import { CURRENT_YEAR, FIRST_YEAR, LAST_GRANT_YEAR } from './presets.js';
import type { PlanOrg } from './plan.js';
import { hash32, Rng, scaleUuid, TAG } from './random.js';
import { ethnicity, personName } from './names.js';
import { LEADER_POSITIONS, POSITIONS } from './vietnamese.js';

export const RATINGS = ['NOT_COMPLETED', 'COMPLETED', 'GOOD', 'EXCELLENT'] as const;
export const NO_RATING = -1;
export const NOT_COMPLETED = 0;
export const COMPLETED = 1;
export const GOOD = 2;
export const EXCELLENT = 3;

export const YEAR_COUNT = CURRENT_YEAR - FIRST_YEAR + 1;

export interface Person {
  index: number;
  id: string;
  unit: number;
  female: boolean;
  birthYear: number;
  fullName: string;
  ethnicity: string;
  position: string;
  directWorker: boolean;
  leader: boolean;
  /** First year on the payroll of the public service. */
  hireYear: number;
  /** Before 2025-07-01 people of a new commune worked in one of the communes it merged. */
  formerUnit: number;
  /** Rating per year (index year − FIRST_YEAR), NO_RATING when not employed or not yet rated. */
  ratings: Int8Array;
}

const POSITION_TABLE: Record<string, string> = {
  office: 'office',
  school: 'school',
  hospital: 'hospital',
  health_center: 'health_center',
  health_station: 'health_station',
  commune: 'commune',
  armed: 'armed',
  enterprise: 'enterprise',
  research: 'research',
  culture: 'culture',
  center: 'center',
  agriculture: 'agriculture',
  education: 'education',
  leadership: 'office',
};

export function personId(index: number): string {
  return scaleUuid(TAG.person, index);
}

/** The person with this index, working in `unit` (workflow: their unit rates the current year early). */
export function generatePerson(unit: PlanOrg, index: number, workflow: boolean): Person {
  const rng = new Rng(hash32(0x9e850, index));
  const female = rng.chance(
    unit.armed ? 0.12 : unit.flavor === 'school' || unit.flavor === 'health_station' ? 0.66 : 0.5,
  );
  // Ages 23–62 in 2026, most in their thirties and forties.
  const birthYear = 1964 + Math.floor(((rng.next() + rng.next() + rng.next()) / 3) * 39);
  const fullName = personName(rng, female);
  const ethnic = ethnicity(rng, unit.region);
  const table = POSITIONS[POSITION_TABLE[unit.flavor] ?? 'office']!;
  const position = table.values[rng.weighted(table.cumulative)]!;
  let hireYear = Math.min(CURRENT_YEAR, birthYear + 22 + rng.int(6));
  let formerUnit = -1;
  if (unit.predecessors.length > 0) formerUnit = unit.predecessors[hash32(index, 0xf0) % unit.predecessors.length]!;
  else if (unit.validFrom !== null && unit.validFrom > `${FIRST_YEAR}-01-01`)
    hireYear = Math.max(hireYear, Number(unit.validFrom.slice(0, 4)));
  const talent = rng.normal();
  const ratings = new Int8Array(YEAR_COUNT).fill(NO_RATING);
  const lastRated = workflow ? CURRENT_YEAR : LAST_GRANT_YEAR;
  for (let year = Math.max(FIRST_YEAR, hireYear); year <= lastRated; year += 1) {
    const score = 0.8 * talent + 0.6 * rng.normal();
    ratings[year - FIRST_YEAR] =
      score > 1.036 ? EXCELLENT : score > -0.643 ? GOOD : score > -1.881 ? COMPLETED : NOT_COMPLETED;
  }
  return {
    index,
    id: personId(index),
    unit: unit.index,
    female,
    birthYear,
    fullName,
    ethnicity: ethnic,
    position,
    directWorker: position === 'Công nhân',
    leader: LEADER_POSITIONS.has(position),
    hireYear,
    formerUnit,
    ratings,
  };
}

/** The unit a person belonged to in a year (their unit, or the former commune before the reform). */
export function personUnitIn(person: Person, year: number): number {
  return person.formerUnit >= 0 && year <= 2024 ? person.formerUnit : person.unit;
}

// ── Titles ────────────────────────────────────────────────────────────────────────────────────────

export type Basis = 'MERIT' | 'AD_HOC' | 'THEMATIC' | 'CAREER_CONTRIBUTION' | 'SENIORITY' | 'FOREIGN' | 'RESISTANCE';

export interface TitleDraft {
  type: string;
  year: number;
  basis: Basis;
  /** CSTĐ bộ/tỉnh and toàn quốc rest on an initiative recognized at this scope. */
  initiative: 'MINISTRY_OR_PROVINCE' | 'NATIONAL' | null;
}

const TEACHER = new Set(
  ['Giáo viên', 'Giảng viên', 'Giảng viên chính', 'Hiệu trưởng', 'Tổ trưởng chuyên môn'].map((value) =>
    value.normalize('NFC'),
  ),
);
const DOCTOR = new Set(['Bác sĩ', 'Trưởng khoa'].map((value) => value.normalize('NFC')));
const ARTIST = new Set(['Diễn viên'].map((value) => value.normalize('NFC')));

/** Rounds of the state honorary titles (Nhà giáo, Thầy thuốc, Nghệ sĩ ưu tú) in the period. */
const TEACHER_ROUNDS = new Set([2017, 2020, 2023]);
const DOCTOR_ROUNDS = new Set([2017, 2021, 2024]);
const ARTIST_ROUNDS = new Set([2016, 2019, 2023]);
const PRIZE_ROUNDS = new Set([2017, 2022]);

/**
 * The titles a person received, year by year, consistent with their ratings. Appends to `out` in
 * year order (within a year, the lower title first: LĐTT before CSTĐCS, the order decisions come in).
 */
export function personTitles(person: Person, org: PlanOrg, police: boolean, out: TitleDraft[]): void {
  const armedForces = org.armed;
  const flavor = org.flavor;
  const rng = new Rng(hash32(0x6a47, person.index));
  const basic = armedForces ? 'CHIEN_SI_TIEN_TIEN' : 'LDTT';
  let cstdRun = 0; // consecutive CSTĐCS years not yet used by a CSTĐ bộ/tỉnh
  let lastCstdBoTinh = -100;
  let lastBkBoTinh = -100;
  let goodRun = 0;
  let cstdInGoodRun = 0;
  let hadOrder = false;
  let hadKnc = false;
  let hadTeacherTitle = false;
  let hadHero = false;
  const push = (type: string, year: number, basis: Basis, initiative: TitleDraft['initiative'] = null) =>
    out.push({ type, year, basis, initiative });
  for (let year = FIRST_YEAR; year <= LAST_GRANT_YEAR; year += 1) {
    const rating = person.ratings[year - FIRST_YEAR]!;
    if (rating === NO_RATING) {
      cstdRun = 0;
      goodRun = 0;
      cstdInGoodRun = 0;
      continue;
    }
    const service = year - person.hireYear;
    const age = year - person.birthYear;
    const good = rating >= GOOD;
    goodRun = good ? goodRun + 1 : 0;
    if (!good) cstdInGoodRun = 0;

    // Lao động tiên tiến / Chiến sĩ tiên tiến (Law Art 24): GOOD or better.
    const hasBasic = rating === EXCELLENT ? rng.chance(0.96) : rating === GOOD ? rng.chance(0.4) : false;
    if (hasBasic) push(basic, year, 'MERIT');
    // Chiến sĩ thi đua cơ sở (Art 23): LĐTT and an excellent year.
    const cstd = hasBasic && rating === EXCELLENT && rng.chance(0.34);
    if (cstd) {
      push('CSTD_CO_SO', year, 'MERIT');
      cstdRun += 1;
      cstdInGoodRun += 1;
    } else {
      cstdRun = 0;
    }
    // CSTĐ bộ/tỉnh (Art 22): three consecutive CSTĐCS and an initiative of ministry/province scope.
    if (cstd && cstdRun >= 3 && rng.chance(0.55)) {
      push('CSTD_BO_TINH', year, 'MERIT', 'MINISTRY_OR_PROVINCE');
      // CSTĐ toàn quốc (Art 21): a second CSTĐ bộ/tỉnh three years after the first, national initiative.
      if (lastCstdBoTinh === year - 3 && rng.chance(0.4)) push('CSTD_TOAN_QUOC', year, 'MERIT', 'NATIONAL');
      lastCstdBoTinh = year;
      cstdRun = 0;
    }
    // Giấy khen: for results of the year, for a feat, for a campaign (COVID-19 years more often).
    if (good && rng.chance(0.035)) push('GIAY_KHEN', year, 'MERIT');
    if (rng.chance(year === 2020 || year === 2021 ? 0.03 : 0.01)) push('GIAY_KHEN', year, 'AD_HOC');
    if (rng.chance(0.008)) push('GIAY_KHEN', year, 'THEMATIC');
    // Bằng khen bộ/tỉnh (Art 74).
    if (good && rng.chance(0.011)) {
      push('BANG_KHEN_BO_TINH', year, 'MERIT');
      lastBkBoTinh = year;
    }
    if (rng.chance(0.0025)) push('BANG_KHEN_BO_TINH', year, 'THEMATIC');
    // Bằng khen Thủ tướng (Art 73(1)(b)): a Bằng khen bộ/tỉnh five years back, five good years, three CSTĐCS.
    if (lastBkBoTinh <= year - 5 && lastBkBoTinh > 0 && goodRun >= 5 && cstdInGoodRun >= 3 && rng.chance(0.5)) {
      push('BANG_KHEN_TTG', year, 'MERIT');
      lastBkBoTinh = -100;
    }
    // Orders for long careers of leaders, and for the armed forces.
    if (!hadOrder && person.leader && age >= 50 && rng.chance(armedForces ? 0.02 : 0.01)) {
      hadOrder = true;
      const roll = rng.next();
      if (armedForces)
        push(
          roll < 0.75 ? 'HC_BAO_VE_TO_QUOC_3' : roll < 0.95 ? 'HC_BAO_VE_TO_QUOC_2' : 'HC_QUAN_CONG_3',
          year,
          'CAREER_CONTRIBUTION',
        );
      else
        push(
          roll < 0.8 ? 'HC_LAO_DONG_3' : roll < 0.96 ? 'HC_LAO_DONG_2' : roll < 0.99 ? 'HC_LAO_DONG_1' : 'HC_DOC_LAP_3',
          year,
          'CAREER_CONTRIBUTION',
        );
    }
    if (armedForces && rng.chance(0.0004)) push('HC_CHIEN_CONG_3', year, 'AD_HOC');
    if (!armedForces && rng.chance(0.00002)) push('HC_DUNG_CAM', year, 'AD_HOC');
    // Seniority medals of the army and police at 15, 20 and 25 years of service.
    if (armedForces && service === 15) push('HCH_CHIEN_SI_VE_VANG_3', year, 'SENIORITY');
    if (armedForces && service === 20) push('HCH_CHIEN_SI_VE_VANG_2', year, 'SENIORITY');
    if (armedForces && service === 25) push('HCH_CHIEN_SI_VE_VANG_1', year, 'SENIORITY');
    if (armedForces && service === 25 && rng.chance(0.5))
      push(police ? 'HCH_VI_AN_NINH_TO_QUOC' : 'HCH_QUAN_KY_QUYET_THANG', year, 'SENIORITY');
    // Kỷ niệm chương: once, after twenty years of service.
    if (!hadKnc && service >= 20 && rng.chance(0.08)) {
      hadKnc = true;
      push('KY_NIEM_CHUONG', year, 'CAREER_CONTRIBUTION');
    }
    // State honorary titles in their rounds.
    if (TEACHER.has(person.position) && TEACHER_ROUNDS.has(year) && service >= 15) {
      if (!hadTeacherTitle && rng.chance(0.006)) {
        hadTeacherTitle = true;
        push('NHA_GIAO_UU_TU', year, 'CAREER_CONTRIBUTION');
      } else if (hadTeacherTitle && rng.chance(0.05)) push('NHA_GIAO_NHAN_DAN', year, 'CAREER_CONTRIBUTION');
    }
    if (DOCTOR.has(person.position) && DOCTOR_ROUNDS.has(year) && service >= 15 && rng.chance(0.008))
      push('THAY_THUOC_UU_TU', year, 'CAREER_CONTRIBUTION');
    if (ARTIST.has(person.position) && ARTIST_ROUNDS.has(year) && service >= 10 && rng.chance(0.02))
      push('NGHE_SI_UU_TU', year, 'CAREER_CONTRIBUTION');
    if (flavor === 'research' && PRIZE_ROUNDS.has(year) && service >= 10 && rng.chance(0.004))
      push('GIAI_THUONG_NHA_NUOC', year, 'MERIT');
    if (!hadHero && person.leader && rating === EXCELLENT && rng.chance(0.00004)) {
      hadHero = true;
      push(armedForces ? 'ANH_HUNG_LLVTND' : 'ANH_HUNG_LAO_DONG', year, 'MERIT');
    }
  }
}

/** Collective titles of a unit in a year (the unit existed on 31 December of that year). */
export function collectiveTitles(org: PlanOrg, year: number, rng: Rng, out: TitleDraft[]): void {
  const push = (type: string, basis: Basis = 'MERIT') => out.push({ type, year, basis, initiative: null });
  if (org.flavor === 'village') {
    if (rng.chance(0.6)) push('THON_TDP_VAN_HOA');
    return;
  }
  const armed = org.armed;
  const advanced = rng.chance(
    org.flavor === 'district' || org.flavor === 'former_commune' || org.flavor === 'commune' ? 0.45 : 0.55,
  );
  if (advanced) push(armed ? 'DON_VI_TIEN_TIEN' : 'TTLD_TIEN_TIEN');
  if (advanced && rng.chance(0.2)) push(armed ? 'DON_VI_QUYET_THANG' : 'TTLD_XUAT_SAC');
  if (org.flavor === 'former_commune' && year <= 2024 && rng.chance(0.04)) push('XA_PHUONG_THI_TRAN_TIEU_BIEU');
  if (org.flavor === 'commune' && year >= 2025 && rng.chance(0.05)) push('XA_PHUONG_DAC_KHU_TIEU_BIEU');
  if (rng.chance(0.07)) push('GIAY_KHEN');
  if (rng.chance(0.035)) push('BANG_KHEN_BO_TINH');
  if (rng.chance(0.004)) push('BANG_KHEN_TTG');
  if (rng.chance(0.0008)) push('HC_LAO_DONG_3', 'CAREER_CONTRIBUTION');
  if (rng.chance(0.0002)) push('HC_LAO_DONG_2', 'CAREER_CONTRIBUTION');
}
