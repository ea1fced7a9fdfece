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

const DECISION_COLUMNS = `id, number, issued_on::text AS "issuedOn", issuer_organization_id AS "issuerOrganizationId", authority, is_legacy AS "isLegacy"`;

export interface DecisionRow {
  id: string;
  number: string;
  issuedOn: string;
  issuerOrganizationId: string;
  authority: string | null;
  isLegacy: boolean;
}

export const toDecision = (row: DecisionRow): Decision => Object.assign(new Decision(), row);

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
   * A legacy decision by issuer and number key: created once, then found again however the number is
   * typed (with the number and date it was first recorded with).
   */
  async upsertLegacy(values: {
    number: string;
    issuedOn: string;
    issuerId: string;
    createdBy: string | null;
  }): Promise<{ id: string; number: string; issuedOn: string }> {
    const [row] = (await this.db.query(
      `INSERT INTO decision (number, number_key, issued_on, issuer_organization_id, is_legacy, created_by) VALUES ($1, $2, $3, $4, true, $5)
       ON CONFLICT (issuer_organization_id, number_key) DO UPDATE SET number_key = EXCLUDED.number_key
       RETURNING id, number, issued_on::text AS "issuedOn"`,
      [values.number, decisionNumberKey(values.number), values.issuedOn, values.issuerId, values.createdBy],
    )) as { id: string; number: string; issuedOn: string }[];
    return row!;
  }

  /** Removes a decision no grant or nomination refers to (one an import created for a row it then skipped). */
  async deleteIfUnused(id: string): Promise<void> {
    await this.db.query(
      `DELETE FROM decision d WHERE d.id = $1
          AND NOT EXISTS (SELECT 1 FROM award_grant g WHERE g.decision_id = d.id)
          AND NOT EXISTS (SELECT 1 FROM nomination n WHERE n.decision_id = d.id)`,
      [id],
    );
  }
}
