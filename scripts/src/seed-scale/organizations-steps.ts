/**
 * The organizations subgraph's part: organizations and the lineage of the 2025 commune reform, blocs
 * with their yearly memberships (one LEAD and one DEPUTY per bloc-year), persons and annual ratings.
 */
import type pg from 'pg';
import { CopyWriter, RowBuffer, text, NULL } from './copy.js';
import { day, stamp } from './dates.js';
import { generatePerson, RATINGS, NO_RATING } from './people.js';
import { blocYear, BLOC_YEARS, type Plan } from './plan.js';
import { FIRST_YEAR, CURRENT_YEAR } from './presets.js';
import { isGeneratedSql } from './random.js';
import type { LoadContext, StepDefinition } from './runner.js';
import { ORGANIZATIONS_SCALE_TABLES as T, tableName } from './tables.js';

const ORG = tableName(T.organization);
const LINEAGE_EVENT = tableName(T.lineage_event);
const LINEAGE_PARTICIPANT = tableName(T.lineage_participant);
const BLOC = tableName(T.bloc);
const BLOC_MEMBERSHIP = tableName(T.bloc_membership);
const PERSON = tableName(T.person);
const ANNUAL_RATING = tableName(T.annual_rating);

async function refuseCollisions(client: pg.ClientBase, table: string, codes: string[], what: string): Promise<void> {
  const { rows } = await client.query<{ code: string }>(
    `SELECT code FROM ${table} WHERE code = ANY($1::text[]) AND NOT (${isGeneratedSql('id')}) ORDER BY code LIMIT 10`,
    [codes],
  );
  if (rows.length) {
    throw new Error(
      `The database already has ${what} with codes the scale dataset uses (${rows.map((row) => row.code).join(', ')}): rename them, or load into another database`,
    );
  }
}

export function organizationsStep(context: LoadContext): StepDefinition {
  const plan = context.plan;
  return {
    step: 'organizations',
    subgraph: 'organizations',
    tables: [ORG, LINEAGE_EVENT, LINEAGE_PARTICIPANT],
    chunks: 1,
    bulk: false,
    async runChunk(_chunk, client, progress) {
      const generated = plan.orgs.filter((org) => org.generated);
      await refuseCollisions(
        client,
        ORG,
        generated.map((org) => org.code),
        'organizations',
      );
      const writer = CopyWriter.open(client, T.organization);
      const created = stamp(day(2024, 1, 2), 8 * 60);
      for (const org of generated) {
        const parent = org.parent >= 0 ? plan.orgs[org.parent]!.id : NULL;
        writer.row(
          `${org.id}\t${org.code}\t${text(org.name)}\t${text(org.shortName)}\t${org.kind}\t${org.level}\t${parent}\t${org.validFrom ?? NULL}\t${org.validTo ?? NULL}\tf\t1\t${created}\t${created}`,
        );
        if (writer.pending) {
          progress(writer.rows / generated.length, 0);
          await writer.maybeFlush();
        }
      }
      const organizations = await writer.end();
      const events = new RowBuffer(T.lineage_event);
      const participants = new RowBuffer(T.lineage_participant);
      for (const event of plan.lineage) {
        events.row(
          `${event.id}\t${event.kind}\t2025-07-01\t${text(event.legalBasis)}\t${text(event.note)}\t${created}`,
        );
        for (const predecessor of event.predecessors)
          participants.row(`${event.id}\t${plan.orgs[predecessor]!.id}\tPREDECESSOR`);
        participants.row(`${event.id}\t${plan.orgs[event.successor]!.id}\tSUCCESSOR`);
      }
      const eventRows = await events.copy(client);
      const participantRows = await participants.copy(client);
      return { rows: { [ORG]: organizations, [LINEAGE_EVENT]: eventRows, [LINEAGE_PARTICIPANT]: participantRows } };
    },
  };
}

export function blocsStep(context: LoadContext): StepDefinition {
  const plan = context.plan;
  return {
    step: 'blocs',
    subgraph: 'organizations',
    tables: [BLOC, BLOC_MEMBERSHIP],
    chunks: 1,
    bulk: false,
    async runChunk(_chunk, client) {
      await refuseCollisions(
        client,
        BLOC,
        plan.blocs.map((bloc) => bloc.code),
        'blocs',
      );
      const blocs = new RowBuffer(T.bloc);
      const memberships = new RowBuffer(T.bloc_membership);
      for (const bloc of plan.blocs) {
        blocs.row(
          `${bloc.id}\t${bloc.code}\t${text(bloc.name)}\t${bloc.kind}\t${plan.orgs[bloc.organizer]!.id}\tf\t1\t${stamp(day(2024, 1, 5), 9 * 60 + (bloc.index % 480))}`,
        );
        for (const year of BLOC_YEARS) {
          const members = blocYear(plan, bloc, year);
          if (!members) continue;
          for (const member of members.members) {
            const role = member === members.lead ? 'LEAD' : member === members.deputy ? 'DEPUTY' : 'MEMBER';
            memberships.row(`${bloc.id}\t${year}\t${plan.orgs[member]!.id}\t${role}`);
          }
        }
      }
      return { rows: { [BLOC]: await blocs.copy(client), [BLOC_MEMBERSHIP]: await memberships.copy(client) } };
    },
  };
}

/** Persons and their annual ratings, chunk by chunk (the chunks of plan.ts). */
export function personsStep(context: LoadContext): StepDefinition {
  const plan: Plan = context.plan;
  const total = Math.max(1, plan.totalPersons);
  return {
    step: 'persons',
    subgraph: 'organizations',
    tables: [PERSON, ANNUAL_RATING],
    chunks: plan.chunks.length,
    chunkWeight: (chunk) => (plan.chunks[chunk]!.personEnd - plan.chunks[chunk]!.personStart) / total,
    bulk: true,
    async runChunk(chunkIndex, client, progress) {
      const chunk = plan.chunks[chunkIndex]!;
      const size = Math.max(1, chunk.personEnd - chunk.personStart);
      // Ratings (ten times more rows) stream; the chunk's persons are written after them.
      const ratings = CopyWriter.open(client, T.annual_rating);
      const persons = new RowBuffer(T.person);
      const recordedAt: string[][] = [];
      for (let year = FIRST_YEAR; year <= CURRENT_YEAR; year += 1) {
        // Ratings are recorded after the year-end review; the current year's early (November).
        recordedAt.push(
          Array.from({ length: 20 }, (_, index) =>
            year === CURRENT_YEAR
              ? stamp(day(year, 11, 2) + (index % 12), 9 * 60 + index * 7)
              : stamp(day(year + 1, 1, 8) + index, 9 * 60 + index * 11),
          ),
        );
      }
      let lastReport = chunk.personStart;
      let reported = 0;
      for (let groupIndex = chunk.groupStart; groupIndex < chunk.groupEnd; groupIndex += 1) {
        const group = plan.groups[groupIndex]!;
        for (const unitIndex of group.units) {
          const unit = plan.orgs[unitIndex]!;
          for (let index = unit.personStart; index < unit.personStart + unit.personCount; index += 1) {
            const person = generatePerson(unit, index, group.workflow);
            persons.row(
              `${person.id}\t${text(person.fullName)}\t${person.female ? 'FEMALE' : 'MALE'}\t${person.birthYear}\t${text(person.ethnicity)}\t${unit.id}\t${text(person.position)}\t${person.directWorker ? 't' : 'f'}\tf\t1\t${stamp(day(2024, 2, 1) + (index % 90), 8 * 60 + (index % 600))}`,
            );
            for (let slot = 0; slot < person.ratings.length; slot += 1) {
              const rating = person.ratings[slot]!;
              if (rating === NO_RATING) continue;
              ratings.row(`${person.id}\t${FIRST_YEAR + slot}\t${RATINGS[rating]}\t${recordedAt[slot]![index % 20]}`);
            }
            if (ratings.pending) {
              progress((index - chunk.personStart) / size, ratings.rows - reported);
              reported = ratings.rows;
              await ratings.maybeFlush();
            }
          }
        }
        if (group.personStart + group.personCount - lastReport > 20_000) {
          lastReport = group.personStart + group.personCount;
          progress((lastReport - chunk.personStart) / size, 0);
        }
      }
      const ratingRows = await ratings.end();
      const personRows = await persons.copy(client);
      return { rows: { [PERSON]: personRows, [ANNUAL_RATING]: ratingRows } };
    },
  };
}
