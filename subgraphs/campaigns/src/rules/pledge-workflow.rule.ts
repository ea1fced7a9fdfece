/**
 * The pledge year's state machine (giao ước thi đua of a khối, cụm): DRAFT → OPEN → SIGNED → CLOSED.
 * The bloc's lead drafts the pledge and may change it only while it is a draft; opening it for
 * signature freezes the items and the scoring scheme; the members' last signature makes it SIGNED;
 * progress and scores are reported while it is OPEN or SIGNED; the year is closed (ranked) once every
 * member has signed, and only a closed year goes to the vote on the leading unit. The Khối trưởng runs
 * the bloc's year (HD 2746/HD-BTĐKT).
 */
export type PledgeStatus = 'DRAFT' | 'OPEN' | 'SIGNED' | 'CLOSED';
export type PledgeAction =
  'UPDATE' | 'OPEN' | 'SIGN' | 'REPORT_PROGRESS' | 'SUBMIT_SCORECARD' | 'CLOSE' | 'RECORD_VOTE';

/** Which statuses allow each action, what the action is called in a refusal, and the status it leads to. */
export const PLEDGE_TRANSITIONS: Record<
  PledgeAction,
  { from: readonly PledgeStatus[]; label: string; to: PledgeStatus | null }
> = {
  // Once opened, what members sign and are scored against is frozen.
  UPDATE: { from: ['DRAFT'], label: 'sửa nội dung (đã chốt khi mở ký)', to: null },
  OPEN: { from: ['DRAFT'], label: 'mở ký', to: 'OPEN' },
  // The last member's signature moves the pledge to SIGNED (statusAfterSignature).
  SIGN: { from: ['OPEN'], label: 'ký', to: null },
  REPORT_PROGRESS: { from: ['OPEN', 'SIGNED'], label: 'báo cáo tiến độ', to: null },
  SUBMIT_SCORECARD: { from: ['OPEN', 'SIGNED'], label: 'chấm điểm', to: null },
  CLOSE: { from: ['SIGNED'], label: 'tổng kết (cần mọi thành viên đã ký)', to: 'CLOSED' },
  RECORD_VOTE: { from: ['CLOSED'], label: 'biểu quyết suy tôn (cần tổng kết trước)', to: null },
};

export const PLEDGE_STATUS_TEXT: Record<PledgeStatus, string> = {
  DRAFT: 'đang soạn',
  OPEN: 'đang mở ký',
  SIGNED: 'đã ký đủ',
  CLOSED: 'đã tổng kết',
};

export type PledgeVerdict = { allowed: true } | { allowed: false; reason: string };

/** Whether `action` may happen to the pledge of `year` now in `status`; a refusal says why, in Vietnamese. */
export function canAct(status: PledgeStatus, action: PledgeAction, year: number): PledgeVerdict {
  const rule = PLEDGE_TRANSITIONS[action];
  if (rule.from.includes(status)) return { allowed: true };
  return { allowed: false, reason: `Giao ước năm ${year} ${PLEDGE_STATUS_TEXT[status]}; không thể ${rule.label}.` };
}

export const canUpdate = (status: PledgeStatus, year: number) => canAct(status, 'UPDATE', year);
export const canOpen = (status: PledgeStatus, year: number) => canAct(status, 'OPEN', year);
export const canSign = (status: PledgeStatus, year: number) => canAct(status, 'SIGN', year);
export const canReportProgress = (status: PledgeStatus, year: number) => canAct(status, 'REPORT_PROGRESS', year);
export const canSubmitScorecard = (status: PledgeStatus, year: number) => canAct(status, 'SUBMIT_SCORECARD', year);
export const canClose = (status: PledgeStatus, year: number) => canAct(status, 'CLOSE', year);
export const canRecordVote = (status: PledgeStatus, year: number) => canAct(status, 'RECORD_VOTE', year);

/** The status after a member signs an OPEN pledge: SIGNED once every member of that year has signed. */
export function statusAfterSignature(allMembersSigned: boolean): PledgeStatus {
  return allMembersSigned ? 'SIGNED' : 'OPEN';
}

/**
 * A pledge is drafted for a year from 1945 up to the next one (signed at the start of the year, often
 * drafted in December), counted by the calendar in Việt Nam: on 1 January at 05:00 there it is already
 * the new year, while UTC is still in the old one.
 */
export function checkPledgeYear(year: number, todayInVietnam: string): string | null {
  if (!Number.isInteger(year) || year < 1945 || year > Number(todayInVietnam.slice(0, 4)) + 1)
    return `Năm ${year} không hợp lệ.`;
  return null;
}
