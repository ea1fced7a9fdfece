/** Nominations (nomination) and their history of transitions (nomination_event). */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import type { EligibilityVerdict } from '../rules/index.js';
import type { CommendationBasis } from '../types/award-type.types.js';
import { Nomination, NominationEvent, type NominationStatus } from '../types/nomination.types.js';

export const NOMINATION_TABLE: TableDescriptor = defineTable('awards', 'nomination', [
  'id',
  'award_type_code',
  'person_id',
  'organization_id',
  'recipient_unit_id',
  'recipient_gender',
  'year',
  'basis',
  'proposed_by_organization_id',
  'bloc_id',
  'movement_code',
  'status',
  'eligibility',
  'decision_id',
  'version',
  'created_at',
  'created_by',
]);
export const NOMINATION_EVENT_TABLE: TableDescriptor = defineTable('awards', 'nomination_event', [
  'id',
  'nomination_id',
  'from_status',
  'to_status',
  'at',
  'by_subject',
  'by_organization',
  'reason',
]);

const NOMINATION_COLUMNS = `n.id, n.award_type_code AS "awardTypeCode", n.person_id AS "personId", n.organization_id AS "organizationId",
  n.recipient_unit_id AS "recipientUnitId", n.recipient_gender AS "recipientGender", n.year, n.basis,
  n.proposed_by_organization_id AS "proposedByOrganizationId", n.bloc_id AS "blocId", n.movement_code AS "movementCode",
  n.status, n.eligibility, n.decision_id AS "decisionId"`;

export interface NominationRow {
  id: string;
  awardTypeCode: string;
  personId: string | null;
  organizationId: string | null;
  recipientUnitId: string;
  recipientGender: string | null;
  year: number;
  basis: CommendationBasis;
  proposedByOrganizationId: string;
  blocId: string | null;
  movementCode: string | null;
  status: NominationStatus;
  eligibility: EligibilityVerdict;
  decisionId: string | null;
}

export interface NominationEventRow {
  nominationId: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  bySubject: string | null;
  byOrganization: string | null;
  reason: string | null;
}

export const toNomination = (row: NominationRow): Nomination =>
  Object.assign(new Nomination(), { ...row, verdict: row.eligibility });

export const toNominationEvent = ({ nominationId: _nominationId, ...row }: NominationEventRow): NominationEvent =>
  Object.assign(new NominationEvent(), row);

/** A new nomination: the recipient, the proposer and the verdict of the rules when it was drafted. */
export interface NewNomination {
  awardTypeCode: string;
  personId: string | null;
  organizationId: string | null;
  recipientUnitId: string;
  recipientGender: string | null;
  year: number;
  basis: string;
  proposedById: string;
  blocId: string | null;
  movementCode: string | null;
  eligibility: EligibilityVerdict;
  createdBy: string | null;
}

export class NominationStore {
  constructor(private readonly db: Queryable) {}

  async byId(id: string): Promise<NominationRow | null> {
    const [row] = (await this.db.query(`SELECT ${NOMINATION_COLUMNS} FROM nomination n WHERE n.id = $1`, [
      id,
    ])) as NominationRow[];
    return row ?? null;
  }

  /** The row under its lock (FOR UPDATE) until the transaction ends: every step of the workflow takes it first. */
  async lock(id: string): Promise<NominationRow | null> {
    const [row] = (await this.db.query(`SELECT ${NOMINATION_COLUMNS} FROM nomination n WHERE n.id = $1 FOR UPDATE`, [
      id,
    ])) as NominationRow[];
    return row ?? null;
  }

  async insert(values: NewNomination): Promise<string> {
    const [created] = (await this.db.query(
      `INSERT INTO nomination (award_type_code, person_id, organization_id, recipient_unit_id, recipient_gender, year, basis, proposed_by_organization_id,
                               bloc_id, movement_code, eligibility, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        values.awardTypeCode,
        values.personId,
        values.organizationId,
        values.recipientUnitId,
        values.recipientGender,
        values.year,
        values.basis,
        values.proposedById,
        values.blocId,
        values.movementCode,
        JSON.stringify(values.eligibility),
        values.createdBy,
      ],
    )) as { id: string }[];
    return created!.id;
  }

  /** Moves the nomination to `status` with the verdict recomputed for this step. */
  async setStatus(id: string, status: string, eligibility: EligibilityVerdict): Promise<void> {
    await this.db.query(`UPDATE nomination SET status = $2, eligibility = $3, version = version + 1 WHERE id = $1`, [
      id,
      status,
      JSON.stringify(eligibility),
    ]);
  }

  async markDecided(id: string, decisionId: string): Promise<void> {
    await this.db.query(
      `UPDATE nomination SET status = 'DECIDED', decision_id = $2, version = version + 1 WHERE id = $1`,
      [id, decisionId],
    );
  }

  /** One transition in the nomination's history: who (subject and unit), from, to and why. */
  async recordEvent(
    id: string,
    from: string | null,
    to: string,
    by: { subject: string | null; organization: string | null },
    reason: string | null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO nomination_event (nomination_id, from_status, to_status, by_subject, by_organization, reason) VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, from, to, by.subject, by.organization, reason],
    );
  }

  /** The histories of these nominations, each in order. */
  async eventsOf(nominationIds: readonly string[]): Promise<{ nominationId: string; event: NominationEvent }[]> {
    const rows: NominationEventRow[] = await this.db.query(
      `SELECT nomination_id AS "nominationId", from_status AS "fromStatus", to_status AS "toStatus", at, by_subject AS "bySubject",
              by_organization AS "byOrganization", reason
         FROM nomination_event WHERE nomination_id = ANY($1::uuid[]) ORDER BY nomination_id, id`,
      [nominationIds],
    );
    return rows.map((row) => ({ nominationId: row.nominationId, event: toNominationEvent(row) }));
  }
}
