/**
 * A lock file naming the process that holds something (a data directory, its PostgreSQL): the file
 * holds the pid alone, so every reader can parse it. The holder is alive when that pid runs and
 * started before the file was written; a pid reused by a later process is not the holder.
 */
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** /proc's clock ticks per second (USER_HZ, fixed at 100 in Linux's ABI). */
const USER_HZ = 100;
/** The file's mtime and the process's start time come from different clocks' rounding. */
const CLOCK_MARGIN_MS = 2_000;

let bootTimeMs: number | undefined;

/** When a process started (ms since the epoch), from /proc; undefined where there is no /proc. */
export function processStartedAt(pid: number): number | undefined {
  try {
    bootTimeMs ??= Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]) * 1000;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces and parentheses): state is field 3, starttime 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return bootTimeMs + (Number(fields[19]) / USER_HZ) * 1000;
  } catch {
    return undefined;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'; // a zombie holds nothing
  } catch {
    return true; // no /proc: trust the signal
  }
}

/** The command line of a process, for messages ('' when unknown). */
export function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
  } catch {
    return '';
  }
}

/** The live process holding `file`, or undefined when nobody does (no file, a dead or reused pid). */
export function lockHolder(file: string): number | undefined {
  let pid: number;
  let writtenAt: number;
  try {
    pid = Number(readFileSync(file, 'utf8').trim().split('\n')[0]);
    writtenAt = statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !running(pid)) return undefined;
  const startedAt = processStartedAt(pid);
  if (startedAt !== undefined && startedAt > writtenAt + CLOCK_MARGIN_MS) return undefined; // pid reused
  return pid;
}

export class LockHeldError extends Error {
  constructor(
    readonly file: string,
    readonly holder: number,
  ) {
    super(`${file} is held by the running process ${holder}${commandOf(holder) ? ` (${commandOf(holder)})` : ''}`);
    this.name = 'LockHeldError';
  }
}

/**
 * Takes `file` for this process, or throws LockHeldError naming the live holder. A file left by a
 * dead process is replaced. Returns the release function (which removes the file only if it is ours).
 */
export function acquireProcessLock(file: string): () => void {
  const release = () => {
    try {
      if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = lockHolder(file);
    if (holder === process.pid) return release;
    if (holder !== undefined) throw new LockHeldError(file, holder);
    rmSync(file, { force: true }); // left by a process that is gone
  }
  throw new Error(`could not take ${file}: another process keeps replacing it`);
}
