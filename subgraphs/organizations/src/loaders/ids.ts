import { isUuid } from '@tdkt/subgraph-kit';

export { isUuid };

/** Postgres compares uuids case-insensitively; JavaScript maps do not. Load by the canonical form. */
export const canonicalId = (value: string): string => value.toLowerCase();
