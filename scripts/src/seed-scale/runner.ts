/**
 * Running a step: chunk by chunk, each chunk one transaction that also records itself in
 * `scale_seed.chunk`, so an interrupted load resumes after the last committed chunk. Before the first
 * chunk the step's indexes and keys are set aside (set-aside.ts); after the last they are rebuilt and the
 * tables analysed.
 */
import type pg from 'pg';
import type { Plan } from './plan.js';
import { StepProgress, type ProgressListener } from './progress.js';
import { disableTriggers, dropIndexes, restoreIndexes } from './set-aside.js';
import { doneChunks, recordChunk, recordStep, stepDone, type ChunkRow } from './state.js';
import type { Subgraph } from './targets.js';

export type Log = (line: string) => void;

export interface LoadContext {
  plan: Plan;
  clients: Record<Subgraph, pg.Client>;
  listener?: ProgressListener;
  log: Log;
  /**
   * Set aside indexes and keys during the load (default); false keeps them and sets aside only the
   * foreign keys (a chunk writes children before parents), to compare the two.
   */
  dropIndexes: boolean;
}

export interface StepResult {
  step: string;
  subgraph: Subgraph;
  /** Seconds spent by this run (0 when the step was already done). */
  seconds: number;
  /** Of which rebuilding indexes and keys, and analysing. */
  indexSeconds: number;
  /** Rows per table ("schema.table") written by the step, over all runs. */
  rows: Record<string, number>;
  /** Rows written by this run. */
  rowsThisRun: number;
  skipped: boolean;
  resumedFromChunk: number;
}

export interface ChunkWork {
  rows: Record<string, number>;
  extra?: Record<string, unknown> | null;
}

export interface StepDefinition {
  step: string;
  subgraph: Subgraph;
  /** Tables written ("schema.table"). */
  tables: readonly string[];
  chunks: number;
  /** Share of the step's work in a chunk (for the progress bar); default equal shares. */
  chunkWeight?: (chunk: number) => number;
  /** Set aside indexes and keys for the load (big tables). */
  bulk: boolean;
  /** Tables whose user triggers are disabled during the load (derived data rebuilt in `after`). */
  disableTriggersOn?: readonly string[];
  /** Called once before the first chunk of this run, with the chunks already committed. */
  before?: (client: pg.Client, done: Map<number, ChunkRow>) => Promise<void>;
  runChunk: (
    chunk: number,
    client: pg.Client,
    progress: (fractionOfChunk: number, rows: number) => void,
  ) => Promise<ChunkWork>;
  after?: (client: pg.Client) => Promise<void>;
}

const sumRows = (target: Record<string, number>, rows: Record<string, number>) => {
  for (const [table, count] of Object.entries(rows)) target[table] = (target[table] ?? 0) + count;
};

export async function runStep(context: LoadContext, definition: StepDefinition): Promise<StepResult> {
  const client = context.clients[definition.subgraph];
  const finished = await stepDone(client, definition.step);
  if (finished) {
    return {
      step: definition.step,
      subgraph: definition.subgraph,
      seconds: 0,
      indexSeconds: 0,
      rows: finished.rows,
      rowsThisRun: 0,
      skipped: true,
      resumedFromChunk: definition.chunks,
    };
  }
  const started = Date.now();
  const done = await doneChunks(client, definition.step);
  const weight = definition.chunkWeight ?? (() => 1 / definition.chunks);
  const rows: Record<string, number> = {};
  let fraction = 0;
  for (const chunk of done.values()) {
    sumRows(rows, chunk.rows);
    fraction += weight(chunk.chunk);
  }
  const progress = new StepProgress(definition.step, context.listener, fraction, {
    done: done.size,
    total: definition.chunks,
  });
  const remaining = Array.from({ length: definition.chunks }, (_, index) => index).filter((index) => !done.has(index));
  if (remaining.length > 0) {
    if (definition.bulk) await dropIndexes(client, definition.tables, { foreignKeysOnly: !context.dropIndexes });
    for (const table of definition.disableTriggersOn ?? []) await disableTriggers(client, table);
    await definition.before?.(client, done);
  }
  let rowsThisRun = 0;
  for (const chunk of remaining) {
    const chunkStarted = Date.now();
    const base = fraction;
    let reported = 0;
    await client.query('BEGIN');
    try {
      const work = await definition.runChunk(chunk, client, (fractionOfChunk, added) => {
        reported += added;
        progress.update(base + fractionOfChunk * weight(chunk), added);
      });
      await recordChunk(
        client,
        definition.step,
        chunk,
        work.rows,
        (Date.now() - chunkStarted) / 1000,
        work.extra ?? null,
      );
      await client.query('COMMIT');
      const written = Object.values(work.rows).reduce((a, b) => a + b, 0);
      rowsThisRun += written;
      sumRows(rows, work.rows);
      fraction += weight(chunk);
      progress.chunkDone(fraction, written - reported);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
  const indexStarted = Date.now();
  let rebuilt = 0;
  const slow: string[] = [];
  await restoreIndexes(client, [...definition.tables, ...(definition.disableTriggersOn ?? [])], (name, seconds) => {
    rebuilt += 1;
    if (seconds >= 2) slow.push(`${name} ${seconds.toFixed(1)} s`);
    progress.update(1, 0, `rebuilding indexes and keys (${rebuilt})`);
  });
  if (slow.length) context.log(`${definition.step}: rebuilt ${slow.join(', ')}`);
  const afterStarted = Date.now();
  await definition.after?.(client);
  progress.update(1, 0, 'analysing');
  for (const table of definition.tables) await client.query(`ANALYZE ${table}`);
  context.log(`${definition.step}: ${((Date.now() - afterStarted) / 1000).toFixed(1)} s to finish and analyse`);
  const indexSeconds = (Date.now() - indexStarted) / 1000;
  const seconds = (Date.now() - started) / 1000;
  await recordStep(client, definition.step, seconds, rows);
  progress.finish(`${rowsThisRun.toLocaleString('en-US')} rows`);
  return {
    step: definition.step,
    subgraph: definition.subgraph,
    seconds,
    indexSeconds,
    rows,
    rowsThisRun,
    skipped: false,
    resumedFromChunk: done.size,
  };
}
