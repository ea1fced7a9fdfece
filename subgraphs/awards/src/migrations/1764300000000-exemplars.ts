import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exemplars (điển hình tiên tiến, gương người tốt việc tốt): a person or a collective, the field, the
 * story and the model or good practice, who recognized it (a conference, a bloc, a movement — by their
 * codes in the campaigns and organizations subgraphs) and the grants linked to it.
 */
export class Exemplars1764300000000 implements MigrationInterface {
  name = 'Exemplars1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE awards.exemplar (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      person_id uuid,
      organization_id uuid,
      recipient_unit_id uuid NOT NULL,
      field text NOT NULL CONSTRAINT exemplar_field_check CHECK (field = normalize(field, NFC) AND length(field) BETWEEN 1 AND 200),
      story text NOT NULL CONSTRAINT exemplar_story_check CHECK (story = normalize(story, NFC) AND length(story) BETWEEN 1 AND 20000),
      model text CONSTRAINT exemplar_model_check CHECK (model IS NULL OR (model = normalize(model, NFC) AND length(model) <= 2000)),
      recognized_by_kind text NOT NULL CONSTRAINT exemplar_recognized_by_kind_check CHECK (recognized_by_kind IN ('CONFERENCE','BLOC','MOVEMENT','ORGANIZATION')),
      recognized_by_code text NOT NULL,
      period_from integer NOT NULL CHECK (period_from BETWEEN 1945 AND 2100),
      period_to integer NOT NULL CHECK (period_to BETWEEN 1945 AND 2100),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by text,
      CONSTRAINT exemplar_one_subject CHECK ((person_id IS NULL) <> (organization_id IS NULL)),
      CONSTRAINT exemplar_period_check CHECK (period_to >= period_from)
    )`);
    await q.query(`CREATE INDEX exemplar_unit_idx ON awards.exemplar (recipient_unit_id)`);
    await q.query(`CREATE INDEX exemplar_person_idx ON awards.exemplar (person_id) WHERE person_id IS NOT NULL`);
    await q.query(`CREATE TABLE awards.exemplar_grant (
      exemplar_id uuid NOT NULL REFERENCES awards.exemplar(id) ON DELETE CASCADE,
      grant_id uuid NOT NULL REFERENCES awards.award_grant(id),
      PRIMARY KEY (exemplar_id, grant_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS awards.exemplar_grant`);
    await q.query(`DROP TABLE IF EXISTS awards.exemplar`);
  }
}
