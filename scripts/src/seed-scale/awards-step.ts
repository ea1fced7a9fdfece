/**
 * The awards subgraph's part: the grant ledger 2016–2025 with its decisions, the initiatives behind
 * CSTĐ bộ/tỉnh and toàn quốc, and the nominations of the units that use the workflow (from achievement
 * year 2024: every grant of theirs comes from a DECIDED nomination with its history and council vote;
 * some nominations were rejected or withdrawn; the current year's are open). Earlier grants, and those
 * of the other units, are imported records (legacy decisions), as `importGrants` writes them.
 *
 * Issuers are found the way the law assigns powers (rules/authority.rule.ts, `canDecide`): from the
 * recipient upwards, the first unit whose head may decide that form on that date — the unit head for
 * Lao động tiên tiến, the district chair until 2025-06-30 and the commune chair after for communes, the
 * minister or provincial chair for Bằng khen bộ/tỉnh, the Prime Minister (CP) and the President (CTN)
 * above. Eligibility verdicts stored on nominations come from the awards subgraph's own rules
 * (`evaluateEligibility`), computed from the ledger as it stood when the council voted.
 */
import { CopyWriter } from './copy.js';
import { generatePerson, personTitles, type TitleDraft } from './people.js';
import type { Plan, PlanGroup, PlanOrg } from './plan.js';
import { isGeneratedSql } from './random.js';
import type { LoadContext, StepDefinition } from './runner.js';
import { AWARDS_SCALE_TABLES as T, tableName } from './tables.js';
import { ChunkWriter } from './awards/chunk-writer.js';
import { writeBlocFlags, writeCollective } from './awards/collective-grants.js';
import { writePersonGrants } from './awards/person-grants.js';

/** The step's tables, in the order they are set aside and analysed. */
const TABLES = [
  T.decision,
  T.award_grant,
  T.nomination,
  T.nomination_event,
  T.council_vote,
  T.initiative,
  T.initiative_author,
  T.grant_initiative,
].map(tableName);
const DECISION = tableName(T.decision);
const NOMINATION_EVENT = tableName(T.nomination_event);

export function awardsStep(context: LoadContext): StepDefinition {
  const plan = context.plan;
  const total = Math.max(1, plan.totalPersons);
  const sharedDecisions = new Set<number>();
  const existingNumbers = new Set<string>();
  const police = (org: PlanOrg) => {
    for (let at = org.index; at >= 0; at = plan.orgs[at]!.parent) if (plan.orgs[at]!.code === 'BCA') return true;
    return false;
  };
  const bkhcn = plan.byCode.get('BKHCN') ?? plan.cp;
  return {
    step: 'awards',
    subgraph: 'awards',
    tables: TABLES,
    // The last chunk holds the emulation flags of the blocs' leading units.
    chunks: plan.chunks.length + 1,
    chunkWeight: (chunk) =>
      chunk < plan.chunks.length
        ? ((plan.chunks[chunk]!.personEnd - plan.chunks[chunk]!.personStart) / total) * 0.98
        : 0.02,
    bulk: true,
    async before(client, done) {
      for (const chunk of done.values())
        for (const key of (chunk.extra?.['sharedDecisions'] as number[] | undefined) ?? []) sharedDecisions.add(key);
      const { rows } = await client.query<{ key: string }>(
        `SELECT issuer_organization_id::text || '|' || number_key AS key FROM ${DECISION} WHERE NOT (${isGeneratedSql('id')})`,
      );
      for (const row of rows) existingNumbers.add(row.key);
    },
    async after(client) {
      // Events carry explicit ids (deterministic); the sequence continues after them.
      await client.query(
        `SELECT setval(pg_get_serial_sequence('${NOMINATION_EVENT}', 'id'), greatest((SELECT max(id) FROM ${NOMINATION_EVENT}), 1))`,
      );
    },
    async runChunk(chunkIndex, client, progress) {
      const grants = CopyWriter.open(client, T.award_grant);
      const writer = new ChunkWriter(plan, grants, chunkIndex, sharedDecisions, existingNumbers);
      if (chunkIndex < plan.chunks.length) {
        const chunk = plan.chunks[chunkIndex]!;
        const size = Math.max(1, chunk.personEnd - chunk.personStart);
        let reportedRows = 0;
        for (let groupIndex = chunk.groupStart; groupIndex < chunk.groupEnd; groupIndex += 1) {
          const group = plan.groups[groupIndex]!;
          writer.startGroup(group);
          await writeGroup(plan, writer, group, police, bkhcn);
          if (grants.pending) {
            progress((group.personStart + group.personCount - chunk.personStart) / size, grants.rows - reportedRows);
            reportedRows = grants.rows;
            await grants.maybeFlush();
          }
        }
      } else {
        writer.startGroup(null);
        writeBlocFlags(plan, writer);
      }
      const rows: Record<string, number> = {};
      rows[tableName(T.award_grant)] = await grants.end();
      for (const buffer of [
        writer.decisions,
        writer.nominations,
        writer.events,
        writer.votes,
        writer.initiatives,
        writer.authors,
        writer.grantInitiatives,
      ]) {
        rows[buffer.table] = await buffer.copy(client);
      }
      return { rows, extra: { sharedDecisions: writer.newShared } };
    },
  };
}

/** One group: its people's titles, its units' collective titles, and the workflow's nominations. */
async function writeGroup(
  plan: Plan,
  writer: ChunkWriter,
  group: PlanGroup,
  police: (org: PlanOrg) => boolean,
  bkhcn: number,
): Promise<void> {
  const titles: TitleDraft[] = [];
  const groupRoot = group.units[0]!;
  for (const unitIndex of group.units) {
    const unit = plan.orgs[unitIndex]!;
    const isPolice = unit.armed && police(unit);
    for (let index = unit.personStart; index < unit.personStart + unit.personCount; index += 1) {
      const person = generatePerson(unit, index, group.workflow);
      titles.length = 0;
      personTitles(person, unit, isPolice, titles);
      writePersonGrants(plan, writer, group, groupRoot, person, titles, bkhcn);
    }
  }
  for (const unitIndex of group.units) writeCollective(plan, writer, group, groupRoot, unitIndex);
}
