/**
 * The communes, wards and special zones of 2025-07-01 under today's provinces, the units under them,
 * and the lineage events that merged the former communes into them.
 */
import { hashString, scaleUuid, TAG } from '../random.js';
import type { ScalePreset } from '../presets.js';
import { apportion, pad, REFORM_DATE, type PlanBuilder } from './builder.js';
import type { FormerUnits } from './former.js';
import type { Flavor, PlanLineageEvent } from './types.js';

/** The 13 special zones (đặc khu) of 2025-07-01 and their provinces. */
const SPECIAL_ZONES: readonly (readonly [string, string])[] = [
  ['QUANG_NINH', 'Vân Đồn'],
  ['QUANG_NINH', 'Cô Tô'],
  ['HP', 'Cát Hải'],
  ['HP', 'Bạch Long Vĩ'],
  ['QUANG_TRI', 'Cồn Cỏ'],
  ['DN', 'Hoàng Sa'],
  ['QUANG_NGAI', 'Lý Sơn'],
  ['KHANH_HOA', 'Trường Sa'],
  ['LAM_DONG', 'Phú Quý'],
  ['HCM', 'Côn Đảo'],
  ['AN_GIANG', 'Phú Quốc'],
  ['AN_GIANG', 'Thổ Châu'],
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

export interface NewCommunes {
  /** Communes of each current province. */
  communesOf: Map<number, number[]>;
  lineage: PlanLineageEvent[];
}

export function addNewCommunes(
  b: PlanBuilder,
  preset: ScalePreset,
  currentProvinces: readonly number[],
  referencePredecessors: ReadonlyMap<number, number[]>,
  formerUnits: FormerUnits,
): NewCommunes {
  const { districtsOf, formerCommunesOf } = formerUnits;
  const communesOf = new Map<number, number[]>();
  const predecessorsOfProvince = new Map<number, number[]>();
  for (const province of currentProvinces)
    predecessorsOfProvince.set(province, [province, ...(referencePredecessors.get(province) ?? [])]);
  const communesPerProvince = apportion(
    preset.communes,
    currentProvinces.map((province) =>
      predecessorsOfProvince
        .get(province)!
        .reduce((sum, former) => sum + (districtsOf.get(former)?.length ?? 0) + 1, 0),
    ),
  );
  const zoneQuota = Math.round((13 * preset.communes) / 3321);
  const lineage: PlanLineageEvent[] = [];
  currentProvinces.forEach((province, position) => {
    const p = b.orgs[province]!;
    const count = communesPerProvince[position]!;
    const formerCommunes = predecessorsOfProvince
      .get(province)!
      .flatMap((former) => (districtsOf.get(former) ?? []).flatMap((district) => formerCommunesOf.get(district) ?? []));
    const zones = SPECIAL_ZONES.filter((zone, zoneIndex) => zoneIndex < zoneQuota && zone[0] === p.code).map(
      (zone) => zone[1],
    );
    const names = b
      .places(province)
      .slice(100)
      .filter((name) => !zones.includes(name));
    const rng = b.rngFor(7, hashString(p.code));
    const wardShare = p.kind === 'CENTRAL_CITY' ? 0.45 : 0.17;
    const list: number[] = [];
    const label = b.provinceLabel(province);
    const legal = `Nghị quyết số ${1650 + position}/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp các đơn vị hành chính cấp xã của ${label} năm 2025`;
    for (let n = 1; n <= count; n += 1) {
      const zone = n <= zones.length ? zones[n - 1]! : null;
      const ward = !zone && rng.chance(wardShare);
      const [prefix, kind, codeLetter] = zone
        ? ['Đặc khu', 'SPECIAL_ZONE', 'DK']
        : ward
          ? ['Phường', 'WARD', 'P']
          : ['Xã', 'COMMUNE', 'X'];
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
      b.groupRoots.push(commune);
      for (const [suffix, unitName, flavor, unitKind] of COMMUNE_UNITS.slice(0, preset.unitsPerCommune)) {
        const name =
          flavor === 'village'
            ? `${ward ? 'Tổ dân phố' : 'Thôn'} ${unitName}, ${prefix.toLowerCase()} ${placeName}`
            : `${unitName} ${placeName}`;
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
    const slices = apportion(
      formerCommunes.length,
      list.map(() => 1),
    );
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
        note: `${c.name} được thành lập trên cơ sở ${predecessors.map((index) => b.orgs[index]!.name).join(', ')}.`.normalize(
          'NFC',
        ),
      });
    });
  });
  return { communesOf, lineage };
}
