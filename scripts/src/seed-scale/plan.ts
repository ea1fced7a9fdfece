/**
 * The shape of the scale dataset, computed in memory before anything is written: every organization
 * (the reference ones on top, the generated ones below), the lineage of the 2025 commune reform, the
 * "groups" (a unit subtree whose people and awards are generated together), the chunks (groups loaded
 * in one transaction) and the emulation blocs. Everything is a pure function of the preset, so a
 * resumed run plans exactly what the first run planned.
 *
 * The parts (plan/) run in a fixed order: an organization's index, and so its id and everything
 * derived from it, is the order in which it was added.
 */
import type { ScalePreset } from './presets.js';
import { planBlocs } from './plan/blocs.js';
import { PlanBuilder } from './plan/builder.js';
import { addCentralUnits } from './plan/central.js';
import { addNewCommunes } from './plan/communes.js';
import { addFormerDistricts } from './plan/former.js';
import { assignPersons, chooseWorkflowGroups, markSharedIssuers, planChunks, planGroups } from './plan/groups.js';
import { addProvincialUnits } from './plan/provinces.js';
import { addExtraCentralBodies, addReferenceOrganizations, addRootGroups } from './plan/reference.js';
import type { Plan } from './plan/types.js';

export { apportion, initials } from './plan/builder.js';
export { NOMINATIONS_PER_WORKFLOW_PERSON } from './plan/groups.js';
export { BLOC_YEARS, blocYear, parentAt, validOn, type BlocYear } from './plan/queries.js';
export type { Flavor, Plan, PlanBloc, PlanChunk, PlanGroup, PlanLineageEvent, PlanOrg } from './plan/types.js';

export function buildPlan(preset: ScalePreset): Plan {
  const b = new PlanBuilder();
  const { cp, ctn, referencePredecessors } = addReferenceOrganizations(b);
  const extraRoots = addExtraCentralBodies(b, preset);
  const { currentProvinces, formerProvinces, unitRoots, btdkttw } = addRootGroups(b, extraRoots);
  addCentralUnits(b, preset, unitRoots, currentProvinces);
  addProvincialUnits(b, preset, currentProvinces);
  const former = addFormerDistricts(b, preset, formerProvinces);
  const { communesOf, lineage } = addNewCommunes(b, preset, currentProvinces, referencePredecessors, former);
  // Former districts (with their communes) are groups too: they have collective awards until 2025.
  for (const district of former.generatedDistricts) b.groupRoots.push(district);

  const { groups, children } = planGroups(b);
  markSharedIssuers(b.orgs);
  const totalPersons = assignPersons(b, preset, groups);
  const workflowShare = chooseWorkflowGroups(b, preset, groups);
  const chunks = planChunks(preset, b.orgs, groups);
  const blocs = planBlocs(preset, b.orgs, b.byCode, {
    unitRoots,
    currentProvinces,
    formerProvinces,
    districtsOf: former.districtsOf,
    communesOf,
    children,
    btdkttw,
  });

  return {
    preset,
    orgs: b.orgs,
    byCode: b.byCode,
    groups,
    chunks,
    lineage,
    blocs,
    totalPersons,
    workflowShare,
    referencePredecessors,
    cp,
    ctn,
  };
}
