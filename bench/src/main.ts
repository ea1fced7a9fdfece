/**
 * npm run bench -- [--dataset seed|small|national] [--connections 20] [--duration 15] [--warmup 5]
 *                  [--data-dir DIR] [--only BlocBoard,PersonRecord] [--no-direct] [--no-mixed]
 *                  [--out-dir bench/results] [--log-level warn] [--cpu-prof]
 *                  [--node-flag FLAG]… [--env NAME=VALUE]… [--root OTHER_CHECKOUT] [--node PATH]…
 *                  [--board-connections 10,20] [--board-sizes 3,20,30] [--no-boards] [--no-board-sequential]
 *
 * --node-flag, --env and --root are for A/B runs: a V8 flag, a setting, or a change built in another
 * checkout, measured against the same data and the same load. --node runs the platform's processes on
 * another Node binary (memory and CPU per version); the bench itself stays on its own. Given more than
 * once (`--node self --node node_modules/node22/bin/node`), the whole run is made once per Node, one
 * after the other, and the peak memory of every process is shown side by side at the end.
 *
 * Starts the platform on the dataset (its own ports), drives each contract query and a mixed
 * read/write workload through the gateway, and the same root sub-queries straight to their subgraph;
 * prints a markdown table and writes bench/results/<time>-<dataset>.{json,md}.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderMarkdown, renderMemoryByNode } from './report.js';
import { renderProfiles, summarizeProfiles } from './profile.js';
import { runBench, type BenchResult, type Dataset } from './run.js';
import { ROOT } from './stack.js';

const USAGE = `Usage: npm run bench -- [--dataset seed|small|national] [--connections 20] [--duration 15] [--warmup 5]
       [--data-dir DIR] [--only NAME,…] [--no-direct] [--no-mixed] [--out-dir bench/results] [--log-level warn]
       [--cpu-prof] [--node-flag FLAG]… [--env NAME=VALUE]… [--root OTHER_CHECKOUT] [--node PATH|self]…
       [--board-connections 10,20] [--board-sizes 3,20,30] [--no-boards] [--no-board-sequential]`;

function say(message: string): void {
  process.stdout.write(`[bench] ${message}\n`);
}

interface Arguments {
  dataset: Dataset;
  connections: number;
  duration: number;
  warmup: number;
  dataDir: string | undefined;
  only: string[];
  direct: boolean;
  mixed: boolean;
  outDir: string;
  logLevel: string;
  cpuProf: boolean;
  nodeFlags: string[];
  env: Record<string, string>;
  root: string | undefined;
  /** --node, once or more (`self`: the bench's own Node): the run once per Node. */
  nodePaths: string[];
  boards: boolean;
  boardConnections: number[];
  boardSizes: [number, number, number];
  boardSequential: boolean;
}

function parseArguments(argv: string[]): Arguments {
  const args: Arguments = {
    dataset: 'seed',
    connections: 20,
    duration: 15,
    warmup: 5,
    dataDir: undefined,
    only: [],
    direct: true,
    mixed: true,
    outDir: path.join(ROOT, 'bench', 'results'),
    logLevel: 'warn',
    cpuProf: false,
    nodeFlags: [],
    env: {},
    root: undefined,
    nodePaths: [],
    boards: true,
    boardConnections: [10, 20],
    boardSizes: [3, 20, 30],
    boardSequential: true,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return next;
    };
    const number = () => {
      const parsed = Number(value());
      if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${flag} needs a number\n${USAGE}`);
      return parsed;
    };
    switch (flag) {
      case '--dataset': {
        const dataset = value();
        if (dataset !== 'seed' && dataset !== 'small' && dataset !== 'national')
          throw new Error(`--dataset is seed, small or national\n${USAGE}`);
        args.dataset = dataset;
        break;
      }
      case '--connections':
        args.connections = Math.max(1, Math.floor(number()));
        break;
      case '--duration':
        args.duration = number();
        break;
      case '--warmup':
        args.warmup = number();
        break;
      case '--data-dir':
        args.dataDir = value();
        break;
      case '--only':
        args.only = value()
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean);
        break;
      case '--no-direct':
        args.direct = false;
        break;
      case '--no-mixed':
        args.mixed = false;
        break;
      case '--out-dir':
        args.outDir = path.resolve(value());
        break;
      case '--log-level':
        args.logLevel = value();
        break;
      case '--cpu-prof':
        args.cpuProf = true;
        break;
      case '--node-flag': {
        // The value is itself a flag (--max-semi-space-size=32).
        const flagValue = argv[++index];
        if (!flagValue) throw new Error(`--node-flag needs a value\n${USAGE}`);
        args.nodeFlags.push(flagValue);
        break;
      }
      case '--env': {
        const [name, ...rest] = value().split('=');
        if (!name || rest.length === 0) throw new Error(`--env takes NAME=VALUE\n${USAGE}`);
        args.env[name] = rest.join('=');
        break;
      }
      case '--root':
        args.root = path.resolve(value());
        break;
      case '--node': {
        const given = value();
        const nodePath = given === 'self' ? given : path.resolve(given);
        if (nodePath !== 'self' && !existsSync(nodePath))
          throw new Error(`--node: ${nodePath} does not exist\n${USAGE}`);
        args.nodePaths.push(nodePath);
        break;
      }
      case '--board-sizes': {
        const sizes = value()
          .split(',')
          .map((entry) => Math.floor(Number(entry.trim())));
        if (sizes.length !== 3 || new Set(sizes).size !== 3 || sizes.some((size) => !(size >= 2 && size <= 50)))
          throw new Error(`--board-sizes takes three different sizes (2–50): small,main,large, e.g. 3,20,30\n${USAGE}`);
        args.boardSizes = sizes as [number, number, number];
        break;
      }
      case '--no-boards':
        args.boards = false;
        break;
      case '--no-board-sequential':
        args.boardSequential = false;
        break;
      case '--board-connections': {
        const counts = value()
          .split(',')
          .map((entry) => Math.floor(Number(entry.trim())));
        if (!counts.length || counts.some((count) => !Number.isFinite(count) || count < 1))
          throw new Error(`--board-connections takes counts such as 10,20\n${USAGE}`);
        args.boardConnections = counts;
        break;
      }
      case '--help':
      case '-h':
        process.stdout.write(`${USAGE}\n`);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option ${flag}\n${USAGE}`);
    }
  }
  return args;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** `--node self` is the bench's own Node (to compare it with another in one run). */
function resolveNode(value: string): string {
  return value === 'self' ? process.execPath : value;
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  mkdirSync(args.outDir, { recursive: true });
  const started = stamp(new Date());
  // Several --node: the whole run once per Node, one after the other (never side by side: they would
  // share the 2 cores), each with its own files, then the peaks of every process side by side.
  const nodes = args.nodePaths.length ? args.nodePaths.map(resolveNode) : [undefined];
  const results: BenchResult[] = [];
  for (const nodePath of nodes) {
    const base = path.join(
      args.outDir,
      `${started}-${args.dataset}${nodes.length > 1 ? `-node${nodeMajor(nodePath!)}` : ''}`,
    );
    const result = await runOnce(args, base, nodePath);
    results.push(result);
    if (result.errors > 0) {
      process.stderr.write(
        `\n[bench] !! ${result.errors} requests answered with an error (see the samples above); the numbers are not valid.\n`,
      );
      process.exitCode = 1;
    }
  }
  if (results.length > 1) {
    const markdown = renderMemoryByNode(results);
    const file = path.join(args.outDir, `${started}-${args.dataset}-nodes.md`);
    writeFileSync(file, markdown);
    process.stdout.write(`\n${markdown}\n`);
    say(`written: ${path.relative(process.cwd(), file)}`);
  }
}

/** The major version of a Node binary, for file names (`v22.23.5` → 22). */
function nodeMajor(nodePath: string): string {
  return /^v(\d+)/.exec(execFileSync(nodePath, ['--version'], { encoding: 'utf8' }).trim())?.[1] ?? 'x';
}

async function runOnce(args: Arguments, base: string, nodePath: string | undefined): Promise<BenchResult> {
  // The seed dataset is the reference and demo data every start creates: a throwaway cluster, so the
  // bench never touches (or waits for) the data of a running `npm start`. The scale datasets are
  // loaded once by `npm run seed:scale` into the data directory and reused.
  let dataDir =
    args.dataDir ?? (args.dataset === 'seed' ? undefined : (process.env['TDKT_DATA_DIR'] ?? path.join(ROOT, '.data')));
  let throwaway: string | undefined;
  if (!dataDir) {
    throwaway = mkdtempSync(path.join(tmpdir(), 'tdkt-bench-'));
    chmodSync(throwaway, 0o755); // Postgres runs as the postgres user when we are root
    dataDir = throwaway;
  }

  const profileDir = args.cpuProf ? `${base}.tmp/profiles` : undefined;
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  let pids: Record<string, number> = {};
  say(
    `dataset ${args.dataset}, ${args.connections} connections, ${args.warmup} s warm-up + ${args.duration} s per row${nodePath ? `, platform on ${nodePath}` : ''}; processes' output: ${path.relative(process.cwd(), `${base}.tmp/logs`)}/`,
  );
  let result: BenchResult;
  try {
    result = await runBench({
      dataset: args.dataset,
      dataDir,
      connections: args.connections,
      warmupSeconds: args.warmup,
      durationSeconds: args.duration,
      logLevel: args.logLevel,
      logDir: `${base}.tmp/logs`,
      only: args.only,
      direct: args.direct,
      mixed: args.mixed,
      seedDemo: process.env['SEED_DEMO'] !== 'false', // as npm start and seed:scale do
      cleanUp: !throwaway,
      nodeFlags: [...args.nodeFlags, ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      env: args.env,
      root: args.root,
      ...(nodePath ? { nodePath } : {}),
      boards: args.boards,
      boardConnections: args.boardConnections,
      boardSizes: args.boardSizes,
      boardSequential: args.boardSequential,
      say,
      onStarted: (started) => (pids = started),
    });
  } finally {
    if (throwaway) rmSync(throwaway, { recursive: true, force: true });
  }

  let markdown = renderMarkdown(result);
  if (profileDir) markdown += `\n${renderProfiles(summarizeProfiles(profileDir, pids))}`;
  writeFileSync(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(`${base}.md`, markdown);
  process.stdout.write(`\n${markdown}\n`);
  say(`written: ${path.relative(process.cwd(), `${base}.json`)}, ${path.relative(process.cwd(), `${base}.md`)}`);
  return result;
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
