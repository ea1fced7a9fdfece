/**
 * Idempotency keys for mutations. A client that may retry (a dropped connection, a timeout) sends
 * `Idempotency-Key: <key>`; the gateway forwards it. The first request with a (caller, key) pair
 * reserves it before acting; when it succeeds its answer is stored and every retry gets that answer
 * without acting again. The same key with a different operation or variables is a CONFLICT. A retry
 * that arrives while the first is still running is a CONFLICT too (try again shortly): never two
 * executions. A failed request releases its key, so it can be retried for real.
 *
 * Each subgraph has the table `<schema>.idempotency_key (subject, key, request_hash, response,
 * created_at, completed_at)`, created by its own migration.
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors.js';
import type { RequestContext } from './context.js';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_FORMAT = /^[A-Za-z0-9._:-]{8,128}$/;

function requestHash(query: string | undefined, variables: unknown, operationName: string | null | undefined): string {
  return createHash('sha256')
    .update(JSON.stringify([query ?? '', variables ?? {}, operationName ?? null]))
    .digest('hex');
}

function errorResponse(code: ErrorCode, message: string) {
  return {
    http: { status: 200, headers: new Map() as never },
    body: { kind: 'single' as const, singleResult: { errors: [new GraphQLError(message, { extensions: { code } })] } },
  };
}

const conflictResponse = (message: string) => errorResponse(ErrorCode.CONFLICT, message);

export function idempotencyPlugin<TContext extends BaseContext & RequestContext>(
  db: DataSource,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart(requestContext: GraphQLRequestContext<TContext>) {
      const key = requestContext.request.http?.headers.get(IDEMPOTENCY_HEADER);
      if (!key) return {};
      let reserved: { subject: string; key: string } | null = null;
      return {
        async responseForOperation(context) {
          if (context.operation?.operation !== 'mutation') return null;
          if (!KEY_FORMAT.test(key))
            return errorResponse(
              ErrorCode.BAD_USER_INPUT,
              'Idempotency-Key không hợp lệ: 8–128 ký tự chữ, số, . _ : -.',
            ) as never;
          const subject = context.contextValue.caller.subject ?? 'public';
          const hash = requestHash(context.request.query, context.request.variables, context.request.operationName);
          const inserted: unknown[] = await db.query(
            `INSERT INTO idempotency_key (subject, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING key`,
            [subject, key, hash],
          );
          if (inserted.length) {
            reserved = { subject, key };
            return null; // first time: execute
          }
          const [existing] = (await db.query(
            `SELECT request_hash, response, completed_at FROM idempotency_key WHERE subject = $1 AND key = $2`,
            [subject, key],
          )) as {
            request_hash: string;
            response: Record<string, unknown> | null;
            completed_at: Date | null;
          }[];
          if (!existing || existing.request_hash !== hash) {
            return conflictResponse(
              'Idempotency-Key này đã được dùng cho một yêu cầu khác (khác thao tác hoặc dữ liệu).',
            ) as never;
          }
          if (!existing.completed_at || !existing.response) {
            return conflictResponse(
              'Yêu cầu với Idempotency-Key này đang được xử lý; vui lòng thử lại sau ít giây.',
            ) as never;
          }
          return {
            http: { status: 200, headers: new Map() as never },
            body: { kind: 'single', singleResult: existing.response as never },
          } as never;
        },
        async willSendResponse({ response }) {
          if (!reserved) return;
          const { subject, key: reservedKey } = reserved;
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          // It acted when the mutation field itself returned data (a later field error does not undo it).
          const acted =
            !!result?.data && Object.values(result.data).some((value) => value !== null && value !== undefined);
          if (result && acted) {
            await db.query(
              `UPDATE idempotency_key SET response = $3, completed_at = now() WHERE subject = $1 AND key = $2`,
              [subject, reservedKey, JSON.stringify({ data: result.data })],
            );
          } else {
            // The mutation refused or failed (its transaction rolled back): release the key so a retry really runs.
            await db.query(`DELETE FROM idempotency_key WHERE subject = $1 AND key = $2 AND completed_at IS NULL`, [
              subject,
              reservedKey,
            ]);
          }
        },
      };
    },
  };
}
