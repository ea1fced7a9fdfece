/**
 * The callers of the authorization matrix. Every row uses the same world (matrix/world.ts), so a
 * caller means the same thing in every row:
 *
 * - in scope = Bộ Tư pháp (BTP) and its subtree: the units, persons and nominations a row acts on
 *   live in BTP or in its demo department DEMO_BTP_VU_TDKT;
 * - out of scope = Hà Nội (HN), a root unrelated to BTP; a department of BTP (DEMO_BTP_VU_TDKT) is
 *   in scope for what lies in it, and out of scope for BTP itself (rights never go upwards);
 * - bloc-years (fresh blocs organized by Ban TĐKT TW): in the year of the pledge BCA is the LEAD and
 *   BTP and KTNN plain MEMBERs; the year before KTNN was the LEAD. So the "lead" caller is the lead
 *   of that bloc-year, and the "member" caller is a plain member that led the bloc the year before.
 */
import type { Role } from '@tdkt/identity';

/**
 * `hidden`: left out of a list, or null without an error (only lists where some items are hidden use
 * it now); a withheld field is `FORBIDDEN`: null with a FORBIDDEN error (subgraph-kit access.ts).
 */
export type Expected = 'allowed' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'hidden';

export const CALLERS = {
  public: { role: null, org: null, label: 'public (no token)' },
  viewerIn: { role: 'VIEWER', org: 'BTP', label: 'VIEWER in scope (BTP)' },
  viewerOut: { role: 'VIEWER', org: 'HN', label: 'VIEWER out of scope (HN)' },
  officerIn: { role: 'ORG_OFFICER', org: 'BTP', label: 'ORG_OFFICER in scope (BTP)' },
  officerOut: { role: 'ORG_OFFICER', org: 'HN', label: 'ORG_OFFICER out of scope (HN)' },
  leadOfficer: { role: 'ORG_OFFICER', org: 'BCA', label: 'ORG_OFFICER of the bloc-year LEAD (BCA)' },
  memberOfficer: {
    role: 'ORG_OFFICER',
    org: 'KTNN',
    label: 'ORG_OFFICER of a plain MEMBER that led the year before (KTNN)',
  },
  childOfficer: {
    role: 'ORG_OFFICER',
    org: 'DEMO_BTP_VU_TDKT',
    label: 'ORG_OFFICER of a department of BTP (DEMO_BTP_VU_TDKT)',
  },
  cpOfficer: { role: 'ORG_OFFICER', org: 'CP', label: 'ORG_OFFICER of the Government (CP)' },
  cpViewer: { role: 'VIEWER', org: 'CP', label: 'VIEWER of the Government (CP)' },
  bnvOfficer: { role: 'ORG_OFFICER', org: 'BNV', label: 'ORG_OFFICER of Bộ Nội vụ (BNV, above Ban TĐKT TW)' },
  board: { role: 'CENTRAL_BOARD', org: null, label: 'CENTRAL_BOARD' },
} as const satisfies Record<string, { role: Role | null; org: string | null; label: string }>;

export type CallerKey = keyof typeof CALLERS;

/** Every operation row states these callers (the coverage test fails otherwise). */
export const BASE_CALLERS: readonly CallerKey[] = [
  'public',
  'viewerIn',
  'viewerOut',
  'officerIn',
  'officerOut',
  'board',
];
/** … and these too where the bloc-year lead's rights matter. */
export const BLOC_CALLERS: readonly CallerKey[] = ['leadOfficer', 'memberOfficer'];

/** A cell's expectation; `knownBug` makes a mismatch fail with that description (see the report). */
export interface CellSpec {
  expected: Expected;
  knownBug?: string;
}

export type Expectations = Partial<Record<CallerKey, Expected | CellSpec>>;

export function cellSpec(value: Expected | CellSpec): CellSpec {
  return typeof value === 'string' ? { expected: value } : value;
}

export const bug = (expected: Expected, knownBug: string): CellSpec => ({ expected, knownBug });

// ------------------------------------------------------------------ common expectation sets

const U = 'UNAUTHENTICATED' as const;
const F = 'FORBIDDEN' as const;
const A = 'allowed' as const;

/** Acting for a unit of the caller's subtree (sign, report, create, nominate …). */
export const UNIT_OFFICER: Expectations = {
  public: U,
  viewerIn: F,
  viewerOut: F,
  officerOut: F,
  officerIn: A,
  board: A,
};
/** Managing a bloc-year: the Central Board and the officers of that year's LEAD only. */
export const BLOC_LEAD: Expectations = {
  public: U,
  viewerIn: F,
  viewerOut: F,
  officerOut: F,
  officerIn: F,
  memberOfficer: F,
  leadOfficer: A,
  board: A,
};
/** Acting for one member of a bloc-year: that member's officers (not the lead, not another member). */
export const BLOC_MEMBER: Expectations = {
  public: U,
  viewerIn: F,
  viewerOut: F,
  officerOut: F,
  leadOfficer: F,
  memberOfficer: F,
  officerIn: A,
  board: A,
};

/** A non-public field of a person, unit or dossier of BTP's subtree: withheld (FORBIDDEN) from others. */
export const PRIVATE_IN_SCOPE: Expectations = {
  public: F,
  viewerOut: F,
  officerOut: F,
  viewerIn: A,
  officerIn: A,
  board: A,
};
/** The same field of HN's person, read in the same request (the batch must not mix rights). */
export const PRIVATE_OUT_OF_SCOPE: Expectations = {
  public: F,
  viewerIn: F,
  officerIn: F,
  viewerOut: A,
  officerOut: A,
  board: A,
};
/** Working data of a bloc-year (progress, scores, drafts): the Board and staff of that year's members. */
export const BLOC_WORKING_DATA: Expectations = {
  public: F,
  viewerOut: F,
  officerOut: F,
  viewerIn: A,
  officerIn: A,
  leadOfficer: A,
  memberOfficer: A,
  board: A,
};
/** Published data and published statistics. */
export const PUBLIC: Expectations = { public: A, viewerIn: A, viewerOut: A, officerIn: A, officerOut: A, board: A };
