/** The catalogue by code, once per request (grants, counts and form columns all name their award type). */
import DataLoader from 'dataloader';
import type { AwardsStores } from '../store/index.js';
import type { AwardType } from '../types/award-type.types.js';

export function createAwardTypeLoaders(stores: AwardsStores) {
  const awardTypeByCode = new DataLoader<string, AwardType | null>(async (codes) => {
    const byCode = new Map((await stores.awardTypes.byCodes(codes)).map((type) => [type.code, type]));
    return codes.map((code) => byCode.get(code) ?? null);
  });
  return { awardTypeByCode };
}
