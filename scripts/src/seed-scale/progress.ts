/**
 * Progress of a step on stderr: a bar, rows written, rate and ETA. On a terminal the line is redrawn in
 * place (at most 5 times a second); otherwise a plain line is printed every few seconds.
 */

export interface ProgressEvent {
  step: string;
  /** 0…1 of the step's work done (chunks, persons). */
  fraction: number;
  rows: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
  elapsedSeconds: number;
  done: boolean;
  /** Chunks of the step committed so far (by any run) and in all. */
  chunks: { done: number; total: number };
  note?: string;
}

export type ProgressListener = (event: ProgressEvent) => void;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

export function humanCount(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(value >= 1e7 ? 1 : 2)}M`;
  if (value >= 1e4) return `${(value / 1e3).toFixed(0)}k`;
  return String(Math.round(value));
}

function render(event: ProgressEvent): string {
  const width = 24;
  const filled = Math.round(Math.min(1, Math.max(0, event.fraction)) * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const eta = event.done
    ? `in ${clock(event.elapsedSeconds)}`
    : event.etaSeconds === null
      ? 'ETA –'
      : `ETA ${clock(event.etaSeconds)}`;
  const chunks =
    event.chunks.total > 1
      ? ` ${String(event.chunks.done).padStart(String(event.chunks.total).length)}/${event.chunks.total}`
      : '';
  return `[seed:scale] ${event.step.padEnd(13)} ${bar} ${String(Math.floor(event.fraction * 100)).padStart(3)}%${chunks} ${humanCount(event.rows).padStart(6)} rows ${humanCount(event.rowsPerSecond).padStart(6)} rows/s ${eta}${event.note ? `  ${event.note}` : ''}`;
}

/**
 * Draws progress events on stderr (the CLI's listener). Steps of different databases run side by side:
 * on a terminal each running step has its own line, redrawn in place; a finished step's line stays.
 */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): ProgressListener {
  const tty = !!stream.isTTY;
  const running = new Map<string, ProgressEvent>();
  const lastPrinted = new Map<string, number>();
  let drawn = 0;
  let lastDraw = 0;
  return (event) => {
    const now = Date.now();
    if (!tty) {
      if (!event.done && now - (lastPrinted.get(event.step) ?? 0) < 5000) return;
      lastPrinted.set(event.step, now);
      stream.write(`${render(event)}\n`);
      return;
    }
    running.set(event.step, event);
    if (!event.done && now - lastDraw < 200) return;
    lastDraw = now;
    let out = drawn > 0 ? `\x1b[${drawn}A` : '';
    // Finished steps first (their lines stay), then the running ones (redrawn next time).
    const states = [...running.values()].sort((a, b) => Number(b.done) - Number(a.done));
    for (const state of states) {
      out += `\r\x1b[2K${render(state)}\n`;
      if (state.done) running.delete(state.step);
    }
    // Lines of steps that finished are now permanent; the running ones are redrawn next time.
    drawn = running.size;
    stream.write(out);
  };
}

/** Tracks one step: call `update(fraction, rows)`; emits events to the listener. */
export class StepProgress {
  private readonly started = Date.now();
  private rows = 0;
  private fraction = 0;

  constructor(
    private readonly step: string,
    private readonly listener: ProgressListener | undefined,
    private readonly initialFraction = 0,
    private readonly chunks = { done: 0, total: 1 },
  ) {
    this.fraction = initialFraction;
    this.emit(false);
  }

  update(fraction: number, addedRows: number, note?: string): void {
    this.fraction = fraction;
    this.rows += addedRows;
    this.emit(false, note);
  }

  /** A chunk was committed. */
  chunkDone(fraction: number, addedRows: number): void {
    this.chunks.done += 1;
    this.update(fraction, addedRows);
  }

  finish(note?: string): { seconds: number; rows: number } {
    this.fraction = 1;
    this.emit(true, note);
    return { seconds: (Date.now() - this.started) / 1000, rows: this.rows };
  }

  private emit(done: boolean, note?: string): void {
    if (!this.listener) return;
    const elapsed = (Date.now() - this.started) / 1000;
    const progressed = this.fraction - this.initialFraction;
    const eta = progressed > 0.001 && !done ? (elapsed / progressed) * (1 - this.fraction) : null;
    this.listener({
      step: this.step,
      fraction: this.fraction,
      rows: this.rows,
      rowsPerSecond: elapsed > 0 ? this.rows / elapsed : 0,
      etaSeconds: eta,
      elapsedSeconds: elapsed,
      done,
      chunks: { ...this.chunks },
      note,
    });
  }
}
