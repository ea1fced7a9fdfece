/**
 * Row counts and checksums of the tables, computed the same way for the manifest (in the snapshot the
 * dumps are taken from) and after a restore, and the comparison of the two.
 */
import type pg from 'pg';
import { connect } from './connection.js';
import {
  CHECKSUM_SQL,
  checkSchemaName,
  quoteIdent,
  SESSION_SETTINGS,
  type ManifestEntry,
  type TableStat,
} from './format.js';

export async function prepareSession(client: pg.Client): Promise<void> {
  for (const statement of SESSION_SETTINGS) await client.query(statement);
}

/** Row count and checksum of every table in the given schemas, in the client's current snapshot. */
export async function statsOf(
  client: pg.Client,
  schemas: string[],
): Promise<Record<string, Record<string, TableStat>>> {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = ANY($1) ORDER BY 1, 2`,
    [schemas],
  );
  const result: Record<string, Record<string, TableStat>> = Object.fromEntries(schemas.map((schema) => [schema, {}]));
  for (const table of tables) {
    const { rows } = await client.query<{ rows: string; md5: string }>(
      `SELECT count(*) AS rows, ${CHECKSUM_SQL} AS md5 FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)} AS t`,
    );
    result[table.schema]![`${table.schema}.${table.name}`] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 };
  }
  return result;
}

/** Row counts and checksums of one subgraph schema, as the manifest records them (exported for tests). */
export async function tableStats(url: string, schema: string): Promise<Record<string, TableStat>> {
  checkSchemaName(schema);
  const client = await connect(url);
  try {
    await prepareSession(client);
    return (await statsOf(client, [schema]))[schema]!;
  } finally {
    await client.end();
  }
}

export interface ComparisonRow {
  subgraph: string;
  table: string;
  backupRows: number | null;
  restoredRows: number | null;
  status: 'ok' | 'rows differ' | 'checksum differs' | 'missing' | 'unexpected';
}

/** Prints the verification as a table. */
export function formatComparison(rows: ComparisonRow[]): string {
  const header = ['subgraph', 'table', 'rows in backup', 'rows now', 'result'];
  const lines = rows.map((row) => [
    row.subgraph,
    row.table,
    String(row.backupRows ?? '-'),
    String(row.restoredRows ?? '-'),
    row.status,
  ]);
  const widths = header.map((title, index) => Math.max(title.length, ...lines.map((line) => line[index]!.length)));
  const format = (line: string[]) =>
    line
      .map((cell, index) => (index >= 2 && index <= 3 ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

/** Every table of the backup, with the same rows and checksum; no table the backup did not have. */
export async function compareWithManifest(
  targets: { subgraph: string; url: string; schema: string; entry: ManifestEntry }[],
): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  for (const target of targets) {
    const now = await tableStats(target.url, target.schema);
    const names = [...new Set([...Object.keys(target.entry.tables), ...Object.keys(now)])].sort();
    for (const table of names) {
      const expected = target.entry.tables[table];
      const actual = now[table];
      const status: ComparisonRow['status'] = !actual
        ? 'missing'
        : !expected
          ? 'unexpected'
          : expected.rows !== actual.rows
            ? 'rows differ'
            : expected.md5 !== actual.md5
              ? 'checksum differs'
              : 'ok';
      rows.push({
        subgraph: target.subgraph,
        table,
        backupRows: expected?.rows ?? null,
        restoredRows: actual?.rows ?? null,
        status,
      });
    }
  }
  return rows;
}
