import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rollups of the grant ledger, so statistics (AwardStatistics, forms 0602/0603 of TT 02/2023/TT-BNV)
 * over a ministry or province of thousands of units and ten years read a few thousand rows instead of
 * millions of grants. Only live (not revoked) grants count.
 *
 * - `award_grant_rollup`: counts per unit the grant is attributed to (`recipient_unit_id`), year,
 *   award, subject kind (PERSON / COLLECTIVE), basis and gender ('NONE' for collectives, 'UNKNOWN' for a
 *   person whose gender was not recorded).
 * - `award_grant_subtree_rollup`: the same counts per subtree: a grant counts for its unit and for every
 *   ancestor of that unit. A subtree query reads the rows of one `ancestor_id`.
 * - `award_grant_rollup_pending`: what writes changed since the last fold. Triggers on award_grant
 *   (insert, update — revocation included —, delete; statement-level with transition tables) append the
 *   net change of each statement per unit key in the writer's own transaction, so a statistic that adds
 *   the pending rows to the rollups is right after every commit. Writers never update a shared counter
 *   row: concurrent imports, which insert row by row, neither wait for each other nor deadlock on the
 *   ancestors' counters. `compact_award_rollups()` folds the pending rows into both rollups (the
 *   statistics call it when many have accumulated).
 * - `org_unit`: the code (never changes), ancestor chain and kind of each unit, copied from the
 *   organizations subgraph's tree log (`organizationTreeChanges`) by `apply_organization_tree`;
 *   `org_tree_sync.cursor` is the last change applied. A unit not yet copied counts only for itself
 *   until its chain arrives (rollup/organization-tree.sync.ts says when the copy is brought up to date).
 *
 * Invariant: subtree rollup = unit rollup fanned out over `org_unit`. Folding and tree changes keep it,
 * one at a time (advisory lock 'tdkt:awards:rollups'); pending rows are fanned out over the chains as
 * they are when read or folded, so they never need moving.
 *
 * Bulk loads: disable the user triggers on award_grant, COPY, then `SELECT awards.rebuild_award_rollups()`.
 */
export class AwardRollups1765000000000 implements MigrationInterface {
  name = 'AwardRollups1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE awards.org_unit (
      id uuid PRIMARY KEY,
      code text,
      ancestor_ids uuid[] NOT NULL,
      kind text,
      synced_at timestamptz NOT NULL DEFAULT now()
    )`);
    // A statistic names its unit by code (codes never change); a removed unit has none.
    await q.query(`CREATE INDEX org_unit_code_idx ON awards.org_unit (code) WHERE code IS NOT NULL`);
    // Forms 0602 split by the submitting body: units under a province or centrally-run city.
    await q.query(
      `CREATE INDEX org_unit_province_idx ON awards.org_unit (id) INCLUDE (ancestor_ids) WHERE kind IN ('PROVINCE','CENTRAL_CITY')`,
    );
    await q.query(`CREATE TABLE awards.org_tree_sync (
      id boolean PRIMARY KEY DEFAULT true CONSTRAINT org_tree_sync_single_row CHECK (id),
      cursor bigint NOT NULL DEFAULT 0,
      synced_at timestamptz
    )`);
    await q.query(`INSERT INTO awards.org_tree_sync DEFAULT VALUES`);

    for (const [table, key] of [
      ['award_grant_rollup', 'organization_id'],
      ['award_grant_subtree_rollup', 'ancestor_id'],
    ] as const) {
      await q.query(`CREATE TABLE awards.${table} (
        ${key} uuid NOT NULL,
        year integer NOT NULL,
        award_type_code text NOT NULL,
        subject_kind text NOT NULL CONSTRAINT ${table}_subject_kind_check CHECK (subject_kind IN ('PERSON','COLLECTIVE')),
        basis text NOT NULL,
        gender text NOT NULL CONSTRAINT ${table}_gender_check CHECK (gender IN ('MALE','FEMALE','UNKNOWN','NONE')),
        count integer NOT NULL CONSTRAINT ${table}_count_check CHECK (count >= 0),
        -- count in the key's index: a statistic reads the index only (see rebuild_award_rollups for the order).
        PRIMARY KEY (${key}, year, award_type_code, subject_kind, basis, gender) INCLUDE (count)
      )`);
    }

    // Writers only append: each statement on award_grant adds its net change per unit key to
    // award_grant_rollup_pending, in its own transaction. No shared row is updated by a writer, so
    // concurrent imports (row by row, in any order) never wait for each other or deadlock on counters.
    await q.query(`CREATE TABLE awards.award_grant_rollup_pending (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      organization_id uuid NOT NULL,
      year integer NOT NULL,
      award_type_code text NOT NULL,
      subject_kind text NOT NULL,
      basis text NOT NULL,
      gender text NOT NULL,
      n integer NOT NULL
    )`);

    // The rollup key of a grant row, as SQL over a transition table aliased g.
    const key = `g.recipient_unit_id, g.year, g.award_type_code,
                 CASE WHEN g.person_id IS NULL THEN 'COLLECTIVE' ELSE 'PERSON' END,
                 g.basis,
                 CASE WHEN g.person_id IS NULL THEN 'NONE' ELSE coalesce(g.recipient_gender, 'UNKNOWN') END`;
    const append = (source: string) => `
        INSERT INTO awards.award_grant_rollup_pending (organization_id, year, award_type_code, subject_kind, basis, gender, n)
        SELECT unit_id, year, code, kind, basis, gender, sum(n)::int
          FROM (${source}) AS s(unit_id, year, code, kind, basis, gender, n)
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0;
        RETURN NULL;`;
    await q.query(`CREATE FUNCTION awards.award_grant_rollup_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${append(`SELECT ${key}, 1 FROM new_rows g WHERE g.revoked_on IS NULL`)}
      END $$`);
    await q.query(`CREATE FUNCTION awards.award_grant_rollup_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${append(`SELECT ${key}, 1 FROM new_rows g WHERE g.revoked_on IS NULL UNION ALL SELECT ${key}, -1 FROM old_rows g WHERE g.revoked_on IS NULL`)}
      END $$`);
    await q.query(`CREATE FUNCTION awards.award_grant_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN ${append(`SELECT ${key}, -1 FROM old_rows g WHERE g.revoked_on IS NULL`)}
      END $$`);
    // TRUNCATE of the ledger empties the rollups (same transaction); only the owner may truncate.
    await q.query(`CREATE FUNCTION awards.award_grant_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE awards.award_grant_subtree_rollup, awards.award_grant_rollup, awards.award_grant_rollup_pending;
        RETURN NULL;
      END $$`);
    // Statement-level with transition tables: a multi-row statement appends one row per key.
    await q.query(`CREATE TRIGGER award_grant_rollup_insert AFTER INSERT ON awards.award_grant
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION awards.award_grant_rollup_insert()`);
    await q.query(`CREATE TRIGGER award_grant_rollup_update AFTER UPDATE ON awards.award_grant
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION awards.award_grant_rollup_update()`);
    await q.query(`CREATE TRIGGER award_grant_rollup_delete AFTER DELETE ON awards.award_grant
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION awards.award_grant_rollup_delete()`);
    await q.query(`CREATE TRIGGER award_grant_rollup_truncate AFTER TRUNCATE ON awards.award_grant
      FOR EACH STATEMENT EXECUTE FUNCTION awards.award_grant_rollup_truncate()`);

    // Adds net changes (pg_temp.rollup_delta_unit, keyed by unit) to both rollups: the subtree rollup
    // through each unit's chain as it is now. Additions are upserts, subtractions update rows that must
    // exist (a missing one means the rollups were bypassed: fail loudly, rebuild_award_rollups() repairs;
    // and a CHECK runs before ON CONFLICT, so a subtraction cannot be an upsert); rows that reach 0 go.
    // Callers hold the rollup lock (compaction and tree changes never run side by side).
    const fold = (table: string, key: string, delta: string) => `
        INSERT INTO awards.${table} AS r (${key}, year, award_type_code, subject_kind, basis, gender, count)
        SELECT * FROM ${delta} WHERE n > 0 ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (${key}, year, award_type_code, subject_kind, basis, gender) DO UPDATE SET count = r.count + EXCLUDED.count;
        WITH negative AS (SELECT * FROM ${delta} WHERE n < 0),
        updated AS (
          UPDATE awards.${table} r SET count = r.count + negative.n FROM negative
           WHERE r.${key} = negative.k AND r.year = negative.year AND r.award_type_code = negative.code
             AND r.subject_kind = negative.kind AND r.basis = negative.basis AND r.gender = negative.gender
          RETURNING 1)
        SELECT (SELECT count(*) FROM negative), (SELECT count(*) FROM updated) INTO v_expected, v_updated;
        IF v_expected <> v_updated THEN
          RAISE EXCEPTION 'awards.${table} is out of step with award_grant; run awards.rebuild_award_rollups()';
        END IF;
        DELETE FROM awards.${table} r USING ${delta} d
         WHERE d.n < 0 AND r.${key} = d.k AND r.year = d.year AND r.award_type_code = d.code
           AND r.subject_kind = d.kind AND r.basis = d.basis AND r.gender = d.gender AND r.count = 0;`;
    const tempTables = `
        IF to_regclass('pg_temp.rollup_delta_unit') IS NULL THEN
          CREATE TEMP TABLE rollup_delta_unit (k uuid, year integer, code text, kind text, basis text, gender text, n integer) ON COMMIT DELETE ROWS;
          CREATE TEMP TABLE rollup_delta_subtree (k uuid, year integer, code text, kind text, basis text, gender text, n integer) ON COMMIT DELETE ROWS;
          CREATE TEMP TABLE org_tree_incoming (id uuid PRIMARY KEY, code text, ancestors uuid[], kind text) ON COMMIT DELETE ROWS;
        END IF;
        DELETE FROM pg_temp.rollup_delta_unit;
        DELETE FROM pg_temp.rollup_delta_subtree;
        DELETE FROM pg_temp.org_tree_incoming;`;
    await q.query(`CREATE FUNCTION awards.fold_subtree_delta() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE v_expected bigint; v_updated bigint;
      BEGIN ${fold('award_grant_subtree_rollup', 'ancestor_id', 'pg_temp.rollup_delta_subtree')}
      END $$`);
    await q.query(`CREATE FUNCTION awards.fold_unit_delta() RETURNS void LANGUAGE plpgsql AS $$
      DECLARE v_expected bigint; v_updated bigint;
      BEGIN
        INSERT INTO pg_temp.rollup_delta_subtree
        SELECT a.ancestor_id, d.year, d.code, d.kind, d.basis, d.gender, sum(d.n)::int
          FROM pg_temp.rollup_delta_unit d
          LEFT JOIN awards.org_unit u ON u.id = d.k
          CROSS JOIN LATERAL unnest(array_prepend(d.k, coalesce(u.ancestor_ids, '{}'::uuid[]))) AS a(ancestor_id)
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(d.n) <> 0;
        PERFORM awards.fold_subtree_delta();
        ${fold('award_grant_rollup', 'organization_id', 'pg_temp.rollup_delta_unit')}
      END $$`);

    // Folds the pending changes committed so far into the rollups (one transaction; readers see the
    // pending rows or the folded counts, never both or neither). Returns the number of keys folded.
    await q.query(`CREATE FUNCTION awards.compact_award_rollups() RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE v_keys integer;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('tdkt:awards:rollups'));
        ${tempTables}
        WITH taken AS (DELETE FROM awards.award_grant_rollup_pending RETURNING *)
        INSERT INTO pg_temp.rollup_delta_unit
        SELECT organization_id, year, award_type_code, subject_kind, basis, gender, sum(n)::int FROM taken
         GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(n) <> 0;
        GET DIAGNOSTICS v_keys = ROW_COUNT;
        PERFORM awards.fold_unit_delta();
        RETURN v_keys;
      END $$`);

    // Full recompute from the ledger and the copied chains (after a bulk load with triggers off). Runs as
    // the owner (TRUNCATE), whoever calls it; it only ever rewrites the rollups.
    await q.query(`CREATE FUNCTION awards.rebuild_award_rollups() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = awards, pg_temp AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('tdkt:awards:rollups'));
        LOCK TABLE awards.award_grant IN SHARE MODE;
        TRUNCATE awards.award_grant_subtree_rollup, awards.award_grant_rollup, awards.award_grant_rollup_pending;
        INSERT INTO awards.award_grant_rollup (organization_id, year, award_type_code, subject_kind, basis, gender, count)
        SELECT ${key}, count(*)::int FROM awards.award_grant g WHERE g.revoked_on IS NULL GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6;
        INSERT INTO awards.award_grant_subtree_rollup (ancestor_id, year, award_type_code, subject_kind, basis, gender, count)
        SELECT a.ancestor_id, r.year, r.award_type_code, r.subject_kind, r.basis, r.gender, sum(r.count)::int
          FROM awards.award_grant_rollup r
          LEFT JOIN awards.org_unit u ON u.id = r.organization_id
          CROSS JOIN LATERAL unnest(array_prepend(r.organization_id, coalesce(u.ancestor_ids, '{}'::uuid[]))) AS a(ancestor_id)
         GROUP BY 1, 2, 3, 4, 5, 6
         -- In key order: the rows of one subtree sit on a few pages, not on one page each.
         ORDER BY 1, 2, 3, 4, 5, 6;
        ANALYZE awards.award_grant_rollup;
        ANALYZE awards.award_grant_subtree_rollup;
      END $$`);

    // Applies one page of organizationTreeChanges: for each unit whose chain changed, its own counts leave
    // the ancestors it lost and join the ancestors it gained. Pages apply in order: one that starts after
    // the stored cursor is refused (-1: read again from the cursor); one already covered is skipped.
    // Returns the stored cursor afterwards.
    await q.query(`CREATE FUNCTION awards.apply_organization_tree(p_from bigint, p_to bigint, p_units jsonb) RETURNS bigint
      LANGUAGE plpgsql AS $$
      DECLARE v_cursor bigint;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('tdkt:awards:rollups'));
        SELECT cursor INTO v_cursor FROM awards.org_tree_sync FOR UPDATE;
        IF p_to <= v_cursor THEN RETURN v_cursor; END IF;
        IF p_from > v_cursor THEN RETURN -1; END IF;
        ${tempTables}
        INSERT INTO pg_temp.org_tree_incoming (id, code, ancestors, kind)
        SELECT DISTINCT ON (x.id) x.id, x.code, coalesce(x."ancestorIds", '{}'::uuid[]), x.kind
          FROM jsonb_to_recordset(p_units) AS x(id uuid, code text, "ancestorIds" uuid[], kind text);

        WITH changed AS (
          SELECT i.id, coalesce(u.ancestor_ids, '{}'::uuid[]) AS old_ancestors, i.ancestors AS new_ancestors
            FROM pg_temp.org_tree_incoming i LEFT JOIN awards.org_unit u ON u.id = i.id
           WHERE u.id IS NULL OR u.ancestor_ids IS DISTINCT FROM i.ancestors
        )
        INSERT INTO pg_temp.rollup_delta_subtree
        SELECT m.ancestor_id, r.year, r.award_type_code, r.subject_kind, r.basis, r.gender, sum(r.count * m.sign)::int
          FROM changed c
          CROSS JOIN LATERAL (
            SELECT a, -1 FROM unnest(c.old_ancestors) AS a WHERE NOT (a = ANY (c.new_ancestors))
            UNION ALL
            SELECT a, 1 FROM unnest(c.new_ancestors) AS a WHERE NOT (a = ANY (c.old_ancestors))
          ) AS m(ancestor_id, sign)
          JOIN awards.award_grant_rollup r ON r.organization_id = c.id
         GROUP BY 1, 2, 3, 4, 5, 6
        HAVING sum(r.count * m.sign) <> 0;
        PERFORM awards.fold_subtree_delta();

        INSERT INTO awards.org_unit AS u (id, code, ancestor_ids, kind)
        SELECT id, code, ancestors, kind FROM pg_temp.org_tree_incoming
        ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, ancestor_ids = EXCLUDED.ancestor_ids, kind = EXCLUDED.kind, synced_at = now()
         WHERE u.ancestor_ids IS DISTINCT FROM EXCLUDED.ancestor_ids OR u.kind IS DISTINCT FROM EXCLUDED.kind OR u.code IS DISTINCT FROM EXCLUDED.code;

        UPDATE awards.org_tree_sync SET cursor = p_to, synced_at = now();
        RETURN p_to;
      END $$`);

    // Starting over (the organizations database was restored or recreated): keep the chains, read the log from 0.
    await q.query(`CREATE FUNCTION awards.reset_organization_tree_cursor() RETURNS void LANGUAGE sql AS $$
      UPDATE awards.org_tree_sync SET cursor = 0 $$`);

    await q.query(`SELECT awards.rebuild_award_rollups()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of [
      'award_grant_rollup_insert',
      'award_grant_rollup_update',
      'award_grant_rollup_delete',
      'award_grant_rollup_truncate',
    ]) {
      await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON awards.award_grant`);
    }
    for (const fn of [
      'award_grant_rollup_insert()',
      'award_grant_rollup_update()',
      'award_grant_rollup_delete()',
      'award_grant_rollup_truncate()',
      'fold_subtree_delta()',
      'fold_unit_delta()',
      'compact_award_rollups()',
      'rebuild_award_rollups()',
      'apply_organization_tree(bigint, bigint, jsonb)',
      'reset_organization_tree_cursor()',
    ]) {
      await q.query(`DROP FUNCTION IF EXISTS awards.${fn}`);
    }
    for (const table of [
      'award_grant_rollup_pending',
      'award_grant_subtree_rollup',
      'award_grant_rollup',
      'org_tree_sync',
      'org_unit',
    ])
      await q.query(`DROP TABLE IF EXISTS awards.${table}`);
  }
}
