/**
 * npm run db:restore -- FILE [--force]
 * Replaces each subgraph's schema in the target (the embedded cluster, or DATABASE_URL /
 * <SUBGRAPH>_DATABASE_URL) with the backup's, one transaction per database, then compares every
 * table's rows and checksum with the backup's manifest. Exit 1 on any failure or mismatch. Refuses
 * while `npm start` or the subgraphs are connected to the target, unless --force.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatComparison, platformTargets, restore } from './backup.js';

const ROOT = path.resolve(__dirname, '..', '..');
const say = (line: string) => process.stdout.write(`[db:restore] ${line}\n`);
process.stdout.on('error', () => undefined); // e.g. piped into head

/** Ctrl-C: psql dies with the terminal's SIGINT (no COMMIT: rolled back); stop a cluster we started. */
function releaseOnSignal(release: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(
        `[db:restore] interrupted (${signal}): nothing is committed for a database whose restore had not finished\n`,
      );
      void release().finally(() => process.exit(130));
    });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const files = args.filter((arg) => arg !== '--force');
  if (files.length !== 1 || files[0]!.startsWith('-')) {
    process.stderr.write(
      'usage: npm run db:restore -- FILE [--force]   (FILE: a backup written by npm run db:backup)\n',
    );
    process.exitCode = 2;
    return;
  }
  const file = path.resolve(process.env['INIT_CWD'] ?? process.cwd(), files[0]!);
  if (!existsSync(file)) throw new Error(`Backup file not found: ${file}`);
  const resolved = await platformTargets({ root: ROOT, forRestore: true, force, log: say });
  releaseOnSignal(resolved.release);
  try {
    say(`restoring ${path.basename(file)} into ${resolved.description}`);
    const result = await restore({ targets: resolved.targets, file, force, log: say });
    process.stdout.write(`${formatComparison(result.rows)}\n`);
    if (!result.ok) {
      const bad = result.rows.filter((row) => row.status !== 'ok').length;
      process.stderr.write(`[db:restore] verification FAILED: ${bad} table(s) differ from the backup\n`);
      process.exitCode = 1;
      return;
    }
    say(
      `verified ${result.rows.length} tables against the backup's manifest: all rows and checksums match (${result.seconds.toFixed(1)} s)`,
    );
  } finally {
    await resolved.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[db:restore] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
