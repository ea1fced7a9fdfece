import type { Server } from 'node:http';
import { createGatewayApp } from './gateway.js';
import { callerVerifierFromEnv, internalSignerFromEnv, readConfig } from './config.js';
import { devSigningKeyFromEnv } from './dashboard.js';

function log(level: string, msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, service: 'gateway', ...fields })}\n`);
}

async function main(): Promise<void> {
  let stopNow: (() => void) | undefined;
  // Started by `npm start` with an IPC channel: exit when the supervisor goes away, even mid-start.
  if (process.send) {
    if (!process.connected) process.exit(1);
    process.once('disconnect', () => (stopNow ? stopNow() : process.exit(1)));
  }
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
    corsOrigins: config.corsOrigins,
    production: config.production,
    devSigningKey: await devSigningKeyFromEnv(),
  });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  log('info', 'gateway listening', { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/graphql` });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    setTimeout(() => process.exit(1), 10_000).unref();
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
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  stopNow = () => void stop('supervisor exited');
  if (process.send && !process.connected) stopNow();
}

main().catch((error: unknown) => {
  log('error', 'failed to start', { error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
