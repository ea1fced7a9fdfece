/**
 * The top of the plan: the reference organizations (the seeded ministries, provinces and their
 * lineage, with their seeded ids), the extra central bodies, and the roots whose units are generated.
 */
import { REFERENCE_LINEAGE, REFERENCE_ORGANIZATIONS } from '@tdkt/organizations';
import { referenceOrganizationId } from '@tdkt/subgraph-kit';
import type { ScalePreset } from '../presets.js';
import { EXTRA_CENTRAL_BODIES } from '../vietnamese.js';
import { deriveLevel, type PlanBuilder } from './builder.js';

const CENTRAL_ROOT_KINDS = new Set([
  'MINISTRY',
  'MINISTERIAL_AGENCY',
  'GOVERNMENT_AGENCY',
  'COURT',
  'PROCURACY',
  'STATE_AUDIT',
  'PARTY_OR_MASS_ORGANIZATION',
]);

export interface ReferenceOrganizations {
  /** The Government (Chính phủ) and the President (Chủ tịch nước): the issuers at the top. */
  cp: number;
  ctn: number;
  /** Reference predecessors of a reference unit created by a reform (BNNMT ← BTNMT, BNNPTNT …). */
  referencePredecessors: Map<number, number[]>;
}

/** The reference organizations, parents first (their ids are the seeded ones). */
export function addReferenceOrganizations(b: PlanBuilder): ReferenceOrganizations {
  const referenceOrder: (typeof REFERENCE_ORGANIZATIONS)[number][] = [];
  const seen = new Set<string>();
  const byRefCode = new Map(REFERENCE_ORGANIZATIONS.map((row) => [row.code, row]));
  const visit = (row: (typeof REFERENCE_ORGANIZATIONS)[number]) => {
    if (seen.has(row.code)) return;
    seen.add(row.code);
    if (row.parentCode && byRefCode.has(row.parentCode)) visit(byRefCode.get(row.parentCode)!);
    referenceOrder.push(row);
  };
  REFERENCE_ORGANIZATIONS.forEach(visit);
  for (const row of referenceOrder) {
    const abbr =
      row.kind === 'PROVINCE' || row.kind === 'CENTRAL_CITY' || row.kind === 'DISTRICT'
        ? 'UBND'
        : row.code === 'CP'
          ? 'TTg'
          : row.code;
    b.add({
      id: referenceOrganizationId(row.code),
      code: row.code,
      name: row.name.normalize('NFC'),
      shortName: row.shortName?.normalize('NFC') ?? null,
      kind: row.kind,
      level: row.level,
      parent: row.parentCode ? b.byCode.get(row.parentCode)! : -1,
      validFrom: row.validFrom,
      validTo: row.validTo,
      generated: false,
      flavor: row.kind === 'DISTRICT' ? 'district' : 'leadership',
      armed: row.code === 'BQP' || row.code === 'BCA',
      abbr,
    });
  }
  const cp = b.byCode.get('CP')!;
  const ctn = b.byCode.get('CTN')!;
  const referencePredecessors = new Map<number, number[]>();
  for (const event of REFERENCE_LINEAGE) {
    for (const successor of event.successorCodes) {
      const list = referencePredecessors.get(b.byCode.get(successor)!) ?? [];
      for (const code of event.predecessorCodes) if (code !== successor) list.push(b.byCode.get(code)!);
      referencePredecessors.set(b.byCode.get(successor)!, list);
    }
  }
  return { cp, ctn, referencePredecessors };
}

/** Central bodies added to the reference ones (the preset says how many). */
export function addExtraCentralBodies(b: PlanBuilder, preset: ScalePreset): number[] {
  const extraRoots: number[] = [];
  for (const body of EXTRA_CENTRAL_BODIES.slice(0, preset.extraCentralBodies)) {
    const parent = body.parentCode ? b.byCode.get(body.parentCode)! : -1;
    extraRoots.push(
      b.add({
        code: body.code,
        name: body.name,
        shortName: body.shortName,
        kind: body.kind,
        level: deriveLevel(body.kind, parent >= 0 ? b.orgs[parent]!.level : null),
        parent,
        validFrom: null,
        validTo: null,
        generated: true,
        flavor: body.flavor === 'enterprise' ? 'enterprise' : 'leadership',
        abbr: body.code.replace(/_/g, ''),
        armed: body.parentCode === 'BQP' ? true : undefined,
      }),
    );
  }
  return extraRoots;
}

export interface PlanRoots {
  /** Provinces and centrally-run cities that exist today (after the 2025 reform). */
  currentProvinces: number[];
  /** All 63 provinces before the reform (today's among them). */
  formerProvinces: number[];
  /** Bodies whose units are generated: the reference ministries, agencies, courts … that exist today, and the extra ones. */
  unitRoots: number[];
  /** Ban Thi đua – Khen thưởng Trung ương: organizer of the central blocs. */
  btdkttw: number;
}

/** The roots themselves (their leadership) are single-unit groups, created first. */
export function addRootGroups(b: PlanBuilder, extraRoots: number[]): PlanRoots {
  const currentProvinces = b.orgs
    .filter((org) => (org.kind === 'PROVINCE' || org.kind === 'CENTRAL_CITY') && org.validTo === null && !org.generated)
    .map((org) => org.index);
  const formerProvinces = b.orgs
    .filter((org) => (org.kind === 'PROVINCE' || org.kind === 'CENTRAL_CITY') && !org.generated)
    .map((org) => org.index);
  const centralRoots = b.orgs
    .filter((org) => !org.generated && CENTRAL_ROOT_KINDS.has(org.kind) && org.validTo === null)
    .map((org) => org.index);
  const unitRoots = [...centralRoots, ...extraRoots];
  for (const root of [...unitRoots, ...currentProvinces]) b.groupRoots.push(root);
  const btdkttw = b.byCode.get('BTDKTTW')!;
  b.groupRoots.push(btdkttw);
  return { currentProvinces, formerProvinces, unitRoots, btdkttw };
}
