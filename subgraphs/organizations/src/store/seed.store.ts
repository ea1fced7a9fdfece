/**
 * The idempotent inserts of reference and demo data (seed/): rows that exist are left as they are, so
 * officers' later corrections are never undone.
 */
import { defineTable, type Queryable } from '@tdkt/subgraph-kit';

/** Which seed steps have run: a bloc-year seeded once is never re-seeded, even after an officer empties it. */
export const SEED_MARKER_TABLE = defineTable('organizations', 'seed_marker', ['key', 'applied_at']);

export interface SeedOrganizationRow {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  level: string;
  parentCode: string | null;
  validFrom: string | null;
  validTo: string | null;
  isDemo: boolean;
}

export interface SeedPersonRow {
  id: string;
  fullName: string;
  gender: string;
  birthYear: number | null;
  ethnicity: string | null;
  organizationCode: string;
  position: string | null;
  isDirectWorker: boolean;
}

export class SeedStore {
  constructor(private readonly db: Queryable) {}

  /** One seeding process at a time (replicas starting together); needs a transaction's manager. */
  async lock(): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('tdkt:seed:organizations'))`, []);
  }

  /** True when the organization was inserted (false: its code exists). The parent must exist first. */
  async insertOrganization(row: SeedOrganizationRow): Promise<boolean> {
    const result: unknown[] = await this.db.query(
      `INSERT INTO organization (id, code, name, short_name, kind, level, parent_id, valid_from, valid_to, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM organization WHERE code = $7), $8, $9, $10)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [
        row.id,
        row.code,
        row.name,
        row.shortName,
        row.kind,
        row.level,
        row.parentCode,
        row.validFrom,
        row.validTo,
        row.isDemo,
      ],
    );
    return result.length > 0;
  }

  /** True when the event was inserted with its participants (false: it exists). */
  async insertLineageEvent(event: {
    id: string;
    kind: string;
    effectiveDate: string;
    legalBasis: string;
    note: string | null;
    predecessorCodes: readonly string[];
    successorCodes: readonly string[];
  }): Promise<boolean> {
    const created: unknown[] = await this.db.query(
      `INSERT INTO lineage_event (id, kind, effective_date, legal_basis, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [event.id, event.kind, event.effectiveDate, event.legalBasis, event.note],
    );
    if (!created.length) return false;
    await this.db.query(
      `INSERT INTO lineage_participant (event_id, organization_id, role)
       SELECT $1, o.id, p.role FROM unnest($2::text[], $3::text[]) AS p(code, role) JOIN organization o ON o.code = p.code`,
      [
        event.id,
        [...event.predecessorCodes, ...event.successorCodes],
        [...event.predecessorCodes.map(() => 'PREDECESSOR'), ...event.successorCodes.map(() => 'SUCCESSOR')],
      ],
    );
    return true;
  }

  async insertBloc(bloc: {
    id: string;
    code: string;
    name: string;
    kind: string;
    organizerCode: string;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO bloc (id, code, name, kind, organizer_id) VALUES ($1, $2, $3, $4, (SELECT id FROM organization WHERE code = $5))
       ON CONFLICT (code) DO NOTHING`,
      [bloc.id, bloc.code, bloc.name, bloc.kind, bloc.organizerCode],
    );
  }

  /** True the first time a marker is set. */
  async mark(key: string): Promise<boolean> {
    const first: unknown[] = await this.db.query(
      `INSERT INTO seed_marker (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key`,
      [key],
    );
    return first.length > 0;
  }

  /** Sets a bloc-year's members unless somebody already set that year. True when rows were added. */
  async insertBlocYear(
    blocCode: string,
    year: number,
    members: readonly { organizationCode: string; role: string }[],
  ): Promise<boolean> {
    const added: unknown[] = await this.db.query(
      `INSERT INTO bloc_membership (bloc_id, year, organization_id, role)
       SELECT b.id, $2, o.id, m.role FROM bloc b
         CROSS JOIN unnest($3::text[], $4::text[]) AS m(code, role) JOIN organization o ON o.code = m.code
        WHERE b.code = $1 AND NOT EXISTS (SELECT 1 FROM bloc_membership x WHERE x.bloc_id = b.id AND x.year = $2)
       RETURNING 1`,
      [blocCode, year, members.map((member) => member.organizationCode), members.map((member) => member.role)],
    );
    return added.length > 0;
  }

  /** True when the person was inserted with its ratings (false: it exists). */
  async insertDemoPerson(
    person: SeedPersonRow,
    ratings: readonly { year: number; rating: string }[],
  ): Promise<boolean> {
    const created: unknown[] = await this.db.query(
      `INSERT INTO person (id, full_name, gender, birth_year, ethnicity, organization_id, position, is_direct_worker, is_demo)
       VALUES ($1, $2, $3, $4, $5, (SELECT id FROM organization WHERE code = $6), $7, $8, true)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        person.id,
        person.fullName,
        person.gender,
        person.birthYear,
        person.ethnicity,
        person.organizationCode,
        person.position,
        person.isDirectWorker,
      ],
    );
    if (!created.length) return false;
    await this.db.query(
      `INSERT INTO annual_rating (person_id, year, rating) SELECT $1, r.year, r.rating FROM unnest($2::int[], $3::text[]) AS r(year, rating)
       ON CONFLICT DO NOTHING`,
      [person.id, ratings.map((rating) => rating.year), ratings.map((rating) => rating.rating)],
    );
    return true;
  }
}
