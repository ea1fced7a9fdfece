/**
 * Statistical forms 0602.N/BNV-TĐKT (state-level commendations) and 0603.N/BNV-TĐKT (ministry- and
 * province-level commendations) of Thông tư 02/2023/TT-BNV, as a matrix an analyst copies into the form:
 * the form's rows (mã số, Vietnamese label, đơn vị tính) × its columns (each award, split into collective
 * and individual where the form splits it), read from the subtree rollup in one statement.
 *
 * What the ledger cannot say yet is marked `available: false` with a note, never guessed: whether a
 * collective is an enterprise, a person's post (leaders, entrepreneurs, direct workers) at the time of
 * the award, and household recipients (the ledger records persons and organizations only).
 *
 * Aggregated counts are public, like awardStatistics.
 */
import { AWARD_TYPES } from '../catalogue/award-types.js';
import type { AwardsContext } from '../context.js';
import { SubjectKind } from '../types/award-type.types.js';
import {
  AwardFormColumn,
  AwardFormRow,
  AwardStatisticalForm,
  type AwardFormFilter,
} from '../types/statistical-form.types.js';
import { resolveAwardScope, withCurrentTree } from './award-scope.service.js';
import { compactIfMany } from './rollup-compaction.service.js';
import {
  FORM_0602,
  LEGAL_BASIS,
  STATE_LEVEL,
  type CountRecord,
  type FormDefinition,
} from './statistical-form.definitions.js';

interface PlannedColumn extends AwardFormColumn {
  always: boolean;
}

/** Every column the form could have, in the form's order (a type goes to the first group that takes it). */
function plannedColumns(definition: FormDefinition): PlannedColumn[] {
  const columns: PlannedColumn[] = [];
  const taken = new Set<string>();
  for (const group of definition.groups) {
    for (const type of AWARD_TYPES) {
      if (taken.has(type.code) || !group.includes(type)) continue;
      if (definition === FORM_0602 && !STATE_LEVEL.has(type.decidingAuthority)) continue;
      taken.add(type.code);
      const kinds = definition.splitBySubject
        ? ([SubjectKind.COLLECTIVE, SubjectKind.PERSON] as const).filter((kind) => type.subjectKinds.includes(kind))
        : [null];
      for (const kind of kinds) {
        columns.push(
          Object.assign(new AwardFormColumn(), {
            key: kind ? `${type.code}:${kind}` : type.code,
            group: group.group,
            groupLabel: group.label,
            label: kind ? `${type.name} – ${kind === SubjectKind.COLLECTIVE ? 'Tập thể' : 'Cá nhân'}` : type.name,
            awardTypeCode: type.code,
            subjectKind: kind,
            always: group.always,
          }),
        );
      }
    }
  }
  return columns;
}

export async function buildForm(
  context: AwardsContext,
  definition: FormDefinition,
  filter: AwardFormFilter,
): Promise<AwardStatisticalForm> {
  const scope = await resolveAwardScope(context, filter, { allowNational: true });
  const planned = plannedColumns(definition);
  const codes = [...new Set(planned.map((column) => column.awardTypeCode))];
  const withProvinces = definition === FORM_0602;
  const answer = await withCurrentTree(context, scope, () =>
    context.stores.statistics.formCounts(scope, codes, withProvinces),
  );
  compactIfMany(context, answer[0]?.pending);
  const records = answer.filter((row) => row.awardTypeCode !== null) as CountRecord[];

  const granted = new Set(
    records.filter((record) => record.total > 0).map((record) => `${record.awardTypeCode}:${record.subjectKind}`),
  );
  const columns = planned.filter(
    (column) =>
      column.always ||
      granted.has(column.key) ||
      (!column.subjectKind && [...granted].some((key) => key.startsWith(`${column.awardTypeCode}:`))),
  );
  const inColumn = (column: PlannedColumn, record: CountRecord) =>
    record.awardTypeCode === column.awardTypeCode && (!column.subjectKind || record.subjectKind === column.subjectKind);
  const shown = records.filter((record) => columns.some((column) => inColumn(column, record)));

  const rows = definition.rows.map((row) => {
    const value = row.value;
    if (!value)
      return Object.assign(new AwardFormRow(), {
        code: row.code,
        label: row.label,
        unit: row.unit,
        available: false,
        total: null,
        values: columns.map(() => null),
      });
    const values = columns.map((column) =>
      shown.filter((record) => inColumn(column, record)).reduce((sum, record) => sum + value(record), 0),
    );
    return Object.assign(new AwardFormRow(), {
      code: row.code,
      label: row.label,
      unit: row.unit,
      available: true,
      total: values.reduce((sum, n) => sum + n, 0),
      values,
    });
  });

  return Object.assign(new AwardStatisticalForm(), {
    form: definition.form,
    title: definition.title,
    legalBasis: LEGAL_BASIS,
    yearFrom: scope.yearFrom,
    yearTo: scope.yearTo,
    columns: columns.map(({ always: _always, ...column }) => Object.assign(new AwardFormColumn(), column)),
    rows,
    notes: definition.notes,
  });
}
