// Eligibility for the emulation titles of individuals (Luật TĐKT 2022 Arts. 21–24). Every case names the
// article it guards.
import { evaluateEligibility } from '@tdkt/awards';

import { grant, grants, rated, initiative, person, codes, type Case } from './eligibility.fixtures';

// ── Eligibility ────────────────────────────────────────────────────────────────────────────────────

describe('eligibility: Lao động tiên tiến (Law Art 24(1))', () => {
  it.each<Case>([
    ['passes when rated good (Art 24(1))', person('LDTT', 2024, { ratings: rated(2024, 2024, 'GOOD') }), []],
    ['passes when rated excellent (Art 24(1))', person('LDTT', 2024, { ratings: rated(2024, 2024, 'EXCELLENT') }), []],
    [
      'fails when only "completed" (Art 24(1))',
      person('LDTT', 2024, { ratings: rated(2024, 2024, 'COMPLETED') }),
      ['RATING_TOO_LOW'],
    ],
    [
      'fails with no rating that year (Art 24(1))',
      person('LDTT', 2024, { ratings: rated(2023, 2023, 'EXCELLENT') }),
      ['RATING_MISSING'],
    ],
    [
      'fails for a collective (Art 19)',
      { ...person('LDTT', 2024, { ratings: rated(2024, 2024) }), subject: { kind: 'COLLECTIVE' } },
      ['SUBJECT_KIND_NOT_ALLOWED'],
    ],
    [
      'fails when already granted for that year (Law Art 5(2))',
      person('LDTT', 2024, { ratings: rated(2024, 2024), grants: [grant('LDTT', 2024)] }),
      ['ALREADY_GRANTED_SAME_YEAR'],
    ],
    [
      'passes again when the earlier grant for that year was revoked',
      person('LDTT', 2024, { ratings: rated(2024, 2024), grants: [grant('LDTT', 2024, { revoked: true })] }),
      [],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('eligibility: Chiến sĩ thi đua cơ sở (Law Art 23)', () => {
  const base = { grants: [grant('LDTT', 2024)], ratings: rated(2024, 2024, 'GOOD') };
  it.each<Case>([
    [
      'passes with LĐTT and an excellent rating (Art 23)',
      person('CSTD_CO_SO', 2024, { ...base, ratings: rated(2024, 2024, 'EXCELLENT') }),
      [],
    ],
    [
      'passes with LĐTT and a base-level initiative recognized that year (Art 23)',
      person('CSTD_CO_SO', 2024, { ...base, initiatives: [initiative('SK1', 'BASE', '2024-11-20')] }),
      [],
    ],
    [
      'passes with an initiative recognized in January before the decision (Art 23)',
      person('CSTD_CO_SO', 2024, { ...base, initiatives: [initiative('SK1', 'BASE', '2025-01-05')] }),
      [],
    ],
    [
      'fails without LĐTT that year (Art 23)',
      person('CSTD_CO_SO', 2024, { ratings: rated(2024, 2024, 'EXCELLENT') }),
      ['MISSING_LDTT_SAME_YEAR'],
    ],
    [
      'fails with LĐTT of another year only (Art 23)',
      person('CSTD_CO_SO', 2024, { grants: [grant('LDTT', 2023)], ratings: rated(2024, 2024, 'EXCELLENT') }),
      ['MISSING_LDTT_SAME_YEAR'],
    ],
    [
      'fails when that LĐTT was revoked later (Law ch. VII)',
      person('CSTD_CO_SO', 2024, {
        grants: [grant('LDTT', 2024, { revoked: true })],
        ratings: rated(2024, 2024, 'EXCELLENT'),
      }),
      ['GRANT_REVOKED', 'MISSING_LDTT_SAME_YEAR'],
    ],
    [
      'fails rated good without an initiative (Art 23)',
      person('CSTD_CO_SO', 2024, base),
      ['CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE'],
    ],
    [
      'fails with an initiative from an earlier year only (Art 23)',
      person('CSTD_CO_SO', 2024, { ...base, initiatives: [initiative('SK0', 'BASE', '2022-06-01')] }),
      ['CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE'],
    ],
    [
      'fails when the initiative already backed another CSTĐCS (Law Art 5(2), rule 9)',
      person('CSTD_CO_SO', 2024, {
        ...base,
        grants: [...base.grants, grant('CSTD_CO_SO', 2023)],
        initiatives: [initiative('SK1', 'BASE', '2024-02-01', ['CSTD_CO_SO-2023'])],
      }),
      ['CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE', 'INITIATIVE_ALREADY_USED'],
    ],
    [
      'passes when the initiative backed a grant of another level (rule 9: same level only)',
      person('CSTD_CO_SO', 2024, {
        ...base,
        grants: [...base.grants, grant('CSTD_BO_TINH', 2024)],
        initiatives: [initiative('SK1', 'BASE', '2024-02-01', ['CSTD_BO_TINH-2024'])],
      }),
      [],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('keeps the initiative optional: the draft amendment making it mandatory is not in force', () => {
    const verdict = evaluateEligibility(
      person(
        'CSTD_CO_SO',
        2025,
        { grants: [grant('LDTT', 2025)], ratings: rated(2025, 2025, 'EXCELLENT') },
        { decisionDate: '2026-01-15' },
      ),
    );
    expect(verdict).toMatchObject({ eligible: true, ruleset: 'LAW_2022+ND_152_2025' });
    expect(verdict.evidence.map((fact) => fact.id)).toEqual(['LDTT-2025']);
  });
});

describe('eligibility: Chiến sĩ thi đua bộ, ban, ngành, tỉnh (Law Art 22)', () => {
  const ministryInitiative = initiative('SK-T', 'MINISTRY_OR_PROVINCE', '2023-09-01');
  const three = { grants: grants('CSTD_CO_SO', [2022, 2023, 2024]), initiatives: [ministryInitiative] };
  it.each<Case>([
    ['passes with CSTĐCS 2022–2024 and a province-wide initiative (Art 22)', person('CSTD_BO_TINH', 2024, three), []],
    [
      'fails when a gap year breaks "consecutive" (Art 22)',
      person('CSTD_BO_TINH', 2024, { ...three, grants: grants('CSTD_CO_SO', [2021, 2022, 2024]) }),
      ['CSTD_CO_SO_NOT_CONSECUTIVE'],
    ],
    [
      'fails when one CSTĐCS was revoked later (Law ch. VII)',
      person('CSTD_BO_TINH', 2024, {
        ...three,
        grants: [grant('CSTD_CO_SO', 2022), grant('CSTD_CO_SO', 2023, { revoked: true }), grant('CSTD_CO_SO', 2024)],
      }),
      ['CSTD_CO_SO_NOT_CONSECUTIVE', 'GRANT_REVOKED'],
    ],
    [
      'fails with only a base-level initiative (Art 22)',
      person('CSTD_BO_TINH', 2024, { ...three, initiatives: [initiative('SK-B', 'BASE', '2023-09-01')] }),
      ['INITIATIVE_SCOPE_TOO_LOW'],
    ],
    [
      'fails without any initiative (Art 22)',
      person('CSTD_BO_TINH', 2024, { ...three, initiatives: [] }),
      ['INITIATIVE_MISSING'],
    ],
    [
      'fails when the initiative already backed an earlier CSTĐ bộ/tỉnh (Law Art 5(2), rule 9)',
      person('CSTD_BO_TINH', 2024, {
        grants: [...three.grants, grant('CSTD_BO_TINH', 2021)],
        initiatives: [initiative('SK-T', 'MINISTRY_OR_PROVINCE', '2022-03-01', ['CSTD_BO_TINH-2021'])],
      }),
      ['INITIATIVE_ALREADY_USED'],
    ],
    [
      'fails when those CSTĐCS years already backed a CSTĐ bộ/tỉnh (Law Art 5(2))',
      person('CSTD_BO_TINH', 2024, {
        ...three,
        grants: [...grants('CSTD_CO_SO', [2021, 2022, 2023, 2024]), grant('CSTD_BO_TINH', 2023)],
      }),
      ['ACHIEVEMENT_ALREADY_REWARDED'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('relies on the three CSTĐCS grants as evidence', () => {
    expect(evaluateEligibility(person('CSTD_BO_TINH', 2024, three)).evidence.map((fact) => fact.id)).toEqual([
      'CSTD_CO_SO-2022',
      'CSTD_CO_SO-2023',
      'CSTD_CO_SO-2024',
    ]);
  });
});

describe('eligibility: Chiến sĩ thi đua toàn quốc (Law Art 21)', () => {
  const national = initiative('SK-N', 'NATIONAL', '2022-10-10');
  it.each<Case>([
    [
      'passes with CSTĐ bộ/tỉnh 2021 and 2024 and a nationwide initiative (Art 21)',
      person('CSTD_TOAN_QUOC', 2024, { grants: grants('CSTD_BO_TINH', [2021, 2024]), initiatives: [national] }),
      [],
    ],
    [
      'fails with a single CSTĐ bộ/tỉnh (Art 21)',
      person('CSTD_TOAN_QUOC', 2024, { grants: grants('CSTD_BO_TINH', [2024]), initiatives: [national] }),
      ['CSTD_BO_TINH_NOT_CONSECUTIVE'],
    ],
    [
      'fails when the two are not consecutive (2020, 2024) (Art 21)',
      person('CSTD_TOAN_QUOC', 2024, { grants: grants('CSTD_BO_TINH', [2020, 2024]), initiatives: [national] }),
      ['CSTD_BO_TINH_NOT_CONSECUTIVE'],
    ],
    [
      'fails with only a province-wide initiative (Art 21)',
      person('CSTD_TOAN_QUOC', 2024, {
        grants: grants('CSTD_BO_TINH', [2021, 2024]),
        initiatives: [initiative('SK-T', 'MINISTRY_OR_PROVINCE', '2022-10-10')],
      }),
      ['INITIATIVE_SCOPE_TOO_LOW'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});
