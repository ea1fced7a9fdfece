import type { MigrationInterface } from 'typeorm';

/** Committed migrations of the campaigns subgraph, in order. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [];
