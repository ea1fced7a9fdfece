/**
 * Tables every subgraph keeps the same way in its own schema (created by the kit's migrations): the
 * idempotency keys of mutations and the append-only audit log. Only the kit reads and writes them;
 * their descriptors complete CAMPAIGNS_TABLES.
 */
import { defineTable, type TableDescriptor } from '@tdkt/subgraph-kit';

export const IDEMPOTENCY_KEY_TABLE: TableDescriptor = defineTable('campaigns', 'idempotency_key', [
  'subject',
  'key',
  'request_hash',
  'response',
  'created_at',
  'completed_at',
]);

/** `id` is GENERATED ALWAYS AS IDENTITY: the database numbers the entries, so it is not listed. */
export const AUDIT_LOG_TABLE: TableDescriptor = defineTable('campaigns', 'audit_log', [
  'at',
  'request_id',
  'actor_subject',
  'actor_role',
  'actor_organization_code',
  'operation',
  'entity_type',
  'entity_id',
  'before',
  'after',
]);
