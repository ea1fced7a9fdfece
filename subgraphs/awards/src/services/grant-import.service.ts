/**
 * Importing the paper record (khen thưởng cũ, before the system): every row is checked first, and one
 * refused row keeps the whole batch out (nothing half-imported). Decisions of issuers that no longer
 * exist are kept as legacy decisions.
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
} from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import { createStores } from '../store/index.js';
import { SubjectKind } from '../types/award-type.types.js';
import { ImportGrantsResult, ImportRowError, type ImportGrantsInput } from '../types/grant.inputs.js';

const MAX_IMPORT_ROWS = 1000;

interface PreparedRow {
  index: number;
  awardTypeCode: string;
  personId: string | null;
  organizationId: string | null;
  unitId: string;
  gender: string | null;
  year: number;
  basis: string;
  decisionNumber: string;
  issuedOn: string;
  issuerId: string;
}

export async function importGrants(context: AwardsContext, input: ImportGrantsInput): Promise<ImportGrantsResult> {
  requireSignedIn(context);
  if (input.grants.length === 0) throw badInput('Không có dòng nào để nhập.', { field: 'input.grants' });
  if (input.grants.length > MAX_IMPORT_ROWS)
    throw badInput(`Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng.`, { field: 'input.grants' });
  const errors: ImportRowError[] = [];
  const fail = (index: number, code: string, message: string) =>
    errors.push(Object.assign(new ImportRowError(), { index, code, message }));
  const thisYear = new Date().getUTCFullYear();
  const prepared: PreparedRow[] = [];

  await Promise.all(
    input.grants.map(async (row, index) => {
      const awardType = await context.loaders.awardTypeByCode.load(row.awardTypeCode.trim().toUpperCase());
      if (!awardType)
        return fail(index, 'NOT_FOUND', `Dòng ${index + 1}: không có hình thức khen thưởng mã ${row.awardTypeCode}.`);
      if (!Number.isInteger(row.year) || row.year < 1945 || row.year > thisYear)
        return fail(index, 'BAD_USER_INPUT', `Dòng ${index + 1}: năm ${row.year} không hợp lệ.`);
      if (row.issuedOn < `${row.year}-01-01`)
        return fail(
          index,
          'BAD_USER_INPUT',
          `Dòng ${index + 1}: quyết định ngày ${row.issuedOn} có trước năm thành tích ${row.year}.`,
        );
      let number: string;
      try {
        number = cleanText(row.decisionNumber, {
          label: `Số quyết định (dòng ${index + 1})`,
          field: `input.grants[${index}].decisionNumber`,
          maxLength: 80,
        });
      } catch (error) {
        return fail(index, 'BAD_USER_INPUT', (error as Error).message);
      }
      const issuer = await context.organizations.organizationByCode.load(row.issuerCode.trim().toUpperCase());
      if (!issuer)
        return fail(index, 'NOT_FOUND', `Dòng ${index + 1}: không tìm thấy cơ quan ban hành mã ${row.issuerCode}.`);
      if ((row.personId ? 1 : 0) + (row.organizationCode ? 1 : 0) !== 1) {
        return fail(
          index,
          'BAD_USER_INPUT',
          `Dòng ${index + 1}: cần đúng một người nhận: personId (cá nhân) hoặc organizationCode (tập thể).`,
        );
      }
      let unit: DirectoryOrganization;
      let person: DirectoryPersonFacts | null = null;
      if (row.personId) {
        if (!awardType.subjectKinds.includes(SubjectKind.PERSON))
          return fail(index, 'BAD_USER_INPUT', `Dòng ${index + 1}: ${awardType.name} không tặng cho cá nhân.`);
        person = isUuid(row.personId) ? await context.organizations.personFactsById.load(row.personId) : null;
        if (!person || !person.organization)
          return fail(index, 'NOT_FOUND', `Dòng ${index + 1}: không tìm thấy cá nhân ${row.personId}.`);
        unit = person.organization;
      } else {
        if (!awardType.subjectKinds.includes(SubjectKind.COLLECTIVE))
          return fail(index, 'BAD_USER_INPUT', `Dòng ${index + 1}: ${awardType.name} không tặng cho tập thể.`);
        const organization = await context.organizations.organizationByCode.load(
          row.organizationCode!.trim().toUpperCase(),
        );
        if (!organization)
          return fail(index, 'NOT_FOUND', `Dòng ${index + 1}: không tìm thấy đơn vị mã ${row.organizationCode}.`);
        unit = organization;
      }
      if (
        context.caller.role !== 'CENTRAL_BOARD' &&
        !(context.caller.role === 'ORG_OFFICER' && (await isInCallerSubtree(context, unit)))
      ) {
        return fail(
          index,
          'FORBIDDEN',
          `Dòng ${index + 1}: không được nhập khen thưởng cho ${unit.name} (ngoài phạm vi đơn vị mình).`,
        );
      }
      prepared.push({
        index,
        awardTypeCode: awardType.code,
        personId: person?.id ?? null,
        organizationId: person ? null : unit.id,
        unitId: unit.id,
        gender: person?.gender ?? null,
        year: row.year,
        basis: row.basis,
        decisionNumber: number,
        issuedOn: row.issuedOn,
        issuerId: issuer.id,
      });
    }),
  );
  if (errors.length) return refused(errors);

  try {
    return await auditedTransaction(context.db, context, 'importGrants', async (manager, audit) => {
      const stores = createStores(manager);
      let imported = 0;
      let skipped = 0;
      const grantIds: string[] = [];
      const rowErrors: ImportRowError[] = [];
      for (const row of prepared.sort((a, b) => a.index - b.index)) {
        // One decision per issuer and number; a legacy number seen again must carry the same date.
        const decision = await stores.decisions.upsertLegacy({
          number: row.decisionNumber,
          issuedOn: row.issuedOn,
          issuerId: row.issuerId,
          createdBy: context.caller.subject,
        });
        if (decision.issuedOn !== row.issuedOn) {
          rowErrors.push(
            Object.assign(new ImportRowError(), {
              index: row.index,
              code: 'CONFLICT',
              message: `Dòng ${row.index + 1}: quyết định số ${row.decisionNumber} đã có với ngày ${decision.issuedOn}, khác ${row.issuedOn}.`,
            }),
          );
          continue;
        }
        const grantId = await stores.grants.insertImported(
          {
            awardTypeCode: row.awardTypeCode,
            personId: row.personId,
            organizationId: row.organizationId,
            recipientUnitId: row.unitId,
            recipientGender: row.gender,
            year: row.year,
            basis: row.basis,
          },
          decision.id,
        );
        if (grantId) {
          imported += 1;
          grantIds.push(grantId);
        } else skipped += 1;
      }
      // Nothing half-imported: one bad row rolls the whole batch back.
      if (rowErrors.length) throw new ImportRefused(rowErrors);
      const grants = await audit.snapshot('award_grant', null, {
        sql: 't.id = ANY($1::uuid[])',
        params: [grantIds],
        many: true,
      });
      await audit.record({ entityType: 'Grant', entityId: null, before: null, after: { imported, skipped, grants } });
      return Object.assign(new ImportGrantsResult(), { imported, skipped, errors: [] });
    });
  } catch (error) {
    if (error instanceof ImportRefused) return refused(error.errors);
    throw translateDatabaseError(error);
  }
}

function refused(errors: ImportRowError[]): ImportGrantsResult {
  return Object.assign(new ImportGrantsResult(), {
    imported: 0,
    skipped: 0,
    errors: errors.sort((a, b) => a.index - b.index),
  });
}

class ImportRefused extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import refused');
  }
}
