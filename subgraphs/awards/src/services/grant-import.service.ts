/**
 * Importing the paper record (khen thưởng cũ, before the system) from an officer's spreadsheet. Every
 * row is read the way officers write it (dates dd/mm/yyyy, award abbreviations, decision numbers typed
 * any way) and checked as a decision is checked: the issuer's authority on the decision date (Luật TĐKT
 * 2022, Điều 77–80) and the date against the achievement year. Rows decided before the 2022 Law took
 * effect are imported flagged "chưa kiểm tra thẩm quyền" with the reason, never silently trusted.
 *
 * One refused row keeps the whole batch out, and the answer lists every refused row by its spreadsheet
 * row number: a sheet is fixed and sent again whole (rows already in the ledger are then skipped, each
 * named with the reason), never left half-imported. One transaction.
 */
import {
  auditedTransaction,
  badInput,
  cleanText,
  isInCallerSubtree,
  isUuid,
  requireSignedIn,
  translateDatabaseError,
  type DirectoryOrganization,
  type DirectoryPersonFacts,
  vietnamToday,
} from '@tdkt/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { findAwardType } from '../catalogue/award-types.js';
import type { AwardsContext } from '../context.js';
import { resolveAwardTypeCode } from '../rules/award-alias.rule.js';
import { cleanDecisionNumber, decisionNumberKey } from '../rules/decision-number.rule.js';
import { decisionDateProblem, parseImportDate, quoted } from '../rules/grant-import.rule.js';
import {
  authorityOfIssuer,
  canDecide,
  formatDateVi,
  isEvaluatedRuleset,
  rulesetDefinition,
  rulesetFor,
} from '../rules/index.js';
import { grantKey } from '../store/grant.store.js';
import { createStores } from '../store/index.js';
import { SubjectKind } from '../types/award-type.types.js';
import { ImportGrantsResult, ImportRowError, ImportRowNote, type ImportGrantsInput } from '../types/grant.inputs.js';

const MAX_IMPORT_ROWS = 1000;

interface PreparedRow {
  index: number;
  awardTypeCode: string;
  awardTypeName: string;
  personId: string | null;
  organizationId: string | null;
  unitId: string;
  recipientLabel: string;
  gender: string | null;
  year: number;
  basis: string;
  decisionNumber: string;
  issuedOn: string;
  issuerId: string;
  issuerName: string;
  /** Why the issuer's authority was not checked; null when it was. */
  authorityNote: string | null;
}

/** Organization codes as typed: invisible characters and spaces dropped, upper case. */
function normalizeCode(code: string): string {
  return code
    .normalize('NFKC')
    .replace(/[\p{Cf}\s]/gu, '')
    .toUpperCase();
}

/** How an uploaded spreadsheet (grant-import-file.service) runs the same import. */
export interface ImportGrantsOptions {
  maxRows?: number;
  /** The sheet's row number of each input row, when they are not consecutive. */
  rowNumbers?: readonly number[];
  /** Judge every row and write nothing (the transaction is rolled back): the preview of an upload. */
  dryRun?: boolean;
  /** Runs first in the import's transaction (locks the uploaded file's record; may throw). */
  before?: (manager: EntityManager) => Promise<void>;
  /** Runs last in the import's transaction, with its answer (marks the uploaded file committed). */
  after?: (manager: EntityManager, result: ImportGrantsResult) => Promise<void>;
  /** The mutation the audit trail names (commitGrantImport for an uploaded file). */
  operation?: string;
}

export async function importGrants(
  context: AwardsContext,
  input: ImportGrantsInput,
  options: ImportGrantsOptions = {},
): Promise<ImportGrantsResult> {
  requireSignedIn(context);
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  if (input.grants.length === 0) throw badInput('Không có dòng nào để nhập.', { field: 'input.grants' });
  if (input.grants.length > maxRows) throw badInput(`Mỗi lần nhập tối đa ${maxRows} dòng.`, { field: 'input.grants' });
  const first = input.firstRowNumber ?? 1;
  if (!Number.isInteger(first) || first < 1 || first > 1_000_000)
    throw badInput('Số dòng đầu tiên phải là số nguyên từ 1 đến 1.000.000.', { field: 'input.firstRowNumber' });
  const rowOf = (index: number) => options.rowNumbers?.[index] ?? first + index;
  const errors: ImportRowError[] = [];
  const fail = (index: number, code: string, message: string) =>
    errors.push(
      Object.assign(new ImportRowError(), {
        index,
        row: rowOf(index),
        code,
        message: `Dòng ${rowOf(index)}: ${message}`,
      }),
    );
  const today = vietnamToday();
  const thisYear = Number(today.slice(0, 4));
  const prepared: PreparedRow[] = [];

  // Every unit and person the rows name is asked of organizations first, one request each: on a sheet of
  // thousands of rows no request then waits behind the rows' own work (and times out there).
  await Promise.all([
    context.organizations.organizationByCode.loadMany([
      ...new Set(
        input.grants
          .flatMap((row) => [row.issuerCode, row.organizationCode ?? ''])
          .filter(Boolean)
          .map(normalizeCode),
      ),
    ]),
    context.organizations.personFactsById.loadMany([
      ...new Set(input.grants.map((row) => row.personId?.trim() ?? '').filter((id) => isUuid(id))),
    ]),
  ]);
  await Promise.all(
    input.grants.map(async (row, index) => {
      const alias = resolveAwardTypeCode(row.awardTypeCode);
      if (alias.kind === 'UNKNOWN') return fail(index, 'NOT_FOUND', alias.message);
      if (alias.kind === 'AMBIGUOUS') return fail(index, 'BAD_USER_INPUT', alias.message);
      const awardType = await context.loaders.awardTypeByCode.load(alias.code);
      const definition = findAwardType(alias.code);
      if (!awardType || !definition)
        return fail(index, 'NOT_FOUND', `không có hình thức khen thưởng mã ${alias.code}.`);
      if (!Number.isInteger(row.year) || row.year < 1945 || row.year > thisYear)
        return fail(index, 'BAD_USER_INPUT', `năm thành tích ${row.year} không hợp lệ (từ 1945 đến ${thisYear}).`);
      const parsed = parseImportDate(row.issuedOn);
      if (!parsed.ok) return fail(index, 'BAD_USER_INPUT', parsed.message);
      const issuedOn = parsed.date;
      const dateProblem = decisionDateProblem(definition, row.year, issuedOn, today);
      if (dateProblem) return fail(index, 'BAD_USER_INPUT', dateProblem);
      let number: string;
      try {
        number = cleanText(cleanDecisionNumber(row.decisionNumber), {
          label: 'số quyết định',
          field: `input.grants[${index}].decisionNumber`,
          maxLength: 80,
        });
      } catch (error) {
        return fail(index, 'BAD_USER_INPUT', (error as Error).message);
      }
      const issuer = await context.organizations.organizationByCode.load(normalizeCode(row.issuerCode));
      if (!issuer) return fail(index, 'NOT_FOUND', `không tìm thấy cơ quan ban hành mã ${quoted(row.issuerCode)}.`);

      // Law Arts 77–80 (NĐ 129/2025 Art 59): the same check issueDecision makes, under the ruleset of the
      // decision's date; before 2024-01-01 the engine holds no rules, so the row is flagged, not trusted.
      let authorityNote: string | null = null;
      const ruleset = rulesetFor(issuedOn);
      if (isEvaluatedRuleset(ruleset)) {
        const power = canDecide(authorityOfIssuer(issuer.kind), alias.code, issuedOn);
        if (!power.allowed)
          return fail(
            index,
            'FORBIDDEN',
            `${issuer.name} không ban hành được quyết định này: ${power.reason ?? 'không có thẩm quyền.'}`,
          );
      } else {
        authorityNote = `Chưa kiểm tra thẩm quyền: quyết định ngày ${formatDateVi(issuedOn)} thuộc ${rulesetDefinition(ruleset).instruments}; hệ thống không có quy định về thẩm quyền của thời kỳ đó, cần cán bộ đối chiếu.`;
      }

      if ((row.personId ? 1 : 0) + (row.organizationCode ? 1 : 0) !== 1) {
        return fail(
          index,
          'BAD_USER_INPUT',
          'cần đúng một người nhận: personId (cá nhân) hoặc organizationCode (tập thể).',
        );
      }
      let unit: DirectoryOrganization;
      let person: DirectoryPersonFacts | null = null;
      if (row.personId) {
        if (!awardType.subjectKinds.includes(SubjectKind.PERSON))
          return fail(index, 'BAD_USER_INPUT', `${awardType.name} không tặng cho cá nhân.`);
        person = isUuid(row.personId.trim())
          ? await context.organizations.personFactsById.load(row.personId.trim())
          : null;
        if (!person || !person.organization)
          return fail(index, 'NOT_FOUND', `không tìm thấy cá nhân ${quoted(row.personId)}.`);
        unit = person.organization;
      } else {
        if (!awardType.subjectKinds.includes(SubjectKind.COLLECTIVE))
          return fail(index, 'BAD_USER_INPUT', `${awardType.name} không tặng cho tập thể.`);
        const organization = await context.organizations.organizationByCode.load(normalizeCode(row.organizationCode!));
        if (!organization)
          return fail(index, 'NOT_FOUND', `không tìm thấy đơn vị mã ${quoted(row.organizationCode!)}.`);
        unit = organization;
      }
      if (
        context.caller.role !== 'CENTRAL_BOARD' &&
        !(context.caller.role === 'ORG_OFFICER' && (await isInCallerSubtree(context, unit)))
      ) {
        return fail(index, 'FORBIDDEN', `không được nhập khen thưởng cho ${unit.name} (ngoài phạm vi đơn vị mình).`);
      }
      prepared.push({
        index,
        awardTypeCode: awardType.code,
        awardTypeName: awardType.name,
        personId: person?.id ?? null,
        organizationId: person ? null : unit.id,
        unitId: unit.id,
        recipientLabel: person ? 'người này' : unit.name,
        gender: person?.gender ?? null,
        year: row.year,
        basis: row.basis,
        decisionNumber: number,
        issuedOn,
        issuerId: issuer.id,
        issuerName: issuer.name,
        authorityNote,
      });
    }),
  );
  if (errors.length) return refused(errors);

  try {
    return await auditedTransaction(
      context.db,
      context,
      options.operation ?? 'importGrants',
      async (manager, audit) => {
        await options.before?.(manager);
        const stores = createStores(manager);
        const grantIds: string[] = [];
        const skippedRows: ImportRowNote[] = [];
        const flagged: ImportRowNote[] = [];
        const rowErrors: ImportRowError[] = [];
        const note = (index: number, code: string, message: string) =>
          Object.assign(new ImportRowNote(), {
            index,
            row: rowOf(index),
            code,
            message: `Dòng ${rowOf(index)}: ${message}`,
          });
        // A constant number of statements whatever the sheet's length: decisions, grants, the grants
        // skipped rows repeat, and the decisions left unused.
        const grantOf = (row: PreparedRow) => ({
          awardTypeCode: row.awardTypeCode,
          personId: row.personId,
          organizationId: row.organizationId,
          recipientUnitId: row.unitId,
          recipientGender: row.gender,
          year: row.year,
          basis: row.basis,
        });
        /** The first row of the sheet for each grant (form, recipient, year, basis); later ones are skipped. */
        const seen = new Map<string, number>();
        const rows: PreparedRow[] = [];
        for (const row of prepared.sort((a, b) => a.index - b.index)) {
          const earlier = seen.get(grantKey(grantOf(row)));
          if (earlier !== undefined) {
            skippedRows.push(
              note(row.index, 'DUPLICATE', `trùng với dòng ${rowOf(earlier)} trong cùng danh sách; bỏ qua.`),
            );
            continue;
          }
          seen.set(grantKey(grantOf(row)), row.index);
          rows.push(row);
        }
        // One decision per issuer and number key, recorded with the first row that names it; a number seen
        // again (in the ledger or further down the sheet) must carry the same date.
        const decisionOf = (row: PreparedRow) => `${row.issuerId}|${decisionNumberKey(row.decisionNumber)}`;
        const firstNaming = new Map<string, PreparedRow>();
        for (const row of rows) if (!firstNaming.has(decisionOf(row))) firstNaming.set(decisionOf(row), row);
        const decisions = await stores.decisions.upsertLegacy(
          [...firstNaming.values()].map((row) => ({
            number: row.decisionNumber,
            issuedOn: row.issuedOn,
            issuerId: row.issuerId,
          })),
          context.caller.subject,
        );
        for (const row of rows) {
          const decision = decisions.get(decisionOf(row))!;
          if (decision.issuedOn !== row.issuedOn) {
            rowErrors.push(
              Object.assign(new ImportRowError(), {
                index: row.index,
                row: rowOf(row.index),
                code: 'CONFLICT',
                message: `Dòng ${rowOf(row.index)}: ${row.issuerName} đã có quyết định số ${decision.number} ngày ${formatDateVi(decision.issuedOn)}; dòng này ghi số ${row.decisionNumber} ngày ${formatDateVi(row.issuedOn)}.`,
              }),
            );
          }
        }
        // Nothing half-imported: one bad row rolls the whole batch back.
        if (rowErrors.length) throw new ImportRefused(rowErrors);
        const inserted = await stores.grants.insertImported(
          rows.map((row) => ({
            ...grantOf(row),
            decisionId: decisions.get(decisionOf(row))!.id,
            authorityNote: row.authorityNote,
          })),
        );
        const repeated = rows.filter((row) => !inserted.has(grantKey(grantOf(row))));
        // Law Art 5: one achievement is not rewarded twice; each skipped row names the grant already there.
        const twins = await stores.grants.liveTwins(repeated.map(grantOf));
        for (const row of repeated) {
          const twin = twins.get(grantKey(grantOf(row)));
          skippedRows.push(
            note(
              row.index,
              'DUPLICATE',
              `${row.awardTypeName} năm ${row.year} của ${row.recipientLabel} đã có trong sổ khen thưởng` +
                (twin ? ` (quyết định số ${twin.number} ngày ${formatDateVi(twin.issuedOn)})` : '') +
                '; bỏ qua.',
            ),
          );
        }
        const used = new Set(rows.filter((row) => inserted.has(grantKey(grantOf(row)))).map(decisionOf));
        await stores.decisions.deleteUnused(
          [...decisions]
            .filter(([key, decision]) => decision.created && !used.has(key))
            .map(([, decision]) => decision.id),
        );
        for (const row of rows) {
          const grantId = inserted.get(grantKey(grantOf(row)));
          if (!grantId) continue;
          grantIds.push(grantId);
          if (row.authorityNote) {
            flagged.push(
              note(
                row.index,
                'AUTHORITY_UNVERIFIED',
                `đã nhập, chưa kiểm tra thẩm quyền của ${row.issuerName}. ${row.authorityNote}`,
              ),
            );
          }
        }
        skippedRows.sort((a, b) => a.index - b.index);
        const imported = grantIds.length;
        const skipped = skippedRows.length;
        const grants = await audit.snapshot('award_grant', null, {
          sql: 't.id = ANY($1::uuid[])',
          params: [grantIds],
          many: true,
        });
        await audit.record({ entityType: 'Grant', entityId: null, before: null, after: { imported, skipped, grants } });
        const result = Object.assign(new ImportGrantsResult(), { imported, skipped, errors: [], skippedRows, flagged });
        if (options.dryRun) throw new DryRun(result);
        await options.after?.(manager, result);
        return result;
      },
    );
  } catch (error) {
    if (error instanceof ImportRefused) return refused(error.errors);
    if (error instanceof DryRun) return error.result;
    throw translateDatabaseError(error);
  }
}

function refused(errors: ImportRowError[]): ImportGrantsResult {
  return Object.assign(new ImportGrantsResult(), {
    imported: 0,
    skipped: 0,
    errors: errors.sort((a, b) => a.index - b.index),
    skippedRows: [],
    flagged: [],
  });
}

/** Rolls a preview's transaction back with the answer a commit would give. */
class DryRun extends Error {
  constructor(readonly result: ImportGrantsResult) {
    super('dry run');
  }
}

class ImportRefused extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import refused');
  }
}
