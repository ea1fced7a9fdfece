import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tree log (migration 1765000000000) also records renames: a change of name or short name appends
 * the unit's id, as a change of parent, kind or code does. The campaigns subgraph keeps a copy of each
 * unit's code, name and short name from this log (a board names every signatory without asking this
 * subgraph); the awards subgraph's copy of the chains ignores entries whose chain did not change.
 * A rename is not a move (`moved` stays false): the subtree below it keeps its chains.
 */
const CHANGED = (names: boolean) =>
  `n.parent_id IS DISTINCT FROM o.parent_id OR n.kind IS DISTINCT FROM o.kind OR n.code IS DISTINCT FROM o.code${
    names ? ' OR n.name IS DISTINCT FROM o.name OR n.short_name IS DISTINCT FROM o.short_name' : ''
  }`;

const updateLogger = (
  names: boolean,
) => `CREATE OR REPLACE FUNCTION organizations.log_organization_tree_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ${CHANGED(names)}) THEN
          PERFORM pg_advisory_xact_lock(hashtext('tdkt:organizations:tree-change'));
          INSERT INTO organizations.organization_tree_change (organization_id, moved)
          SELECT n.id, n.parent_id IS DISTINCT FROM o.parent_id FROM new_rows n JOIN old_rows o ON o.id = n.id
           WHERE ${CHANGED(names)} ORDER BY n.id;
        END IF;
        RETURN NULL;
      END $$`;

export class OrganizationRenameLog1765500000000 implements MigrationInterface {
  name = 'OrganizationRenameLog1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(updateLogger(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(updateLogger(false));
  }
}
