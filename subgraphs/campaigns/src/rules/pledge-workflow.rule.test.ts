/**
 * The pledge year's state machine, action by action and status by status. Each row: the action, the
 * statuses that allow it, and the refusal an officer reads otherwise (the Khối trưởng runs the bloc's
 * year, HD 2746/HD-BTĐKT; items and scheme are frozen once the pledge is opened for signature).
 */
import {
  canAct,
  checkPledgeYear,
  statusAfterSignature,
  type PledgeAction,
  type PledgeStatus,
} from './pledge-workflow.rule';

const STATUSES: PledgeStatus[] = ['DRAFT', 'OPEN', 'SIGNED', 'CLOSED'];

const ROWS: [PledgeAction, PledgeStatus[], string][] = [
  ['UPDATE', ['DRAFT'], 'sửa nội dung (đã chốt khi mở ký)'],
  ['OPEN', ['DRAFT'], 'mở ký'],
  ['SIGN', ['OPEN'], 'ký'],
  ['REPORT_PROGRESS', ['OPEN', 'SIGNED'], 'báo cáo tiến độ'],
  ['SUBMIT_SCORECARD', ['OPEN', 'SIGNED'], 'chấm điểm'],
  ['CLOSE', ['SIGNED'], 'tổng kết (cần mọi thành viên đã ký)'],
  ['RECORD_VOTE', ['CLOSED'], 'biểu quyết suy tôn (cần tổng kết trước)'],
];

const TEXT: Record<PledgeStatus, string> = {
  DRAFT: 'đang soạn',
  OPEN: 'đang mở ký',
  SIGNED: 'đã ký đủ',
  CLOSED: 'đã tổng kết',
};

describe.each(ROWS)('%s', (action, allowed, label) => {
  it.each(STATUSES)('from %s', (status) => {
    const verdict = canAct(status, action, 2025);
    if (allowed.includes(status)) expect(verdict).toEqual({ allowed: true });
    else expect(verdict).toEqual({ allowed: false, reason: `Giao ước năm 2025 ${TEXT[status]}; không thể ${label}.` });
  });
});

it('moves an OPEN pledge to SIGNED with the last member’s signature only', () => {
  expect(statusAfterSignature(false)).toBe('OPEN');
  expect(statusAfterSignature(true)).toBe('SIGNED');
});

it.each([
  // [year, today in Việt Nam, valid]
  [2027, '2026-12-31', true],
  [2028, '2026-12-31', false],
  [2028, '2027-01-01', true], // 1 January in Việt Nam, still 31 December in UTC until 07:00
  [1945, '2026-06-01', true],
  [1944, '2026-06-01', false],
  [2026.5, '2026-06-01', false],
])('a pledge for %s on %s: %s', (year, today, valid) => {
  expect(checkPledgeYear(year, today) === null).toBe(valid);
});
