/**
 * Pure decisions about conferences (hội nghị điển hình tiên tiến, đại hội thi đua yêu nước) and their
 * delegates: no framework, no database.
 */
import type { Validity } from './movement.rule.js';

export type ConferenceLevelValue = 'BASE' | 'COMMUNE' | 'DISTRICT' | 'MINISTRY_OR_PROVINCE' | 'NATIONAL';

export const CONFERENCE_CODE = /^[A-Z0-9][A-Z0-9_]{1,59}$/;

/** The 5-yearly cascade of congresses runs bottom-up: base → commune → district → ministry/province → national. */
export const LEVEL_RANK: Record<ConferenceLevelValue, number> = {
  BASE: 0,
  COMMUNE: 1,
  DISTRICT: 2,
  MINISTRY_OR_PROVINCE: 3,
  NATIONAL: 4,
};

/** Emulation records start with the Republic (1945); a plan reaches at most a few years ahead. */
export const FIRST_YEAR = 1945;

export interface ConferenceProblem {
  field: string;
  message: string;
}

export interface ProposedConference {
  level: ConferenceLevelValue;
  periodFrom: number;
  periodTo: number;
  heldOn: string | null;
  maxDelegates: number | null;
  minExemplarShare: number | null;
  host: Validity;
  feedsInto: { title: string; level: ConferenceLevelValue; periodFrom: number; periodTo: number } | null;
  /** Latest year a plan may name (the caller passes "now + 10"). */
  latestYear: number;
}

export function checkConference(conference: ProposedConference): ConferenceProblem[] {
  const problems: ConferenceProblem[] = [];
  const { periodFrom, periodTo } = conference;
  for (const [field, year] of [
    ['input.periodFrom', periodFrom],
    ['input.periodTo', periodTo],
  ] as const) {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > conference.latestYear) {
      problems.push({
        field,
        message: `Năm ${year} không hợp lệ: phải từ ${FIRST_YEAR} đến ${conference.latestYear}.`,
      });
    }
  }
  if (periodTo < periodFrom)
    problems.push({
      field: 'input.periodTo',
      message: `Giai đoạn ${periodFrom}–${periodTo} không hợp lệ: năm cuối trước năm đầu.`,
    });
  if (
    conference.maxDelegates !== null &&
    (!Number.isInteger(conference.maxDelegates) || conference.maxDelegates < 1 || conference.maxDelegates > 10_000)
  ) {
    problems.push({ field: 'input.maxDelegates', message: 'Số đại biểu tối đa phải là số nguyên từ 1 đến 10.000.' });
  }
  const share = conference.minExemplarShare;
  if (
    share !== null &&
    (!Number.isFinite(share) || share < 0 || share > 1 || Math.abs(share * 1000 - Math.round(share * 1000)) > 1e-9)
  ) {
    problems.push({
      field: 'input.minExemplarShare',
      message: 'Tỷ lệ đại biểu điển hình tối thiểu phải từ 0 đến 1, tối đa ba chữ số thập phân (ví dụ 0.7 là 70 %).',
    });
  }
  const { host, heldOn } = conference;
  if (heldOn !== null) {
    // A congress opening a period is held in its first year (Tây Hồ, Q2/2020 for 2020–2025) or, for base
    // units, a few months before (a base unit's plan of 10/2019 for Q1/2020); one closing it, in its last
    // year (11th national congress, 12/2025 for 2021–2025).
    const year = Number(heldOn.slice(0, 4));
    if (year < periodFrom - 1 || year > periodTo) {
      problems.push({
        field: 'input.heldOn',
        message: `Ngày tổ chức ${heldOn} nằm ngoài giai đoạn ${periodFrom}–${periodTo}.`,
      });
    }
    if ((host.validFrom !== null && host.validFrom > heldOn) || (host.validTo !== null && host.validTo < heldOn)) {
      problems.push({
        field: 'input.hostCode',
        message: `${host.name} không còn hoặc chưa hoạt động vào ngày ${heldOn}.`,
      });
    }
  }
  const target = conference.feedsInto;
  if (target) {
    if (LEVEL_RANK[target.level] <= LEVEL_RANK[conference.level]) {
      problems.push({
        field: 'input.feedsIntoCode',
        message: `"${target.title}" không ở cấp cao hơn hội nghị này; chỉ gửi đại biểu lên hội nghị, đại hội cấp trên.`,
      });
    }
    if (target.periodTo < periodFrom || target.periodFrom > periodTo) {
      problems.push({
        field: 'input.feedsIntoCode',
        message: `"${target.title}" (giai đoạn ${target.periodFrom}–${target.periodTo}) không cùng giai đoạn ${periodFrom}–${periodTo}.`,
      });
    }
  }
  return problems;
}

export interface ProposedDelegate {
  hasPerson: boolean;
  hasOrganization: boolean;
  birthYear: number | null;
  category: string;
}

/**
 * Categories only a person can hold: Chiến sĩ thi đua (every level) is an individual title (Luật TĐKT
 * 2022, Điều 19), and a council chair is a person. Anh hùng and điển hình may be collectives.
 */
const INDIVIDUAL_ONLY = new Set(['NATIONAL_EMULATION_FIGHTER', 'EMULATION_FIGHTER', 'COUNCIL_CHAIR']);

/** One delegate row: a person, or the representative of a collective, never both. */
export function checkDelegate(delegate: ProposedDelegate, path: string, referenceYear: number): ConferenceProblem[] {
  const problems: ConferenceProblem[] = [];
  if (delegate.hasPerson && delegate.hasOrganization) {
    problems.push({
      field: `${path}.organizationCode`,
      message: 'Một đại biểu là cá nhân (personId) hoặc người đại diện tập thể (organizationCode), không thể cả hai.',
    });
  }
  if (delegate.hasOrganization && INDIVIDUAL_ONLY.has(delegate.category)) {
    problems.push({
      field: `${path}.category`,
      message:
        'Chiến sĩ thi đua và Chủ tịch Hội đồng TĐKT là danh hiệu, chức danh của cá nhân, không dùng cho người đại diện tập thể.',
    });
  }
  if (
    delegate.birthYear !== null &&
    (!Number.isInteger(delegate.birthYear) || delegate.birthYear < 1900 || delegate.birthYear > referenceYear - 6)
  ) {
    problems.push({ field: `${path}.birthYear`, message: `Năm sinh ${delegate.birthYear} không hợp lệ.` });
  }
  return problems;
}
