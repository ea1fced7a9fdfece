/**
 * The public answers kept in memory: least recently used out first once their bytes pass the limit,
 * each for at most its time to live, and none stored that a write may have made stale.
 *
 * A read takes a ticket (the write generation and time) when it starts; its answer is stored only if
 * no write to anything it depends on was invalidated since then. A write invalidates before its
 * response is sent, so a read that started before the write finished never puts the data it read
 * back after the invalidation. Subgraphs that read the written one through a copy (awards' copy of the
 * organization tree, brought up to date at most every AWARDS_TREE_CHECK_MS) catch up after a delay:
 * answers depending on them are not stored from reads that start within `settleMs` of the write.
 */
import { ALL, type Dependencies } from './response-cache-deps.js';

export interface CacheEntry {
  body: Buffer;
  /** Bytes of `body` up to the end of `data`, to give a copy with `extensions.stats` added. */
  dataEnd: number;
  /** The extensions of the answer, if any (without `stats`). */
  extensions: Record<string, unknown> | null;
  /** The headers the answer was given with that belong to it (content type, Cache-Control). */
  headers: [string, string][];
  operationName: string | null;
  dependencies: Dependencies;
  expiresAt: number;
}

export interface Ticket {
  generation: number;
  startedAt: number;
}

export interface StoreLimits {
  ttlMs: number;
  maxBytes: number;
  settleMs: number;
}

/** Bytes an entry costs besides its key and body (the objects around them). */
const ENTRY_OVERHEAD = 512;

export class ResponseCacheStore {
  private readonly entries = new Map<string, CacheEntry & { bytes: number }>(); // oldest use first
  /** Keys of the entries depending on each subgraph (or on `ALL`). */
  private readonly bySubgraph = new Map<string, Set<string>>();
  private generation = 0;
  /** The generation of the last invalidation that touched each subgraph. */
  private readonly changedAt = new Map<string, number>();
  private anyChangeAt = -1;
  private flushedAt = -1;
  private readonly settledAt = new Map<string, number>();
  private totalBytes = 0;

  constructor(
    private readonly limits: StoreLimits,
    private readonly now: () => number = Date.now,
  ) {}

  get bytes(): number {
    return this.totalBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  begin(): Ticket {
    return { generation: this.generation, startedAt: this.now() };
  }

  get(key: string): CacheEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** True when an answer read under `ticket` with these dependencies may be kept. */
  mayStore(ticket: Ticket, dependencies: Dependencies): boolean {
    if (this.flushedAt > ticket.generation) return false;
    if (dependencies.has(ALL)) {
      if (this.anyChangeAt > ticket.generation) return false;
      return [...this.settledAt.values()].every((settled) => settled <= ticket.startedAt);
    }
    for (const subgraph of dependencies) {
      if ((this.changedAt.get(subgraph) ?? -1) > ticket.generation) return false;
      if ((this.settledAt.get(subgraph) ?? 0) > ticket.startedAt) return false;
    }
    return true;
  }

  /** Keeps an answer (false if it may be stale, or is larger than the whole cache). */
  set(key: string, ticket: Ticket, entry: Omit<CacheEntry, 'expiresAt'>): boolean {
    if (!this.mayStore(ticket, entry.dependencies)) return false;
    const bytes = entry.body.length + key.length * 2 + ENTRY_OVERHEAD;
    if (bytes > this.limits.maxBytes) return false;
    this.delete(key);
    this.entries.set(key, { ...entry, expiresAt: ticket.startedAt + this.limits.ttlMs, bytes });
    this.totalBytes += bytes;
    for (const subgraph of entry.dependencies) {
      let keys = this.bySubgraph.get(subgraph);
      if (!keys) this.bySubgraph.set(subgraph, (keys = new Set()));
      keys.add(key);
    }
    for (const [oldest] of this.entries) {
      if (this.totalBytes <= this.limits.maxBytes) break;
      this.delete(oldest);
    }
    return true;
  }

  /**
   * A write to `written` (subgraph names; `ALL`: unknown) changed what `readers` answer: drops their
   * entries and keeps reads already under way from storing. Returns the number of entries dropped.
   * `lagging`: the readers that see the write only after `settleMs`.
   */
  invalidate(readers: Iterable<string>, lagging: Iterable<string> = []): number {
    this.generation += 1;
    this.anyChangeAt = this.generation;
    const all = [...readers];
    let dropped = 0;
    if (all.includes(ALL)) {
      this.flushedAt = this.generation;
      dropped = this.entries.size;
      this.entries.clear();
      this.bySubgraph.clear();
      this.totalBytes = 0;
    } else {
      // Entries that depend on something unknown go with any write.
      for (const subgraph of [...all, ALL]) {
        if (subgraph !== ALL) this.changedAt.set(subgraph, this.generation);
        for (const key of this.bySubgraph.get(subgraph) ?? []) dropped += this.delete(key) ? 1 : 0;
      }
    }
    const now = this.now();
    for (const subgraph of lagging) this.settledAt.set(subgraph, now + this.limits.settleMs);
    return dropped;
  }

  private delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.totalBytes -= entry.bytes;
    for (const subgraph of entry.dependencies) {
      const keys = this.bySubgraph.get(subgraph);
      keys?.delete(key);
      if (keys?.size === 0) this.bySubgraph.delete(subgraph);
    }
    return true;
  }
}
