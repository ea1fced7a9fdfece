import type { MigrationInterface, QueryRunner } from 'typeorm';
import { decisionNumberKey } from '../rules/decision-number.rule.js';

interface DecisionRow {
  id: string;
  number: string;
  issued_on: string;
  issuer_organization_id: string;
}

/**
 * One decision per issuer and number however the number was typed ("15/QĐ-BTP", "15/qđ-btp",
 * "15 /QĐ–BTP" …): the comparison key of rules/decision-number.rule.ts, in a column unique per issuer;
 * `number` keeps what was written, for display.
 *
 * The key is computed here by the same function the application uses (the database's own upper() does
 * not know Vietnamese letters under every collation). Decisions that already collide are settled:
 * those with the same date are one decision typed twice, so their grants and nominations move to the
 * first one (a workflow decision before an imported one, then the oldest) and the copies go; those with
 * different dates are two claims on one number that only an officer can settle, so each later one keeps
 * its row with its id appended to its key, and shows up in the list of such keys.
 */
export class DecisionNumberKey1765300000000 implements MigrationInterface {
  name = 'DecisionNumberKey1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE awards.decision ADD COLUMN number_key text`);
    const rows: DecisionRow[] = await q.query(
      `SELECT id, number, issued_on::text AS issued_on, issuer_organization_id FROM awards.decision
        ORDER BY issuer_organization_id, is_legacy, created_at, id`,
    );
    const kept = new Map<string, DecisionRow>();
    const ids: string[] = [];
    const keys: string[] = [];
    const merges: [string, string][] = [];
    for (const row of rows) {
      const key = decisionNumberKey(row.number);
      const slot = `${row.issuer_organization_id}|${key}`;
      const first = kept.get(slot);
      if (!first) {
        kept.set(slot, row);
        ids.push(row.id);
        keys.push(key);
      } else if (first.issued_on === row.issued_on) {
        merges.push([row.id, first.id]);
      } else {
        ids.push(row.id);
        keys.push(`${key}#${row.id}`);
      }
    }
    if (merges.length) {
      const [from, to] = [merges.map(([id]) => id), merges.map(([, id]) => id)];
      for (const table of ['award_grant', 'nomination']) {
        await q.query(
          `UPDATE awards.${table} t SET decision_id = m.kept FROM unnest($1::uuid[], $2::uuid[]) AS m(copy, kept) WHERE t.decision_id = m.copy`,
          [from, to],
        );
      }
      await q.query(`DELETE FROM awards.decision WHERE id = ANY($1::uuid[])`, [from]);
    }
    for (let start = 0; start < ids.length; start += 10_000) {
      await q.query(
        `UPDATE awards.decision d SET number_key = k.key FROM unnest($1::uuid[], $2::text[]) AS k(id, key) WHERE d.id = k.id`,
        [ids.slice(start, start + 10_000), keys.slice(start, start + 10_000)],
      );
    }
    await q.query(`ALTER TABLE awards.decision ALTER COLUMN number_key SET NOT NULL`);
    await q.query(`ALTER TABLE awards.decision DROP CONSTRAINT decision_issuer_number_key`);
    await q.query(
      `ALTER TABLE awards.decision ADD CONSTRAINT decision_issuer_number_key_unique UNIQUE (issuer_organization_id, number_key)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE awards.decision DROP CONSTRAINT decision_issuer_number_key_unique`);
    await q.query(`ALTER TABLE awards.decision DROP COLUMN number_key`);
    await q.query(
      `ALTER TABLE awards.decision ADD CONSTRAINT decision_issuer_number_key UNIQUE (issuer_organization_id, number)`,
    );
  }
}
