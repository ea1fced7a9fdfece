/**
 * Conferences (hội nghị, đại hội) and their delegate lists. Each is one table and one entity: plain
 * reads and the insert of a conference go through the repository; the list's lock, the bulk insert with
 * ordinals and the selection for the higher-level conference are plain SQL.
 */
import { In } from 'typeorm';
import {
  defineTable,
  keysetPage,
  whereSearchMatches,
  type Page,
  type Queryable,
  type TableDescriptor,
} from '@tdkt/subgraph-kit';
import { Conference } from '../types/conference.types.js';
import { ConferenceDelegate } from '../types/conference-delegate.types.js';
import type { ConferenceKind, ConferenceLevel } from '../types/conference.enums.js';

/** Columns a bulk load writes; `search_text` is generated from title, theme and code, so it is not listed. */
export const CONFERENCE_TABLE: TableDescriptor = defineTable('campaigns', 'conference', [
  'id',
  'code',
  'title',
  'kind',
  'level',
  'host_id',
  'period_from',
  'period_to',
  'held_on',
  'theme',
  'max_delegates',
  'min_exemplar_share',
  'balance_facets',
  'feeds_into_id',
  'source',
  'is_demo',
  'version',
  'created_at',
]);
export const CONFERENCE_DELEGATE_TABLE: TableDescriptor = defineTable('campaigns', 'conference_delegate', [
  'id',
  'conference_id',
  'ordinal',
  'full_name',
  'person_id',
  'organization_id',
  'category',
  'sector',
  'gender',
  'ethnicity',
  'birth_year',
  'is_direct_worker',
  'selected_for_id',
  'is_demo',
  'created_at',
]);

export interface ConferencePageFilter {
  search?: string | null;
  hostId?: string | null;
  kind?: ConferenceKind | null;
  level?: ConferenceLevel | null;
  year?: number | null;
}

export type NewConference = Omit<Conference, 'id' | 'version'>;
export type NewDelegate = Pick<
  ConferenceDelegate,
  | 'fullName'
  | 'personId'
  | 'organizationId'
  | 'category'
  | 'sector'
  | 'gender'
  | 'ethnicity'
  | 'birthYear'
  | 'isDirectWorker'
>;

/** A delegate already on a list, found by person or collective. */
export interface ListedDelegate {
  person_id: string | null;
  organization_id: string | null;
  ordinal: number;
}

export class ConferenceStore {
  constructor(private readonly db: Queryable) {}

  private get conferences() {
    return this.db.getRepository(Conference);
  }

  private get delegates() {
    return this.db.getRepository(ConferenceDelegate);
  }

  byIds(ids: string[]): Promise<Conference[]> {
    return this.conferences.findBy({ id: In(ids) });
  }

  byCodes(codes: string[]): Promise<Conference[]> {
    return this.conferences.findBy({ code: In(codes) });
  }

  /** Lower-level conferences that send delegates to these, by period then code. */
  feedersOf(ids: string[]): Promise<Conference[]> {
    return this.conferences.find({ where: { feedsIntoId: In(ids) }, order: { periodFrom: 'ASC', code: 'ASC' } });
  }

  /** Conferences the organizations host, by period then code (conference_host_idx). */
  hostedBy(hostIds: string[]): Promise<Conference[]> {
    return this.conferences.find({ where: { hostId: In(hostIds) }, order: { periodFrom: 'ASC', code: 'ASC' } });
  }

  /** By period then code; `search` words match the start of words of title, theme or code. */
  page(
    filter: ConferencePageFilter,
    paging: { first?: number | null; after?: string | null },
  ): Promise<Page<Conference>> {
    const query = this.conferences.createQueryBuilder('c');
    whereSearchMatches(query, 'c', filter.search);
    if (filter.hostId) query.andWhere('c.host_id = :hostId', { hostId: filter.hostId });
    if (filter.kind) query.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.level) query.andWhere('c.level = :level', { level: filter.level });
    if (filter.year !== undefined && filter.year !== null)
      query.andWhere('c.period_from <= :year AND c.period_to >= :year', { year: filter.year });
    return keysetPage(query, {
      first: paging.first,
      after: paging.after,
      alias: 'c',
      sort: [
        { column: 'period_from', of: (row) => row.periodFrom },
        { column: 'code', of: (row) => row.code },
      ],
    });
  }

  insert(conference: NewConference): Promise<Conference> {
    return this.conferences.save(this.conferences.create(conference));
  }

  /** Each conference's own delegate list, in list order. */
  delegatesOf(conferenceIds: string[]): Promise<ConferenceDelegate[]> {
    return this.delegates.find({
      where: { conferenceId: In(conferenceIds) },
      order: { conferenceId: 'ASC', ordinal: 'ASC' },
    });
  }

  /** Delegates that lower-level conferences selected to attend these conferences. */
  delegatesSelectedFor(conferenceIds: string[]): Promise<ConferenceDelegate[]> {
    return this.delegates.find({
      where: { selectedForId: In(conferenceIds) },
      order: { conferenceId: 'ASC', ordinal: 'ASC' },
    });
  }

  /** Serializes changes to one conference's delegate list for the rest of the transaction. */
  async lock(conferenceId: string): Promise<void> {
    await this.db.query('SELECT id FROM conference WHERE id = $1 FOR UPDATE', [conferenceId]);
  }

  /** Delegates of the list who are one of these persons or represent one of these collectives. */
  listed(conferenceId: string, personIds: string[], organizationIds: string[]): Promise<ListedDelegate[]> {
    return this.db.query(
      `SELECT person_id, organization_id, ordinal FROM conference_delegate
            WHERE conference_id = $1 AND (person_id = ANY($2::uuid[]) OR organization_id = ANY($3::uuid[]))`,
      [conferenceId, personIds, organizationIds],
    );
  }

  /** The highest ordinal of the list (0 when empty). */
  async lastOrdinal(conferenceId: string): Promise<number> {
    const [{ last }] = await this.db.query(
      'SELECT coalesce(max(ordinal), 0) AS last FROM conference_delegate WHERE conference_id = $1',
      [conferenceId],
    );
    return last;
  }

  /** Appends the delegates to the list in the given order, numbered after the last ordinal. */
  async appendDelegates(conferenceId: string, rows: NewDelegate[]): Promise<void> {
    await this.db.query(
      `INSERT INTO conference_delegate (conference_id, ordinal, full_name, person_id, organization_id, category, sector, gender, ethnicity, birth_year, is_direct_worker)
           SELECT $1, coalesce((SELECT max(ordinal) FROM conference_delegate WHERE conference_id = $1), 0) + r.n,
                  r.full_name, r.person_id, r.organization_id, r.category, r.sector, r.gender, r.ethnicity, r.birth_year, r.is_direct_worker
             FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::boolean[])
                  WITH ORDINALITY AS r(full_name, person_id, organization_id, category, sector, gender, ethnicity, birth_year, is_direct_worker, n)`,
      [
        conferenceId,
        rows.map((row) => row.fullName),
        rows.map((row) => row.personId),
        rows.map((row) => row.organizationId),
        rows.map((row) => row.category),
        rows.map((row) => row.sector),
        rows.map((row) => row.gender),
        rows.map((row) => row.ethnicity),
        rows.map((row) => row.birthYear),
        rows.map((row) => row.isDirectWorker),
      ],
    );
  }

  /** Which of these delegate ids are on the conference's own list. */
  async delegateIdsOn(conferenceId: string, delegateIds: string[]): Promise<string[]> {
    const found: { id: string }[] = await this.db.query(
      'SELECT id FROM conference_delegate WHERE conference_id = $1 AND id = ANY($2::uuid[])',
      [conferenceId, delegateIds],
    );
    return found.map((row) => row.id);
  }

  /** Exactly these delegates of the list attend `target`; the others of the list, none (rows that change only). */
  async selectFor(conferenceId: string, delegateIds: string[], target: string): Promise<void> {
    await this.db.query(
      `UPDATE conference_delegate SET selected_for_id = CASE WHEN id = ANY($2::uuid[]) THEN $3::uuid END
            WHERE conference_id = $1 AND selected_for_id IS DISTINCT FROM (CASE WHEN id = ANY($2::uuid[]) THEN $3::uuid END)`,
      [conferenceId, delegateIds, target],
    );
  }
}
