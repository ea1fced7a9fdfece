/** Drawing Vietnamese names from the tables of vietnamese.ts: persons, ethnicities and place names. */
import type { Rng } from './random.js';
import {
  ETHNIC,
  FEMALE_GIVEN,
  FEMALE_MIDDLE,
  MALE_GIVEN,
  MALE_MIDDLE,
  PLACE_FIRST,
  PLACE_SECOND,
  SURNAMES,
  type EthnicRegion,
} from './vietnamese.js';

/** A full name, surname first, NFC. */
export function personName(rng: Rng, female: boolean): string {
  const surname = SURNAMES.values[rng.weighted(SURNAMES.cumulative)]!;
  const middleTable = female ? FEMALE_MIDDLE : MALE_MIDDLE;
  const middle = middleTable.values[rng.weighted(middleTable.cumulative)]!;
  const given = rng.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  // About one in five has a second middle name ("Nguyễn Thị Thu Hương").
  if (rng.chance(0.2)) {
    const second = middleTable.values[rng.weighted(middleTable.cumulative)]!;
    if (second !== middle && second !== given && second !== 'Thị' && second !== 'Văn')
      return `${surname} ${middle} ${second} ${given}`;
  }
  return given === middle ? `${surname} ${middle}` : `${surname} ${middle} ${given}`;
}

export function ethnicity(rng: Rng, region: EthnicRegion): string {
  const table = ETHNIC[region];
  return table.values[rng.weighted(table.cumulative)]!;
}

/** `count` distinct two-syllable place names (e.g. "Tân Phú"), drawn without repeats. */
export function placeNames(rng: Rng, count: number): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  const capacity = PLACE_FIRST.length * PLACE_SECOND.length;
  while (names.length < count) {
    const name = `${rng.pick(PLACE_FIRST)} ${rng.pick(PLACE_SECOND)}`;
    const [a, b] = name.split(' ');
    if (a === b) continue;
    if (seen.has(name)) {
      if (seen.size >= capacity * 0.9) names.push(`${name} ${names.length + 1}`); // only for absurd sizes
      continue;
    }
    seen.add(name);
    names.push(name);
  }
  return names;
}
