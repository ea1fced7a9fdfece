/**
 * Which Node.js runs the platform's processes (the subgraphs and the gateway).
 *
 * By default the one running the supervisor (`process.execPath`). Under npm scripts that is the Node
 * pinned in the root package.json, because npm puts node_modules/.bin first on PATH. `TDKT_NODE`
 * names another binary for the supervised processes only, for example
 * `node_modules/node22/bin/node` to run the platform on the other supported release line.
 */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

/** The oldest Node.js release line the platform supports (Node 20 reached its end of life in 2026-04). */
export const MIN_NODE_MAJOR = 22;

/**
 * The Node.js binary for the supervised processes: `TDKT_NODE` (a path, relative to `cwd`, or a name
 * looked up on PATH), else this process's own binary. A path that is not an executable file is
 * refused here, before anything starts: spawning it would only fail later without an exit code.
 */
export function nodeBinary(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const chosen = env['TDKT_NODE']?.trim();
  if (!chosen) return process.execPath;
  if (!chosen.includes('/')) return chosen;
  const resolved = path.resolve(cwd, chosen);
  try {
    accessSync(resolved, constants.X_OK);
    if (!statSync(resolved).isFile()) throw new Error('not a file');
  } catch {
    throw new Error(`TDKT_NODE=${chosen} is not an executable file (${resolved})`);
  }
  return resolved;
}

/**
 * V8 flags every supervised process starts with, unless the caller's flags or NODE_OPTIONS set the same
 * one.
 *
 * `--max-semi-space-size=16` is Node 20's young-generation limit: Node 22 and 24 size it from the
 * machine's memory (up to 64 MB a semi-space here), which measured +35–75 % peak RSS for the same work
 * and put the gateway and two subgraphs over their memory targets (gateway 432 MB, campaigns 412 MB,
 * organizations 334 MB in the bloc-board bench on Node 24.22; 350, 304 and 221 MB with the flag) for
 * about 5–10 % more CPU per request.
 *
 * `--max-old-space-size=1024`: what the processes keep alive is small (35–45 MB of heap after a full
 * collection in campaigns and the gateway, the same at the end of the bench as after start: no cache or
 * loader outlives its request), but V8 lets the old generation grow to several times that before it
 * collects it. Its growth factor depends on the heap limit (V8 heap-controller.cc, MaxGrowingFactor):
 * up to 4 when the limit is 2 GB or more, which V8 gives any process on a machine with 16 GB and more
 * (4 GB here), scaled from 1.3 (256 MB) to 2 (2 GB) below that; 1,024 MB makes it 1.6. In the
 * bloc-board bench (Node 24.22, `small`) campaigns' heap reached 208 MB with 43 MB alive, and the peaks
 * went from 322 / 316 MB (gateway, campaigns) to 209 / 193 MB, with no CPU per request measurably
 * added (a full collection of 40 MB every few seconds under load). A gigabyte is still 20 times what
 * they keep: a process that needs more is broken against its 300–400 MB target anyway.
 */
export const PLATFORM_V8_FLAGS: readonly string[] = ['--max-semi-space-size=16', '--max-old-space-size=1024'];

/** `execArgv` with the platform's default V8 flags first, except those already given (as flags or in NODE_OPTIONS). */
export function withPlatformFlags(
  execArgv: readonly string[],
  nodeOptions: string = process.env['NODE_OPTIONS'] ?? '',
): string[] {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].map((flag) => flag.split('=')[0]!.replace(/_/g, '-'));
  const defaults = PLATFORM_V8_FLAGS.filter((flag) => !given.includes(flag.split('=')[0]!));
  return [...defaults, ...execArgv];
}
