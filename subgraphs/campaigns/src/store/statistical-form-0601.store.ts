/**
 * The counts behind statistical form 0601.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV): movements launched in
 * a period, grouped by launch level, scope, method and duration class, in one statement.
 */
import type { Queryable } from '@tdkt/subgraph-kit';
import type {
  MovementDurationClass,
  MovementLaunchLevel,
  MovementMethod,
  MovementScope,
} from '../types/movement.enums.js';

/** One group of movements with the same launch level, scope, method and duration class. */
export interface MovementFormCell {
  launchLevel: MovementLaunchLevel;
  scope: MovementScope;
  method: MovementMethod;
  duration: MovementDurationClass | null;
  count: number;
}

/** rules/movement.rule.ts durationClass, in SQL (the day after the end against the start plus whole years). */
const DURATION_SQL = `CASE
    WHEN end_date IS NULL THEN NULL
    WHEN end_date + 1 < (start_date + interval '1 year')::date THEN 'LESS_THAN_1Y'
    WHEN end_date + 1 = (start_date + interval '1 year')::date THEN 'ONE_YEAR'
    WHEN end_date + 1 <= (start_date + interval '3 years')::date THEN 'ONE_TO_3Y'
    WHEN end_date + 1 < (start_date + interval '5 years')::date THEN 'THREE_TO_5Y'
    ELSE 'FIVE_YEARS_OR_MORE' END`;

export class StatisticalForm0601Store {
  constructor(private readonly db: Queryable) {}

  /**
   * A movement counts in the year it was launched (`launched_on`, else `start_date`;
   * movement_launch_date_idx); `launcherIds` null: every launcher.
   */
  cells(yearFrom: number, yearTo: number, launcherIds: string[] | null): Promise<MovementFormCell[]> {
    return this.db.query(
      `SELECT launch_level AS "launchLevel", scope, method, ${DURATION_SQL} AS duration, count(*)::int AS count
         FROM movement
        WHERE coalesce(launched_on, start_date) BETWEEN make_date($1, 1, 1) AND make_date($2, 12, 31)
          AND ($3::uuid[] IS NULL OR launched_by_id = ANY ($3::uuid[]))
        GROUP BY 1, 2, 3, 4`,
      [yearFrom, yearTo, launcherIds],
    );
  }
}
