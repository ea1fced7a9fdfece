// Eligibility of collectives, emulation flags and the principles every award follows (Luật TĐKT 2022
// Arts. 5, 25–28; NĐ 98/2023 = NĐ 152/2025 Art. 4). Every case names the article it guards.
import {
  evaluateEligibility,
  ELIGIBILITY_REASON_CODES,
  type EligibilityHistory,
  type EligibilityInput,
} from '@tdkt/awards';

import { grant, grants, rated, initiative, history, person, codes, type Case } from './eligibility.fixtures';

describe('eligibility: collective titles (Law Arts 27, 28)', () => {
  const collective = (
    code: string,
    facts: EligibilityInput['collective'],
    partial: Partial<EligibilityHistory> = {},
  ): EligibilityInput => ({
    awardTypeCode: code,
    year: 2024,
    subject: { kind: 'COLLECTIVE' },
    history: history(partial),
    collective: facts,
  });
  const advanced = {
    membersTotal: 10,
    membersLdtt: 7,
    membersCompleted: 10,
    hasCstdCoSo: false,
    rating: 'GOOD' as const,
    memberDisciplined: false,
  };
  const excellent = { ...advanced, membersLdtt: 8, hasCstdCoSo: true, rating: 'EXCELLENT' as const };
  it.each<Case>([
    ['TTLĐTT passes with 70 % LĐTT exactly (Art 28)', collective('TTLD_TIEN_TIEN', advanced), []],
    [
      'TTLĐTT takes the rating from history when not given (Art 28)',
      collective('TTLD_TIEN_TIEN', { ...advanced, rating: null }, { ratings: rated(2024, 2024) }),
      [],
    ],
    [
      'TTLĐTT fails with 6 of 10 LĐTT (Art 28)',
      collective('TTLD_TIEN_TIEN', { ...advanced, membersLdtt: 6 }),
      ['LDTT_SHARE_TOO_LOW'],
    ],
    [
      'TTLĐTT fails with a member disciplined at cảnh cáo (Art 28)',
      collective('TTLD_TIEN_TIEN', { ...advanced, memberDisciplined: true }),
      ['MEMBER_DISCIPLINED'],
    ],
    [
      'TTLĐTT fails when the collective is only "completed" (Art 28)',
      collective('TTLD_TIEN_TIEN', { ...advanced, rating: 'COMPLETED' }),
      ['RATING_TOO_LOW'],
    ],
    [
      'TTLĐTT fails without a rating (Art 28)',
      collective('TTLD_TIEN_TIEN', { ...advanced, rating: null }),
      ['RATING_MISSING'],
    ],
    [
      'TTLĐTT fails without the membership snapshot (Art 28)',
      collective('TTLD_TIEN_TIEN', null),
      ['COLLECTIVE_FACTS_MISSING'],
    ],
    [
      'TTLĐTT refuses a snapshot that does not add up',
      collective('TTLD_TIEN_TIEN', { ...advanced, membersLdtt: 11 }),
      ['COLLECTIVE_FACTS_INVALID'],
    ],
    [
      'TTLĐTT is not for a person (Art 20)',
      { ...collective('TTLD_TIEN_TIEN', advanced), subject: { kind: 'PERSON' } },
      ['SUBJECT_KIND_NOT_ALLOWED'],
    ],
    ['TTLĐXS passes (Art 27)', collective('TTLD_XUAT_SAC', excellent), []],
    [
      'TTLĐXS fails when only "good" (Art 27)',
      collective('TTLD_XUAT_SAC', { ...excellent, rating: 'GOOD' }),
      ['RATING_TOO_LOW'],
    ],
    [
      'TTLĐXS fails when one member did not complete tasks (Art 27)',
      collective('TTLD_XUAT_SAC', { ...excellent, membersCompleted: 9 }),
      ['MEMBERS_NOT_ALL_COMPLETED'],
    ],
    [
      'TTLĐXS fails with 6 of 10 LĐTT (Art 27)',
      collective('TTLD_XUAT_SAC', { ...excellent, membersLdtt: 6 }),
      ['LDTT_SHARE_TOO_LOW'],
    ],
    [
      'TTLĐXS fails without a CSTĐCS member (Art 27)',
      collective('TTLD_XUAT_SAC', { ...excellent, hasCstdCoSo: false }),
      ['NO_CSTD_CO_SO_MEMBER'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('eligibility: emulation flags and the bloc leading unit (Law Arts 25, 26)', () => {
  const flag = (
    code: string,
    bloc: EligibilityInput['blocLeadingUnit'],
    basis?: EligibilityInput['basis'],
  ): EligibilityInput => ({
    awardTypeCode: code,
    year: 2024,
    subject: { kind: 'COLLECTIVE' },
    history: history(),
    blocLeadingUnit: bloc,
    ...(basis ? { basis } : {}),
  });
  it.each<Case>([
    [
      'Cờ CP passes for the acclaimed leading member (Art 25(2))',
      flag('CO_THI_DUA_CP', { isLeadingUnit: true, isMember: true }),
      [],
    ],
    [
      'Cờ CP fails for a member that is not the leading unit (Art 25(2))',
      flag('CO_THI_DUA_CP', { isLeadingUnit: false, isMember: true }),
      ['NOT_LEADING_UNIT'],
    ],
    [
      'Cờ CP fails for a unit not in the bloc that year (Art 25(2))',
      flag('CO_THI_DUA_CP', { isLeadingUnit: true, isMember: false }),
      ['NOT_BLOC_MEMBER'],
    ],
    ['Cờ CP fails without the bloc result (Art 25)', flag('CO_THI_DUA_CP', null), ['BLOC_RESULT_MISSING']],
    [
      'Cờ bộ/tỉnh fails for a unit that is not the leading unit (Art 26)',
      flag('CO_THI_DUA_BO_TINH', { isLeadingUnit: false, isMember: true }),
      ['NOT_LEADING_UNIT'],
    ],
    [
      'Cờ CP for a ≥5-year movement review is left to the council: not evaluated (Art 25(3))',
      flag('CO_THI_DUA_CP', null, 'THEMATIC'),
      ['NOT_EVALUATED'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });
});

describe('eligibility: principles for every award (ND 98/2023 = ND 152/2025 Art 4; Law Art 5)', () => {
  const goodLdtt = { ratings: rated(2020, 2024) };
  it.each<Case>([
    [
      'an open inquiry blocks (Art 4(4))',
      person('LDTT', 2024, {
        ...goodLdtt,
        openInquiries: [{ type: 'đơn tố cáo đang xác minh', openedOn: '2024-12-01' }],
      }),
      ['OPEN_INQUIRY'],
    ],
    [
      'an open inquiry blocks a state award too (Art 4(4))',
      person('HC_SAO_VANG', 2024, { openInquiries: [{ type: 'thanh tra', openedOn: '2024-12-01' }] }),
      ['OPEN_INQUIRY'],
    ],
    [
      'an inquiry opened after the decision date did not block it (Art 4(4))',
      person('LDTT', 2024, { ...goodLdtt, openInquiries: [{ type: 'thanh tra', openedOn: '2025-02-01' }] }),
      [],
    ],
    [
      'a discipline still running blocks (Art 4(4))',
      person('LDTT', 2024, { ...goodLdtt, disciplines: [{ level: 'khiển trách', from: '2024-10-01', to: null }] }),
      ['UNDER_DISCIPLINE'],
    ],
    [
      'a year before the discipline ended does not count (Art 4(4))',
      person('LDTT', 2023, {
        ...goodLdtt,
        disciplines: [{ level: 'khiển trách', from: '2022-10-01', to: '2023-03-31' }],
      }),
      ['ACHIEVEMENT_BEFORE_DISCIPLINE_END'],
    ],
    [
      'a year after the discipline ended counts (Art 4(4))',
      person('LDTT', 2024, {
        ...goodLdtt,
        disciplines: [{ level: 'khiển trách', from: '2022-10-01', to: '2023-03-31' }],
      }),
      [],
    ],
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
    [
      'a malformed decision date is refused',
      person('LDTT', 2024, goodLdtt, { decisionDate: '2025-13-01' }),
      ['INVALID_INPUT'],
    ],
    [
      'a decision dated before the achievement year is refused',
      person('LDTT', 2024, goodLdtt, { decisionDate: '2023-12-31' }),
      ['INVALID_INPUT'],
    ],
    [
      'a title that no longer exists on the decision date is refused (ND 152 Art 50)',
      {
        awardTypeCode: 'XA_PHUONG_THI_TRAN_TIEU_BIEU',
        year: 2025,
        decisionDate: '2025-07-01',
        subject: { kind: 'COLLECTIVE' },
        history: history(),
      },
      ['AWARD_TYPE_NOT_IN_FORCE'],
    ],
    [
      "a title that still exists on 2025-06-30 is not refused (its conditions are the council's: not evaluated)",
      {
        awardTypeCode: 'XA_PHUONG_THI_TRAN_TIEU_BIEU',
        year: 2025,
        decisionDate: '2025-06-30',
        subject: { kind: 'COLLECTIVE' },
        history: history(),
      },
      ['NOT_EVALUATED'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('says which conditions of an unimplemented award are not checked, instead of inventing them', () => {
    const verdict = evaluateEligibility(person('HC_SAO_VANG', 2024, {}));
    expect(verdict).toMatchObject({ eligible: null, reasons: [{ code: 'NOT_EVALUATED' }], evidence: [] });
    expect(verdict.reasons[0]!.message).toContain('Huân chương Sao vàng (Luật TĐKT 2022, Điều 33)');
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
    expect(() =>
      evaluateEligibility({ awardTypeCode: 'LDTT', year: Number.NaN, subject: { kind: 'PERSON' }, history: history() }),
    ).not.toThrow();
    expect(() =>
      evaluateEligibility({
        awardTypeCode: 'LDTT',
        year: 2024,
        subject: { kind: 'PERSON' },
        history: {} as EligibilityHistory,
      }),
    ).not.toThrow();
  });
});
