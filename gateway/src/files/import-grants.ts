/**
 * Plain HTTP for the grant import (GraphQL is not a file transport): `GET /files/import/grants/template`
 * downloads the .xlsx template, `POST /files/import/grants` takes the filled file as the raw request body
 * (`?name=` carries its file name) and answers with the preview; the commit is the GraphQL mutation
 * `commitGrantImport(fileSha256)`, which names the preview by the file's SHA-256, so the officer's decision
 * goes through the same authorization, audit and idempotency as every other mutation.
 *
 * Authenticated as /graphql is (Bearer token, verified here; the awards subgraph gets the internal token).
 * CSRF: the platform never authenticates by cookie, so a page on another site cannot send a request
 * that carries the officer's credentials. Still, an upload must say what it is with a content type a
 * plain HTML form cannot send (the .xlsx type or application/octet-stream: not CORS-safelisted, so a
 * browser preflights it, and the gateway grants no preflight to unknown origins), and a request whose
 * Origin is neither this gateway nor a configured CORS origin is refused.
 *
 * The body is counted while it arrives and the upload refused past the limit, before the subgraph sees a
 * byte; a declared Content-Length over the limit is refused without reading.
 */
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { INTERNAL_HEADER, type Caller, type InternalTokenSigner } from '@tdkt/identity';

/** A 50,000-row ledger is about 3 MB; nothing an officer fills needs more. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UPLOAD_TYPES = new Set([XLSX_TYPE, 'application/octet-stream']);
/** A preview of the largest file reads and judges 50,000 rows. */
const SUBGRAPH_TIMEOUT_MS = 120_000;

export interface GrantImportRouteOptions {
  /** The same front as /graphql and the downloads: CORS, request log and metrics, the caller, the rate limit. */
  front: RequestHandler[];
  internalSigner: InternalTokenSigner;
  /** The awards subgraph's /graphql URL (its file routes are beside it). */
  awardsUrl: string;
  corsOrigins: readonly string[];
}

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

function signedIn(req: Request, res: Response, next: NextFunction): void {
  const caller = res.locals['caller'] as Caller | undefined;
  if (!caller?.subject) return refuse(res, 401, 'UNAUTHENTICATED', 'Cần đăng nhập để nhập dữ liệu từ tệp Excel.');
  next();
}

/** CSRF: an upload declares a non-form content type, and comes from this origin or an allowed one. */
function sameOriginUpload(corsOrigins: readonly string[]): RequestHandler {
  return (req, res, next) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!UPLOAD_TYPES.has(type))
      return refuse(
        res,
        415,
        'BAD_REQUEST',
        `Tệp gửi lên phải có Content-Type "${XLSX_TYPE}" (hoặc application/octet-stream), gửi nguyên nội dung tệp.`,
      );
    const origin = req.headers.origin;
    if (origin && !corsOrigins.includes(origin)) {
      let own = false;
      try {
        own = new URL(origin).host === req.headers.host;
      } catch {
        own = false;
      }
      if (!own) return refuse(res, 403, 'FORBIDDEN', 'Không nhận tệp gửi từ trang web khác.');
    }
    next();
  };
}

const TOO_LARGE = `Tệp quá lớn; tối đa ${MAX_UPLOAD_BYTES / 1048576} MB. Hãy chia danh sách thành nhiều tệp. Không có gì được lưu.`;

/** The body, or null once the answer (413) has been sent. */
function readBody(req: Request, res: Response): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_UPLOAD_BYTES) {
    res.setHeader('Connection', 'close');
    refuse(res, 413, 'FILE_TOO_LARGE', TOO_LARGE);
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_UPLOAD_BYTES) {
        res.setHeader('Connection', 'close');
        refuse(res, 413, 'FILE_TOO_LARGE', TOO_LARGE);
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_UPLOAD_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Sends the call to the awards subgraph as the verified caller, and relays its answer. */
async function relay(
  options: GrantImportRouteOptions,
  req: Request,
  res: Response,
  path: string,
  init: RequestInit,
): Promise<void> {
  const token = await options.internalSigner.sign(res.locals['caller'] as Caller, res.locals['requestId'] as string);
  const url = new URL(path, options.awardsUrl);
  let answer: globalThis.Response;
  try {
    answer = await fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), [INTERNAL_HEADER]: token },
      signal: AbortSignal.timeout(SUBGRAPH_TIMEOUT_MS),
    });
  } catch {
    return refuse(res, 503, 'SERVICE_UNAVAILABLE', 'Dịch vụ khen thưởng đang không trả lời; vui lòng thử lại sau.');
  }
  const type = answer.headers.get('content-type') ?? 'application/json';
  res.status(answer.status).setHeader('Content-Type', type);
  const disposition = answer.headers.get('content-disposition');
  if (disposition) res.setHeader('Content-Disposition', disposition);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(Buffer.from(await answer.arrayBuffer()));
}

export function mountGrantImportRoutes(app: Express, options: GrantImportRouteOptions): void {
  app.get('/files/import/grants/template', ...options.front, signedIn, (req, res, next) => {
    relay(options, req, res, '/files/import/grants/template', { method: 'GET' }).catch(next);
  });
  app.post(
    '/files/import/grants',
    sameOriginUpload(options.corsOrigins),
    ...options.front,
    signedIn,
    (req, res, next) => {
      (async () => {
        const body = await readBody(req, res);
        if (!body) return;
        const name = typeof req.query['name'] === 'string' ? req.query['name'].slice(0, 300) : '';
        await relay(options, req, res, `/files/import/grants?name=${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: new Uint8Array(body),
        });
      })().catch(next);
    },
  );
}
