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

/** Changes per page: one page of a first full copy of the national tree is a few hundred kilobytes. */
export const TREE_PAGE_SIZE = 2_000;

export const TREE_FIELDS = 'cursor hasMore reset units { id code ancestorIds kind }';

export interface TreeUnit {
  id: string;
  code: string | null;
  ancestorIds: string[] | null;
  kind: string | null;
}

export interface TreePage {
  cursor: string;
  hasMore: boolean;
  reset: boolean;
  units: TreeUnit[];
}

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

  constructor(private readonly db: DataSource) {}

  /** Whether the tree log should be read before answering (the interval has passed). */
  due(): boolean {
    return Date.now() - this.checkedAt >= checkInterval();
  }

  /** The cursor to ask the organizations subgraph with (read from the database once per process). */
  async knownCursor(): Promise<string> {
    if (this.cursor === null) {
      const [row] = (await this.db.query(`SELECT cursor::text AS cursor FROM org_tree_sync`)) as { cursor: string }[];
      this.cursor = row?.cursor ?? '0';
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
        await this.db.query(`SELECT awards.reset_organization_tree_cursor()`);
        this.cursor = '0';
        from = '0';
        page = null;
        continue;
      }
      if (page.units.length > 0 || page.cursor !== from) {
        const [row] = (await this.db.query(`SELECT awards.apply_organization_tree($1::bigint, $2::bigint, $3::jsonb)::text AS cursor`, [
          from,
          page.cursor,
          JSON.stringify(page.units),
        ])) as { cursor: string }[];
        if (row!.cursor === '-1') {
          // Another process applied less than we assumed: read on from where the database stands.
          this.cursor = null;
          from = await this.knownCursor();
          page = null;
          continue;
        }
        this.cursor = row!.cursor;
        from = row!.cursor;
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

async function fetchTreePage(context: TreeContext, after: string): Promise<TreePage> {
  const data = await context.organizationsClient.query<{ tree: TreePage }>(
    `query($after: String!) { tree: organizationTreeChanges(after: $after, first: ${TREE_PAGE_SIZE}) { ${TREE_FIELDS} } }`,
    { after },
    context.internalToken,
  );
  return data.tree;
}

/** Brings the copy of the tree up to date if it is due (or `force`). No call at all within the interval. */
export function ensureTreeCurrent(context: TreeContext, force = false): Promise<void> {
  return organizationTreeSync(context.db).ensureCurrent(context, force);
}

/**
 * Asks the organizations subgraph `fields` (a selection on Query, using `variables`), with the tree
 * changes in the same call when they are due, applies them, and returns the answer to `fields`.
 */
export async function askOrganizations<T>(context: TreeContext, fields: string, variables: Record<string, { type: string; value: unknown }>): Promise<T> {
  const sync = organizationTreeSync(context.db);
  const withTree = sync.due();
  const started = Date.now();
  const after = withTree ? await sync.knownCursor() : null;
  const declarations = [...(withTree ? ['$treeAfter: String!'] : []), ...Object.entries(variables).map(([name, variable]) => `$${name}: ${variable.type}`)];
  const tree = withTree ? `tree: organizationTreeChanges(after: $treeAfter, first: ${TREE_PAGE_SIZE}) { ${TREE_FIELDS} }` : '';
  const data = await context.organizationsClient.query<T & { tree?: TreePage }>(
    `query${declarations.length ? `(${declarations.join(', ')})` : ''} { ${tree} ${fields} }`,
    { ...(withTree ? { treeAfter: after } : {}), ...Object.fromEntries(Object.entries(variables).map(([name, variable]) => [name, variable.value])) },
    context.internalToken,
  );
  if (withTree && data.tree) {
    await sync.catchUp(context, after!, data.tree);
    sync.checked(started);
  }
  return data;
}
