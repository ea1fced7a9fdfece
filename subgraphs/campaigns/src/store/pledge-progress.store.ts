/**
 * What members write against an open pledge: progress reports (every correction kept as a revision)
 * and staged scorecards (self, cross, verified) with their item points.
 */
import {
  defineTable,
  preparedStatement,
  queryPrepared,
  type Queryable,
  type TableDescriptor,
} from '@tdkt/subgraph-kit';
import { ProgressReport, Scorecard, type ScorecardStage } from '../types/pledge.types.js';
import { organizationCopyJson } from './organization-copy.store.js';

export const PROGRESS_REPORT_TABLE: TableDescriptor = defineTable('campaigns', 'progress_report', [
  'pledge_id',
  'organization_id',
  'item_code',
  'period',
  'revision',
  'value',
  'note',
  'reported_at',
  'reported_by',
]);
export const SCORECARD_TABLE: TableDescriptor = defineTable('campaigns', 'scorecard', [
  'pledge_id',
  'organization_id',
  'stage',
  'bonus',
  'penalty',
  'total_score',
  'scheme_version',
  'scored_by_organization_id',
  'submitted_at',
  'submitted_by',
]);
export const SCORECARD_ITEM_TABLE: TableDescriptor = defineTable('campaigns', 'scorecard_item', [
  'pledge_id',
  'organization_id',
  'stage',
  'item_code',
  'points',
]);

/** A scorecard as read, before its item points are defaulted to an empty list. */
type ScorecardRow = Omit<Scorecard, 'scores'> & {
  scores: { itemCode: string; points: number; justification: string | null }[] | null;
};

const PROGRESS_COLUMNS = `pledge_id AS "pledgeId", organization_id AS "organizationId", item_code AS "itemCode", period, revision,
              value::float8 AS value, note, reported_at AS "reportedAt"`;

const toProgressReport = (row: ProgressReport): ProgressReport => Object.assign(new ProgressReport(), row);

/** The board's progress: prepared once per pooled connection (planning it cost more than running it). */
const CURRENT_PROGRESS = preparedStatement(
  'campaigns.currentProgress',
  `SELECT r.*, ${organizationCopyJson('oc')} AS "organizationNames"
     FROM (SELECT DISTINCT ON (pledge_id, organization_id, item_code, period) ${PROGRESS_COLUMNS}
             FROM progress_report WHERE pledge_id = ANY($1::uuid[])
            ORDER BY pledge_id, organization_id, item_code, period, revision DESC) r
     LEFT JOIN organization_copy oc ON oc.id = r."organizationId"
    ORDER BY r."pledgeId", r."organizationId", r."itemCode", r.period`,
);

export interface NewProgressReport {
  pledgeId: string;
  organizationId: string;
  itemCode: string;
  period: string;
  value: number;
  note: string | null;
  reportedBy: string | null;
}

export interface NewScorecard {
  pledgeId: string;
  organizationId: string;
  stage: ScorecardStage;
  bonus: number;
  penalty: number;
  totalScore: number;
  schemeVersion: number;
  scoredByOrganizationId: string | null;
  submittedBy: string | null;
  /** justification: a column outside SCORECARD_ITEM_TABLE's bulk-load list (the loader writes none). */
  scores: { itemCode: string; points: number; justification?: string | null }[];
}

export class PledgeProgressStore {
  constructor(private readonly db: Queryable) {}

  /** The current value of every (member, item, period): the latest revision; units named from the copy. */
  async currentProgressOf(pledgeIds: readonly string[]): Promise<ProgressReport[]> {
    const rows = await queryPrepared<ProgressReport>(this.db, CURRENT_PROGRESS, [pledgeIds]);
    return rows.map(toProgressReport);
  }

  /** Every revision of every report (corrections keep the earlier values); units named from the copy. */
  async progressHistoryOf(pledgeIds: readonly string[]): Promise<ProgressReport[]> {
    const rows: ProgressReport[] = await this.db.query(
      `SELECT ${PROGRESS_COLUMNS}, ${organizationCopyJson('oc')} AS "organizationNames"
         FROM progress_report LEFT JOIN organization_copy oc ON oc.id = organization_id
        WHERE pledge_id = ANY($1::uuid[])
        ORDER BY organization_id, item_code, period, revision`,
      [pledgeIds],
    );
    return rows.map(toProgressReport);
  }

  /** Per member, in stage order (self, cross, verified); item points in the pledge's item order. */
  async scorecardsOf(pledgeIds: readonly string[]): Promise<Scorecard[]> {
    const rows: ScorecardRow[] = await this.db.query(
      `SELECT s.pledge_id AS "pledgeId", s.organization_id AS "organizationId", s.stage, s.bonus::float8 AS bonus, s.penalty::float8 AS penalty,
              s.total_score::float8 AS "totalScore", s.scheme_version AS "schemeVersion", s.submitted_at AS "submittedAt",
              s.scored_by_organization_id AS "scoredByOrganizationId",
              (SELECT json_agg(json_build_object('itemCode', i.item_code, 'points', i.points::float8, 'justification', i.justification) ORDER BY pi.position)
                 FROM scorecard_item i JOIN pledge_item pi ON pi.pledge_id = i.pledge_id AND pi.code = i.item_code
                WHERE i.pledge_id = s.pledge_id AND i.organization_id = s.organization_id AND i.stage = s.stage) AS scores
         FROM scorecard s WHERE s.pledge_id = ANY($1::uuid[])
        ORDER BY s.organization_id, CASE s.stage WHEN 'SELF' THEN 0 WHEN 'CROSS' THEN 1 ELSE 2 END`,
      [pledgeIds],
    );
    return rows.map((row) => Object.assign(new Scorecard(), { ...row, scores: row.scores ?? [] }));
  }

  /** A new revision of one report (1 for the first, the last + 1 after), returned as read back. */
  async insertProgress(report: NewProgressReport): Promise<ProgressReport> {
    const [row] = await this.db.query(
      `INSERT INTO progress_report (pledge_id, organization_id, item_code, period, revision, value, note, reported_by)
           SELECT $1, $2, $3, $4, coalesce(max(revision), 0) + 1, $5, $6, $7
             FROM progress_report WHERE pledge_id = $1 AND organization_id = $2 AND item_code = $3 AND period = $4
           RETURNING ${PROGRESS_COLUMNS}`,
      [
        report.pledgeId,
        report.organizationId,
        report.itemCode,
        report.period,
        report.value,
        report.note,
        report.reportedBy,
      ],
    );
    return toProgressReport(row);
  }

  async scorecardExists(pledgeId: string, organizationId: string, stage: ScorecardStage): Promise<boolean> {
    const [earlier] = await this.db.query(
      `SELECT 1 FROM scorecard WHERE pledge_id = $1 AND organization_id = $2 AND stage = $3`,
      [pledgeId, organizationId, stage],
    );
    return !!earlier;
  }

  /** Replaces the member's scorecard of that stage (its item points go with it: ON DELETE CASCADE). */
  async replaceScorecard(card: NewScorecard): Promise<void> {
    await this.db.query(`DELETE FROM scorecard WHERE pledge_id = $1 AND organization_id = $2 AND stage = $3`, [
      card.pledgeId,
      card.organizationId,
      card.stage,
    ]);
    await this.db.query(
      `INSERT INTO scorecard (pledge_id, organization_id, stage, bonus, penalty, total_score, scheme_version, scored_by_organization_id, submitted_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        card.pledgeId,
        card.organizationId,
        card.stage,
        card.bonus,
        card.penalty,
        card.totalScore,
        card.schemeVersion,
        card.scoredByOrganizationId,
        card.submittedBy,
      ],
    );
    await this.db.query(
      `INSERT INTO scorecard_item (pledge_id, organization_id, stage, item_code, points, justification)
           SELECT $1, $2, $3, unnest($4::text[]), unnest($5::numeric[]), unnest($6::text[])`,
      [
        card.pledgeId,
        card.organizationId,
        card.stage,
        card.scores.map((score) => score.itemCode),
        card.scores.map((score) => score.points),
        card.scores.map((score) => score.justification ?? null),
      ],
    );
  }

  /** The verified (thẩm định) totals of a pledge's members. */
  async verifiedTotals(pledgeId: string): Promise<{ organizationId: string; total: number }[]> {
    return this.db.query(
      `SELECT organization_id AS "organizationId", total_score::float8 AS total FROM scorecard WHERE pledge_id = $1 AND stage = 'VERIFIED'`,
      [pledgeId],
    );
  }
}
