/**
 * `main()` of a subgraph process: configuration from the environment and the platform manifest, a
 * database that may not be up yet (wait and retry, never crash), migrations, seed, listen on loopback,
 * and a graceful stop.
 */
import type { Server } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { BaseContext } from '@apollo/server';
import { createInternalVerifier, jwkFromEnv } from '@tdkt/identity';
import {
  closeHttpServer,
  exitProcess,
  forceExitAfter,
  settingName,
  subgraphEntry,
  subgraphPort,
  subgraphUrl,
  watchProcessShutdown,
} from '@tdkt/platform';
import { databaseUrlFor, migrate, type Database } from './database.js';
import type { PeerUrls, SubgraphDefinition } from './definition.js';
import { log } from './log.js';

export { exitWithSupervisor } from '@tdkt/platform';

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
      log.warn('database not reachable yet; retrying', {
        subgraph: name,
        attempt,
        retryInMs: wait,
        error: error instanceof Error ? error.message : String(error),
      });
      await delay(wait);
    }
  }
}

/** The URLs of the subgraphs a subgraph calls, as the manifest lists them (`<NAME>_URL` / `<NAME>_PORT` override). */
export function peerUrlsFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): PeerUrls {
  return Object.fromEntries(subgraphEntry(name).calls.map((peer) => [peer, subgraphUrl(subgraphEntry(peer), env)]));
}

/**
 * Runs a subgraph process: `runSubgraph(definition)` takes its port and its peers' URLs from the
 * platform manifest and the environment.
 */
export async function runSubgraph<TContext extends BaseContext>(
  definition: SubgraphDefinition<TContext>,
): Promise<void> {
  const shutdown = watchProcessShutdown();
  const env = process.env;
  const name = definition.name;
  const url = databaseUrlFor(name, env);
  if (!url) {
    throw new Error(
      `Set DATABASE_URL or ${settingName(name, 'DATABASE_URL')} (npm start sets it for the embedded database)`,
    );
  }
  const port = subgraphPort(subgraphEntry(name), env);
  const peers = peerUrlsFromEnv(name, env);
  const host = env['SUBGRAPH_HOST'] ?? '127.0.0.1';
  const verifier = await createInternalVerifier(jwkFromEnv('TDKT_INTERNAL_PUBLIC_KEY', env));

  const database = definition.createDatabase(url);
  await connectWithRetry(database, name);
  const ran = await migrate(database, definition.databaseSchema);
  if (ran.length) log.info('migrations applied', { subgraph: name, migrations: ran });
  if (definition.seed) await definition.seed(database, { demo: env['SEED_DEMO'] !== 'false' });

  const { app, apollo } = await definition.createApp(database, verifier, peers);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(port, host, () => resolve(listening));
    listening.once('error', reject);
  });
  server.keepAliveTimeout = Number(env['SUBGRAPH_KEEP_ALIVE_TIMEOUT_MS'] || 75_000); // above callers' and balancers' idle timeouts (60 s)
  log.info('subgraph listening', { subgraph: name, url: `http://${host}:${port}/graphql` });

  shutdown.onStop(async (signal) => {
    log.info('stopping', { subgraph: name, signal });
    forceExitAfter();
    const began = Date.now();
    await closeHttpServer(server);
    await apollo.stop();
    await database.dataSource.destroy();
    log.info('stopped', { subgraph: name, ms: Date.now() - began });
    exitProcess(0);
  });
}

/** Runs `main` and exits non-zero with a readable message on a start-up failure. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    log.error('failed to start', {
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    process.exit(1);
  });
}
