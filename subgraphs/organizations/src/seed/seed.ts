/**
 * Reference data (real, sourced: reference-data.ts) and optional demo data, inserted idempotently on
 * every start: rows that exist are left as they are, so officers' later corrections are never undone.
 */
import type { DataSource } from 'typeorm';
import { log, seedUuid } from '@tdkt/subgraph-kit';
import { REFERENCE_BLOCS, REFERENCE_LINEAGE, REFERENCE_ORGANIZATIONS, type SeedOrganization } from './reference-data.js';
import { DEMO_ORGANIZATIONS, DEMO_PERSONS } from './demo-data.js';

/** Parents before children. */
function inDependencyOrder(rows: readonly SeedOrganization[]): SeedOrganization[] {
  const byCode = new Map(rows.map((row) => [row.code, row]));
  const ordered: SeedOrganization[] = [];
  const done = new Set<string>();
  const visit = (row: SeedOrganization) => {
    if (done.has(row.code)) return;
    done.add(row.code);
    const parent = row.parentCode ? byCode.get(row.parentCode) : undefined;
    if (parent) visit(parent);
    ordered.push(row);
  };
  rows.forEach(visit);
  return ordered;
}

async function insertOrganizations(db: Pick<DataSource, 'query'>, rows: readonly SeedOrganization[], isDemo: boolean): Promise<number> {
  let inserted = 0;
  for (const row of inDependencyOrder(rows)) {
    const result: unknown[] = await db.query(
      `INSERT INTO organization (id, code, name, short_name, kind, level, parent_id, valid_from, valid_to, is_demo)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT id FROM organization WHERE code = $7), $8, $9, $10)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [seedUuid('organization', row.code), row.code, row.name.normalize('NFC'), row.shortName?.normalize('NFC') ?? null, row.kind, row.level, row.parentCode, row.validFrom, row.validTo, isDemo],
    );
    inserted += result.length;
  }
  return inserted;
}

export async function seedOrganizations(db: DataSource, options: { demo: boolean }): Promise<void> {
  await db.transaction(async (manager) => {
    const q = (sql: string, params: unknown[]) => manager.query(sql, params);
    // One seeding process at a time (replicas starting together).
    await q(`SELECT pg_advisory_xact_lock(hashtext('tdkt:seed:organizations'))`, []);

    const organizations = await insertOrganizations(manager, REFERENCE_ORGANIZATIONS, false);

    let events = 0;
    for (const event of REFERENCE_LINEAGE) {
      const id = seedUuid('lineage', event.kind, event.effectiveDate, ...event.predecessorCodes, '>', ...event.successorCodes);
      const created: unknown[] = await q(
        `INSERT INTO lineage_event (id, kind, effective_date, legal_basis, note) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [id, event.kind, event.effectiveDate, event.legalBasis.normalize('NFC'), event.note?.normalize('NFC') ?? null],
      );
      if (!created.length) continue;
      events += 1;
      await q(
        `INSERT INTO lineage_participant (event_id, organization_id, role)
         SELECT $1, o.id, p.role FROM unnest($2::text[], $3::text[]) AS p(code, role) JOIN organization o ON o.code = p.code`,
        [id, [...event.predecessorCodes, ...event.successorCodes], [...event.predecessorCodes.map(() => 'PREDECESSOR'), ...event.successorCodes.map(() => 'SUCCESSOR')]],
      );
    }

    let blocYears = 0;
    for (const bloc of REFERENCE_BLOCS) {
      await q(
        `INSERT INTO bloc (id, code, name, kind, organizer_id) VALUES ($1, $2, $3, $4, (SELECT id FROM organization WHERE code = $5))
         ON CONFLICT (code) DO NOTHING`,
        [seedUuid('bloc', bloc.code), bloc.code, bloc.name.normalize('NFC'), bloc.kind, bloc.organizerCode],
      );
      for (const year of bloc.years) {
        // Each reference bloc-year is seeded once (marker), and only if nobody has set it yet: the
        // officers' own list, even an emptied one, always wins.
        const first: unknown[] = await q(`INSERT INTO seed_marker (key) VALUES ($1) ON CONFLICT DO NOTHING RETURNING key`, [`bloc-year:${bloc.code}:${year.year}`]);
        if (!first.length) continue;
        const added: unknown[] = await q(
          `INSERT INTO bloc_membership (bloc_id, year, organization_id, role)
           SELECT b.id, $2, o.id, m.role FROM bloc b
             CROSS JOIN unnest($3::text[], $4::text[]) AS m(code, role) JOIN organization o ON o.code = m.code
            WHERE b.code = $1 AND NOT EXISTS (SELECT 1 FROM bloc_membership x WHERE x.bloc_id = b.id AND x.year = $2)
           RETURNING 1`,
          [bloc.code, year.year, year.members.map((member) => member.organizationCode), year.members.map((member) => member.role)],
        );
        if (added.length) blocYears += 1;
      }
    }

    let demoPersons = 0;
    if (options.demo) {
      await insertOrganizations(manager, DEMO_ORGANIZATIONS, true);
      for (const person of DEMO_PERSONS) {
        const id = seedUuid('person', person.key);
        const created: unknown[] = await q(
          `INSERT INTO person (id, full_name, gender, birth_year, ethnicity, organization_id, position, is_direct_worker, is_demo)
           VALUES ($1, $2, $3, $4, $5, (SELECT id FROM organization WHERE code = $6), $7, $8, true)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [id, person.fullName.normalize('NFC'), person.gender, person.birthYear, person.ethnicity, person.organizationCode, person.position, person.isDirectWorker],
        );
        if (!created.length) continue;
        demoPersons += 1;
        await q(
          `INSERT INTO annual_rating (person_id, year, rating) SELECT $1, r.year, r.rating FROM unnest($2::int[], $3::text[]) AS r(year, rating)
           ON CONFLICT DO NOTHING`,
          [id, person.ratings.map((rating) => rating.year), person.ratings.map((rating) => rating.rating)],
        );
      }
    }
    if (organizations || events || blocYears || demoPersons) {
      log.info('seeded organizations subgraph', { organizations, lineageEvents: events, blocYears, demoPersons });
    }
  });
}
