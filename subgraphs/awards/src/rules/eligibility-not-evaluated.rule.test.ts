// Every award type of the catalogue, for every subject it is given to: only the award types whose
// conditions the rules compute may answer "eligible" or "not eligible"; the others answer "not
// evaluated" (eligible null) with a reason citing their article, because their conditions are judged
// by the Hội đồng TĐKT and the deciding head (Luật TĐKT 2022, Điều 5; NĐ 98/2023 = NĐ 152/2025, Điều 4).
import { AWARD_TYPES, evaluateEligibility, type EligibilityInput } from '@tdkt/awards';

import { grant, grants, rated, history, person } from './eligibility.fixtures';

/** The award types (and subjects) whose conditions are computed, each with a case that passes and one that fails. */
const COMPUTED: [string, 'PERSON' | 'COLLECTIVE', EligibilityInput, EligibilityInput][] = [
  ['LDTT', 'PERSON', person('LDTT', 2024, { ratings: rated(2024, 2024) }), person('LDTT', 2024, {})],
  [
    'CHIEN_SI_TIEN_TIEN',
    'PERSON',
    person('CHIEN_SI_TIEN_TIEN', 2024, { ratings: rated(2024, 2024) }),
    person('CHIEN_SI_TIEN_TIEN', 2024, {}),
  ],
  [
    'CSTD_CO_SO',
    'PERSON',
    person('CSTD_CO_SO', 2024, { grants: [grant('LDTT', 2024)], ratings: rated(2024, 2024, 'EXCELLENT') }),
    person('CSTD_CO_SO', 2024, {}),
  ],
  [
    'CSTD_BO_TINH',
    'PERSON',
    person('CSTD_BO_TINH', 2024, {
      grants: grants('CSTD_CO_SO', [2022, 2023, 2024]),
      initiatives: [{ id: 'SK', scope: 'MINISTRY_OR_PROVINCE', recognizedOn: '2023-09-01', usedByGrantIds: [] }],
    }),
    person('CSTD_BO_TINH', 2024, {}),
  ],
  [
    'CSTD_TOAN_QUOC',
    'PERSON',
    person('CSTD_TOAN_QUOC', 2024, {
      grants: grants('CSTD_BO_TINH', [2021, 2024]),
      initiatives: [{ id: 'SK', scope: 'NATIONAL', recognizedOn: '2022-10-10', usedByGrantIds: [] }],
    }),
    person('CSTD_TOAN_QUOC', 2024, {}),
  ],
  ...(['TTLD_TIEN_TIEN', 'DON_VI_TIEN_TIEN', 'TTLD_XUAT_SAC', 'DON_VI_QUYET_THANG'] as const).map(
    (code): [string, 'COLLECTIVE', EligibilityInput, EligibilityInput] => {
      const facts = {
        membersTotal: 10,
        membersLdtt: 8,
        membersCompleted: 10,
        hasCstdCoSo: true,
        rating: 'EXCELLENT' as const,
        memberDisciplined: false,
      };
      const input = (collective: typeof facts): EligibilityInput => ({
        awardTypeCode: code,
        year: 2024,
        subject: { kind: 'COLLECTIVE' },
        history: history(),
        collective,
      });
      return [code, 'COLLECTIVE', input(facts), input({ ...facts, membersLdtt: 2 })];
    },
  ),
  ...(['CO_THI_DUA_CP', 'CO_THI_DUA_BO_TINH'] as const).map(
    (code): [string, 'COLLECTIVE', EligibilityInput, EligibilityInput] => {
      const input = (isLeadingUnit: boolean): EligibilityInput => ({
        awardTypeCode: code,
        year: 2024,
        subject: { kind: 'COLLECTIVE' },
        history: history(),
        blocLeadingUnit: { isLeadingUnit, isMember: true },
      });
      return [code, 'COLLECTIVE', input(true), input(false)];
    },
  ),
];

/** Award types of which the rules compute one path of several (Art 73(1)(b), Art 44(1)(e)): true or not evaluated. */
const ONE_PATH: [string, 'PERSON', EligibilityInput, EligibilityInput][] = [
  [
    'BANG_KHEN_TTG',
    'PERSON',
    person('BANG_KHEN_TTG', 2024, {
      grants: [grant('BANG_KHEN_BO_TINH', 2019), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
      ratings: rated(2020, 2024),
    }),
    person('BANG_KHEN_TTG', 2024, {}),
  ],
  [
    'HC_LAO_DONG_3',
    'PERSON',
    person('HC_LAO_DONG_3', 2024, {
      grants: [grant('BANG_KHEN_TTG', 2019), ...grants('CSTD_CO_SO', [2020, 2022, 2024])],
      ratings: rated(2020, 2024, 'GOOD', { 2023: 'EXCELLENT' }),
    }),
    person('HC_LAO_DONG_3', 2024, {}),
  ],
];

describe('eligibility: which award types answer true or false, and which are not evaluated', () => {
  it.each(ONE_PATH)('%s (%s): true on the computed path, otherwise not evaluated', (_code, _kind, passing, failing) => {
    expect(evaluateEligibility(passing)).toMatchObject({ eligible: true, reasons: [] });
    const verdict = evaluateEligibility(failing);
    expect(verdict.eligible).toBeNull();
    expect(verdict.reasons.map((found) => found.code)).toContain('NOT_EVALUATED');
  });

  it.each(COMPUTED)('%s (%s) is computed: true when met, false when not', (_code, _kind, passing, failing) => {
    expect(evaluateEligibility(passing)).toMatchObject({ eligible: true, reasons: [] });
    const verdict = evaluateEligibility(failing);
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons.map((found) => found.code)).not.toContain('NOT_EVALUATED');
  });

  const computed = new Set([...COMPUTED, ...ONE_PATH].map(([code, kind]) => `${code}|${kind}`));
  const others = AWARD_TYPES.flatMap((type) =>
    type.subjectKinds
      .filter((kind) => !computed.has(`${type.code}|${kind}`))
      .map((kind) => [type.code, kind, type.legalBasis, type.validFrom] as const),
  );

  it('leaves most of the catalogue to the council: every other award type and subject', () => {
    expect(others.length).toBeGreaterThan(50);
    expect(others.map(([code, kind]) => `${code}|${kind}`)).toEqual(
      expect.arrayContaining([
        'BANG_KHEN_BO_TINH|PERSON',
        'BANG_KHEN_BO_TINH|COLLECTIVE',
        'GIAY_KHEN|PERSON',
        'GIAY_KHEN|HOUSEHOLD',
        'BANG_KHEN_TTG|COLLECTIVE',
        'HC_LAO_DONG_3|COLLECTIVE',
        'ANH_HUNG_LAO_DONG|PERSON',
      ]),
    );
  });

  it.each(others)(
    '%s (%s) is not evaluated: eligible null, citing %s (Law Art 5; ND Art 4)',
    (code, kind, legalBasis, validFrom) => {
      const year = validFrom && validFrom > '2024-01-01' ? 2025 : 2024;
      const verdict = evaluateEligibility({
        awardTypeCode: code,
        year, // decided on 15 January of the next year, inside the catalogue entry's validity
        subject: { kind },
        history: history(),
      });
      expect(verdict.eligible).toBeNull();
      expect(verdict.reasons.map((found) => found.code)).toEqual(['NOT_EVALUATED']);
      const message = verdict.reasons[0]!.message;
      expect(message).toContain(legalBasis);
      expect(message).toContain('Hội đồng Thi đua – Khen thưởng');
      expect(message).toBe(message.normalize('NFC'));
    },
  );

  it('keeps "not eligible" when a general bar applies to an award that is not evaluated (ND Art 4(4))', () => {
    const verdict = evaluateEligibility(
      person('BANG_KHEN_BO_TINH', 2024, { openInquiries: [{ type: 'thanh tra', openedOn: '2024-05-05' }] }),
    );
    expect(verdict.eligible).toBe(false);
    expect(verdict.reasons.map((found) => found.code)).toEqual(['OPEN_INQUIRY']);
    expect(verdict.notes.join(' ')).toContain('Bằng khen của bộ, ban, ngành, tỉnh');
  });

  it('answers "not evaluated" when the facts a computed rule needs are missing (Law Arts 25–28)', () => {
    const collective = (awardTypeCode: string) =>
      evaluateEligibility({ awardTypeCode, year: 2024, subject: { kind: 'COLLECTIVE' }, history: history() });
    expect(collective('TTLD_TIEN_TIEN')).toMatchObject({
      eligible: null,
      reasons: [{ code: 'COLLECTIVE_FACTS_MISSING' }],
    });
    expect(collective('CO_THI_DUA_CP')).toMatchObject({ eligible: null, reasons: [{ code: 'BLOC_RESULT_MISSING' }] });
  });

  it('answers "not evaluated" when the one computed path of Art 73(1) fails, and says why it fails', () => {
    const verdict = evaluateEligibility(person('BANG_KHEN_TTG', 2024, { ratings: rated(2020, 2024) }));
    expect(verdict.eligible).toBeNull();
    expect(verdict.reasons.map((found) => found.code)).toEqual(
      expect.arrayContaining(['MISSING_PRIOR_BANG_KHEN_BO_TINH', 'NOT_EVALUATED']),
    );
    expect(verdict.reasons.find((found) => found.code === 'NOT_EVALUATED')!.message).toContain(
      'điểm b khoản 1 Điều 73',
    );
  });
});
