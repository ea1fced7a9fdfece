/**
 * Which dataset a data directory holds. `npm run seed:scale -- --preset X` records its load in each
 * database (schema `scale_seed`, table `run`: preset, finished_at); the bench measures a scale
 * dataset only when all three subgraphs' loads of that preset have finished.
 */
import pg from 'pg';
import type { SubgraphName } from './stack.js';

export interface ScaleLoad {
  preset: string;
  finished: boolean;
}

export async function scaleLoads(
  databaseUrls: Record<SubgraphName, string>,
): Promise<Record<SubgraphName, ScaleLoad | null>> {
  const loads = {} as Record<SubgraphName, ScaleLoad | null>;
  for (const [subgraph, url] of Object.entries(databaseUrls) as [SubgraphName, string][]) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows: tables } = await client.query(
        `SELECT 1 FROM information_schema.tables WHERE table_schema = 'scale_seed' AND table_name = 'run'`,
      );
      if (tables.length === 0) {
        loads[subgraph] = null;
        continue;
      }
      const { rows } = await client.query<{ preset: string; finished_at: Date | null }>(
        `SELECT preset, finished_at FROM scale_seed.run WHERE subgraph = $1`,
        [subgraph],
      );
      loads[subgraph] = rows[0] ? { preset: rows[0].preset, finished: rows[0].finished_at !== null } : null;
    } finally {
      await client.end();
    }
  }
  return loads;
}

/** Null when the data directory holds the finished `preset` load, else what is wrong, in words. */
export function scaleProblem(loads: Record<string, ScaleLoad | null>, preset: string): string | null {
  const problems: string[] = [];
  for (const [subgraph, load] of Object.entries(loads)) {
    if (!load) problems.push(`${subgraph}: no scale load`);
    else if (load.preset !== preset) problems.push(`${subgraph}: the ${load.preset} preset is loaded, not ${preset}`);
    else if (!load.finished)
      problems.push(`${subgraph}: the ${preset} load has not finished (interrupted, or still running)`);
  }
  return problems.length ? problems.join('; ') : null;
}

/**
 * A freshly loaded dataset has never been vacuumed: no visibility map (index-only scans read the heap)
 * and no hint bits, and autovacuum starts on the big tables in the middle of the measurement. Seen on
 * the national dataset: PostgreSQL's CPU per BlocBoard fell from 15.5 to 3.1 ms after one VACUUM.
 * Vacuums (and analyses) every table of more than 10,000 rows that has no vacuum yet, or has had many
 * inserts since its last one. Changes no data. Returns the tables vacuumed.
 */
export async function vacuumIfNeeded(databaseUrls: Record<SubgraphName, string>): Promise<string[]> {
  const done: string[] = [];
  for (const url of Object.values(databaseUrls)) {
    const client = new pg.Client({ connectionString: url, application_name: 'tdkt-bench-vacuum' });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        `SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables
          WHERE n_live_tup > 10000
            AND (coalesce(last_vacuum, last_autovacuum) IS NULL OR n_ins_since_vacuum > n_live_tup / 5)
          ORDER BY n_live_tup DESC`,
      );
      if (rows.length) await client.query(`SET maintenance_work_mem = '256MB'`);
      for (const row of rows) {
        await client.query(`VACUUM (ANALYZE) ${row.name}`);
        done.push(row.name);
      }
    } finally {
      await client.end();
    }
  }
  return done;
}
