import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Movements (phong trào thi đua) with registrations, and conferences (hội nghị điển hình tiên tiến,
 * đại hội thi đua yêu nước) with delegates and the feeds-into link to the higher-level congress.
 *
 * Shared helpers of the campaigns schema, created idempotently so later migrations can rely on them:
 * `campaigns.vi` (ICU collation, Đ after D) and `campaigns.fold_text` (no diacritics, đ → d, lower
 * case, punctuation → space, leading space, so `LIKE '% word%'` matches word starts through a trigram
 * index), the same definition as the organizations subgraph's.
 * Organizations and persons live in another subgraph's database: only their ids are stored here.
 */
export class MovementsConferences1763800000000 implements MigrationInterface {
  name = 'MovementsConferences1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`);
    await q.query(`CREATE COLLATION IF NOT EXISTS campaigns.vi (provider = icu, locale = 'vi')`);
    await q.query(`CREATE OR REPLACE FUNCTION campaigns.fold_text(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT ' ' || trim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, translate(value, 'đĐðÐ', 'dDdD'))), '[^[:alnum:]]+', ' ', 'g')) $$`);

    await q.query(`CREATE TABLE campaigns.movement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL,
      title text NOT NULL COLLATE campaigns.vi,
      theme text,
      launched_by_id uuid NOT NULL,
      launch_level text NOT NULL,
      method text NOT NULL,
      scope text NOT NULL,
      start_date date NOT NULL,
      end_date date,
      launched_on date,
      parent_id uuid REFERENCES campaigns.movement(id),
      source text,
      is_demo boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      search_text text GENERATED ALWAYS AS (campaigns.fold_text(title || ' ' || coalesce(theme, '') || ' ' || code)) STORED,
      CONSTRAINT movement_code_key UNIQUE (code),
      CONSTRAINT movement_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,59}$'),
      CONSTRAINT movement_title_nfc CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 1 AND 500),
      CONSTRAINT movement_theme_nfc CHECK (theme IS NULL OR (theme = normalize(theme, NFC) AND length(theme) BETWEEN 1 AND 500)),
      CONSTRAINT movement_source_nfc CHECK (source IS NULL OR (source = normalize(source, NFC) AND length(source) BETWEEN 1 AND 1000)),
      CONSTRAINT movement_launch_level_check CHECK (launch_level IN ('CENTRAL_COUNCIL','PRIME_MINISTER','MINISTRY_OR_PROVINCE','COMMUNE','UNIT','BLOC')),
      CONSTRAINT movement_method_check CHECK (method IN ('REGULAR_ANNUAL','THEMATIC','PEAK_DRIVE')),
      CONSTRAINT movement_scope_check CHECK (scope IN ('NATIONAL','MINISTRY_OR_PROVINCE','BLOC','UNIT')),
      CONSTRAINT movement_dates_check CHECK (end_date IS NULL OR end_date >= start_date),
      CONSTRAINT movement_years_check CHECK (start_date >= DATE '1945-01-01' AND (end_date IS NULL OR end_date <= DATE '2100-12-31')),
      CONSTRAINT movement_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
    )`);
    await q.query(`CREATE INDEX movement_launched_by_idx ON campaigns.movement (launched_by_id, start_date, code)`);
    await q.query(`CREATE INDEX movement_parent_idx ON campaigns.movement (parent_id)`);
    await q.query(`CREATE INDEX movement_start_idx ON campaigns.movement (start_date, code)`);
    await q.query(`CREATE INDEX movement_search_idx ON campaigns.movement USING gin (search_text public.gin_trgm_ops)`);

    // A unit registers once per movement, and a person once per movement (registered through a unit).
    await q.query(`CREATE TABLE campaigns.movement_registration (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      movement_id uuid NOT NULL REFERENCES campaigns.movement(id) ON DELETE CASCADE,
      organization_id uuid NOT NULL,
      person_id uuid,
      status text NOT NULL CONSTRAINT movement_registration_status_check CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','RETURNED')),
      note text CONSTRAINT movement_registration_note_nfc CHECK (note IS NULL OR (note = normalize(note, NFC) AND length(note) BETWEEN 1 AND 2000)),
      is_demo boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT movement_registration_person_key UNIQUE (movement_id, person_id)
    )`);
    await q.query(
      `CREATE UNIQUE INDEX movement_registration_organization_key ON campaigns.movement_registration (movement_id, organization_id) WHERE person_id IS NULL`,
    );
    await q.query(
      `CREATE INDEX movement_registration_organization_idx ON campaigns.movement_registration (organization_id)`,
    );

    await q.query(`CREATE TABLE campaigns.conference (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      code text NOT NULL,
      title text NOT NULL COLLATE campaigns.vi,
      kind text NOT NULL,
      level text NOT NULL,
      host_id uuid NOT NULL,
      period_from integer NOT NULL,
      period_to integer NOT NULL,
      held_on date,
      theme text,
      max_delegates integer,
      min_exemplar_share numeric(4,3),
      balance_facets text[] NOT NULL DEFAULT '{}',
      feeds_into_id uuid REFERENCES campaigns.conference(id),
      source text,
      is_demo boolean NOT NULL DEFAULT false,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      search_text text GENERATED ALWAYS AS (campaigns.fold_text(title || ' ' || coalesce(theme, '') || ' ' || code)) STORED,
      CONSTRAINT conference_code_key UNIQUE (code),
      CONSTRAINT conference_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9_]{1,59}$'),
      CONSTRAINT conference_title_nfc CHECK (title = normalize(title, NFC) AND length(title) BETWEEN 1 AND 500),
      CONSTRAINT conference_theme_nfc CHECK (theme IS NULL OR (theme = normalize(theme, NFC) AND length(theme) BETWEEN 1 AND 500)),
      CONSTRAINT conference_source_nfc CHECK (source IS NULL OR (source = normalize(source, NFC) AND length(source) BETWEEN 1 AND 1000)),
      CONSTRAINT conference_kind_check CHECK (kind IN ('EXEMPLAR_CONFERENCE','PATRIOTIC_EMULATION_CONGRESS','ANNUAL_REVIEW_AND_PLEDGE_SIGNING','HONOURING')),
      CONSTRAINT conference_level_check CHECK (level IN ('BASE','COMMUNE','DISTRICT','MINISTRY_OR_PROVINCE','NATIONAL')),
      CONSTRAINT conference_period_check CHECK (period_from BETWEEN 1945 AND 2100 AND period_to BETWEEN period_from AND 2100),
      CONSTRAINT conference_max_delegates_check CHECK (max_delegates IS NULL OR max_delegates BETWEEN 1 AND 10000),
      CONSTRAINT conference_exemplar_share_check CHECK (min_exemplar_share IS NULL OR min_exemplar_share BETWEEN 0 AND 1),
      CONSTRAINT conference_balance_facets_check CHECK (balance_facets <@ ARRAY['SECTOR','GENDER','ETHNICITY','AGE_BAND','DIRECT_WORKER']::text[]),
      CONSTRAINT conference_not_own_target CHECK (feeds_into_id IS NULL OR feeds_into_id <> id)
    )`);
    await q.query(`CREATE INDEX conference_host_idx ON campaigns.conference (host_id)`);
    await q.query(`CREATE INDEX conference_feeds_into_idx ON campaigns.conference (feeds_into_id)`);
    await q.query(`CREATE INDEX conference_period_idx ON campaigns.conference (period_from, code)`);
    await q.query(
      `CREATE INDEX conference_search_idx ON campaigns.conference USING gin (search_text public.gin_trgm_ops)`,
    );

    // A delegate is a person (person_id, when the person is on record) or the representative of a
    // collective (organization_id), never both; each person and each collective once per conference.
    await q.query(`CREATE TABLE campaigns.conference_delegate (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      conference_id uuid NOT NULL REFERENCES campaigns.conference(id) ON DELETE CASCADE,
      ordinal integer NOT NULL,
      full_name text NOT NULL COLLATE campaigns.vi,
      person_id uuid,
      organization_id uuid,
      category text NOT NULL,
      sector text,
      gender text,
      ethnicity text,
      birth_year integer,
      is_direct_worker boolean NOT NULL DEFAULT false,
      selected_for_id uuid REFERENCES campaigns.conference(id),
      is_demo boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT conference_delegate_ordinal_key UNIQUE (conference_id, ordinal),
      CONSTRAINT conference_delegate_person_key UNIQUE (conference_id, person_id),
      CONSTRAINT conference_delegate_organization_key UNIQUE (conference_id, organization_id),
      CONSTRAINT conference_delegate_one_subject CHECK (person_id IS NULL OR organization_id IS NULL),
      CONSTRAINT conference_delegate_full_name_nfc CHECK (full_name = normalize(full_name, NFC) AND length(full_name) BETWEEN 1 AND 200),
      CONSTRAINT conference_delegate_ethnicity_nfc CHECK (ethnicity IS NULL OR (ethnicity = normalize(ethnicity, NFC) AND length(ethnicity) BETWEEN 1 AND 60)),
      CONSTRAINT conference_delegate_category_check CHECK (category IN ('HERO','NATIONAL_EMULATION_FIGHTER','EMULATION_FIGHTER','EXEMPLAR','GOOD_DEED','LEADER','COUNCIL_CHAIR','GUEST')),
      CONSTRAINT conference_delegate_sector_check CHECK (sector IS NULL OR sector IN ('ECONOMY','DEFENCE_SECURITY','CULTURE_SOCIETY','OTHER')),
      CONSTRAINT conference_delegate_gender_check CHECK (gender IS NULL OR gender IN ('MALE','FEMALE')),
      CONSTRAINT conference_delegate_birth_year_check CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
      CONSTRAINT conference_delegate_not_own_conference CHECK (selected_for_id IS NULL OR selected_for_id <> conference_id)
    )`);
    await q.query(
      `CREATE INDEX conference_delegate_selected_for_idx ON campaigns.conference_delegate (selected_for_id, conference_id, ordinal) WHERE selected_for_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX conference_delegate_person_idx ON campaigns.conference_delegate (person_id) WHERE person_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX conference_delegate_organization_idx ON campaigns.conference_delegate (organization_id) WHERE organization_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['conference_delegate', 'conference', 'movement_registration', 'movement']) {
      await q.query(`DROP TABLE IF EXISTS campaigns.${table}`);
    }
    // fold_text and the vi collation stay: other campaigns tables may use them.
  }
}
