/**
 * Which legal texts govern a decision, chosen by the decision's date (each decree's effective date and repeal clause):
 *
 * - before 2024-01-01: Luật Thi đua, khen thưởng 2003 (amended 2005, 2009, 2013) and its decrees. Kept
 *   only so old grants can be read; this engine does not evaluate it (`LAW_2003`, evaluated: false).
 * - 2024-01-01 … 2025-06-30: Luật TĐKT 06/2022/QH15 + Nghị định 98/2023/NĐ-CP.
 * - from 2025-07-01: Luật TĐKT 06/2022/QH15 + Nghị định 152/2025/NĐ-CP (its Art 59 repeals ND 98/2023),
 *   with the two-tier local government (ND 129/2025/NĐ-CP Art 59: the commune chair takes over the
 *   district chair's titles).
 *
 * The 2025 draft law amending 06/2022/QH15 (CSTĐCS would again require an initiative) is NOT in force
 * as of early 2026 ([U] on its status) and has no ruleset here. When it passes, add a value
 * with its effective date and give it its own parameters in eligibility.rule.ts.
 */
import { isIsoDate } from './calendar.rule.js';

export type Ruleset = 'LAW_2003' | 'LAW_2022+ND_98_2023' | 'LAW_2022+ND_152_2025';

/** The rulesets this engine actually applies. */
export type EvaluatedRuleset = Exclude<Ruleset, 'LAW_2003'>;

export interface RulesetDefinition {
  ruleset: Ruleset;
  evaluated: boolean;
  validFrom: string | null;
  validTo: string | null;
  /** The instruments in force, as cited in reasons. */
  instruments: string;
}

export const RULESETS: readonly RulesetDefinition[] = [
  {
    ruleset: 'LAW_2003',
    evaluated: false,
    validFrom: null,
    validTo: '2023-12-31',
    instruments: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2009, 2013)',
  },
  {
    ruleset: 'LAW_2022+ND_98_2023',
    evaluated: true,
    validFrom: '2024-01-01',
    validTo: '2025-06-30',
    instruments: 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
  },
  {
    ruleset: 'LAW_2022+ND_152_2025',
    evaluated: true,
    validFrom: '2025-07-01',
    validTo: null,
    instruments: 'Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP',
  },
];

export const LAW_2022_IN_FORCE = '2024-01-01';
export const ND_152_IN_FORCE = '2025-07-01';

/**
 * The ruleset in force on a decision date (YYYY-MM-DD). Never throws: a date that is not a calendar
 * day cannot be placed under the 2022 law, so it gets `LAW_2003`, which nothing evaluates; callers
 * that care validate the date first (evaluateEligibility reports INVALID_INPUT).
 */
export function rulesetFor(decisionDate: string): Ruleset {
  if (!isIsoDate(decisionDate) || decisionDate < LAW_2022_IN_FORCE) return 'LAW_2003';
  return decisionDate < ND_152_IN_FORCE ? 'LAW_2022+ND_98_2023' : 'LAW_2022+ND_152_2025';
}

export function isEvaluatedRuleset(ruleset: Ruleset): ruleset is EvaluatedRuleset {
  return ruleset !== 'LAW_2003';
}

export function rulesetDefinition(ruleset: Ruleset): RulesetDefinition {
  return RULESETS.find((definition) => definition.ruleset === ruleset)!;
}
