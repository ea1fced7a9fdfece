/**
 * Code and names of the units a request shows that its reads did not already name (movements'
 * launchers, conference hosts, delegates, summaries, scorecards, entity references): one statement on the
 * copy for all of them, whatever their paths (services/organization-copy.service.ts).
 */
import DataLoader from 'dataloader';
import type { OrganizationCopyAccess } from '../services/organization-copy.service.js';
import type { OrganizationNames } from '../types/organization.stub.js';

export function createOrganizationLoaders(copy: OrganizationCopyAccess) {
  const organizationNamesById = new DataLoader<string, OrganizationNames | null>(async (ids) => {
    const names = await copy.namesOf(ids);
    return ids.map((id) => names.get(id.toLowerCase()) ?? null);
  });
  return { organizationNamesById };
}
