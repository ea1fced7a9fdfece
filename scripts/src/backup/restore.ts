/**
 * Restoring a backup: every target is checked before any is changed (the backup holds its subgraph in
 * the same schema, the server can read the dumps, no subgraph is connected unless forced), then each
 * database's schemas are replaced in one transaction, then every table's rows and checksum are
 * compared with the manifest.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type pg from 'pg';
import { SUBGRAPHS } from '@tdkt/platform';
import { openBackup } from './archive.js';
import { connect, describeUrl, groupByDatabase, serverVersion } from './connection.js';
import { BackupError, checkSchemaName, type BackupTarget, type Log } from './format.js';
import { findPgTools, type PgTools } from './pg-tools.js';
import { restorePrelude, restoreThroughPsql } from './replace.js';
import { compareWithManifest, type ComparisonRow } from './verify.js';

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
    [SUBGRAPHS.map((entry) => `tdkt-${entry.name}`)],
  );
  return rows.map((row) => `${row.application_name} (${row.count} connection${row.count === '1' ? '' : 's'})`);
}

/**
 * Replaces each target's schema with the backup's and verifies rows and checksums. Refuses while a
 * subgraph is connected to a target database, unless `force`.
 */
export async function restore(options: {
  targets: BackupTarget[];
  file: string;
  force?: boolean;
  log?: Log;
}): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const backupFile = openBackup(options.file);
  try {
    const { manifest } = backupFile;
    const plan = options.targets.map((target) => {
      checkSchemaName(target.schema);
      const entry = manifest.entries.find((candidate) => candidate.subgraph === target.subgraph);
      if (!entry)
        throw new BackupError(
          `The backup holds no data for ${target.subgraph} (it has ${manifest.entries.map((candidate) => candidate.subgraph).join(', ')})`,
        );
      if (entry.schema !== target.schema)
        throw new BackupError(
          `The backup holds ${target.subgraph} in schema ${entry.schema}, the target uses ${target.schema}`,
        );
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
          throw new BackupError(
            `The backup comes from PostgreSQL ${manifest.serverVersion}; ${describeUrl(group[0]!.url)} runs the older ${server.version}, which cannot restore it`,
          );
        }
        // Every dump must be readable by this pg_restore before anything is dropped.
        for (const target of group) {
          const listed = spawnSync(tools.pgRestore, ['--list', path.join(backupFile.dir, target.entry.file)], {
            encoding: 'utf8',
          });
          if (listed.status !== 0)
            throw new BackupError(
              `${target.entry.file} in the backup cannot be read by pg_restore ${tools.version}: ${(listed.stderr || listed.error?.message || '').trim()}`,
            );
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
      if (!options.force)
        throw new BackupError(
          `${message}. Stop them (npm start) first, or pass --force to restore under them (they keep running on the restored data).`,
        );
      log(`warning: ${message}; restoring anyway (--force)`);
    }

    for (const { group, tools } of prepared) {
      const prelude = restorePrelude(group);
      const groupStarted = Date.now();
      await restoreThroughPsql(
        tools,
        group[0]!.url,
        prelude,
        group.map((target) => path.join(backupFile.dir, target.entry.file)),
      );
      log(
        `restored ${group.map((target) => target.subgraph).join(', ')} into ${describeUrl(group[0]!.url)} (${((Date.now() - groupStarted) / 1000).toFixed(1)} s)`,
      );
    }

    const rows = await compareWithManifest(plan);
    return {
      ok: rows.every((row) => row.status === 'ok'),
      rows,
      seconds: (Date.now() - started) / 1000,
      activeSessions,
    };
  } finally {
    backupFile.dispose();
  }
}
