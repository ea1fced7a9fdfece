/**
 * The catalogue by code (grants, counts and form columns all name their award type): from the
 * catalogue in code (store: inCatalogue), the database only for a code not in it.
 */
import DataLoader from 'dataloader';
import type { AwardsStores } from '../store/index.js';
import type { AwardType } from '../types/award-type.types.js';

export function createAwardTypeLoaders(stores: AwardsStores) {
  const awardTypeByCode = new DataLoader<string, AwardType | null>(async (codes) => {
    const known = stores.awardTypes.inCatalogue(codes);
    const knownCodes = new Set(known.map((type) => type.code));
    const missing = codes.filter((code) => !knownCodes.has(code));
    const found = missing.length ? [...known, ...(await stores.awardTypes.byCodes(missing))] : known;
    const byCode = new Map(found.map((type) => [type.code, type]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
  return { awardTypeByCode };
}
