/**
 * Who cross-scores whom (a rotation: everyone scored once, nobody by itself, HD 2746/HD-BTĐKT), the
 * bloc's deadlines (its own, else the year's usual rhythm) and what each member still owes.
 */
import {
  checkDeadline,
  checkShift,
  crossScoreAssignments,
  deadlinesOf,
  outstandingDuties,
  type DutyFacts,
} from './pledge-duties.rule';

const MEMBERS = ['lead', 'deputy', 'a', 'b', 'c'];

it.each([1, 2, 3, 4])('rotation by %i: each member scored once, scores once, never itself', (shift) => {
  const assignments = crossScoreAssignments(MEMBERS, shift);
  expect(new Set(assignments.map((entry) => entry.subjectId))).toEqual(new Set(MEMBERS));
  expect(new Set(assignments.map((entry) => entry.scorerId))).toEqual(new Set(MEMBERS));
  for (const entry of assignments) expect(entry.scorerId).not.toBe(entry.subjectId);
});

it('rotation by 1: the next member in the bloc’s order scores, the first scores the last', () => {
  expect(crossScoreAssignments(['x', 'y', 'z'], 1)).toEqual([
    { subjectId: 'x', scorerId: 'y' },
    { subjectId: 'y', scorerId: 'z' },
    { subjectId: 'z', scorerId: 'x' },
  ]);
  expect(crossScoreAssignments(['x'], 1)).toEqual([]);
});

it.each<[number, number, boolean]>([
  [1, 5, true],
  [4, 5, true],
  [0, 5, false], // everyone would score itself
  [5, 5, false],
  [1.5, 5, false],
  [1, 1, false], // one member cannot be cross-scored
])('shift %d over %d members is allowed: %s', (shift, members, ok) => {
  expect(checkShift(shift, members) === null).toBe(ok);
});

it('uses the bloc’s own deadlines where set and the year’s rhythm elsewhere', () => {
  const deadlines = deadlinesOf(2026, [{ kind: 'REPORT_H1', dueOn: '2026-07-31' }]);
  expect(deadlines.find((entry) => entry.kind === 'REPORT_H1')).toEqual({
    kind: 'REPORT_H1',
    period: '2026-H1',
    dueOn: '2026-07-31',
    isDefault: false,
  });
  expect(deadlines.find((entry) => entry.kind === 'VERIFY')).toMatchObject({ dueOn: '2026-12-10', isDefault: true });
  expect(checkDeadline('2027-03-31', 2026)).toBeNull();
  expect(checkDeadline('2027-04-01', 2026)).toContain('31/03/2027');
  expect(checkDeadline('2025-12-31', 2026)).not.toBeNull();
});

const facts = (over: Partial<DutyFacts> = {}): DutyFacts => ({
  year: 2026,
  status: 'OPEN',
  memberIds: ['x', 'y', 'z'],
  itemCodes: ['1', '2'],
  signedIds: new Set(['x', 'y']),
  reported: new Set(['x|1|2026-H1', 'x|2|2026-H1', 'y|1|2026-H1']),
  cards: new Set(['x|SELF', 'y|CROSS']),
  shift: 1,
  deadlines: deadlinesOf(2026, []),
  today: '2026-08-01',
  ...over,
});

it('lists what each member owes, oldest deadline first, overdue after its date', () => {
  const duties = outstandingDuties(facts());
  const of = (id: string) => duties.filter((duty) => duty.organizationId === id);
  expect(of('z').map((duty) => [duty.kind, duty.period, duty.overdue])).toEqual([
    ['SIGN', null, true],
    ['REPORT', '2026-H1', true],
    ['REPORT', '2026', false],
    ['SELF_SCORE', null, false],
  ]);
  // y reported item 1 only: item 2 is still owed for the half-year.
  expect(of('y').find((duty) => duty.period === '2026-H1')?.itemCodes).toEqual(['2']);
  // Rotation by 1: x is scored by y, y by z, z by x. y owes x's cross-score; z has scored y already.
  expect(of('x').find((duty) => duty.kind === 'CROSS_SCORE')?.subjectId).toBe('z');
  expect(of('y').find((duty) => duty.kind === 'CROSS_SCORE')?.subjectId).toBe('x');
  expect(of('z').find((duty) => duty.kind === 'CROSS_SCORE')).toBeUndefined();
});

it('owes nothing on a draft or a closed year, nor for a card already verified', () => {
  expect(outstandingDuties(facts({ status: 'DRAFT' }))).toEqual([]);
  expect(outstandingDuties(facts({ status: 'CLOSED' }))).toEqual([]);
  const duties = outstandingDuties(facts({ cards: new Set(['z|VERIFIED']) }));
  expect(duties.some((duty) => duty.organizationId === 'z' && duty.kind === 'SELF_SCORE')).toBe(false);
  expect(duties.some((duty) => duty.kind === 'CROSS_SCORE' && duty.subjectId === 'z')).toBe(false);
});
