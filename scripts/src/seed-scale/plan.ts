/**
 * The shape of the scale dataset, computed in memory before anything is written: every organization
 * (the reference ones on top, the generated ones below), the lineage of the 2025 commune reform, the
 * "groups" (a unit subtree whose people and awards are generated together), the chunks (groups loaded
 * in one transaction) and the emulation blocs. Everything is a pure function of the preset, so a
 * resumed run plans exactly what the first run planned.
 */
import { REFERENCE_BLOCS, REFERENCE_LINEAGE, REFERENCE_ORGANIZATIONS } from '@tdkt/organizations';
import { referenceOrganizationId } from '@tdkt/subgraph-kit';
import { CURRENT_YEAR, FIRST_YEAR, type ScalePreset } from './presets.js';
import { hash32, hashString, Rng, scaleUuid, TAG } from './random.js';
import {
  CENTRAL_DEPARTMENTS,
  CENTRAL_SERVICE_UNITS,
  DEFENCE_UNITS,
  DEPARTMENT_UNITS,
  EXTRA_CENTRAL_BODIES,
  HONOURED_NAMES,
  placeNames,
  POLICE_UNITS,
  PROVINCE_REGION,
  PROVINCIAL_DEPARTMENTS,
  type EthnicRegion,
} from './vietnamese.js';

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

// ── helpers ───────────────────────────────────────────────────────────────────────────────────────

/** Largest-remainder apportionment of `total` over `weights` (deterministic, ties to the lower index). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left -= 1) counts[order[i]!.index]! += 1;
  return counts;
}

const CENTRAL_ROOT_KINDS = new Set(['MINISTRY', 'MINISTERIAL_AGENCY', 'GOVERNMENT_AGENCY', 'COURT', 'PROCURACY', 'STATE_AUDIT', 'PARTY_OR_MASS_ORGANIZATION']);
const REFORM_DATE = '2025-07-01';
const FORMER_END = '2025-06-30';

/** "Vụ Tổ chức cán bộ, Bộ Tư pháp" → "VTCCB": the issuer part of a decision number (QĐ-VTCCB). */
export function initials(name: string): string {
  const head = name.split(',')[0]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D');
  const letters = head.split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => (/^[0-9]+$/.test(word) ? word : word[0]!.toUpperCase()));
  return letters.join('').slice(0, 10) || 'DV';
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

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

class PlanBuilder {
  readonly orgs: PlanOrg[] = [];
  readonly byCode = new Map<string, number>();

  add(entry: Omit<PlanOrg, 'index' | 'personStart' | 'personCount' | 'group' | 'predecessors' | 'region' | 'armed' | 'abbr' | 'id' | 'sharedIssuer'> & Partial<Pick<PlanOrg, 'armed' | 'abbr' | 'id'>>): number {
    if (this.byCode.has(entry.code)) throw new Error(`scale plan: duplicate organization code ${entry.code}`);
    const index = this.orgs.length;
    const parent = entry.parent >= 0 ? this.orgs[entry.parent]! : null;
    // Every field spelled out: one object shape for all 50,000 rows keeps property access fast.
    this.orgs.push({
      index,
      id: entry.id ?? scaleUuid(TAG.organization, hashString(entry.code), index),
      code: entry.code,
      name: entry.name,
      shortName: entry.shortName,
      kind: entry.kind,
      level: entry.level,
      parent: entry.parent,
      validFrom: entry.validFrom,
      validTo: entry.validTo,
      generated: entry.generated,
      flavor: entry.flavor,
      armed: entry.armed ?? parent?.armed ?? false,
      region: PROVINCE_REGION[entry.code] ?? parent?.region ?? 'LOWLANDS',
      personStart: 0,
      personCount: 0,
      group: -1,
      predecessors: [],
      abbr: entry.abbr ?? initials(entry.name),
      sharedIssuer: false,
    });
    this.byCode.set(entry.code, index);
    return index;
  }
}

/** Level of a new unit, as the organizations subgraph derives it (rules/organization.rule.ts deriveLevel). */
function deriveLevel(kind: string, parentLevel: string | null): string {
  if (kind === 'PROVINCE' || kind === 'CENTRAL_CITY') return 'PROVINCIAL';
  if (kind === 'DISTRICT') return 'DISTRICT';
  if (kind === 'COMMUNE' || kind === 'WARD' || kind === 'SPECIAL_ZONE') return 'COMMUNE';
  return parentLevel ?? 'CENTRAL';
}

/** The 13 special zones (đặc khu) of 2025-07-01 and their provinces. */
const SPECIAL_ZONES: readonly (readonly [string, string])[] = [
  ['QUANG_NINH', 'Vân Đồn'], ['QUANG_NINH', 'Cô Tô'], ['HP', 'Cát Hải'], ['HP', 'Bạch Long Vĩ'], ['QUANG_TRI', 'Cồn Cỏ'], ['DN', 'Hoàng Sa'],
  ['QUANG_NGAI', 'Lý Sơn'], ['KHANH_HOA', 'Trường Sa'], ['LAM_DONG', 'Phú Quý'], ['HCM', 'Côn Đảo'], ['AN_GIANG', 'Phú Quốc'], ['AN_GIANG', 'Thổ Châu'],
  ['AN_GIANG', 'Kiên Hải'],
].map(([province, name]) => [province!, name!.normalize('NFC')] as const);

const COMMUNE_UNITS: readonly (readonly [string, string, Flavor, string])[] = [
  ['MN', 'Trường Mầm non', 'school', 'PUBLIC_SERVICE_UNIT'],
  ['TH', 'Trường Tiểu học', 'school', 'PUBLIC_SERVICE_UNIT'],
  ['THCS', 'Trường Trung học cơ sở', 'school', 'PUBLIC_SERVICE_UNIT'],
  ['TYT', 'Trạm Y tế', 'health_station', 'PUBLIC_SERVICE_UNIT'],
  ['T1', '1', 'village', 'OTHER'],
  ['T2', '2', 'village', 'OTHER'],
  ['T3', '3', 'village', 'OTHER'],
  ['T4', '4', 'village', 'OTHER'],
  ['T5', '5', 'village', 'OTHER'],
];

function provincePrefix(kind: string): string {
  return kind === 'CENTRAL_CITY' ? 'thành phố' : 'tỉnh';
}

// ── the plan ─────────────────────────────────────────────────────────────────────────────────────

export function buildPlan(preset: ScalePreset): Plan {
  const b = new PlanBuilder();
  const rngFor = (...parts: number[]) => new Rng(hash32(0x5ca1e, ...parts));

  // Reference organizations, parents first (their ids are the seeded ones).
  const referenceOrder: typeof REFERENCE_ORGANIZATIONS[number][] = [];
  const seen = new Set<string>();
  const byRefCode = new Map(REFERENCE_ORGANIZATIONS.map((row) => [row.code, row]));
  const visit = (row: typeof REFERENCE_ORGANIZATIONS[number]) => {
    if (seen.has(row.code)) return;
    seen.add(row.code);
    if (row.parentCode && byRefCode.has(row.parentCode)) visit(byRefCode.get(row.parentCode)!);
    referenceOrder.push(row);
  };
  REFERENCE_ORGANIZATIONS.forEach(visit);
  for (const row of referenceOrder) {
    const abbr = row.kind === 'PROVINCE' || row.kind === 'CENTRAL_CITY' || row.kind === 'DISTRICT' ? 'UBND' : row.code === 'CP' ? 'TTg' : row.code;
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

  // Extra central bodies.
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

  const currentProvinces = b.orgs.filter((org) => (org.kind === 'PROVINCE' || org.kind === 'CENTRAL_CITY') && org.validTo === null && !org.generated).map((org) => org.index);
  const formerProvinces = b.orgs.filter((org) => (org.kind === 'PROVINCE' || org.kind === 'CENTRAL_CITY') && !org.generated).map((org) => org.index);
  const provinceLabel = (index: number) => `${provincePrefix(b.orgs[index]!.kind)} ${b.orgs[index]!.shortName ?? b.orgs[index]!.name}`;

  // Groups are created in this order; a group is a subtree generated together.
  const groupRoots: number[] = [];

  // Roots themselves (their leadership) are single-unit groups.
  // Bodies whose units are generated: the reference ministries, agencies, courts … that exist today.
  const centralRoots = b.orgs.filter((org) => !org.generated && CENTRAL_ROOT_KINDS.has(org.kind) && org.validTo === null).map((org) => org.index);
  const unitRoots = [...centralRoots, ...extraRoots];
  for (const root of [...unitRoots, ...currentProvinces]) groupRoots.push(root);
  const btdkttw = b.byCode.get('BTDKTTW')!;
  groupRoots.push(btdkttw);

  // ── Central units ──────────────────────────────────────────────────────────────────────────────
  for (const root of unitRoots) {
    const org = b.orgs[root]!;
    const short = org.shortName ?? org.name;
    const count = preset.unitsPerCentralBody;
    const departments = Math.ceil(count * 0.4);
    const rotation = hashString(org.code) % CENTRAL_SERVICE_UNITS.length;
    const isDefence = org.code === 'BQP';
    const isPolice = org.code === 'BCA';
    for (let n = 1; n <= count; n += 1) {
      let name: string;
      let kind: string;
      let flavor: Flavor;
      if (isDefence || isPolice) {
        const list = isDefence ? DEFENCE_UNITS : POLICE_UNITS;
        const base = list[(n - 1) % list.length]!;
        name = n > list.length ? `${base} (đơn vị ${Math.ceil(n / list.length)})` : base;
        kind = 'DEPARTMENT';
        flavor = 'armed';
      } else if (org.flavor === 'enterprise') {
        name = `Công ty thành viên số ${n} – ${short}`;
        kind = 'ENTERPRISE';
        flavor = 'enterprise';
      } else if (n <= departments) {
        const base = CENTRAL_DEPARTMENTS[(n - 1) % CENTRAL_DEPARTMENTS.length]!;
        const cycle = Math.floor((n - 1) / CENTRAL_DEPARTMENTS.length);
        name = `${base}${cycle > 0 ? ` ${cycle + 1}` : ''}, ${short}`;
        kind = 'DEPARTMENT';
        flavor = 'office';
      } else {
        const k = n - departments - 1;
        const base = CENTRAL_SERVICE_UNITS[(k + rotation) % CENTRAL_SERVICE_UNITS.length]!;
        const cycle = Math.floor(k / CENTRAL_SERVICE_UNITS.length);
        flavor = base.startsWith('Bệnh viện') ? 'hospital' : base.startsWith('Trường') || base.startsWith('Học viện') ? 'education' : base.startsWith('Viện') ? 'research' : base.startsWith('Tạp chí') || base.startsWith('Báo') || base.startsWith('Nhà xuất bản') ? 'culture' : 'center';
        name = `${base}${cycle > 0 ? ` ${cycle + 1}` : ''}, ${short}`;
        kind = 'PUBLIC_SERVICE_UNIT';
      }
      const unit = b.add({
        code: `${org.code}_DV${pad(n, 3)}`,
        name: name.normalize('NFC'),
        shortName: name.split(',')[0]!.slice(0, 120).normalize('NFC'),
        kind,
        level: deriveLevel(kind, org.level),
        parent: root,
        validFrom: null,
        validTo: null,
        generated: true,
        flavor,
      });
      groupRoots.push(unit);
    }
    // Provincial military commands and police departments hang under BQP / BCA.
    if ((isDefence || isPolice) && preset.unitsPerCentralBody >= 10) {
      for (const province of currentProvinces) {
        const p = b.orgs[province]!;
        const name = isDefence ? `Bộ Chỉ huy Quân sự ${provinceLabel(province)}` : `Công an ${provinceLabel(province)}`;
        groupRoots.push(
          b.add({
            code: `${org.code}_${p.code}`,
            name: name.normalize('NFC'),
            shortName: name.slice(0, 120).normalize('NFC'),
            kind: 'DEPARTMENT',
            level: 'CENTRAL',
            parent: root,
            validFrom: null,
            validTo: null,
            generated: true,
            flavor: 'armed',
          }),
        );
      }
    }
  }

  // ── Provinces: departments and their units ────────────────────────────────────────────────────
  // Place names of a province: [0, 40) its service units, [40, 100) its former districts, [100, …) its communes.
  const placesByProvince = new Map<number, string[]>();
  const places = (province: number): string[] => {
    let names = placesByProvince.get(province);
    if (!names) {
      names = placeNames(rngFor(2, hashString(b.orgs[province]!.code)), 420);
      placesByProvince.set(province, names);
    }
    return names;
  };
  const communesOf = new Map<number, number[]>();
  for (const province of currentProvinces) {
    const p = b.orgs[province]!;
    const label = provinceLabel(province);
    const unitPlaces = places(province).slice(0, 40);
    for (const [suffix, deptName, deptFlavor] of PROVINCIAL_DEPARTMENTS.slice(0, preset.departmentsPerProvince)) {
      const kind = suffix === 'DAI_PTTH' || suffix === 'TRUONG_CT' ? 'PUBLIC_SERVICE_UNIT' : 'DEPARTMENT';
      const dept = b.add({
        code: `${p.code}_${suffix}`,
        name: `${deptName} ${label}`.normalize('NFC'),
        shortName: deptName,
        kind,
        level: 'PROVINCIAL',
        parent: province,
        validFrom: null,
        validTo: null,
        generated: true,
        flavor: suffix === 'TRUONG_CT' ? 'education' : suffix === 'DAI_PTTH' ? 'culture' : 'office',
      });
      groupRoots.push(dept);
      const templates = DEPARTMENT_UNITS[deptFlavor] ?? DEPARTMENT_UNITS['office']!;
      for (let n = 1; n <= preset.unitsPerDepartment; n += 1) {
        const [template, flavor] = templates[(n - 1) % templates.length]!;
        const cycle = Math.floor((n - 1) / templates.length);
        const seed = hashString(`${p.code}_${suffix}`) + n * 7;
        let name = template
          .replace('{province}', label)
          .replace('{honoured}', HONOURED_NAMES[seed % HONOURED_NAMES.length]!)
          .replace('{place}', unitPlaces[seed % unitPlaces.length]!);
        if (cycle > 0 && !template.includes('{place}') && !template.includes('{honoured}')) name = `${name} – cơ sở ${cycle + 1}`;
        b.add({
          code: `${p.code}_${suffix}_${pad(n, 3)}`,
          name: name.normalize('NFC'),
          shortName: null,
          kind: flavor === 'office' || flavor === 'agriculture' ? 'DEPARTMENT' : 'PUBLIC_SERVICE_UNIT',
          level: 'PROVINCIAL',
          parent: dept,
          validFrom: null,
          validTo: null,
          generated: true,
          flavor: flavor as Flavor,
        });
      }
    }
  }

  // ── Former districts and communes (until 2025-06-30), under the 63 former provinces ───────────
  const districtCounts = apportion(preset.formerDistricts, formerProvinces.map((index) => (b.orgs[index]!.code === 'HN' ? 2.5 : b.orgs[index]!.code === 'HCM' ? 2 : 1)));
  const districtsOf = new Map<number, number[]>();
  const allDistricts: number[] = [];
  formerProvinces.forEach((province, position) => {
    const p = b.orgs[province]!;
    const list: number[] = [];
    // Quận Tây Hồ is a reference row: it is one of Hà Nội's districts.
    if (p.code === 'HN' && b.byCode.has('QUAN_TAY_HO')) list.push(b.byCode.get('QUAN_TAY_HO')!);
    const names = places(province).slice(40, 100).filter((name) => name !== 'Tây Hồ');
    const rng = rngFor(4, hashString(p.code));
    for (let n = list.length + 1; n <= districtCounts[position]!; n += 1) {
      const city = p.kind === 'CENTRAL_CITY';
      const roll = rng.next();
      const prefix = city ? (roll < 0.55 ? 'Quận' : 'Huyện') : roll < 0.06 ? 'Thị xã' : roll < 0.1 ? 'Thành phố' : 'Huyện';
      list.push(
        b.add({
          code: `${p.code}_H${pad(n, 2)}`,
          name: `${prefix} ${names[(n - 1) % names.length]}`.normalize('NFC'),
          shortName: names[(n - 1) % names.length]!,
          kind: 'DISTRICT',
          level: 'DISTRICT',
          parent: province,
          validFrom: null,
          validTo: FORMER_END,
          generated: true,
          flavor: 'district',
          abbr: 'UBND',
        }),
      );
    }
    districtsOf.set(province, list);
    allDistricts.push(...list);
  });
  const generatedDistricts = allDistricts.filter((index) => b.orgs[index]!.generated);
  const communeCounts = apportion(preset.formerCommunes, generatedDistricts.map(() => 1));
  const formerCommunesOf = new Map<number, number[]>();
  generatedDistricts.forEach((district, position) => {
    const d = b.orgs[district]!;
    const names = placeNames(rngFor(5, hashString(d.code)), communeCounts[position]!);
    const rng = rngFor(6, hashString(d.code));
    const list: number[] = [];
    for (let n = 1; n <= communeCounts[position]!; n += 1) {
      const urban = d.name.startsWith('Quận') || d.name.startsWith('Thành phố') || d.name.startsWith('Thị xã');
      const roll = rng.next();
      const [prefix, kind] = urban ? (roll < 0.8 ? ['Phường', 'WARD'] : ['Xã', 'COMMUNE']) : roll < 0.08 ? ['Thị trấn', 'COMMUNE'] : ['Xã', 'COMMUNE'];
      list.push(
        b.add({
          code: `${d.code}_X${pad(n, 2)}`,
          name: `${prefix} ${names[n - 1]}`.normalize('NFC'),
          shortName: names[n - 1]!,
          kind: kind!,
          level: 'COMMUNE',
          parent: district,
          validFrom: null,
          validTo: FORMER_END,
          generated: true,
          flavor: 'former_commune',
          abbr: 'UBND',
        }),
      );
    }
    formerCommunesOf.set(district, list);
  });

  // ── New communes (from 2025-07-01) and their units ────────────────────────────────────────────
  const predecessorsOfProvince = new Map<number, number[]>();
  for (const province of currentProvinces) predecessorsOfProvince.set(province, [province, ...(referencePredecessors.get(province) ?? [])]);
  const communesPerProvince = apportion(
    preset.communes,
    currentProvinces.map((province) => predecessorsOfProvince.get(province)!.reduce((sum, former) => sum + (districtsOf.get(former)?.length ?? 0) + 1, 0)),
  );
  const zoneQuota = Math.round((13 * preset.communes) / 3321);
  const lineage: PlanLineageEvent[] = [];
  currentProvinces.forEach((province, position) => {
    const p = b.orgs[province]!;
    const count = communesPerProvince[position]!;
    const formerCommunes = predecessorsOfProvince.get(province)!.flatMap((former) => (districtsOf.get(former) ?? []).flatMap((district) => formerCommunesOf.get(district) ?? []));
    const zones = SPECIAL_ZONES.filter((zone, zoneIndex) => zoneIndex < zoneQuota && zone[0] === p.code).map((zone) => zone[1]);
    const names = places(province).slice(100).filter((name) => !zones.includes(name));
    const rng = rngFor(7, hashString(p.code));
    const wardShare = p.kind === 'CENTRAL_CITY' ? 0.45 : 0.17;
    const list: number[] = [];
    const label = provinceLabel(province);
    const legal = `Nghị quyết số ${1650 + position}/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của ${label} năm 2025`;
    for (let n = 1; n <= count; n += 1) {
      const zone = n <= zones.length ? zones[n - 1]! : null;
      const ward = !zone && rng.chance(wardShare);
      const [prefix, kind, codeLetter] = zone ? ['Đặc khu', 'SPECIAL_ZONE', 'DK'] : ward ? ['Phường', 'WARD', 'P'] : ['Xã', 'COMMUNE', 'X'];
      const placeName = zone ?? names[(n - 1) % names.length]!;
      const commune = b.add({
        code: `${p.code}_${codeLetter}${pad(n, 3)}`,
        name: `${prefix} ${placeName}`.normalize('NFC'),
        shortName: placeName,
        kind: kind!,
        level: 'COMMUNE',
        parent: province,
        validFrom: REFORM_DATE,
        validTo: null,
        generated: true,
        flavor: 'commune',
        abbr: 'UBND',
      });
      list.push(commune);
      groupRoots.push(commune);
      for (const [suffix, unitName, flavor, unitKind] of COMMUNE_UNITS.slice(0, preset.unitsPerCommune)) {
        const name = flavor === 'village' ? `${ward ? 'Tổ dân phố' : 'Thôn'} ${unitName}, ${prefix.toLowerCase()} ${placeName}` : `${unitName} ${placeName}`;
        b.add({
          code: `${p.code}_${codeLetter}${pad(n, 3)}_${suffix}`,
          name: name.normalize('NFC'),
          shortName: null,
          kind: unitKind,
          level: 'COMMUNE',
          parent: commune,
          validFrom: null,
          validTo: null,
          generated: true,
          flavor,
        });
      }
    }
    communesOf.set(province, list);
    // Former communes merged into the new ones: consecutive slices (neighbours stay together).
    const slices = apportion(formerCommunes.length, list.map(() => 1));
    let at = 0;
    list.forEach((commune, n) => {
      const predecessors = formerCommunes.slice(at, at + slices[n]!);
      at += slices[n]!;
      b.orgs[commune]!.predecessors = predecessors;
      if (predecessors.length === 0) return;
      const c = b.orgs[commune]!;
      lineage.push({
        index: lineage.length,
        id: scaleUuid(TAG.lineage, hashString(c.code)),
        kind: predecessors.length === 1 ? 'RENAME' : 'MERGE',
        successor: commune,
        predecessors,
        legalBasis: legal.normalize('NFC'),
        note: `${c.name} được thành lập trên cơ sở ${predecessors.map((index) => b.orgs[index]!.name).join(', ')}.`.normalize('NFC'),
      });
    });
  });
  // Former districts (with their communes) are groups too: they have collective awards until 2025.
  for (const district of generatedDistricts) groupRoots.push(district);

  // ── Groups ────────────────────────────────────────────────────────────────────────────────────
  const children = new Map<number, number[]>();
  for (const org of b.orgs) {
    if (org.parent < 0) continue;
    const list = children.get(org.parent);
    if (list) list.push(org.index);
    else children.set(org.parent, [org.index]);
  }
  const groupRootSet = new Set(groupRoots);
  const groups: PlanGroup[] = [];
  for (const root of groupRoots) {
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

  // Issuers whose decisions serve more than one group: ancestors of units of other groups, and the
  // former communes and districts that units of the new communes hung under before the reform.
  for (const org of b.orgs) {
    for (let at = org.parent; at >= 0; at = b.orgs[at]!.parent) if (b.orgs[at]!.group !== org.group) b.orgs[at]!.sharedIssuer = true;
    for (const predecessor of org.predecessors) {
      for (let at = predecessor; at >= 0; at = b.orgs[at]!.parent) b.orgs[at]!.sharedIssuer = true;
    }
  }

  // ── Persons: headcount weights scaled to the preset ────────────────────────────────────────────
  const staffed: number[] = [];
  const weights: number[] = [];
  for (const group of groups) {
    for (const unit of group.units) {
      const org = b.orgs[unit]!;
      // Units that no longer exist have nobody on the payroll today; roots have their leadership.
      if (org.validTo !== null) continue;
      const weight = HEADCOUNT[org.flavor] * (org.code.startsWith('BCA_') && org.flavor === 'armed' ? 2.5 : 1);
      if (weight <= 0) continue;
      const jitter = 0.6 + rngFor(8, hashString(org.code)).next() * 0.8;
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

  // Nomination workflow: a deterministic share of groups (about 2 nominations per person there).
  const workflowShare = Math.min(1, Math.max(0, preset.nominations / (NOMINATIONS_PER_WORKFLOW_PERSON * preset.persons)));
  for (const group of groups) group.workflow = group.personCount > 0 && rngFor(9, group.index).next() < workflowShare;

  // ── Chunks ────────────────────────────────────────────────────────────────────────────────────
  const chunks: PlanChunk[] = [];
  let start = 0;
  let persons = 0;
  let units = 0;
  const maxUnits = Math.max(200, Math.ceil(b.orgs.length / 12));
  groups.forEach((group, index) => {
    persons += group.personCount;
    units += group.units.length;
    const last = index === groups.length - 1;
    if (persons >= preset.chunkPersons || units >= maxUnits || last) {
      chunks.push({ index: chunks.length, groupStart: start, groupEnd: index + 1, personStart: groups[start]!.personStart, personEnd: group.personStart + group.personCount });
      start = index + 1;
      persons = 0;
      units = 0;
    }
  });

  const blocs = planBlocs(preset, b.orgs, b.byCode, { unitRoots, currentProvinces, formerProvinces, districtsOf, communesOf, children, btdkttw });

  return {
    preset,
    orgs: b.orgs,
    byCode: b.byCode,
    groups,
    chunks,
    lineage,
    blocs,
    totalPersons: next,
    workflowShare,
    referencePredecessors,
    cp,
    ctn,
  };
}

/** Nominations per person of a workflow group (measured on the generator; see awards step). */
export const NOMINATIONS_PER_WORKFLOW_PERSON = 2.0;

// ── Blocs ────────────────────────────────────────────────────────────────────────────────────────

interface BlocPool {
  organizer: number;
  kind: 'BLOC' | 'CLUSTER';
  members: number[];
  /** Name of the n-th bloc of the pool (1-based). */
  name: (n: number, of: number) => string;
  codePrefix: string;
}

function planBlocs(
  preset: ScalePreset,
  orgs: PlanOrg[],
  byCode: Map<string, number>,
  context: {
    unitRoots: number[];
    currentProvinces: number[];
    formerProvinces: number[];
    districtsOf: Map<number, number[]>;
    communesOf: Map<number, number[]>;
    children: Map<number, number[]>;
    btdkttw: number;
  },
): PlanBloc[] {
  // Units already in a reference bloc stay out of the generated ones (one bloc per unit and year).
  const inReferenceBloc = new Set(REFERENCE_BLOCS.flatMap((bloc) => bloc.years.flatMap((year) => year.members.map((member) => byCode.get(member.organizationCode)!))));
  const label = (index: number) => `${provincePrefix(orgs[index]!.kind)} ${orgs[index]!.shortName ?? orgs[index]!.name}`;
  const numbered = (base: string) => (n: number, of: number) => (of > 1 ? `${base} số ${n}` : base);
  const pools: BlocPool[] = [];
  const centralBodies = context.unitRoots.filter((index) => !inReferenceBloc.has(index));
  pools.push({ organizer: context.btdkttw, kind: 'BLOC', members: centralBodies, name: numbered('Khối thi đua các bộ, ngành, đoàn thể Trung ương'), codePrefix: 'KHOI_TW' });
  const provinces = context.formerProvinces.filter((index) => !inReferenceBloc.has(index));
  pools.push({ organizer: context.btdkttw, kind: 'CLUSTER', members: provinces, name: numbered('Cụm thi đua các tỉnh'), codePrefix: 'CUM_TINH_TW' });
  for (const root of context.unitRoots) {
    const units = (context.children.get(root) ?? []).filter((index) => orgs[index]!.generated);
    if (units.length >= 3) pools.push({ organizer: root, kind: 'BLOC', members: units, name: numbered(`Khối thi đua các đơn vị thuộc ${orgs[root]!.shortName ?? orgs[root]!.name}`), codePrefix: `KHOI_${orgs[root]!.code}` });
  }
  for (const province of context.currentProvinces) {
    const departments = (context.children.get(province) ?? []).filter((index) => orgs[index]!.generated && orgs[index]!.level === 'PROVINCIAL');
    if (departments.length >= 3) pools.push({ organizer: province, kind: 'BLOC', members: departments, name: numbered(`Khối thi đua các sở, ban, ngành ${label(province)}`), codePrefix: `KHOI_${orgs[province]!.code}` });
    for (const department of departments) {
      const units = context.children.get(department) ?? [];
      if (units.length >= 3) pools.push({ organizer: department, kind: 'BLOC', members: units, name: numbered(`Khối thi đua các đơn vị trực thuộc ${orgs[department]!.name}`), codePrefix: `KHOI_${orgs[department]!.code}` });
    }
  }
  for (const province of context.formerProvinces) {
    const districts = (context.districtsOf.get(province) ?? []).filter((index) => orgs[index]!.generated);
    if (districts.length >= 3) pools.push({ organizer: province, kind: 'CLUSTER', members: districts, name: numbered(`Cụm thi đua các huyện, thị xã, thành phố ${label(province)}`), codePrefix: `CUM_${orgs[province]!.code}_H` });
  }
  for (const province of context.currentProvinces) {
    const communes = context.communesOf.get(province) ?? [];
    if (communes.length >= 3) pools.push({ organizer: province, kind: 'CLUSTER', members: communes, name: numbered(`Cụm thi đua các xã, phường ${label(province)}`), codePrefix: `CUM_${orgs[province]!.code}_X` });
  }

  // Exactly preset.blocs blocs, given one at a time to the pool whose blocs are largest (D'Hondt), so
  // that sizes even out; a bloc keeps at least three candidates.
  const counts = pools.map(() => 0);
  const capacity = pools.map((pool) => Math.floor(pool.members.length / 3));
  for (let given = 0; given < preset.blocs; given += 1) {
    let best = -1;
    pools.forEach((pool, index) => {
      if (counts[index]! >= capacity[index]!) return;
      if (best === -1 || pool.members.length / (counts[index]! + 1) > pools[best]!.members.length / (counts[best]! + 1)) best = index;
    });
    if (best === -1) break;
    counts[best]! += 1;
  }

  const blocs: PlanBloc[] = [];
  pools.forEach((pool, poolIndex) => {
    const count = counts[poolIndex]!;
    if (count === 0) return;
    const sizes = apportion(pool.members.length, Array.from({ length: count }, () => 1));
    let at = 0;
    for (let n = 1; n <= count; n += 1) {
      const candidates = pool.members.slice(at, at + sizes[n - 1]!);
      at += sizes[n - 1]!;
      const code = `${pool.codePrefix}_${pad(n, 2)}`.slice(0, 60);
      blocs.push({
        index: blocs.length,
        id: scaleUuid(TAG.bloc, hashString(code), blocs.length),
        code,
        name: pool.name(n, count).normalize('NFC').slice(0, 300),
        kind: pool.kind,
        organizer: pool.organizer,
        candidates,
      });
    }
  });
  return blocs;
}

// ── queries on the plan ───────────────────────────────────────────────────────────────────────────

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

export const BLOC_YEARS: readonly number[] = Array.from({ length: CURRENT_YEAR - FIRST_YEAR + 1 }, (_, index) => FIRST_YEAR + index);

/** Where a unit hung before the 2025 reform: units of a new commune belonged to one of its predecessors. */
export function parentAt(plan: Plan, unit: number, day: string): number {
  const org = plan.orgs[unit]!;
  if (org.parent < 0) return -1;
  const parent = plan.orgs[org.parent]!;
  if (parent.predecessors.length > 0 && !validOn(parent, day)) return parent.predecessors[hash32(unit, 0x9a7e) % parent.predecessors.length]!;
  return org.parent;
}
