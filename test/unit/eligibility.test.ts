// The awards subgraph's pure rules (subgraphs/awards/src/rules): rulesets, decision authority, council
// votes and eligibility. Every case names the article it guards.
import {
  canDecide,
  councilThreshold,
  councilVotePasses,
  evaluateEligibility,
  rulesetFor,
  ELIGIBILITY_REASON_CODES,
  type EligibilityHistory,
  type EligibilityInput,
  type GrantFact,
  type InitiativeFact,
  type AnnualRating,
} from '@tdkt/awards';

// ── Builders ────────────────────────────────────────────────────────────────────────────────────────

function grant(awardTypeCode: string, year: number, extra: Partial<GrantFact> = {}): GrantFact {
  return { id: `${awardTypeCode}-${year}${extra.basis ? `-${extra.basis}` : ''}`, awardTypeCode, year, basis: 'MERIT', decisionDate: `${year + 1}-01-10`, revoked: false, ...extra };
}

function grants(awardTypeCode: string, years: number[]): GrantFact[] {
  return years.map((year) => grant(awardTypeCode, year));
}

function rated(from: number, to: number, rating: AnnualRating = 'GOOD', overrides: Record<number, AnnualRating | null> = {}): EligibilityHistory['ratings'] {
  const ratings: EligibilityHistory['ratings'] = [];
  for (let year = from; year <= to; year += 1) {
    const value = year in overrides ? overrides[year]! : rating;
    if (value) ratings.push({ year, rating: value });
  }
  return ratings;
}

function initiative(id: string, scope: InitiativeFact['scope'], recognizedOn: string, usedByGrantIds: string[] = []): InitiativeFact {
  return { id, scope, recognizedOn, usedByGrantIds };
}

function history(partial: Partial<EligibilityHistory> = {}): EligibilityHistory {
  return { grants: [], ratings: [], initiatives: [], openInquiries: [], disciplines: [], ...partial };
}

function person(awardTypeCode: string, year: number, partial: Partial<EligibilityHistory>, extra: Partial<EligibilityInput> = {}): EligibilityInput {
  return { awardTypeCode, year, subject: { kind: 'PERSON' }, history: history(partial), ...extra };
}

function codes(input: EligibilityInput): string[] {
  return evaluateEligibility(input).reasons.map((reason) => reason.code).sort();
}

type Case = [string, EligibilityInput, string[]];

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
    expect(evaluateEligibility({ ...good, year: 2025, history: history({ ratings: rated(2025, 2025) }) }).ruleset).toBe('LAW_2022+ND_152_2025');
  });

  it('cites the decree in force on either side of 2025-07-01 (ND 98/152 Art 4(4))', () => {
    const blocked = (decisionDate: string) =>
      evaluateEligibility(person('LDTT', 2024, { ratings: rated(2024, 2024), openInquiries: [{ type: 'thanh tra', openedOn: '2025-01-02' }] }, { decisionDate })).reasons[0]!.message;
    expect(blocked('2025-06-30')).toContain('Nghị định 98/2023/NĐ-CP, Điều 4 khoản 4');
    expect(blocked('2025-07-01')).toContain('Nghị định 152/2025/NĐ-CP, Điều 4 khoản 4');
  });

  it('does not evaluate decisions under the 2003 Law, and says so', () => {
    const verdict = evaluateEligibility(person('LDTT', 2022, { ratings: rated(2022, 2022) }, { decisionDate: '2023-01-15' }));
    expect(verdict).toMatchObject({ eligible: false, ruleset: 'LAW_2003' });
    expect(verdict.reasons.map((reason) => reason.code)).toEqual(['RULESET_NOT_EVALUATED']);
    expect(verdict.reasons[0]!.message).toContain('Luật Thi đua, khen thưởng 2003');
  });
});

// ── Authority (Law Art 80; ND 129/2025 Art 59) ──────────────────────────────────────────────────────

describe('decision authority', () => {
  it.each([
    // ND 129/2025 Art 59: the commune chair takes over the district chair's titles on 2025-07-01.
    ['COMMUNE_CHAIR', 'CSTD_CO_SO', '2025-06-30', false],
    ['COMMUNE_CHAIR', 'CSTD_CO_SO', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'LDTT', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'TTLD_TIEN_TIEN', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'GIAY_KHEN', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'THON_TDP_VAN_HOA', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'GIA_DINH_VAN_HOA', '2024-06-01', true],
    ['DISTRICT_CHAIR', 'CSTD_CO_SO', '2025-06-30', true],
    ['DISTRICT_CHAIR', 'CSTD_CO_SO', '2025-07-01', false],
    ['DISTRICT_CHAIR', 'THON_TDP_VAN_HOA', '2025-06-30', true],
    // Law Art 80(1), 80(4): heads of units and enterprises.
    ['UNIT_HEAD', 'LDTT', '2025-01-15', true],
    ['UNIT_HEAD', 'CSTD_CO_SO', '2025-01-15', true],
    ['UNIT_HEAD', 'GIAY_KHEN', '2025-01-15', true],
    ['UNIT_HEAD', 'TTLD_TIEN_TIEN', '2025-01-15', true],
    ['UNIT_HEAD', 'CSTD_BO_TINH', '2025-01-15', false],
    ['ENTERPRISE_HEAD', 'LDTT', '2025-01-15', true],
    ['ENTERPRISE_HEAD', 'BANG_KHEN_BO_TINH', '2025-01-15', false],
    // Law Arts 74, 78–79: heads of ministries and provinces.
    ['MINISTRY_OR_PROVINCE_HEAD', 'CSTD_BO_TINH', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'CO_THI_DUA_BO_TINH', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'BANG_KHEN_BO_TINH', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'TTLD_XUAT_SAC', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'BANG_KHEN_TTG', '2025-01-15', false],
    // Prime Minister (ND 98/2023 Art 33; QĐ 311/QĐ-BNV 2025) and President (orders, medals, titles, prizes).
    ['PRIME_MINISTER', 'BANG_KHEN_TTG', '2025-01-15', true],
    ['PRIME_MINISTER', 'CSTD_TOAN_QUOC', '2025-01-15', true],
    ['PRIME_MINISTER', 'CO_THI_DUA_CP', '2025-01-15', true],
    ['PRIME_MINISTER', 'HC_LAO_DONG_3', '2025-01-15', false],
    ['PRESIDENT', 'HC_LAO_DONG_3', '2025-01-15', true],
    ['PRESIDENT', 'ANH_HUNG_LAO_DONG', '2025-01-15', true],
    ['PRESIDENT', 'HCH_CHIEN_SI_VE_VANG_1', '2025-01-15', true],
    ['PRESIDENT', 'GIAI_THUONG_HO_CHI_MINH', '2025-01-15', true],
    ['PRESIDENT', 'BANG_KHEN_TTG', '2025-01-15', false],
    // Catalogue validity: "thị trấn" ends with the district level.
    ['MINISTRY_OR_PROVINCE_HEAD', 'XA_PHUONG_THI_TRAN_TIEU_BIEU', '2025-06-30', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'XA_PHUONG_THI_TRAN_TIEU_BIEU', '2025-07-01', false],
    ['MINISTRY_OR_PROVINCE_HEAD', 'XA_PHUONG_DAC_KHU_TIEU_BIEU', '2025-07-01', true],
    // Decisions under the 2003 Law are not checked; unknown codes and dates are refused.
    ['UNIT_HEAD', 'LDTT', '2023-12-31', false],
    ['UNIT_HEAD', 'NO_SUCH_AWARD', '2025-01-15', false],
    ['UNIT_HEAD', 'LDTT', '15/01/2025', false],
  ] as const)('%s deciding %s on %s → %s', (authority, code, date, allowed) => {
    const result = canDecide(authority, code, date);
    expect(result.allowed).toBe(allowed);
    if (allowed) expect(result.reason).toBeNull();
    else expect(result.reason).toEqual(expect.any(String));
  });

  it('tells a commune chair deciding too early when the power starts and who holds it that day', () => {
    const { reason } = canDecide('COMMUNE_CHAIR', 'CSTD_CO_SO', '2025-06-30');
    expect(reason).toContain('từ ngày 01/07/2025');
    expect(reason).toContain('Nghị định 129/2025/NĐ-CP, Điều 59');
    expect(reason).toContain('Chủ tịch UBND cấp huyện');
  });
});

// ── Council votes (ND 98/2023 Art 30(7)) ───────────────────────────────────────────────────────────

describe('council thresholds and votes', () => {
  it.each([
    ['ANH_HUNG_LAO_DONG', 0.9],
    ['ANH_HUNG_LLVTND', 0.9],
    ['CSTD_TOAN_QUOC', 0.9],
    ['CSTD_BO_TINH', 0.9],
    ['CSTD_CO_SO', 0.8],
    ['CO_THI_DUA_BO_TINH', 0.8],
    ['CO_THI_DUA_CP', 0.8],
    ['LDTT', null],
    ['BANG_KHEN_TTG', null],
  ])('requires %s to reach %s of all members under both rulesets', (code, threshold) => {
    expect(councilThreshold(code, 'LAW_2022+ND_98_2023')).toBe(threshold);
    expect(councilThreshold(code, 'LAW_2022+ND_152_2025')).toBe(threshold);
  });

  it.each([
    ['9 of 10 reach 90 %', { membersTotal: 10, yes: 9, no: 1, abstain: 0 }, 0.9, true, 9],
    ['8 of 10 miss 90 %', { membersTotal: 10, yes: 8, no: 2, abstain: 0 }, 0.9, false, 9],
    ['12 of 15 reach 80 % exactly (no float drift)', { membersTotal: 15, yes: 12, no: 3, abstain: 0 }, 0.8, true, 12],
    ['10 of 11 reach 90 % (9.9 rounds up to 10)', { membersTotal: 11, yes: 10, no: 0, abstain: 1 }, 0.9, true, 10],
    ['absent members count against: 8 yes of 10 members, 2 absent, 90 %', { membersTotal: 10, yes: 8, no: 0, abstain: 0 }, 0.9, false, 9],
    ['absent members count against: 8 yes of 10 members, 2 absent, 80 %', { membersTotal: 10, yes: 8, no: 0, abstain: 0 }, 0.8, true, 8],
    ['no vote required', { membersTotal: 10, yes: 0, no: 0, abstain: 0 }, null, true, 0],
  ])('%s', (_name, vote, threshold, passed, required) => {
    expect(councilVotePasses(vote, threshold)).toEqual({ passed, required, problems: [] });
  });

  it.each([
    ['more ballots than members', { membersTotal: 5, yes: 5, no: 1, abstain: 0 }, 'MORE_VOTES_THAN_MEMBERS'],
    ['a negative count', { membersTotal: 5, yes: -1, no: 0, abstain: 0 }, 'INVALID_VOTE_COUNT'],
    ['no members', { membersTotal: 0, yes: 0, no: 0, abstain: 0 }, 'INVALID_MEMBERS_TOTAL'],
  ])('reports %s and never passes it', (_name, vote, problem) => {
    const result = councilVotePasses(vote, 0.8);
    expect(result.passed).toBe(false);
    expect(result.problems.map((entry) => entry.code)).toContain(problem);
  });
});

// ── Eligibility ────────────────────────────────────────────────────────────────────────────────────

describe('eligibility: Lao động tiên tiến (Law Art 24(1))', () => {
  it.each<Case>([
    ['passes when rated good (Art 24(1))', person('LDTT', 2024, { ratings: rated(2024, 2024, 'GOOD') }), []],
    ['passes when rated excellent (Art 24(1))', person('LDTT', 2024, { ratings: rated(2024, 2024, 'EXCELLENT') }), []],
    ['fails when only "completed" (Art 24(1))', person('LDTT', 2024, { ratings: rated(2024, 2024, 'COMPLETED') }), ['RATING_TOO_LOW']],
    ['fails with no rating that year (Art 24(1))', person('LDTT', 2024, { ratings: rated(2023, 2023, 'EXCELLENT') }), ['RATING_MISSING']],
    ['fails for a collective (Art 19)', { ...person('LDTT', 2024, { ratings: rated(2024, 2024) }), subject: { kind: 'COLLECTIVE' } }, ['SUBJECT_KIND_NOT_ALLOWED']],
    ['fails when already granted for that year (Law Art 5(2))', person('LDTT', 2024, { ratings: rated(2024, 2024), grants: [grant('LDTT', 2024)] }), ['ALREADY_GRANTED_SAME_YEAR']],
    ['passes again when the earlier grant for that year was revoked', person('LDTT', 2024, { ratings: rated(2024, 2024), grants: [grant('LDTT', 2024, { revoked: true })] }), []],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('eligibility: Chiến sĩ thi đua cơ sở (Law Art 23)', () => {
  const base = { grants: [grant('LDTT', 2024)], ratings: rated(2024, 2024, 'GOOD') };
  it.each<Case>([
    ['passes with LĐTT and an excellent rating (Art 23)', person('CSTD_CO_SO', 2024, { ...base, ratings: rated(2024, 2024, 'EXCELLENT') }), []],
    ['passes with LĐTT and a base-level initiative recognized that year (Art 23)', person('CSTD_CO_SO', 2024, { ...base, initiatives: [initiative('SK1', 'BASE', '2024-11-20')] }), []],
    ['passes with an initiative recognized in January before the decision (Art 23)', person('CSTD_CO_SO', 2024, { ...base, initiatives: [initiative('SK1', 'BASE', '2025-01-05')] }), []],
    ['fails without LĐTT that year (Art 23)', person('CSTD_CO_SO', 2024, { ratings: rated(2024, 2024, 'EXCELLENT') }), ['MISSING_LDTT_SAME_YEAR']],
    ['fails with LĐTT of another year only (Art 23)', person('CSTD_CO_SO', 2024, { grants: [grant('LDTT', 2023)], ratings: rated(2024, 2024, 'EXCELLENT') }), ['MISSING_LDTT_SAME_YEAR']],
    [
      'fails when that LĐTT was revoked later (Law ch. VII)',
      person('CSTD_CO_SO', 2024, { grants: [grant('LDTT', 2024, { revoked: true })], ratings: rated(2024, 2024, 'EXCELLENT') }),
      ['GRANT_REVOKED', 'MISSING_LDTT_SAME_YEAR'],
    ],
    ['fails rated good without an initiative (Art 23)', person('CSTD_CO_SO', 2024, base), ['CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE']],
    ['fails with an initiative from an earlier year only (Art 23)', person('CSTD_CO_SO', 2024, { ...base, initiatives: [initiative('SK0', 'BASE', '2022-06-01')] }), ['CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE']],
    [
      'fails when the initiative already backed another CSTĐCS (Law Art 5(2), rule 9)',
      person('CSTD_CO_SO', 2024, { ...base, grants: [...base.grants, grant('CSTD_CO_SO', 2023)], initiatives: [initiative('SK1', 'BASE', '2024-02-01', ['CSTD_CO_SO-2023'])] }),
      ['CSTD_CO_SO_NO_EXCELLENT_OR_INITIATIVE', 'INITIATIVE_ALREADY_USED'],
    ],
    [
      'passes when the initiative backed a grant of another level (rule 9: same level only)',
      person('CSTD_CO_SO', 2024, { ...base, grants: [...base.grants, grant('CSTD_BO_TINH', 2024)], initiatives: [initiative('SK1', 'BASE', '2024-02-01', ['CSTD_BO_TINH-2024'])] }),
      [],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('keeps the initiative optional: the draft amendment making it mandatory is not in force (brief §1.1)', () => {
    const verdict = evaluateEligibility(person('CSTD_CO_SO', 2025, { grants: [grant('LDTT', 2025)], ratings: rated(2025, 2025, 'EXCELLENT') }, { decisionDate: '2026-01-15' }));
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
      person('CSTD_BO_TINH', 2024, { ...three, grants: [grant('CSTD_CO_SO', 2022), grant('CSTD_CO_SO', 2023, { revoked: true }), grant('CSTD_CO_SO', 2024)] }),
      ['CSTD_CO_SO_NOT_CONSECUTIVE', 'GRANT_REVOKED'],
    ],
    ['fails with only a base-level initiative (Art 22)', person('CSTD_BO_TINH', 2024, { ...three, initiatives: [initiative('SK-B', 'BASE', '2023-09-01')] }), ['INITIATIVE_SCOPE_TOO_LOW']],
    ['fails without any initiative (Art 22)', person('CSTD_BO_TINH', 2024, { ...three, initiatives: [] }), ['INITIATIVE_MISSING']],
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
      person('CSTD_BO_TINH', 2024, { ...three, grants: [...grants('CSTD_CO_SO', [2021, 2022, 2023, 2024]), grant('CSTD_BO_TINH', 2023)] }),
      ['ACHIEVEMENT_ALREADY_REWARDED'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('relies on the three CSTĐCS grants as evidence', () => {
    expect(evaluateEligibility(person('CSTD_BO_TINH', 2024, three)).evidence.map((fact) => fact.id)).toEqual(['CSTD_CO_SO-2022', 'CSTD_CO_SO-2023', 'CSTD_CO_SO-2024']);
  });
});

describe('eligibility: Chiến sĩ thi đua toàn quốc (Law Art 21)', () => {
  const national = initiative('SK-N', 'NATIONAL', '2022-10-10');
  it.each<Case>([
    ['passes with CSTĐ bộ/tỉnh 2021 and 2024 and a nationwide initiative (Art 21)', person('CSTD_TOAN_QUOC', 2024, { grants: grants('CSTD_BO_TINH', [2021, 2024]), initiatives: [national] }), []],
    ['fails with a single CSTĐ bộ/tỉnh (Art 21)', person('CSTD_TOAN_QUOC', 2024, { grants: grants('CSTD_BO_TINH', [2024]), initiatives: [national] }), ['CSTD_BO_TINH_NOT_CONSECUTIVE']],
    ['fails when the two are not consecutive (2020, 2024) (Art 21)', person('CSTD_TOAN_QUOC', 2024, { grants: grants('CSTD_BO_TINH', [2020, 2024]), initiatives: [national] }), ['CSTD_BO_TINH_NOT_CONSECUTIVE']],
    [
      'fails with only a province-wide initiative (Art 21)',
      person('CSTD_TOAN_QUOC', 2024, { grants: grants('CSTD_BO_TINH', [2021, 2024]), initiatives: [initiative('SK-T', 'MINISTRY_OR_PROVINCE', '2022-10-10')] }),
      ['INITIATIVE_SCOPE_TOO_LOW'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('eligibility: Bằng khen của Thủ tướng, individual path (b) (Law Art 73(1)(b))', () => {
  const ok = { grants: [grant('BANG_KHEN_BO_TINH', 2019), ...grants('CSTD_CO_SO', [2020, 2022, 2024])], ratings: rated(2020, 2024) };
  it.each<Case>([
    ['passes: Bằng khen tỉnh 2019, then 2020–2024 good with 3 CSTĐCS (Art 73(1)(b))', person('BANG_KHEN_TTG', 2024, ok), []],
    ['fails without a prior Bằng khen bộ/tỉnh (Art 73(1)(b))', person('BANG_KHEN_TTG', 2024, { ...ok, grants: grants('CSTD_CO_SO', [2020, 2022, 2024]) }), ['MISSING_PRIOR_BANG_KHEN_BO_TINH']],
    [
      'fails when the prior Bằng khen was thematic (ND 98/152 Art 4(3))',
      person('BANG_KHEN_TTG', 2024, { ...ok, grants: [grant('BANG_KHEN_BO_TINH', 2019, { basis: 'THEMATIC' }), ...grants('CSTD_CO_SO', [2020, 2022, 2024])] }),
      ['BASIS_NOT_COUNTED', 'MISSING_PRIOR_BANG_KHEN_BO_TINH'],
    ],
    [
      'fails when the prior Bằng khen was ad hoc (ND 98/152 Art 4(3))',
      person('BANG_KHEN_TTG', 2024, { ...ok, grants: [grant('BANG_KHEN_BO_TINH', 2019, { basis: 'AD_HOC' }), ...grants('CSTD_CO_SO', [2020, 2022, 2024])] }),
      ['BASIS_NOT_COUNTED', 'MISSING_PRIOR_BANG_KHEN_BO_TINH'],
    ],
    [
      'fails when the prior Bằng khen is less than five years back (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, { ...ok, grants: [grant('BANG_KHEN_BO_TINH', 2021), ...grants('CSTD_CO_SO', [2020, 2022, 2024])] }),
      ['MISSING_PRIOR_BANG_KHEN_BO_TINH'],
    ],
    [
      'fails when a year rated "completed" breaks the five years (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, { ...ok, ratings: rated(2020, 2024, 'GOOD', { 2022: 'COMPLETED' }) }),
      ['CONSECUTIVE_GOOD_YEARS_TOO_FEW', 'NOT_ENOUGH_CSTD_CO_SO'],
    ],
    [
      'fails when a gap year without rating breaks the five years (Art 73(1)(b))',
      person('BANG_KHEN_TTG', 2024, { ...ok, ratings: rated(2020, 2024, 'GOOD', { 2021: null }) }),
      ['CONSECUTIVE_GOOD_YEARS_TOO_FEW', 'NOT_ENOUGH_CSTD_CO_SO'],
    ],
    ['fails with only two CSTĐCS in the period (Art 73(1)(b))', person('BANG_KHEN_TTG', 2024, { ...ok, grants: [grant('BANG_KHEN_BO_TINH', 2019), ...grants('CSTD_CO_SO', [2020, 2024])] }), ['NOT_ENOUGH_CSTD_CO_SO']],
    [
      'fails when a CSTĐCS of the period was revoked later (Law ch. VII)',
      person('BANG_KHEN_TTG', 2024, { ...ok, grants: [grant('BANG_KHEN_BO_TINH', 2019), ...grants('CSTD_CO_SO', [2020, 2022]), grant('CSTD_CO_SO', 2024, { revoked: true })] }),
      ['GRANT_REVOKED', 'NOT_ENOUGH_CSTD_CO_SO'],
    ],
    [
      'fails when the period overlaps an earlier Bằng khen TTg (Law Art 5(2))',
      person('BANG_KHEN_TTG', 2024, { ...ok, grants: [...ok.grants, grant('BANG_KHEN_TTG', 2021)] }),
      ['CONSECUTIVE_GOOD_YEARS_TOO_FEW', 'NOT_ENOUGH_CSTD_CO_SO'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('relies on the prior Bằng khen and the three CSTĐCS', () => {
    expect(evaluateEligibility(person('BANG_KHEN_TTG', 2024, ok)).evidence.map((fact) => fact.id).sort()).toEqual(['BANG_KHEN_BO_TINH-2019', 'CSTD_CO_SO-2020', 'CSTD_CO_SO-2022', 'CSTD_CO_SO-2024']);
  });

  it('leaves collectives and ad-hoc proposals to the council, with notes (Art 73(2) not verified)', () => {
    const collective = evaluateEligibility({ ...person('BANG_KHEN_TTG', 2024, {}), subject: { kind: 'COLLECTIVE' } });
    expect(collective).toMatchObject({ eligible: true, reasons: [] });
    expect(collective.notes.join(' ')).toContain('chưa tự kiểm tra');
    const adHoc = evaluateEligibility(person('BANG_KHEN_TTG', 2024, {}, { basis: 'AD_HOC' }));
    expect(adHoc).toMatchObject({ eligible: true, reasons: [] });
    expect(adHoc.notes.join(' ')).toContain('theo công trạng');
  });
});

describe('eligibility: Huân chương Lao động hạng Ba, individual path (e) (Law Art 44(1)(e))', () => {
  const ok = { grants: [grant('BANG_KHEN_TTG', 2019), ...grants('CSTD_CO_SO', [2020, 2022, 2024])], ratings: rated(2020, 2024, 'GOOD', { 2023: 'EXCELLENT' }) };
  it.each<Case>([
    ['passes: Bằng khen TTg 2019, then 2020–2024 good, one excellent, 3 CSTĐCS (Art 44(1)(e))', person('HC_LAO_DONG_3', 2024, ok), []],
    ['fails without a prior Bằng khen TTg (Art 44(1)(e))', person('HC_LAO_DONG_3', 2024, { ...ok, grants: [grant('BANG_KHEN_BO_TINH', 2019), ...grants('CSTD_CO_SO', [2020, 2022, 2024])] }), ['MISSING_PRIOR_BANG_KHEN_TTG']],
    [
      'fails when the prior Bằng khen TTg was thematic (ND 98/152 Art 4(3))',
      person('HC_LAO_DONG_3', 2024, { ...ok, grants: [grant('BANG_KHEN_TTG', 2019, { basis: 'THEMATIC' }), ...grants('CSTD_CO_SO', [2020, 2022, 2024])] }),
      ['BASIS_NOT_COUNTED', 'MISSING_PRIOR_BANG_KHEN_TTG'],
    ],
    [
      'fails when the prior Bằng khen TTg was revoked (Law ch. VII)',
      person('HC_LAO_DONG_3', 2024, { ...ok, grants: [grant('BANG_KHEN_TTG', 2019, { revoked: true }), ...grants('CSTD_CO_SO', [2020, 2022, 2024])] }),
      ['GRANT_REVOKED', 'MISSING_PRIOR_BANG_KHEN_TTG'],
    ],
    ['fails without an excellent year (Art 44(1)(e))', person('HC_LAO_DONG_3', 2024, { ...ok, ratings: rated(2020, 2024) }), ['NO_EXCELLENT_YEAR']],
    ['fails with two CSTĐCS (Art 44(1)(e))', person('HC_LAO_DONG_3', 2024, { ...ok, grants: [grant('BANG_KHEN_TTG', 2019), ...grants('CSTD_CO_SO', [2022, 2024])] }), ['NOT_ENOUGH_CSTD_CO_SO']],
    [
      'fails when a gap year breaks the five years (Art 44(1)(e))',
      person('HC_LAO_DONG_3', 2024, { ...ok, ratings: rated(2020, 2024, 'GOOD', { 2021: null, 2023: 'EXCELLENT' }) }),
      ['CONSECUTIVE_GOOD_YEARS_TOO_FEW', 'NOT_ENOUGH_CSTD_CO_SO'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('eligibility: collective titles (Law Arts 27, 28)', () => {
  const collective = (code: string, facts: EligibilityInput['collective'], partial: Partial<EligibilityHistory> = {}): EligibilityInput => ({
    awardTypeCode: code,
    year: 2024,
    subject: { kind: 'COLLECTIVE' },
    history: history(partial),
    collective: facts,
  });
  const advanced = { membersTotal: 10, membersLdtt: 7, membersCompleted: 10, hasCstdCoSo: false, rating: 'GOOD' as const, memberDisciplined: false };
  const excellent = { ...advanced, membersLdtt: 8, hasCstdCoSo: true, rating: 'EXCELLENT' as const };
  it.each<Case>([
    ['TTLĐTT passes with 70 % LĐTT exactly (Art 28)', collective('TTLD_TIEN_TIEN', advanced), []],
    ['TTLĐTT takes the rating from history when not given (Art 28)', collective('TTLD_TIEN_TIEN', { ...advanced, rating: null }, { ratings: rated(2024, 2024) }), []],
    ['TTLĐTT fails with 6 of 10 LĐTT (Art 28)', collective('TTLD_TIEN_TIEN', { ...advanced, membersLdtt: 6 }), ['LDTT_SHARE_TOO_LOW']],
    ['TTLĐTT fails with a member disciplined at cảnh cáo (Art 28)', collective('TTLD_TIEN_TIEN', { ...advanced, memberDisciplined: true }), ['MEMBER_DISCIPLINED']],
    ['TTLĐTT fails when the collective is only "completed" (Art 28)', collective('TTLD_TIEN_TIEN', { ...advanced, rating: 'COMPLETED' }), ['RATING_TOO_LOW']],
    ['TTLĐTT fails without a rating (Art 28)', collective('TTLD_TIEN_TIEN', { ...advanced, rating: null }), ['RATING_MISSING']],
    ['TTLĐTT fails without the membership snapshot (Art 28)', collective('TTLD_TIEN_TIEN', null), ['COLLECTIVE_FACTS_MISSING']],
    ['TTLĐTT refuses a snapshot that does not add up', collective('TTLD_TIEN_TIEN', { ...advanced, membersLdtt: 11 }), ['COLLECTIVE_FACTS_INVALID']],
    ['TTLĐTT is not for a person (Art 20)', { ...collective('TTLD_TIEN_TIEN', advanced), subject: { kind: 'PERSON' } }, ['SUBJECT_KIND_NOT_ALLOWED']],
    ['TTLĐXS passes (Art 27)', collective('TTLD_XUAT_SAC', excellent), []],
    ['TTLĐXS fails when only "good" (Art 27)', collective('TTLD_XUAT_SAC', { ...excellent, rating: 'GOOD' }), ['RATING_TOO_LOW']],
    ['TTLĐXS fails when one member did not complete tasks (Art 27)', collective('TTLD_XUAT_SAC', { ...excellent, membersCompleted: 9 }), ['MEMBERS_NOT_ALL_COMPLETED']],
    ['TTLĐXS fails with 6 of 10 LĐTT (Art 27)', collective('TTLD_XUAT_SAC', { ...excellent, membersLdtt: 6 }), ['LDTT_SHARE_TOO_LOW']],
    ['TTLĐXS fails without a CSTĐCS member (Art 27)', collective('TTLD_XUAT_SAC', { ...excellent, hasCstdCoSo: false }), ['NO_CSTD_CO_SO_MEMBER']],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('eligibility: emulation flags and the bloc leading unit (Law Arts 25, 26; brief rule 11)', () => {
  const flag = (code: string, bloc: EligibilityInput['blocLeadingUnit'], basis?: EligibilityInput['basis']): EligibilityInput => ({
    awardTypeCode: code,
    year: 2024,
    subject: { kind: 'COLLECTIVE' },
    history: history(),
    blocLeadingUnit: bloc,
    ...(basis ? { basis } : {}),
  });
  it.each<Case>([
    ['Cờ CP passes for the acclaimed leading member (Art 25(2))', flag('CO_THI_DUA_CP', { isLeadingUnit: true, isMember: true }), []],
    ['Cờ CP fails for a member that is not the leading unit (Art 25(2))', flag('CO_THI_DUA_CP', { isLeadingUnit: false, isMember: true }), ['NOT_LEADING_UNIT']],
    ['Cờ CP fails for a unit not in the bloc that year (Art 25(2))', flag('CO_THI_DUA_CP', { isLeadingUnit: true, isMember: false }), ['NOT_BLOC_MEMBER']],
    ['Cờ CP fails without the bloc result (Art 25)', flag('CO_THI_DUA_CP', null), ['BLOC_RESULT_MISSING']],
    ['Cờ bộ/tỉnh fails for a unit that is not the leading unit (Art 26)', flag('CO_THI_DUA_BO_TINH', { isLeadingUnit: false, isMember: true }), ['NOT_LEADING_UNIT']],
    ['Cờ CP for a ≥5-year movement review is left to the council (Art 25(3))', flag('CO_THI_DUA_CP', null, 'THEMATIC'), []],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('eligibility: principles for every award (ND 98/2023 = ND 152/2025 Art 4; Law Art 5)', () => {
  const goodLdtt = { ratings: rated(2020, 2024) };
  it.each<Case>([
    ['an open inquiry blocks (Art 4(4))', person('LDTT', 2024, { ...goodLdtt, openInquiries: [{ type: 'đơn tố cáo đang xác minh', openedOn: '2024-12-01' }] }), ['OPEN_INQUIRY']],
    ['an open inquiry blocks a state award too (Art 4(4))', person('HC_SAO_VANG', 2024, { openInquiries: [{ type: 'thanh tra', openedOn: '2024-12-01' }] }), ['OPEN_INQUIRY']],
    ['an inquiry opened after the decision date did not block it (Art 4(4))', person('LDTT', 2024, { ...goodLdtt, openInquiries: [{ type: 'thanh tra', openedOn: '2025-02-01' }] }), []],
    ['a discipline still running blocks (Art 4(4))', person('LDTT', 2024, { ...goodLdtt, disciplines: [{ level: 'khiển trách', from: '2024-10-01', to: null }] }), ['UNDER_DISCIPLINE']],
    ['a year before the discipline ended does not count (Art 4(4))', person('LDTT', 2023, { ...goodLdtt, disciplines: [{ level: 'khiển trách', from: '2022-10-01', to: '2023-03-31' }] }), ['ACHIEVEMENT_BEFORE_DISCIPLINE_END']],
    ['a year after the discipline ended counts (Art 4(4))', person('LDTT', 2024, { ...goodLdtt, disciplines: [{ level: 'khiển trách', from: '2022-10-01', to: '2023-03-31' }] }), []],
    [
      'only CSTĐCS after the discipline count toward CSTĐ bộ/tỉnh (Art 4(4))',
      person('CSTD_BO_TINH', 2024, {
        grants: grants('CSTD_CO_SO', [2022, 2023, 2024]),
        initiatives: [initiative('SK-T', 'MINISTRY_OR_PROVINCE', '2024-09-01')],
        disciplines: [{ level: 'khiển trách', from: '2023-01-10', to: '2023-07-10' }],
      }),
      // one reason per CSTĐCS that no longer counts (2022, 2023)
      ['ACHIEVEMENT_BEFORE_DISCIPLINE_END', 'ACHIEVEMENT_BEFORE_DISCIPLINE_END', 'CSTD_CO_SO_NOT_CONSECUTIVE'],
    ],
    ['an unknown award type is refused', person('NO_SUCH_AWARD', 2024, goodLdtt), ['UNKNOWN_AWARD_TYPE']],
    ['a malformed decision date is refused', person('LDTT', 2024, goodLdtt, { decisionDate: '2025-13-01' }), ['INVALID_INPUT']],
    ['a decision dated before the achievement year is refused', person('LDTT', 2024, goodLdtt, { decisionDate: '2023-12-31' }), ['INVALID_INPUT']],
    [
      'a title that no longer exists on the decision date is refused (ND 152 Art 50)',
      { awardTypeCode: 'XA_PHUONG_THI_TRAN_TIEU_BIEU', year: 2025, decisionDate: '2025-07-01', subject: { kind: 'COLLECTIVE' }, history: history() },
      ['AWARD_TYPE_NOT_IN_FORCE'],
    ],
    ['a title that still exists on 2025-06-30 is not refused', { awardTypeCode: 'XA_PHUONG_THI_TRAN_TIEU_BIEU', year: 2025, decisionDate: '2025-06-30', subject: { kind: 'COLLECTIVE' }, history: history() }, []],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('says which conditions of an unimplemented award are not checked, instead of inventing them', () => {
    const verdict = evaluateEligibility(person('HC_SAO_VANG', 2024, {}));
    expect(verdict).toMatchObject({ eligible: true, reasons: [], evidence: [] });
    expect(verdict.notes).toEqual([expect.stringContaining('chưa tự kiểm tra tiêu chuẩn của Huân chương Sao vàng')]);
  });

  it('explains every reason in Vietnamese with its article, using documented codes only', () => {
    const verdict = evaluateEligibility(
      person('BANG_KHEN_TTG', 2024, {
        grants: [grant('BANG_KHEN_BO_TINH', 2019, { basis: 'THEMATIC' }), grant('CSTD_CO_SO', 2024, { revoked: true })],
        ratings: rated(2022, 2024),
        openInquiries: [{ type: 'thanh tra', openedOn: '2024-05-05' }],
      }),
    );
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons.length).toBeGreaterThanOrEqual(5);
    for (const reason of verdict.reasons) {
      expect(Object.keys(ELIGIBILITY_REASON_CODES)).toContain(reason.code);
      expect(reason.message).toBe(reason.message.normalize('NFC'));
      expect(reason.message).toMatch(/Điều \d+|Chương VII/);
    }
  });

  it('never throws on nonsense input', () => {
    expect(() => evaluateEligibility({ awardTypeCode: 'LDTT', year: Number.NaN, subject: { kind: 'PERSON' }, history: history() })).not.toThrow();
    expect(() => evaluateEligibility({ awardTypeCode: 'LDTT', year: 2024, subject: { kind: 'PERSON' }, history: {} as EligibilityHistory })).not.toThrow();
  });
});
