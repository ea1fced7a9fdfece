/** Decisions (quyết định khen thưởng): issued through the workflow, or imported from the paper record. */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import { decisionNumberKey } from '../rules/decision-number.rule.js';
import { Decision } from '../types/grant.types.js';

export const DECISION_TABLE: TableDescriptor = defineTable('awards', 'decision', [
  'id',
  'number',
  'issued_on',
  'issuer_organization_id',
  'authority',
  'is_legacy',
  'created_at',
  'created_by',
  'number_key',
]);

/** The SELECT list of a Decision over `decision` (the ledger joins it to its grants). */
export const DECISION_COLUMNS = `id, number, issued_on::text AS "issuedOn", issuer_organization_id AS "issuerOrganizationId", authority, is_legacy AS "isLegacy"`;

export interface DecisionRow {
  id: string;
  number: string;
  issuedOn: string;
  issuerOrganizationId: string;
  authority: string | null;
  isLegacy: boolean;
}

export const toDecision = (row: DecisionRow): Decision => Object.assign(new Decision(), row);

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class DecisionStore {
  constructor(private readonly db: Queryable) {}

  async byIds(ids: readonly string[]): Promise<Decision[]> {
    const rows: DecisionRow[] = await this.db.query(
      `SELECT ${DECISION_COLUMNS}
         FROM decision WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toDecision);
  }

  /** A new decision; its number's key (rules/decision-number.rule.ts) is unique per issuer. */
  async insert(values: {
    number: string;
    issuedOn: string;
    issuerId: string;
    authority: string | null;
    createdBy: string | null;
  }): Promise<Decision> {
    const [row] = (await this.db.query(
      `INSERT INTO decision (number, number_key, issued_on, issuer_organization_id, authority, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING ${DECISION_COLUMNS}`,
      [
        values.number,
        decisionNumberKey(values.number),
        values.issuedOn,
        values.issuerId,
        values.authority,
        values.createdBy,
      ],
    )) as DecisionRow[];
    return toDecision(row!);
  }

  /**
   * Legacy decisions by issuer and number key, in one statement: each created once, then found again
   * however its number is typed, with the number and date it was first recorded with. One entry per
   * (issuer, key) in `values`; the answer is keyed by `issuerId|numberKey`.
   */
  async upsertLegacy(
    values: readonly { number: string; issuedOn: string; issuerId: string }[],
    createdBy: string | null,
  ): Promise<Map<string, { id: string; number: string; issuedOn: string; created: boolean }>> {
    // Written in (issuer, key) order: two imports naming the same decisions lock them in the same order
    // and wait for each other instead of deadlocking.
    const sorted = values
      .map((value) => ({ ...value, numberKey: decisionNumberKey(value.number) }))
      .sort((a, b) => compare(a.issuerId, b.issuerId) || compare(a.numberKey, b.numberKey));
    const rows = (await this.db.query(
      `INSERT INTO decision (number, number_key, issued_on, issuer_organization_id, is_legacy, created_by)
       SELECT v.number, v.number_key, v.issued_on::date, v.issuer_id, true, $5
         FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) WITH ORDINALITY AS v(number, number_key, issued_on, issuer_id, position)
        ORDER BY v.position
       ON CONFLICT (issuer_organization_id, number_key) DO UPDATE SET number_key = EXCLUDED.number_key
       RETURNING id, issuer_organization_id AS "issuerId", number_key AS "numberKey", number, issued_on::text AS "issuedOn",
                 (xmax = 0) AS created`,
      [
        sorted.map((value) => value.number),
        sorted.map((value) => value.numberKey),
        sorted.map((value) => value.issuedOn),
        sorted.map((value) => value.issuerId),
        createdBy,
      ],
    )) as { id: string; issuerId: string; numberKey: string; number: string; issuedOn: string; created: boolean }[];
    return new Map(rows.map(({ issuerId, numberKey, ...row }) => [`${issuerId}|${numberKey}`, row]));
  }

  /** Removes the decisions no grant or nomination refers to (those an import created for rows it then skipped). */
  async deleteUnused(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `DELETE FROM decision d WHERE d.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM award_grant g WHERE g.decision_id = d.id)
          AND NOT EXISTS (SELECT 1 FROM nomination n WHERE n.decision_id = d.id)`,
      [ids],
    );
  }
}
