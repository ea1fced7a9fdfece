// Eligibility for the Prime Minister's certificate of merit and the Labour Order, third class, by the
// individual paths (Luật TĐKT 2022 Arts. 44(1)(e), 73(1)(b)). Every case names the article it guards.
import { evaluateEligibility } from '@tdkt/awards';

import { grant, grants, rated, person, codes, type Case } from './eligibility.fixtures';

// ── Eligibility ────────────────────────────────────────────────────────────────────────────────────

describe('eligibility: Bằng khen của Thủ tướng, individual path (b) (Law Art 73(1)(b))', () => {
  const ok = {
    grants: [grant('BANG_KHEN_BO_TINH', 2019), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
    ratings: rated(2020, 2024),
  };
  it.each<Case>([
    [
      'passes: Bằng khen tỉnh 2019, then 2020–2024 good with 3 CSTĐCS (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, ok),
      [],
    ],
    [
      'not evaluated (another path may apply) without a prior Bằng khen bộ/tỉnh (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, { ...ok, grants: grants('CSTD_CO_SO', [2020, 2022, 2024]) }),
      ['MISSING_PRIOR_BANG_KHEN_BO_TINH', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when the prior Bằng khen was thematic (ND 98/152 Art 4(3))',
      person('BANG_KHEN_TTG', 2024, {
        ...ok,
        grants: [grant('BANG_KHEN_BO_TINH', 2019, { basis: 'THEMATIC' }), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
      }),
      ['BASIS_NOT_COUNTED', 'MISSING_PRIOR_BANG_KHEN_BO_TINH', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when the prior Bằng khen was ad hoc (ND 98/152 Art 4(3))',
      person('BANG_KHEN_TTG', 2024, {
        ...ok,
        grants: [grant('BANG_KHEN_BO_TINH', 2019, { basis: 'AD_HOC' }), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
      }),
      ['BASIS_NOT_COUNTED', 'MISSING_PRIOR_BANG_KHEN_BO_TINH', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when the prior Bằng khen is less than five years back (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, {
        ...ok,
        grants: [grant('BANG_KHEN_BO_TINH', 2021), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
      }),
      ['MISSING_PRIOR_BANG_KHEN_BO_TINH', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when a year rated "completed" breaks the five years (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, { ...ok, ratings: rated(2020, 2024, 'GOOD', { 2022: 'COMPLETED' }) }),
      ['CONSECUTIVE_GOOD_YEARS_TOO_FEW', 'NOT_ENOUGH_CSTD_CO_SO', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when a gap year without rating breaks the five years (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, { ...ok, ratings: rated(2020, 2024, 'GOOD', { 2021: null }) }),
      ['CONSECUTIVE_GOOD_YEARS_TOO_FEW', 'NOT_ENOUGH_CSTD_CO_SO', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) with only two CSTĐCS in the period (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, {
        ...ok,
        grants: [grant('BANG_KHEN_BO_TINH', 2019), ...grants('CSTD_CO_SO', [2020, 2024])],
      }),
      ['NOT_ENOUGH_CSTD_CO_SO', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when a CSTĐCS of the period was revoked later (Law ch. VII)',
      person('BANG_KHEN_TTG', 2024, {
        ...ok,
        grants: [
          grant('BANG_KHEN_BO_TINH', 2019),
          ...grants('CSTD_CO_SO', [2020, 2022]),
          grant('CSTD_CO_SO', 2024, { revoked: true }),
        ],
      }),
      ['GRANT_REVOKED', 'NOT_ENOUGH_CSTD_CO_SO', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when the period overlaps an earlier Bằng khen TTg (Law Art 5(2))',
      person('BANG_KHEN_TTG', 2024, { ...ok, grants: [...ok.grants, grant('BANG_KHEN_TTG', 2021)] }),
      ['CONSECUTIVE_GOOD_YEARS_TOO_FEW', 'NOT_ENOUGH_CSTD_CO_SO', 'NOT_EVALUATED'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('relies on the prior Bằng khen and the three CSTĐCS', () => {
    expect(
      evaluateEligibility(person('BANG_KHEN_TTG', 2024, ok))
        .evidence.map((fact) => fact.id)
        .sort(),
    ).toEqual(['BANG_KHEN_BO_TINH-2019', 'CSTD_CO_SO-2020', 'CSTD_CO_SO-2022', 'CSTD_CO_SO-2024']);
  });

  it('leaves collectives and ad-hoc proposals to the council, with notes (Art 73(2) not verified)', () => {
    const collective = evaluateEligibility({ ...person('BANG_KHEN_TTG', 2024, {}), subject: { kind: 'COLLECTIVE' } });
    expect(collective).toMatchObject({ eligible: null, reasons: [{ code: 'NOT_EVALUATED' }] });
    expect(collective.reasons[0]!.message).toContain('không tự đánh giá');
    const adHoc = evaluateEligibility(person('BANG_KHEN_TTG', 2024, {}, { basis: 'AD_HOC' }));
    expect(adHoc).toMatchObject({ eligible: null, reasons: [{ code: 'NOT_EVALUATED' }] });
    expect(adHoc.reasons[0]!.message).toContain('theo công trạng');
    expect(adHoc.reasons[0]!.message).toContain('đề nghị khen thưởng đột xuất');
    expect(adHoc.reasons[0]!.message).not.toContain('AD_HOC');
  });
});

describe('eligibility: Huân chương Lao động hạng Ba, individual path (e) (Law Art 44(1)(e))', () => {
  const ok = {
    grants: [grant('BANG_KHEN_TTG', 2019), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
    ratings: rated(2020, 2024, 'GOOD', { 2023: 'EXCELLENT' }),
  };
  it.each<Case>([
    [
      'passes: Bằng khen TTg 2019, then 2020–2024 good, one excellent, 3 CSTĐCS (Art 44(1)(e))',
      person('HC_LAO_DONG_3', 2024, ok),
      [],
    ],
    [
      'not evaluated (another path may apply) without a prior Bằng khen TTg (Art 44(1)(e))',
      person('HC_LAO_DONG_3', 2024, {
        ...ok,
        grants: [grant('BANG_KHEN_BO_TINH', 2019), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
      }),
      ['MISSING_PRIOR_BANG_KHEN_TTG', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when the prior Bằng khen TTg was thematic (ND 98/152 Art 4(3))',
      person('HC_LAO_DONG_3', 2024, {
        ...ok,
        grants: [grant('BANG_KHEN_TTG', 2019, { basis: 'THEMATIC' }), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
      }),
      ['BASIS_NOT_COUNTED', 'MISSING_PRIOR_BANG_KHEN_TTG', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when the prior Bằng khen TTg was revoked (Law ch. VII)',
      person('HC_LAO_DONG_3', 2024, {
        ...ok,
        grants: [grant('BANG_KHEN_TTG', 2019, { revoked: true }), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
      }),
      ['GRANT_REVOKED', 'MISSING_PRIOR_BANG_KHEN_TTG', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) without an excellent year (Art 44(1)(e))',
      person('HC_LAO_DONG_3', 2024, { ...ok, ratings: rated(2020, 2024) }),
      ['NOT_EVALUATED', 'NO_EXCELLENT_YEAR'],
    ],
    [
      'not evaluated (another path may apply) with two CSTĐCS (Art 44(1)(e))',
      person('HC_LAO_DONG_3', 2024, {
        ...ok,
        grants: [grant('BANG_KHEN_TTG', 2019), ...grants('CSTD_CO_SO', [2022, 2024])],
      }),
      ['NOT_ENOUGH_CSTD_CO_SO', 'NOT_EVALUATED'],
    ],
    [
      'not evaluated (another path may apply) when a gap year breaks the five years (Art 44(1)(e))',
      person('HC_LAO_DONG_3', 2024, { ...ok, ratings: rated(2020, 2024, 'GOOD', { 2021: null, 2023: 'EXCELLENT' }) }),
      ['CONSECUTIVE_GOOD_YEARS_TOO_FEW', 'NOT_ENOUGH_CSTD_CO_SO', 'NOT_EVALUATED'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});
