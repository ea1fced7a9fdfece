/**
 * What the parts of the plan share: the organizations laid out so far (an index per organization, in
 * the order they are added, which the ids and everything after depend on), the roots of the groups,
 * and the deterministic helpers.
 */
import { hash32, hashString, Rng, scaleUuid, TAG } from '../random.js';
import { placeNames } from '../names.js';
import { PROVINCE_REGION } from '../vietnamese.js';
import type { PlanOrg } from './types.js';

/** Largest-remainder apportionment of `total` over `weights` (deterministic, ties to the lower index). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (weight / sum) * total);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left -= 1) counts[order[i]!.index]! += 1;
  return counts;
}

/** The two-level local government from 2025-07-01: the new communes from that day, the districts and former communes until the day before. */
export const REFORM_DATE = '2025-07-01';
export const FORMER_END = '2025-06-30';

/** "Vụ Tổ chức cán bộ, Bộ Tư pháp" → "VTCCB": the issuer part of a decision number (QĐ-VTCCB). */
export function initials(name: string): string {
  const head = name
    .split(',')[0]!
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D');
  const letters = head
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => (/^[0-9]+$/.test(word) ? word : word[0]!.toUpperCase()));
  return letters.join('').slice(0, 10) || 'DV';
}

export function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Level of a new unit, as the organizations subgraph derives it (rules/organization.rule.ts deriveLevel). */
export function deriveLevel(kind: string, parentLevel: string | null): string {
  if (kind === 'PROVINCE' || kind === 'CENTRAL_CITY') return 'PROVINCIAL';
  if (kind === 'DISTRICT') return 'DISTRICT';
  if (kind === 'COMMUNE' || kind === 'WARD' || kind === 'SPECIAL_ZONE') return 'COMMUNE';
  return parentLevel ?? 'CENTRAL';
}

export function provincePrefix(kind: string): string {
  return kind === 'CENTRAL_CITY' ? 'thành phố' : 'tỉnh';
}

export class PlanBuilder {
  readonly orgs: PlanOrg[] = [];
  readonly byCode = new Map<string, number>();
  /** Roots of the groups, in the order the groups are created; a group is a subtree generated together. */
  readonly groupRoots: number[] = [];
  private readonly placesByProvince = new Map<number, string[]>();

  /** A random stream of its own for each part of the plan, so that no part shifts another. */
  rngFor(...parts: number[]): Rng {
    return new Rng(hash32(0x5ca1e, ...parts));
  }

  provinceLabel(index: number): string {
    return `${provincePrefix(this.orgs[index]!.kind)} ${this.orgs[index]!.shortName ?? this.orgs[index]!.name}`;
  }

  /** Place names of a province: [0, 40) its service units, [40, 100) its former districts, [100, …) its communes. */
  places(province: number): string[] {
    let names = this.placesByProvince.get(province);
    if (!names) {
      names = placeNames(this.rngFor(2, hashString(this.orgs[province]!.code)), 420);
      this.placesByProvince.set(province, names);
    }
    return names;
  }

  add(
    entry: Omit<
      PlanOrg,
      | 'index'
      | 'personStart'
      | 'personCount'
      | 'group'
      | 'predecessors'
      | 'region'
      | 'armed'
      | 'abbr'
      | 'id'
      | 'sharedIssuer'
    > &
      Partial<Pick<PlanOrg, 'armed' | 'abbr' | 'id'>>,
  ): number {
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
