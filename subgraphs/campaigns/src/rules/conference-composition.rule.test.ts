/**
 * The composition check of a conference's delegate list (rules/conference-composition.rule.ts), with
 * the rules of the Tây Hồ 2020 conference: at most 300 delegates, at least 70 % exemplars.
 */
import {
  ageBand,
  checkComposition,
  isExemplarCategory,
  type DelegateFacts,
  type DelegateCategoryValue,
} from '@tdkt/campaigns';

const TAY_HO = {
  maxDelegates: 300,
  minExemplarShare: 0.7,
  balanceFacets: ['GENDER', 'DIRECT_WORKER', 'AGE_BAND', 'ETHNICITY', 'SECTOR'] as const,
  referenceYear: 2020,
};

function delegates(
  counts: Partial<Record<DelegateCategoryValue, number>>,
  facts: Partial<DelegateFacts> = {},
): DelegateFacts[] {
  return Object.entries(counts).flatMap(([category, count]) =>
    Array.from({ length: count }, () => ({
      category: category as DelegateCategoryValue,
      gender: null,
      ethnicity: null,
      birthYear: null,
      isDirectWorker: false,
      sector: null,
      ...facts,
    })),
  );
}

describe('conference composition', () => {
  it('passes 287 delegates of whom 201 exemplars (70.0 %)', () => {
    const report = checkComposition(
      TAY_HO,
      delegates({ EXEMPLAR: 150, EMULATION_FIGHTER: 40, HERO: 1, GOOD_DEED: 10, LEADER: 50, GUEST: 36 }),
    );
    expect(report.total).toBe(287);
    expect(report.exemplarCount).toBe(201);
    expect(report.lines).toEqual([
      { rule: 'MAX_DELEGATES', required: '≤ 300 đại biểu', actual: '287 đại biểu', passed: true },
      {
        rule: 'MIN_EXEMPLAR_SHARE',
        required: '≥ 70 % đại biểu điển hình tiên tiến',
        actual: '70,0 % (201/287)',
        passed: true,
      },
    ]);
    expect(report.passed).toBe(true);
  });

  it('fails 66.9 % exemplars, and shows the share truncated, never rounded up to the threshold', () => {
    const report = checkComposition(TAY_HO, delegates({ EXEMPLAR: 194, GUEST: 96 }));
    expect(report.lines[1]).toEqual({
      rule: 'MIN_EXEMPLAR_SHARE',
      required: '≥ 70 % đại biểu điển hình tiên tiến',
      actual: '66,8 % (194/290)',
      passed: false,
    });
    expect(report.passed).toBe(false);
    // 699/999 = 69.97 %: displayed 69,9 %, refused; 700/1000 passes exactly at the boundary.
    const justUnder = checkComposition({ ...TAY_HO, maxDelegates: null }, delegates({ EXEMPLAR: 699, LEADER: 300 }));
    expect(justUnder.lines).toEqual([
      {
        rule: 'MIN_EXEMPLAR_SHARE',
        required: '≥ 70 % đại biểu điển hình tiên tiến',
        actual: '69,9 % (699/999)',
        passed: false,
      },
    ]);
    expect(checkComposition({ ...TAY_HO, maxDelegates: null }, delegates({ EXEMPLAR: 700, LEADER: 300 })).passed).toBe(
      true,
    );
  });

  it('fails 301 delegates against a limit of 300', () => {
    const report = checkComposition(TAY_HO, delegates({ EXEMPLAR: 250, GUEST: 51 }));
    expect(report.lines[0]).toEqual({
      rule: 'MAX_DELEGATES',
      required: '≤ 300 đại biểu',
      actual: '301 đại biểu',
      passed: false,
    });
  });

  it('does not count leaders, guests and council chairs as exemplars', () => {
    expect(
      (['HERO', 'NATIONAL_EMULATION_FIGHTER', 'EMULATION_FIGHTER', 'EXEMPLAR', 'GOOD_DEED'] as const).every(
        isExemplarCategory,
      ),
    ).toBe(true);
    expect((['LEADER', 'GUEST', 'COUNCIL_CHAIR'] as const).some(isExemplarCategory)).toBe(false);
    expect(checkComposition(TAY_HO, delegates({ COUNCIL_CHAIR: 1, LEADER: 1, GUEST: 1 })).exemplarCount).toBe(0);
  });

  it('fails the exemplar share of an empty list and reports nothing to check without rules', () => {
    const empty = checkComposition(TAY_HO, []);
    expect(empty.lines).toEqual([
      { rule: 'MAX_DELEGATES', required: '≤ 300 đại biểu', actual: '0 đại biểu', passed: true },
      {
        rule: 'MIN_EXEMPLAR_SHARE',
        required: '≥ 70 % đại biểu điển hình tiên tiến',
        actual: 'chưa có đại biểu',
        passed: false,
      },
    ]);
    const free = checkComposition(
      { maxDelegates: null, minExemplarShare: null, balanceFacets: [], referenceYear: 2020 },
      delegates({ GUEST: 3 }),
    );
    expect(free).toEqual({ total: 3, exemplarCount: 0, passed: true, lines: [], breakdowns: [] });
  });

  it('writes a share with three decimals as such (72.5 %)', () => {
    const report = checkComposition({ ...TAY_HO, minExemplarShare: 0.725 }, delegates({ EXEMPLAR: 29, GUEST: 11 }));
    expect(report.lines[1]).toMatchObject({
      required: '≥ 72,5 % đại biểu điển hình tiên tiến',
      actual: '72,5 % (29/40)',
      passed: true,
    });
  });

  it('breaks the list down by the facets asked for, largest group first, unknowns counted', () => {
    const list = [
      ...delegates(
        { EXEMPLAR: 3 },
        { gender: 'FEMALE', ethnicity: 'Tày', birthYear: 1995, isDirectWorker: true, sector: 'ECONOMY' },
      ),
      ...delegates({ EXEMPLAR: 1 }, { gender: 'MALE', ethnicity: 'Kinh', birthYear: 1985, sector: 'CULTURE_SOCIETY' }),
      ...delegates({ LEADER: 1 }, { gender: 'MALE', ethnicity: null, birthYear: 1959 }),
    ];
    const report = checkComposition(TAY_HO, list);
    const facet = (name: string) => report.breakdowns.find((breakdown) => breakdown.facet === name)!.buckets;
    expect(report.breakdowns.map((breakdown) => breakdown.facet)).toEqual([
      'GENDER',
      'DIRECT_WORKER',
      'AGE_BAND',
      'ETHNICITY',
      'SECTOR',
    ]);
    expect(facet('GENDER')).toEqual([
      { value: 'FEMALE', label: 'Nữ', count: 3, share: 0.6 },
      { value: 'MALE', label: 'Nam', count: 2, share: 0.4 },
    ]);
    expect(facet('DIRECT_WORKER').map((bucket) => [bucket.value, bucket.count])).toEqual([
      ['DIRECT', 3],
      ['NOT_DIRECT', 2],
    ]);
    expect(facet('AGE_BAND').map((bucket) => [bucket.value, bucket.count])).toEqual([
      ['UP_TO_30', 3],
      ['FROM_31_TO_45', 1],
      ['OVER_60', 1],
    ]);
    expect(facet('ETHNICITY').map((bucket) => [bucket.value, bucket.count])).toEqual([
      ['Tày', 3],
      ['Kinh', 1],
      ['UNKNOWN', 1],
    ]);
    expect(facet('SECTOR').map((bucket) => [bucket.value, bucket.count])).toEqual([
      ['ECONOMY', 3],
      ['CULTURE_SOCIETY', 1],
      ['UNKNOWN', 1],
    ]);
  });

  it('counts youth up to 30 in the conference year (Luật Thanh niên 2020)', () => {
    expect(ageBand(1990, 2020)).toBe('UP_TO_30');
    expect(ageBand(1989, 2020)).toBe('FROM_31_TO_45');
    expect(ageBand(1960, 2020)).toBe('FROM_46_TO_60');
    expect(ageBand(1959, 2020)).toBe('OVER_60');
    expect(ageBand(null, 2020)).toBeNull();
  });
});
