/**
 * How a service process ends: on SIGTERM, SIGINT or the loss of its supervisor it stops accepting,
 * lets in-flight requests finish, releases what it holds, and exits; a timer forces the exit when
 * something hangs.
 */
import type { Server } from 'node:http';

/** Time a graceful stop may take before the process exits anyway (non-zero). */
export const FORCE_EXIT_MS = 10_000;

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

/** Exits with code 1 after `ms` unless the process ended before; never keeps it alive by itself. */
export function forceExitAfter(ms = FORCE_EXIT_MS): void {
  setTimeout(() => process.exit(1), ms).unref();
}

export interface ProcessShutdown {
  /**
   * Once the service runs: SIGTERM, SIGINT and the supervisor's exit call `stop` (once, with the
   * reason). Until then, losing the supervisor exits at once.
   */
  onStop(stop: (reason: string) => Promise<void>): void;
}

/** Call first in `main()`: it watches the supervisor from the very start. */
export function watchProcessShutdown(): ProcessShutdown {
  let stopNow: (() => void) | undefined;
  exitWithSupervisor(() => (stopNow ? stopNow() : process.exit(1)));
  return {
    onStop(stop) {
      let stopping = false;
      const once = (reason: string) => {
        if (stopping) return;
        stopping = true;
        void stop(reason);
      };
      process.on('SIGTERM', () => once('SIGTERM'));
      process.on('SIGINT', () => once('SIGINT'));
      stopNow = () => once('supervisor exited');
      if (process.send && !process.connected) stopNow();
    },
  };
}
