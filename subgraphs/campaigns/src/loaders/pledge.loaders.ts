/**
 * Pledge loaders: one statement per field over all parents of a request (a board of 30 members,
 * 10 items and 4 periods reads each table once).
 */
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { BlocVote, Pledge, PledgeItem, PledgeSignature, ProgressReport, RankingEntry, Scorecard, type PledgeRow } from '../types/pledge.types.js';
import { groupByKey, isUuid } from '@tdkt/subgraph-kit';

export { isUuid };


export const PLEDGE_COLUMNS = `p.id, p.bloc_id AS "blocId", p.year, p.theme, p.status, p.bonus_cap::float8 AS "bonusCap",
  p.leading_vote_threshold::float8 AS "leadingVoteThreshold", p.scheme_version AS "schemeVersion", p.opened_at AS "openedAt",
  p.signed_at AS "signedAt", p.closed_at AS "closedAt", p.is_demo AS "isDemo"`;

export const toPledge = (row: PledgeRow): Pledge => Object.assign(new Pledge(), row);

export function createPledgeLoaders(db: DataSource) {
  const pledgeById = new DataLoader<string, Pledge | null>(async (ids) => {
    const rows: PledgeRow[] = await db.query(`SELECT ${PLEDGE_COLUMNS} FROM pledge p WHERE p.id = ANY($1::uuid[])`, [ids.filter(isUuid).map((id) => id.toLowerCase())]);
    const byId = new Map(rows.map((row) => [row.id, toPledge(row)]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });

  /** Key: `${blocId}|${year}`. */
  const pledgeByBlocYear = new DataLoader<string, Pledge | null>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]).filter(([id]) => isUuid(id));
    const rows: PledgeRow[] = await db.query(
      `SELECT ${PLEDGE_COLUMNS} FROM pledge p WHERE (p.bloc_id, p.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))`,
      [pairs.map(([id]) => id.toLowerCase()), pairs.map(([, year]) => Number(year))],
    );
    const byKey = new Map(rows.map((row) => [`${row.blocId}|${row.year}`, toPledge(row)]));
    for (const pledge of byKey.values()) pledgeById.prime(pledge.id, pledge);
    return keys.map((key) => byKey.get(key.toLowerCase()) ?? null);
  });

  const pledgesByBlocId = new DataLoader<string, Pledge[]>(async (ids) => {
    const rows: PledgeRow[] = await db.query(`SELECT ${PLEDGE_COLUMNS} FROM pledge p WHERE p.bloc_id = ANY($1::uuid[]) ORDER BY p.year DESC`, [ids.filter(isUuid)]);
    return groupByKey(ids, rows.map(toPledge), (pledge) => pledge.blocId);
  });

  const itemsByPledgeId = new DataLoader<string, PledgeItem[]>(async (ids) => {
    const rows: PledgeItem[] = await db.query(
      `SELECT pledge_id AS "pledgeId", code, title, target_value::float8 AS "targetValue", unit, max_score::float8 AS "maxScore", position
         FROM pledge_item WHERE pledge_id = ANY($1::uuid[]) ORDER BY position`,
      [ids],
    );
    return groupByKey(ids, rows.map((row) => Object.assign(new PledgeItem(), row)), (row) => row.pledgeId);
  });

  const signaturesByPledgeId = new DataLoader<string, PledgeSignature[]>(async (ids) => {
    const rows: PledgeSignature[] = await db.query(
      `SELECT pledge_id AS "pledgeId", organization_id AS "organizationId", signed_at AS "signedAt"
         FROM pledge_signature WHERE pledge_id = ANY($1::uuid[]) ORDER BY signed_at, organization_id`,
      [ids],
    );
    return groupByKey(ids, rows.map((row) => Object.assign(new PledgeSignature(), row)), (row) => row.pledgeId);
  });

  /** Signatures of an organization on pledges of a year. Key: `${organizationId}|${year}`. */
  const signaturesByOrganizationYear = new DataLoader<string, PledgeSignature[]>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]).filter(([id]) => isUuid(id));
    const rows: (PledgeSignature & { year: number })[] = await db.query(
      `SELECT s.pledge_id AS "pledgeId", s.organization_id AS "organizationId", s.signed_at AS "signedAt", p.year
         FROM pledge_signature s JOIN pledge p ON p.id = s.pledge_id
        WHERE (s.organization_id, p.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))
        ORDER BY s.signed_at`,
      [pairs.map(([id]) => id.toLowerCase()), pairs.map(([, year]) => Number(year))],
    );
    return groupByKey(keys.map((key) => key.toLowerCase()), rows.map((row) => Object.assign(new PledgeSignature(), row)), (row) => `${row.organizationId}|${(row as unknown as { year: number }).year}`);
  });

  /** The current value of every (member, item, period): the latest revision. */
  const currentProgressByPledgeId = new DataLoader<string, ProgressReport[]>(async (ids) => {
    const rows: ProgressReport[] = await db.query(
      `SELECT DISTINCT ON (pledge_id, organization_id, item_code, period)
              pledge_id AS "pledgeId", organization_id AS "organizationId", item_code AS "itemCode", period, revision,
              value::float8 AS value, note, reported_at AS "reportedAt"
         FROM progress_report WHERE pledge_id = ANY($1::uuid[])
        ORDER BY pledge_id, organization_id, item_code, period, revision DESC`,
      [ids],
    );
    return groupByKey(ids, rows.map((row) => Object.assign(new ProgressReport(), row)), (row) => row.pledgeId);
  });

  /** Every revision of every report (corrections keep the earlier values). */
  const progressHistoryByPledgeId = new DataLoader<string, ProgressReport[]>(async (ids) => {
    const rows: ProgressReport[] = await db.query(
      `SELECT pledge_id AS "pledgeId", organization_id AS "organizationId", item_code AS "itemCode", period, revision,
              value::float8 AS value, note, reported_at AS "reportedAt"
         FROM progress_report WHERE pledge_id = ANY($1::uuid[])
        ORDER BY organization_id, item_code, period, revision`,
      [ids],
    );
    return groupByKey(ids, rows.map((row) => Object.assign(new ProgressReport(), row)), (row) => row.pledgeId);
  });

  const scorecardsByPledgeId = new DataLoader<string, Scorecard[]>(async (ids) => {
    const rows: (Omit<Scorecard, 'scores'> & { scores: { itemCode: string; points: number }[] | null })[] = await db.query(
      `SELECT s.pledge_id AS "pledgeId", s.organization_id AS "organizationId", s.stage, s.bonus::float8 AS bonus, s.penalty::float8 AS penalty,
              s.total_score::float8 AS "totalScore", s.scheme_version AS "schemeVersion", s.submitted_at AS "submittedAt",
              (SELECT json_agg(json_build_object('itemCode', i.item_code, 'points', i.points::float8) ORDER BY pi.position)
                 FROM scorecard_item i JOIN pledge_item pi ON pi.pledge_id = i.pledge_id AND pi.code = i.item_code
                WHERE i.pledge_id = s.pledge_id AND i.organization_id = s.organization_id AND i.stage = s.stage) AS scores
         FROM scorecard s WHERE s.pledge_id = ANY($1::uuid[])
        ORDER BY s.organization_id, CASE s.stage WHEN 'SELF' THEN 0 WHEN 'CROSS' THEN 1 ELSE 2 END`,
      [ids],
    );
    return groupByKey(ids, rows.map((row) => Object.assign(new Scorecard(), { ...row, scores: row.scores ?? [] })), (row) => row.pledgeId);
  });

  const rankingByPledgeId = new DataLoader<string, RankingEntry[]>(async (ids) => {
    const rows: RankingEntry[] = await db.query(
      `SELECT pledge_id AS "pledgeId", organization_id AS "organizationId", rank, total_score::float8 AS "totalScore"
         FROM pledge_ranking WHERE pledge_id = ANY($1::uuid[]) ORDER BY rank, organization_id`,
      [ids],
    );
    return groupByKey(ids, rows.map((row) => Object.assign(new RankingEntry(), row)), (row) => row.pledgeId);
  });

  const votesByPledgeId = new DataLoader<string, BlocVote[]>(async (ids) => {
    const rows: BlocVote[] = await db.query(
      `SELECT id, pledge_id AS "pledgeId", candidate_organization_id AS "candidateOrganizationId", members_total AS "membersTotal",
              yes, no, abstain, threshold::float8 AS threshold, passed, voted_on::text AS "votedOn"
         FROM bloc_vote WHERE pledge_id = ANY($1::uuid[]) ORDER BY voted_on, recorded_at`,
      [ids],
    );
    return groupByKey(ids, rows.map((row) => Object.assign(new BlocVote(), row)), (row) => row.pledgeId);
  });

  return {
    pledgeById,
    pledgeByBlocYear: {
      load: (blocId: string, year: number) => pledgeByBlocYear.load(`${blocId.toLowerCase()}|${year}`),
    },
    pledgesByBlocId,
    itemsByPledgeId,
    signaturesByPledgeId,
    signaturesByOrganizationYear: {
      load: (organizationId: string, year: number) => signaturesByOrganizationYear.load(`${organizationId.toLowerCase()}|${year}`),
    },
    currentProgressByPledgeId,
    progressHistoryByPledgeId,
    scorecardsByPledgeId,
    rankingByPledgeId,
    votesByPledgeId,
  };
}
