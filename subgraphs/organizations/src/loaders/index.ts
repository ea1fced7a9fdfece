/**
 * Per-request DataLoaders: every reference and every parent→children field goes through one of these,
 * so a list of N parents costs a constant number of statements. Batch functions return results in key
 * order, null (or an empty list) for a miss.
 */
import type { Stores } from '../store/index.js';
import { createBlocLoaders } from './bloc.loaders.js';
import { createBlocAdminLoaders } from './bloc-admin.loaders.js';
import { createLineageLoaders } from './lineage.loaders.js';
import { createOrganizationLoaders } from './organization.loaders.js';
import { createPersonLoaders } from './person.loaders.js';

export { canonicalId, isUuid } from './ids.js';

export function createLoaders(stores: Stores) {
  const organizations = createOrganizationLoaders(stores);
  return {
    ...organizations,
    ...createLineageLoaders(stores),
    ...createBlocLoaders(stores, organizations.primeOrganization),
    ...createBlocAdminLoaders(stores),
    ...createPersonLoaders(stores),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
