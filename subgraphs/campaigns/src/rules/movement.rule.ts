/**
 * Pure decisions about emulation movements (phong trào thi đua): no framework, no database; plain data
 * and ISO dates in, a verdict out. Dates compare as strings (YYYY-MM-DD).
 */

export type DurationClass = 'LESS_THAN_1Y' | 'ONE_YEAR' | 'ONE_TO_3Y' | 'THREE_TO_5Y' | 'FIVE_YEARS_OR_MORE';
export type MovementScopeValue = 'NATIONAL' | 'MINISTRY_OR_PROVINCE' | 'BLOC' | 'UNIT';

/** Movement codes: like organization codes, a little longer (e.g. NOI_CHINH_TW_2021). */
export const MOVEMENT_CODE = /^[A-Z0-9][A-Z0-9_]{1,59}$/;

export function normalizeCode(value: string): string {
  return value.trim().toUpperCase();
}

function parse(iso: string): { y: number; m: number; d: number } {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return iso(date);
}

/** Same day N years later; 29 February becomes 28 February in a common year (never 1 March). */
export function addYears(isoDate: string, years: number): string {
  const { y, m, d } = parse(isoDate);
  const target = y + years;
  const lastDay = new Date(Date.UTC(target, m, 0)).getUTCDate();
  return iso(new Date(Date.UTC(target, m - 1, Math.min(d, lastDay))));
}

/**
 * The duration class of form 0601.N/BNV-TĐKT (TT 02/2023/TT-BNV: dưới 1 năm, 1 năm, 1–3 năm,
 * 3–5 năm, từ 5 năm). A movement runs from startDate to endDate inclusive, so its length is measured
 * as the day after endDate against startDate plus whole calendar years. The form does not say where
 * its boundaries fall; we choose:
 *   - LESS_THAN_1Y: shorter than one calendar year;
 *   - ONE_YEAR: exactly one calendar year (2021-01-01 … 2021-12-31, or 2020-07-01 … 2021-06-30);
 *   - ONE_TO_3Y: longer than one year, up to and including exactly three years;
 *   - THREE_TO_5Y: longer than three years, shorter than five;
 *   - FIVE_YEARS_OR_MORE: five years or longer (the form's "≥ 5 năm", e.g. a 2021–2025 movement).
 * An open-ended movement (no endDate) has no class until it ends: null.
 */
export function durationClass(startDate: string, endDate: string | null): DurationClass | null {
  if (endDate === null) return null;
  const after = addDays(endDate, 1);
  const years = (n: number) => addYears(startDate, n);
  if (after < years(1)) return 'LESS_THAN_1Y';
  if (after === years(1)) return 'ONE_YEAR';
  if (after <= years(3)) return 'ONE_TO_3Y';
  if (after < years(5)) return 'THREE_TO_5Y';
  return 'FIVE_YEARS_OR_MORE';
}

export interface MovementProblem {
  field: string;
  message: string;
}

export interface Validity {
  name: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface ProposedMovement {
  startDate: string;
  endDate: string | null;
  launchedOn: string | null;
  launcher: Validity;
  parent: { code: string; title: string; startDate: string; endDate: string | null } | null;
  scope: MovementScopeValue;
  /** The bloc named by the input (already found), or null when none was named. */
  bloc: { name: string } | null;
}

/**
 * Whether a new movement may stand: it ends after it starts, its launcher exists when it is launched
 * (a unit merged away on 2025-06-30 launches nothing afterwards: NQ 202/2025/QH15), a response to
 * a higher-level movement does not start before the movement it answers, and a BLOC-scope movement
 * names the bloc whose members it is for (and only such a movement names one).
 */
export function checkMovement(movement: ProposedMovement): MovementProblem[] {
  const problems: MovementProblem[] = [];
  if (movement.scope === 'BLOC' && !movement.bloc) {
    problems.push({
      field: 'input.blocCode',
      message:
        'Phong trào phạm vi khối, cụm thi đua (BLOC) phải ghi mã khối, cụm (blocCode) để xác định đơn vị được đăng ký.',
    });
  }
  if (movement.scope !== 'BLOC' && movement.bloc) {
    problems.push({
      field: 'input.blocCode',
      message: `Chỉ phong trào phạm vi khối, cụm thi đua (BLOC) mới ghi khối, cụm; bỏ mã khối hoặc chọn phạm vi BLOC.`,
    });
  }
  if (movement.endDate !== null && movement.endDate < movement.startDate) {
    problems.push({
      field: 'input.endDate',
      message: `Ngày kết thúc (${movement.endDate}) không được trước ngày bắt đầu (${movement.startDate}).`,
    });
  }
  if (movement.launchedOn !== null && movement.endDate !== null && movement.launchedOn > movement.endDate) {
    problems.push({
      field: 'input.launchedOn',
      message: `Ngày phát động (${movement.launchedOn}) không được sau ngày kết thúc (${movement.endDate}).`,
    });
  }
  const launchDay = movement.launchedOn ?? movement.startDate;
  const { launcher } = movement;
  if (
    (launcher.validFrom !== null && launcher.validFrom > launchDay) ||
    (launcher.validTo !== null && launcher.validTo < launchDay)
  ) {
    const when =
      launcher.validTo !== null && launcher.validTo < launchDay
        ? `đã kết thúc hoạt động ngày ${launcher.validTo}`
        : `chỉ bắt đầu hoạt động từ ${launcher.validFrom}`;
    problems.push({
      field: 'input.organizationCode',
      message: `${launcher.name} ${when}, không thể phát động phong trào ngày ${launchDay}.`,
    });
  }
  const { parent } = movement;
  if (parent) {
    if (movement.startDate < parent.startDate) {
      problems.push({
        field: 'input.parentCode',
        message: `Phong trào hưởng ứng không thể bắt đầu (${movement.startDate}) trước phong trào cấp trên "${parent.title}" (${parent.startDate}).`,
      });
    }
    if (parent.endDate !== null && movement.startDate > parent.endDate) {
      problems.push({
        field: 'input.parentCode',
        message: `Phong trào cấp trên "${parent.title}" đã kết thúc ngày ${parent.endDate}.`,
      });
    }
  }
  return problems;
}

export interface RegistrationCheck {
  movement: { title: string; scope: MovementScopeValue; startDate: string; endDate: string | null; launcherId: string };
  registrant: Validity & { id: string; ancestorIds: readonly string[] };
  today: string;
  /**
   * For a BLOC-scope movement: its bloc and the ids of the bloc's members in `year` (see
   * blocMembershipYear); null when the movement names no bloc (written before blocs were recorded).
   */
  bloc?: { name: string; year: number; memberIds: readonly string[] } | null;
}

/**
 * The year whose bloc membership decides who may register for a BLOC-scope movement: the year of the
 * registration (Việt Nam time), or the movement's first year when a unit registers before the
 * movement starts (annual movements are launched and registered for in the closing weeks of the year
 * before, e.g. NOI_CHINH_TW_2021 launched 22/1/2021 at the year-end conference). Blocs change members
 * from year to year (Huế joined CUM_TP_TRUC_THUOC_TW in 2025), so a multi-year movement takes the
 * members of the year in which the unit registers, not those of the year it was launched. A
 * registration after the movement's end is refused anyway; the year is then capped at the last year.
 */
export function blocMembershipYear(movement: { startDate: string; endDate: string | null }, today: string): number {
  const startYear = parse(movement.startDate).y;
  const endYear = movement.endDate !== null ? parse(movement.endDate).y : Number.POSITIVE_INFINITY;
  return Math.min(Math.max(parse(today).y, startYear), endYear);
}

/**
 * Whether a unit (or a person through its unit) may register for a movement. A movement of a ministry,
 * province or unit is for that launcher's own subtree; a national movement is for everyone; a bloc
 * movement is for the units that are members of its bloc in the membership year (a person registers
 * through a member unit). Registering after the movement has ended is refused: units register (đăng
 * ký thi đua) when a movement is launched and the launching level approves or returns the
 * registration (the workflow of the MISA TĐKT software that units already use).
 */
export function checkRegistration({ movement, registrant, today, bloc }: RegistrationCheck): MovementProblem[] {
  const problems: MovementProblem[] = [];
  if (movement.endDate !== null && movement.endDate < today) {
    problems.push({
      field: 'input.movementCode',
      message: `Phong trào "${movement.title}" đã kết thúc ngày ${movement.endDate}; không nhận đăng ký mới.`,
    });
  }
  if (registrant.validTo !== null && registrant.validTo < today) {
    problems.push({
      field: 'input.organizationCode',
      message: `${registrant.name} đã kết thúc hoạt động ngày ${registrant.validTo}.`,
    });
  }
  const inLauncherSubtree =
    registrant.id === movement.launcherId || registrant.ancestorIds.includes(movement.launcherId);
  if ((movement.scope === 'MINISTRY_OR_PROVINCE' || movement.scope === 'UNIT') && !inLauncherSubtree) {
    problems.push({
      field: 'input.organizationCode',
      message: `Phong trào "${movement.title}" chỉ phát động trong phạm vi đơn vị phát động; ${registrant.name} không thuộc phạm vi này.`,
    });
  }
  if (movement.scope === 'BLOC') {
    if (!bloc) {
      problems.push({
        field: 'input.movementCode',
        message: `Phong trào "${movement.title}" thuộc phạm vi khối, cụm thi đua nhưng chưa ghi khối, cụm nào; chưa thể xác định đơn vị được đăng ký.`,
      });
    } else if (!bloc.memberIds.includes(registrant.id)) {
      problems.push({
        field: 'input.organizationCode',
        message: `Phong trào "${movement.title}" chỉ dành cho thành viên ${bloc.name}; ${registrant.name} không phải thành viên của khối, cụm năm ${bloc.year}.`,
      });
    }
  }
  return problems;
}

export type ReviewDecisionValue = 'APPROVED' | 'RETURNED';

/**
 * A review decides a submitted registration: APPROVED, or RETURNED to the unit to complete it. A
 * returned registration says why, so the unit knows what to add (the reason is recorded with the
 * reviewer and the time).
 */
export function checkReview(review: { decision: ReviewDecisionValue; reason: string | null }): MovementProblem[] {
  if (review.decision === 'RETURNED' && review.reason === null) {
    return [
      {
        field: 'input.reason',
        message: 'Trả lại bản đăng ký thì phải ghi lý do, để đơn vị biết cần bổ sung, sửa đổi gì.',
      },
    ];
  }
  return [];
}
