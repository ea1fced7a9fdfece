import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The award ledger: the catalogue (seeded from catalogue/award-types.ts), decisions, grants (with
 * revocation and legacy imports), initiatives and the grants they backed, nominations with every
 * transition and their council votes. Persons and organizations live in the organizations subgraph:
 * only their ids are stored (plus the recipient's unit and gender at grant time, for the statistical
 * forms 0602/0603 of TT 02/2023/TT-BNV).
 */
export class AwardLedger1764100000000 implements MigrationInterface {
  name = 'AwardLedger1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE awards.award_type (
      code text PRIMARY KEY CONSTRAINT award_type_code_check CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,59}$'),
      name text NOT NULL CONSTRAINT award_type_name_check CHECK (name = normalize(name, NFC)),
      category text NOT NULL CONSTRAINT award_type_category_check CHECK (category IN ('EMULATION_TITLE','ORDER','MEDAL','STATE_HONORARY_TITLE','STATE_PRIZE','COMMEMORATIVE_MEDAL','CERTIFICATE_OF_MERIT','CERTIFICATE_OF_COMMENDATION')),
      award_class text CONSTRAINT award_type_class_check CHECK (award_class IS NULL OR award_class IN ('FIRST','SECOND','THIRD')),
      subject_kinds text[] NOT NULL,
      deciding_authority text NOT NULL,
      rank integer NOT NULL,
      reward_multiplier_person numeric(8,2),
      reward_multiplier_collective numeric(8,2),
      legal_basis text NOT NULL,
      valid_from date,
      valid_to date,
      position integer NOT NULL
    )`);

    await q.query(`CREATE TABLE awards.decision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL CONSTRAINT decision_number_check CHECK (number = normalize(number, NFC) AND length(number) BETWEEN 1 AND 80),
      issued_on date NOT NULL,
      issuer_organization_id uuid NOT NULL,
      authority text,
      is_legacy boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text,
      CONSTRAINT decision_issuer_number_key UNIQUE (issuer_organization_id, number)
    )`);

    await q.query(`CREATE TABLE awards.award_grant (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      award_type_code text NOT NULL REFERENCES awards.award_type(code),
      person_id uuid,
      organization_id uuid,
      recipient_unit_id uuid NOT NULL,
      recipient_gender text CONSTRAINT award_grant_gender_check CHECK (recipient_gender IS NULL OR recipient_gender IN ('MALE','FEMALE')),
      year integer NOT NULL CONSTRAINT award_grant_year_check CHECK (year BETWEEN 1945 AND 2100),
      basis text NOT NULL CONSTRAINT award_grant_basis_check CHECK (basis IN ('MERIT','AD_HOC','THEMATIC','CAREER_CONTRIBUTION','SENIORITY','FOREIGN','RESISTANCE')),
      decision_id uuid NOT NULL REFERENCES awards.decision(id),
      nomination_id uuid,
      imported boolean NOT NULL DEFAULT false,
      revoked_on date,
      revoke_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT award_grant_one_recipient CHECK ((person_id IS NULL) <> (organization_id IS NULL))
    )`);
    // Law Art 5: one achievement is not rewarded twice — one live grant of a title per recipient, year and basis.
    await q.query(
      `CREATE UNIQUE INDEX award_grant_once ON awards.award_grant (award_type_code, coalesce(person_id, organization_id), year, basis) WHERE revoked_on IS NULL`,
    );
    await q.query(
      `CREATE INDEX award_grant_person_idx ON awards.award_grant (person_id, year) WHERE person_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX award_grant_organization_idx ON awards.award_grant (organization_id, year) WHERE organization_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX award_grant_unit_year_idx ON awards.award_grant (recipient_unit_id, year)`);
    await q.query(`CREATE INDEX award_grant_decision_idx ON awards.award_grant (decision_id)`);

    await q.query(`CREATE TABLE awards.initiative (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL CONSTRAINT initiative_title_check CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 1 AND 500),
      scope text NOT NULL CONSTRAINT initiative_scope_check CHECK (scope IN ('BASE','MINISTRY_OR_PROVINCE','NATIONAL')),
      recognized_on date NOT NULL,
      recognized_by_organization_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE awards.initiative_author (
      initiative_id uuid NOT NULL REFERENCES awards.initiative(id) ON DELETE CASCADE,
      person_id uuid NOT NULL,
      PRIMARY KEY (initiative_id, person_id)
    )`);
    await q.query(`CREATE INDEX initiative_author_person_idx ON awards.initiative_author (person_id)`);
    await q.query(`CREATE TABLE awards.grant_initiative (
      grant_id uuid NOT NULL REFERENCES awards.award_grant(id) ON DELETE CASCADE,
      initiative_id uuid NOT NULL REFERENCES awards.initiative(id),
      PRIMARY KEY (grant_id, initiative_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'grant_initiative',
      'initiative_author',
      'initiative',
      'award_grant',
      'decision',
      'award_type',
    ]) {
      await q.query(`DROP TABLE IF EXISTS awards.${table}`);
    }
  }
}
