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
import type { SubgraphClient } from '@tdkt/subgraph-kit';
import { fetchTreePage, queryWithTreeChanges, type TreePage } from '../clients/organizations-tree.client.js';
import { OrganizationTreeStore } from '../store/organization-tree.store.js';

export interface TreeContext {
  db: DataSource;
  organizationsClient: SubgraphClient;
  internalToken: string;
}

const checkInterval = () => {
  const configured = Number(process.env['AWARDS_TREE_CHECK_MS']);
  return Number.isFinite(configured) && configured >= 0 ? configured : 1_000;
};

class OrganizationTreeSync {
  /** The cursor last seen applied in the database (null until read once). */
  private cursor: string | null = null;
  private checkedAt = 0;
  /** One check at a time per process; requests that need one meanwhile wait for it. */
  private checking: Promise<void> | null = null;
  /** Applications in this process run one after another. */
  private queue: Promise<unknown> = Promise.resolve();

  private readonly store: OrganizationTreeStore;

  constructor(db: DataSource) {
    this.store = new OrganizationTreeStore(db);
  }

  /** Whether the tree log should be read before answering (the interval has passed). */
  due(): boolean {
    return Date.now() - this.checkedAt >= checkInterval();
  }

  /** The cursor to ask the organizations subgraph with (read from the database once per process). */
  async knownCursor(): Promise<string> {
    if (this.cursor === null) {
      this.cursor = (await this.store.cursor()) ?? '0';
    }
    return this.cursor;
  }

  /** Reads the tree log and applies what changed (if `force`, even within the interval). */
  async ensureCurrent(context: TreeContext, force = false): Promise<void> {
    if (!force && !this.due()) return;
    while (this.checking) {
      await this.checking;
      // A forced check must have started after the caller's need arose: wait for the running one, then read again.
      if (!force) return;
    }
    const started = Date.now();
    this.checking = (async () => {
      const after = await this.knownCursor();
      await this.catchUp(context, after, await fetchTreePage(context, after));
      this.checkedAt = started;
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /** Applies `page` (read after `after`) and every page after it, unless there was nothing new. */
  async catchUp(context: TreeContext, after: string, page: TreePage): Promise<void> {
    if (!page.reset && !page.hasMore && page.units.length === 0) return;
    const run = this.queue.then(() => this.apply(context, after, page));
    this.queue = run.catch(() => undefined);
    await run;
  }

  /** Marks the log as read now (a caller read it together with its own question). */
  checked(at: number): void {
    this.checkedAt = Math.max(this.checkedAt, at);
  }

  private async apply(context: TreeContext, after: string, first: TreePage): Promise<void> {
    let from = after;
    let page: TreePage | null = first;
    for (let round = 0; round < 100_000; round += 1) {
      if (!page) page = await fetchTreePage(context, from);
      if (page.reset) {
        await this.store.reset();
        this.cursor = '0';
        from = '0';
        page = null;
        continue;
      }
      if (page.units.length > 0 || page.cursor !== from) {
        const cursor = await this.store.apply(from, page.cursor, page.units);
        if (cursor === '-1') {
          // Another process applied less than we assumed: read on from where the database stands.
          this.cursor = null;
          from = await this.knownCursor();
          page = null;
          continue;
        }
        this.cursor = cursor;
        from = cursor;
      }
      if (!page.hasMore) return;
      page = null;
    }
  }
}

const syncs = new WeakMap<DataSource, OrganizationTreeSync>();

export function organizationTreeSync(db: DataSource): OrganizationTreeSync {
  let sync = syncs.get(db);
  if (!sync) {
    sync = new OrganizationTreeSync(db);
    syncs.set(db, sync);
  }
  return sync;
}

/** Brings the copy of the tree up to date if it is due (or `force`). No call at all within the interval. */
export function ensureTreeCurrent(context: TreeContext, force = false): Promise<void> {
  return organizationTreeSync(context.db).ensureCurrent(context, force);
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
    await sync.catchUp(context, after!, data.tree);
    sync.checked(started);
  }
  return data;
}
