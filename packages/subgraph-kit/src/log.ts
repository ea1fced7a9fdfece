/**
 * The subgraphs' log: structured JSON lines (pino) from @tdkt/platform, one object per line on stdout:
 * `{"level":"info","time":"…","pid":…,"msg":"…", …fields}`.
 * Never pass tokens, personal data values or variable values as fields: names and codes only.
 */
import type { DestinationStream } from 'pino';
import { createServiceLogger, logFunctions, type LogLevel } from '@tdkt/platform';

const service = createServiceLogger();

export const log = logFunctions(service.logger);

/**
 * For tests: send every line to `stream` (anything with `write(line)`) at `level`, or, with no
 * stream, back to stdout at the configured level.
 */
export function setLogDestination(stream?: DestinationStream, level?: LogLevel): void {
  service.setDestination(stream, level);
}
