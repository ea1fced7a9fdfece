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
