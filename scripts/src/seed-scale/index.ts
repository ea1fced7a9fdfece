/**
 * `seedScale`: a national-scale, deterministic dataset loaded through the real schemas, for load tests
 * and the benchmark.
 * `npm run seed:scale -- --preset national` is the CLI (scripts/src/seed-scale.ts); tests and the
 * benchmark call this function.
 *
 * Order: databases (as `npm start` resolves them) → migrations and reference data → plan (in memory) →
 * steps, each resumable chunk by chunk: organizations, blocs, persons, pledges, awards. A rerun continues
 * after the last committed chunk; a finished load is left as it is; `restart` first removes every
 * generated row (and only those) and loads again.
 */
import path from 'node:path';
import pg from 'pg';
import { subgraphEntry, SUBGRAPHS } from '@tdkt/platform';
import { awardsStep } from './awards-step.js';
import { blocsStep, organizationsStep, personsStep } from './organizations-steps.js';
import { buildPlan } from './plan.js';
import { pledgesStep } from './pledges.js';
import { GENERATOR_VERSION, presetByName, type PresetName, type ScalePreset } from './presets.js';
import type { ProgressListener } from './progress.js';
import { runStep, type LoadContext, type StepDefinition, type StepResult } from './runner.js';
import { removeGeneratedRows } from './restart.js';
import { restoreIndexes } from './set-aside.js';
import { clearState, ensureStateSchema, finishRun, readRun, startRun, STATE_SCHEMA } from './state.js';
import { AWARDS_SCALE_TABLES, tableName } from './tables.js';
import { prepareDatabases, resolveDatabases, type DatabaseUrls, type Subgraph } from './targets.js';

export { PRESETS, type PresetName, type ScalePreset } from './presets.js';
export { stderrProgress, type ProgressEvent, type ProgressListener } from './progress.js';
export { buildPlan, type Plan } from './plan.js';
export type { StepResult } from './runner.js';
export type { DatabaseUrls } from './targets.js';

export interface SeedScaleOptions {
  preset: PresetName | ScalePreset;
  /** Target databases; when absent they are resolved like `npm start` (DATABASE_URL… or the embedded cluster). */
  databaseUrls?: DatabaseUrls;
  /** Remove the generated rows first and load again. */
  restart?: boolean;
  onProgress?: ProgressListener;
  log?: (line: string) => void;
  /** Demo rows of the reference seed (default: SEED_DEMO, true unless "false"), as `npm start` does. */
  demo?: boolean;
  /** Keep indexes and keys during the load instead of rebuilding them at the end (slower; for comparison). */
  keepIndexes?: boolean;
  /** Repository root (for .data/); default: this package's parent. */
  root?: string;
  env?: NodeJS.ProcessEnv;
  /** Aborting closes the connections: the chunk in progress is rolled back, committed ones stay (resume later). */
  signal?: AbortSignal;
}

export interface SeedScaleTable {
  table: string;
  rows: number;
  /** Rows per second of the step that wrote the table (this run). */
  rowsPerSecond: number;
}

export interface SeedScaleReport {
  preset: PresetName | string;
  target: string;
  /** loaded: everything written by this run; resumed: continued an interrupted load; unchanged: it was already complete. */
  status: 'loaded' | 'resumed' | 'unchanged';
  seconds: number;
  /** Rows written by this run, and per second of the whole run. */
  rows: number;
  rowsPerSecond: number;
  /** Rows of the dataset per table, over all runs. */
  tables: SeedScaleTable[];
  steps: (StepResult & { rowsPerSecond: number })[];
  /** Rows removed by `restart`, per table. */
  removed: Record<string, number>;
  /** Size of each subgraph's schema (tables and indexes), bytes. */
  sizes: Record<Subgraph, number>;
  /** Seconds spent before the steps: databases, migrations, reference seed, plan. */
  prepareSeconds: number;
  workflowShare: number;
  /** Peak resident memory of this process, MB. */
  peakRssMb: number;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'tdkt-seed-scale' });
  await client.connect();
  // A bulk load: no waiting for the WAL flush per chunk (a crash loses at most the last chunks, which
  // the bookkeeping then redoes), big sorts for the index builds and the rollups' aggregation (no spill
  // to disk), no statement limit.
  for (const setting of [
    `SET synchronous_commit = off`,
    `SET maintenance_work_mem = '1GB'`,
    `SET work_mem = '256MB'`,
    `SET statement_timeout = 0`,
    `SET lock_timeout = '60s'`,
    `SET client_min_messages = warning`,
  ]) {
    await client.query(setting);
  }
  return client;
}

async function hasFunction(client: pg.ClientBase, signature: string): Promise<boolean> {
  const { rows } = await client.query<{ found: string | null }>(`SELECT to_regprocedure($1)::text AS found`, [
    signature,
  ]);
  return rows[0]!.found !== null;
}

async function schemaSize(client: pg.ClientBase, schema: string): Promise<number> {
  const { rows } = await client.query<{ bytes: string | null }>(
    `SELECT sum(pg_total_relation_size(c.oid))::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
    [schema],
  );
  return Number(rows[0]!.bytes ?? 0);
}

const ROLLUPS = `${subgraphEntry('awards').databaseSchema}.rebuild_award_rollups()`;
const STEPS = ['organizations', 'blocs', 'persons', 'pledges', 'awards'] as const;
/** The steps that write into each subgraph's database (a subgraph without one gets only its migrations and seed). */
const STEPS_OF: Record<Subgraph, string[]> = {
  organizations: ['organizations', 'blocs', 'persons'],
  campaigns: ['pledges'],
  awards: ['awards'],
};

export async function seedScale(options: SeedScaleOptions): Promise<SeedScaleReport> {
  const started = Date.now();
  const preset = typeof options.preset === 'string' ? presetByName(options.preset) : options.preset;
  const log = options.log ?? (() => undefined);
  const env = options.env ?? process.env;
  const root = options.root ?? path.resolve(__dirname, '..', '..', '..');
  const resolved = options.databaseUrls
    ? {
        urls: options.databaseUrls,
        description: [
          ...new Set(Object.values(options.databaseUrls).map((url) => new URL(url).pathname.slice(1))),
        ].join(', '),
        release: async () => undefined,
      }
    : await resolveDatabases({ root, env, log });
  const clients = {} as Record<Subgraph, pg.Client>;
  const abort = () => {
    for (const client of Object.values(clients)) void client.end().catch(() => undefined);
  };
  options.signal?.addEventListener('abort', abort);
  try {
    log(`target: ${resolved.description}`);
    for (const { name } of SUBGRAPHS) clients[name] = await connect(resolved.urls[name]);
    for (const { name } of SUBGRAPHS) {
      await ensureStateSchema(clients[name]);
      // An interrupted load left keys and indexes aside: put them back before anything else writes
      // (the reference seed relies on them); the step sets them aside again when it resumes.
      const restored = await restoreIndexes(clients[name], null);
      if (restored) log(`${name}: put back ${restored} indexes, keys and triggers an interrupted load had set aside`);
    }
    await prepareDatabases(resolved.urls, { demo: options.demo ?? env['SEED_DEMO'] !== 'false' });

    const removed: Record<string, number> = {};
    const runs = await Promise.all(SUBGRAPHS.map(({ name }) => readRun(clients[name], name)));
    if (options.restart) {
      for (const { name, databaseSchema } of SUBGRAPHS) {
        log(`restart: removing the generated rows of ${name}`);
        Object.assign(removed, await removeGeneratedRows(clients[name], databaseSchema));
        await restoreIndexes(clients[name], null);
        if (name === 'awards' && (await hasFunction(clients[name], ROLLUPS)))
          await clients[name].query(`SELECT ${ROLLUPS}`);
        await clearState(clients[name], name, STEPS_OF[name] ?? []);
      }
    } else {
      const other = runs.find((run) => run && (run.preset !== preset.name || run.generator !== GENERATOR_VERSION));
      if (other) {
        throw new Error(
          `These databases hold a scale dataset of preset "${other.preset}" (generator ${other.generator}); pass --restart to replace it with "${preset.name}"`,
        );
      }
    }
    const resuming = !options.restart && runs.some((run) => run !== null);
    const complete = !options.restart && runs.every((run) => run?.finishedAt);
    for (const { name } of SUBGRAPHS) await startRun(clients[name], name, preset.name, GENERATOR_VERSION);

    const plan = buildPlan(preset);
    const prepareSeconds = (Date.now() - started) / 1000;
    log(
      `plan: ${plan.orgs.length.toLocaleString('en-US')} organizations (${plan.orgs.filter((org) => org.generated).length.toLocaleString('en-US')} generated), ${plan.totalPersons.toLocaleString('en-US')} persons, ${plan.blocs.length} blocs, ${plan.chunks.length} chunks; ${prepareSeconds.toFixed(1)} s to prepare`,
    );
    const context: LoadContext = {
      plan,
      clients,
      listener: options.onProgress,
      log,
      dropIndexes: !options.keepIndexes,
    };
    const rollups = await hasFunction(clients.awards, ROLLUPS);
    const definitions: StepDefinition[] = [
      organizationsStep(context),
      blocsStep(context),
      personsStep(context),
      pledgesStep(context),
      awardsStep(context),
    ];
    const awards = definitions[4]!;
    if (rollups) {
      // Rollups maintained by triggers: off during the load, rebuilt once at the end.
      awards.disableTriggersOn = [
        tableName(AWARDS_SCALE_TABLES.award_grant),
        tableName(AWARDS_SCALE_TABLES.nomination),
      ];
      const after = awards.after;
      awards.after = async (client) => {
        await after?.(client);
        await client.query(`SELECT ${ROLLUPS}`);
      };
    }
    // Two lanes side by side (two PostgreSQL backends, both cores): the organizations database's steps,
    // and the campaigns and awards ones (no step reads another database: there are no cross-database
    // keys, and every step regenerates what it needs from the plan).
    const results = new Map<string, StepResult>();
    const lane = async (members: StepDefinition[]) => {
      for (const definition of members) results.set(definition.step, await runStep(context, definition));
    };
    const [organizations, blocs, persons, pledges] = definitions as [
      StepDefinition,
      StepDefinition,
      StepDefinition,
      StepDefinition,
    ];
    const lanes = [lane([organizations, blocs, persons]), lane([pledges, awards])];
    const settled = await Promise.allSettled(lanes);
    const failed = settled.find((entry): entry is PromiseRejectedResult => entry.status === 'rejected');
    if (failed) throw failed.reason;
    const steps = definitions.map((definition) => {
      const result = results.get(definition.step)!;
      return { ...result, rowsPerSecond: result.seconds > 0 ? result.rowsThisRun / result.seconds : 0 };
    });
    for (const { name } of SUBGRAPHS) await finishRun(clients[name], name);

    const tables: SeedScaleTable[] = [];
    for (const step of steps) {
      for (const [table, rows] of Object.entries(step.rows))
        tables.push({ table, rows, rowsPerSecond: step.seconds > 0 && !step.skipped ? rows / step.seconds : 0 });
    }
    const sizes = {} as Record<Subgraph, number>;
    for (const { name, databaseSchema } of SUBGRAPHS) sizes[name] = await schemaSize(clients[name], databaseSchema);
    const seconds = (Date.now() - started) / 1000;
    const rows = steps.reduce((sum, step) => sum + step.rowsThisRun, 0);
    return {
      preset: preset.name,
      target: resolved.description,
      status: complete ? 'unchanged' : resuming ? 'resumed' : 'loaded',
      seconds,
      rows,
      rowsPerSecond: seconds > 0 ? rows / seconds : 0,
      tables,
      steps,
      removed,
      sizes,
      prepareSeconds,
      workflowShare: plan.workflowShare,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } catch (error) {
    if (options.signal?.aborted)
      throw new Error('interrupted: the chunk in progress was rolled back; run again to resume');
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    for (const client of Object.values(clients)) await client.end().catch(() => undefined);
    await resolved.release();
  }
}

/** The report as text (the CLI prints it; the benchmark may too). */
export function formatReport(report: SeedScaleReport): string {
  const n = (value: number) => Math.round(value).toLocaleString('en-US');
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const lines = [
    `preset ${report.preset} → ${report.target}: ${report.status}`,
    `total ${report.seconds.toFixed(1)} s (prepare ${report.prepareSeconds.toFixed(1)} s), ${n(report.rows)} rows written, ${n(report.rowsPerSecond)} rows/s`,
    '',
    'step            seconds   (indexes)        rows      rows/s',
  ];
  for (const step of report.steps) {
    lines.push(
      `${step.step.padEnd(14)} ${step.skipped ? '   done before' : `${step.seconds.toFixed(1).padStart(8)} ${`(${step.indexSeconds.toFixed(1)})`.padStart(11)}`} ${n(step.rowsThisRun).padStart(11)} ${n(step.rowsPerSecond).padStart(11)}`,
    );
  }
  lines.push('', 'table                                  rows      rows/s');
  for (const table of report.tables)
    lines.push(
      `${table.table.padEnd(34)} ${n(table.rows).padStart(11)} ${table.rowsPerSecond ? n(table.rowsPerSecond).padStart(11) : ''}`,
    );
  lines.push(
    '',
    `size: ${SUBGRAPHS.map(({ name }) => `${name} ${mb(report.sizes[name] ?? 0)}`).join(', ')}; peak memory of the loader ${report.peakRssMb} MB`,
  );
  if (Object.keys(report.removed).length)
    lines.push(
      `removed by --restart: ${Object.entries(report.removed)
        .map(([table, rows]) => `${table} ${n(rows)}`)
        .join(', ')}`,
    );
  return lines.join('\n');
}

export { STATE_SCHEMA, STEPS };
