/** What campaigns asks the organizations subgraph to keep its copy of codes and names (organizationTreeChanges). */
import type { ChangeLogPage, SubgraphClient } from '@tdkt/subgraph-kit';
import type { CopiedUnit } from '../store/organization-copy.store.js';

/** Changes per page: a first copy of the national tree (51,000 units) takes about 26 pages. */
export const NAMES_PAGE_SIZE = 2_000;

export interface OrganizationsCaller {
  organizationsClient: SubgraphClient;
  internalToken: string;
}

export async function fetchNamesPage(caller: OrganizationsCaller, after: string): Promise<ChangeLogPage<CopiedUnit>> {
  const data = await caller.organizationsClient.query<{ page: ChangeLogPage<CopiedUnit> }>(
    `query($after: String!) { page: organizationTreeChanges(after: $after, first: ${NAMES_PAGE_SIZE}) {
       cursor hasMore reset units { id code name shortName } } }`,
    { after },
    caller.internalToken,
  );
  return data.page;
}

/**
 * Units by id from the organizations subgraph itself: only for ids the copy still lacks after reading
 * the log (a unit loaded in bulk with the log's triggers off), so a name is never missing.
 */
export async function fetchUnitsById(caller: OrganizationsCaller, ids: readonly string[]): Promise<CopiedUnit[]> {
  const data = await caller.organizationsClient.query<{ _entities: (CopiedUnit | null)[] }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id code name shortName } } }`,
    { r: ids.map((id) => ({ __typename: 'Organization', id })) },
    caller.internalToken,
  );
  return data._entities.filter((unit): unit is CopiedUnit => Boolean(unit?.id));
}
