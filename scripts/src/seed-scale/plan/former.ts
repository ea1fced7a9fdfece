/** Districts and communes before the 2025 reform (valid until 2025-06-30), under the 63 former provinces. */
import { hashString } from '../random.js';
import type { ScalePreset } from '../presets.js';
import { placeNames } from '../names.js';
import { apportion, FORMER_END, pad, type PlanBuilder } from './builder.js';

export interface FormerUnits {
  /** Districts of each former province (a reference district among them). */
  districtsOf: Map<number, number[]>;
  /** The generated districts, in order. */
  generatedDistricts: number[];
  /** Communes of each generated district. */
  formerCommunesOf: Map<number, number[]>;
}

export function addFormerDistricts(
  b: PlanBuilder,
  preset: ScalePreset,
  formerProvinces: readonly number[],
): FormerUnits {
  const districtCounts = apportion(
    preset.formerDistricts,
    formerProvinces.map((index) => (b.orgs[index]!.code === 'HN' ? 2.5 : b.orgs[index]!.code === 'HCM' ? 2 : 1)),
  );
  const districtsOf = new Map<number, number[]>();
  const allDistricts: number[] = [];
  formerProvinces.forEach((province, position) => {
    const p = b.orgs[province]!;
    const list: number[] = [];
    // Quận Tây Hồ is a reference row: it is one of Hà Nội's districts.
    if (p.code === 'HN' && b.byCode.has('QUAN_TAY_HO')) list.push(b.byCode.get('QUAN_TAY_HO')!);
    const names = b
      .places(province)
      .slice(40, 100)
      .filter((name) => name !== 'Tây Hồ');
    const rng = b.rngFor(4, hashString(p.code));
    for (let n = list.length + 1; n <= districtCounts[position]!; n += 1) {
      const city = p.kind === 'CENTRAL_CITY';
      const roll = rng.next();
      const prefix = city
        ? roll < 0.55
          ? 'Quận'
          : 'Huyện'
        : roll < 0.06
          ? 'Thị xã'
          : roll < 0.1
            ? 'Thành phố'
            : 'Huyện';
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
  const communeCounts = apportion(
    preset.formerCommunes,
    generatedDistricts.map(() => 1),
  );
  const formerCommunesOf = new Map<number, number[]>();
  generatedDistricts.forEach((district, position) => {
    const d = b.orgs[district]!;
    const names = placeNames(b.rngFor(5, hashString(d.code)), communeCounts[position]!);
    const rng = b.rngFor(6, hashString(d.code));
    const list: number[] = [];
    for (let n = 1; n <= communeCounts[position]!; n += 1) {
      const urban = d.name.startsWith('Quận') || d.name.startsWith('Thành phố') || d.name.startsWith('Thị xã');
      const roll = rng.next();
      const [prefix, kind] = urban
        ? roll < 0.8
          ? ['Phường', 'WARD']
          : ['Xã', 'COMMUNE']
        : roll < 0.08
          ? ['Thị trấn', 'COMMUNE']
          : ['Xã', 'COMMUNE'];
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
  return { districtsOf, generatedDistricts, formerCommunesOf };
}
