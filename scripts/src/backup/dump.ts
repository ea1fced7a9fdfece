/**
 * Taking a backup: the row counts and checksums are computed in the very snapshot the dumps are taken
 * from (`pg_export_snapshot` + `pg_dump --snapshot`), so a backup taken while the platform runs is
 * consistent within each database and verifiable after a restore.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sha256Of, writeTar } from './archive.js';
import { connect, describeUrl, groupByDatabase, libpq, serverVersion } from './connection.js';
import {
  BackupError,
  CHECKSUM_SQL,
  checkSchemaName,
  SESSION_SETTINGS,
  type BackupTarget,
  type Log,
  type Manifest,
  type ManifestEntry,
} from './format.js';
import { findPgTools, type PgTools } from './pg-tools.js';
import { prepareSession, statsOf } from './verify.js';

function run(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${path.basename(binary)} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}

export interface BackupResult {
  file: string;
  manifest: Manifest;
  seconds: number;
}

/**
 * Dumps each target's schema into one tar file. Targets in the same database are dumped from one
 * exported snapshot, together with their row counts and checksums.
 */
export async function backup(options: { targets: BackupTarget[]; file: string; log?: Log }): Promise<BackupResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  if (!options.targets.length) throw new BackupError('Nothing to back up: no targets');
  for (const target of options.targets) checkSchemaName(target.schema);
  const file = path.resolve(options.file);
  mkdirSync(path.dirname(file), { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'tdkt-backup-'));
  const entries: ManifestEntry[] = [];
  let first: { version: string; num: number; tools: PgTools } | undefined;
  try {
    for (const group of groupByDatabase(options.targets)) {
      const client = await connect(group[0]!.url);
      try {
        const server = await serverVersion(client);
        const tools = findPgTools(server.major);
        first ??= { version: server.version, num: server.num, tools };
        const schemas = group.map((target) => target.schema);
        const present = (
          await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)', [schemas])
        ).rows.map((row) => row.nspname);
        const absent = schemas.filter((schema) => !present.includes(schema));
        if (absent.length) {
          throw new BackupError(
            `${describeUrl(group[0]!.url)} has no schema ${absent.join(', ')}: has the platform ever started against it (its migrations create the schemas)?`,
          );
        }
        // One snapshot for the checksums and every dump of this database.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
        await prepareSession(client);
        const stats = await statsOf(client, schemas);
        const extensions = (
          await client.query<{ name: string; schema: string }>(
            `SELECT e.extname AS name, n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1`,
          )
        ).rows;
        for (const target of group) {
          const dumpName = `${target.subgraph}.dump`;
          const dumpPath = path.join(work, dumpName);
          const { dbname, env } = libpq(target.url, 'tdkt-backup');
          const dumpStarted = Date.now();
          await run(
            tools.pgDump,
            [
              '-Fc',
              '--no-password',
              `--snapshot=${snapshot}`,
              '--lock-wait-timeout=60000',
              '-n',
              target.schema,
              '-f',
              dumpPath,
              '-d',
              dbname,
            ],
            env,
          );
          const bytes = statSync(dumpPath).size;
          log(
            `${target.subgraph}: ${Object.keys(stats[target.schema]!).length} tables, ${Object.values(stats[target.schema]!).reduce((sum, table) => sum + table.rows, 0)} rows, ${(bytes / 1024).toFixed(0)} KiB (${((Date.now() - dumpStarted) / 1000).toFixed(1)} s)`,
          );
          entries.push({
            subgraph: target.subgraph,
            schema: target.schema,
            file: dumpName,
            bytes,
            sha256: sha256Of(dumpPath),
            source: `${describeUrl(target.url)} schema ${target.schema}`,
            serverVersion: server.version,
            extensions,
            tables: stats[target.schema]!,
          });
        }
        await client.query('COMMIT');
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    const manifest: Manifest = {
      format: 'tdkt-backup',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      serverVersion: first!.version,
      serverVersionNum: first!.num,
      pgDumpVersion: first!.tools.version,
      checksum: `per table: SELECT count(*), ${CHECKSUM_SQL} FROM schema.table AS t, with ${SESSION_SETTINGS.join('; ')}`,
      entries,
    };
    const manifestPath = path.join(work, 'manifest.json');
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${file}.partial`;
    writeTar(partial, [
      { name: 'manifest.json', path: manifestPath },
      ...entries.map((entry) => ({ name: entry.file, path: path.join(work, entry.file) })),
    ]);
    renameSync(partial, file);
    return { file, manifest, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(`${file}.partial`, { force: true });
  }
}
