/**
 * Lineage: events that merge, split, rename, dissolve or transfer units, and who took part in each
 * (predecessors and successors).
 */
import { defineTable, type Queryable } from '@tdkt/subgraph-kit';
import { LineageEvent } from '../types/lineage-event.types.js';
import type { LineageKind } from '../types/enums.js';

export const LINEAGE_EVENT_TABLE = defineTable('organizations', 'lineage_event', [
  'id',
  'kind',
  'effective_date',
  'legal_basis',
  'note',
  'created_at',
]);

export const LINEAGE_PARTICIPANT_TABLE = defineTable('organizations', 'lineage_participant', [
  'event_id',
  'organization_id',
  'role',
]);

export type LineageRole = 'PREDECESSOR' | 'SUCCESSOR';

/** One organization's link to another through an event, seen from the first. */
export interface LineageLink {
  organizationId: string;
  eventId: string;
  otherId: string;
  direction: LineageRole;
}

export interface LineageParticipant {
  eventId: string;
  organizationId: string;
  role: LineageRole;
}

interface LineageEventRow {
  id: string;
  kind: LineageKind;
  effectiveDate: string;
  legalBasis: string;
  note: string | null;
}

const SELECT_EVENT = `e.id, e.kind, e.effective_date::text AS "effectiveDate", e.legal_basis AS "legalBasis", e.note`;

export function toLineageEvent(row: LineageEventRow): LineageEvent {
  return Object.assign(new LineageEvent(), row);
}

export class LineageStore {
  constructor(private readonly db: Queryable) {}

  /** Both directions of lineage for each organization, in one statement, by event date. */
  async linksOf(organizationIds: readonly string[]): Promise<LineageLink[]> {
    const rows: { organization_id: string; event_id: string; other_id: string; direction: LineageRole }[] =
      await this.db.query(
        `SELECT self.organization_id, self.event_id, other.organization_id AS other_id, other.role AS direction
           FROM lineage_participant self
           JOIN lineage_participant other ON other.event_id = self.event_id AND other.role <> self.role
                                         AND other.organization_id <> self.organization_id
           JOIN lineage_event e ON e.id = self.event_id
          WHERE self.organization_id = ANY($1::uuid[])
          ORDER BY e.effective_date, e.id`,
        [organizationIds],
      );
    return rows.map((row) => ({
      organizationId: row.organization_id,
      eventId: row.event_id,
      otherId: row.other_id,
      direction: row.direction,
    }));
  }

  /** The events each organization took part in, by effective date. */
  async eventsOf(organizationIds: readonly string[]): Promise<{ organizationId: string; event: LineageEvent }[]> {
    const rows: (LineageEventRow & { organizationId: string })[] = await this.db.query(
      `SELECT DISTINCT p.organization_id AS "organizationId", ${SELECT_EVENT}
         FROM lineage_participant p JOIN lineage_event e ON e.id = p.event_id
        WHERE p.organization_id = ANY($1::uuid[])
        ORDER BY "effectiveDate", e.id`,
      [organizationIds],
    );
    return rows.map(({ organizationId, ...event }) => ({ organizationId, event: toLineageEvent(event) }));
  }

  async participantsOf(eventIds: readonly string[]): Promise<LineageParticipant[]> {
    const rows: { event_id: string; organization_id: string; role: LineageRole }[] = await this.db.query(
      `SELECT event_id, organization_id, role FROM lineage_participant WHERE event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    return rows.map((row) => ({ eventId: row.event_id, organizationId: row.organization_id, role: row.role }));
  }

  async createEvent(values: Omit<LineageEventRow, 'id'>): Promise<LineageEvent> {
    const [row]: LineageEventRow[] = await this.db.query(
      `INSERT INTO lineage_event (kind, effective_date, legal_basis, note) VALUES ($1, $2, $3, $4)
       RETURNING id, kind, effective_date::text AS "effectiveDate", legal_basis AS "legalBasis", note`,
      [values.kind, values.effectiveDate, values.legalBasis, values.note],
    );
    return toLineageEvent(row!);
  }

  async addParticipants(
    eventId: string,
    participants: readonly { organizationId: string; role: LineageRole }[],
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO lineage_participant (event_id, organization_id, role)
       SELECT $1, unnest($2::uuid[]), unnest($3::text[])`,
      [
        eventId,
        participants.map((participant) => participant.organizationId),
        participants.map((participant) => participant.role),
      ],
    );
  }
}
