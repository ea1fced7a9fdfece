// Which ruleset governs a decision (Luật TĐKT 2022 in force from 2024-01-01; NĐ 98/2023 until
// 2025-06-30; NĐ 152/2025 from 2025-07-01). Every case names the article it guards.
import { evaluateEligibility, rulesetFor } from '@tdkt/awards';

import { rated, history, person } from './eligibility.fixtures';

// ── Rulesets ────────────────────────────────────────────────────────────────────────────────────────

describe('rulesets (Luật TĐKT 2022 from 2024-01-01; ND 98/2023 until 2025-06-30; ND 152/2025 from 2025-07-01)', () => {
  it.each([
    ['2023-12-31', 'LAW_2003'],
    ['2024-01-01', 'LAW_2022+ND_98_2023'],
    ['2025-06-30', 'LAW_2022+ND_98_2023'],
    ['2025-07-01', 'LAW_2022+ND_152_2025'],
    ['2026-03-02', 'LAW_2022+ND_152_2025'],
    ['2025-02-29', 'LAW_2003'],
    ['not a date', 'LAW_2003'],
  ])('places a decision dated %s under %s', (date, ruleset) => {
    expect(rulesetFor(date)).toBe(ruleset);
  });

  it('defaults the decision date to 15 January after the achievement year', () => {
    const good = person('LDTT', 2024, { ratings: rated(2024, 2024) });
    expect(evaluateEligibility(good).ruleset).toBe('LAW_2022+ND_98_2023');
    expect(evaluateEligibility({ ...good, year: 2025, history: history({ ratings: rated(2025, 2025) }) }).ruleset).toBe(
      'LAW_2022+ND_152_2025',
    );
  });

  it('cites the decree in force on either side of 2025-07-01 (ND 98/152 Art 4(4))', () => {
    const blocked = (decisionDate: string) =>
      evaluateEligibility(
        person(
          'LDTT',
          2024,
          { ratings: rated(2024, 2024), openInquiries: [{ type: 'thanh tra', openedOn: '2025-01-02' }] },
          { decisionDate },
        ),
      ).reasons[0]!.message;
    expect(blocked('2025-06-30')).toContain('Nghị định 98/2023/NĐ-CP, Điều 4 khoản 4');
    expect(blocked('2025-07-01')).toContain('Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4');
  });

  it('does not evaluate decisions under the 2003 Law, and says so', () => {
    const verdict = evaluateEligibility(
      person('LDTT', 2022, { ratings: rated(2022, 2022) }, { decisionDate: '2023-01-15' }),
    );
    expect(verdict).toMatchObject({ eligible: null, ruleset: 'LAW_2003' });
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['RULESET_NOT_EVALUATED']);
    expect(verdict.reasons[0]!.message).toContain('Luật Thi đua, khen thưởng 2003');
  });
});
