import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations, lineage, blocs with yearly membership, persons and annual ratings.
 * Search: \`search_text\` is the folded text (no diacritics, đ → d, lower case, punctuation → space) with a
 * leading space, so \`LIKE '% word%'\` matches at word starts and uses the trigram index.
 * Invariants live here, not only in code: NFC names, one LEAD and one DEPUTY per bloc-year, one
 * rating per person-year, unique codes; Vietnamese ordering through the ICU collation "vi-x-icu".
 */
export class InitialOrganizations1763700000000 implements MigrationInterface {
  name = 'InitialOrganizations1763700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`);
    await q.query(`CREATE COLLATION IF NOT EXISTS organizations.vi (provider = icu, locale = 'vi')`);
    await q.query(`CREATE OR REPLACE FUNCTION organizations.fold_text(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT ' ' || trim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, translate(value, 'đĐðÐ', 'dDdD'))), '[^[:alnum:]]+', ' ', 'g')) $$`);

    await q.query(`CREATE TABLE organizations.organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL,
      name text NOT NULL COLLATE organizations.vi,
      short_name text COLLATE organizations.vi,
      kind text NOT NULL,
      level text NOT NULL,
      parent_id uuid REFERENCES organizations.organization(id),
      valid_from date,
      valid_to date,
      is_demo boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      search_text text GENERATED ALWAYS AS (organizations.fold_text(name || ' ' || coalesce(short_name, '') || ' ' || code)) STORED,
      CONSTRAINT organization_code_key UNIQUE (code),
      CONSTRAINT organization_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,39}$'),
      CONSTRAINT organization_name_nfc CHECK (name = normalize(name, NFC) AND length(name) BETWEEN 1 AND 300),
      CONSTRAINT organization_short_name_nfc CHECK (short_name IS NULL OR (short_name = normalize(short_name, NFC) AND length(short_name) BETWEEN 1 AND 120)),
      CONSTRAINT organization_kind_check CHECK (kind IN ('MINISTRY','MINISTERIAL_AGENCY','GOVERNMENT_AGENCY','COURT','PROCURACY','STATE_AUDIT','PARTY_OR_MASS_ORGANIZATION','PROVINCE','CENTRAL_CITY','COMMUNE','WARD','SPECIAL_ZONE','DEPARTMENT','PUBLIC_SERVICE_UNIT','ENTERPRISE','DISTRICT','STATE_LEADERSHIP','OTHER')),
      CONSTRAINT organization_level_check CHECK (level IN ('CENTRAL','PROVINCIAL','DISTRICT','COMMUNE','BASE')),
      CONSTRAINT organization_validity CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
      CONSTRAINT organization_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
    )`);
    await q.query(`CREATE INDEX organization_parent_idx ON organizations.organization (parent_id)`);
    await q.query(`CREATE INDEX organization_name_idx ON organizations.organization (name, code)`);
    await q.query(
      `CREATE INDEX organization_search_idx ON organizations.organization USING gin (search_text public.gin_trgm_ops)`,
    );

    await q.query(`CREATE TABLE organizations.lineage_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      kind text NOT NULL CONSTRAINT lineage_event_kind_check CHECK (kind IN ('MERGE','SPLIT','RENAME','DISSOLVE','TRANSFER')),
      effective_date date NOT NULL,
      legal_basis text NOT NULL CONSTRAINT lineage_event_legal_basis_check CHECK (legal_basis = normalize(legal_basis, NFC) AND length(legal_basis) BETWEEN 1 AND 500),
      note text CONSTRAINT lineage_event_note_check CHECK (note IS NULL OR note = normalize(note, NFC)),
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE organizations.lineage_participant (
      event_id uuid NOT NULL REFERENCES organizations.lineage_event(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations.organization(id),
      role text NOT NULL CONSTRAINT lineage_participant_role_check CHECK (role IN ('PREDECESSOR','SUCCESSOR')),
      PRIMARY KEY (event_id, role, organization_id)
    )`);
    await q.query(
      `CREATE INDEX lineage_participant_org_idx ON organizations.lineage_participant (organization_id, role)`,
    );

    await q.query(`CREATE TABLE organizations.bloc (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL,
      name text NOT NULL COLLATE organizations.vi,
      kind text NOT NULL CONSTRAINT bloc_kind_check CHECK (kind IN ('BLOC','CLUSTER')),
      organizer_id uuid NOT NULL REFERENCES organizations.organization(id),
      is_demo boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      search_text text GENERATED ALWAYS AS (organizations.fold_text(name || ' ' || code)) STORED,
      CONSTRAINT bloc_code_key UNIQUE (code),
      CONSTRAINT bloc_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,59}$'),
      CONSTRAINT bloc_name_nfc CHECK (name = normalize(name, NFC) AND length(name) BETWEEN 1 AND 300)
    )`);
    await q.query(`CREATE INDEX bloc_organizer_idx ON organizations.bloc (organizer_id)`);
    await q.query(`CREATE INDEX bloc_name_idx ON organizations.bloc (name, code)`);

    await q.query(`CREATE TABLE organizations.bloc_membership (
      bloc_id uuid NOT NULL REFERENCES organizations.bloc(id) ON DELETE CASCADE,
      year integer NOT NULL CONSTRAINT bloc_membership_year_check CHECK (year BETWEEN 1945 AND 2100),
      organization_id uuid NOT NULL REFERENCES organizations.organization(id),
      role text NOT NULL CONSTRAINT bloc_membership_role_check CHECK (role IN ('LEAD','DEPUTY','MEMBER')),
      PRIMARY KEY (bloc_id, year, organization_id)
    )`);
    // At most one LEAD and one DEPUTY per bloc-year, whatever the application does.
    await q.query(
      `CREATE UNIQUE INDEX bloc_membership_one_lead ON organizations.bloc_membership (bloc_id, year) WHERE role = 'LEAD'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX bloc_membership_one_deputy ON organizations.bloc_membership (bloc_id, year) WHERE role = 'DEPUTY'`,
    );
    await q.query(`CREATE INDEX bloc_membership_org_idx ON organizations.bloc_membership (organization_id, year)`);

    await q.query(`CREATE TABLE organizations.person (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      full_name text NOT NULL COLLATE organizations.vi,
      gender text NOT NULL CONSTRAINT person_gender_check CHECK (gender IN ('MALE','FEMALE')),
      birth_year integer CONSTRAINT person_birth_year_check CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
      ethnicity text CONSTRAINT person_ethnicity_check CHECK (ethnicity IS NULL OR (ethnicity = normalize(ethnicity, NFC) AND length(ethnicity) BETWEEN 1 AND 60)),
      organization_id uuid NOT NULL REFERENCES organizations.organization(id),
      position text CONSTRAINT person_position_check CHECK (position IS NULL OR (position = normalize(position, NFC) AND length(position) BETWEEN 1 AND 200)),
      is_direct_worker boolean NOT NULL DEFAULT false,
      is_demo boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      search_text text GENERATED ALWAYS AS (organizations.fold_text(full_name)) STORED,
      CONSTRAINT person_full_name_nfc CHECK (full_name = normalize(full_name, NFC) AND length(full_name) BETWEEN 1 AND 200)
    )`);
    await q.query(`CREATE INDEX person_organization_idx ON organizations.person (organization_id)`);
    await q.query(`CREATE INDEX person_name_idx ON organizations.person (full_name, id)`);
    await q.query(`CREATE INDEX person_search_idx ON organizations.person USING gin (search_text public.gin_trgm_ops)`);

    // Which seed steps have run: a bloc-year seeded once is never re-seeded, even after an officer empties it.
    await q.query(
      `CREATE TABLE organizations.seed_marker (key text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );

    await q.query(`CREATE TABLE organizations.annual_rating (
      person_id uuid NOT NULL REFERENCES organizations.person(id) ON DELETE CASCADE,
      year integer NOT NULL CONSTRAINT annual_rating_year_check CHECK (year BETWEEN 1945 AND 2100),
      rating text NOT NULL CONSTRAINT annual_rating_rating_check CHECK (rating IN ('EXCELLENT','GOOD','COMPLETED','NOT_COMPLETED')),
      recorded_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (person_id, year)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'seed_marker',
      'annual_rating',
      'person',
      'bloc_membership',
      'bloc',
      'lineage_participant',
      'lineage_event',
      'organization',
    ]) {
      await q.query(`DROP TABLE IF EXISTS organizations.${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS organizations.fold_text(text)`);
    await q.query(`DROP COLLATION IF EXISTS organizations.vi`);
  }
}
