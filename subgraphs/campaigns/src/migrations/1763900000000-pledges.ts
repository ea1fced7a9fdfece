import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Emulation pledges (giao ước thi đua) of a bloc-year, their items, signatures, progress reports
 * (every correction kept), staged scorecards, the closing ranking and the bloc's vote on the leading
 * unit. Blocs and organizations live in the organizations subgraph: only their ids are stored here.
 * The invariants that races must not break are constraints: one pledge per bloc-year, one signature
 * per organization, one scorecard per organization and stage, one revision number per report.
 */
export class Pledges1763900000000 implements MigrationInterface {
  name = 'Pledges1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE campaigns.pledge (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      bloc_id uuid NOT NULL,
      year integer NOT NULL CONSTRAINT pledge_year_check CHECK (year BETWEEN 1945 AND 2100),
      theme text NOT NULL CONSTRAINT pledge_theme_check CHECK (theme = normalize(theme, NFC) AND length(theme) BETWEEN 1 AND 500),
      status text NOT NULL DEFAULT 'DRAFT' CONSTRAINT pledge_status_check CHECK (status IN ('DRAFT','OPEN','SIGNED','CLOSED')),
      bonus_cap numeric(10,2) NOT NULL DEFAULT 0 CONSTRAINT pledge_bonus_cap_check CHECK (bonus_cap >= 0),
      leading_vote_threshold numeric(4,3) NOT NULL DEFAULT 0.8 CONSTRAINT pledge_threshold_check CHECK (leading_vote_threshold > 0 AND leading_vote_threshold <= 1),
      scheme_version integer NOT NULL DEFAULT 1,
      scheme_legal_basis text,
      opened_at timestamptz,
      signed_at timestamptz,
      closed_at timestamptz,
      is_demo boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text,
      CONSTRAINT pledge_bloc_year_key UNIQUE (bloc_id, year)
    )`);

    await q.query(`CREATE TABLE campaigns.pledge_item (
      pledge_id uuid NOT NULL REFERENCES campaigns.pledge(id) ON DELETE CASCADE,
      code text NOT NULL CONSTRAINT pledge_item_code_check CHECK (code ~ '^[A-Z0-9][A-Z0-9._-]{0,19}$'),
      title text NOT NULL CONSTRAINT pledge_item_title_check CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 1 AND 500),
      target_value numeric(18,4),
      unit text CONSTRAINT pledge_item_unit_check CHECK (unit IS NULL OR (unit = normalize(unit, NFC) AND length(unit) BETWEEN 1 AND 40)),
      max_score numeric(10,2) NOT NULL CONSTRAINT pledge_item_max_score_check CHECK (max_score > 0),
      position integer NOT NULL,
      PRIMARY KEY (pledge_id, code)
    )`);

    await q.query(`CREATE TABLE campaigns.pledge_signature (
      pledge_id uuid NOT NULL REFERENCES campaigns.pledge(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL,
      signed_at timestamptz NOT NULL DEFAULT now(),
      signed_by text,
      PRIMARY KEY (pledge_id, organization_id)
    )`);
    await q.query(`CREATE INDEX pledge_signature_organization_idx ON campaigns.pledge_signature (organization_id)`);

    await q.query(`CREATE TABLE campaigns.progress_report (
      pledge_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      item_code text NOT NULL,
      period text NOT NULL CONSTRAINT progress_report_period_check CHECK (period ~ '^[0-9]{4}(-Q[1-4])?$'),
      revision integer NOT NULL,
      value numeric(18,4) NOT NULL,
      note text CONSTRAINT progress_report_note_check CHECK (note IS NULL OR (note = normalize(note, NFC) AND length(note) <= 2000)),
      reported_at timestamptz NOT NULL DEFAULT now(),
      reported_by text,
      PRIMARY KEY (pledge_id, organization_id, item_code, period, revision),
      FOREIGN KEY (pledge_id, item_code) REFERENCES campaigns.pledge_item (pledge_id, code) ON DELETE CASCADE
    )`);

    await q.query(`CREATE TABLE campaigns.scorecard (
      pledge_id uuid NOT NULL REFERENCES campaigns.pledge(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL,
      stage text NOT NULL CONSTRAINT scorecard_stage_check CHECK (stage IN ('SELF','CROSS','VERIFIED')),
      bonus numeric(10,2) NOT NULL DEFAULT 0 CONSTRAINT scorecard_bonus_check CHECK (bonus >= 0),
      penalty numeric(10,2) NOT NULL DEFAULT 0 CONSTRAINT scorecard_penalty_check CHECK (penalty >= 0),
      total_score numeric(12,2) NOT NULL,
      scheme_version integer NOT NULL,
      scored_by_organization_id uuid,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      submitted_by text,
      PRIMARY KEY (pledge_id, organization_id, stage)
    )`);
    await q.query(`CREATE TABLE campaigns.scorecard_item (
      pledge_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      stage text NOT NULL,
      item_code text NOT NULL,
      points numeric(10,2) NOT NULL CONSTRAINT scorecard_item_points_check CHECK (points >= 0),
      PRIMARY KEY (pledge_id, organization_id, stage, item_code),
      FOREIGN KEY (pledge_id, organization_id, stage) REFERENCES campaigns.scorecard (pledge_id, organization_id, stage) ON DELETE CASCADE,
      FOREIGN KEY (pledge_id, item_code) REFERENCES campaigns.pledge_item (pledge_id, code)
    )`);

    await q.query(`CREATE TABLE campaigns.pledge_ranking (
      pledge_id uuid NOT NULL REFERENCES campaigns.pledge(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL,
      rank integer NOT NULL CONSTRAINT pledge_ranking_rank_check CHECK (rank >= 1),
      total_score numeric(12,2) NOT NULL,
      PRIMARY KEY (pledge_id, organization_id)
    )`);

    await q.query(`CREATE TABLE campaigns.bloc_vote (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      pledge_id uuid NOT NULL REFERENCES campaigns.pledge(id) ON DELETE CASCADE,
      candidate_organization_id uuid NOT NULL,
      members_total integer NOT NULL CONSTRAINT bloc_vote_members_check CHECK (members_total > 0),
      yes integer NOT NULL CHECK (yes >= 0),
      no integer NOT NULL CHECK (no >= 0),
      abstain integer NOT NULL CHECK (abstain >= 0),
      threshold numeric(4,3) NOT NULL,
      passed boolean NOT NULL,
      voted_on date NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by text,
      CONSTRAINT bloc_vote_ballots_check CHECK (yes + no + abstain <= members_total)
    )`);
    await q.query(`CREATE INDEX bloc_vote_pledge_idx ON campaigns.bloc_vote (pledge_id, voted_on, recorded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'bloc_vote',
      'pledge_ranking',
      'scorecard_item',
      'scorecard',
      'progress_report',
      'pledge_signature',
      'pledge_item',
      'pledge',
    ]) {
      await q.query(`DROP TABLE IF EXISTS campaigns.${table}`);
    }
  }
}
