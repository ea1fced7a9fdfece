/**
 * The PostgreSQL client tools (pg_dump, pg_restore, psql). They must be of the server's major version:
 * pg_dump refuses a newer server, and an older server's dump is best taken with its own version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BackupError } from './format.js';

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
  const versioned = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').map((major) => `/usr/lib/postgresql/${major}/bin`)
    : [];
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
  throw new BackupError(
    `The server is PostgreSQL ${serverMajor}, and pg_dump/pg_restore/psql must be of the same major version (${found}). ${installHint(serverMajor)}.`,
  );
}
