/**
 * How a service process ends: on SIGTERM, SIGINT or the loss of its supervisor it stops accepting,
 * lets in-flight requests finish, releases what it holds, and exits; a timer forces the exit when
 * something hangs.
 */
import type { Server } from 'node:http';
import { Worker } from 'node:worker_threads';

/** Time a graceful stop may take before the process exits anyway (non-zero). */
export const FORCE_EXIT_MS = 10_000;
/**
 * Time a service whose supervisor is gone has to stop: nobody waits for it, and every second it
 * lingers holds its memory and its database connections.
 */
export const ORPHAN_EXIT_MS = 3_000;
/** Time `process.exit` itself may take (its 'exit' handlers) before the process is killed. */
const EXIT_HANDLERS_MS = 1_000;

/**
 * Kills this process after `ms`, from a worker thread. A timer of the main thread cannot fire while
 * that thread is stuck in a synchronous loop: pino's exit handler flushes its buffered lines with
 * `fs.writeSync` and retries, forever, when stdout is a pipe to a supervisor that died (EPIPE).
 */
function killAfter(ms: number): void {
  const worker = new Worker(
    "const { workerData } = require('node:worker_threads');" +
      "setTimeout(() => process.kill(workerData.pid, 'SIGKILL'), workerData.ms);",
    { eval: true, workerData: { pid: process.pid, ms } },
  );
  worker.unref();
}

/**
 * Ends the process with `code`. A short pause first lets a log write in flight finish or fail (a
 * closed stdout is then recognised and no longer flushed at exit); the watchdog covers the rest.
 */
export function exitProcess(code: number): void {
  killAfter(EXIT_HANDLERS_MS + 100);
  setTimeout(() => process.exit(code), 100);
}

/**
 * Started by `npm start` (or the bench) with an IPC channel: run `onExit` when the supervisor goes
 * away, even by SIGKILL, and even mid-start. Without a channel this does nothing.
 */
export function exitWithSupervisor(onExit: () => void): void {
  if (!process.send) return;
  if (!process.connected) process.exit(1);
  process.once('disconnect', onExit);
}

/**
 * Stop accepting; let in-flight requests finish; drop keep-alive sockets as soon as they go idle
 * (otherwise an idle client connection keeps close() waiting until the force-exit timer).
 */
export function closeHttpServer(server: Server, sweepMs = 100): Promise<void> {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), sweepMs);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * Exits with code 1 after `ms` unless the process ended before, and kills it shortly after that if
 * even the exit hangs; never keeps it alive by itself.
 */
export function forceExitAfter(ms = FORCE_EXIT_MS): void {
  setTimeout(() => process.exit(1), ms).unref();
  killAfter(ms + EXIT_HANDLERS_MS);
}

export interface ProcessShutdown {
  /**
   * Once the service runs: SIGTERM, SIGINT and the supervisor's exit call `stop` (once, with the
   * reason); a second SIGTERM or SIGINT during the stop ends the process at once, and an orphan
   * (supervisor gone) is ended after ORPHAN_EXIT_MS whatever its stop is waiting for. Until then,
   * losing the supervisor exits at once.
   */
  onStop(stop: (reason: string) => Promise<void>): void;
}

/** Call first in `main()`: it watches the supervisor from the very start. */
export function watchProcessShutdown(): ProcessShutdown {
  let stopNow: (() => void) | undefined;
  exitWithSupervisor(() => {
    forceExitAfter(ORPHAN_EXIT_MS);
    if (stopNow) stopNow();
    else exitProcess(1);
  });
  return {
    onStop(stop) {
      let stopping = false;
      const once = (reason: string) => {
        if (stopping) {
          // The operator asked twice (or the supervisor gave up waiting): do not wait any longer.
          if (reason !== 'supervisor exited') exitProcess(1);
          return;
        }
        stopping = true;
        void stop(reason);
      };
      process.on('SIGTERM', () => once('SIGTERM'));
      process.on('SIGINT', () => once('SIGINT'));
      stopNow = () => once('supervisor exited');
      if (process.send && !process.connected) {
        forceExitAfter(ORPHAN_EXIT_MS);
        stopNow();
      }
    },
  };
}
