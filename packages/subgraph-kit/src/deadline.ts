/**
 * A write never commits after its caller was told it failed. The gateway sends, with every subgraph
 * call, how many milliseconds it will wait for the answer (`x-tdkt-deadline-ms`); the subgraph trusts
 * it only after the internal caller token has been verified. A mutation's transaction then:
 *
 * - waits for row locks and runs each statement at most until the commit deadline (the gateway's
 *   deadline less a margin for the commit and the answer), through `SET LOCAL lock_timeout` and
 *   `statement_timeout`; a lock or statement timeout is a retryable SERVICE_UNAVAILABLE;
 * - checks before COMMIT that the deadline has not passed and the HTTP request was not aborted (the
 *   gateway or client gone), and rolls back otherwise.
 *
 * Without the header (a peer subgraph, an operator's tool) only the abort check and the pool's
 * statement timeout apply.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { WRITE_TIMED_OUT_MESSAGE, serviceUnavailable } from './errors.js';

export const DEADLINE_HEADER = 'x-tdkt-deadline-ms';

/** Budgets above this are not a deadline anyone waits for: ignored as malformed. */
const MAX_BUDGET_MS = 10 * 60_000;
const DEFAULT_MARGIN_MS = 1000;

const CALLER_GONE_MESSAGE =
  'Yêu cầu đã bị huỷ hoặc hết thời gian trước khi ghi xong; không có thay đổi nào được lưu. Vui lòng thử lại.';

export interface RequestDeadline {
  /** `performance.now()` after which a transaction must not commit; null without a deadline. */
  commitBy: number | null;
  /** Aborted when the HTTP request ends before its answer was sent. */
  signal: AbortSignal;
}

const scope = new AsyncLocalStorage<RequestDeadline>();

/**
 * `SUBGRAPH_WRITE_MARGIN_MS` (default 1000): the time kept between the last moment a transaction may
 * commit and the gateway's deadline, for the COMMIT, the answer and the network. Never more than half
 * of a budget.
 */
export function writeMarginMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['SUBGRAPH_WRITE_MARGIN_MS'];
  const value = raw === undefined || raw === '' ? DEFAULT_MARGIN_MS : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_MARGIN_MS;
}

/** The budget in the header, or null when absent or malformed. */
export function budgetFromHeader(header: string | string[] | undefined): number | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (!raw || !/^\d{1,9}$/.test(raw)) return null;
  const budget = Number(raw);
  return budget > 0 && budget <= MAX_BUDGET_MS ? budget : null;
}

/**
 * Runs the rest of the request (`next`) with its deadline: `budgetMs` counted from now (the request's
 * arrival), and `signal` from the response's premature close.
 */
export function runWithDeadline(
  budgetMs: number | null,
  signal: AbortSignal,
  next: () => void,
  marginMs = writeMarginMs(),
): void {
  const commitBy = budgetMs === null ? null : performance.now() + budgetMs - Math.min(marginMs, budgetMs / 2);
  scope.run({ commitBy, signal }, next);
}

/** An AbortSignal that fires when the response closes before it was completely sent. */
export function abortedWhenClosedEarly(res: {
  once(event: 'close', listener: () => void): unknown;
  writableFinished: boolean;
}): AbortSignal {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}

export function currentDeadline(): RequestDeadline | undefined {
  return scope.getStore();
}

/** Milliseconds left before the commit deadline (0 when past), or null without a deadline. */
function remainingMs(deadline: RequestDeadline | undefined): number | null {
  if (!deadline || deadline.commitBy === null) return null;
  return Math.max(0, Math.floor(deadline.commitBy - performance.now()));
}

/**
 * First statement of a mutation's transaction: bounds lock waits and statements by the time left. A
 * request already aborted or out of time is refused before it touches a row.
 */
export async function applyWriteDeadline(manager: EntityManager): Promise<void> {
  const deadline = currentDeadline();
  if (deadline?.signal.aborted) throw serviceUnavailable(CALLER_GONE_MESSAGE);
  const remaining = remainingMs(deadline);
  if (remaining === null) return;
  if (remaining < 1) throw serviceUnavailable(WRITE_TIMED_OUT_MESSAGE);
  const value = `${remaining}ms`;
  await manager.query(`SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $1, true)`, [
    value,
  ]);
}

/** Last check before COMMIT: a caller that is gone, or a deadline that has passed, rolls the work back. */
export function assertMayCommit(): void {
  const deadline = currentDeadline();
  if (!deadline) return;
  if (deadline.signal.aborted) throw serviceUnavailable(CALLER_GONE_MESSAGE);
  if (remainingMs(deadline) === 0) throw serviceUnavailable(WRITE_TIMED_OUT_MESSAGE);
}
