/**
 * Deterministic randomness and ids for the scale dataset: the same preset gives the same rows on every
 * machine and every run, chunk by chunk, so an interrupted load resumes with exactly the rows it would
 * have written.
 *
 * - `hash32(...)`: a 32-bit mix of integers (murmur3 finaliser), to seed one generator per entity.
 * - `Rng`: mulberry32, fast and good enough for synthetic data.
 * - `scaleUuid(tag, a, b)`: a UUID of version 8 (RFC 9562 "custom"). The application writes version 4
 *   (`gen_random_uuid()`) and the reference seed version 5 (`seedUuid`), so the version nibble alone
 *   tells a generated row from any other: `substr(id::text, 15, 1) = '8'`. `--restart` relies on it.
 */

export function fmix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a few integers (order matters). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    let k = Math.imul(part | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    // Numbers above 2^32 (never used as parts, but be safe) contribute their high word too.
    if (part > 0xffffffff) h ^= fmix32(Math.floor(part / 0x100000000));
  }
  return fmix32(h ^ parts.length);
}

/** A 32-bit hash of a string (for codes). */
export function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max] (both included). */
  between(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Approximately standard normal (sum of four uniforms, rescaled): cheap and bounded. */
  normal(): number {
    return (this.next() + this.next() + this.next() + this.next() - 2) * 1.7320508;
  }

  /** Index drawn from cumulative weights (last element = total). */
  weighted(cumulative: readonly number[]): number {
    const target = this.next() * cumulative[cumulative.length - 1]!;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Fisher–Yates shuffle of a copy. */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  }
}

export function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}

/** A weighted table: values and their cumulative weights, for `Rng.weighted`. */
export interface WeightedTable<T> {
  values: readonly T[];
  cumulative: readonly number[];
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): WeightedTable<T> {
  return { values: entries.map((entry) => entry[0]), cumulative: cumulative(entries.map((entry) => entry[1])) };
}

export function drawFrom<T>(rng: Rng, table: WeightedTable<T>): T {
  return table.values[rng.weighted(table.cumulative)]!;
}

const HEX: string[] = Array.from({ length: 256 }, (_, index) => (index + 0x100).toString(16).slice(1));

/** Entity tags of generated ids (part of the hash, so ids of different tables never coincide). */
export const TAG = {
  organization: 1,
  lineage: 2,
  bloc: 3,
  person: 4,
  pledge: 5,
  blocVote: 6,
  decision: 7,
  grant: 8,
  nomination: 9,
  councilVote: 10,
  initiative: 11,
} as const;

/**
 * A version-8 UUID from (tag, a, b): stable, spread like random ids, marked as generated. Each 32-bit
 * word is hashed with its own seed first, so the words are independent hashes of the input (a shared
 * 32-bit state would let 10 million ids collide by the birthday bound).
 */
export function scaleUuid(tag: number, a: number, b = 0): string {
  const w0 = hash32(0x51a3c5e7, tag, a, b);
  const w1 = hash32(0x52b4d6f8, tag, a, b);
  const w2 = hash32(0x53c5e709, tag, a, b);
  const w3 = hash32(0x54d6f81a, tag, a, b);
  return (
    HEX[w0 >>> 24]! +
    HEX[(w0 >>> 16) & 255]! +
    HEX[(w0 >>> 8) & 255]! +
    HEX[w0 & 255]! +
    '-' +
    HEX[w1 >>> 24]! +
    HEX[(w1 >>> 16) & 255]! +
    '-' +
    // version 8 in the high nibble of byte 6
    HEX[0x80 | ((w1 >>> 8) & 15)]! +
    HEX[w1 & 255]! +
    '-' +
    // variant 10xx in the high bits of byte 8
    HEX[0x80 | ((w2 >>> 24) & 63)]! +
    HEX[(w2 >>> 16) & 255]! +
    '-' +
    HEX[(w2 >>> 8) & 255]! +
    HEX[w2 & 255]! +
    HEX[w3 >>> 24]! +
    HEX[(w3 >>> 16) & 255]! +
    HEX[(w3 >>> 8) & 255]! +
    HEX[w3 & 255]!
  );
}

/**
 * SQL predicate: the uuid expression is one the scale generator made (version nibble 8, the high half of
 * byte 6 — the 15th character of the text form); false for null. Reads the bytes, not the text: fast
 * enough to scan ten million rows.
 */
export function isGeneratedSql(expression: string): string {
  return `coalesce(get_byte(uuid_send(${expression}), 6) >> 4 = 8, false)`;
}
