/** How resolvers present lists of linked units. */
import { Organization } from '../types/organization.types.js';

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** Vietnamese name order, then code. */
export const byName = (a: Organization, b: Organization): number =>
  collator.compare(a.name, b.name) || a.code.localeCompare(b.code);

/** The organizations a `loadMany` found, without the misses. */
export function found(items: readonly unknown[]): Organization[] {
  return items.filter((item): item is Organization => item instanceof Organization);
}
