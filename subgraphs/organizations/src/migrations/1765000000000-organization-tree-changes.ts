import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A log of changes to the organization tree, so the awards subgraph can keep its copy of each unit's
 * ancestors (for statistics over a subtree of thousands of units) without asking for the whole tree:
 * it reads the changes after the last sequence number it applied (`organizationTreeChanges`).
 *
 * - Every inserted organization, every change of parent, kind (or code) and every deletion appends its id;
 *   `moved` marks a change of parent (or a deletion): the chains of the whole subtree below it change.
 * - Writers of the tree take one transaction-level advisory lock before appending, so sequence numbers
 *   become visible in commit order: a reader that sees number N has seen every number below N (a gap
 *   is a rolled-back change, never one still in flight).
 * - The existing units are logged once here, so a reader starting from 0 receives the whole tree.
 * - A bulk load that disables user triggers leaves units unlogged; `organizationTreeChanges` from 0
 *   logs them then (see organization-tree.resolver.ts).
 */
export class OrganizationTreeChanges1765000000000 implements MigrationInterface {
  name = 'OrganizationTreeChanges1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE organizations.organization_tree_change (
      seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organization_id uuid NOT NULL,
      moved boolean NOT NULL DEFAULT false,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX organization_tree_change_organization_idx ON organizations.organization_tree_change (organization_id)`,
    );

    await q.query(`CREATE FUNCTION organizations.log_organization_tree_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows) THEN
          PERFORM pg_advisory_xact_lock(hashtext('tdkt:organizations:tree-change'));
          INSERT INTO organizations.organization_tree_change (organization_id) SELECT id FROM new_rows ORDER BY id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION organizations.log_organization_tree_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
                    WHERE n.parent_id IS DISTINCT FROM o.parent_id OR n.kind IS DISTINCT FROM o.kind OR n.code IS DISTINCT FROM o.code) THEN
          PERFORM pg_advisory_xact_lock(hashtext('tdkt:organizations:tree-change'));
          INSERT INTO organizations.organization_tree_change (organization_id, moved)
          SELECT n.id, n.parent_id IS DISTINCT FROM o.parent_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE n.parent_id IS DISTINCT FROM o.parent_id OR n.kind IS DISTINCT FROM o.kind OR n.code IS DISTINCT FROM o.code ORDER BY n.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION organizations.log_organization_tree_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM old_rows) THEN
          PERFORM pg_advisory_xact_lock(hashtext('tdkt:organizations:tree-change'));
          INSERT INTO organizations.organization_tree_change (organization_id, moved) SELECT id, true FROM old_rows ORDER BY id;
        END IF;
        RETURN NULL;
      END $$`);
    // Statement-level with transition tables: a bulk insert of 50,000 units logs them in one statement.
    await q.query(`CREATE TRIGGER organization_tree_insert AFTER INSERT ON organizations.organization
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organizations.log_organization_tree_insert()`);
    await q.query(`CREATE TRIGGER organization_tree_update AFTER UPDATE ON organizations.organization
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION organizations.log_organization_tree_update()`);
    await q.query(`CREATE TRIGGER organization_tree_delete AFTER DELETE ON organizations.organization
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION organizations.log_organization_tree_delete()`);

    await q.query(
      `INSERT INTO organizations.organization_tree_change (organization_id) SELECT id FROM organizations.organization ORDER BY id`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of ['organization_tree_insert', 'organization_tree_update', 'organization_tree_delete']) {
      await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON organizations.organization`);
    }
    for (const fn of ['log_organization_tree_insert', 'log_organization_tree_update', 'log_organization_tree_delete']) {
      await q.query(`DROP FUNCTION IF EXISTS organizations.${fn}()`);
    }
    await q.query(`DROP TABLE IF EXISTS organizations.organization_tree_change`);
  }
}
