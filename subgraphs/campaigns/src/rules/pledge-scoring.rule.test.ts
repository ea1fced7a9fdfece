/**
 * Scorecard totals, reporting periods and progress figures of a pledge year. Each row cites what it
 * guards: the bloc's scoring framework (khung tiêu chí) fixes each item's maximum and the bonus cap,
 * and a score outside them is refused, never clipped; periods follow the bloc's reporting rhythm
 * (quarters, the six-month review, months, the year).
 */
import { checkPeriod, checkProgressValue, scoreTotal } from './pledge-scoring.rule';

const ITEMS = [
  { code: '1', maxScore: 40 },
  { code: '2', maxScore: 30 },
];
const all = (a: number, b: number) => [
  { itemCode: '1', points: a },
  { itemCode: '2', points: b },
];

describe('scoreTotal', () => {
  it.each([
    // [case, scores, bonus, penalty, cap, total, problem fields]
    ['within every limit', all(40, 30), 5, 2, 5, 73, []],
    ['bonus at the cap', all(10, 10), 2.5, 0, 2.5, 22.5, []],
    ['bonus above the cap is refused, not counted at the cap', all(40, 30), 9, 0, 5, 0, ['input.bonus']],
    ['a bonus where the scheme has none', all(40, 30), 1, 0, 0, 0, ['input.bonus']],
    ['negative bonus', all(40, 30), -1, 0, 5, 0, ['input.bonus']],
    ['negative penalty', all(40, 30), 0, -3, 5, 0, ['input.penalty']],
    ['points above the item maximum', all(41, 30), 0, 0, 5, 0, ['input.scores[0].points']],
    ['negative points', all(40, -1), 0, 0, 5, 0, ['input.scores[1].points']],
    ['an item left unscored', [{ itemCode: '1', points: 3 }], 0, 0, 5, 0, ['input.scores']],
  ])('%s', (_case, scores, bonus, penalty, cap, total, fields) => {
    const verdict = scoreTotal(ITEMS, scores, bonus, penalty, cap);
    expect(verdict.problems.map((problem) => problem.field)).toEqual(fields);
    if (!fields.length) expect(verdict.total).toBe(total);
  });

  it('names the cap in the refusal, with a decimal comma', () => {
    expect(scoreTotal(ITEMS, all(1, 1), 9, 0, 5).problems[0]!.message).toBe(
      'Điểm thưởng tối đa là 5 điểm; không thể cộng 9 điểm.',
    );
    expect(scoreTotal(ITEMS, all(1, 1), 3, 0, 2.5).problems[0]!.message).toBe(
      'Điểm thưởng tối đa là 2,5 điểm; không thể cộng 3 điểm.',
    );
  });
});

describe('checkPeriod (pledge of 2026)', () => {
  it.each([
    ['2026', true],
    ['2026-Q1', true],
    ['2026-Q4', true],
    ['2026-H1', true], // sơ kết 6 tháng
    ['2026-H2', true],
    ['2026-01', true],
    ['2026-12', true],
    ['2026-Q5', false],
    ['2026-Q0', false],
    ['2026-H3', false],
    ['2026-00', false],
    ['2026-13', false],
    ['2026-7', false],
    ['2026-q2', false],
    ['2025-H1', false], // another year
    ['2027', false],
  ])('%s → %s', (period, valid) => {
    expect(checkPeriod(period, 2026) === null).toBe(valid);
  });
});

describe('checkProgressValue', () => {
  it.each([
    [0, false, true],
    [12.5, false, true],
    [-5, false, false],
    [-5, true, true], // the item allows a change against a baseline
    [Number.NaN, true, false],
  ])('%s with allowNegative %s → %s', (value, allowNegative, valid) => {
    expect(checkProgressValue(value, { code: '2', allowNegative }) === null).toBe(valid);
  });
});
