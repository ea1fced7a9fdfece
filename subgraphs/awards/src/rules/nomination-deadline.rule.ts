/**
 * The clocks on a nomination (Luật TĐKT 2022 Art 84; QĐ 311/QĐ-BNV 2025; Nghị định 98/2023 Art 32):
 * - the Central Board, from the day it receives a file, returns an ineligible one within 5 working days
 *   and submits an eligible one to the Prime Minister within 20 working days; after the decision it
 *   forwards the decision within 10 working days (QĐ 311/QĐ-BNV 2025);
 * - submission windows (Nghị định 98/2023, Điều 32): Cờ thi đua của Chính phủ reaches Bộ Nội vụ by 30/6,
 *   CSTĐ toàn quốc by 31/12 of the year after the achievement year (năm liền kề). The education sector's
 *   31/12 window for Cờ CP and organizers' own year-end windows are not modelled [U under ND 152].
 * Days left and days late count working days for a clock in working days, calendar days for a window.
 */
import { formatDateVi } from './calendar.rule.js';
import { VIETNAM_CALENDAR, calendarDaysBetween, type WorkingCalendar } from './working-day.rule.js';
import type { RoutingLevel } from './nomination-routing.rule.js';
import type { NominationStatus } from './nomination-workflow.rule.js';

export type DeadlineKind = 'RETURN_INELIGIBLE' | 'SUBMIT_ELIGIBLE' | 'FORWARD_DECISION' | 'SUBMISSION_WINDOW';

/** The Central Board's clocks, in working days (QĐ 311/QĐ-BNV 2025). */
export const BOARD_CLOCKS: Readonly<Record<Exclude<DeadlineKind, 'SUBMISSION_WINDOW'>, number>> = {
  RETURN_INELIGIBLE: 5,
  SUBMIT_ELIGIBLE: 20,
  FORWARD_DECISION: 10,
};

export const DEADLINE_LABELS: Readonly<Record<DeadlineKind, string>> = {
  RETURN_INELIGIBLE: 'Trả lại hồ sơ không đủ điều kiện (5 ngày làm việc)',
  SUBMIT_ELIGIBLE: 'Thẩm định, trình Thủ tướng hồ sơ đủ điều kiện (20 ngày làm việc)',
  FORWARD_DECISION: 'Gửi quyết định khen thưởng (10 ngày làm việc)',
  SUBMISSION_WINDOW: 'Hạn gửi hồ sơ về Bộ Nội vụ',
};

export interface Deadline {
  kind: DeadlineKind;
  label: string;
  /** YYYY-MM-DD, the last day. */
  dueOn: string;
  countsWorkingDays: boolean;
  daysLeft: number;
  daysLate: number;
  overdue: boolean;
}

/** Submission windows for dossiers of the achievement year `year` (ND 98/2023 Art 32). */
export function submissionWindow(awardTypeCode: string, year: number): { dueOn: string } | null {
  if (awardTypeCode === 'CO_THI_DUA_CP') return { dueOn: `${year + 1}-06-30` };
  if (awardTypeCode === 'CSTD_TOAN_QUOC') return { dueOn: `${year + 1}-12-31` };
  return null;
}

function measure(
  kind: DeadlineKind,
  dueOn: string,
  today: string,
  countsWorkingDays: boolean,
  calendar: WorkingCalendar,
): Deadline {
  const late = today > dueOn;
  const span = countsWorkingDays
    ? late
      ? calendar.workingDaysBetween(dueOn, today)
      : calendar.workingDaysBetween(today, dueOn)
    : Math.abs(calendarDaysBetween(today, dueOn));
  const windowLabel = `${DEADLINE_LABELS[kind]} (${formatDateVi(dueOn)})`;
  return {
    kind,
    label: kind === 'SUBMISSION_WINDOW' ? windowLabel : DEADLINE_LABELS[kind],
    dueOn,
    countsWorkingDays,
    daysLeft: late ? 0 : span,
    daysLate: late ? span : 0,
    overdue: late,
  };
}

/** A Central Board clock of `kind` started the day the file (or the decision) reached it. */
export function boardClock(
  kind: Exclude<DeadlineKind, 'SUBMISSION_WINDOW'>,
  receivedOn: string,
  today: string,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): Deadline {
  return measure(kind, calendar.addWorkingDays(receivedOn, BOARD_CLOCKS[kind]), today, true, calendar);
}

export interface OpenNominationFacts {
  awardTypeCode: string;
  year: number;
  status: NominationStatus;
  holderLevel: RoutingLevel;
  /** The day (Việt Nam) the holder received the file. */
  receivedOn: string;
  eligible: boolean | null;
}

/**
 * The clock running on an open nomination now, or null: at the Central Board its appraisal clock (5
 * working days for an ineligible file, 20 otherwise); below it, the award's submission window; at the
 * Prime Minister's or the President's stop, none (their decision has no clock in the procedure).
 */
export function nominationDeadline(
  facts: OpenNominationFacts,
  today: string,
  calendar: WorkingCalendar = VIETNAM_CALENDAR,
): Deadline | null {
  if (!['DRAFT', 'SUBMITTED', 'RETURNED', 'COUNCIL_REVIEW', 'APPROVED'].includes(facts.status)) return null;
  if (facts.holderLevel === 'CENTRAL_BOARD')
    return boardClock(
      facts.eligible === false ? 'RETURN_INELIGIBLE' : 'SUBMIT_ELIGIBLE',
      facts.receivedOn,
      today,
      calendar,
    );
  if (facts.holderLevel === 'UNIT' || facts.holderLevel === 'MINISTRY_OR_PROVINCE') {
    const window = submissionWindow(facts.awardTypeCode, facts.year);
    return window ? measure('SUBMISSION_WINDOW', window.dueOn, today, false, calendar) : null;
  }
  return null;
}
