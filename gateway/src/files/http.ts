/**
 * What every plain-HTTP file route of the gateway shares (downloads here; uploads may reuse it):
 *
 * - The caller: the routes sit behind the same front as `/graphql` (CORS, observability, the same
 *   bearer-token check, the same rate limit), handed in by gateway.ts, so `res.locals.caller` is the
 *   verified caller exactly as for an operation.
 * - The data: a route never reads a database or a subgraph by itself. It runs a GraphQL operation
 *   through the gateway's own ApolloServer with the context the `/graphql` front builds, so a file and
 *   the GraphQL answer cannot disagree, and every visibility rule of the subgraphs applies unchanged.
 * - The answer: a file is always an attachment (`Content-Disposition`, RFC 6266) with an ASCII name
 *   and the Vietnamese one (RFC 5987 `filename*`), its exact MIME type, `nosniff`, and a sandboxing
 *   CSP, so a browser never renders it inline as a page. Refusals are JSON in the gateway's error
 *   shape, with a Vietnamese message and a stable `extensions.code`.
 */
import type { ApolloServer } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Caller, InternalTokenSigner } from '@tdkt/identity';
import { INTERNAL_ERROR_MESSAGE } from '@tdkt/platform';
import type { GatewayContext } from '../context.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FileRouteDeps {
  apollo: ApolloServer<GatewayContext>;
  internalSigner: InternalTokenSigner;
  /**
   * The `/graphql` front, in order: CORS, observability, the bearer-token check that sets
   * `res.locals.caller` (401 on a bad token), the rate limit.
   */
  front: RequestHandler[];
}

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A refusal a file route answers with: HTTP status, stable code, Vietnamese message. */
export class FileRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function callerOf(res: Response): Caller {
  return res.locals['caller'] as Caller;
}

export function refuse(res: Response, status: number, code: string, message: string): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Runs one operation through the gateway as the caller of this request: the same context the
 * `/graphql` front builds (caller, request id, the internal token signed once on first use).
 */
export async function runOperation<T>(
  deps: FileRouteDeps,
  res: Response,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data: T | null; errors: GraphQLErrorShape[] }> {
  const caller = callerOf(res);
  const requestId = res.locals['requestId'] as string;
  let token: Promise<string> | undefined;
  const contextValue: GatewayContext = {
    caller,
    requestId,
    internalToken: () => (token ??= deps.internalSigner.sign(caller, requestId)),
    idempotencyKey: null,
    subgraphCalls: [],
  };
  const response = await deps.apollo.executeOperation<T>({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('A file operation answered incrementally');
  const result = response.body.singleResult;
  return { data: (result.data ?? null) as T | null, errors: (result.errors ?? []) as GraphQLErrorShape[] };
}

/**
 * The HTTP refusal for the errors of an operation, if any should stop the file: the public asking for
 * data that needs a sign-in gets 401 (the dashboard then offers to sign in), an officer outside the
 * scope 403; a missing unit 404; bad input 400; a subgraph down 503. Anything else is 500 with the
 * masked message, including a route's own document failing validation (a bug, not the caller's input).
 */
export function refusalFor(errors: GraphQLErrorShape[], caller: Caller): FileRefusal | null {
  if (errors.length === 0) return null;
  const first = errors[0]!;
  const code = first.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
  const signedIn = caller.role !== null;
  switch (code) {
    case 'UNAUTHENTICATED':
      return new FileRefusal(401, code, first.message);
    case 'FORBIDDEN':
      return signedIn
        ? new FileRefusal(403, code, first.message)
        : new FileRefusal(401, 'UNAUTHENTICATED', 'Cần đăng nhập để tải tệp này.');
    case 'NOT_FOUND':
      return new FileRefusal(404, code, first.message);
    case 'BAD_USER_INPUT':
      return new FileRefusal(400, code, first.message);
    case 'SERVICE_UNAVAILABLE':
      return new FileRefusal(503, code, 'Một phần dữ liệu đang tạm thời không truy cập được; vui lòng thử lại sau.');
    default:
      return new FileRefusal(500, 'INTERNAL_SERVER_ERROR', INTERNAL_ERROR_MESSAGE);
  }
}

/** An ASCII stand-in for a Vietnamese name: diacritics dropped, đ → d, anything else → '-'. */
export function asciiFilename(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/-\./g, '.')
    .replace(/^-|-$/g, '');
}

/** `attachment` with both names: the ASCII one for old clients, the UTF-8 one (RFC 5987) for the rest. */
export function contentDisposition(filename: string): string {
  const utf8 = encodeURIComponent(filename.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiFilename(filename)}"; filename*=UTF-8''${utf8}`;
}

/** Headers of a file answer: never inline, never sniffed, never cached by a shared cache. */
export function fileHeaders(res: Response, filename: string, mime: string): void {
  res.setHeader('Content-Type', mime);
  res.setHeader('Content-Disposition', contentDisposition(filename));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
}

/**
 * Wraps a route: a FileRefusal becomes its JSON answer, anything else the masked 500 (or, once the
 * file has begun, a cut connection, so a truncated file is never taken for a whole one).
 */
export function fileRoute(
  handler: (req: Request, res: Response) => Promise<void>,
): (req: Request, res: Response, next: NextFunction) => Promise<void> {
  return async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof FileRefusal) return refuse(res, error.status, error.code, error.message);
      refuse(res, 500, 'INTERNAL_SERVER_ERROR', INTERNAL_ERROR_MESSAGE);
    }
  };
}

/** An integer query parameter within a range, or a 400 naming it. */
export function yearParam(req: Request, name: string, fallback?: number): number {
  const raw = req.query[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < 1945 || value > 2100)
    throw new FileRefusal(400, 'BAD_USER_INPUT', `Tham số ${name} phải là năm trong khoảng 1945–2100.`);
  return value;
}

/** A unit or bloc code from the query or path: upper-case letters, digits, underscores. */
export function codeParam(value: unknown, name: string): string | null {
  if (value === undefined || value === '') return null;
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z0-9_]{1,64}$/.test(code))
    throw new FileRefusal(400, 'BAD_USER_INPUT', `Mã ${name} chỉ gồm chữ in hoa không dấu, chữ số và gạch dưới.`);
  return code;
}
