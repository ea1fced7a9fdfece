import { badInput } from '@tdkt/subgraph-kit';
import { yearProblem } from '../rules/year.rule.js';

/** The year of an input or argument, or BAD_USER_INPUT on `field` when the year rule refuses it. */
export function requireYear(year: number, field: string, now: Date = new Date()): number {
  const problem = yearProblem(year, now);
  if (problem) throw badInput(problem, { field });
  return year;
}
