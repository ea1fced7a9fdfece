/**
 * npm run seed:scale -- --preset national|small|tiny [--restart] [--keep-indexes] [--json]
 *
 * Loads a deterministic national-scale dataset (organizations, persons with ratings, blocs, pledges,
 * grants, nominations) into the databases `npm start` uses: the embedded cluster in TDKT_DATA_DIR
 * (started for the duration if `npm start` is not running) or DATABASE_URL / <SUBGRAPH>_DATABASE_URL.
 * Progress goes to stderr; the report (time, rows/s per step and table, sizes) to stdout. Interrupted,
 * it resumes where it stopped when run again; `--restart` removes the generated rows and starts over.
 */
import path from 'node:path';
import { formatReport, PRESETS, seedScale, stderrProgress } from './seed-scale/index.js';

const ROOT = path.resolve(__dirname, '..', '..');
const USAGE = `usage: npm run seed:scale -- --preset ${Object.keys(PRESETS).join('|')} [--restart] [--keep-indexes] [--json]

  --preset        national: ~51,000 organizations, 2,000,000 persons, ~10,000,000 grants, 1,000 blocs,
                  ~1,000,000 nominations; small: ~2,000 / 20,000 / ~100,000 / 40; tiny: for tests
  --restart       remove the generated rows (only those) and load again
  --keep-indexes  keep indexes and keys during the load (slower; to compare with the default)
  --json          print the report as JSON
`;

function main(): Promise<void> | void {
  const args = process.argv.slice(2);
  const preset = args[args.indexOf('--preset') + 1];
  const known = new Set(['--preset', '--restart', '--keep-indexes', '--json', '--help', '-h']);
  const unknown = args.filter((arg, index) => !known.has(arg) && args[index - 1] !== '--preset');
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (!args.includes('--preset') || !preset || !(preset in PRESETS) || unknown.length) {
    process.stderr.write(USAGE);
    process.exitCode = 2;
    return;
  }
  const say = (line: string) => process.stderr.write(`[seed:scale] ${line}\n`);
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (controller.signal.aborted) process.exit(130); // a second Ctrl-C: leave now
      say(`${signal}: stopping; the chunk in progress is rolled back, run the same command again to resume`);
      controller.abort();
    });
  }
  return seedScale({
    preset: preset as keyof typeof PRESETS,
    restart: args.includes('--restart'),
    keepIndexes: args.includes('--keep-indexes'),
    root: ROOT,
    onProgress: stderrProgress(),
    log: say,
    signal: controller.signal,
  }).then((report) => {
    process.stdout.write(
      args.includes('--json') ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`,
    );
  });
}

Promise.resolve()
  .then(main)
  .catch((error: unknown) => {
    process.stderr.write(`\n[seed:scale] failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
