/**
 * From the organizations to the work: the groups (a unit subtree whose people and awards are generated
 * together), the issuers shared between groups, the persons of each unit, the groups that use the
 * nomination workflow, and the chunks (groups loaded in one transaction).
 */
import { hashString } from '../random.js';
import type { ScalePreset } from '../presets.js';
import { apportion, type PlanBuilder } from './builder.js';
import type { Flavor, PlanChunk, PlanGroup, PlanOrg } from './types.js';

/** Nominations per person of a workflow group (measured on the generator; see awards step). */
export const NOMINATIONS_PER_WORKFLOW_PERSON = 2.0;

/** Headcount weight of a unit by what it does (scaled to the preset's persons afterwards). */
const HEADCOUNT: Record<Flavor, number> = {
  office: 45,
  school: 45,
  hospital: 300,
  health_center: 40,
  health_station: 7,
  commune: 24,
  armed: 260,
  enterprise: 220,
  research: 70,
  culture: 50,
  center: 30,
  agriculture: 40,
  education: 250,
  village: 0,
  district: 0,
  former_commune: 0,
  leadership: 12,
};

export interface PlanGroups {
  groups: PlanGroup[];
  /** Children of each organization, in the order they were added. */
  children: Map<number, number[]>;
}

/** Each group root with its subtree, down to (not including) the next group roots. */
export function planGroups(b: PlanBuilder): PlanGroups {
  const children = new Map<number, number[]>();
  for (const org of b.orgs) {
    if (org.parent < 0) continue;
    const list = children.get(org.parent);
    if (list) list.push(org.index);
    else children.set(org.parent, [org.index]);
  }
  const groupRootSet = new Set(b.groupRoots);
  const groups: PlanGroup[] = [];
  for (const root of b.groupRoots) {
    const units: number[] = [];
    const walk = (index: number) => {
      units.push(index);
      for (const child of children.get(index) ?? []) if (!groupRootSet.has(child)) walk(child);
    };
    walk(root);
    const group = groups.length;
    for (const unit of units) b.orgs[unit]!.group = group;
    groups.push({ index: group, units, personStart: 0, personCount: 0, workflow: false });
  }
  return { groups, children };
}

/**
 * Issuers whose decisions serve more than one group: ancestors of units of other groups, and the
 * former communes and districts that units of the new communes hung under before the reform.
 */
export function markSharedIssuers(orgs: PlanOrg[]): void {
  for (const org of orgs) {
    for (let at = org.parent; at >= 0; at = orgs[at]!.parent)
      if (orgs[at]!.group !== org.group) orgs[at]!.sharedIssuer = true;
    for (const predecessor of org.predecessors) {
      for (let at = predecessor; at >= 0; at = orgs[at]!.parent) orgs[at]!.sharedIssuer = true;
    }
  }
}

/** Persons: headcount weights scaled to the preset. Returns the number of persons. */
export function assignPersons(b: PlanBuilder, preset: ScalePreset, groups: PlanGroup[]): number {
  const staffed: number[] = [];
  const weights: number[] = [];
  for (const group of groups) {
    for (const unit of group.units) {
      const org = b.orgs[unit]!;
      // Units that no longer exist have nobody on the payroll today; roots have their leadership.
      if (org.validTo !== null) continue;
      const weight = HEADCOUNT[org.flavor] * (org.code.startsWith('BCA_') && org.flavor === 'armed' ? 2.5 : 1);
      if (weight <= 0) continue;
      const jitter = 0.6 + b.rngFor(8, hashString(org.code)).next() * 0.8;
      staffed.push(unit);
      weights.push(weight * jitter);
    }
  }
  const headcounts = apportion(preset.persons, weights);
  const headcountOf = new Map<number, number>();
  staffed.forEach((unit, position) => headcountOf.set(unit, headcounts[position]!));
  let next = 0;
  for (const group of groups) {
    group.personStart = next;
    for (const unit of group.units) {
      const org = b.orgs[unit]!;
      org.personStart = next;
      org.personCount = headcountOf.get(unit) ?? 0;
      next += org.personCount;
    }
    group.personCount = next - group.personStart;
  }
  return next;
}

/** Nomination workflow: a deterministic share of groups (about 2 nominations per person there). Returns the share. */
export function chooseWorkflowGroups(b: PlanBuilder, preset: ScalePreset, groups: PlanGroup[]): number {
  const workflowShare = Math.min(
    1,
    Math.max(0, preset.nominations / (NOMINATIONS_PER_WORKFLOW_PERSON * preset.persons)),
  );
  for (const group of groups) group.workflow = group.personCount > 0 && b.rngFor(9, group.index).next() < workflowShare;
  return workflowShare;
}

/** Consecutive groups, up to the preset's persons or a share of the units per chunk. */
export function planChunks(preset: ScalePreset, orgs: readonly PlanOrg[], groups: readonly PlanGroup[]): PlanChunk[] {
  const chunks: PlanChunk[] = [];
  let start = 0;
  let persons = 0;
  let units = 0;
  const maxUnits = Math.max(200, Math.ceil(orgs.length / 12));
  groups.forEach((group, index) => {
    persons += group.personCount;
    units += group.units.length;
    const last = index === groups.length - 1;
    if (persons >= preset.chunkPersons || units >= maxUnits || last) {
      chunks.push({
        index: chunks.length,
        groupStart: start,
        groupEnd: index + 1,
        personStart: groups[start]!.personStart,
        personEnd: group.personStart + group.personCount,
      });
      start = index + 1;
      persons = 0;
      units = 0;
    }
  });
  return chunks;
}
