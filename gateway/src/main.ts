/** The gateway process: configuration from the environment and the manifest, listen, a graceful stop. */
import type { Server } from 'node:http';
import { closeHttpServer, exitProcess, forceExitAfter, logFunctions, watchProcessShutdown } from '@tdkt/platform';
import { createGatewayApp } from './gateway.js';
import { callerVerifierFromEnv, internalSignerFromEnv, readConfig } from './config.js';
import { devSigningKeyFromEnv } from './dashboard.js';
import { logger } from './metrics.js';

const log = logFunctions(logger);

async function main(): Promise<void> {
  const shutdown = watchProcessShutdown();
  const config = readConfig();
  const { app, apollo } = await createGatewayApp({
    supergraphSdl: config.supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    callerVerifier: await callerVerifierFromEnv(),
    internalSigner: await internalSignerFromEnv(),
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    subgraphTimeouts: config.subgraphTimeouts,
    rateLimits: config.rateLimits,
    limits: config.limits,
    server: config.server,
    corsOrigins: config.corsOrigins,
    production: config.production,
    publicCache: config.publicCache,
    devSigningKey: await devSigningKeyFromEnv(),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
  log.info('gateway listening', { url: `http://${host}:${config.port}/graphql` });

  shutdown.onStop(async (signal) => {
    log.info('stopping', { signal });
    forceExitAfter();
    await closeHttpServer(server);
    await apollo.stop();
    exitProcess(0);
  });
}

main().catch((error: unknown) => {
  log.error('failed to start', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
