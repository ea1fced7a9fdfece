/**
 * npm run db:backup [-- --out FILE]
 * Writes one file (default backups/tdkt-YYYYMMDD-HHMMSS.tar) with a custom-format dump of each
 * subgraph's schema and a manifest of row counts and checksums. Works while `npm start` runs (pg_dump
 * reads a consistent snapshot); starts the embedded cluster for the duration when it is not running.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { backup, defaultBackupFile, platformTargets } from './backup.js';

const ROOT = path.resolve(__dirname, '..', '..');
const say = (line: string) => process.stdout.write(`[db:backup] ${line}\n`);
process.stdout.on('error', () => undefined); // e.g. piped into head

/** Ctrl-C: no file is written (only FILE.partial, removed); stop a cluster we started. */
function releaseOnSignal(release: () => Promise<void>, partial: string): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`[db:backup] interrupted (${signal}): no backup written\n`);
      rmSync(partial, { force: true });
      void release().finally(() => process.exit(130));
    });
  }
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const unknown = process.argv.slice(2).filter((arg, index, all) => arg !== '--out' && all[index - 1] !== '--out');
  if (unknown.length || (process.argv.includes('--out') && !option('out'))) {
    process.stderr.write('usage: npm run db:backup [-- --out FILE]\n');
    process.exitCode = 2;
    return;
  }
  // npm runs scripts from the repository root; a relative --out means relative to where the user typed it.
  const cwd = process.env['INIT_CWD'] ?? process.cwd();
  const out = option('out');
  const file = out ? path.resolve(cwd, out) : defaultBackupFile(path.join(ROOT, 'backups'));
  const resolved = await platformTargets({ root: ROOT, log: say });
  releaseOnSignal(resolved.release, `${file}.partial`);
  try {
    say(`backing up ${resolved.description}`);
    const result = await backup({ targets: resolved.targets, file, log: say });
    const tables = result.manifest.entries.reduce((sum, entry) => sum + Object.keys(entry.tables).length, 0);
    const rows = result.manifest.entries.reduce(
      (sum, entry) => sum + Object.values(entry.tables).reduce((total, table) => total + table.rows, 0),
      0,
    );
    say(
      `wrote ${path.relative(cwd, result.file) || result.file}: ${tables} tables, ${rows} rows, PostgreSQL ${result.manifest.serverVersion}, in ${result.seconds.toFixed(1)} s`,
    );
  } finally {
    await resolved.release();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[db:backup] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
