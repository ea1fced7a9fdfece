/**
 * Units of the central bodies: departments (vụ, cục) and service units (hospitals, schools, institutes,
 * newspapers …) of the ministries and agencies, member companies of the state groups, the units of the
 * Ministries of Defence and Public Security, and under these two the provincial military commands and
 * police departments.
 */
import { hashString } from '../random.js';
import type { ScalePreset } from '../presets.js';
import { CENTRAL_DEPARTMENTS, CENTRAL_SERVICE_UNITS, DEFENCE_UNITS, POLICE_UNITS } from '../vietnamese.js';
import { deriveLevel, pad, type PlanBuilder } from './builder.js';
import type { Flavor } from './types.js';

export function addCentralUnits(
  b: PlanBuilder,
  preset: ScalePreset,
  unitRoots: readonly number[],
  currentProvinces: readonly number[],
): void {
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
        flavor = base.startsWith('Bệnh viện')
          ? 'hospital'
          : base.startsWith('Trường') || base.startsWith('Học viện')
            ? 'education'
            : base.startsWith('Viện')
              ? 'research'
              : base.startsWith('Tạp chí') || base.startsWith('Báo') || base.startsWith('Nhà xuất bản')
                ? 'culture'
                : 'center';
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
      b.groupRoots.push(unit);
    }
    // Provincial military commands and police departments hang under BQP / BCA.
    if ((isDefence || isPolice) && preset.unitsPerCentralBody >= 10) {
      for (const province of currentProvinces) {
        const p = b.orgs[province]!;
        const name = isDefence
          ? `Bộ Chỉ huy Quân sự ${b.provinceLabel(province)}`
          : `Công an ${b.provinceLabel(province)}`;
        b.groupRoots.push(
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
}
