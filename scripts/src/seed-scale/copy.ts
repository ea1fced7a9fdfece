/**
 * Bulk loading with COPY … FROM STDIN (text format): rows are generated as text lines and streamed to
 * PostgreSQL while the next ones are generated, with backpressure, so memory stays flat whatever the
 * row count.
 */
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { columnList, qualifiedName, type TableDescriptor } from '@tdkt/subgraph-kit';

/** A value in COPY text format: backslash, tab and line breaks escaped; null as \N. */
export function text(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (!/[\\\t\n\r]/.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

export const NULL = '\\N';

const FLUSH_AT = 1 << 18; // 256 KiB of text per write

/** `COPY schema.table (columns…) FROM STDIN`, the columns in the order the rows give their values. */
function copyStatement(table: TableDescriptor): string {
  return `COPY ${qualifiedName(table)} (${columnList(table)}) FROM STDIN`;
}

/** One COPY statement in progress. Call `row()` per line, `await maybeFlush()` now and then, `end()` once. */
export class CopyWriter {
  rows = 0;
  private buffer = '';
  private failure: Error | null = null;
  private readonly finished: Promise<void>;

  private constructor(
    private readonly stream: NodeJS.WritableStream & {
      on(event: string, listener: (...args: unknown[]) => void): unknown;
    },
  ) {
    this.finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', (error: unknown) => {
        this.failure = error as Error;
        reject(error);
      });
    });
    this.finished.catch(() => undefined);
  }

  static open(client: pg.ClientBase, table: TableDescriptor): CopyWriter {
    const stream = client.query(copyFrom(copyStatement(table)));
    return new CopyWriter(stream as never);
  }

  /** A row: its values already in COPY text form (see `text`), joined by tabs. */
  row(line: string): void {
    this.buffer += line;
    this.buffer += '\n';
    this.rows += 1;
  }

  get pending(): boolean {
    return this.buffer.length >= FLUSH_AT;
  }

  /** Writes what is buffered; waits only when PostgreSQL is behind (backpressure). */
  async maybeFlush(): Promise<void> {
    if (this.buffer.length < FLUSH_AT) return;
    await this.flush();
  }

  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.buffer) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onDrain = () => {
          cleanup();
          resolve();
        };
        const onError = (error: unknown) => {
          cleanup();
          reject(error);
        };
        const cleanup = () => {
          (this.stream as NodeJS.EventEmitter).off('drain', onDrain);
          (this.stream as NodeJS.EventEmitter).off('error', onError);
        };
        (this.stream as NodeJS.EventEmitter).on('drain', onDrain);
        (this.stream as NodeJS.EventEmitter).on('error', onError);
      });
    }
    if (this.failure) throw this.failure;
  }

  async end(): Promise<number> {
    await this.flush();
    this.stream.end();
    await this.finished;
    return this.rows;
  }
}

/**
 * Rows of a table collected in memory (the smaller tables of a chunk, written after the streamed one),
 * kept as UTF-8 buffers: half the memory of JavaScript strings, and no ropes of small pieces.
 */
export class RowBuffer {
  private parts: Buffer[] = [];
  rows = 0;
  private current = '';

  /** `schema.table`: the key of its row count in the step's result. */
  readonly table: string;

  constructor(private readonly descriptor: TableDescriptor) {
    this.table = qualifiedName(descriptor);
  }

  row(line: string): void {
    this.current += line;
    this.current += '\n';
    this.rows += 1;
    if (this.current.length >= FLUSH_AT) {
      this.parts.push(Buffer.from(this.current, 'utf8'));
      this.current = '';
    }
  }

  async copy(client: pg.ClientBase): Promise<number> {
    if (this.rows === 0) return 0;
    if (this.current) this.parts.push(Buffer.from(this.current, 'utf8'));
    this.current = '';
    const stream = client.query(copyFrom(copyStatement(this.descriptor))) as unknown as NodeJS.WritableStream &
      NodeJS.EventEmitter;
    const finished = new Promise<void>((resolve, reject) => {
      stream.on('finish', () => resolve());
      stream.on('error', reject);
    });
    finished.catch(() => undefined);
    const parts = this.parts;
    this.parts = [];
    for (const part of parts) {
      if (!stream.write(part)) await Promise.race([new Promise((resolve) => stream.once('drain', resolve)), finished]);
    }
    stream.end();
    await finished;
    const rows = this.rows;
    this.rows = 0;
    return rows;
  }
}
