/**
 * Per-request DataLoaders: every reference and every parent→children field goes through one of these,
 * so a list of N parents costs a constant number of statements. Batch functions return results in key
 * order, null (or an empty list) for a miss.
 */
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Organization } from '../entities/organization.entity.js';
import { LineageEvent } from '../entities/lineage-event.entity.js';
import { BlocMembership, EmulationBloc } from '../entities/bloc.entity.js';
import { AnnualRating, Person } from '../entities/person.entity.js';
import { byKey, groupByKey, isUuid } from '@tdkt/subgraph-kit';

export { isUuid };

/** Postgres compares uuids case-insensitively; JavaScript maps do not. Load by the canonical form. */
export const canonicalId = (value: string): string => value.toLowerCase();

export interface LineageLink {
  eventId: string;
  otherId: string;
  direction: 'PREDECESSOR' | 'SUCCESSOR';
}

function membershipKey(id: string, year: number): string {
  return `${id}|${year}`;
}

export function createLoaders(db: DataSource) {
  const organizations = db.getRepository(Organization);
  const blocs = db.getRepository(EmulationBloc);
  const persons = db.getRepository(Person);

  const organizationById: DataLoader<string, Organization | null> = new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await organizations.findBy({ id: In(valid) }) : [];
    for (const row of rows) organizationByCode.prime(row.code, row);
    return byKey(ids, rows, (row) => row.id);
  });

  const organizationByCode: DataLoader<string, Organization | null> = new DataLoader(async (codes) => {
    const rows = await organizations.findBy({ code: In([...codes]) });
    for (const row of rows) organizationById.prime(row.id, row);
    return byKey(codes, rows, (row) => row.code);
  });

  const childrenByParentId = new DataLoader<string, Organization[]>(async (parentIds) => {
    const rows = await organizations.find({ where: { parentId: In([...parentIds]) }, order: { name: 'ASC', code: 'ASC' } });
    for (const row of rows) organizationById.prime(row.id, row);
    return groupByKey(parentIds, rows, (row) => row.parentId!);
  });

  /** Both directions of lineage for each organization, in one statement. */
  const lineageLinksByOrganizationId = new DataLoader<string, LineageLink[]>(async (ids) => {
    const rows: { organization_id: string; event_id: string; other_id: string; direction: 'PREDECESSOR' | 'SUCCESSOR' }[] = await db.query(
      `SELECT self.organization_id, self.event_id, other.organization_id AS other_id, other.role AS direction
         FROM lineage_participant self
         JOIN lineage_participant other ON other.event_id = self.event_id AND other.role <> self.role
                                       AND other.organization_id <> self.organization_id
         JOIN lineage_event e ON e.id = self.event_id
        WHERE self.organization_id = ANY($1::uuid[])
        ORDER BY e.effective_date, e.id`,
      [ids.filter(isUuid)],
    );
    return groupByKey(ids, rows, (row) => row.organization_id).map((group) =>
      group.map((row) => ({ eventId: row.event_id, otherId: row.other_id, direction: row.direction })),
    );
  });

  const lineageEventsByOrganizationId = new DataLoader<string, LineageEvent[]>(async (ids) => {
    const rows: (LineageEvent & { organizationId: string })[] = await db.query(
      `SELECT DISTINCT p.organization_id AS "organizationId", e.id, e.kind, e.effective_date::text AS "effectiveDate",
              e.legal_basis AS "legalBasis", e.note
         FROM lineage_participant p JOIN lineage_event e ON e.id = p.event_id
        WHERE p.organization_id = ANY($1::uuid[])
        ORDER BY "effectiveDate", e.id`,
      [ids.filter(isUuid)],
    );
    return groupByKey(ids, rows, (row) => row.organizationId);
  });

  const participantsByEventId = new DataLoader<string, { organizationId: string; role: 'PREDECESSOR' | 'SUCCESSOR' }[]>(async (ids) => {
    const rows: { event_id: string; organization_id: string; role: 'PREDECESSOR' | 'SUCCESSOR' }[] = await db.query(
      `SELECT event_id, organization_id, role FROM lineage_participant WHERE event_id = ANY($1::uuid[])`,
      [ids.filter(isUuid)],
    );
    return groupByKey(ids, rows, (row) => row.event_id).map((group) => group.map((row) => ({ organizationId: row.organization_id, role: row.role })));
  });

  /** Ancestors of each organization, nearest first, itself excluded. */
  const ancestorIdsById = new DataLoader<string, string[]>(async (ids) => {
    const rows: { origin: string; ancestor: string; depth: number }[] = await db.query(
      `WITH RECURSIVE up(origin, ancestor, depth) AS (
         SELECT o.id, o.parent_id, 1 FROM organization o WHERE o.id = ANY($1::uuid[]) AND o.parent_id IS NOT NULL
         UNION ALL
         SELECT up.origin, o.parent_id, up.depth + 1 FROM up JOIN organization o ON o.id = up.ancestor
          WHERE o.parent_id IS NOT NULL AND up.depth < 64
       ) SELECT origin, ancestor, depth FROM up ORDER BY origin, depth`,
      [ids.filter(isUuid)],
    );
    return groupByKey(ids, rows, (row) => row.origin).map((group) => group.map((row) => row.ancestor));
  });

  /** Every unit under each organization (any depth), for analytics over a subtree. */
  const descendantIdsById = new DataLoader<string, string[]>(async (ids) => {
    const rows: { root: string; id: string }[] = await db.query(
      `WITH RECURSIVE down(root, id, depth) AS (
         SELECT o.parent_id, o.id, 1 FROM organization o WHERE o.parent_id = ANY($1::uuid[])
         UNION
         SELECT down.root, o.id, down.depth + 1 FROM down JOIN organization o ON o.parent_id = down.id WHERE down.depth < 64
       ) SELECT root, id FROM down`,
      [ids.filter(isUuid)],
    );
    return groupByKey(ids, rows, (row) => row.root).map((group) => group.map((row) => row.id));
  });

  const blocById: DataLoader<string, EmulationBloc | null> = new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await blocs.findBy({ id: In(valid) }) : [];
    for (const row of rows) blocByCode.prime(row.code, row);
    return byKey(ids, rows, (row) => row.id);
  });

  const blocByCode: DataLoader<string, EmulationBloc | null> = new DataLoader(async (codes) => {
    const rows = await blocs.findBy({ code: In([...codes]) });
    for (const row of rows) blocById.prime(row.id, row);
    return byKey(codes, rows, (row) => row.code);
  });

  const MEMBERSHIP_SELECT = `SELECT m.bloc_id AS "blocId", m.year, m.organization_id AS "organizationId", m.role
      FROM bloc_membership m JOIN organization o ON o.id = m.organization_id`;
  const ROLE_ORDER = `CASE m.role WHEN 'LEAD' THEN 0 WHEN 'DEPUTY' THEN 1 ELSE 2 END`;

  /** Members of a bloc in a year: LEAD, DEPUTY, then members by name. Key: `${blocId}|${year}`. */
  const membershipsByBlocYear = new DataLoader<string, BlocMembership[]>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]).filter(([id]) => isUuid(id));
    const rows: BlocMembership[] = await db.query(
      `${MEMBERSHIP_SELECT}
        WHERE (m.bloc_id, m.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))
        ORDER BY ${ROLE_ORDER}, o.name, o.code`,
      [pairs.map(([id]) => id), pairs.map(([, year]) => Number(year))],
    );
    return groupByKey(keys, rows, (row) => membershipKey(row.blocId, row.year));
  });

  /** Blocs an organization belongs to in a year. Key: `${organizationId}|${year}`. */
  const membershipsByOrganizationYear = new DataLoader<string, BlocMembership[]>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]).filter(([id]) => isUuid(id));
    const rows: BlocMembership[] = await db.query(
      `SELECT m.bloc_id AS "blocId", m.year, m.organization_id AS "organizationId", m.role
         FROM bloc_membership m JOIN bloc b ON b.id = m.bloc_id
        WHERE (m.organization_id, m.year) IN (SELECT * FROM unnest($1::uuid[], $2::int[]))
        ORDER BY b.name, b.code`,
      [pairs.map(([id]) => id), pairs.map(([, year]) => Number(year))],
    );
    return groupByKey(keys, rows, (row) => membershipKey(row.organizationId, row.year));
  });

  const yearsByBlocId = new DataLoader<string, number[]>(async (ids) => {
    const rows: { bloc_id: string; year: number }[] = await db.query(
      `SELECT DISTINCT bloc_id, year FROM bloc_membership WHERE bloc_id = ANY($1::uuid[]) ORDER BY year`,
      [ids.filter(isUuid)],
    );
    return groupByKey(ids, rows, (row) => row.bloc_id).map((group) => group.map((row) => row.year));
  });

  const personById = new DataLoader<string, Person | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await persons.findBy({ id: In(valid) }) : [];
    return byKey(ids, rows, (row) => row.id);
  });

  const ratingsByPersonId = new DataLoader<string, AnnualRating[]>(async (ids) => {
    const rows = await db.getRepository(AnnualRating).find({ where: { personId: In(ids.filter(isUuid)) }, order: { year: 'ASC' } });
    return groupByKey(ids, rows, (row) => row.personId);
  });

  return {
    organizationById,
    organizationByCode,
    childrenByParentId,
    lineageLinksByOrganizationId,
    lineageEventsByOrganizationId,
    participantsByEventId,
    ancestorIdsById,
    descendantIdsById,
    blocById,
    blocByCode,
    membershipsByBlocYear: {
      load: (blocId: string, year: number) => membershipsByBlocYear.load(membershipKey(blocId, year)),
      clear: (blocId: string, year: number) => membershipsByBlocYear.clear(membershipKey(blocId, year)),
    },
    membershipsByOrganizationYear: { load: (organizationId: string, year: number) => membershipsByOrganizationYear.load(membershipKey(organizationId, year)) },
    yearsByBlocId,
    personById,
    ratingsByPersonId,
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
