/** Questions the steps ask of the plan: validity on a day, bloc members of a year, parents before the reform. */
import { hash32 } from '../random.js';
import { CURRENT_YEAR, FIRST_YEAR } from '../presets.js';
import type { Plan, PlanBloc, PlanOrg } from './types.js';

/** Valid on an ISO day (both ends inclusive). */
export function validOn(org: PlanOrg, day: string): boolean {
  return (org.validFrom === null || org.validFrom <= day) && (org.validTo === null || org.validTo >= day);
}

export interface BlocYear {
  year: number;
  members: number[];
  lead: number;
  deputy: number;
}

/** Members of a bloc in a year: candidates valid on 31 December; the lead and deputy rotate yearly. */
export function blocYear(plan: Plan, bloc: PlanBloc, year: number): BlocYear | null {
  const members = bloc.candidates.filter((index) => validOn(plan.orgs[index]!, `${year}-12-31`));
  if (members.length < 2) return null;
  const lead = (hash32(bloc.index, 0xb10c) + year) % members.length;
  return { year, members, lead: members[lead]!, deputy: members[(lead + 1) % members.length]! };
}

export const BLOC_YEARS: readonly number[] = Array.from(
  { length: CURRENT_YEAR - FIRST_YEAR + 1 },
  (_, index) => FIRST_YEAR + index,
);

/** Where a unit hung before the 2025 reform: units of a new commune belonged to one of its predecessors. */
export function parentAt(plan: Plan, unit: number, day: string): number {
  const org = plan.orgs[unit]!;
  if (org.parent < 0) return -1;
  const parent = plan.orgs[org.parent]!;
  if (parent.predecessors.length > 0 && !validOn(parent, day))
    return parent.predecessors[hash32(unit, 0x9a7e) % parent.predecessors.length]!;
  return org.parent;
}
