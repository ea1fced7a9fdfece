/**
 * Backup and restore of the three subgraphs' data (`npm run db:backup`, `npm run db:restore -- FILE`).
 *
 * A backup is ONE tar file: `manifest.json` plus one PostgreSQL custom-format dump (`pg_dump -Fc -n
 * <schema>`) per subgraph. Each subgraph's tables live in a schema named after it (`organizations`,
 * `campaigns`, `awards`), in its own database (embedded cluster) or all in one (`DATABASE_URL`), so a
 * dump per subgraph schema fits both layouts. The manifest records the server version, the extensions
 * the database had, and for every table its row count and a checksum of its rows, computed in the
 * very snapshot the dumps are taken from (`pg_export_snapshot` + `pg_dump --snapshot`): a backup taken
 * while the platform runs is consistent within each database and verifiable after a restore.
 *
 * A restore replaces each subgraph's schema in one transaction per target database (`DROP SCHEMA …
 * CASCADE`, then the dump's SQL through psql with ON_ERROR_STOP): it either replaces everything or
 * changes nothing. Objects outside the subgraph schemas (the `unaccent` and `pg_trgm` extensions in
 * `public`) are left in place and created when missing. Then every table's rows and checksum are
 * compared with the manifest.
 *
 * Needs PostgreSQL client tools (pg_dump, pg_restore, psql) of the server's major version.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import path from 'node:path';
import pg from 'pg';
import { ensureDatabases, startEmbeddedPostgres } from '@tdkt/embedded-db';

/** The role the subgraphs run as (packages/subgraph-kit/src/audit.ts); backups carry grants to it. */
const APPLICATION_ROLE = 'tdkt_app';

export const SUBGRAPH_NAMES = ['organizations', 'campaigns', 'awards'] as const;

/** One subgraph's data: the database it lives in and its schema there. */
export interface BackupTarget {
  subgraph: string;
  url: string;
  schema: string;
}

export interface TableStat {
  rows: number;
  md5: string;
}

export interface ManifestEntry {
  subgraph: string;
  schema: string;
  /** Name of the dump inside the tar file. */
  file: string;
  bytes: number;
  sha256: string;
  /** Where it came from (no password). */
  source: string;
  serverVersion: string;
  /** Extensions of the source database (they live outside the subgraph schema and are not dumped). */
  extensions: { name: string; schema: string }[];
  /** `schema.table` → rows and md5 of the rows' text, ordered. */
  tables: Record<string, TableStat>;
}

export interface Manifest {
  format: 'tdkt-backup';
  formatVersion: 1;
  createdAt: string;
  serverVersion: string;
  serverVersionNum: number;
  pgDumpVersion: string;
  /** How the row checksums are computed, for whoever verifies by hand. */
  checksum: string;
  entries: ManifestEntry[];
}

export class BackupError extends Error {
  override name = 'BackupError';
}

type Log = (line: string) => void;

const CHECKSUM_SQL = `md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), ''))`;
/** The text of a row depends on these settings: pin them for the backup and the verification alike. */
const SESSION_SETTINGS = [
  `SET TimeZone = 'UTC'`,
  `SET DateStyle = 'ISO, YMD'`,
  `SET IntervalStyle = 'postgres'`,
  `SET extra_float_digits = 1`,
  `SET bytea_output = 'hex'`,
];

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function checkSchemaName(schema: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new BackupError(`Unexpected schema name "${schema}"`);
}

/** host:port/database of a URL, without user or password (for messages and the manifest). */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** Which database a URL points at: targets with the same key share one snapshot and one restore transaction. */
function databaseKey(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${decodeURIComponent(parsed.pathname)}`;
}

function groupByDatabase<T extends { url: string }>(items: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = databaseKey(item.url);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups.values()];
}

/** The URL without its password, and the password for PGPASSWORD (never on a command line). */
function libpq(url: string, application: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: application, PGCONNECT_TIMEOUT: '10' };
  if (password) env['PGPASSWORD'] = password;
  else delete env['PGPASSWORD'];
  return { dbname: parsed.toString(), env };
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: 'tdkt-backup' });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BackupError(`Cannot connect to ${describeUrl(url)}: ${(error as Error).message}`);
  }
  return client;
}

async function serverVersion(client: pg.Client): Promise<{ version: string; num: number; major: number }> {
  const num = Number((await client.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]!.server_version_num);
  const version = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version.split(' ')[0]!;
  return { version, num, major: Math.floor(num / 10_000) };
}

// ---------------------------------------------------------------------------------------------------
// Client tools

export interface PgTools {
  pgDump: string;
  pgRestore: string;
  psql: string;
  /** e.g. "15.18" */
  version: string;
  major: number;
}

function toolVersion(binary: string): string | undefined {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return /\b(\d+(?:\.\d+)?)/.exec(result.stdout)?.[1];
}

function candidateDirs(major?: number): string[] {
  const dirs: string[] = [];
  if (process.env['PG_BIN_DIR']) dirs.push(process.env['PG_BIN_DIR']);
  // Debian/Ubuntu install each major side by side; /usr/bin/pg_dump is a wrapper that picks one.
  if (major !== undefined) dirs.push(`/usr/lib/postgresql/${major}/bin`);
  dirs.push(...(process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean));
  return dirs;
}

function installHint(major: number): string {
  return `Install the PostgreSQL ${major} client tools: \`apt-get install postgresql-client-${major}\` (Debian/Ubuntu; .ci/run installs the embedded server's), or set PG_BIN_DIR to a directory holding pg_dump, pg_restore and psql ${major}`;
}

/** Is any pg_dump installed at all? (The backup test skips without one.) */
export function pgDumpInstalled(): boolean {
  const versioned = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').map((major) => `/usr/lib/postgresql/${major}/bin`) : [];
  return [...candidateDirs(), ...versioned].some((dir) => existsSync(path.join(dir, 'pg_dump')));
}

/**
 * pg_dump, pg_restore and psql of the server's major version. pg_dump refuses a newer server, and an
 * older server's dump is best taken with its own version: the rule here is "same major", and the error
 * names the package to install.
 */
export function findPgTools(serverMajor: number): PgTools {
  const seen: string[] = [];
  for (const dir of candidateDirs(serverMajor)) {
    const pgDump = path.join(dir, 'pg_dump');
    if (!existsSync(pgDump)) continue;
    const version = toolVersion(pgDump);
    if (!version) continue;
    const major = Number(version.split('.')[0]);
    if (major !== serverMajor) {
      seen.push(`${pgDump} is ${version}`);
      continue;
    }
    const pgRestore = path.join(dir, 'pg_restore');
    const psql = path.join(dir, 'psql');
    const missing = [pgRestore, psql].filter((binary) => !existsSync(binary));
    if (missing.length) {
      seen.push(`${dir} has pg_dump ${version} but not ${missing.map((binary) => path.basename(binary)).join(' or ')}`);
      continue;
    }
    return { pgDump, pgRestore, psql, version, major };
  }
  const found = seen.length ? `found only: ${seen.join('; ')}` : 'pg_dump was not found';
  throw new BackupError(`The server is PostgreSQL ${serverMajor}, and pg_dump/pg_restore/psql must be of the same major version (${found}). ${installHint(serverMajor)}.`);
}

// ---------------------------------------------------------------------------------------------------
// Table statistics

async function prepareSession(client: pg.Client): Promise<void> {
  for (const statement of SESSION_SETTINGS) await client.query(statement);
}

/** Row count and checksum of every table in the given schemas, in the client's current snapshot. */
async function statsOf(client: pg.Client, schemas: string[]): Promise<Record<string, Record<string, TableStat>>> {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = ANY($1) ORDER BY 1, 2`,
    [schemas],
  );
  const result: Record<string, Record<string, TableStat>> = Object.fromEntries(schemas.map((schema) => [schema, {}]));
  for (const table of tables) {
    const { rows } = await client.query<{ rows: string; md5: string }>(`SELECT count(*) AS rows, ${CHECKSUM_SQL} AS md5 FROM ${quoteIdent(table.schema)}.${quoteIdent(table.name)} AS t`);
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

// ---------------------------------------------------------------------------------------------------
// A minimal ustar writer and reader (no dependency; names are short and flat).

const BLOCK = 512;

function tarHeader(name: string, size: number, mtime: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  const put = (value: string, offset: number, length: number) => header.write(value, offset, length, 'utf8');
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, '0') + '\0';
  if (Buffer.byteLength(name) > 100) throw new BackupError(`Name too long for the tar file: ${name}`);
  if (size >= 8 ** 11) throw new BackupError(`${name} is larger than 8 GiB, which this tar writer does not support`);
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(Math.floor(mtime / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put('0', 156, 1);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put('tdkt', 265, 32);
  put('tdkt', 297, 32);
  let sum = 0;
  for (const byte of header) sum += byte;
  put(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8);
  return header;
}

function writeTar(file: string, members: { name: string; path: string }[]): void {
  const out = openSync(file, 'w', 0o600);
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (const member of members) {
      const { size } = statSync(member.path);
      writeSync(out, tarHeader(member.name, size, Date.now()));
      const input = openSync(member.path, 'r');
      try {
        let copied = 0;
        for (let read; (read = readSync(input, buffer, 0, buffer.length, null)) > 0; copied += read) writeSync(out, buffer, 0, read);
        if (copied !== size) throw new BackupError(`${member.path} changed while it was being archived`);
      } finally {
        closeSync(input);
      }
      const padding = (BLOCK - (size % BLOCK)) % BLOCK;
      if (padding) writeSync(out, Buffer.alloc(padding));
    }
    writeSync(out, Buffer.alloc(BLOCK * 2));
  } finally {
    closeSync(out);
  }
}

/** Extracts the tar file's members into `dir`; throws on anything that is not a well-formed tar of flat names. */
function readTar(file: string, dir: string): string[] {
  const input = openSync(file, 'r');
  const names: string[] = [];
  try {
    const header = Buffer.alloc(BLOCK);
    const buffer = Buffer.alloc(1024 * 1024);
    let offset = 0;
    for (;;) {
      const read = readSync(input, header, 0, BLOCK, offset);
      if (read === 0 && names.length) break; // no end-of-archive blocks: tolerated if members were read
      if (read !== BLOCK) throw new BackupError(`${file} is truncated or not a backup file (no complete tar header at byte ${offset})`);
      if (header.every((byte) => byte === 0)) break;
      const stored = parseInt(header.toString('latin1', 148, 156).replace(/\0.*$/, '').trim(), 8);
      let sum = 0;
      for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 32 : header[index]!;
      if (header.toString('latin1', 257, 262) !== 'ustar' || stored !== sum) {
        throw new BackupError(`${file} is corrupted or not a backup file (bad tar header at byte ${offset})`);
      }
      const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
      const size = parseInt(header.toString('latin1', 124, 136).replace(/\0.*$/, '').trim(), 8);
      if (!/^[\w.+-]+$/.test(name) || name.startsWith('.') || !Number.isFinite(size)) throw new BackupError(`${file} holds an unexpected member "${name}"`);
      offset += BLOCK;
      const out = openSync(path.join(dir, name), 'w', 0o600);
      try {
        let remaining = size;
        while (remaining > 0) {
          const chunk = readSync(input, buffer, 0, Math.min(buffer.length, remaining), offset);
          if (chunk === 0) throw new BackupError(`${file} is truncated (${name} ends early)`);
          writeSync(out, buffer, 0, chunk);
          remaining -= chunk;
          offset += chunk;
        }
      } finally {
        closeSync(out);
      }
      offset += (BLOCK - (size % BLOCK)) % BLOCK;
      names.push(name);
    }
  } finally {
    closeSync(input);
  }
  return names;
}

function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const input = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    for (let read; (read = readSync(input, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, read));
  } finally {
    closeSync(input);
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------------
// Child processes

function run(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${path.basename(binary)} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

/**
 * psql reads `BEGIN`, `prelude`, each dump's SQL (pg_restore -f -) and, only when every pg_restore
 * succeeded, `COMMIT`. (Not psql --single-transaction: that COMMITs at end of input, so input cut short
 * by a failed pg_restore or a killed script would commit half a restore.) Without the COMMIT, or on
 * the first error (ON_ERROR_STOP), the connection ends and PostgreSQL rolls everything back.
 */
function restoreThroughPsql(tools: PgTools, url: string, prelude: string, dumps: string[]): Promise<void> {
  const { dbname, env } = libpq(url, 'tdkt-restore');
  return new Promise((resolve, reject) => {
    const psql = spawn(tools.psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', dbname, '-f', '-'], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let psqlError = '';
    let restoreError = '';
    psql.stderr.on('data', (chunk: Buffer) => (psqlError += chunk.toString()));
    psql.stdin.on('error', () => undefined); // psql stopped early (its own error is reported below)
    psql.once('error', reject);
    const closed = new Promise<number | null>((done) => psql.once('close', done));

    void (async () => {
      psql.stdin.write(`BEGIN;\n${prelude}`);
      for (const dump of dumps) {
        const code = await new Promise<number | null>((done) => {
          const restore = spawn(tools.pgRestore, ['--no-owner', '-f', '-', dump], { env, stdio: ['ignore', 'pipe', 'pipe'] });
          restore.stderr.on('data', (chunk: Buffer) => (restoreError += chunk.toString()));
          restore.once('error', (error) => {
            restoreError += error.message;
            done(-1);
          });
          restore.stdout.pipe(psql.stdin, { end: false });
          restore.once('close', done);
        });
        if (code !== 0) {
          psql.kill('SIGKILL'); // no COMMIT was sent: the server rolls the transaction back
          await closed;
          return reject(new BackupError(`pg_restore failed on ${path.basename(dump)} (exit ${code}): ${restoreError.trim()}; nothing was changed`));
        }
      }
      psql.stdin.end('\nCOMMIT;\n');
      const code = await closed;
      if (code === 0) resolve();
      else reject(new BackupError(`The restore failed and was rolled back, nothing was changed (psql exit ${code}): ${psqlError.trim()}`));
    })().catch(reject);
  });
}

// ---------------------------------------------------------------------------------------------------
// Backup

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
        const present = (await client.query<{ nspname: string }>('SELECT nspname FROM pg_namespace WHERE nspname = ANY($1)', [schemas])).rows.map((row) => row.nspname);
        const absent = schemas.filter((schema) => !present.includes(schema));
        if (absent.length) {
          throw new BackupError(`${describeUrl(group[0]!.url)} has no schema ${absent.join(', ')}: has the platform ever started against it (its migrations create the schemas)?`);
        }
        // One snapshot for the checksums and every dump of this database.
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
        await prepareSession(client);
        const stats = await statsOf(client, schemas);
        const extensions = (await client.query<{ name: string; schema: string }>(
          `SELECT e.extname AS name, n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY 1`,
        )).rows;
        for (const target of group) {
          const dumpName = `${target.subgraph}.dump`;
          const dumpPath = path.join(work, dumpName);
          const { dbname, env } = libpq(target.url, 'tdkt-backup');
          const dumpStarted = Date.now();
          await run(tools.pgDump, ['-Fc', '--no-password', `--snapshot=${snapshot}`, '--lock-wait-timeout=60000', '-n', target.schema, '-f', dumpPath, '-d', dbname], env);
          const bytes = statSync(dumpPath).size;
          log(`${target.subgraph}: ${Object.keys(stats[target.schema]!).length} tables, ${Object.values(stats[target.schema]!).reduce((sum, table) => sum + table.rows, 0)} rows, ${(bytes / 1024).toFixed(0)} KiB (${((Date.now() - dumpStarted) / 1000).toFixed(1)} s)`);
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
    writeTar(partial, [{ name: 'manifest.json', path: manifestPath }, ...entries.map((entry) => ({ name: entry.file, path: path.join(work, entry.file) }))]);
    renameSync(partial, file);
    return { file, manifest, seconds: (Date.now() - started) / 1000 };
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(`${file}.partial`, { force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading a backup file

/** Extracts and checks a backup file: the tar structure, the manifest, and each dump's size and SHA-256. */
export function openBackup(file: string): { manifest: Manifest; dir: string; dispose(): void } {
  const resolved = path.resolve(file);
  if (!existsSync(resolved)) throw new BackupError(`Backup file not found: ${resolved}`);
  if (!statSync(resolved).isFile()) throw new BackupError(`Not a file: ${resolved}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'tdkt-restore-'));
  const dispose = () => rmSync(dir, { recursive: true, force: true });
  try {
    const names = readTar(resolved, dir);
    if (!names.includes('manifest.json')) throw new BackupError(`${resolved} has no manifest.json: not a tdkt backup`);
    let manifest: Manifest;
    try {
      manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    } catch (error) {
      throw new BackupError(`${resolved}: manifest.json is not valid JSON (${(error as Error).message})`);
    }
    if (manifest.format !== 'tdkt-backup' || manifest.formatVersion !== 1 || !Array.isArray(manifest.entries)) {
      throw new BackupError(`${resolved}: not a tdkt backup manifest (format ${String(manifest.format)} version ${String(manifest.formatVersion)})`);
    }
    for (const entry of manifest.entries) {
      checkSchemaName(entry.schema);
      const dump = path.join(dir, entry.file);
      if (!names.includes(entry.file) || !existsSync(dump)) throw new BackupError(`${resolved} is incomplete: ${entry.file} is missing`);
      if (statSync(dump).size !== entry.bytes || sha256Of(dump) !== entry.sha256) {
        throw new BackupError(`${resolved} is corrupted: ${entry.file} does not match the SHA-256 recorded in its manifest`);
      }
    }
    return { manifest, dir, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Restore

export interface ComparisonRow {
  subgraph: string;
  table: string;
  backupRows: number | null;
  restoredRows: number | null;
  status: 'ok' | 'rows differ' | 'checksum differs' | 'missing' | 'unexpected';
}

export interface RestoreResult {
  ok: boolean;
  rows: ComparisonRow[];
  seconds: number;
  /** Subgraph sessions that were connected to a target (restore went ahead only with `force`). */
  activeSessions: string[];
}

/** Sessions of the subgraphs themselves (their pools set application_name tdkt-<subgraph>). */
async function subgraphSessions(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ application_name: string; count: string }>(
    `SELECT application_name, count(*) FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = ANY($1)
      GROUP BY 1 ORDER BY 1`,
    [SUBGRAPH_NAMES.map((name) => `tdkt-${name}`)],
  );
  return rows.map((row) => `${row.application_name} (${row.count} connection${row.count === '1' ? '' : 's'})`);
}

/** Prints the verification as a table. */
export function formatComparison(rows: ComparisonRow[]): string {
  const header = ['subgraph', 'table', 'rows in backup', 'rows now', 'result'];
  const lines = rows.map((row) => [row.subgraph, row.table, String(row.backupRows ?? '-'), String(row.restoredRows ?? '-'), row.status]);
  const widths = header.map((title, index) => Math.max(title.length, ...lines.map((line) => line[index]!.length)));
  const format = (line: string[]) => line.map((cell, index) => (index >= 2 && index <= 3 ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!))).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}

/**
 * Replaces each target's schema with the backup's and verifies rows and checksums. Refuses while a
 * subgraph is connected to a target database, unless `force`.
 */
export async function restore(options: { targets: BackupTarget[]; file: string; force?: boolean; log?: Log }): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const backupFile = openBackup(options.file);
  try {
    const { manifest } = backupFile;
    const plan = options.targets.map((target) => {
      checkSchemaName(target.schema);
      const entry = manifest.entries.find((candidate) => candidate.subgraph === target.subgraph);
      if (!entry) throw new BackupError(`The backup holds no data for ${target.subgraph} (it has ${manifest.entries.map((candidate) => candidate.subgraph).join(', ')})`);
      if (entry.schema !== target.schema) throw new BackupError(`The backup holds ${target.subgraph} in schema ${entry.schema}, the target uses ${target.schema}`);
      return { ...target, entry };
    });
    if (!plan.length) throw new BackupError('Nothing to restore: no targets');

    // Check every target before changing any.
    const groups = groupByDatabase(plan);
    const prepared: { group: typeof plan; tools: PgTools }[] = [];
    const activeSessions: string[] = [];
    for (const group of groups) {
      const client = await connect(group[0]!.url);
      try {
        const server = await serverVersion(client);
        const tools = findPgTools(server.major);
        const dumpMajor = Math.floor(manifest.serverVersionNum / 10_000);
        if (dumpMajor > server.major) {
          throw new BackupError(`The backup comes from PostgreSQL ${manifest.serverVersion}; ${describeUrl(group[0]!.url)} runs the older ${server.version}, which cannot restore it`);
        }
        // Every dump must be readable by this pg_restore before anything is dropped.
        for (const target of group) {
          const listed = spawnSync(tools.pgRestore, ['--list', path.join(backupFile.dir, target.entry.file)], { encoding: 'utf8' });
          if (listed.status !== 0) throw new BackupError(`${target.entry.file} in the backup cannot be read by pg_restore ${tools.version}: ${(listed.stderr || listed.error?.message || '').trim()}`);
        }
        const sessions = await subgraphSessions(client);
        if (sessions.length) activeSessions.push(`${describeUrl(group[0]!.url)}: ${sessions.join(', ')}`);
        prepared.push({ group, tools });
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    if (activeSessions.length) {
      const message = `The subgraphs are connected to the target: ${activeSessions.join('; ')}`;
      if (!options.force) throw new BackupError(`${message}. Stop them (npm start) first, or pass --force to restore under them (they keep running on the restored data).`);
      log(`warning: ${message}; restoring anyway (--force)`);
    }

    for (const { group, tools } of prepared) {
      const restoring = new Set(group.map((target) => target.schema));
      const extensions = new Map<string, string>();
      for (const target of group) for (const extension of target.entry.extensions) if (!restoring.has(extension.schema)) extensions.set(extension.name, extension.schema);
      const prelude = [
        `SET client_min_messages = warning;`,
        `SET lock_timeout = '60s';`,
        ...group.map((target) => `DROP SCHEMA IF EXISTS ${quoteIdent(target.schema)} CASCADE;`),
        // The dump grants to the application role (subgraph-kit audit.ts); a fresh cluster lacks it.
        `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN CREATE ROLE ${APPLICATION_ROLE} NOLOGIN; END IF; END $$;`,
        ...[...extensions].map(([name, schema]) => `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)} SCHEMA ${quoteIdent(schema)};`),
        '',
      ].join('\n');
      const groupStarted = Date.now();
      await restoreThroughPsql(tools, group[0]!.url, prelude, group.map((target) => path.join(backupFile.dir, target.entry.file)));
      log(`restored ${group.map((target) => target.subgraph).join(', ')} into ${describeUrl(group[0]!.url)} (${((Date.now() - groupStarted) / 1000).toFixed(1)} s)`);
    }

    // Verify: every table of the backup, with the same rows; no table the backup did not have.
    const rows: ComparisonRow[] = [];
    for (const target of plan) {
      const now = await tableStats(target.url, target.schema);
      const names = [...new Set([...Object.keys(target.entry.tables), ...Object.keys(now)])].sort();
      for (const table of names) {
        const expected = target.entry.tables[table];
        const actual = now[table];
        const status: ComparisonRow['status'] = !actual ? 'missing' : !expected ? 'unexpected' : expected.rows !== actual.rows ? 'rows differ' : expected.md5 !== actual.md5 ? 'checksum differs' : 'ok';
        rows.push({ subgraph: target.subgraph, table, backupRows: expected?.rows ?? null, restoredRows: actual?.rows ?? null, status });
      }
    }
    return { ok: rows.every((row) => row.status === 'ok'), rows, seconds: (Date.now() - started) / 1000, activeSessions };
  } finally {
    backupFile.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------
// The platform's own targets (what `npm start` uses)

export interface ResolvedTargets {
  targets: BackupTarget[];
  /** e.g. "embedded PostgreSQL in .data/pg (port 54329)" or "DATABASE_URL (host:port/db)" */
  description: string;
  /** The live `npm start` supervisor on the embedded data directory, if any. */
  supervisorPid: number | undefined;
  /** Stops the embedded cluster if this process started it. */
  release(): Promise<void>;
}

function liveSupervisor(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'supervisor.pid'), 'utf8'));
    process.kill(pid, 0);
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('start.js') ? pid : undefined;
  } catch {
    return undefined;
  }
}

function livePostmaster(pgDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? -1 : undefined;
  }
}

/**
 * The databases `npm start` would use, resolved the way scripts/src/start.ts does: DATABASE_URL /
 * <SUBGRAPH>_DATABASE_URL when every subgraph has one, else the embedded cluster (TDKT_DATA_DIR,
 * EMBEDDED_PG_PORT, user/password tdkt/tdkt, databases tdkt_<subgraph>), where a per-subgraph URL still
 * wins. When the embedded cluster is not running, it is started for the duration (and, for a restore,
 * created along with its databases if needed). A restore refuses while `npm start` runs, unless `force`.
 */
export async function platformTargets(options: { root: string; env?: NodeJS.ProcessEnv; forRestore?: boolean; force?: boolean; log?: Log }): Promise<ResolvedTargets> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => undefined);
  const urlOf = (name: string) => env[`${name.toUpperCase()}_DATABASE_URL`] || undefined;
  const external = SUBGRAPH_NAMES.every((name) => urlOf(name) || env['DATABASE_URL']);
  if (external) {
    const targets = SUBGRAPH_NAMES.map((name) => ({ subgraph: name, url: (urlOf(name) || env['DATABASE_URL'])!, schema: name }));
    const where = [...new Set(targets.map((target) => describeUrl(target.url)))].join(', ');
    return { targets, description: `external PostgreSQL (${where})`, supervisorPid: undefined, release: async () => undefined };
  }

  const dataDir = path.resolve(env['TDKT_DATA_DIR'] ?? path.join(options.root, '.data'));
  const pgDir = path.join(dataDir, 'pg');
  const port = Number(env['EMBEDDED_PG_PORT'] ?? 54329);
  const adminUrl = `postgres://tdkt:tdkt@127.0.0.1:${port}/postgres`;
  const embeddedUrl = (name: string) => adminUrl.replace(/\/postgres$/, `/tdkt_${name}`);
  const targets = SUBGRAPH_NAMES.map((name) => ({ subgraph: name, url: urlOf(name) || embeddedUrl(name), schema: name }));
  const shown = path.relative(options.root, pgDir);
  const description = `embedded PostgreSQL in ${shown && !shown.startsWith('..') ? shown : pgDir} (127.0.0.1:${port})`;
  const supervisorPid = liveSupervisor(dataDir);
  if (options.forRestore && supervisorPid !== undefined) {
    const message = `npm start (pid ${supervisorPid}) is running on ${dataDir}`;
    if (!options.force) throw new BackupError(`${message}: stop it first (Ctrl-C), or pass --force to restore under it`);
    log(`warning: ${message}; restoring anyway (--force)`);
  }

  let release = async () => undefined as void;
  const probe = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  let running = false;
  try {
    await probe.connect();
    running = true;
    const directory = (await probe.query<{ data_directory: string }>('SHOW data_directory')).rows[0]?.data_directory;
    if (directory !== pgDir) throw new BackupError(`127.0.0.1:${port} is another PostgreSQL (data directory ${directory}), not the embedded cluster in ${pgDir}; set EMBEDDED_PG_PORT / TDKT_DATA_DIR to those npm start uses`);
  } catch (error) {
    if (error instanceof BackupError) throw error;
    if (running) throw new BackupError(`The embedded PostgreSQL on 127.0.0.1:${port} answered but could not be checked: ${(error as Error).message}`);
  } finally {
    await probe.end().catch(() => undefined);
  }

  if (!running) {
    if (!existsSync(path.join(pgDir, 'PG_VERSION')) && !options.forRestore) {
      throw new BackupError(`There is no embedded cluster in ${pgDir} and nothing answers on 127.0.0.1:${port}: nothing to back up (run npm start once, or set DATABASE_URL)`);
    }
    // A server that is shutting down (a just-stopped npm start) answers no more but still holds the directory.
    let holder = livePostmaster(pgDir);
    for (let waited = 0; holder !== undefined && waited < 10_000; waited += 100) {
      await delay(100);
      holder = livePostmaster(pgDir);
    }
    if (holder !== undefined) {
      throw new BackupError(`A PostgreSQL server${holder > 0 ? ` (pid ${holder})` : ''} holds ${pgDir} but does not answer on 127.0.0.1:${port}: set EMBEDDED_PG_PORT to the port npm start uses`);
    }
    log(`the embedded PostgreSQL is not running: starting it in ${pgDir} for the duration`);
    const cluster = await startEmbeddedPostgres({ dataDir: pgDir, port });
    release = async () => {
      void cluster.stop();
      // The postmaster is an unref'd child: wait for its pid file to go, or Node would exit mid-shutdown.
      for (let waited = 0; existsSync(path.join(pgDir, 'postmaster.pid')) && waited < 30_000; waited += 50) await delay(50);
    };
  }
  if (options.forRestore) {
    try {
      const embeddedNames = SUBGRAPH_NAMES.filter((name) => !urlOf(name)).map((name) => `tdkt_${name}`);
      await ensureDatabases(adminUrl, embeddedNames);
    } catch (error) {
      await release();
      throw error;
    }
  }
  return { targets, description, supervisorPid, release };
}

/** `backups/tdkt-YYYYMMDD-HHMMSS.tar` (local time) under `dir`. */
export function defaultBackupFile(dir: string, now = new Date()): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return path.join(dir, `tdkt-${stamp}.tar`);
}
