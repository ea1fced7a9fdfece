// Builders shared by the eligibility rules' tests: a person's grants, ratings and initiatives as the
// rules receive them. Test support only: left out of the package build like the tests themselves.
import {
  evaluateEligibility,
  type EligibilityHistory,
  type EligibilityInput,
  type GrantFact,
  type InitiativeFact,
  type AnnualRating,
} from '@tdkt/awards';

// ── Builders ────────────────────────────────────────────────────────────────────────────────────────

export function grant(awardTypeCode: string, year: number, extra: Partial<GrantFact> = {}): GrantFact {
  return {
    id: `${awardTypeCode}-${year}${extra.basis ? `-${extra.basis}` : ''}`,
    awardTypeCode,
    year,
    basis: 'MERIT',
    decisionDate: `${year + 1}-01-10`,
    revoked: false,
    ...extra,
  };
}

export function grants(awardTypeCode: string, years: number[]): GrantFact[] {
  return years.map((year) => grant(awardTypeCode, year));
}

export function rated(
  from: number,
  to: number,
  rating: AnnualRating = 'GOOD',
  overrides: Record<number, AnnualRating | null> = {},
): EligibilityHistory['ratings'] {
  const ratings: EligibilityHistory['ratings'] = [];
  for (let year = from; year <= to; year += 1) {
    const value = year in overrides ? overrides[year]! : rating;
    if (value) ratings.push({ year, rating: value });
  }
  return ratings;
}

export function initiative(
  id: string,
  scope: InitiativeFact['scope'],
  recognizedOn: string,
  usedByGrantIds: string[] = [],
): InitiativeFact {
  return { id, scope, recognizedOn, usedByGrantIds };
}

export function history(partial: Partial<EligibilityHistory> = {}): EligibilityHistory {
  return { grants: [], ratings: [], initiatives: [], openInquiries: [], disciplines: [], ...partial };
}

export function person(
  awardTypeCode: string,
  year: number,
  partial: Partial<EligibilityHistory>,
  extra: Partial<EligibilityInput> = {},
): EligibilityInput {
  return { awardTypeCode, year, subject: { kind: 'PERSON' }, history: history(partial), ...extra };
}

export function codes(input: EligibilityInput): string[] {
  return evaluateEligibility(input)
    .reasons.map((reason) => reason.code)
    .sort();
}

export type Case = [string, EligibilityInput, string[]];
