/**
 * What the gateway lets clients see of an error: the contract's codes with their messages and a few
 * safe extensions; anything else is logged and replaced, so that no internal URL, SQL or stack trace
 * reaches a client.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { INTERNAL_ERROR_MESSAGE, PUBLIC_ERROR_CODES } from '@tdkt/platform';
import { officerInputMessage } from './input-messages.js';

/** The codes whose messages reach clients unchanged: the platform's contract. */
export const PUBLIC_CODES = PUBLIC_ERROR_CODES;

export function maskGatewayError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = String(formatted.extensions?.['code'] ?? '');
  // The gateway's own "which operation?" refusal (operationName missing or unknown): a client error.
  if (code === 'INVALID_GRAPHQL' || code === 'OPERATION_RESOLUTION_FAILURE') {
    return {
      message:
        'Không xác định được thao tác cần chạy: hãy gửi operationName trùng với tên một thao tác trong tài liệu.',
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    };
  }
  // A document nested so deeply that the parser ran out of stack: say so without the engine's words.
  if (code === 'GRAPHQL_PARSE_FAILED' && /call stack/i.test(formatted.message)) {
    return { message: 'Truy vấn lồng quá sâu, không đọc được.', extensions: { code } };
  }
  // A value of the wrong type (a variable or a literal): said in Vietnamese, with the field at fault.
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') {
    const officer = officerInputMessage(formatted.message);
    if (officer) {
      const extensions: Record<string, unknown> = { code, ...(officer.field ? { field: officer.field } : {}) };
      if (formatted.extensions?.['serviceName'] !== undefined)
        extensions['serviceName'] = formatted.extensions['serviceName'];
      return { message: officer.message, locations: formatted.locations, path: formatted.path, extensions };
    }
  }
  if (PUBLIC_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const key of [
      'serviceName',
      'field',
      'problems',
      'requiredRoles',
      'max',
      'currentVersion',
      'status',
      'cost',
      'maxCost',
    ]) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const original = unwrapResolverError(error);
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'masked error', code, error: original instanceof Error ? original.message : JSON.stringify(original), path: formatted.path })}\n`,
  );
  return { message: INTERNAL_ERROR_MESSAGE, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
