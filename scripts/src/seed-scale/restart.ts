/**
 * `--restart`: removes the generated rows (any row with a generated id in one of its uuid columns, i.e.
 * also rows that refer to generated rows) and keeps every other row: it copies the rows to keep aside,
 * truncates, and puts them back, which is much faster than deleting millions of rows.
 */
import type pg from 'pg';
import { isGeneratedSql } from './random.js';
import { quote } from './set-aside.js';

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
  const { rows: columns } = await client.query<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_generated: string;
    is_identity: string;
  }>(
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
    const { rows } = await client.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${schema}.${quote(name)} WHERE ${predicate(table.uuids)}) AS any`,
    );
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
  for (let grew = true; grew;) {
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
  const deleteInstead = new Set(
    triggered
      .filter((row) => row.on_delete && !row.on_truncate && affected.has(row.table_name))
      .map((row) => row.table_name),
  );
  // Parents before children (for refilling); children are cleaned before parents.
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (visiting.has(name)) return;
    visiting.add(name);
    for (const link of links)
      if (link.child === name && link.parent !== name && affected.has(link.parent)) visit(link.parent);
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
      const { rows } = await client.query<{ total: string }>(
        `SELECT count(*)::text AS total FROM ${schema}.${quote(name)}`,
      );
      await client.query(
        `CREATE TEMP TABLE scale_keep_${position} ON COMMIT DROP AS SELECT ${table.insertable.map(quote).join(', ')} FROM ${schema}.${quote(name)} WHERE NOT (${predicate(table.uuids)})`,
      );
      const { rows: kept } = await client.query<{ total: string }>(
        `SELECT count(*)::text AS total FROM scale_keep_${position}`,
      );
      const count = Number(rows[0]!.total) - Number(kept[0]!.total);
      if (count > 0) removed[`${schema}.${name}`] = count;
    }
    if (truncated.length)
      await client.query(`TRUNCATE ${truncated.map((name) => `${schema}.${quote(name)}`).join(', ')}`);
    for (const [position, name] of truncated.entries()) {
      const table = tables.get(name)!;
      const columnsList = table.insertable.map(quote).join(', ');
      await client.query(
        `INSERT INTO ${schema}.${quote(name)} (${columnsList}) ${table.identity ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT ${columnsList} FROM scale_keep_${position}`,
      );
    }
    for (const name of deleted) {
      const result = await client.query(
        `DELETE FROM ${schema}.${quote(name)} WHERE ${predicate(tables.get(name)!.uuids)}`,
      );
      if (result.rowCount) removed[`${schema}.${name}`] = result.rowCount;
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  return removed;
}
