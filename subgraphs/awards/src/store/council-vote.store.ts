/** The council's votes on nominations (council_vote). */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import { CouncilVote } from '../types/nomination.types.js';

export const COUNCIL_VOTE_TABLE: TableDescriptor = defineTable('awards', 'council_vote', [
  'id',
  'nomination_id',
  'members_total',
  'yes',
  'no',
  'abstain',
  'threshold',
  'passed',
  'voted_on',
  'recorded_at',
  'recorded_by',
]);

export interface CouncilVoteRow {
  id: string;
  nominationId: string;
  membersTotal: number;
  yes: number;
  no: number;
  abstain: number;
  threshold: number;
  passed: boolean;
  votedOn: string;
}

export const toCouncilVote = (row: CouncilVoteRow): CouncilVote => Object.assign(new CouncilVote(), row);

export interface NewCouncilVote {
  nominationId: string;
  membersTotal: number;
  yes: number;
  no: number;
  abstain: number;
  threshold: number;
  passed: boolean;
  votedOn: string;
  recordedBy: string | null;
}

export class CouncilVoteStore {
  constructor(private readonly db: Queryable) {}

  async insert(vote: NewCouncilVote): Promise<CouncilVote> {
    const [row] = (await this.db.query(
      `INSERT INTO council_vote (nomination_id, members_total, yes, no, abstain, threshold, passed, voted_on, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING id, nomination_id AS "nominationId", members_total AS "membersTotal", yes, no, abstain, threshold::float8 AS threshold, passed, voted_on::text AS "votedOn"`,
      [
        vote.nominationId,
        vote.membersTotal,
        vote.yes,
        vote.no,
        vote.abstain,
        vote.threshold,
        vote.passed,
        vote.votedOn,
        vote.recordedBy,
      ],
    )) as CouncilVoteRow[];
    return toCouncilVote(row!);
  }

  /** The votes on these nominations, in the order they were recorded. */
  async ofNominations(nominationIds: readonly string[]): Promise<CouncilVote[]> {
    const rows: CouncilVoteRow[] = await this.db.query(
      `SELECT id, nomination_id AS "nominationId", members_total AS "membersTotal", yes, no, abstain, threshold::float8 AS threshold, passed,
              voted_on::text AS "votedOn"
         FROM council_vote WHERE nomination_id = ANY($1::uuid[]) ORDER BY nomination_id, recorded_at`,
      [nominationIds],
    );
    return rows.map(toCouncilVote);
  }
}
