/**
 * Runs the platform's processes (subgraphs, gateway) as children of one supervisor, for `npm start`
 * and the benchmark: spawn with an IPC channel, wait until each is ready, restart a crashed one with a
 * doubling backoff or report it, and stop them in order (gateway before subgraphs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { nodeBinary, withPlatformFlags } from './node-binary.js';

/** Time each tier has to exit after SIGTERM (longer than a service's own force-exit timer). */
const STOP_GRACE_MS = 12_000;
/** Crashes within this window count towards the restart backoff. */
const CRASH_WINDOW_MS = 60_000;

export interface ProcessSpec {
  name: string;
  /** The Node.js script it runs. */
  script: string;
  env: NodeJS.ProcessEnv;
  /** Stop order: higher tiers stop first (the gateway before the subgraphs it calls). Default 0. */
  tier?: number;
}

export interface Supervised extends ProcessSpec {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Its output file, when output goes to files. */
  logFile?: string;
}

export interface SupervisorOptions {
  cwd: string;
  /**
   * Children's output: relayed to this process's stdout/stderr with `[name] ` before each line, or
   * straight into `<dir>/<name>.log` (a measuring supervisor spends no CPU relaying it).
   */
  output: 'prefixed' | { dir: string };
  /** Extra node flags for every child (e.g. --cpu-prof, which NODE_OPTIONS does not allow). */
  execArgv?: string[];
  /** The Node.js binary of the children; default `nodeBinary()` (TDKT_NODE, else this process's own). */
  node?: string;
  say(message: string): void;
  /**
   * After markReady(), a process that exits is a crash: started again with a backoff that doubles
   * while it keeps crashing (the others keep serving meanwhile), or only reported.
   */
  whenRunning: 'restart' | 'report';
  /** A process exited before markReady(): a start-up failure. */
  onStartupExit?(process: Supervised, code: number | null): void;
}

/**
 * A script of a workspace package as installed under `root` (a subgraph's `dist/main.js`): found
 * through the package's name, so the manifest needs no directory.
 */
export function packageScript(packageName: string, script: string, root: string): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`, { paths: [root] })), script);
}

/** The last lines of a file ('' when it cannot be read). */
export function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * GET `url` with node:http (not `fetch`, which refuses some ports outright and would make a start on
 * them wait for its whole timeout): true when it answers 2xx within `timeoutMs`.
 */
export function answers2xx(url: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: timeoutMs, agent: false }, (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      resolve(status >= 200 && status < 300);
    });
    request.once('timeout', () => request.destroy());
    request.once('error', () => resolve(false)); // not listening yet
  });
}

export class Supervisor {
  private readonly processes: Supervised[] = [];
  private readonly crashes = new Map<string, number[]>();
  private ready = false;
  private stopping: Promise<void> | undefined;
  private node: string | undefined;

  constructor(private readonly options: SupervisorOptions) {}

  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /** The processes now running, in launch order (a restarted one in its predecessor's place). */
  get running(): readonly Supervised[] {
    return this.processes;
  }

  launch(spec: ProcessSpec): Supervised {
    const supervised = this.spawn(spec);
    this.processes.push(supervised);
    return supervised;
  }

  /** Polls `url` until it answers 2xx; fails at once if the process exits first. */
  async waitReady(supervised: Supervised, url: string, timeoutMs: number): Promise<void> {
    const started = Date.now();
    let exitCode: number | null | undefined;
    void supervised.exited.then((code) => (exitCode = code));
    for (;;) {
      if (exitCode !== undefined) {
        const detail = supervised.logFile ? `:\n${tailOf(supervised.logFile, 15)}` : ' (see its log above)';
        throw new Error(`${supervised.name} exited with code ${exitCode} while starting${detail}`);
      }
      if (await answers2xx(url, 2000)) return;
      if (Date.now() - started > timeoutMs) {
        throw new Error(`${supervised.name} was not ready within ${timeoutMs / 1000} s (${url})`);
      }
      await delay(200);
    }
  }

  /** Start-up is over: from now on an exit is a crash (see `whenRunning`). */
  markReady(): void {
    this.ready = true;
  }

  pids(): Record<string, number> {
    return Object.fromEntries(this.processes.map((supervised) => [supervised.name, supervised.child.pid!]));
  }

  /** SIGTERM to each tier, highest first, waiting for it to exit before the next. Idempotent. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const tiers = [...new Set(this.processes.map((supervised) => supervised.tier ?? 0))].sort((a, b) => b - a);
      for (const tier of tiers) {
        const group = this.processes.filter((supervised) => (supervised.tier ?? 0) === tier);
        for (const { child } of group) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await Promise.race([Promise.all(group.map((supervised) => supervised.exited)), delay(STOP_GRACE_MS)]);
      }
    })();
    return this.stopping;
  }

  private spawn(spec: ProcessSpec): Supervised {
    const { cwd, output } = this.options;
    const execArgv = withPlatformFlags(this.options.execArgv ?? [], spec.env['NODE_OPTIONS']);
    // Resolved at the first launch, so a bad TDKT_NODE fails the start with its own message.
    const node = (this.node ??= this.options.node ?? nodeBinary());
    // An IPC channel: when this supervisor dies, even by SIGKILL, the children see 'disconnect' and stop.
    // Detached (own process group): a terminal Ctrl-C reaches only this supervisor, which then stops
    // the gateway, the subgraphs and Postgres in that order.
    let child: ChildProcess;
    let logFile: string | undefined;
    if (output === 'prefixed') {
      child = spawn(node, [...execArgv, spec.script], {
        cwd,
        env: spec.env,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        detached: true,
      });
      const prefix = `[${spec.name}] `;
      const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) stream.write(`${prefix}${line}\n`);
      };
      child.stdout?.on('data', forward(process.stdout));
      child.stderr?.on('data', forward(process.stderr));
    } else {
      logFile = path.join(output.dir, `${spec.name}.log`);
      const fd = openSync(logFile, 'a');
      child = spawn(node, [...execArgv, spec.script], {
        cwd,
        env: spec.env,
        stdio: ['ignore', fd, fd, 'ipc'],
        detached: true,
      });
      closeSync(fd);
    }
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      // A binary that cannot be started emits 'error' and never 'exit'.
      child.once('error', (error) => {
        this.options.say(`${spec.name} could not be started with ${node}: ${error.message}`);
        resolve(null);
      });
    });
    const supervised: Supervised = { ...spec, child, exited, ...(logFile ? { logFile } : {}) };
    void exited.then((code) => this.exitedUnexpectedly(supervised, code));
    return supervised;
  }

  private exitedUnexpectedly(supervised: Supervised, code: number | null): void {
    if (this.stopping) return;
    if (!this.ready) {
      this.options.onStartupExit?.(supervised, code);
      return;
    }
    if (this.options.whenRunning === 'report') {
      const tail = supervised.logFile ? `:\n${tailOf(supervised.logFile, 10)}` : '';
      this.options.say(`!! ${supervised.name} exited with code ${code} during the run${tail}`);
      return;
    }
    const recent = (this.crashes.get(supervised.name) ?? []).filter((at) => Date.now() - at < CRASH_WINDOW_MS);
    recent.push(Date.now());
    this.crashes.set(supervised.name, recent);
    const backoff = Math.min(30_000, 500 * 2 ** (recent.length - 1));
    this.options.say(`${supervised.name} exited unexpectedly (code ${code}); restarting it in ${backoff} ms`);
    setTimeout(() => {
      if (this.stopping) return;
      const { name, script, env, tier } = supervised;
      const replacement = this.spawn({ name, script, env, ...(tier !== undefined ? { tier } : {}) });
      this.processes[this.processes.indexOf(supervised)] = replacement;
    }, backoff).unref();
  }
}
