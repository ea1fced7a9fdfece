/**
 * Per-request DataLoaders of the campaigns subgraph: every list and reference field goes through one,
 * so a board of N members, M items and P periods costs a constant number of statements.
 */
import type { Stores } from '../store/index.js';
import type { OrganizationCopyAccess } from '../services/organization-copy.service.js';
import { createPledgeLoaders } from './pledge.loaders.js';
import { createOrganizationLoaders } from './organization.loaders.js';
import { createMovementLoaders } from './movement.loaders.js';
import { createConferenceLoaders } from './conference.loaders.js';
import { createPledgeDutiesLoaders } from './pledge-duties.loaders.js';

export function createLoaders(stores: Stores, copy: OrganizationCopyAccess) {
  return {
    ...createOrganizationLoaders(copy),
    ...createPledgeLoaders(stores, copy),
    ...createMovementLoaders(stores),
    ...createConferenceLoaders(stores),
    ...createPledgeDutiesLoaders(stores, copy),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
