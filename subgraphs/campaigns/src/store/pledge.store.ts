/**
 * The pledge of a bloc-year (giao ước thi đua): the pledge row, its items and signatures, the closing
 * ranking and the votes on the leading unit. Progress reports and scorecards: pledge-progress.store.ts;
 * the batched read of items, signatures, ranking and votes for a board: pledge-sheet.store.ts.
 */
import {
  defineTable,
  preparedStatement,
  queryPrepared,
  type Queryable,
  type TableDescriptor,
} from '@tdkt/subgraph-kit';
import { BlocVote, Pledge, PledgeSignature, type PledgeStatus } from '../types/pledge.types.js';

export const PLEDGE_TABLE: TableDescriptor = defineTable('campaigns', 'pledge', [
  'id',
  'bloc_id',
  'year',
  'theme',
  'status',
  'bonus_cap',
  'leading_vote_threshold',
  'scheme_version',
  'scheme_legal_basis',
  'opened_at',
  'signed_at',
  'closed_at',
  'is_demo',
  'version',
  'created_at',
  'created_by',
]);
export const PLEDGE_ITEM_TABLE: TableDescriptor = defineTable('campaigns', 'pledge_item', [
  'pledge_id',
  'code',
  'title',
  'target_value',
  'unit',
  'max_score',
  'position',
]);
export const PLEDGE_SIGNATURE_TABLE: TableDescriptor = defineTable('campaigns', 'pledge_signature', [
  'pledge_id',
  'organization_id',
  'signed_at',
  'signed_by',
]);
export const PLEDGE_RANKING_TABLE: TableDescriptor = defineTable('campaigns', 'pledge_ranking', [
  'pledge_id',
  'organization_id',
  'rank',
  'total_score',
]);
export const BLOC_VOTE_TABLE: TableDescriptor = defineTable('campaigns', 'bloc_vote', [
  'id',
  'pledge_id',
  'candidate_organization_id',
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

/** A pledge row as PLEDGE_COLUMNS reads it (numbers already converted from Postgres numeric). */
export interface PledgeRow {
  id: string;
  blocId: string;
  year: number;
  theme: string;
  status: PledgeStatus;
  bonusCap: number;
  leadingVoteThreshold: number;
  schemeVersion: number;
  openedAt: Date | null;
  signedAt: Date | null;
  closedAt: Date | null;
  isDemo: boolean;
}

export const PLEDGE_COLUMNS = `p.id, p.bloc_id AS "blocId", p.year, p.theme, p.status, p.bonus_cap::float8 AS "bonusCap",
  p.leading_vote_threshold::float8 AS "leadingVoteThreshold", p.scheme_version AS "schemeVersion", p.opened_at AS "openedAt",
  p.signed_at AS "signedAt", p.closed_at AS "closedAt", p.is_demo AS "isDemo"`;

export const toPledge = (row: PledgeRow): Pledge => Object.assign(new Pledge(), row);

/** An item as it is written: code normalized, title NFC, position from 1. */
export interface NewPledgeItem {
  code: string;
  title: string;
  targetValue: number | null;
  unit: string | null;
  maxScore: number;
  allowNegative: boolean;
}

export interface PledgeSettings {
  theme: string | null;
  bonusCap: number | null;
  leadingVoteThreshold: number | null;
  schemeLegalBasis: string | null;
}

export interface NewBlocVote {
  pledgeId: string;
  candidateOrganizationId: string;
  membersTotal: number;
  yes: number;
  no: number;
  abstain: number;
  threshold: number;
  passed: boolean;
  votedOn: string;
  recordedBy: string | null;
}

const SIGNATURE_COLUMNS = `pledge_id AS "pledgeId", organization_id AS "organizationId", signed_at AS "signedAt"`;
const VOTE_COLUMNS = `id, pledge_id AS "pledgeId", candidate_organization_id AS "candidateOrganizationId", members_total AS "membersTotal",
              yes, no, abstain, threshold::float8 AS threshold, passed, voted_on::text AS "votedOn",
              annulled_at AS "annulledAt", annulled_reason AS "annulledReason", annulled_by AS "annulledBy"`;

const toBlocVote = (row: BlocVote): BlocVote => Object.assign(new BlocVote(), row);

/** A bloc's pledge of a year (the board's first read here): prepared once per pooled connection. */
const PLEDGES_BY_BLOC_YEARS = preparedStatement(
  'campaigns.pledgesByBlocYears',
  `SELECT ${PLEDGE_COLUMNS} FROM pledge p WHERE (p.bloc_id, p.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))`,
);

export class PledgeStore {
  constructor(private readonly db: Queryable) {}

  // ------------------------------------------------------------------ batched reads (loaders)

  async byIds(ids: string[]): Promise<Pledge[]> {
    const rows: PledgeRow[] = await this.db.query(
      `SELECT ${PLEDGE_COLUMNS} FROM pledge p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toPledge);
  }

  async byBlocYears(blocIds: string[], years: number[]): Promise<Pledge[]> {
    const rows = await queryPrepared<PledgeRow>(this.db, PLEDGES_BY_BLOC_YEARS, [blocIds, years]);
    return rows.map(toPledge);
  }

  /** Newest year first. */
  async byBlocIds(blocIds: string[]): Promise<Pledge[]> {
    const rows: PledgeRow[] = await this.db.query(
      `SELECT ${PLEDGE_COLUMNS} FROM pledge p WHERE p.bloc_id = ANY($1::uuid[]) ORDER BY p.year DESC`,
      [blocIds],
    );
    return rows.map(toPledge);
  }

  /** Signatures of organizations on the pledges of a year, each with that year. */
  async signaturesByOrganizationYears(
    organizationIds: string[],
    years: number[],
  ): Promise<{ signature: PledgeSignature; year: number }[]> {
    const rows: (PledgeSignature & { year: number })[] = await this.db.query(
      `SELECT s.pledge_id AS "pledgeId", s.organization_id AS "organizationId", s.signed_at AS "signedAt", p.year
         FROM pledge_signature s JOIN pledge p ON p.id = s.pledge_id
        WHERE (s.organization_id, p.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))
        ORDER BY s.signed_at`,
      [organizationIds, years],
    );
    return rows.map((row) => ({ signature: Object.assign(new PledgeSignature(), row), year: row.year }));
  }

  async votesOf(pledgeIds: readonly string[]): Promise<BlocVote[]> {
    const rows: BlocVote[] = await this.db.query(
      `SELECT ${VOTE_COLUMNS}
         FROM bloc_vote WHERE pledge_id = ANY($1::uuid[]) ORDER BY voted_on, recorded_at`,
      [pledgeIds],
    );
    return rows.map(toBlocVote);
  }

  async voteById(id: string): Promise<BlocVote | null> {
    const [row] = await this.db.query(`SELECT ${VOTE_COLUMNS} FROM bloc_vote WHERE id = $1`, [id]);
    return row ? toBlocVote(row) : null;
  }

  // ------------------------------------------------------------------ writes (a service's transaction)

  /**
   * Locks the pledge row for the rest of the transaction and returns it as it is now. State changes
   * (open, sign, close, vote) take it exclusively; progress and scores take it shared, so members report
   * side by side while a close waits for them (and they for it).
   */
  async lock(id: string, mode: 'UPDATE' | 'SHARE' = 'UPDATE'): Promise<Pledge | null> {
    const [row] = (await this.db.query(`SELECT ${PLEDGE_COLUMNS} FROM pledge p WHERE p.id = $1 FOR ${mode}`, [
      id,
    ])) as PledgeRow[];
    return row ? toPledge(row) : null;
  }

  async insert(pledge: {
    blocId: string;
    year: number;
    theme: string;
    bonusCap: number;
    leadingVoteThreshold: number;
    schemeLegalBasis: string | null;
    createdBy: string | null;
  }): Promise<string> {
    const [created] = await this.db.query(
      `INSERT INTO pledge (bloc_id, year, theme, bonus_cap, leading_vote_threshold, scheme_legal_basis, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        pledge.blocId,
        pledge.year,
        pledge.theme,
        pledge.bonusCap,
        pledge.leadingVoteThreshold,
        pledge.schemeLegalBasis,
        pledge.createdBy,
      ],
    );
    return created.id as string;
  }

  async insertItems(pledgeId: string, items: NewPledgeItem[]): Promise<void> {
    await this.db.query(
      `INSERT INTO pledge_item (pledge_id, code, title, target_value, unit, max_score, allow_negative, position)
           SELECT $1, i.code, i.title, i.target_value, i.unit, i.max_score, i.allow_negative, i.position
             FROM unnest($2::text[], $3::text[], $4::numeric[], $5::text[], $6::numeric[], $7::boolean[], $8::int[])
                  AS i(code, title, target_value, unit, max_score, allow_negative, position)`,
      [
        pledgeId,
        items.map((i) => i.code),
        items.map((i) => i.title),
        items.map((i) => i.targetValue),
        items.map((i) => i.unit),
        items.map((i) => i.maxScore),
        items.map((i) => i.allowNegative),
        items.map((_, index) => index + 1),
      ],
    );
  }

  async deleteItems(pledgeId: string): Promise<void> {
    await this.db.query(`DELETE FROM pledge_item WHERE pledge_id = $1`, [pledgeId]);
  }

  /** Changes what is given (null keeps the value); a new scheme (items, bonus cap) raises scheme_version. */
  async update(id: string, settings: PledgeSettings, schemeChanged: boolean): Promise<void> {
    await this.db.query(
      `UPDATE pledge SET theme = coalesce($2, theme), bonus_cap = coalesce($3, bonus_cap), leading_vote_threshold = coalesce($4, leading_vote_threshold),
                  scheme_legal_basis = coalesce($5, scheme_legal_basis), scheme_version = scheme_version + $6, version = version + 1 WHERE id = $1`,
      [
        id,
        settings.theme,
        settings.bonusCap,
        settings.leadingVoteThreshold,
        settings.schemeLegalBasis,
        schemeChanged ? 1 : 0,
      ],
    );
  }

  async markOpen(id: string): Promise<void> {
    await this.db.query(`UPDATE pledge SET status = 'OPEN', opened_at = now(), version = version + 1 WHERE id = $1`, [
      id,
    ]);
  }

  async markSigned(id: string): Promise<void> {
    await this.db.query(`UPDATE pledge SET status = 'SIGNED', signed_at = now(), version = version + 1 WHERE id = $1`, [
      id,
    ]);
  }

  async markClosed(id: string): Promise<void> {
    await this.db.query(`UPDATE pledge SET status = 'CLOSED', closed_at = now(), version = version + 1 WHERE id = $1`, [
      id,
    ]);
  }

  async hasSignature(pledgeId: string, organizationId: string): Promise<boolean> {
    const [already] = await this.db.query(
      `SELECT 1 FROM pledge_signature WHERE pledge_id = $1 AND organization_id = $2`,
      [pledgeId, organizationId],
    );
    return !!already;
  }

  /** The new signature, or null when the organization had already signed. */
  async insertSignature(
    pledgeId: string,
    organizationId: string,
    signedBy: string | null,
  ): Promise<PledgeSignature | null> {
    const [inserted] = await this.db.query(
      `INSERT INTO pledge_signature (pledge_id, organization_id, signed_by) VALUES ($1, $2, $3)
           ON CONFLICT (pledge_id, organization_id) DO NOTHING
           RETURNING ${SIGNATURE_COLUMNS}`,
      [pledgeId, organizationId, signedBy],
    );
    return inserted ? Object.assign(new PledgeSignature(), inserted) : null;
  }

  async signerIds(pledgeId: string): Promise<string[]> {
    const signed: { organization_id: string }[] = await this.db.query(
      `SELECT organization_id FROM pledge_signature WHERE pledge_id = $1`,
      [pledgeId],
    );
    return signed.map((row) => row.organization_id);
  }

  async insertRanking(
    pledgeId: string,
    ranking: { organizationId: string; rank: number; total: number }[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO pledge_ranking (pledge_id, organization_id, rank, total_score) SELECT $1, unnest($2::uuid[]), unnest($3::int[]), unnest($4::numeric[])`,
      [
        pledgeId,
        ranking.map((entry) => entry.organizationId),
        ranking.map((entry) => entry.rank),
        ranking.map((entry) => entry.total),
      ],
    );
  }

  async insertVote(vote: NewBlocVote): Promise<BlocVote> {
    const [row] = await this.db.query(
      `INSERT INTO bloc_vote (pledge_id, candidate_organization_id, members_total, yes, no, abstain, threshold, passed, voted_on, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING ${VOTE_COLUMNS}`,
      [
        vote.pledgeId,
        vote.candidateOrganizationId,
        vote.membersTotal,
        vote.yes,
        vote.no,
        vote.abstain,
        vote.threshold,
        vote.passed,
        vote.votedOn,
        vote.recordedBy,
      ],
    );
    return toBlocVote(row);
  }

  /** The vote row, locked for the rest of the transaction (an annulment), or null. */
  async lockVote(id: string): Promise<BlocVote | null> {
    const [row] = await this.db.query(`SELECT ${VOTE_COLUMNS} FROM bloc_vote WHERE id = $1 FOR UPDATE`, [id]);
    return row ? toBlocVote(row) : null;
  }

  /** Annuls a vote the caller has locked (lockVote) and found standing. */
  async annulVote(id: string, reason: string, annulledBy: string | null): Promise<void> {
    await this.db.query(
      `UPDATE bloc_vote SET annulled_at = now(), annulled_reason = $2, annulled_by = $3 WHERE id = $1`,
      [id, reason, annulledBy],
    );
  }
}
