/**
 * The audit log: every mutation writes exactly one row, in its own transaction, saying who (subject,
 * role, organization), what (operation, entity, before/after) and when, with the request id.
 *
 * Append-only twice over:
 * - a trigger refuses UPDATE, DELETE and TRUNCATE of `audit_log` for every role;
 * - at run time the subgraphs do not work as the login role that owns the tables but as
 *   `tdkt_app` (see `useApplicationRole`), which may only INSERT and SELECT audit rows and, not being
 *   the owner, cannot disable the trigger either. Where the login role may not create roles (some
 *   managed databases), the trigger alone protects the rows and a warning says so.
 *
 * Mutations use `auditedTransaction(...)` instead of `db.transaction(...)`: it fails the transaction
 * (and so the mutation) if the work did not record exactly one entry, so a new mutation cannot forget.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from './context.js';
import { applyWriteDeadline, assertMayCommit } from './deadline.js';
import { log } from './log.js';

export const APPLICATION_ROLE = 'tdkt_app';

export interface AuditRecord {
  /** The entity the operation changed (a GraphQL type name), e.g. `Pledge`. */
  entityType: string;
  entityId: string | null;
  /** The entity before the change (null when it is created). */
  before: unknown;
  /** The entity after the change (null when it is removed). */
  after: unknown;
}

export class AuditRecorder {
  private recorded = 0;

  constructor(
    private readonly manager: EntityManager,
    private readonly context: RequestContext,
    readonly operation: string,
  ) {}

  get entries(): number {
    return this.recorded;
  }

  /**
   * A row as JSON (`to_jsonb`), or null. `table` is always a constant of our own code, never input.
   * Pass `where`/`params` for rows identified otherwise than by `id`; several rows come back as an array.
   */
  async snapshot(
    table: string,
    id: string | null,
    where?: { sql: string; params: unknown[]; many?: boolean },
  ): Promise<unknown> {
    if (!where) {
      if (!id) return null;
      const rows: { row: unknown }[] = await this.manager.query(
        `SELECT to_jsonb(t) AS row FROM ${table} t WHERE t.id = $1`,
        [id],
      );
      return rows[0]?.row ?? null;
    }
    if (where.many) {
      const rows: { rows: unknown }[] = await this.manager.query(
        `SELECT coalesce(jsonb_agg(to_jsonb(s)), '[]'::jsonb) AS rows FROM (SELECT t.* FROM ${table} t WHERE ${where.sql}) s`,
        where.params,
      );
      return rows[0]?.rows ?? [];
    }
    const rows: { row: unknown }[] = await this.manager.query(
      `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${where.sql} LIMIT 1`,
      where.params,
    );
    return rows[0]?.row ?? null;
  }

  async record(entry: AuditRecord): Promise<void> {
    await this.insert(entry.entityType, entry.entityId, entry.before, `$9::jsonb`, [json(entry.after)]);
  }

  /**
   * Records the change of one row, reading its "after" image in the same statement:
   * `before` is what `snapshot(table, id)` returned before the change (null for a creation).
   */
  async recordRow(entityType: string, table: string, id: string, before: unknown = null): Promise<void> {
    await this.insert(entityType, id, before, `(SELECT to_jsonb(t) FROM ${table} t WHERE t.id = $9)`, [id]);
  }

  private async insert(
    entityType: string,
    entityId: string | null,
    before: unknown,
    afterSql: string,
    afterParams: unknown[],
  ): Promise<void> {
    if (this.recorded > 0) throw new Error(`audit: ${this.operation} recorded twice`);
    const { caller, requestId } = this.context;
    await this.manager.query(
      `INSERT INTO audit_log (request_id, actor_subject, actor_role, actor_organization_code, operation, entity_type, entity_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, ${afterSql})`,
      [
        requestId || null,
        caller.subject ?? '(unknown)',
        caller.role ?? '(public)',
        caller.org,
        this.operation,
        entityType,
        entityId,
        json(before),
        ...afterParams,
      ],
    );
    this.recorded += 1;
  }
}

/**
 * `db.transaction` for a mutation: the work must record exactly one audit entry, or nothing is kept.
 * It runs within the request's deadline (deadline.ts): lock waits and statements end before the
 * caller stops waiting, and it does not commit once the caller is gone or the deadline has passed.
 */
export async function auditedTransaction<T>(
  db: DataSource,
  context: RequestContext,
  operation: string,
  work: (manager: EntityManager, audit: AuditRecorder) => Promise<T>,
): Promise<T> {
  return db.transaction(async (manager) => {
    await applyWriteDeadline(manager);
    const audit = new AuditRecorder(manager, context, operation);
    const result = await work(manager, audit);
    if (audit.entries !== 1) throw new Error(`audit: ${operation} finished without an audit entry`);
    assertMayCommit();
    return result;
  });
}

/**
 * The migration that creates `<schema>.audit_log`, the append-only trigger and the application role
 * with its grants (idempotent; safe when several subgraphs share one cluster or one database).
 */
export function auditLogMigration(schema: string): string[] {
  return [
    `CREATE TABLE ${schema}.audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT clock_timestamp(),
      request_id text,
      actor_subject text NOT NULL,
      actor_role text NOT NULL,
      actor_organization_code text,
      operation text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      before jsonb,
      after jsonb
    )`,
    `CREATE INDEX audit_log_at ON ${schema}.audit_log (at DESC, id DESC)`,
    `CREATE INDEX audit_log_entity ON ${schema}.audit_log (entity_type, entity_id, at DESC)`,
    `CREATE INDEX audit_log_operation ON ${schema}.audit_log (operation, at DESC)`,
    `CREATE INDEX audit_log_actor ON ${schema}.audit_log (actor_subject, at DESC)`,
    `CREATE INDEX audit_log_request ON ${schema}.audit_log (request_id)`,
    `CREATE FUNCTION ${schema}.audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
     END $$`,
    `CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON ${schema}.audit_log
       FOR EACH ROW EXECUTE FUNCTION ${schema}.audit_log_is_append_only()`,
    `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${schema}.audit_log
       FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.audit_log_is_append_only()`,
    // The application role: cluster-wide, created once (concurrent migrations of other databases may race).
    `DO $$
     BEGIN
       IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}')
          AND (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
         BEGIN
           CREATE ROLE ${APPLICATION_ROLE} NOLOGIN;
         EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
         END;
       END IF;
       IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APPLICATION_ROLE}') THEN
         IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AND NOT pg_has_role(current_user, '${APPLICATION_ROLE}', 'MEMBER') THEN
           EXECUTE format('GRANT ${APPLICATION_ROLE} TO %I', current_user);
         END IF;
         GRANT USAGE ON SCHEMA ${schema} TO ${APPLICATION_ROLE};
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${APPLICATION_ROLE};
         GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${APPLICATION_ROLE};
         ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APPLICATION_ROLE};
         ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${APPLICATION_ROLE};
         REVOKE UPDATE, DELETE, TRUNCATE ON ${schema}.audit_log FROM ${APPLICATION_ROLE};
       END IF;
     END $$`,
  ];
}

/**
 * After migrations: reconnect the pool as the application role (`-c role=tdkt_app`), so a bug or an
 * injected statement cannot change the schema or the audit log. No-op when the role does not exist or
 * the login role may not use it (the trigger still guards the audit log).
 */
export async function useApplicationRole(db: DataSource, subgraph: string): Promise<boolean> {
  const extra = (db.options as { extra?: { options?: string } }).extra ?? {};
  if (extra.options?.includes(`role=${APPLICATION_ROLE}`)) return true;
  const [usable] = (await db
    .query(
      `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AND pg_has_role(current_user, $1, 'MEMBER') AS ok`,
      [APPLICATION_ROLE],
    )
    .catch(() => [{ ok: false }])) as { ok: boolean }[];
  if (!usable?.ok) {
    log.warn(
      'application role not available; the subgraph runs as the login role (the audit log stays append-only by trigger)',
      { subgraph, role: APPLICATION_ROLE },
    );
    return false;
  }
  await db.destroy();
  db.setOptions({ extra: { ...extra, options: `${extra.options ?? ''} -c role=${APPLICATION_ROLE}`.trim() } });
  await db.initialize();
  return true;
}

function json(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
