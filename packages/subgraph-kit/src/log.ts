/**
 * Structured JSON log lines (pino), one object per line on stdout:
 * `{"level":"info","time":"…","pid":…,"msg":"…", …fields}`.
 * Level from LOG_LEVEL (default `info`, or `warn` when NODE_ENV=test).
 * Never pass tokens, personal data values or variable values as fields: names and codes only.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS = new Set<string>(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

function configuredLevel(): string {
  const configured = process.env['LOG_LEVEL'] ?? (process.env['NODE_ENV'] === 'test' ? 'warn' : 'info');
  return LEVELS.has(configured) ? configured : 'info';
}

let stdout: DestinationStream | undefined;
let destination: DestinationStream | undefined;

/** Lines go to the injected destination (tests) or to stdout (asynchronous; flushed on exit by pino). */
const router: DestinationStream = {
  write(line: string) {
    (destination ?? (stdout ??= pino.destination({ dest: 1, sync: false }))).write(line);
  },
};

/** Defence in depth: these keys never reach a line, whoever passes them. */
const REDACTED = ['authorization', 'token', 'internalToken', 'password', 'variables', '*.authorization', '*.token', '*.internalToken', '*.password'];

const logger: Logger = pino(
  {
    level: configuredLevel(),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED, censor: '[redacted]' },
  },
  router,
);

function write(level: Level, message: string, fields?: Record<string, unknown>): void {
  if (fields) logger[level](fields, message);
  else logger[level](message);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write('debug', message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write('info', message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write('warn', message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write('error', message, fields),
};

/**
 * For tests: send every line to `stream` (anything with `write(line)`) at `level`, or, with no
 * stream, back to stdout at the configured level.
 */
export function setLogDestination(stream?: DestinationStream, level?: Level): void {
  destination = stream;
  logger.level = stream && level ? level : configuredLevel();
}
