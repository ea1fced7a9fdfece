/**
 * Reference data (real, sourced: reference-data.ts) and optional demo data, inserted idempotently on
 * every start: rows that exist are left as they are, so officers' later corrections are never undone.
 */
import type { DataSource } from 'typeorm';
import { log, seedUuid } from '@tdkt/subgraph-kit';
import {
  REFERENCE_BLOCS,
  REFERENCE_LINEAGE,
  REFERENCE_ORGANIZATIONS,
  type SeedOrganization,
} from './reference-data.js';
import { DEMO_ORGANIZATIONS, DEMO_PERSONS } from './demo-data.js';
import { SeedStore } from '../store/seed.store.js';

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

async function insertOrganizations(
  seed: SeedStore,
  rows: readonly SeedOrganization[],
  isDemo: boolean,
): Promise<number> {
  let inserted = 0;
  for (const row of inDependencyOrder(rows)) {
    const created = await seed.insertOrganization({
      id: seedUuid('organization', row.code),
      code: row.code,
      name: row.name.normalize('NFC'),
      shortName: row.shortName?.normalize('NFC') ?? null,
      kind: row.kind,
      level: row.level,
      parentCode: row.parentCode,
      validFrom: row.validFrom,
      validTo: row.validTo,
      isDemo,
    });
    if (created) inserted += 1;
  }
  return inserted;
}

export async function seedOrganizations(db: DataSource, options: { demo: boolean }): Promise<void> {
  await db.transaction(async (manager) => {
    const seed = new SeedStore(manager);
    // One seeding process at a time (replicas starting together).
    await seed.lock();

    const organizations = await insertOrganizations(seed, REFERENCE_ORGANIZATIONS, false);

    let events = 0;
    for (const event of REFERENCE_LINEAGE) {
      const id = seedUuid(
        'lineage',
        event.kind,
        event.effectiveDate,
        ...event.predecessorCodes,
        '>',
        ...event.successorCodes,
      );
      const created = await seed.insertLineageEvent({
        id,
        kind: event.kind,
        effectiveDate: event.effectiveDate,
        legalBasis: event.legalBasis.normalize('NFC'),
        note: event.note?.normalize('NFC') ?? null,
        predecessorCodes: event.predecessorCodes,
        successorCodes: event.successorCodes,
      });
      if (created) events += 1;
    }

    let blocYears = 0;
    for (const bloc of REFERENCE_BLOCS) {
      await seed.insertBloc({
        id: seedUuid('bloc', bloc.code),
        code: bloc.code,
        name: bloc.name.normalize('NFC'),
        kind: bloc.kind,
        organizerCode: bloc.organizerCode,
      });
      for (const year of bloc.years) {
        // Each reference bloc-year is seeded once (marker), and only if nobody has set it yet: the
        // officers' own list, even an emptied one, always wins.
        if (!(await seed.mark(`bloc-year:${bloc.code}:${year.year}`))) continue;
        if (await seed.insertBlocYear(bloc.code, year.year, year.members)) blocYears += 1;
      }
    }

    let demoPersons = 0;
    if (options.demo) {
      await insertOrganizations(seed, DEMO_ORGANIZATIONS, true);
      for (const person of DEMO_PERSONS) {
        const created = await seed.insertDemoPerson(
          {
            id: seedUuid('person', person.key),
            fullName: person.fullName.normalize('NFC'),
            gender: person.gender,
            birthYear: person.birthYear,
            ethnicity: person.ethnicity,
            organizationCode: person.organizationCode,
            position: person.position,
            isDirectWorker: person.isDirectWorker,
          },
          person.ratings,
        );
        if (created) demoPersons += 1;
      }
    }
    if (organizations || events || blocYears || demoPersons) {
      log.info('seeded organizations subgraph', { organizations, lineageEvents: events, blocYears, demoPersons });
    }
  });
}
