/**
 * Keeping a local copy of another subgraph's rows current from that subgraph's change log, read by
 * cursor (`organizationTreeChanges` of the organizations subgraph: every change has a sequence number,
 * and a reader asks for the changes after the last one it applied).
 *
 * The rules every copy follows (the subgraph supplies where its copy lives and how a page is read):
 * - the log is read at most once per `intervalMs()` while answering (`ensureCurrent`), and at once when
 *   forced: a row the copy does not hold yet (a unit created a moment ago) is never answered from an
 *   out-of-date copy;
 * - one read at a time per process: requests that need one meanwhile wait for it; a forced read waits
 *   for the running one and then reads again, so it sees every change made before it was asked for;
 * - pages are applied one after another, each in one statement of the copy's store, which refuses a page
 *   that does not start at the stored cursor ('-1': another process applied less than this one assumed,
 *   read on from where the database stands), so processes sharing a database never skip a change;
 * - a `reset` page (the log no longer holds the cursor: the other database was restored or recreated)
 *   starts the copy over from 0.
 */

/** One page of a change log after a cursor. */
export interface ChangeLogPage<TUnit> {
  cursor: string;
  hasMore: boolean;
  reset: boolean;
  units: TUnit[];
}

/** Where a copy keeps its rows and the cursor it applied (a store of the subgraph that keeps the copy). */
export interface ChangeLogCopyStore<TUnit> {
  /** The last change applied, or null before the first. */
  cursor(): Promise<string | null>;
  /** Reads the log from the start again (the copy's rows stay until the log rewrites them). */
  reset(): Promise<void>;
  /** Applies the changes between `from` and `to`; returns the stored cursor after, or '-1' when it is not `from`. */
  apply(from: string, to: string, units: readonly TUnit[]): Promise<string>;
}

/** Reads the page after a cursor (on behalf of the request that needs it). */
export type ChangeLogReader<TUnit> = (after: string) => Promise<ChangeLogPage<TUnit>>;

/** A page should never be asked for this many times in one catch-up: it would mean the log never ends. */
const MAX_PAGES_PER_CATCH_UP = 100_000;

export class ChangeLogCopy<TUnit> {
  /** The cursor last seen applied in the database (null until read once). */
  private cursor: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  /** Reads started, and the number of the last one finished (reads run one at a time, so in order). */
  private started = 0;
  private finished = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: ChangeLogCopyStore<TUnit>,
    private readonly intervalMs: () => number,
  ) {}

  /** Whether the log should be read before answering (the interval has passed since the last read). */
  due(): boolean {
    return Date.now() - this.checkedAt >= this.intervalMs();
  }

  /** The cursor to read after (from the database once per process). */
  async knownCursor(): Promise<string> {
    if (this.cursor === null) this.cursor = (await this.store.cursor()) ?? '0';
    return this.cursor;
  }

  /**
   * Reads the log and applies what changed if it is due, or at once when `force`. A failed read still
   * counts as a read for the interval, so a subgraph that is down is not asked again by every request.
   */
  async ensureCurrent(read: ChangeLogReader<TUnit>, force = false): Promise<void> {
    if (!force && !this.due()) return;
    // A forced read must start after the need arose (one running already may have missed the change);
    // callers forcing meanwhile share the next read rather than queueing one each.
    const needed = this.started + 1;
    while (this.finished < needed) {
      if (this.checking) {
        await this.checking.catch(() => undefined);
        if (!force) return;
        continue;
      }
      await this.check(read);
    }
  }

  private check(read: ChangeLogReader<TUnit>): Promise<void> {
    const number = ++this.started;
    const startedAt = Date.now();
    this.checking = (async () => {
      try {
        const after = await this.knownCursor();
        await this.catchUp(read, after, await read(after));
      } finally {
        this.checkedAt = Math.max(this.checkedAt, startedAt);
        this.finished = number;
      }
    })().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /** Applies `page` (read after `after`) and every page after it, unless there was nothing new. */
  async catchUp(read: ChangeLogReader<TUnit>, after: string, page: ChangeLogPage<TUnit>): Promise<void> {
    if (!page.reset && !page.hasMore && page.units.length === 0) return;
    const run = this.queue.then(() => this.apply(read, after, page));
    this.queue = run.catch(() => undefined);
    await run;
  }

  /** Marks the log as read at `at` (a caller read the page together with its own question). */
  checked(at: number): void {
    this.checkedAt = Math.max(this.checkedAt, at);
  }

  private async apply(read: ChangeLogReader<TUnit>, after: string, first: ChangeLogPage<TUnit>): Promise<void> {
    let from = after;
    let page: ChangeLogPage<TUnit> | null = first;
    for (let round = 0; round < MAX_PAGES_PER_CATCH_UP; round += 1) {
      page ??= await read(from);
      if (page.reset) {
        await this.store.reset();
        this.cursor = from = '0';
        page = null;
        continue;
      }
      if (page.units.length > 0 || page.cursor !== from) {
        const cursor = await this.store.apply(from, page.cursor, page.units);
        if (cursor === '-1') {
          this.cursor = null;
          from = await this.knownCursor();
          page = null;
          continue;
        }
        this.cursor = from = cursor;
      }
      if (!page.hasMore) return;
      page = null;
    }
  }
}

/** One copy per key (a DataSource: one per process and database), made on first use. */
export function changeLogCopies<TKey extends object, TUnit>(
  create: (key: TKey) => ChangeLogCopy<TUnit>,
): (key: TKey) => ChangeLogCopy<TUnit> {
  const copies = new WeakMap<TKey, ChangeLogCopy<TUnit>>();
  return (key) => {
    let copy = copies.get(key);
    if (!copy) {
      copy = create(key);
      copies.set(key, copy);
    }
    return copy;
  };
}

/** A duration in milliseconds from the environment (non-negative), or `fallback`. */
export function intervalFromEnv(name: string, fallback: number): () => number {
  return () => {
    const raw = process.env[name];
    const configured = raw ? Number(raw) : NaN;
    return Number.isFinite(configured) && configured >= 0 ? configured : fallback;
  };
}
