/**
 * Structured JSON log lines (pino), one object per line on stdout:
 * `{"level":"info","time":"…","pid":…,"msg":"…", …fields}`.
 * Level from LOG_LEVEL (default `info`, or `warn` when NODE_ENV=test).
 * Never pass tokens, personal data values or variable values as fields: names and codes only.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS = new Set<string>(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

/** Defence in depth: these keys never reach a line, whoever passes them. */
export const REDACTED_LOG_KEYS: readonly string[] = [
  'authorization',
  'token',
  'internalToken',
  'password',
  'variables',
  '*.authorization',
  '*.token',
  '*.internalToken',
  '*.password',
];

export function configuredLogLevel(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['LOG_LEVEL'] ?? (env['NODE_ENV'] === 'test' ? 'warn' : 'info');
  return LEVELS.has(configured) ? configured : 'info';
}

export interface ServiceLogger {
  logger: Logger;
  /**
   * For tests: send every line of this logger to `stream` (anything with `write(line)`) at `level`,
   * or, with no stream, back to stdout at the configured level.
   */
  setDestination(stream?: DestinationStream, level?: LogLevel): void;
}

/**
 * A logger of one service. Each has its own destination, so that the gateway's and the subgraphs'
 * lines can be captured apart when they run in one process (tests).
 */
export function createServiceLogger(base: Record<string, unknown> = {}): ServiceLogger {
  let stdout: DestinationStream | undefined;
  let destination: DestinationStream | undefined;
  // Lines go to the injected destination (tests) or to stdout (asynchronous; flushed on exit by pino).
  const router: DestinationStream = {
    write(line: string) {
      (destination ?? (stdout ??= pino.destination({ dest: 1, sync: false }))).write(line);
    },
  };
  const logger = pino(
    {
      level: configuredLogLevel(),
      base: { pid: process.pid, ...base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_LOG_KEYS], censor: '[redacted]' },
    },
    router,
  );
  return {
    logger,
    setDestination(stream, level) {
      destination = stream;
      logger.level = stream && level ? level : configuredLogLevel();
    },
  };
}

export interface LogFunctions {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** `log.info('message', { fields })`: the message first, as the subgraphs write it. */
export function logFunctions(logger: Logger): LogFunctions {
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (fields) logger[level](fields, message);
    else logger[level](message);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
