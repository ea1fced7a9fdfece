import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A read copy of each organization's code, name and short name (`organization_copy`), kept from the
 * organizations subgraph's tree log (`organizationTreeChanges`, which records creations, renames and
 * deletions), and the cursor of that log it has applied (`organization_copy_sync`). A board, a ranking
 * or a list of signatories then names its units from this database, in the statement that reads them,
 * instead of one call back to the organizations subgraph per list (services/organization-copy.service.ts
 * says how current it is kept).
 *
 * `apply_organization_copy` applies one page of the log in one statement: a page that starts after the
 * stored cursor is refused (-1: read again from the cursor), one already covered is skipped, so two
 * processes sharing the database never skip or undo a change. A unit the log reports without a code was
 * deleted: its row goes.
 */
export class OrganizationCopy1765500000000 implements MigrationInterface {
  name = 'OrganizationCopy1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE campaigns.organization_copy (
      id uuid PRIMARY KEY,
      code text NOT NULL,
      name text NOT NULL,
      short_name text,
      synced_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE campaigns.organization_copy_sync (
      id boolean PRIMARY KEY DEFAULT true CONSTRAINT organization_copy_sync_single_row CHECK (id),
      cursor bigint NOT NULL DEFAULT 0,
      synced_at timestamptz
    )`);
    await q.query(`INSERT INTO campaigns.organization_copy_sync DEFAULT VALUES`);

    await q.query(`CREATE FUNCTION campaigns.apply_organization_copy(p_from bigint, p_to bigint, p_units jsonb) RETURNS bigint
      LANGUAGE plpgsql AS $$
      DECLARE v_cursor bigint;
      BEGIN
        SELECT cursor INTO v_cursor FROM campaigns.organization_copy_sync FOR UPDATE;
        IF p_to <= v_cursor THEN RETURN v_cursor; END IF;
        IF p_from > v_cursor THEN RETURN -1; END IF;
        WITH incoming AS (
          SELECT DISTINCT ON (x.id) x.id, x.code, x.name, x."shortName" AS short_name
            FROM jsonb_to_recordset(p_units) AS x(id uuid, code text, name text, "shortName" text)
        ), removed AS (
          DELETE FROM campaigns.organization_copy c USING incoming i WHERE c.id = i.id AND (i.code IS NULL OR i.name IS NULL)
        )
        INSERT INTO campaigns.organization_copy AS c (id, code, name, short_name)
        SELECT id, code, name, short_name FROM incoming WHERE code IS NOT NULL AND name IS NOT NULL
        ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, short_name = EXCLUDED.short_name, synced_at = now()
         WHERE (c.code, c.name, c.short_name) IS DISTINCT FROM (EXCLUDED.code, EXCLUDED.name, EXCLUDED.short_name);
        UPDATE campaigns.organization_copy_sync SET cursor = p_to, synced_at = now();
        RETURN p_to;
      END $$`);
    // Starting over (the organizations database was restored or recreated): keep the rows, read the log from 0.
    await q.query(`CREATE FUNCTION campaigns.reset_organization_copy_cursor() RETURNS void LANGUAGE sql AS $$
      UPDATE campaigns.organization_copy_sync SET cursor = 0 $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS campaigns.reset_organization_copy_cursor()`);
    await q.query(`DROP FUNCTION IF EXISTS campaigns.apply_organization_copy(bigint, bigint, jsonb)`);
    await q.query(`DROP TABLE IF EXISTS campaigns.organization_copy_sync`);
    await q.query(`DROP TABLE IF EXISTS campaigns.organization_copy`);
  }
}
