/**
 * Folding the pending rollup changes (`awards.compact_award_rollups()`, migration 1765000000000).
 * Statistics read the folded rollups plus the pending rows, so folding is only about keeping those few:
 * after a statistic has read more than COMPACT_AFTER pending rows, this process folds them once the
 * answer is on its way (one fold at a time per process; the database serializes processes). The copy of
 * the tree is brought up to date first, so the folded counts reach the ancestors of new units too.
 */
import type { DataSource } from 'typeorm';
import { log } from '@tdkt/subgraph-kit';
import { StatisticsStore } from '../store/statistics.store.js';
import { ensureTreeCurrent, type TreeContext } from './organization-tree-sync.service.js';

export const COMPACT_AFTER = 500;

const running = new WeakMap<DataSource, Promise<unknown>>();

export function compactIfMany(context: TreeContext, pending: number | undefined): void {
  if (pending === undefined || pending === null || pending < COMPACT_AFTER || running.has(context.db)) return;
  const run = ensureTreeCurrent(context, true)
    .then(() => compactNow(context.db))
    .catch((error: unknown) =>
      log.warn('award rollup compaction failed', { error: error instanceof Error ? error.message : String(error) }),
    )
    .finally(() => running.delete(context.db));
  running.set(context.db, run);
}

export function compactNow(db: DataSource): Promise<number> {
  return new StatisticsStore(db).compact();
}
