/**
 * Importing past awards from an uploaded .xlsx: upload → preview → commit. The preview reads every row,
 * matches each person by name among the persons of the unit named on the row, and runs the ledger import
 * (grant-import.service) in a transaction that is rolled back, so each row's verdict is the one a commit
 * would give and the ledger is untouched. The file's rows are kept under its SHA-256; the commit imports
 * them all or none, and marks the file committed in the same transaction: the same file committed again
 * changes nothing and answers with the first commit's result.
 */
import { createHash } from 'node:crypto';
import { forbidden, notFound, requireSignedIn } from '@tdkt/subgraph-kit';
import { personsOfUnit } from '../clients/organization-persons.client.js';
import type { AwardsContext } from '../context.js';
import { indexPersons, matchPerson, type PersonIndex, type SheetGrantRow } from '../rules/grant-sheet.rule.js';
import { GrantImportFileStore, type StagedGrantRow } from '../store/grant-import-file.store.js';
import { CommendationBasis } from '../types/award-type.types.js';
import { ImportGrantRowInput, ImportGrantsResult, ImportRowError } from '../types/grant.inputs.js';
import { GrantImportCommit } from '../types/grant-import-file.types.js';
import { importGrants } from './grant-import.service.js';
import { MAX_SHEET_ROWS, readGrantWorkbook } from './grant-workbook.js';

export type RowVerdict = 'OK' | 'ERROR' | 'DUPLICATE' | 'FLAGGED';

export interface GrantFilePreview {
  fileSha256: string;
  fileName: string;
  /** READY: every row can be imported; REFUSED: some cannot (nothing would be); COMMITTED: already imported. */
  status: 'READY' | 'REFUSED' | 'COMMITTED';
  committedAt: string | null;
  summary: { rows: number; ok: number; errors: number; duplicates: number; flagged: number };
  rows: { row: number; verdict: RowVerdict; messages: string[]; understood: string[] }[];
}

/** Each readable row as the ledger import takes it; a row with a problem gets it in `problems` and no grant. */
async function stageRows(context: AwardsContext, rows: SheetGrantRow[]): Promise<StagedGrantRow[]> {
  const unitOf = (code: string) =>
    context.organizations.organizationByCode.load(code.normalize('NFKC').replace(/\s/g, '').toUpperCase());
  const people = new Map<string, Promise<PersonIndex>>();
  return Promise.all(
    rows.map(async (row): Promise<StagedGrantRow> => {
      let personId: string | null = null;
      if (row.fullName && row.unitCode) {
        const unit = await unitOf(row.unitCode);
        if (!unit) row.problems.push(`cột Mã đơn vị: không có đơn vị mã "${row.unitCode}".`);
        else {
          if (!people.has(unit.id))
            people.set(
              unit.id,
              personsOfUnit(context.organizationsClient, context.internalToken, unit).then(indexPersons),
            );
          const match = matchPerson(row.fullName, unit.name, await people.get(unit.id)!);
          if (match.kind === 'MATCHED') {
            personId = match.person.id;
            row.understood.push(`Họ và tên: ${match.understood ?? match.person.fullName} (${unit.name})`);
          } else row.problems.push(`cột Họ và tên: ${match.message}`);
        }
      }
      if (row.problems.length) return { row: row.row, grant: null, problems: row.problems, understood: row.understood };
      const grant = Object.assign(new ImportGrantRowInput(), {
        personId,
        organizationCode: personId ? null : row.unitCode,
        awardTypeCode: row.awardTypeCode!,
        year: row.year!,
        basis: CommendationBasis.MERIT,
        decisionNumber: row.decisionNumber,
        issuedOn: row.issuedOn!,
        issuerCode: row.issuerCode,
      });
      return { row: row.row, grant, problems: [], understood: row.understood };
    }),
  );
}

/** The ledger import of the staged rows: a dry run for the preview, the real one for the commit. */
function runImport(
  context: AwardsContext,
  staged: StagedGrantRow[],
  options: Parameters<typeof importGrants>[2],
): Promise<ImportGrantsResult> {
  const ready = staged.filter((row) => row.grant);
  const unread = staged.filter((row) => !row.grant);
  if (unread.length || ready.length === 0)
    return Promise.resolve(
      Object.assign(new ImportGrantsResult(), {
        imported: 0,
        skipped: 0,
        skippedRows: [],
        flagged: [],
        errors: unread.map((row, index) =>
          Object.assign(new ImportRowError(), {
            index,
            row: row.row,
            code: 'BAD_USER_INPUT',
            message: `Dòng ${row.row}: ${row.problems.join(' ')}`,
          }),
        ),
      }),
    );
  return importGrants(
    context,
    { grants: ready.map((row) => row.grant!), firstRowNumber: 1 },
    { ...options, maxRows: MAX_SHEET_ROWS, rowNumbers: ready.map((row) => row.row) },
  );
}

function requireImporter(context: AwardsContext): void {
  requireSignedIn(context);
  if (context.caller.role !== 'ORG_OFFICER' && context.caller.role !== 'CENTRAL_BOARD')
    throw forbidden('Chỉ cán bộ thi đua – khen thưởng của đơn vị hoặc Ban TĐKT Trung ương được nhập khen thưởng.');
}

export async function previewGrantFile(
  context: AwardsContext,
  bytes: Buffer,
  fileName: string,
): Promise<GrantFilePreview> {
  requireImporter(context);
  const fileSha256 = createHash('sha256').update(bytes).digest('hex');
  const store = new GrantImportFileStore(context.db);
  const kept = await store.find(fileSha256);
  const sheet = await readGrantWorkbook(bytes);
  const staged = kept?.rows ?? (await stageRows(context, sheet.rows));
  const result: ImportGrantsResult = kept?.committedAt
    ? (kept.result as ImportGrantsResult)
    : await runImport(context, staged, { dryRun: true });
  const messages = new Map<number, { verdict: RowVerdict; messages: string[] }>();
  const mark = (row: number, verdict: RowVerdict, message: string) => {
    const entry = messages.get(row) ?? { verdict, messages: [] };
    if (verdict === 'ERROR') entry.verdict = 'ERROR';
    entry.messages.push(message);
    messages.set(row, entry);
  };
  for (const error of result.errors) mark(error.row, 'ERROR', error.message);
  for (const note of result.skippedRows) mark(note.row, 'DUPLICATE', note.message);
  for (const note of result.flagged) mark(note.row, 'FLAGGED', note.message);
  const rows = staged.map((row) => ({
    row: row.row,
    verdict: messages.get(row.row)?.verdict ?? ('OK' as RowVerdict),
    messages: messages.get(row.row)?.messages ?? [],
    understood: row.understood,
  }));
  if (!kept) await store.stage({ sha256: fileSha256, fileName, rows: staged }, context.caller.subject);
  const count = (verdict: RowVerdict) => rows.filter((row) => row.verdict === verdict).length;
  return {
    fileSha256,
    fileName: kept?.fileName ?? fileName,
    status: kept?.committedAt ? 'COMMITTED' : result.errors.length ? 'REFUSED' : 'READY',
    committedAt: kept?.committedAt ?? null,
    summary: {
      rows: rows.length,
      ok: count('OK'),
      errors: count('ERROR'),
      duplicates: count('DUPLICATE'),
      flagged: count('FLAGGED'),
    },
    rows,
  };
}

class AlreadyCommitted extends Error {}

/** Imports a previewed file: all its rows or none; a file already committed is answered, not imported again. */
export async function commitGrantFile(context: AwardsContext, fileSha256: string): Promise<GrantImportCommit> {
  requireImporter(context);
  const store = new GrantImportFileStore(context.db);
  const sha = fileSha256.trim().toLowerCase();
  const kept = /^[0-9a-f]{64}$/.test(sha) ? await store.find(sha) : null;
  if (!kept) throw notFound('Chưa có tệp này trên hệ thống; hãy tải tệp lên và xem trước rồi mới nhập.');
  const answer = (alreadyCommitted: boolean, committedAt: string | null, result: ImportGrantsResult) =>
    Object.assign(new GrantImportCommit(), { fileSha256: sha, alreadyCommitted, committedAt, result });
  if (kept.committedAt) return answer(true, kept.committedAt, kept.result as ImportGrantsResult);
  try {
    const result = await runImport(context, kept.rows, {
      operation: 'commitGrantImport',
      // One commit at a time per file; the second waits, then finds the first's mark.
      before: async (manager) => {
        const locked = await new GrantImportFileStore(manager).find(sha, true);
        if (locked?.committedAt) throw new AlreadyCommitted();
      },
      after: (manager, result) => new GrantImportFileStore(manager).markCommitted(sha, context.caller.subject, result),
    });
    const committed = result.errors.length ? null : await store.find(sha);
    return answer(false, committed?.committedAt ?? null, result);
  } catch (error) {
    if (!(error instanceof AlreadyCommitted)) throw error;
    const again = (await store.find(sha))!;
    return answer(true, again.committedAt, again.result as ImportGrantsResult);
  }
}
