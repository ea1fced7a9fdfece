/**
 * The error codes of the client contract (`extensions.code`) and helpers that raise them with a
 * message an officer can act on. Anything else that escapes a resolver is masked as an internal error.
 */
import { GraphQLError } from 'graphql';
import { DATABASE_UNAVAILABLE_MESSAGE, ErrorCode, PUBLIC_ERROR_CODES } from '@tdkt/platform';

export { ErrorCode, PUBLIC_ERROR_CODES };

/** What the officer reads when a write gave up in time: nothing was kept, trying again is safe. */
export const WRITE_TIMED_OUT_MESSAGE =
  'Dữ liệu đang được một thao tác khác xử lý nên chưa ghi được trong thời gian cho phép; không có thay đổi nào được lưu. Vui lòng thử lại sau ít giây.';

export interface ErrorDetails {
  /** The input field at fault, as a path: `input.members[2].organizationCode`. */
  field?: string;
  [key: string]: unknown;
}

// No HTTP status on these: a subgraph always answers the gateway with 200 and the error in the body
// (a non-2xx answer would read, at the gateway, as the subgraph being broken).
function raise(code: ErrorCode, message: string, details?: ErrorDetails): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...(details ?? {}) } });
}

export const badInput = (message: string, details?: ErrorDetails) => raise(ErrorCode.BAD_USER_INPUT, message, details);
export const notFound = (message: string, details?: ErrorDetails) => raise(ErrorCode.NOT_FOUND, message, details);
export const conflict = (message: string, details?: ErrorDetails) => raise(ErrorCode.CONFLICT, message, details);
export const forbidden = (message: string, details?: ErrorDetails) => raise(ErrorCode.FORBIDDEN, message, details);
export const unauthenticated = (message: string, details?: ErrorDetails) =>
  raise(ErrorCode.UNAUTHENTICATED, message, details);
export const serviceUnavailable = (message: string, details?: ErrorDetails) =>
  raise(ErrorCode.SERVICE_UNAVAILABLE, message, details);

/** Postgres SQLSTATEs we translate. */
const PG = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  NOT_NULL_VIOLATION: '23502',
  SERIALIZATION_FAILURE: '40001',
  DEADLOCK: '40P01',
  INVALID_TEXT: '22P02',
  STRING_TOO_LONG: '22001',
  CHARACTER_NOT_IN_REPERTOIRE: '22021',
  UNTRANSLATABLE_CHARACTER: '22P05',
  NUMERIC_OUT_OF_RANGE: '22003',
  DATETIME_OUT_OF_RANGE: '22008',
  LOCK_NOT_AVAILABLE: '55P03',
  QUERY_CANCELED: '57014',
} as const;

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

function pgError(error: unknown): PgError | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const candidate = error as PgError;
  if (candidate.driverError && typeof candidate.driverError.code === 'string') return candidate.driverError;
  if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
  return undefined;
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code ?? pgError(error)?.code;
  if (code && CONNECTION_ERRORS.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  // TypeORM's "query runner (was) already released" follows a connection that died inside a
  // transaction (the database restarted under it): nothing was committed, so it is a retryable
  // SERVICE_UNAVAILABLE, not an internal error.
  const name = error instanceof Error ? error.name : '';
  if (name === 'QueryRunnerAlreadyReleasedError' || name === 'QueryRunnerProviderAlreadyReleasedError') return true;
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|query runner (was )?already released/i.test(
    message,
  );
}

/**
 * Turns a database error into a contract error. `constraints` maps constraint names to the message an
 * officer should see (the database is the last line against duplicates and races; its refusal must
 * read like the validation that should have caught it).
 */
export function translateDatabaseError(error: unknown, constraints: Readonly<Record<string, string>> = {}): unknown {
  if (error instanceof GraphQLError) return error;
  if (isConnectionError(error)) return serviceUnavailable(DATABASE_UNAVAILABLE_MESSAGE);
  const pg = pgError(error);
  if (!pg?.code) return error;
  const known = pg.constraint ? constraints[pg.constraint] : undefined;
  switch (pg.code) {
    case PG.UNIQUE_VIOLATION:
      return conflict(known ?? 'Dữ liệu này đã tồn tại (trùng lặp).');
    case PG.FOREIGN_KEY_VIOLATION:
      return conflict(known ?? 'Dữ liệu đang được tham chiếu hoặc tham chiếu đến dữ liệu không tồn tại.');
    case PG.CHECK_VIOLATION:
    case PG.NOT_NULL_VIOLATION:
    case PG.INVALID_TEXT:
    case PG.STRING_TOO_LONG:
    case PG.NUMERIC_OUT_OF_RANGE:
    case PG.DATETIME_OUT_OF_RANGE:
      return badInput(known ?? 'Dữ liệu nhập không hợp lệ.');
    case PG.CHARACTER_NOT_IN_REPERTOIRE:
    case PG.UNTRANSLATABLE_CHARACTER:
      return badInput('Dữ liệu nhập chứa ký tự không hợp lệ (ví dụ ký tự NUL).');
    // lock_timeout or statement_timeout (deadline.ts): the transaction is rolled back, nothing was kept.
    case PG.LOCK_NOT_AVAILABLE:
    case PG.QUERY_CANCELED:
      return serviceUnavailable(WRITE_TIMED_OUT_MESSAGE);
    case PG.SERIALIZATION_FAILURE:
    case PG.DEADLOCK:
      return conflict('Dữ liệu vừa được người khác thay đổi cùng lúc. Vui lòng thử lại.');
    default:
      return error;
  }
}
