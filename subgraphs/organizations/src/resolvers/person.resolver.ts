import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditedTransaction, log, scopeReachesDescendants, badInput, cleanOptionalText, cleanText, keysetPage, notFound, requireSignedIn, translateDatabaseError, whereSearchMatches } from '@tdkt/subgraph-kit';
import { AnnualRating, Person } from '../entities/person.entity.js';
import { Organization } from '../entities/organization.entity.js';
import { CreatePersonInput, PageArgs, PersonConnection, PersonFilter, RecordAnnualRatingInput } from '../types/organization.types.js';
import { Gender } from '../types/enums.js';
import { requireYear, yearInVietnam } from '../rules/year.rule.js';
import { canSeePrivateDataOf, requireActFor, type OrganizationsContext } from '../context.js';
import { canonicalId, isUuid } from '../loaders/loaders.js';
import { loadOrganizationByCodeOrFail } from './organization.resolver.js';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  person_full_name_nfc: 'Họ tên không hợp lệ.',
  person_birth_year_check: 'Năm sinh không hợp lệ.',
};

/**
 * Persons. The public sees the name and unit only; everything else is returned to the Central Board
 * and to staff of the person's organization subtree, and is null for anyone else.
 */
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'Một cá nhân theo id.' })
  person(@Ctx() context: OrganizationsContext, @Arg('id', () => ID) id: string): Promise<Person | null> | null {
    return isUuid(id) ? context.loaders.personById.load(canonicalId(id)) : null;
  }

  @Query(() => PersonConnection, { description: 'Tìm cá nhân (cần đăng nhập; chỉ trong phạm vi đơn vị của mình, trừ Ban TĐKT TW).' })
  async persons(
    @Ctx() context: OrganizationsContext,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter | null,
  ): Promise<PersonConnection> {
    requireSignedIn(context);
    const query = context.db.getRepository(Person).createQueryBuilder('p');
    whereSearchMatches(query, 'p', filter?.search);
    const subtreeOf = async (organizationId: string, name: string) =>
      query.andWhere(
        `p.organization_id IN (WITH RECURSIVE down(id, depth) AS (SELECT CAST(:${name} AS uuid), 0 UNION
           SELECT o.id, down.depth + 1 FROM organization o JOIN down ON o.parent_id = down.id WHERE down.depth < 64) SELECT id FROM down)`,
        { [name]: organizationId },
      );
    if (filter?.organizationCode) {
      const organization = await loadOrganizationByCodeOrFail(context, filter.organizationCode, 'filter.organizationCode');
      await subtreeOf(organization.id, 'filterRoot');
    }
    if (context.caller.role !== 'CENTRAL_BOARD') {
      const own = context.caller.org ? await context.loaders.organizationByCode.load(context.caller.org) : null;
      // Staff see persons of their own subtree only; an unknown org claim sees nobody.
      if (own && !scopeReachesDescendants(context)) query.andWhere('p.organization_id = :scopeRoot', { scopeRoot: own.id });
      else if (own) await subtreeOf(own.id, 'scopeRoot');
      else query.andWhere('false');
    }
    return keysetPage(query, { first, after, alias: 'p', sort: [{ column: 'full_name', collation: 'organizations.vi', of: (row) => row.fullName }, { column: 'id', of: (row) => row.id }] });
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị công tác.' })
  organization(@Root() person: Person, @Ctx() context: OrganizationsContext): Promise<Organization | null> {
    return context.loaders.organizationById.load(person.organizationId);
  }

  private async visible<T>(person: Person, context: OrganizationsContext, value: T, field: string): Promise<T | null> {
    if (await canSeePrivateDataOf(context, person.organizationId)) return value;
    refusedPersonalRead(context, person, field);
    return null;
  }

  @FieldResolver(() => Gender, { nullable: true, description: 'Không công khai.' })
  gender(@Root() person: Person, @Ctx() context: OrganizationsContext) {
    return this.visible(person, context, person.gender, 'gender');
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Không công khai.' })
  birthYear(@Root() person: Person, @Ctx() context: OrganizationsContext) {
    return this.visible(person, context, person.birthYear, 'birthYear');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Không công khai.' })
  ethnicity(@Root() person: Person, @Ctx() context: OrganizationsContext) {
    return this.visible(person, context, person.ethnicity, 'ethnicity');
  }

  @FieldResolver(() => String, { nullable: true, description: 'Chức vụ. Không công khai.' })
  position(@Root() person: Person, @Ctx() context: OrganizationsContext) {
    return this.visible(person, context, person.position, 'position');
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'Người trực tiếp lao động, sản xuất, công tác. Không công khai.' })
  isDirectWorker(@Root() person: Person, @Ctx() context: OrganizationsContext) {
    return this.visible(person, context, person.isDirectWorker, 'isDirectWorker');
  }

  @FieldResolver(() => [AnnualRating], { nullable: true, description: 'Xếp loại hằng năm, theo năm. Không công khai.' })
  async annualRatings(@Root() person: Person, @Ctx() context: OrganizationsContext): Promise<AnnualRating[] | null> {
    if (!(await canSeePrivateDataOf(context, person.organizationId))) {
      refusedPersonalRead(context, person, 'annualRatings');
      return null;
    }
    return context.loaders.ratingsByPersonId.load(person.id);
  }

  @Mutation(() => Person, { description: 'Thêm cá nhân vào đơn vị.' })
  async createPerson(@Ctx() context: OrganizationsContext, @Arg('input', () => CreatePersonInput) input: CreatePersonInput): Promise<Person> {
    const fullName = cleanText(input.fullName, { label: 'Họ tên', field: 'input.fullName', maxLength: 200 });
    const ethnicity = cleanOptionalText(input.ethnicity, { label: 'Dân tộc', field: 'input.ethnicity', maxLength: 60 });
    const position = cleanOptionalText(input.position, { label: 'Chức vụ', field: 'input.position', maxLength: 200 });
    const thisYear = yearInVietnam();
    if (input.birthYear !== null && input.birthYear !== undefined && (!Number.isInteger(input.birthYear) || input.birthYear < 1900 || input.birthYear > thisYear - 14)) {
      throw badInput(`Năm sinh ${input.birthYear} không hợp lệ: phải từ 1900 đến ${thisYear - 14}.`, { field: 'input.birthYear' });
    }
    const organization = await loadOrganizationByCodeOrFail(context, input.organizationCode, 'input.organizationCode');
    await requireActFor(context, organization.id, 'thêm cá nhân');
    if (organization.validTo) {
      throw badInput(`${organization.name} đã kết thúc hoạt động ngày ${organization.validTo}; hãy chọn đơn vị kế thừa.`, { field: 'input.organizationCode' });
    }
    try {
      return await auditedTransaction(context.db, context, 'createPerson', async (manager, audit) => {
        const repository = manager.getRepository(Person);
        const saved = await repository.save(
          repository.create({
            fullName,
            gender: input.gender,
            birthYear: input.birthYear ?? null,
            ethnicity,
            organizationId: organization.id,
            position,
            isDirectWorker: input.isDirectWorker ?? false,
            isDemo: false,
          }),
        );
        await audit.recordRow('Person', 'person', saved.id);
        return saved;
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
  }

  @Mutation(() => AnnualRating, { description: 'Ghi (hoặc sửa) kết quả xếp loại của một cá nhân trong một năm.' })
  async recordAnnualRating(@Ctx() context: OrganizationsContext, @Arg('input', () => RecordAnnualRatingInput) input: RecordAnnualRatingInput): Promise<AnnualRating> {
    const person = isUuid(input.personId) ? await context.loaders.personById.load(canonicalId(input.personId)) : null;
    if (!person) throw notFound('Không tìm thấy cá nhân này.', { field: 'input.personId' });
    await requireActFor(context, person.organizationId, 'ghi xếp loại');
    // A year is rated at its end; the current year may be recorded (December reviews), the next may not.
    const year = requireYear(input.year, 'input.year');
    if (year > yearInVietnam()) throw badInput(`Chưa thể xếp loại năm ${year}.`, { field: 'input.year' });
    if (person.birthYear && year < person.birthYear + 14) throw badInput(`Năm ${year} trước khi cá nhân đủ tuổi lao động.`, { field: 'input.year' });
    try {
      return await auditedTransaction(context.db, context, 'recordAnnualRating', async (manager, audit) => {
        const ofYear = { sql: 't.person_id = $1 AND t.year = $2', params: [person.id, year] };
        const before = await audit.snapshot('annual_rating', null, ofYear);
        const [row] = await manager.query(
          `INSERT INTO annual_rating (person_id, year, rating) VALUES ($1, $2, $3)
           ON CONFLICT (person_id, year) DO UPDATE SET rating = EXCLUDED.rating, recorded_at = now()
           RETURNING person_id AS "personId", year, rating`,
          [person.id, year, input.rating],
        );
        await audit.record({ entityType: 'Person', entityId: person.id, before, after: await audit.snapshot('annual_rating', null, ofYear) });
        return Object.assign(new AnnualRating(), row);
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
  }
}

/**
 * A read of a person's non-public field that the caller may not see is answered with null and logged
 * (who asked, for whom, which field; never the value), so the data protection officer can review
 * attempts. Issue 5: "refused attempts to read them are logged".
 */
function refusedPersonalRead(context: OrganizationsContext, person: Person, field: string): void {
  log.info('personal data withheld', {
    event: 'personal_data_refused',
    subgraph: 'organizations',
    requestId: context.requestId,
    subject: context.caller.subject,
    role: context.caller.role ?? 'PUBLIC',
    org: context.caller.org,
    personId: person.id,
    field,
  });
}
