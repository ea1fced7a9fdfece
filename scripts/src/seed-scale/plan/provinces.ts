/** Provincial departments (sở, ban, ngành) of today's provinces, and the units under them. */
import { hashString } from '../random.js';
import type { ScalePreset } from '../presets.js';
import { DEPARTMENT_UNITS, HONOURED_NAMES, PROVINCIAL_DEPARTMENTS } from '../vietnamese.js';
import { pad, type PlanBuilder } from './builder.js';
import type { Flavor } from './types.js';

export function addProvincialUnits(b: PlanBuilder, preset: ScalePreset, currentProvinces: readonly number[]): void {
  for (const province of currentProvinces) {
    const p = b.orgs[province]!;
    const label = b.provinceLabel(province);
    const unitPlaces = b.places(province).slice(0, 40);
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
      b.groupRoots.push(dept);
      const templates = DEPARTMENT_UNITS[deptFlavor] ?? DEPARTMENT_UNITS['office']!;
      for (let n = 1; n <= preset.unitsPerDepartment; n += 1) {
        const [template, flavor] = templates[(n - 1) % templates.length]!;
        const cycle = Math.floor((n - 1) / templates.length);
        const seed = hashString(`${p.code}_${suffix}`) + n * 7;
        let name = template
          .replace('{province}', label)
          .replace('{honoured}', HONOURED_NAMES[seed % HONOURED_NAMES.length]!)
          .replace('{place}', unitPlaces[seed % unitPlaces.length]!);
        if (cycle > 0 && !template.includes('{place}') && !template.includes('{honoured}'))
          name = `${name} – cơ sở ${cycle + 1}`;
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
}
