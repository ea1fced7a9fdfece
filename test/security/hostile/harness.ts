/**
 * Sending probes (fetch, or a raw socket) with bounded concurrency, and checking each answer: status,
 * body, error codes and leaks.
 */
import { connect } from 'node:net';
import { SUBGRAPH_NAMES, type Stack } from '../../support/stack';
import type { Probe, Outcome } from './probes';

export const CONCURRENCY = 10;
export const PROBE_TIMEOUT_MS = 15_000;
/** A raw request that got no answer by then is given up (its connection is closed). */
export const RAW_HANG_UP_MS = 2_000;

export const ALLOWED_CODES = new Set([
  // the contract
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  // a mutation the gateway sent but got no answer for (retry with the same Idempotency-Key)
  'OUTCOME_UNKNOWN',
  // GraphQL / HTTP request errors
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'RATE_LIMITED',
]);

function urlOf(stack: Stack, probe: Probe): string {
  const base = probe.target === 'gateway' ? stack.gatewayUrl : stack.subgraphs[probe.target].url;
  return `${base}${probe.query ?? ''}`;
}

function sendRaw(stack: Stack, raw: Buffer): Promise<Outcome> {
  const started = Date.now();
  const { hostname, port } = new URL(stack.gatewayUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // Written without a FIN: a half-closed socket makes Node drop the request before answering.
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    const hangUp = setTimeout(() => socket.end(), RAW_HANG_UP_MS);
    socket.setTimeout(PROBE_TIMEOUT_MS, () => {
      socket.destroy();
      reject(new Error('raw request timed out'));
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(hangUp);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const statusMatch = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const index = line.indexOf(':');
        if (index > 0) headers[line.slice(0, index).toLowerCase()] = line.slice(index + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (headers['transfer-encoding'] === 'chunked') {
        let decoded = '';
        let remaining = body;
        for (;;) {
          const lineEnd = remaining.indexOf('\r\n');
          const size = parseInt(remaining.slice(0, lineEnd), 16);
          if (!size) break;
          decoded += remaining.slice(lineEnd + 2, lineEnd + 2 + size);
          remaining = remaining.slice(lineEnd + 2 + size + 2);
        }
        body = decoded;
      }
      // A connection closed with no answer at all counts as "empty 4xx" only if it was refused at
      // the HTTP layer; report it as status 0 so the check can name it.
      resolve({
        status: statusMatch ? Number(statusMatch[1]) : 0,
        contentType: headers['content-type'] ?? '',
        headers,
        text: body,
        ms: Date.now() - started,
      });
    });
  });
}

/**
 * One try per probe: a pooled keep-alive socket reset under the client would be the server's fault
 * (an idle close racing a reuse, or an event-loop stall past the idle deadline), so it fails the probe
 * like any other transport error instead of being dialled again.
 */
export async function send(stack: Stack, probe: Probe): Promise<Outcome> {
  return sendOnce(stack, probe);
}

async function sendOnce(stack: Stack, probe: Probe): Promise<Outcome> {
  if (probe.raw) return sendRaw(stack, probe.raw);
  const started = Date.now();
  const response = await fetch(urlOf(stack, probe), {
    method: probe.method ?? 'POST',
    headers: probe.headers ?? {},
    body: probe.body,
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers,
    text,
    ms: Date.now() - started,
  };
}

function leakPatterns(stack: Stack): [string, RegExp][] {
  const ports = SUBGRAPH_NAMES.map((name) => new URL(stack.subgraphs[name].url).port);
  return [
    [
      'stack trace',
      /(?:\n|\\n)\s+at [\w.<]|\bat (?:async )?[\w.$<>]+ \(|\.(?:js|ts|mjs|cjs):\d+:\d+|"stack(?:trace)?"\s*:/i,
    ],
    [
      'SQL',
      /\bselect |\binsert |\bdelete from\b|\bupdate "?\w+"? set\b|syntax error at|relation "|violates \w+(?: \w+)? constraint|duplicate key value|invalid input syntax|invalid byte sequence|QueryFailedError|SQLSTATE|\bpg_\w+/i,
    ],
    [
      'internal URL',
      new RegExp(
        `localhost|127\\.0\\.0\\.1|\\[::1\\]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|(?::${ports.join('|:')})(?!\\d)`,
      ),
    ],
    [
      'JavaScript internals',
      /Maximum call stack|RangeError|TypeError|ReferenceError|SyntaxError: Unexpected token|Cannot read propert|is not a function|\[object Object\]/,
    ],
    ['file path', /\/work\/|node_modules|\/home\/|\/usr\/|\/tmp\/|file:\/\/|[A-Z]:\\\\/],
  ];
}

function withoutEchoes(text: string, echoes: string[]): string {
  let result = text;
  for (const echo of echoes) {
    if (!echo) continue;
    // As sent, JSON-escaped, normalized, trimmed, upper-cased (codes are normalized before lookup).
    const forms = [echo, echo.normalize('NFC'), echo.trim(), echo.toUpperCase(), echo.trim().toUpperCase()];
    for (const form of new Set([...forms, ...forms.map((f) => JSON.stringify(f).slice(1, -1))])) {
      if (form.length >= 2) result = result.split(form).join('');
    }
  }
  return result;
}

export function problemsOf(stack: Stack, probe: Probe, outcome: Outcome): string[] {
  const problems: string[] = [];
  if (outcome.status === 0) {
    if (!probe.allowNoAnswer) problems.push('no HTTP answer (connection closed)');
    return problems;
  }
  if (outcome.status >= 500) problems.push(`HTTP ${outcome.status}`);
  if (probe.status && outcome.status && !probe.status(outcome.status))
    problems.push(`HTTP ${outcome.status}, expected ${probe.statusText}`);
  let body: any;
  if (outcome.text.length === 0) {
    if (!(outcome.status >= 400 && outcome.status < 500) && !(probe.method === 'HEAD' || probe.method === 'OPTIONS'))
      problems.push(`empty body with HTTP ${outcome.status}`);
  } else {
    try {
      body = JSON.parse(outcome.text);
      if (!/json/i.test(outcome.contentType)) problems.push(`JSON body served as "${outcome.contentType}"`);
    } catch {
      problems.push(`body is not JSON (${outcome.contentType}): ${outcome.text.slice(0, 120)}`);
    }
  }
  const scanned = withoutEchoes(`${outcome.text}\n${JSON.stringify(outcome.headers)}`, [
    ...(probe.echoes ?? []),
    ...(probe.headers ? Object.values(probe.headers) : []),
  ]);
  for (const [kind, pattern] of leakPatterns(stack)) {
    const match = pattern.exec(scanned);
    if (match) problems.push(`${kind} leaked: …${scanned.slice(Math.max(0, match.index - 60), match.index + 80)}…`);
  }
  if (body !== undefined) {
    const errors = Array.isArray(body) ? body.flatMap((entry) => entry?.errors ?? []) : body?.errors;
    if (outcome.status >= 400 && (!Array.isArray(errors) || errors.length === 0))
      problems.push(`HTTP ${outcome.status} without errors`);
    for (const error of Array.isArray(errors) && !probe.trusted ? errors : []) {
      const code = error?.extensions?.code;
      if (!ALLOWED_CODES.has(code))
        problems.push(`error code ${String(code)}: ${String(error?.message).slice(0, 120)}`);
    }
  }
  return problems;
}

export function requestOf(probe: Probe): string {
  const headers = Object.fromEntries(
    Object.entries(probe.headers ?? {}).map(([key, value]) => [
      key,
      value.length > 60 ? `${value.slice(0, 60)}…(${value.length})` : value,
    ]),
  );
  const body = probe.raw
    ? probe.raw.toString('latin1')
    : probe.body === undefined
      ? ''
      : Buffer.isBuffer(probe.body)
        ? `<${probe.body.length} bytes>`
        : probe.body;
  const shown = body.length > 400 ? `${body.slice(0, 400)}…(${body.length} chars)` : body;
  const query = (probe.query ?? '').slice(0, 300);
  return `${probe.raw ? 'RAW' : (probe.method ?? 'POST')} ${probe.target}${query} ${JSON.stringify(headers)} ${JSON.stringify(shown)}`;
}

export async function runAll<T, R>(items: T[], limit: number, worker: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await worker(items[index]!);
      }
    }),
  );
  return results;
}
