import 'reflect-metadata';

export * from './errors.js';
export * from './text.js';
export * from './scalars.js';
export * from './pagination.js';
export * from './federation.js';
export * from './guards.js';
export * from './database.js';
export * from './context.js';
export * from './server.js';
export * from './run.js';
export { log, setLogDestination } from './log.js';
export {
  createSubgraphObservability,
  outcomeOf,
  poolOf,
  type Outcome,
  type PoolStats,
  type SubgraphObservability,
  type SubgraphObservabilityOptions,
} from './metrics.js';
export * from './subgraph-client.js';
export * from './seed-ids.js';
export * from './organizations-directory.js';
export * from './idempotency.js';
export * from './audit.js';
export * from './deadline.js';
export * from './ranges.js';
export * from './vietnam-time.js';
export * from './loader-helpers.js';
export * from './audit-schema.js';
export * from './store.js';
export * from './access.js';
export * from './migrations.js';
export * from './definition.js';
export * from './change-log-copy.js';
