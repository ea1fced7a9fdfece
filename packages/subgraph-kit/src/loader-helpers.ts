/**
 * The pieces every DataLoader batch function needs: results in key order (null or an empty list for a
 * miss), and a guard for ids that would make Postgres throw.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from clients and other subgraphs: anything that is not a UUID must not reach a uuid column. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** One row per key, in key order; null where no row matched. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map<K, V>();
  for (const row of rows) index.set(keyOf(row), row);
  return keys.map((key) => index.get(key) ?? null);
}

/** The rows of each key, in key order; an empty list where none matched. Rows keep their order. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return keys.map((key) => groups.get(key) ?? []);
}
