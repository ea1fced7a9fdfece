/**
 * Bookkeeping of a scale load in each target database (schema `scale_seed`, outside the subgraphs'
 * schemas: it is the tool's state, not application data):
 *
 * - `run`: which preset and generator version the generated rows come from (one row per subgraph);
 * - `chunk`: every committed chunk, written in the same transaction as its rows, so a rerun continues
 *   after the last committed chunk and never writes a row twice;
 * - `step`: steps whose indexes are back and whose tables are analysed;
 * - `dropped`: indexes, keys and foreign keys set aside for a bulk load, with their definitions, so they
 *   are put back even after a crash (the next run, or `--restart`, restores them first).
 *
 * Setting aside and putting back indexes, keys and triggers is in set-aside.ts; removing the generated
 * rows for `--restart` in restart.ts.
 */
import type pg from 'pg';

export const STATE_SCHEMA = 'scale_seed';

export async function ensureStateSchema(client: pg.ClientBase): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${STATE_SCHEMA}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${STATE_SCHEMA}.run (
    subgraph text PRIMARY KEY,
    preset text NOT NULL,
    generator integer NOT NULL,
    started_at timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
  )`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${STATE_SCHEMA}.chunk (
    step text NOT NULL,
    chunk integer NOT NULL,
    rows jsonb NOT NULL,
    seconds double precision NOT NULL,
    extra jsonb,
    done_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (step, chunk)
  )`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${STATE_SCHEMA}.step (
    step text PRIMARY KEY,
    seconds double precision NOT NULL,
    rows jsonb NOT NULL,
    done_at timestamptz NOT NULL DEFAULT now()
  )`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${STATE_SCHEMA}.dropped (
    table_name text NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    definition text NOT NULL,
    PRIMARY KEY (table_name, name)
  )`);
  // The loaded table it was set aside for (a foreign key of another table pointing at it, too).
  await client.query(`ALTER TABLE ${STATE_SCHEMA}.dropped ADD COLUMN IF NOT EXISTS for_table text`);
}

export interface RunRow {
  preset: string;
  generator: number;
  finishedAt: Date | null;
}

export async function readRun(client: pg.ClientBase, subgraph: string): Promise<RunRow | null> {
  const { rows } = await client.query<{ preset: string; generator: number; finished_at: Date | null }>(
    `SELECT preset, generator, finished_at FROM ${STATE_SCHEMA}.run WHERE subgraph = $1`,
    [subgraph],
  );
  return rows[0] ? { preset: rows[0].preset, generator: rows[0].generator, finishedAt: rows[0].finished_at } : null;
}

export async function startRun(
  client: pg.ClientBase,
  subgraph: string,
  preset: string,
  generator: number,
): Promise<void> {
  await client.query(
    `INSERT INTO ${STATE_SCHEMA}.run (subgraph, preset, generator) VALUES ($1, $2, $3) ON CONFLICT (subgraph) DO NOTHING`,
    [subgraph, preset, generator],
  );
}

export async function finishRun(client: pg.ClientBase, subgraph: string): Promise<void> {
  await client.query(`UPDATE ${STATE_SCHEMA}.run SET finished_at = now() WHERE subgraph = $1`, [subgraph]);
}

export interface ChunkRow {
  chunk: number;
  rows: Record<string, number>;
  seconds: number;
  extra: Record<string, unknown> | null;
}

export async function doneChunks(client: pg.ClientBase, step: string): Promise<Map<number, ChunkRow>> {
  const { rows } = await client.query<{
    chunk: number;
    rows: Record<string, number>;
    seconds: number;
    extra: Record<string, unknown> | null;
  }>(`SELECT chunk, rows, seconds, extra FROM ${STATE_SCHEMA}.chunk WHERE step = $1 ORDER BY chunk`, [step]);
  return new Map(
    rows.map((row) => [row.chunk, { chunk: row.chunk, rows: row.rows, seconds: row.seconds, extra: row.extra }]),
  );
}

/** Inside the chunk's transaction. */
export async function recordChunk(
  client: pg.ClientBase,
  step: string,
  chunk: number,
  rows: Record<string, number>,
  seconds: number,
  extra: Record<string, unknown> | null = null,
): Promise<void> {
  await client.query(
    `INSERT INTO ${STATE_SCHEMA}.chunk (step, chunk, rows, seconds, extra) VALUES ($1, $2, $3, $4, $5)`,
    [step, chunk, JSON.stringify(rows), seconds, extra ? JSON.stringify(extra) : null],
  );
}

export async function stepDone(
  client: pg.ClientBase,
  step: string,
): Promise<{ seconds: number; rows: Record<string, number> } | null> {
  const { rows } = await client.query<{ seconds: number; rows: Record<string, number> }>(
    `SELECT seconds, rows FROM ${STATE_SCHEMA}.step WHERE step = $1`,
    [step],
  );
  return rows[0] ?? null;
}

export async function recordStep(
  client: pg.ClientBase,
  step: string,
  seconds: number,
  rows: Record<string, number>,
): Promise<void> {
  await client.query(
    `INSERT INTO ${STATE_SCHEMA}.step (step, seconds, rows) VALUES ($1, $2, $3) ON CONFLICT (step) DO UPDATE SET seconds = EXCLUDED.seconds, rows = EXCLUDED.rows, done_at = now()`,
    [step, seconds, JSON.stringify(rows)],
  );
}

export async function clearState(client: pg.ClientBase, subgraph: string, steps: readonly string[]): Promise<void> {
  await client.query(`DELETE FROM ${STATE_SCHEMA}.run WHERE subgraph = $1`, [subgraph]);
  await client.query(`DELETE FROM ${STATE_SCHEMA}.chunk WHERE step = ANY($1)`, [steps]);
  await client.query(`DELETE FROM ${STATE_SCHEMA}.step WHERE step = ANY($1)`, [steps]);
}
