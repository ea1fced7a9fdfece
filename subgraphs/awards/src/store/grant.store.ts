/** The ledger's grants (award_grant): batched reads for loaders, the rows a verdict or a revocation needs, and writes. */
import {
  defineTable,
  preparedStatement,
  queryPrepared,
  type Queryable,
  type TableDescriptor,
} from '@tdkt/subgraph-kit';
import type { EntityManager } from 'typeorm';
import type { CommendationBasis } from '../types/award-type.types.js';
import { Grant, type Decision } from '../types/grant.types.js';
import { DECISION_COLUMNS, toDecision, type DecisionRow } from './decision.store.js';

export const AWARD_GRANT_TABLE: TableDescriptor = defineTable('awards', 'award_grant', [
  'id',
  'award_type_code',
  'person_id',
  'organization_id',
  'recipient_unit_id',
  'recipient_gender',
  'year',
  'basis',
  'decision_id',
  'nomination_id',
  'imported',
  'revoked_on',
  'revoke_reason',
  'created_at',
  'authority_note',
]);

/** The SELECT list of a Grant over `award_grant g`. */
export const GRANT_COLUMNS = `g.id, g.award_type_code AS "awardTypeCode", g.person_id AS "personId", g.organization_id AS "organizationId",
  g.recipient_unit_id AS "recipientUnitId", g.year, g.basis, g.decision_id AS "decisionId", g.imported,
  g.revoked_on::text AS "revokedOn", g.revoke_reason AS "revokeReason", g.authority_note AS "authorityNote"`;

export interface GrantRow {
  id: string;
  awardTypeCode: string;
  personId: string | null;
  organizationId: string | null;
  recipientUnitId: string;
  year: number;
  basis: CommendationBasis;
  decisionId: string;
  imported: boolean;
  revokedOn: string | null;
  revokeReason: string | null;
  authorityNote: string | null;
}

export const toGrant = (row: GrantRow): Grant => Object.assign(new Grant(), row);

/**
 * A grant with its decision, read in the statement that reads the grant: a list of grants shows its
 * decisions (the loader primes its own with them), so N grants cost one statement, not two. (The award
 * type needs none: the catalogue is in memory, award-type.store.ts.)
 */
export interface LedgerGrant {
  grant: Grant;
  decision: Decision | null;
}

type LedgerRow = GrantRow & { decision: DecisionRow | null };

/** The SELECT list of a LedgerGrant, over `LEDGER_FROM`. */
const LEDGER_COLUMNS = `${GRANT_COLUMNS}, CASE WHEN d.id IS NULL THEN NULL ELSE row_to_json(d) END AS decision`;

const LEDGER_FROM = `award_grant g
  LEFT JOIN LATERAL (SELECT ${DECISION_COLUMNS} FROM decision WHERE id = g.decision_id) d ON true`;

function toLedgerGrant({ decision, ...grant }: LedgerRow): LedgerGrant {
  return { grant: toGrant(grant), decision: decision ? toDecision(decision) : null };
}

/** A grant to write: the recipient as the nomination or the import row names it. */
export interface NewGrant {
  awardTypeCode: string;
  personId: string | null;
  organizationId: string | null;
  recipientUnitId: string;
  recipientGender: string | null;
  year: number;
  basis: string;
}

/** What makes a grant the same achievement (the award_grant_once index): form, recipient, year, basis. */
export function grantKey(
  grant: Pick<NewGrant, 'awardTypeCode' | 'personId' | 'organizationId' | 'year' | 'basis'>,
): string {
  return [grant.awardTypeCode, grant.personId ?? grant.organizationId, grant.year, grant.basis].join('|');
}

/** Collective grants of (organization, year) pairs, the board's one awards read: prepared once per pooled connection. */
const GRANTS_OF_ORGANIZATION_YEARS = preparedStatement(
  'awards.grantsOfOrganizationYears',
  `SELECT ${LEDGER_COLUMNS} FROM ${LEDGER_FROM}
     JOIN unnest($1::uuid[], $2::int[]) AS k(organization_id, year) ON g.organization_id = k.organization_id AND (k.year IS NULL OR g.year = k.year)
    ORDER BY g.year, g.created_at`,
);

export class GrantStore {
  constructor(private readonly db: Queryable) {}

  async byIds(ids: readonly string[]): Promise<LedgerGrant[]> {
    const rows: LedgerRow[] = await this.db.query(
      `SELECT ${LEDGER_COLUMNS} FROM ${LEDGER_FROM} WHERE g.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toLedgerGrant);
  }

  async byId(id: string): Promise<Grant | null> {
    const [row] = (await this.db.query(`SELECT ${GRANT_COLUMNS} FROM award_grant g WHERE g.id = $1`, [
      id,
    ])) as GrantRow[];
    return row ? toGrant(row) : null;
  }

  /** Every grant of these persons (revoked ones included: the record shows them as revoked). */
  async byPersonIds(ids: readonly string[]): Promise<LedgerGrant[]> {
    const rows: LedgerRow[] = await this.db.query(
      `SELECT ${LEDGER_COLUMNS} FROM ${LEDGER_FROM} WHERE g.person_id = ANY($1::uuid[]) ORDER BY g.year, g.created_at`,
      [ids],
    );
    return rows.map(toLedgerGrant);
  }

  /** Collective grants of (organization, year) pairs; a null year: every year. */
  async byOrganizationYears(
    organizationIds: readonly string[],
    years: readonly (number | null)[],
  ): Promise<LedgerGrant[]> {
    const rows = await queryPrepared<LedgerRow>(this.db, GRANTS_OF_ORGANIZATION_YEARS, [organizationIds, years]);
    return rows.map(toLedgerGrant);
  }

  /** The grants linked to these exemplars, each with its exemplar's id. */
  async byExemplarIds(ids: readonly string[]): Promise<(LedgerGrant & { exemplarId: string })[]> {
    const rows: (LedgerRow & { exemplarId: string })[] = await this.db.query(
      `SELECT e.exemplar_id AS "exemplarId", ${LEDGER_COLUMNS} FROM ${LEDGER_FROM} JOIN exemplar_grant e ON e.grant_id = g.id
        WHERE e.exemplar_id = ANY($1::uuid[]) ORDER BY g.year`,
      [ids],
    );
    return rows.map(({ exemplarId, ...row }) => ({ exemplarId, ...toLedgerGrant(row) }));
  }

  /** A recipient's grants with their decision's date, by year (the history an eligibility verdict reads). */
  async historyOf(subject: {
    personId: string | null;
    organizationId: string | null;
  }): Promise<(Grant & { decisionDate: string | null })[]> {
    const rows: (GrantRow & { decisionDate: string | null })[] = await this.db.query(
      `SELECT ${GRANT_COLUMNS}, d.issued_on::text AS "decisionDate" FROM award_grant g JOIN decision d ON d.id = g.decision_id
      WHERE ${subject.personId ? 'g.person_id' : 'g.organization_id'} = $1 ORDER BY g.year`,
      [subject.personId ?? subject.organizationId],
    );
    return rows.map((row) => Object.assign(new Grant(), row));
  }

  /** A grant with its decision's issuer and date (who may revoke it, and from when). */
  async withDecision(id: string): Promise<(GrantRow & { issuerId: string; issuedOn: string }) | null> {
    const [row] = (await this.db.query(
      `SELECT ${GRANT_COLUMNS}, d.issuer_organization_id AS "issuerId", d.issued_on::text AS "issuedOn" FROM award_grant g JOIN decision d ON d.id = g.decision_id WHERE g.id = $1`,
      [id],
    )) as (GrantRow & { issuerId: string; issuedOn: string })[];
    return row ?? null;
  }

  /** How many of `ids` are grants of this recipient (person or organization). */
  async countOwnedBy(ids: readonly string[], recipientId: string | null): Promise<number> {
    const owned: { id: string }[] = await this.db.query(
      `SELECT id FROM award_grant WHERE id = ANY($1::uuid[]) AND coalesce(person_id, organization_id) = $2`,
      [ids, recipientId],
    );
    return owned.length;
  }

  /** The grant a decision makes of an approved nomination. */
  async insertDecided(grant: NewGrant, decisionId: string, nominationId: string): Promise<string> {
    const [row] = (await this.db.query(
      `INSERT INTO award_grant (award_type_code, person_id, organization_id, recipient_unit_id, recipient_gender, year, basis, decision_id, nomination_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        grant.awardTypeCode,
        grant.personId,
        grant.organizationId,
        grant.recipientUnitId,
        grant.recipientGender,
        grant.year,
        grant.basis,
        decisionId,
        nominationId,
      ],
    )) as { id: string }[];
    return row!.id;
  }

  /**
   * Imported grants in one statement; a grant already live in the ledger is left out (Law Art 5: one
   * achievement is not rewarded twice). `authorityNote`: why the issuer's authority was not checked, or
   * null when it was. The answer maps `grantKey(grant)` of each inserted grant to its id.
   */
  async insertImported(
    grants: readonly (NewGrant & { decisionId: string; authorityNote: string | null })[],
  ): Promise<Map<string, string>> {
    if (grants.length === 0) return new Map();
    // Written in key order: concurrent imports of overlapping sheets take the unique index's locks in
    // the same order and wait for each other instead of deadlocking.
    // created_at follows the sheet (a microsecond a row), so reads ordered by it keep the sheet's order.
    const sorted = grants
      .map((grant, position) => ({ ...grant, position }))
      .sort((a, b) => (grantKey(a) < grantKey(b) ? -1 : grantKey(a) > grantKey(b) ? 1 : 0));
    const column = <T>(pick: (grant: (typeof sorted)[number]) => T) => sorted.map(pick);
    const rows = (await this.db.query(
      `INSERT INTO award_grant (award_type_code, person_id, organization_id, recipient_unit_id, recipient_gender, year, basis, decision_id, imported, authority_note, created_at)
       SELECT v.award_type_code, v.person_id, v.organization_id, v.recipient_unit_id, v.recipient_gender, v.year, v.basis, v.decision_id, v.imported, v.authority_note,
              now() + v.sheet_position * interval '1 microsecond'
         FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[], $7::text[], $8::uuid[], $9::boolean[], $10::text[], $11::int[])
              WITH ORDINALITY AS v(award_type_code, person_id, organization_id, recipient_unit_id, recipient_gender, year, basis, decision_id, imported, authority_note, sheet_position, position)
        ORDER BY v.position
       ON CONFLICT DO NOTHING
       RETURNING id, award_type_code AS "awardTypeCode", person_id AS "personId", organization_id AS "organizationId", year, basis`,
      [
        column((grant) => grant.awardTypeCode),
        column((grant) => grant.personId),
        column((grant) => grant.organizationId),
        column((grant) => grant.recipientUnitId),
        column((grant) => grant.recipientGender),
        column((grant) => grant.year),
        column((grant) => grant.basis),
        column((grant) => grant.decisionId),
        column(() => true),
        column((grant) => grant.authorityNote),
        column((grant) => grant.position),
      ],
    )) as (Pick<NewGrant, 'awardTypeCode' | 'personId' | 'organizationId' | 'year' | 'basis'> & { id: string })[];
    return new Map(rows.map((row) => [grantKey(row), row.id]));
  }

  /** The live grants these repeat (same form, recipient, year and basis), with their decision, by `grantKey`. */
  async liveTwins(grants: readonly NewGrant[]): Promise<Map<string, { number: string; issuedOn: string }>> {
    if (grants.length === 0) return new Map();
    const rows = (await this.db.query(
      `SELECT g.award_type_code AS "awardTypeCode", g.person_id AS "personId", g.organization_id AS "organizationId", g.year, g.basis,
              d.number, d.issued_on::text AS "issuedOn"
         FROM unnest($1::text[], $2::uuid[], $3::int[], $4::text[]) AS k(award_type_code, recipient_id, year, basis)
         JOIN award_grant g ON g.award_type_code = k.award_type_code AND coalesce(g.person_id, g.organization_id) = k.recipient_id
                           AND g.year = k.year AND g.basis = k.basis AND g.revoked_on IS NULL
         JOIN decision d ON d.id = g.decision_id`,
      [
        grants.map((grant) => grant.awardTypeCode),
        grants.map((grant) => grant.personId ?? grant.organizationId),
        grants.map((grant) => grant.year),
        grants.map((grant) => grant.basis),
      ],
    )) as (Pick<NewGrant, 'awardTypeCode' | 'personId' | 'organizationId' | 'year' | 'basis'> & {
      number: string;
      issuedOn: string;
    })[];
    return new Map(rows.map(({ number, issuedOn, ...grant }) => [grantKey(grant), { number, issuedOn }]));
  }

  /** Revokes a live grant; false when it was already revoked. Needs the EntityManager of a transaction. */
  async revoke(id: string, revokedOn: string, reason: string): Promise<boolean> {
    const { affected } = await (this.db as EntityManager).queryRunner!.query(
      `UPDATE award_grant SET revoked_on = $2, revoke_reason = $3 WHERE id = $1 AND revoked_on IS NULL`,
      [id, revokedOn, reason],
      true,
    );
    return !!affected;
  }
}
