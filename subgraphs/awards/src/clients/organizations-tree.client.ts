/** What awards asks the organizations subgraph about its tree log (organizationTreeChanges). */
import type { SubgraphClient } from '@tdkt/subgraph-kit';
import type { TreeUnit } from '../store/organization-tree.store.js';

/** Changes per page: one page of a first full copy of the national tree is a few hundred kilobytes. */
export const TREE_PAGE_SIZE = 2_000;

export const TREE_FIELDS = 'cursor hasMore reset units { id code ancestorIds kind }';

export interface TreePage {
  cursor: string;
  hasMore: boolean;
  reset: boolean;
  units: TreeUnit[];
}

export async function fetchTreePage(
  context: { organizationsClient: SubgraphClient; internalToken: string },
  after: string,
): Promise<TreePage> {
  const data = await context.organizationsClient.query<{ tree: TreePage }>(
    `query($after: String!) { tree: organizationTreeChanges(after: $after, first: ${TREE_PAGE_SIZE}) { ${TREE_FIELDS} } }`,
    { after },
    context.internalToken,
  );
  return data.tree;
}

/** `fields` (a selection on Query) with, when `treeAfter` is not null, the tree changes after it in the same call. */
export function queryWithTreeChanges<T>(
  client: SubgraphClient,
  token: string,
  treeAfter: string | null,
  fields: string,
  variables: Record<string, { type: string; value: unknown }>,
): Promise<T & { tree?: TreePage }> {
  const withTree = treeAfter !== null;
  const declarations = [
    ...(withTree ? ['$treeAfter: String!'] : []),
    ...Object.entries(variables).map(([name, variable]) => `$${name}: ${variable.type}`),
  ];
  const tree = withTree
    ? `tree: organizationTreeChanges(after: $treeAfter, first: ${TREE_PAGE_SIZE}) { ${TREE_FIELDS} }`
    : '';
  return client.query<T & { tree?: TreePage }>(
    `query${declarations.length ? `(${declarations.join(', ')})` : ''} { ${tree} ${fields} }`,
    {
      ...(withTree ? { treeAfter } : {}),
      ...Object.fromEntries(Object.entries(variables).map(([name, variable]) => [name, variable.value])),
    },
    token,
  );
}
