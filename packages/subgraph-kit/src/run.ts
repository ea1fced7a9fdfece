/**
 * `main()` of a subgraph process: configuration from the environment, a database that may not be up
 * yet (wait and retry, never crash), migrations, seed, listen on loopback, and a graceful stop.
 */
import type { Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { BaseContext } from '@apollo/server';
import { createInternalVerifier, jwkFromEnv } from '@tdkt/identity';
import { databaseUrlFor, migrate, type Database } from './database.js';
import { log } from './log.js';
import type { SubgraphApp } from './server.js';

export interface SubgraphProcess<TContext extends BaseContext> {
  name: string;
  schema: string;
  defaultPort: number;
  createDatabase(url: string): Database;
  /** Idempotent reference (and optionally demo) data, run after migrations. */
  seed?(database: Database, options: { demo: boolean }): Promise<void>;
  createApp(database: Database, verifier: Awaited<ReturnType<typeof createInternalVerifier>>): Promise<SubgraphApp<TContext>>;
}

/** Wrong password, unknown database, missing role: waiting will not fix these. */
const PERMANENT = new Set(['28P01', '28000', '3D000']);

async function connectWithRetry(database: Database, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await database.dataSource.initialize();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code && PERMANENT.has(code)) throw new Error(`cannot use the database: ${(error as Error).message}`);
      const wait = Math.min(5000, 250 * 2 ** Math.min(attempt, 5));
      log.warn('database not reachable yet; retrying', { subgraph: name, attempt, retryInMs: wait, error: error instanceof Error ? error.message : String(error) });
      await delay(wait);
    }
  }
}

/** Started by `npm start` with an IPC channel: exit when the supervisor goes away, even mid-start. */
export function exitWithSupervisor(onExit: () => void): void {
  if (!process.send) return;
  if (!process.connected) process.exit(1);
  process.once('disconnect', onExit);
}

export async function runSubgraph<TContext extends BaseContext>(definition: SubgraphProcess<TContext>): Promise<void> {
  const env = process.env;
  let stopNow: (() => void) | undefined;
  exitWithSupervisor(() => (stopNow ? stopNow() : process.exit(1)));
  const url = databaseUrlFor(definition.name, env);
  if (!url) throw new Error(`Set DATABASE_URL or ${definition.name.toUpperCase()}_DATABASE_URL (npm start sets it for the embedded database)`);
  const port = Number(env[`${definition.name.toUpperCase()}_PORT`] ?? definition.defaultPort);
  const host = env['SUBGRAPH_HOST'] ?? '127.0.0.1';
  const verifier = await createInternalVerifier(jwkFromEnv('TDKT_INTERNAL_PUBLIC_KEY', env));

  const database = definition.createDatabase(url);
  await connectWithRetry(database, definition.name);
  const ran = await migrate(database, definition.schema);
  if (ran.length) log.info('migrations applied', { subgraph: definition.name, migrations: ran });
  if (definition.seed) await definition.seed(database, { demo: env['SEED_DEMO'] !== 'false' });

  const { app, apollo } = await definition.createApp(database, verifier);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening));
    listening.once('error', reject);
  });
  server.keepAliveTimeout = 65_000; // longer than the gateway's idle socket timeout
  log.info('subgraph listening', { subgraph: definition.name, url: `http://${host}:${port}/graphql` });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping', { subgraph: definition.name, signal });
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    const began = Date.now();
    // Stop accepting; let in-flight requests finish; drop keep-alive sockets as soon as they go idle
    // (otherwise an idle client connection keeps close() waiting until the force-exit timer).
    await new Promise<void>((resolve) => {
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      server.close(() => {
        clearInterval(sweep);
        resolve();
      });
      server.closeIdleConnections();
    });
    await apollo.stop();
    await database.dataSource.destroy();
    log.info('stopped', { subgraph: definition.name, ms: Date.now() - began });
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  stopNow = () => void stop('supervisor exited');
  if (process.send && !process.connected) stopNow();
}

/** Runs `main` and exits non-zero with a readable message on a start-up failure. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    log.error('failed to start', { error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
    process.exit(1);
  });
}
