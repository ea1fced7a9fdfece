/**
 * Movements (phong trào thi đua) and registrations (đăng ký thi đua). Each is one table and one entity:
 * plain reads and inserts go through the entity's repository; paging through the kit's keyset helper;
 * the registration's compare-and-swap is plain SQL (the affected row count is the answer).
 */
import { In, type EntityManager } from 'typeorm';
import {
  defineTable,
  keysetPage,
  whereSearchMatches,
  type Page,
  type Queryable,
  type TableDescriptor,
} from '@tdkt/subgraph-kit';
import { Movement } from '../types/movement.types.js';
import { MovementRegistration } from '../types/movement-registration.types.js';
import type { MovementMethod, MovementScope, RegistrationStatus } from '../types/movement.enums.js';

/** Columns a bulk load writes; `search_text` is generated from title, theme and code, so it is not listed. */
export const MOVEMENT_TABLE: TableDescriptor = defineTable('campaigns', 'movement', [
  'id',
  'code',
  'title',
  'theme',
  'launched_by_id',
  'launch_level',
  'method',
  'scope',
  'start_date',
  'end_date',
  'launched_on',
  'parent_id',
  'source',
  'is_demo',
  'version',
  'created_at',
  'bloc_id',
]);
export const MOVEMENT_REGISTRATION_TABLE: TableDescriptor = defineTable('campaigns', 'movement_registration', [
  'id',
  'movement_id',
  'organization_id',
  'person_id',
  'status',
  'note',
  'is_demo',
  'version',
  'created_at',
  'updated_at',
  'reviewed_at',
  'reviewed_by',
  'review_reason',
]);

export interface MovementPageFilter {
  search?: string | null;
  launcherId?: string | null;
  method?: MovementMethod | null;
  scope?: MovementScope | null;
  activeOn?: string | null;
}

export type NewMovement = Omit<Movement, 'id' | 'version'>;
export type NewMovementRegistration = Pick<
  MovementRegistration,
  'movementId' | 'organizationId' | 'personId' | 'status' | 'note' | 'isDemo'
>;

export class MovementStore {
  constructor(private readonly db: Queryable) {}

  private get movements() {
    return this.db.getRepository(Movement);
  }

  private get registrations() {
    return this.db.getRepository(MovementRegistration);
  }

  byIds(ids: string[]): Promise<Movement[]> {
    return this.movements.findBy({ id: In(ids) });
  }

  byCodes(codes: string[]): Promise<Movement[]> {
    return this.movements.findBy({ code: In(codes) });
  }

  /** Oldest first. */
  launchedBy(organizationIds: string[]): Promise<Movement[]> {
    return this.movements.find({
      where: { launchedById: In(organizationIds) },
      order: { startDate: 'ASC', code: 'ASC' },
    });
  }

  /** Responses to each movement (phong trào hưởng ứng), oldest first. */
  responsesTo(parentIds: string[]): Promise<Movement[]> {
    return this.movements.find({ where: { parentId: In(parentIds) }, order: { startDate: 'ASC', code: 'ASC' } });
  }

  /** By start date then code; `search` words match the start of words of title, theme or code. */
  page(filter: MovementPageFilter, paging: { first?: number | null; after?: string | null }): Promise<Page<Movement>> {
    const query = this.movements.createQueryBuilder('m');
    whereSearchMatches(query, 'm', filter.search);
    if (filter.launcherId) query.andWhere('m.launched_by_id = :launcherId', { launcherId: filter.launcherId });
    if (filter.method) query.andWhere('m.method = :method', { method: filter.method });
    if (filter.scope) query.andWhere('m.scope = :scope', { scope: filter.scope });
    if (filter.activeOn)
      query.andWhere('m.start_date <= :activeOn AND (m.end_date IS NULL OR m.end_date >= :activeOn)', {
        activeOn: filter.activeOn,
      });
    return keysetPage(query, {
      first: paging.first,
      after: paging.after,
      alias: 'm',
      sort: [
        { column: 'start_date', of: (row) => row.startDate },
        { column: 'code', of: (row) => row.code },
      ],
    });
  }

  insert(movement: NewMovement): Promise<Movement> {
    return this.movements.save(this.movements.create(movement));
  }

  /** Sent order (created_at, then id). */
  registrationsFor(movementIds: string[]): Promise<MovementRegistration[]> {
    return this.registrations.find({ where: { movementId: In(movementIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  registrationsByIds(ids: string[]): Promise<MovementRegistration[]> {
    return this.registrations.findBy({ id: In(ids) });
  }

  insertRegistration(registration: NewMovementRegistration): Promise<MovementRegistration> {
    return this.registrations.save(this.registrations.create(registration));
  }

  /**
   * Moves a registration from `from` to what `set` writes, only if it is still in `from`
   * (compare-and-swap: of two concurrent reviews exactly one changes the row). Returns the row after the
   * change, or the status it is in now (null when it does not exist) when nothing changed.
   */
  async swapRegistrationStatus(
    id: string,
    from: RegistrationStatus,
    set: { sql: string; params: unknown[] },
  ): Promise<{ swapped: MovementRegistration } | { current: RegistrationStatus | null }> {
    // queryRunner.query(…, true) gives { affected } (manager.query returns [rows, count] for UPDATE).
    const runner = (this.db as EntityManager).queryRunner;
    if (!runner) throw new Error('swapRegistrationStatus runs in a transaction (a store over its EntityManager)');
    const result = await runner.query(
      `UPDATE movement_registration SET ${set.sql}, version = version + 1, updated_at = now() WHERE id = $1 AND status = $2`,
      [id, from, ...set.params],
      true,
    );
    if (result.affected !== 1) {
      const [current] = (await this.db.query('SELECT status FROM movement_registration WHERE id = $1', [id])) as {
        status: RegistrationStatus;
      }[];
      return { current: current?.status ?? null };
    }
    return { swapped: await this.registrations.findOneByOrFail({ id }) };
  }
}
