/** The scale plan's shape: the organizations, groups, chunks, lineage and blocs it lays out. */
import type { ScalePreset } from '../presets.js';
import type { EthnicRegion } from '../vietnamese.js';

/** What kind of people work in a unit (positions, titles) — not a database column. */
export type Flavor =
  | 'office'
  | 'school'
  | 'hospital'
  | 'health_center'
  | 'health_station'
  | 'commune'
  | 'armed'
  | 'enterprise'
  | 'research'
  | 'culture'
  | 'center'
  | 'agriculture'
  | 'education'
  | 'village'
  | 'district'
  | 'former_commune'
  | 'leadership';

export interface PlanOrg {
  index: number;
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  level: string;
  /** Index of the parent in `Plan.orgs`, or -1. */
  parent: number;
  validFrom: string | null;
  validTo: string | null;
  /** Written by the scale generator (false for the reference rows it hangs under). */
  generated: boolean;
  flavor: Flavor;
  armed: boolean;
  region: EthnicRegion;
  /** Persons working here: indexes [personStart, personStart + personCount). */
  personStart: number;
  personCount: number;
  /** Group the unit belongs to, or -1 (reference rows outside any group). */
  group: number;
  /** New communes: the former communes they merged (lineage); others: empty. */
  predecessors: number[];
  /** Short issuer abbreviation for decision numbers (QĐ-UBND, QĐ-BTP, …). */
  abbr: string;
  /** Decides for units of other groups too (an ancestor of them now or before the reform). */
  sharedIssuer: boolean;
}

export interface PlanGroup {
  index: number;
  /** Organization indexes of the group, root first. */
  units: number[];
  personStart: number;
  personCount: number;
  /** Units of this group use the nomination workflow from WORKFLOW_FROM_YEAR (the others import records). */
  workflow: boolean;
}

export interface PlanChunk {
  index: number;
  groupStart: number;
  groupEnd: number;
  personStart: number;
  personEnd: number;
}

export interface PlanLineageEvent {
  index: number;
  id: string;
  kind: 'MERGE' | 'RENAME';
  successor: number;
  predecessors: number[];
  legalBasis: string;
  note: string;
}

export interface PlanBloc {
  index: number;
  id: string;
  code: string;
  name: string;
  kind: 'BLOC' | 'CLUSTER';
  organizer: number;
  /** Candidate members; the members of a year are those valid on 31 December of that year. */
  candidates: number[];
}

export interface Plan {
  preset: ScalePreset;
  orgs: PlanOrg[];
  byCode: Map<string, number>;
  groups: PlanGroup[];
  chunks: PlanChunk[];
  lineage: PlanLineageEvent[];
  blocs: PlanBloc[];
  totalPersons: number;
  /** Share of groups using the nomination workflow. */
  workflowShare: number;
  /** Reference predecessors of a reference unit created by a reform (BNNMT ← BTNMT, BNNPTNT …). */
  referencePredecessors: Map<number, number[]>;
  /** Organizations used as issuers outside their own group (roots, former districts, CP, CTN). */
  cp: number;
  ctn: number;
}
