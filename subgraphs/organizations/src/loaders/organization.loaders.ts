/** Organizations by id and by code (each primes the other), children, and the tree walks. */
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '@tdkt/subgraph-kit';
import type { Organization } from '../types/organization.types.js';
import type { Stores } from '../store/index.js';
import { isUuid } from './ids.js';

export function createOrganizationLoaders(stores: Stores) {
  const organizationById: DataLoader<string, Organization | null> = new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await stores.organizations.findByIds(valid) : [];
    for (const row of rows) organizationByCode.prime(row.code, row);
    return byKey(ids, rows, (row) => row.id);
  });

  const organizationByCode: DataLoader<string, Organization | null> = new DataLoader(async (codes) => {
    const rows = await stores.organizations.findByCodes(codes);
    for (const row of rows) organizationById.prime(row.id, row);
    return byKey(codes, rows, (row) => row.code);
  });

  const childrenByParentId = new DataLoader<string, Organization[]>(async (parentIds) => {
    const rows = await stores.organizations.childrenOf(parentIds);
    for (const row of rows) organizationById.prime(row.id, row);
    return groupByKey(parentIds, rows, (row) => row.parentId!);
  });

  /** Ancestors of each organization, nearest first, itself excluded. */
  const ancestorIdsById = new DataLoader<string, string[]>(async (ids) => {
    const rows = await stores.organizations.ancestorsOf(ids.filter(isUuid));
    return groupByKey(ids, rows, (row) => row.organizationId).map((group) => group.map((row) => row.ancestorId));
  });

  /** Every unit under each organization (any depth), for analytics over a subtree. */
  const descendantIdsById = new DataLoader<string, string[]>(async (ids) => {
    const rows = await stores.organizations.descendantsOf(ids.filter(isUuid));
    return groupByKey(ids, rows, (row) => row.rootId).map((group) => group.map((row) => row.id));
  });

  /** An organization another statement read along (a bloc's organizer, a member): no statement of its own. */
  const primeOrganization = (organization: Organization): void => {
    organizationById.prime(organization.id, organization);
    organizationByCode.prime(organization.code, organization);
  };

  return {
    organizationById,
    organizationByCode,
    childrenByParentId,
    ancestorIdsById,
    descendantIdsById,
    primeOrganization,
  };
}
