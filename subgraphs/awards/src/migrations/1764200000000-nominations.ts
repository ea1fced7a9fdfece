import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Nominations (đề nghị khen thưởng) with every transition kept (who, when, why), the verdict of the
 * eligibility rules at each step, and the council's votes. One open nomination per recipient, award
 * and year: a second one is refused by the database, not by hope.
 */
export class Nominations1764200000000 implements MigrationInterface {
  name = 'Nominations1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE awards.nomination (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      award_type_code text NOT NULL REFERENCES awards.award_type(code),
      person_id uuid,
      organization_id uuid,
      recipient_unit_id uuid NOT NULL,
      recipient_gender text,
      year integer NOT NULL CONSTRAINT nomination_year_check CHECK (year BETWEEN 1945 AND 2100),
      basis text NOT NULL CONSTRAINT nomination_basis_check CHECK (basis IN ('MERIT','AD_HOC','THEMATIC','CAREER_CONTRIBUTION','SENIORITY','FOREIGN','RESISTANCE')),
      proposed_by_organization_id uuid NOT NULL,
      bloc_id uuid,
      movement_code text,
      status text NOT NULL DEFAULT 'DRAFT' CONSTRAINT nomination_status_check CHECK (status IN ('DRAFT','SUBMITTED','RETURNED','COUNCIL_REVIEW','APPROVED','REJECTED','DECIDED','WITHDRAWN')),
      eligibility jsonb NOT NULL,
      decision_id uuid REFERENCES awards.decision(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text,
      CONSTRAINT nomination_one_recipient CHECK ((person_id IS NULL) <> (organization_id IS NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX nomination_open_once ON awards.nomination (award_type_code, coalesce(person_id, organization_id), year)
                   WHERE status NOT IN ('REJECTED','WITHDRAWN')`);
    await q.query(`CREATE INDEX nomination_person_idx ON awards.nomination (person_id) WHERE person_id IS NOT NULL`);
    await q.query(`CREATE INDEX nomination_proposer_idx ON awards.nomination (proposed_by_organization_id, status)`);
    await q.query(`CREATE TABLE awards.nomination_event (
      id bigserial PRIMARY KEY,
      nomination_id uuid NOT NULL REFERENCES awards.nomination(id) ON DELETE CASCADE,
      from_status text,
      to_status text NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      by_subject text,
      by_organization text,
      reason text
    )`);
    await q.query(`CREATE INDEX nomination_event_nomination_idx ON awards.nomination_event (nomination_id, id)`);
    await q.query(`CREATE TABLE awards.council_vote (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      nomination_id uuid NOT NULL REFERENCES awards.nomination(id) ON DELETE CASCADE,
      members_total integer NOT NULL CHECK (members_total > 0),
      yes integer NOT NULL CHECK (yes >= 0),
      no integer NOT NULL CHECK (no >= 0),
      abstain integer NOT NULL CHECK (abstain >= 0),
      threshold numeric(4,3) NOT NULL,
      passed boolean NOT NULL,
      voted_on date NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      recorded_by text,
      CONSTRAINT council_vote_ballots_check CHECK (yes + no + abstain <= members_total)
    )`);
    await q.query(
      `ALTER TABLE awards.award_grant ADD CONSTRAINT award_grant_nomination_fk FOREIGN KEY (nomination_id) REFERENCES awards.nomination(id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE awards.award_grant DROP CONSTRAINT IF EXISTS award_grant_nomination_fk`);
    for (const table of ['council_vote', 'nomination_event', 'nomination'])
      await q.query(`DROP TABLE IF EXISTS awards.${table}`);
  }
}
