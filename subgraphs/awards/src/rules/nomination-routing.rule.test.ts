// Routing by level (Luật TĐKT 2022 Arts 77–80; QĐ 311/QĐ-BNV 2025 for the Central Board's appraisal)
// and the clocks on a file (QĐ 311/QĐ-BNV 2025; Nghị định 98/2023 Art 32).
import { describe, expect, it } from '@jest/globals';
import {
  actsAt,
  forward,
  isForwarded,
  nextAction,
  returnOneLevel,
  routeFor,
  submittedHolder,
  type RouteStop,
} from './nomination-routing.rule.js';
import { boardClock, nominationDeadline, submissionWindow } from './nomination-deadline.rule.js';
import { transition } from './nomination-workflow.rule.js';

const unitUnderMinistry = { proposerId: 'vu', proposerIsMinistryOrProvince: false, ministryOrProvinceId: 'btp' };
const levels = (route: RouteStop[]) => route.map((stop) => `${stop.level}:${stop.organizationId ?? '-'}`);

describe('routeFor', () => {
  it.each([
    ['GIAY_KHEN', ['UNIT:vu'], 'Art 80(1): the unit head decides'],
    ['BANG_KHEN_BO_TINH', ['UNIT:vu', 'MINISTRY_OR_PROVINCE:btp'], 'Art 74: the minister decides'],
    [
      'CO_THI_DUA_CP',
      ['UNIT:vu', 'MINISTRY_OR_PROVINCE:btp', 'CENTRAL_BOARD:-', 'PRIME_MINISTER:-'],
      'the Prime Minister decides after the Board appraises',
    ],
    [
      'ANH_HUNG_LAO_DONG',
      ['UNIT:vu', 'MINISTRY_OR_PROVINCE:btp', 'CENTRAL_BOARD:-', 'PRIME_MINISTER:-', 'PRESIDENT:-'],
      'the President decides on the Prime Minister’s submission',
    ],
  ])('%s goes %j (%s)', (awardTypeCode, expected) => {
    expect(levels(routeFor({ awardTypeCode, ...unitUnderMinistry }))).toEqual(expected);
  });

  it('starts at the ministry when the ministry proposes', () => {
    const route = routeFor({
      awardTypeCode: 'CO_THI_DUA_CP',
      proposerId: 'btp',
      proposerIsMinistryOrProvince: true,
      ministryOrProvinceId: null,
    });
    expect(levels(route)).toEqual(['MINISTRY_OR_PROVINCE:btp', 'CENTRAL_BOARD:-', 'PRIME_MINISTER:-']);
    expect(submittedHolder(route)).toBe(1);
  });

  it('keeps a base-level file with the proposer once submitted', () => {
    expect(submittedHolder(routeFor({ awardTypeCode: 'GIAY_KHEN', ...unitUnderMinistry }))).toBe(0);
  });
});

describe('forward and return', () => {
  const route = routeFor({ awardTypeCode: 'CO_THI_DUA_CP', ...unitUnderMinistry });
  const ministry = { role: 'ORG_OFFICER', organizationId: 'btp' };
  const unit = { role: 'ORG_OFFICER', organizationId: 'vu' };
  const board = { role: 'CENTRAL_BOARD', organizationId: null };

  it('lets the holder forward one level up, and no one else', () => {
    expect(forward(route, 1, 'APPROVED', true, ministry)).toEqual({ to: 2 });
    expect(forward(route, 1, 'APPROVED', true, unit)).toMatchObject({ code: 'FORBIDDEN' });
    expect(forward(route, 2, 'APPROVED', true, ministry)).toMatchObject({ code: 'FORBIDDEN' });
    expect(forward(route, 2, 'APPROVED', true, board)).toEqual({ to: 3 });
  });

  it('stops at the deciding level, and never forwards a draft', () => {
    expect(forward(route, 3, 'APPROVED', true, board)).toMatchObject({ code: 'CONFLICT' });
    expect(forward(route, 1, 'DRAFT', true, ministry)).toMatchObject({ code: 'CONFLICT' });
    expect(forward(route, 1, 'REJECTED', true, ministry)).toMatchObject({ code: 'CONFLICT' });
  });

  it('has the Board submit only an appraised, eligible file (an ineligible one is returned)', () => {
    expect(forward(route, 2, 'SUBMITTED', true, board)).toMatchObject({ code: 'CONFLICT' });
    expect(forward(route, 2, 'APPROVED', false, board)).toMatchObject({
      code: 'CONFLICT',
      refused: expect.stringMatching(/5 ngày làm việc/),
    });
    expect(forward(route, 2, 'APPROVED', null, board)).toEqual({ to: 3 });
  });

  it('returns one level down; at the proposer the file is RETURNED', () => {
    expect(returnOneLevel(3)).toEqual({ to: 2, toProposer: false });
    expect(returnOneLevel(2)).toEqual({ to: 1, toProposer: false });
    expect(returnOneLevel(1)).toEqual({ to: 0, toProposer: true });
    expect(transition('APPROVED', 'FORWARD')).toEqual({ to: 'APPROVED' });
    expect(transition('DRAFT', 'FORWARD')).toHaveProperty('refused');
  });

  it('makes a forwarded file read-only below the holder', () => {
    expect(isForwarded(1)).toBe(false);
    expect(isForwarded(2)).toBe(true);
    expect(actsAt(route[2]!, ministry)).toBe(false);
    expect(actsAt(route[2]!, board)).toBe(true);
    expect(actsAt(route[1]!, { role: 'VIEWER', organizationId: 'btp' })).toBe(false);
  });

  it('names the next action for the holder', () => {
    expect(nextAction(route, 0, 'DRAFT', true)).toBe('SUBMIT');
    expect(nextAction(route, 0, 'RETURNED', true)).toBe('SUBMIT');
    expect(nextAction(route, 1, 'SUBMITTED', true)).toBe('REVIEW');
    expect(nextAction(route, 1, 'APPROVED', true)).toBe('FORWARD');
    expect(nextAction(route, 2, 'APPROVED', false)).toBe('RETURN');
    expect(nextAction(route, 3, 'APPROVED', true)).toBe('DECIDE');
    expect(nextAction(route, 3, 'DECIDED', true)).toBeNull();
  });
});

describe('deadlines', () => {
  it('runs the Board clocks in working days from receipt (QĐ 311/QĐ-BNV 2025)', () => {
    // Received Friday 24/1/2025, before Tết: 5 working days end on Friday 7/2.
    expect(boardClock('RETURN_INELIGIBLE', '2025-01-24', '2025-02-05')).toMatchObject({
      dueOn: '2025-02-07',
      daysLeft: 2,
      daysLate: 0,
      overdue: false,
    });
    expect(boardClock('RETURN_INELIGIBLE', '2025-01-24', '2025-02-11')).toMatchObject({
      daysLeft: 0,
      daysLate: 2,
      overdue: true,
    });
    expect(boardClock('SUBMIT_ELIGIBLE', '2025-03-05', '2025-03-05')).toMatchObject({
      dueOn: '2025-04-02',
      daysLeft: 20,
    });
    expect(boardClock('FORWARD_DECISION', '2025-04-25', '2025-04-25').dueOn).toBe('2025-05-13'); // 26/4 (exchanged Saturday) counts; 30/4–4/5 do not
  });

  it('opens the submission windows of ND 98/2023 Art 32 the year after the achievement year', () => {
    expect(submissionWindow('CO_THI_DUA_CP', 2024)).toEqual({ dueOn: '2025-06-30' });
    expect(submissionWindow('CSTD_TOAN_QUOC', 2024)).toEqual({ dueOn: '2025-12-31' });
    expect(submissionWindow('GIAY_KHEN', 2024)).toBeNull();
  });

  it('picks the clock of an open file by who holds it', () => {
    const base = { awardTypeCode: 'CO_THI_DUA_CP', year: 2024, receivedOn: '2025-03-05', eligible: true } as const;
    expect(
      nominationDeadline({ ...base, status: 'APPROVED', holderLevel: 'CENTRAL_BOARD' }, '2025-03-06'),
    ).toMatchObject({ kind: 'SUBMIT_ELIGIBLE', daysLeft: 19 });
    expect(
      nominationDeadline({ ...base, eligible: false, status: 'SUBMITTED', holderLevel: 'CENTRAL_BOARD' }, '2025-03-06'),
    ).toMatchObject({ kind: 'RETURN_INELIGIBLE', daysLeft: 4 });
    expect(
      nominationDeadline({ ...base, status: 'SUBMITTED', holderLevel: 'MINISTRY_OR_PROVINCE' }, '2025-07-02'),
    ).toMatchObject({
      kind: 'SUBMISSION_WINDOW',
      dueOn: '2025-06-30',
      daysLate: 2,
      overdue: true,
      countsWorkingDays: false,
    });
    expect(nominationDeadline({ ...base, status: 'APPROVED', holderLevel: 'PRIME_MINISTER' }, '2025-07-02')).toBeNull();
    expect(nominationDeadline({ ...base, status: 'DECIDED', holderLevel: 'CENTRAL_BOARD' }, '2025-07-02')).toBeNull();
    expect(
      nominationDeadline({ ...base, awardTypeCode: 'GIAY_KHEN', status: 'DRAFT', holderLevel: 'UNIT' }, '2025-07-02'),
    ).toBeNull();
  });
});
