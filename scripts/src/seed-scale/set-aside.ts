/**
 * Indexes and constraints set aside during a bulk load, recorded in `scale_seed.dropped` with their
 * definitions so that they are put back even after a crash (the next run, or `--restart`, restores
 * them first).
 */
import type pg from 'pg';
import { STATE_SCHEMA } from './state.js';

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

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
export async function dropIndexes(
  client: pg.ClientBase,
  tables: readonly string[],
  options: { foreignKeysOnly?: boolean } = {},
): Promise<number> {
  const { rows: constraints } = await client.query<{
    table_name: string;
    for_table: string;
    name: string;
    kind: string;
    definition: string;
  }>(
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
    ...constraints.map((row) => ({
      tableName: row.table_name,
      forTable: row.for_table,
      name: row.name,
      kind: row.kind,
      definition: row.definition,
    })),
    ...indexes.map((row) => ({
      tableName: row.table_name,
      forTable: row.table_name,
      name: row.name,
      kind: 'i',
      definition: row.definition,
    })),
  ].filter((object) => !options.foreignKeysOnly || object.kind === 'f');
  if (objects.length === 0) return 0;
  await client.query('BEGIN');
  try {
    for (const object of objects) {
      await client.query(
        `INSERT INTO ${STATE_SCHEMA}.dropped (table_name, name, kind, definition, for_table) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [object.tableName, object.name, object.kind, object.definition, object.forTable],
      );
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
    await client.query(
      `INSERT INTO ${STATE_SCHEMA}.dropped (table_name, name, kind, definition, for_table) VALUES ($1, $2, 't', 'ENABLE TRIGGER USER', $1) ON CONFLICT DO NOTHING`,
      [table, `${table}:triggers`],
    );
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
export async function restoreIndexes(
  client: pg.ClientBase,
  tables: readonly string[] | null,
  onEach?: (name: string, seconds: number) => void,
): Promise<number> {
  const { rows } = await client.query<{ table_name: string; name: string; kind: string; definition: string }>(
    `SELECT table_name, name, kind, definition FROM ${STATE_SCHEMA}.dropped WHERE $1::text[] IS NULL OR coalesce(for_table, table_name) = ANY($1::text[])`,
    [tables],
  );
  rows.sort(
    (a, b) =>
      RESTORE_ORDER.indexOf(a.kind) - RESTORE_ORDER.indexOf(b.kind) ||
      a.table_name.localeCompare(b.table_name) ||
      a.name.localeCompare(b.name),
  );
  for (const row of rows) {
    const started = Date.now();
    await client.query('BEGIN');
    try {
      if (row.kind === 'i') await client.query(row.definition);
      else if (row.kind === 't') await client.query(`ALTER TABLE ${row.table_name} ${row.definition}`);
      else await client.query(`ALTER TABLE ${row.table_name} ADD CONSTRAINT ${quote(row.name)} ${row.definition}`);
      await client.query(`DELETE FROM ${STATE_SCHEMA}.dropped WHERE table_name = $1 AND name = $2`, [
        row.table_name,
        row.name,
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      // Already there (a previous attempt committed it but crashed before the bookkeeping): forget it.
      if (code === '42P07' || code === '42710') {
        await client.query(`DELETE FROM ${STATE_SCHEMA}.dropped WHERE table_name = $1 AND name = $2`, [
          row.table_name,
          row.name,
        ]);
        continue;
      }
      throw new Error(`Could not restore ${row.name} on ${row.table_name}: ${(error as Error).message}`);
    }
    onEach?.(row.name, (Date.now() - started) / 1000);
  }
  return rows.length;
}
