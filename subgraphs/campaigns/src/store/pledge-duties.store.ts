/**
 * How the lead follows the pledge year up: the cross-scoring rotation's shift, the bloc's own deadlines
 * and the reminders sent to members (rules/pledge-duties.rule.ts decides what is owed).
 */
import { defineTable, type Queryable, type TableDescriptor } from '@tdkt/subgraph-kit';
import { PledgeReminder } from '../types/pledge-duties.types.js';
import { organizationCopyJson } from './organization-copy.store.js';

export const PLEDGE_CROSS_ROTATION_TABLE: TableDescriptor = defineTable('campaigns', 'pledge_cross_rotation', [
  'pledge_id',
  'shift',
  'set_at',
  'set_by',
]);
export const PLEDGE_DEADLINE_TABLE: TableDescriptor = defineTable('campaigns', 'pledge_deadline', [
  'pledge_id',
  'kind',
  'due_on',
  'set_at',
  'set_by',
]);
export const PLEDGE_REMINDER_TABLE: TableDescriptor = defineTable('campaigns', 'pledge_reminder', [
  'id',
  'pledge_id',
  'organization_id',
  'kind',
  'period',
  'note',
  'reminded_at',
  'reminded_by',
]);

export interface FollowUp {
  pledgeId: string;
  shift: number | null;
  deadlines: { kind: string; dueOn: string }[];
}

const REMINDER_COLUMNS = `r.id, r.pledge_id AS "pledgeId", r.organization_id AS "organizationId", r.kind, r.period, r.note,
  r.reminded_at AS "remindedAt", r.reminded_by AS "remindedBy"`;

export class PledgeDutiesStore {
  constructor(private readonly db: Queryable) {}

  /** The rotation's shift (null: the default) and the bloc's own deadlines, per pledge, in one statement. */
  async followUpOf(pledgeIds: readonly string[]): Promise<FollowUp[]> {
    return this.db.query(
      `SELECT p.id AS "pledgeId", r.shift,
              coalesce((SELECT json_agg(json_build_object('kind', d.kind, 'dueOn', to_char(d.due_on, 'YYYY-MM-DD')))
                          FROM pledge_deadline d WHERE d.pledge_id = p.id), '[]') AS deadlines
         FROM pledge p LEFT JOIN pledge_cross_rotation r ON r.pledge_id = p.id
        WHERE p.id = ANY($1::uuid[])`,
      [pledgeIds],
    );
  }

  /** Every reminder of the pledges, newest first; units named from the copy. */
  async remindersOf(pledgeIds: readonly string[]): Promise<PledgeReminder[]> {
    const rows: PledgeReminder[] = await this.db.query(
      `SELECT ${REMINDER_COLUMNS}, ${organizationCopyJson('oc')} AS "organizationNames"
         FROM pledge_reminder r LEFT JOIN organization_copy oc ON oc.id = r.organization_id
        WHERE r.pledge_id = ANY($1::uuid[])
        ORDER BY r.reminded_at DESC, r.id`,
      [pledgeIds],
    );
    return rows.map((row) => Object.assign(new PledgeReminder(), row));
  }

  async setShift(pledgeId: string, shift: number, setBy: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO pledge_cross_rotation (pledge_id, shift, set_by) VALUES ($1, $2, $3)
       ON CONFLICT (pledge_id) DO UPDATE SET shift = EXCLUDED.shift, set_at = now(), set_by = EXCLUDED.set_by`,
      [pledgeId, shift, setBy],
    );
  }

  async setDeadline(pledgeId: string, kind: string, dueOn: string, setBy: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO pledge_deadline (pledge_id, kind, due_on, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (pledge_id, kind) DO UPDATE SET due_on = EXCLUDED.due_on, set_at = now(), set_by = EXCLUDED.set_by`,
      [pledgeId, kind, dueOn, setBy],
    );
  }

  async insertReminder(reminder: {
    pledgeId: string;
    organizationId: string;
    kind: string;
    period: string | null;
    note: string | null;
    remindedBy: string | null;
  }): Promise<PledgeReminder> {
    const [row] = await this.db.query(
      `INSERT INTO pledge_reminder AS r (pledge_id, organization_id, kind, period, note, reminded_by)
            VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${REMINDER_COLUMNS}`,
      [reminder.pledgeId, reminder.organizationId, reminder.kind, reminder.period, reminder.note, reminder.remindedBy],
    );
    return Object.assign(new PledgeReminder(), row);
  }
}
