/**
 * The error codes of the client contract (`extensions.code`) and the messages that replace anything
 * else, shared by the gateway and the subgraphs so that a client sees one vocabulary.
 */

export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** A mutation whose answer never came: it may or may not have been applied (retry with its Idempotency-Key). */
  OUTCOME_UNKNOWN: 'OUTCOME_UNKNOWN',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose messages are written for people and may reach clients unchanged. */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.OUTCOME_UNKNOWN,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** What a client sees in place of an unexpected error; the request id lets an operator find the log line. */
export const INTERNAL_ERROR_MESSAGE =
  'Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo cho quản trị viên kèm mã yêu cầu.';

/** What a client sees when the database does not answer. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'Cơ sở dữ liệu tạm thời không phản hồi. Vui lòng thử lại sau ít phút.';
