/**
 * Per-request DataLoaders of the campaigns subgraph: every list and reference field goes through one,
 * so a board of N members, M items and P periods costs a constant number of statements.
 */
import type { Stores } from '../store/index.js';
import { createPledgeLoaders } from './pledge.loaders.js';
import { createMovementLoaders } from './movement.loaders.js';
import { createConferenceLoaders } from './conference.loaders.js';

export function createLoaders(stores: Stores) {
  return {
    ...createPledgeLoaders(stores),
    ...createMovementLoaders(stores),
    ...createConferenceLoaders(stores),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
