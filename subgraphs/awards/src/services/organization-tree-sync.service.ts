/**
 * Keeps `org_unit` (each unit's code, ancestor chain and kind, copied from the organizations subgraph)
 * current, so the subtree rollup (migration 1765000000000) counts every grant for the right ancestors
 * and a statistic finds its unit by code without asking the organizations subgraph.
 *
 * When it is brought up to date: the awards process reads the organizations subgraph's tree log
 * (`organizationTreeChanges` after the cursor it applied) at most once per AWARDS_TREE_CHECK_MS
 * (default 1,000 ms) while it answers statistics, and at once when a statistic names a unit it has not
 * seen or grants arrived for one. Pages of changes are applied in order by
 * `awards.apply_organization_tree` (one statement each). So grant writes show in the next statistic
 * (the rollups follow them in their own transaction); a unit moved under another parent shows within
 * about a second. A first copy of the national tree (51,000 units) takes about a minute, once.
 *
 * Why a copy of the chains rather than the subtree's ids on every request: a province or ministry
 * subtree holds thousands of units (HCM: 2,273 on the national dataset) and a rollup keyed by unit still
 * holds ~40 rows per unit over 10 years; summing them per request was 145 ms there, plus 85 ms to list
 * the ids. Keyed by ancestor, the same question reads the rows of one key: 0.4 ms. And not asking the
 * organizations subgraph on each statistic saves that call's CPU in both processes (~5 ms a request).
 */
import type { DataSource } from 'typeorm';
import { ChangeLogCopy, changeLogCopies, intervalFromEnv, type SubgraphClient } from '@tdkt/subgraph-kit';
import { fetchTreePage, queryWithTreeChanges } from '../clients/organizations-tree.client.js';
import { OrganizationTreeStore, type TreeUnit } from '../store/organization-tree.store.js';

export interface TreeContext {
  db: DataSource;
  organizationsClient: SubgraphClient;
  internalToken: string;
}

/** The kit's change-log copy (read at most once per interval, one read at a time, pages in order). */
const organizationTreeSync = changeLogCopies(
  (db: DataSource) =>
    new ChangeLogCopy<TreeUnit>(new OrganizationTreeStore(db), intervalFromEnv('AWARDS_TREE_CHECK_MS', 1_000)),
);

const readerFor = (context: TreeContext) => (after: string) => fetchTreePage(context, after);

/** Brings the copy of the tree up to date if it is due (or `force`). No call at all within the interval. */
export function ensureTreeCurrent(context: TreeContext, force = false): Promise<void> {
  return organizationTreeSync(context.db).ensureCurrent(readerFor(context), force);
}

/**
 * Asks the organizations subgraph `fields` (a selection on Query, using `variables`), with the tree
 * changes in the same call when they are due, applies them, and returns the answer to `fields`.
 */
export async function askOrganizations<T>(
  context: TreeContext,
  fields: string,
  variables: Record<string, { type: string; value: unknown }>,
): Promise<T> {
  const sync = organizationTreeSync(context.db);
  const withTree = sync.due();
  const started = Date.now();
  const after = withTree ? await sync.knownCursor() : null;
  const data = await queryWithTreeChanges<T>(
    context.organizationsClient,
    context.internalToken,
    after,
    fields,
    variables,
  );
  if (withTree && data.tree) {
    await sync.catchUp(readerFor(context), after!, data.tree);
    sync.checked(started);
  }
  return data;
}
