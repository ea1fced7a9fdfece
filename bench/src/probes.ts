/**
 * What the processes cost while the load runs, read from outside: resident memory and CPU time from
 * /proc, and the platform's own Prometheus counters (SQL statements, requests, subgraph fetch time).
 * PostgreSQL is the postmaster plus its children (one backend per pooled connection); its RSS sum
 * counts shared buffers once per backend that touched them, so the proportional size (PSS) is given
 * beside it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';

const CLOCK_TICKS = 100; // USER_HZ on Linux

function readStatus(pid: number): { rssKb: number; hwmKb: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
      hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
    };
  } catch {
    return null;
  }
}

function readPss(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** utime + stime of a process, in seconds. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

export function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) found.push(Number(entry));
    } catch {
      // gone
    }
  }
  return found;
}

export interface MemoryPeaks {
  /** Highest RSS seen by polling, MB, per process (postgres: sum over postmaster and backends). */
  peakRssMb: Record<string, number>;
  /** Highest PSS of the postgres processes together, MB. */
  postgresPeakPssMb: number;
  /** VmHWM (the kernel's own peak RSS over the process's life, start-up included), MB. */
  hwmMb: Record<string, number>;
}

const mb = (kb: number) => Math.round(kb / 102.4) / 10;

/** Polls the RSS of named node processes and of the postgres tree; keeps the peaks. */
export class MemorySampler {
  private readonly peaks = new Map<string, number>();
  private postgresPss = 0;
  private timer: NodeJS.Timeout | undefined;
  private postgresTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly processes: Record<string, number>,
    private readonly postmasterPid: number,
  ) {}

  private note(name: string, kb: number): void {
    if (kb > (this.peaks.get(name) ?? 0)) this.peaks.set(name, kb);
  }

  private sampleNode(): void {
    for (const [name, pid] of Object.entries(this.processes)) {
      const status = readStatus(pid);
      if (status) this.note(name, status.rssKb);
    }
  }

  private samplePostgres(): void {
    const pids = [this.postmasterPid, ...childrenOf(this.postmasterPid)];
    let rss = 0;
    let pss = 0;
    for (const pid of pids) {
      rss += readStatus(pid)?.rssKb ?? 0;
      pss += readPss(pid);
    }
    this.note('postgres', rss);
    if (pss > this.postgresPss) this.postgresPss = pss;
  }

  start(): void {
    this.sampleNode();
    this.samplePostgres();
    this.timer = setInterval(() => this.sampleNode(), 200);
    this.postgresTimer = setInterval(() => this.samplePostgres(), 1000);
    this.timer.unref();
    this.postgresTimer.unref();
  }

  stop(): MemoryPeaks {
    clearInterval(this.timer);
    clearInterval(this.postgresTimer);
    this.sampleNode();
    this.samplePostgres();
    const hwm: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.processes)) hwm[name] = mb(readStatus(pid)?.hwmKb ?? 0);
    return {
      peakRssMb: Object.fromEntries([...this.peaks].map(([name, kb]) => [name, mb(kb)])),
      postgresPeakPssMb: mb(this.postgresPss),
      hwmMb: hwm,
    };
  }
}

/** CPU seconds of the children a process has waited for (a backend's time, once it has exited). */
function reapedChildrenCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of each process at one moment. Postgres: the postmaster, its live backends, and the
 * backends that have exited (their time moves into the postmaster's cutime/cstime when it reaps
 * them), so the total only grows even when the pools close idle connections.
 */
export function cpuSnapshot(processes: Record<string, number>, postmasterPid: number): Record<string, number> {
  const snapshot: Record<string, number> = {};
  for (const [name, pid] of Object.entries(processes)) snapshot[name] = cpuSecondsOf(pid);
  snapshot['postgres'] =
    [postmasterPid, ...childrenOf(postmasterPid)].reduce((sum, pid) => sum + cpuSecondsOf(pid), 0) +
    reapedChildrenCpuSeconds(postmasterPid);
  const own = process.cpuUsage();
  snapshot['bench'] = (own.user + own.system) / 1e6;
  snapshot['machine'] = machineBusySeconds();
  return snapshot;
}

/** Busy CPU seconds of the whole machine (all processes, ours and anyone else's). */
export function machineBusySeconds(): number {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: busy = all but idle and iowait.
    const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return (total - fields[3]! - fields[4]!) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

export type Series = Map<string, number>;

/** Prometheus text → series (`name{labels}` → value). */
export async function scrape(baseUrl: string): Promise<Series> {
  const series: Series = new Map();
  try {
    const text = await (await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(5000) })).text();
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const space = line.lastIndexOf(' ');
      series.set(line.slice(0, space), Number(line.slice(space + 1)));
    }
  } catch {
    // a process that does not answer has no series
  }
  return series;
}

/** Sum of a metric's series whose labels contain every `label="value"` given, after minus before. */
export function delta(before: Series, after: Series, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  let sum = 0;
  for (const [key, value] of after) {
    if (key !== name && !key.startsWith(`${name}{`)) continue;
    if (!wanted.every((label) => key.includes(label))) continue;
    sum += value - (before.get(key) ?? 0);
  }
  return sum;
}

export interface SqlHotSpot {
  /** The statement, whitespace collapsed, cut at 160 characters. */
  statement: string;
  database: string;
  /** Share of the samples in which a backend was running it (can add up to more than 1: concurrency). */
  share: number;
}

/**
 * A sampling profiler for PostgreSQL: every 100 ms, which statements the backends are running
 * (pg_stat_activity). Statements seen most often are where the database time goes.
 */
export class SqlSampler {
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private samples = 0;
  private readonly seen = new Map<string, { database: string; count: number }>();

  constructor(private readonly adminUrl: string) {}

  async start(): Promise<void> {
    this.client = new pg.Client({ connectionString: this.adminUrl, application_name: 'tdkt-bench-sampler' });
    await this.client.connect();
    let busy = false;
    this.timer = setInterval(() => {
      if (busy || !this.client) return;
      busy = true;
      this.client
        .query<{ datname: string; query: string }>(
          `SELECT datname, query FROM pg_stat_activity
            WHERE pid <> pg_backend_pid() AND datname LIKE 'tdkt_%'
              AND (backend_type = 'client backend' AND state = 'active' OR backend_type = 'autovacuum worker')`,
        )
        .then(({ rows }) => {
          this.samples += 1;
          for (const row of rows) {
            const statement = row.query.replace(/\s+/g, ' ').trim().slice(0, 160);
            const key = `${row.datname}\u0000${statement}`;
            const entry = this.seen.get(key) ?? { database: row.datname, count: 0 };
            entry.count += 1;
            this.seen.set(key, entry);
          }
        })
        .catch(() => undefined)
        .finally(() => (busy = false));
    }, 100);
    this.timer.unref();
  }

  /** The statements seen most, and resets the counts (one call per phase). */
  take(count = 5): SqlHotSpot[] {
    const top = [...this.seen]
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, count)
      .map(([key, entry]) => ({
        statement: key.split('\u0000')[1]!,
        database: entry.database.replace(/^tdkt_/, ''),
        share: this.samples ? Math.round((entry.count / this.samples) * 100) / 100 : 0,
      }));
    this.seen.clear();
    this.samples = 0;
    return top;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }
}
