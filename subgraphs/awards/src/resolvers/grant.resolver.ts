/**
 * The ledger: grants with their award type and decision, the grants fields awards adds to persons and
 * organizations, historical imports (legacy decisions, issuers that no longer exist) and initiatives.
 */
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { auditedTransaction, badInput, cleanText, notFound, requireSignedIn, translateDatabaseError, type DirectoryOrganization, type DirectoryPersonFacts } from '@tdkt/subgraph-kit';
import {
  AwardType,
  Decision,
  Grant,
  ImportGrantsInput,
  ImportGrantsResult,
  ImportRowError,
  Initiative,
  RecordInitiativeInput,
  SubjectKind,
} from '../types/award.types.js';
import { Organization, Person, organizationRef, personRef } from '../types/federation.types.js';
import { isUuid } from '../loaders/award.loaders.js';
import { isInCallerSubtree, requireActFor, type AwardsContext } from '../context.js';

const MAX_IMPORT_ROWS = 1000;

@Resolver(() => Grant)
export class GrantResolver {
  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() grant: Grant, @Ctx() context: AwardsContext): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(grant.awardTypeCode);
  }

  @FieldResolver(() => Decision, { nullable: true })
  decision(@Root() grant: Grant, @Ctx() context: AwardsContext): Promise<Decision | null> {
    return context.loaders.decisionById.load(grant.decisionId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Cá nhân được khen (null với khen tập thể).' })
  person(@Root() grant: Grant): Person | null {
    return grant.personId ? personRef(grant.personId) : null;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Tập thể được khen (null với khen cá nhân).' })
  organization(@Root() grant: Grant): Organization | null {
    return grant.organizationId ? organizationRef(grant.organizationId) : null;
  }

  @FieldResolver(() => Organization, { description: 'Đơn vị của người được khen tại thời điểm khen (với tập thể: chính tập thể).' })
  recipientUnit(@Root() grant: Grant): Organization {
    return organizationRef(grant.recipientUnitId);
  }
}

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => Organization)
  issuer(@Root() decision: Decision): Organization {
    return organizationRef(decision.issuerOrganizationId);
  }
}

/** Fields awards adds to the organizations subgraph's Person. Grants are public (name and unit). */
@Resolver(() => Person)
export class PersonGrantsResolver {
  @FieldResolver(() => [Grant], { nullable: true, description: 'Các lần khen thưởng, theo năm.' })
  grants(@Root() person: Person, @Ctx() context: AwardsContext): Promise<Grant[]> {
    return context.loaders.grantsByPersonId.load(person.id);
  }
}

/** Fields awards adds to the organizations subgraph's Organization. */
@Resolver(() => Organization)
export class OrganizationGrantsResolver {
  @FieldResolver(() => [Grant], { nullable: true, description: 'Khen thưởng tập thể của đơn vị (trong năm, nếu có year).' })
  grants(@Root() organization: Organization, @Ctx() context: AwardsContext, @Arg('year', () => Int, { nullable: true }) year?: number | null): Promise<Grant[]> {
    return context.loaders.grantsByOrganizationYear.load(organization.id, year ?? null);
  }
}

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

@Resolver()
export class LedgerMutationResolver {
  @Mutation(() => ImportGrantsResult, {
    description: 'Nhập khen thưởng cũ (trước khi có hệ thống): mọi dòng được kiểm tra; có dòng lỗi thì không dòng nào được ghi.',
  })
  async importGrants(@Ctx() context: AwardsContext, @Arg('input', () => ImportGrantsInput) input: ImportGrantsInput): Promise<ImportGrantsResult> {
    requireSignedIn(context);
    if (input.grants.length === 0) throw badInput('Không có dòng nào để nhập.', { field: 'input.grants' });
    if (input.grants.length > MAX_IMPORT_ROWS) throw badInput(`Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng.`, { field: 'input.grants' });
    const errors: ImportRowError[] = [];
    const fail = (index: number, code: string, message: string) => errors.push(Object.assign(new ImportRowError(), { index, code, message }));
    const thisYear = new Date().getUTCFullYear();
    const prepared: PreparedRow[] = [];

    await Promise.all(
      input.grants.map(async (row, index) => {
        const awardType = await context.loaders.awardTypeByCode.load(row.awardTypeCode.trim().toUpperCase());
        if (!awardType) return fail(index, 'NOT_FOUND', `Dòng ${index + 1}: không có hình thức khen thưởng mã ${row.awardTypeCode}.`);
        if (!Number.isInteger(row.year) || row.year < 1945 || row.year > thisYear) return fail(index, 'BAD_USER_INPUT', `Dòng ${index + 1}: năm ${row.year} không hợp lệ.`);
        if (row.issuedOn < `${row.year}-01-01`) return fail(index, 'BAD_USER_INPUT', `Dòng ${index + 1}: quyết định ngày ${row.issuedOn} có trước năm thành tích ${row.year}.`);
        let number: string;
        try {
          number = cleanText(row.decisionNumber, { label: `Số quyết định (dòng ${index + 1})`, field: `input.grants[${index}].decisionNumber`, maxLength: 80 });
        } catch (error) {
          return fail(index, 'BAD_USER_INPUT', (error as Error).message);
        }
        const issuer = await context.organizations.organizationByCode.load(row.issuerCode.trim().toUpperCase());
        if (!issuer) return fail(index, 'NOT_FOUND', `Dòng ${index + 1}: không tìm thấy cơ quan ban hành mã ${row.issuerCode}.`);
        if ((row.personId ? 1 : 0) + (row.organizationCode ? 1 : 0) !== 1) {
          return fail(index, 'BAD_USER_INPUT', `Dòng ${index + 1}: cần đúng một người nhận: personId (cá nhân) hoặc organizationCode (tập thể).`);
        }
        let unit: DirectoryOrganization;
        let person: DirectoryPersonFacts | null = null;
        if (row.personId) {
          if (!awardType.subjectKinds.includes(SubjectKind.PERSON)) return fail(index, 'BAD_USER_INPUT', `Dòng ${index + 1}: ${awardType.name} không tặng cho cá nhân.`);
          person = isUuid(row.personId) ? await context.organizations.personFactsById.load(row.personId) : null;
          if (!person || !person.organization) return fail(index, 'NOT_FOUND', `Dòng ${index + 1}: không tìm thấy cá nhân ${row.personId}.`);
          unit = person.organization;
        } else {
          if (!awardType.subjectKinds.includes(SubjectKind.COLLECTIVE)) return fail(index, 'BAD_USER_INPUT', `Dòng ${index + 1}: ${awardType.name} không tặng cho tập thể.`);
          const organization = await context.organizations.organizationByCode.load(row.organizationCode!.trim().toUpperCase());
          if (!organization) return fail(index, 'NOT_FOUND', `Dòng ${index + 1}: không tìm thấy đơn vị mã ${row.organizationCode}.`);
          unit = organization;
        }
        if (context.caller.role !== 'CENTRAL_BOARD' && !(context.caller.role === 'ORG_OFFICER' && (await isInCallerSubtree(context, unit)))) {
          return fail(index, 'FORBIDDEN', `Dòng ${index + 1}: không được nhập khen thưởng cho ${unit.name} (ngoài phạm vi đơn vị mình).`);
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
    if (errors.length) return this.refused(errors);

    try {
      return await auditedTransaction(context.db, context, 'importGrants', async (manager, audit) => {
        let imported = 0;
        let skipped = 0;
        const grantIds: string[] = [];
        const rowErrors: ImportRowError[] = [];
        for (const row of prepared.sort((a, b) => a.index - b.index)) {
          // One decision per issuer and number; a legacy number seen again must carry the same date.
          const [decision] = await manager.query(
            `INSERT INTO decision (number, issued_on, issuer_organization_id, is_legacy, created_by) VALUES ($1, $2, $3, true, $4)
             ON CONFLICT (issuer_organization_id, number) DO UPDATE SET number = EXCLUDED.number
             RETURNING id, issued_on::text AS "issuedOn"`,
            [row.decisionNumber, row.issuedOn, row.issuerId, context.caller.subject],
          );
          if (decision.issuedOn !== row.issuedOn) {
            rowErrors.push(Object.assign(new ImportRowError(), { index: row.index, code: 'CONFLICT', message: `Dòng ${row.index + 1}: quyết định số ${row.decisionNumber} đã có với ngày ${decision.issuedOn}, khác ${row.issuedOn}.` }));
            continue;
          }
          const inserted: { id: string }[] = await manager.query(
            `INSERT INTO award_grant (award_type_code, person_id, organization_id, recipient_unit_id, recipient_gender, year, basis, decision_id, imported)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)
             ON CONFLICT DO NOTHING RETURNING id`,
            [row.awardTypeCode, row.personId, row.organizationId, row.unitId, row.gender, row.year, row.basis, decision.id],
          );
          if (inserted.length) {
            imported += 1;
            grantIds.push(inserted[0]!.id);
          } else skipped += 1;
        }
        // Nothing half-imported: one bad row rolls the whole batch back.
        if (rowErrors.length) throw new ImportRefused(rowErrors);
        const grants = await audit.snapshot('award_grant', null, { sql: 't.id = ANY($1::uuid[])', params: [grantIds], many: true });
        await audit.record({ entityType: 'Grant', entityId: null, before: null, after: { imported, skipped, grants } });
        return Object.assign(new ImportGrantsResult(), { imported, skipped, errors: [] });
      });
    } catch (error) {
      if (error instanceof ImportRefused) return this.refused(error.errors);
      throw translateDatabaseError(error);
    }
  }

  private refused(errors: ImportRowError[]): ImportGrantsResult {
    return Object.assign(new ImportGrantsResult(), { imported: 0, skipped: 0, errors: errors.sort((a, b) => a.index - b.index) });
  }

  @Mutation(() => Initiative, { description: 'Ghi nhận một sáng kiến, đề tài được công nhận (căn cứ cho danh hiệu Chiến sĩ thi đua).' })
  async recordInitiative(@Ctx() context: AwardsContext, @Arg('input', () => RecordInitiativeInput) input: RecordInitiativeInput): Promise<Initiative> {
    requireSignedIn(context);
    const title = cleanText(input.title, { label: 'Tên sáng kiến', field: 'input.title', maxLength: 500 });
    if (input.personIds.length === 0) throw badInput('Sáng kiến cần ít nhất một tác giả.', { field: 'input.personIds' });
    if (new Set(input.personIds.map((id) => id.toLowerCase())).size !== input.personIds.length) throw badInput('Một tác giả được liệt kê hai lần.', { field: 'input.personIds' });
    if (input.recognizedOn > new Date().toISOString().slice(0, 10)) throw badInput('Ngày công nhận không thể ở tương lai.', { field: 'input.recognizedOn' });
    const recognizer = await context.organizations.organizationByCode.load(input.recognizedByCode.trim().toUpperCase());
    if (!recognizer) throw notFound(`Không tìm thấy đơn vị công nhận mã ${input.recognizedByCode}.`, { field: 'input.recognizedByCode' });
    const authors = await Promise.all(
      input.personIds.map(async (id, index) => {
        const person = isUuid(id) ? await context.organizations.personFactsById.load(id) : null;
        if (!person || !person.organization) throw notFound(`Không tìm thấy tác giả thứ ${index + 1}.`, { field: `input.personIds[${index}]` });
        return person;
      }),
    );
    // The recording officer acts for the recognizing unit (it issued the recognition).
    await requireActFor(context, recognizer, 'ghi nhận sáng kiến');
    try {
      return await auditedTransaction(context.db, context, 'recordInitiative', async (manager, audit) => {
        const [row] = await manager.query(
          `INSERT INTO initiative (title, scope, recognized_on, recognized_by_organization_id) VALUES ($1, $2, $3, $4)
           RETURNING id, title, scope, recognized_on::text AS "recognizedOn", recognized_by_organization_id AS "recognizedByOrganizationId"`,
          [title, input.scope, input.recognizedOn, recognizer.id],
        );
        await manager.query(`INSERT INTO initiative_author (initiative_id, person_id) SELECT $1, unnest($2::uuid[])`, [row.id, authors.map((author) => author.id)]);
        await audit.record({ entityType: 'Initiative', entityId: row.id, before: null, after: { initiative: row, authorIds: authors.map((author) => author.id) } });
        return Object.assign(new Initiative(), row);
      });
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }
}

class ImportRefused extends Error {
  constructor(readonly errors: ImportRowError[]) {
    super('import refused');
  }
}

@Resolver(() => Initiative)
export class InitiativeResolver {
  @FieldResolver(() => Organization)
  recognizedBy(@Root() initiative: Initiative): Organization {
    return organizationRef(initiative.recognizedByOrganizationId);
  }
}
