/**
 * The gateway's HTTP server: deadlines for receiving a request, a cap on connections per client
 * address, keep-alive longer than load balancers keep idle upstream connections, and refusal of
 * requests whose framing or target is ambiguous.
 */
import http, { type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';

export interface ServerLimits {
  /**
   * Idle time before the gateway closes a keep-alive connection. Above the idle timeout of the load
   * balancers in front (60 s for AWS ALB, nginx upstream keepalive_timeout, GCP's 600 s needs more),
   * so the balancer closes first and never sends a request onto a socket the gateway is closing (502).
   */
  keepAliveTimeoutMs: number;
  /**
   * Time to receive a request's headers. Since Node 18 this runs only while a request is in progress
   * (from its first byte), not while a keep-alive socket idles, so it can stay short: a real client
   * sends its headers in one packet.
   */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included (bodies are at most 100 kB). */
  requestTimeoutMs: number;
  /** Open connections per remote address (0: no cap). Behind a balancer, raise it or turn it off. */
  maxConnectionsPerClient: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  keepAliveTimeoutMs: 75_000,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 30_000,
  maxConnectionsPerClient: 256,
};

const REFUSED = Symbol('tdkt.refusedConnection');

function jsonResponse(status: number, reason: string, message: string, code: string): string {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

const TOO_MANY_CONNECTIONS = jsonResponse(
  503,
  'Service Unavailable',
  'Có quá nhiều kết nối đồng thời từ cùng một địa chỉ; vui lòng đóng bớt kết nối rồi thử lại.',
  'TOO_MANY_CONNECTIONS',
);

/**
 * Replaces Node's bare "400 Bad Request" for requests the HTTP parser refuses (duplicate
 * Content-Length, Transfer-Encoding with Content-Length: RFC 9112 §6.3) and for deadlines (408), in
 * the gateway's JSON error shape.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // Node's own handler checks the same: once a response has begun, only closing is left.
  const response = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  const answer =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? jsonResponse(408, 'Request Timeout', 'Yêu cầu gửi đến quá chậm; kết nối đã bị đóng.', 'REQUEST_TIMEOUT')
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? jsonResponse(431, 'Request Header Fields Too Large', 'Tiêu đề yêu cầu quá lớn.', 'BAD_REQUEST')
        : jsonResponse(400, 'Bad Request', 'Yêu cầu không hợp lệ.', 'BAD_REQUEST');
  socket.end(answer, () => socket.destroy());
}

/** The server behind `app.listen`: deadlines, keep-alive and the per-client connection cap. */
export function createGatewayServer(app: http.RequestListener, limits: ServerLimits): Server {
  const server = http.createServer(
    {
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      // Node checks the deadlines every 30 s by default: a 1 s deadline would then last 30 s.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    app,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('clientError', answerClientError);

  const open = new Map<string, number>();
  server.prependListener('connection', (socket: Socket) => {
    if (limits.maxConnectionsPerClient <= 0) return;
    const address = socket.remoteAddress ?? 'unknown';
    const count = open.get(address) ?? 0;
    if (count >= limits.maxConnectionsPerClient) {
      // Answer and half-close; a request that still arrives on it is dropped unrun (see below).
      (socket as Socket & { [REFUSED]?: boolean })[REFUSED] = true;
      socket.setTimeout(1000, () => socket.destroy());
      socket.end(TOO_MANY_CONNECTIONS);
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
  return server;
}

const SINGLE_HEADERS = ['host', 'content-length', 'transfer-encoding'];

/**
 * First middleware: drops a request that arrived on a refused connection, and refuses a request whose
 * target or framing is ambiguous with 400 — two Host headers (RFC 9112 §3.2: exactly one), or two
 * Content-Length or Transfer-Encoding headers, or both (RFC 9112 §6.3), which a proxy in front may
 * read differently from Node (request smuggling).
 */
export function refuseAmbiguousRequests(req: Request, res: Response, next: NextFunction): void {
  if ((req.socket as Socket & { [REFUSED]?: boolean })[REFUSED]) {
    req.socket.destroy();
    return;
  }
  const seen = new Map<string, number>();
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index]!.toLowerCase();
    if (SINGLE_HEADERS.includes(name)) seen.set(name, (seen.get(name) ?? 0) + 1);
  }
  const repeated = [...seen.values()].some((count) => count > 1);
  if (!repeated && !(seen.has('content-length') && seen.has('transfer-encoding'))) return next();
  res
    .status(400)
    .setHeader('Connection', 'close')
    .json({
      errors: [
        {
          message: 'Yêu cầu không hợp lệ: tiêu đề Host, Content-Length hoặc Transfer-Encoding bị lặp hoặc mâu thuẫn.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
}
