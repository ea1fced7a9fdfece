/**
 * Replacing subgraph schemas in one transaction per database: the prelude that prepares the target
 * (the old schemas dropped, the application role and the extensions created when missing), then each
 * dump's SQL through psql with ON_ERROR_STOP. It either replaces everything or changes nothing.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { libpq } from './connection.js';
import { APPLICATION_ROLE, BackupError, quoteIdent, type ManifestEntry } from './format.js';
import type { PgTools } from './pg-tools.js';

/**
 * The SQL run before the dumps: objects outside the subgraph schemas (the `unaccent` and `pg_trgm`
 * extensions in `public`) are left in place and created when missing.
 */
export function restorePrelude(group: { schema: string; entry: ManifestEntry }[]): string {
  const restoring = new Set(group.map((target) => target.schema));
  const extensions = new Map<string, string>();
  for (const target of group)
    for (const extension of target.entry.extensions)
      if (!restoring.has(extension.schema)) extensions.set(extension.name, extension.schema);
  return [
    `SET client_min_messages = warning;`,
    `SET lock_timeout = '60s';`,
    ...group.map((target) => `DROP SCHEMA IF EXISTS ${quoteIdent(target.schema)} CASCADE;`),
    // The dump grants to the application role (subgraph-kit audit.ts); a fresh cluster lacks it.
    `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN CREATE ROLE ${APPLICATION_ROLE} NOLOGIN; END IF; END $$;`,
    ...[...extensions].map(
      ([name, schema]) =>
        `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}; CREATE EXTENSION IF NOT EXISTS ${quoteIdent(name)} SCHEMA ${quoteIdent(schema)};`,
    ),
    '',
  ].join('\n');
}

/**
 * psql reads `BEGIN`, `prelude`, each dump's SQL (pg_restore -f -) and, only when every pg_restore
 * succeeded, `COMMIT`. (Not psql --single-transaction: that COMMITs at end of input, so input cut short
 * by a failed pg_restore or a killed script would commit half a restore.) Without the COMMIT, or on
 * the first error (ON_ERROR_STOP), the connection ends and PostgreSQL rolls everything back.
 */
export function restoreThroughPsql(tools: PgTools, url: string, prelude: string, dumps: string[]): Promise<void> {
  const { dbname, env } = libpq(url, 'tdkt-restore');
  return new Promise((resolve, reject) => {
    const psql = spawn(tools.psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', dbname, '-f', '-'], {
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
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
          const restore = spawn(tools.pgRestore, ['--no-owner', '-f', '-', dump], {
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
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
          return reject(
            new BackupError(
              `pg_restore failed on ${path.basename(dump)} (exit ${code}): ${restoreError.trim()}; nothing was changed`,
            ),
          );
        }
      }
      psql.stdin.end('\nCOMMIT;\n');
      const code = await closed;
      if (code === 0) resolve();
      else
        reject(
          new BackupError(
            `The restore failed and was rolled back, nothing was changed (psql exit ${code}): ${psqlError.trim()}`,
          ),
        );
    })().catch(reject);
  });
}
