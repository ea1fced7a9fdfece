/** Nominations (nomination) and their history of transitions (nomination_event). */
import {
  badInput,
  decodeCursor,
  isUuid,
  pageSize,
  toPage,
  translateDatabaseError,
  defineTable,
  type Page,
  type Queryable,
  type TableDescriptor,
} from '@tdkt/subgraph-kit';
import type { EligibilityVerdict, RouteStop, RoutingLevel } from '../rules/index.js';
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
  // The routing columns keep their defaults (held at the first level, no route yet: the inbox reads a
  // bulk-loaded file as its proposer's), but the day it reached its holder is the row's own.
  'holder_since',
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

export const NOMINATION_COLUMNS = `n.id, n.award_type_code AS "awardTypeCode", n.person_id AS "personId", n.organization_id AS "organizationId",
  n.recipient_unit_id AS "recipientUnitId", n.recipient_gender AS "recipientGender", n.year, n.basis,
  n.proposed_by_organization_id AS "proposedByOrganizationId", n.bloc_id AS "blocId", n.movement_code AS "movementCode",
  n.status, n.eligibility, n.decision_id AS "decisionId", n.created_at AS "createdAt",
  n.route, n.holder_index AS "holderIndex", n.holder_level AS "holderLevel", 
  CASE WHEN n.holder_level IN ('UNIT','MINISTRY_OR_PROVINCE') THEN coalesce(n.holder_organization_id, n.proposed_by_organization_id) END AS "holderOrganizationId",
  n.holder_since AS "holderSince"`;

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
  createdAt: Date;
  /** The stops from the proposer to the deciding authority (null on rows written before routing). */
  route: RouteStop[] | null;
  holderIndex: number;
  holderLevel: RoutingLevel;
  holderOrganizationId: string | null;
  holderSince: Date;
}

/** A unit and, if `descendants`, every unit under it in the copy of the organization tree (org_unit). */
export interface UnitScope {
  id: string;
  descendants: boolean;
}

/** What the `nominations` list is narrowed to; every field optional. */
export interface NominationListFilter {
  /** Visibility: the proposer is in this scope (null: every nomination — the Central Board). */
  proposedWithin: UnitScope | null;
  /** The recipient's unit is in this scope. */
  recipientWithin: UnitScope | null;
  status: string | null;
  year: number | null;
  awardTypeCode: string | null;
}

export interface NominationEventRow {
  nominationId: string;
  fromStatus: string | null;
  toStatus: string;
  at: Date;
  bySubject: string | null;
  byOrganization: string | null;
  reason: string | null;
  fromLevel: string | null;
  toLevel: string | null;
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
  route: RouteStop[];
}

/** created_at in UTC to the microsecond, as the list's cursor carries it. */
export const SORT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

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
                               bloc_id, movement_code, eligibility, created_by, route, holder_index, holder_level, holder_organization_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 0, $14, $15) RETURNING id`,
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
        JSON.stringify(values.route),
        values.route[0]!.level,
        values.route[0]!.organizationId,
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

  /** Hands the file to stop `index` of `route` (its clocks start now). */
  async setHolder(id: string, route: readonly RouteStop[], index: number): Promise<void> {
    const stop = route[index]!;
    await this.db.query(
      `UPDATE nomination SET route = $2, holder_index = $3, holder_level = $4, holder_organization_id = $5, holder_since = now(),
              version = version + 1
        WHERE id = $1`,
      [id, JSON.stringify(route), index, stop.level, stop.organizationId],
    );
  }

  async markDecided(id: string, decisionId: string): Promise<void> {
    await this.db.query(
      `UPDATE nomination SET status = 'DECIDED', decision_id = $2, version = version + 1 WHERE id = $1`,
      [id, decisionId],
    );
  }

  /**
   * One page of nominations, newest first: keyset on (created_at, id) descending, never OFFSET; the
   * cursor carries created_at to the microsecond (UTC) and the id. Two statements: the count, the page.
   */
  async page(
    filter: NominationListFilter,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<Page<NominationRow>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 2);
    // A well-formed cursor that this list did not make (a forged time or id) is refused here, as bad input.
    if (
      cursor &&
      !(typeof cursor[0] === 'string' && SORT_KEY.test(cursor[0]) && typeof cursor[1] === 'string' && isUuid(cursor[1]))
    )
      throw badInput('Con trỏ phân trang (after) không hợp lệ; hãy dùng endCursor của trang trước.', {
        field: 'after',
      });
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const within = (column: string, scope: UnitScope) => {
      const root = param(scope.id);
      return scope.descendants
        ? `(${column} = ${root}::uuid OR ${column} IN (SELECT u.id FROM org_unit u WHERE u.ancestor_ids @> ARRAY[${root}::uuid]))`
        : `${column} = ${root}::uuid`;
    };
    if (filter.proposedWithin) where.push(within('n.proposed_by_organization_id', filter.proposedWithin));
    if (filter.recipientWithin) where.push(within('n.recipient_unit_id', filter.recipientWithin));
    if (filter.status !== null) where.push(`n.status = ${param(filter.status)}`);
    if (filter.year !== null) where.push(`n.year = ${param(filter.year)}`);
    if (filter.awardTypeCode !== null) where.push(`n.award_type_code = ${param(filter.awardTypeCode)}`);
    const clause = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
    try {
      const [{ count }] = (await this.db.query(`SELECT count(*)::int AS count FROM nomination n ${clause(where)}`, [
        ...params,
      ])) as { count: number }[];
      if (limit === 0) return { totalCount: count, edges: [], pageInfo: { hasNextPage: count > 0, endCursor: null } };
      if (cursor)
        where.push(
          `(n.created_at, n.id) < (${param(cursor[0])}::timestamp AT TIME ZONE 'UTC', ${param(cursor[1])}::uuid)`,
        );
      const rows = (await this.db.query(
        `SELECT ${NOMINATION_COLUMNS},
                to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS "sortKey"
           FROM nomination n ${clause(where)}
          ORDER BY n.created_at DESC, n.id DESC
          LIMIT ${param(limit + 1)}`,
        params,
      )) as (NominationRow & { sortKey: string })[];
      const page = toPage(rows, limit, count, (row) => [row.sortKey, row.id]);
      return {
        ...page,
        edges: page.edges.map(({ cursor: edgeCursor, node: { sortKey: _sortKey, ...node } }) => ({
          cursor: edgeCursor,
          node,
        })),
      };
    } catch (error) {
      // A cursor whose parts do not fit (forged) fails in the database: bad input.
      throw translateDatabaseError(error);
    }
  }

  /**
   * One transition in the nomination's history: who (subject and unit), from, to, why, and between which
   * levels (by default the level that holds the file as the row is written, both ways).
   */
  async recordEvent(
    id: string,
    from: string | null,
    to: string,
    by: { subject: string | null; organization: string | null },
    reason: string | null,
    levels?: { from: string | null; to: string },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO nomination_event (nomination_id, from_status, to_status, by_subject, by_organization, reason, from_level, to_level)
       SELECT $1, $2, $3, $4, $5, $6, coalesce($7, CASE WHEN $9 THEN NULL ELSE n.holder_level END), coalesce($8, n.holder_level)
         FROM nomination n WHERE n.id = $1`,
      [
        id,
        from,
        to,
        by.subject,
        by.organization,
        reason,
        levels?.from ?? null,
        levels?.to ?? null,
        levels !== undefined,
      ],
    );
  }

  /** The histories of these nominations, each in order. */
  async eventsOf(nominationIds: readonly string[]): Promise<{ nominationId: string; event: NominationEvent }[]> {
    const rows: NominationEventRow[] = await this.db.query(
      `SELECT nomination_id AS "nominationId", from_status AS "fromStatus", to_status AS "toStatus", at, by_subject AS "bySubject",
              by_organization AS "byOrganization", reason, from_level AS "fromLevel", to_level AS "toLevel"
         FROM nomination_event WHERE nomination_id = ANY($1::uuid[]) ORDER BY nomination_id, id`,
      [nominationIds],
    );
    return rows.map((row) => ({ nominationId: row.nominationId, event: toNominationEvent(row) }));
  }
}
