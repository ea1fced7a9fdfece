/**
 * Whether a conference's delegate list meets its composition rules, and how it breaks down by the
 * facets the organizers asked to keep balanced. Pure: plain data in, a report out (no framework, no
 * database). The rules come from the conference plans, e.g. UBND quận Tây Hồ's plan for the 2020
 * Hội nghị Điển hình tiên tiến (Kế hoạch of UBND quận Tây Hồ, Hà Nội): "Tối đa 300 đại biểu. Trong đó, đại biểu điển hình tiên
 * tiến chiếm 70%; đại biểu khách mời và lãnh đạo các cấp, các ngành chiếm 30%", balanced by ngành,
 * lĩnh vực, thành phần kinh tế, dân tộc, tôn giáo, đại biểu nữ, đại biểu trẻ tuổi, người lao động
 * trực tiếp. The plans set no numbers for the balance, so facets are reported, never judged.
 */

export type DelegateCategoryValue =
  | 'HERO'
  | 'NATIONAL_EMULATION_FIGHTER'
  | 'EMULATION_FIGHTER'
  | 'EXEMPLAR'
  | 'GOOD_DEED'
  | 'LEADER'
  | 'COUNCIL_CHAIR'
  | 'GUEST';
export type SectorValue = 'ECONOMY' | 'DEFENCE_SECURITY' | 'CULTURE_SOCIETY' | 'OTHER';
export type FacetValue = 'SECTOR' | 'GENDER' | 'ETHNICITY' | 'AGE_BAND' | 'DIRECT_WORKER';
export type AgeBandValue = 'UP_TO_30' | 'FROM_31_TO_45' | 'FROM_46_TO_60' | 'OVER_60';

/**
 * Who counts as an exemplar delegate ("đại biểu điển hình tiên tiến"). The Tây Hồ plan lists the
 * conference's members as leaders, then "đại diện tập thể và cá nhân Anh hùng, Chiến sĩ thi đua, các
 * gương điển hình tiên tiến …, các gương người tốt, việc tốt", and splits them 70 % exemplars / 30 %
 * "khách mời và lãnh đạo các cấp, các ngành". So heroes, emulation fighters (every level), exemplars
 * and good-deed examples count; leaders, guests and the chairs of emulation councils (who lead
 * delegations at a congress) do not.
 */
export const EXEMPLAR_CATEGORIES: ReadonlySet<DelegateCategoryValue> = new Set([
  'HERO',
  'NATIONAL_EMULATION_FIGHTER',
  'EMULATION_FIGHTER',
  'EXEMPLAR',
  'GOOD_DEED',
]);

export const isExemplarCategory = (category: DelegateCategoryValue): boolean => EXEMPLAR_CATEGORIES.has(category);

export interface CompositionRules {
  maxDelegates: number | null;
  /** Between 0 and 1, at most three decimals (e.g. 0.7). */
  minExemplarShare: number | null;
  balanceFacets: readonly FacetValue[];
  /** Year in which ages are counted: the conference's year. */
  referenceYear: number;
}

export interface DelegateFacts {
  category: DelegateCategoryValue;
  gender: 'MALE' | 'FEMALE' | null;
  ethnicity: string | null;
  birthYear: number | null;
  isDirectWorker: boolean;
  sector: SectorValue | null;
}

export interface CompositionLine {
  rule: 'MAX_DELEGATES' | 'MIN_EXEMPLAR_SHARE';
  required: string;
  actual: string;
  passed: boolean;
}

export interface FacetBucket {
  /** Stable value (enum value, ethnicity name, or UNKNOWN). */
  value: string;
  label: string;
  count: number;
  /** count / total, rounded to 4 decimals; 0 when there are no delegates. */
  share: number;
}

export interface FacetBreakdown {
  facet: FacetValue;
  buckets: FacetBucket[];
}

export interface CompositionReport {
  total: number;
  exemplarCount: number;
  /** True when every rule line passed (and vacuously when the conference sets no rule). */
  passed: boolean;
  lines: CompositionLine[];
  breakdowns: FacetBreakdown[];
}

/** Youth is up to 30 (Luật Thanh niên 2020, Điều 1: thanh niên từ đủ 16 đến 30 tuổi). */
export function ageBand(birthYear: number | null, referenceYear: number): AgeBandValue | null {
  if (birthYear === null) return null;
  const age = referenceYear - birthYear;
  if (age <= 30) return 'UP_TO_30';
  if (age <= 45) return 'FROM_31_TO_45';
  if (age <= 60) return 'FROM_46_TO_60';
  return 'OVER_60';
}

/** Vietnamese number style: decimal comma, one decimal, truncated (never rounded up past a threshold). */
function percent(numerator: number, denominator: number): string {
  const tenths = Math.floor((numerator * 1000) / denominator);
  return `${Math.floor(tenths / 10)},${tenths % 10} %`;
}

const LABELS: Record<string, string> = {
  ECONOMY: 'Kinh tế',
  DEFENCE_SECURITY: 'Quốc phòng, an ninh',
  CULTURE_SOCIETY: 'Văn hóa, xã hội, giáo dục, y tế',
  OTHER: 'Lĩnh vực khác',
  MALE: 'Nam',
  FEMALE: 'Nữ',
  UP_TO_30: 'Đến 30 tuổi',
  FROM_31_TO_45: 'Từ 31 đến 45 tuổi',
  FROM_46_TO_60: 'Từ 46 đến 60 tuổi',
  OVER_60: 'Trên 60 tuổi',
  DIRECT: 'Trực tiếp lao động, sản xuất, công tác',
  NOT_DIRECT: 'Khác',
  UNKNOWN: 'Chưa rõ',
};

function facetValue(facet: FacetValue, delegate: DelegateFacts, referenceYear: number): string {
  switch (facet) {
    case 'SECTOR':
      return delegate.sector ?? 'UNKNOWN';
    case 'GENDER':
      return delegate.gender ?? 'UNKNOWN';
    case 'ETHNICITY':
      return delegate.ethnicity ?? 'UNKNOWN';
    case 'AGE_BAND':
      return ageBand(delegate.birthYear, referenceYear) ?? 'UNKNOWN';
    case 'DIRECT_WORKER':
      return delegate.isDirectWorker ? 'DIRECT' : 'NOT_DIRECT';
  }
}

function breakdown(facet: FacetValue, delegates: readonly DelegateFacts[], referenceYear: number): FacetBreakdown {
  const counts = new Map<string, number>();
  for (const delegate of delegates) {
    const value = facetValue(facet, delegate, referenceYear);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const total = delegates.length;
  const buckets = [...counts.entries()]
    .map(([value, count]) => ({
      value,
      label: LABELS[value] ?? value,
      count,
      share: total ? Math.round((count / total) * 10_000) / 10_000 : 0,
    }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'vi'));
  return { facet, buckets };
}

export function checkComposition(rules: CompositionRules, delegates: readonly DelegateFacts[]): CompositionReport {
  const total = delegates.length;
  const exemplarCount = delegates.filter((delegate) => isExemplarCategory(delegate.category)).length;
  const lines: CompositionLine[] = [];
  if (rules.maxDelegates !== null) {
    lines.push({
      rule: 'MAX_DELEGATES',
      required: `≤ ${rules.maxDelegates} đại biểu`,
      actual: `${total} đại biểu`,
      passed: total <= rules.maxDelegates,
    });
  }
  if (rules.minExemplarShare !== null) {
    // Integer arithmetic in thousandths: 0.7 × 290 must not become 202.99999 and let 203 pass wrongly.
    const permille = Math.round(rules.minExemplarShare * 1000);
    const whole = permille % 10 === 0 ? `${permille / 10} %` : percent(permille, 1000);
    const required = `≥ ${whole} đại biểu điển hình tiên tiến`;
    lines.push(
      total === 0
        ? { rule: 'MIN_EXEMPLAR_SHARE', required, actual: 'chưa có đại biểu', passed: false }
        : {
            rule: 'MIN_EXEMPLAR_SHARE',
            required,
            actual: `${percent(exemplarCount, total)} (${exemplarCount}/${total})`,
            passed: exemplarCount * 1000 >= permille * total,
          },
    );
  }
  return {
    total,
    exemplarCount,
    passed: lines.every((line) => line.passed),
    lines,
    breakdowns: rules.balanceFacets.map((facet) => breakdown(facet, delegates, rules.referenceYear)),
  };
}
