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
 * `restartSubgraph` removes the generated rows (any row with a generated id in one of its uuid columns,
 * i.e. also rows that refer to generated rows) and keeps every other row: it copies the rows to keep
 * aside, truncates, and puts them back, which is much faster than deleting millions of rows.
 */
import type pg from 'pg';
import { isGeneratedSql } from './random.js';

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
  const { rows } = await client.query<{ preset: string; generator: number; finished_at: Date | null }>(`SELECT preset, generator, finished_at FROM ${STATE_SCHEMA}.run WHERE subgraph = $1`, [subgraph]);
  return rows[0] ? { preset: rows[0].preset, generator: rows[0].generator, finishedAt: rows[0].finished_at } : null;
}

export async function startRun(client: pg.ClientBase, subgraph: string, preset: string, generator: number): Promise<void> {
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
  const { rows } = await client.query<{ chunk: number; rows: Record<string, number>; seconds: number; extra: Record<string, unknown> | null }>(
    `SELECT chunk, rows, seconds, extra FROM ${STATE_SCHEMA}.chunk WHERE step = $1 ORDER BY chunk`,
    [step],
  );
  return new Map(rows.map((row) => [row.chunk, { chunk: row.chunk, rows: row.rows, seconds: row.seconds, extra: row.extra }]));
}

/** Inside the chunk's transaction. */
export async function recordChunk(client: pg.ClientBase, step: string, chunk: number, rows: Record<string, number>, seconds: number, extra: Record<string, unknown> | null = null): Promise<void> {
  await client.query(`INSERT INTO ${STATE_SCHEMA}.chunk (step, chunk, rows, seconds, extra) VALUES ($1, $2, $3, $4, $5)`, [step, chunk, JSON.stringify(rows), seconds, extra ? JSON.stringify(extra) : null]);
}

export async function stepDone(client: pg.ClientBase, step: string): Promise<{ seconds: number; rows: Record<string, number> } | null> {
  const { rows } = await client.query<{ seconds: number; rows: Record<string, number> }>(`SELECT seconds, rows FROM ${STATE_SCHEMA}.step WHERE step = $1`, [step]);
  return rows[0] ?? null;
}

export async function recordStep(client: pg.ClientBase, step: string, seconds: number, rows: Record<string, number>): Promise<void> {
  await client.query(`INSERT INTO ${STATE_SCHEMA}.step (step, seconds, rows) VALUES ($1, $2, $3) ON CONFLICT (step) DO UPDATE SET seconds = EXCLUDED.seconds, rows = EXCLUDED.rows, done_at = now()`, [
    step,
    seconds,
    JSON.stringify(rows),
  ]);
}

// ── Indexes and constraints set aside during a bulk load ──────────────────────────────────────────

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface DroppedObject {
  tableName: string;
  forTable: string;
  name: string;
  /** p primary key, u unique, f foreign key, i index, t user triggers disabled */
  kind: string;
  definition: string;
}

/**
 * Sets aside the keys, unique constraints, foreign keys (also those of other tables that point at these
 * tables) and indexes of `tables` ("schema.table"), recording how to put them back. Loading into bare
 * tables and building each index once at the end is several times faster than maintaining them row by
 * row (measured: see the README's "Scale dataset"). CHECK and NOT NULL constraints stay: every row is
 * still checked as it arrives.
 */
export async function dropIndexes(client: pg.ClientBase, tables: readonly string[], options: { foreignKeysOnly?: boolean } = {}): Promise<number> {
  const { rows: constraints } = await client.query<{ table_name: string; for_table: string; name: string; kind: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS table_name, CASE WHEN c.conrelid = ANY($1::regclass[]) THEN c.conrelid ELSE c.confrelid END::regclass::text AS for_table,
            c.conname AS name, c.contype AS kind, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype IN ('p', 'u', 'f')
        AND (c.conrelid = ANY($1::regclass[]) OR (c.contype = 'f' AND c.confrelid = ANY($1::regclass[])))
      ORDER BY CASE c.contype WHEN 'f' THEN 0 ELSE 1 END, 1, 2`,
    [tables],
  );
  const { rows: indexes } = await client.query<{ table_name: string; name: string; definition: string }>(
    `SELECT i.indrelid::regclass::text AS table_name, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))
      ORDER BY 1, 2`,
    [tables],
  );
  const objects: DroppedObject[] = [
    ...constraints.map((row) => ({ tableName: row.table_name, forTable: row.for_table, name: row.name, kind: row.kind, definition: row.definition })),
    ...indexes.map((row) => ({ tableName: row.table_name, forTable: row.table_name, name: row.name, kind: 'i', definition: row.definition })),
  ].filter((object) => !options.foreignKeysOnly || object.kind === 'f');
  if (objects.length === 0) return 0;
  await client.query('BEGIN');
  try {
    for (const object of objects) {
      await client.query(`INSERT INTO ${STATE_SCHEMA}.dropped (table_name, name, kind, definition, for_table) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, [
        object.tableName,
        object.name,
        object.kind,
        object.definition,
        object.forTable,
      ]);
      if (object.kind === 'i') await client.query(`DROP INDEX ${object.name}`);
      else await client.query(`ALTER TABLE ${object.tableName} DROP CONSTRAINT ${quote(object.name)}`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return objects.length;
}

/** Disables the user triggers of a table for the load (recorded, so they are enabled again after a crash). */
export async function disableTriggers(client: pg.ClientBase, table: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(`INSERT INTO ${STATE_SCHEMA}.dropped (table_name, name, kind, definition, for_table) VALUES ($1, $2, 't', 'ENABLE TRIGGER USER', $1) ON CONFLICT DO NOTHING`, [table, `${table}:triggers`]);
    await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

const RESTORE_ORDER = ['p', 'u', 'i', 'f', 't'];

/**
 * Puts back what `dropIndexes`/`disableTriggers` set aside (for `tables`, or everything): keys first,
 * then indexes, then foreign keys (which need the keys they point at), one object per transaction.
 */
export async function restoreIndexes(client: pg.ClientBase, tables: readonly string[] | null, onEach?: (name: string, seconds: number) => void): Promise<number> {
  const { rows } = await client.query<{ table_name: string; name: string; kind: string; definition: string }>(
    `SELECT table_name, name, kind, definition FROM ${STATE_SCHEMA}.dropped WHERE $1::text[] IS NULL OR coalesce(for_table, table_name) = ANY($1::text[])`,
    [tables],
  );
  rows.sort((a, b) => RESTORE_ORDER.indexOf(a.kind) - RESTORE_ORDER.indexOf(b.kind) || a.table_name.localeCompare(b.table_name) || a.name.localeCompare(b.name));
  for (const row of rows) {
    const started = Date.now();
    await client.query('BEGIN');
    try {
      if (row.kind === 'i') await client.query(row.definition);
      else if (row.kind === 't') await client.query(`ALTER TABLE ${row.table_name} ${row.definition}`);
      else await client.query(`ALTER TABLE ${row.table_name} ADD CONSTRAINT ${quote(row.name)} ${row.definition}`);
      await client.query(`DELETE FROM ${STATE_SCHEMA}.dropped WHERE table_name = $1 AND name = $2`, [row.table_name, row.name]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      // Already there (a previous attempt committed it but crashed before the bookkeeping): forget it.
      if (code === '42P07' || code === '42710') {
        await client.query(`DELETE FROM ${STATE_SCHEMA}.dropped WHERE table_name = $1 AND name = $2`, [row.table_name, row.name]);
        continue;
      }
      throw new Error(`Could not restore ${row.name} on ${row.table_name}: ${(error as Error).message}`);
    }
    onEach?.(row.name, (Date.now() - started) / 1000);
  }
  return rows.length;
}

// ── Restart ───────────────────────────────────────────────────────────────────────────────────────

/**
 * Tables `restart` never touches: the append-only audit log, idempotency records, migrations, seed
 * markers, and logs or derived tables their owners maintain (the organizations tree-change log, the
 * awards rollups and their copy of the tree, rebuilt by `rebuild_award_rollups()` afterwards).
 */
const UNTOUCHED = new Set([
  'audit_log',
  'idempotency_key',
  'migrations',
  'seed_marker',
  'typeorm_metadata',
  'organization_tree_change',
  'org_unit',
  'org_tree_sync',
  'award_grant_rollup',
  'award_grant_subtree_rollup',
  'award_grant_rollup_pending',
]);

/**
 * Removes the generated rows of one subgraph schema, and rows that refer to them; every other row
 * (reference, demo, officers' own) is kept. Most tables are emptied and refilled with the rows to keep
 * (TRUNCATE: fast, and tables with a TRUNCATE trigger, like the grant ledger's rollups, are told);
 * a table whose triggers log deletions but not truncation (the organization tree) is cleaned with
 * DELETE, so its log records the removal. Returns the number of rows removed per table.
 */
export async function removeGeneratedRows(client: pg.ClientBase, schema: string): Promise<Record<string, number>> {
  const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string; is_generated: string; is_identity: string }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_generated, c.is_identity
       FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = $1 AND t.table_type = 'BASE TABLE' ORDER BY c.table_name, c.ordinal_position`,
    [schema],
  );
  const tables = new Map<string, { uuids: string[]; insertable: string[]; identity: boolean }>();
  for (const column of columns) {
    if (UNTOUCHED.has(column.table_name)) continue;
    const table = tables.get(column.table_name) ?? { uuids: [], insertable: [], identity: false };
    if (column.data_type === 'uuid') table.uuids.push(column.column_name);
    if (column.is_generated === 'NEVER') table.insertable.push(column.column_name);
    if (column.is_identity === 'YES') table.identity = true;
    tables.set(column.table_name, table);
  }
  const predicate = (uuids: string[]) => uuids.map((column) => isGeneratedSql(quote(column))).join(' OR ');
  const affected = new Set<string>();
  for (const [name, table] of tables) {
    if (!table.uuids.length) continue;
    const { rows } = await client.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${schema}.${quote(name)} WHERE ${predicate(table.uuids)}) AS any`);
    if (rows[0]!.any) affected.add(name);
  }
  if (affected.size === 0) return {};
  // Foreign keys inside the schema: a table pointing at an affected one is cleaned too.
  const { rows: links } = await client.query<{ child: string; parent: string }>(
    `SELECT cc.relname AS child, pc.relname AS parent FROM pg_constraint c
       JOIN pg_class cc ON cc.oid = c.conrelid JOIN pg_class pc ON pc.oid = c.confrelid JOIN pg_namespace n ON n.oid = cc.relnamespace
      WHERE c.contype = 'f' AND n.nspname = $1`,
    [schema],
  );
  for (let grew = true; grew; ) {
    grew = false;
    for (const link of links) {
      if (affected.has(link.parent) && !affected.has(link.child) && tables.has(link.child)) {
        affected.add(link.child);
        grew = true;
      }
    }
  }
  const { rows: triggered } = await client.query<{ table_name: string; on_delete: boolean; on_truncate: boolean }>(
    `SELECT c.relname AS table_name, bool_or((t.tgtype & 8) <> 0) AS on_delete, bool_or((t.tgtype & 32) <> 0) AS on_truncate
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND NOT t.tgisinternal GROUP BY 1`,
    [schema],
  );
  const deleteInstead = new Set(triggered.filter((row) => row.on_delete && !row.on_truncate && affected.has(row.table_name)).map((row) => row.table_name));
  // Parents before children (for refilling); children are cleaned before parents.
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (visiting.has(name)) return;
    visiting.add(name);
    for (const link of links) if (link.child === name && link.parent !== name && affected.has(link.parent)) visit(link.parent);
    order.push(name);
  };
  [...affected].sort().forEach(visit);
  const truncated = order.filter((name) => !deleteInstead.has(name));
  const deleted = order.filter((name) => deleteInstead.has(name)).reverse();

  const removed: Record<string, number> = {};
  await client.query('BEGIN');
  try {
    for (const [position, name] of truncated.entries()) {
      const table = tables.get(name)!;
      const { rows } = await client.query<{ total: string }>(`SELECT count(*)::text AS total FROM ${schema}.${quote(name)}`);
      await client.query(`CREATE TEMP TABLE scale_keep_${position} ON COMMIT DROP AS SELECT ${table.insertable.map(quote).join(', ')} FROM ${schema}.${quote(name)} WHERE NOT (${predicate(table.uuids)})`);
      const { rows: kept } = await client.query<{ total: string }>(`SELECT count(*)::text AS total FROM scale_keep_${position}`);
      const count = Number(rows[0]!.total) - Number(kept[0]!.total);
      if (count > 0) removed[`${schema}.${name}`] = count;
    }
    if (truncated.length) await client.query(`TRUNCATE ${truncated.map((name) => `${schema}.${quote(name)}`).join(', ')}`);
    for (const [position, name] of truncated.entries()) {
      const table = tables.get(name)!;
      const columnsList = table.insertable.map(quote).join(', ');
      await client.query(`INSERT INTO ${schema}.${quote(name)} (${columnsList}) ${table.identity ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${columnsList} FROM scale_keep_${position}`);
    }
    for (const name of deleted) {
      const result = await client.query(`DELETE FROM ${schema}.${quote(name)} WHERE ${predicate(tables.get(name)!.uuids)}`);
      if (result.rowCount) removed[`${schema}.${name}`] = result.rowCount;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return removed;
}

export async function clearState(client: pg.ClientBase, subgraph: string, steps: readonly string[]): Promise<void> {
  await client.query(`DELETE FROM ${STATE_SCHEMA}.run WHERE subgraph = $1`, [subgraph]);
  await client.query(`DELETE FROM ${STATE_SCHEMA}.chunk WHERE step = ANY($1)`, [steps]);
  await client.query(`DELETE FROM ${STATE_SCHEMA}.step WHERE step = ANY($1)`, [steps]);
}
