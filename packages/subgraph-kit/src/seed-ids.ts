/**
 * Stable UUIDs for seeded rows. Reference organizations and blocs get the id
 * `seedUuid('organization', code)` / `seedUuid('bloc', code)` in the organizations subgraph, so other
 * subgraphs can seed rows that point at them without asking (no cross-database foreign keys).
 */
import { createHash } from 'node:crypto';

export function seedUuid(...parts: string[]): string {
  const hex = createHash('sha256')
    .update(`tdkt-seed:${parts.join('|')}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const referenceOrganizationId = (code: string): string => seedUuid('organization', code);
export const referenceBlocId = (code: string): string => seedUuid('bloc', code);
