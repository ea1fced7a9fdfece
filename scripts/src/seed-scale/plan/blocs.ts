/**
 * The emulation blocs and clusters (khối, cụm thi đua): pools of units that compete with each other
 * (central bodies, provinces, the units of a ministry or department, districts, communes), and exactly
 * as many blocs as the preset asks for, shared among the pools.
 */
import { REFERENCE_BLOCS } from '@tdkt/organizations';
import { hashString, scaleUuid, TAG } from '../random.js';
import type { ScalePreset } from '../presets.js';
import { apportion, pad, provincePrefix } from './builder.js';
import type { PlanBloc, PlanOrg } from './types.js';

interface BlocPool {
  organizer: number;
  kind: 'BLOC' | 'CLUSTER';
  members: number[];
  /** Name of the n-th bloc of the pool (1-based). */
  name: (n: number, of: number) => string;
  codePrefix: string;
}

export function planBlocs(
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
  const inReferenceBloc = new Set(
    REFERENCE_BLOCS.flatMap((bloc) =>
      bloc.years.flatMap((year) => year.members.map((member) => byCode.get(member.organizationCode)!)),
    ),
  );
  const label = (index: number) =>
    `${provincePrefix(orgs[index]!.kind)} ${orgs[index]!.shortName ?? orgs[index]!.name}`;
  const numbered = (base: string) => (n: number, of: number) => (of > 1 ? `${base} số ${n}` : base);
  const pools: BlocPool[] = [];
  const centralBodies = context.unitRoots.filter((index) => !inReferenceBloc.has(index));
  pools.push({
    organizer: context.btdkttw,
    kind: 'BLOC',
    members: centralBodies,
    name: numbered('Khối thi đua các bộ, ngành, đoàn thể Trung ương'),
    codePrefix: 'KHOI_TW',
  });
  const provinces = context.formerProvinces.filter((index) => !inReferenceBloc.has(index));
  pools.push({
    organizer: context.btdkttw,
    kind: 'CLUSTER',
    members: provinces,
    name: numbered('Cụm thi đua các tỉnh'),
    codePrefix: 'CUM_TINH_TW',
  });
  for (const root of context.unitRoots) {
    const units = (context.children.get(root) ?? []).filter((index) => orgs[index]!.generated);
    if (units.length >= 3)
      pools.push({
        organizer: root,
        kind: 'BLOC',
        members: units,
        name: numbered(`Khối thi đua các đơn vị thuộc ${orgs[root]!.shortName ?? orgs[root]!.name}`),
        codePrefix: `KHOI_${orgs[root]!.code}`,
      });
  }
  for (const province of context.currentProvinces) {
    const departments = (context.children.get(province) ?? []).filter(
      (index) => orgs[index]!.generated && orgs[index]!.level === 'PROVINCIAL',
    );
    if (departments.length >= 3)
      pools.push({
        organizer: province,
        kind: 'BLOC',
        members: departments,
        name: numbered(`Khối thi đua các sở, ban, ngành ${label(province)}`),
        codePrefix: `KHOI_${orgs[province]!.code}`,
      });
    for (const department of departments) {
      const units = context.children.get(department) ?? [];
      if (units.length >= 3)
        pools.push({
          organizer: department,
          kind: 'BLOC',
          members: units,
          name: numbered(`Khối thi đua các đơn vị trực thuộc ${orgs[department]!.name}`),
          codePrefix: `KHOI_${orgs[department]!.code}`,
        });
    }
  }
  for (const province of context.formerProvinces) {
    const districts = (context.districtsOf.get(province) ?? []).filter((index) => orgs[index]!.generated);
    if (districts.length >= 3)
      pools.push({
        organizer: province,
        kind: 'CLUSTER',
        members: districts,
        name: numbered(`Cụm thi đua các huyện, thị xã, thành phố ${label(province)}`),
        codePrefix: `CUM_${orgs[province]!.code}_H`,
      });
  }
  for (const province of context.currentProvinces) {
    const communes = context.communesOf.get(province) ?? [];
    if (communes.length >= 3)
      pools.push({
        organizer: province,
        kind: 'CLUSTER',
        members: communes,
        name: numbered(`Cụm thi đua các xã, phường ${label(province)}`),
        codePrefix: `CUM_${orgs[province]!.code}_X`,
      });
  }

  // Exactly preset.blocs blocs, given one at a time to the pool whose blocs are largest (D'Hondt), so
  // that sizes even out; a bloc keeps at least three candidates.
  const counts = pools.map(() => 0);
  const capacity = pools.map((pool) => Math.floor(pool.members.length / 3));
  for (let given = 0; given < preset.blocs; given += 1) {
    let best = -1;
    pools.forEach((pool, index) => {
      if (counts[index]! >= capacity[index]!) return;
      if (best === -1 || pool.members.length / (counts[index]! + 1) > pools[best]!.members.length / (counts[best]! + 1))
        best = index;
    });
    if (best === -1) break;
    counts[best]! += 1;
  }

  const blocs: PlanBloc[] = [];
  pools.forEach((pool, poolIndex) => {
    const count = counts[poolIndex]!;
    if (count === 0) return;
    const sizes = apportion(
      pool.members.length,
      Array.from({ length: count }, () => 1),
    );
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
