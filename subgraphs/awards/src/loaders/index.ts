/** Per-request loaders of the awards subgraph: one statement per field over all parents. */
import type { AwardsStores } from '../store/index.js';
import { createAwardTypeLoaders } from './award-type.loaders.js';
import { createExemplarLoaders } from './exemplar.loaders.js';
import { createGrantLoaders } from './grant.loaders.js';
import { createNominationLoaders } from './nomination.loaders.js';

export function createLoaders(stores: AwardsStores) {
  return {
    ...createGrantLoaders(stores),
    ...createNominationLoaders(stores),
    ...createExemplarLoaders(stores),
    ...createAwardTypeLoaders(stores),
  };
}

export type AwardLoaders = ReturnType<typeof createLoaders>;
