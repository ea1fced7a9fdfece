import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { log, requireSignedIn, scopeReachesDescendants, searchTerms, withheld } from '@tdkt/subgraph-kit';
import { AnnualRating, Person, PersonConnection } from '../types/person.types.js';
import { Organization } from '../types/organization.types.js';
import { CreatePersonInput, PersonFilter, RecordAnnualRatingInput } from '../types/person.inputs.js';
import { PageArgs } from '../types/page.args.js';
import { Gender } from '../types/enums.js';
import { canSeePrivateDataOf, type OrganizationsContext } from '../context.js';
import { canonicalId, isUuid } from '../loaders/index.js';
import type { PersonScope } from '../store/person.store.js';
import { loadOrganizationByCodeOrFail } from '../services/lookup.js';
import { createPerson, recordAnnualRating } from '../services/person.service.js';

/**
 * Persons. The public sees the name and unit only; everything else is returned to the Central Board
 * and to staff of the person's organization subtree. Anyone else gets null with a FORBIDDEN error on
 * that field (kit access.ts `withheld`), never a null that reads as "not recorded".
 */
@Resolver(() => Person)
export class PersonResolver {
  @Query(() => Person, { nullable: true, description: 'Một cá nhân theo id.' })
  person(@Ctx() context: OrganizationsContext, @Arg('id', () => ID) id: string): Promise<Person | null> | null {
    return isUuid(id) ? context.loaders.personById.load(canonicalId(id)) : null;
  }

  @Query(() => PersonConnection, {
    nullable: true,
    description: 'Tìm cá nhân (cần đăng nhập; chỉ trong phạm vi đơn vị của mình, trừ Ban TĐKT TW).',
  })
  async persons(
    @Ctx() context: OrganizationsContext,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => PersonFilter, { nullable: true }) filter?: PersonFilter | null,
  ): Promise<PersonConnection> {
    requireSignedIn(context);
    const terms = searchTerms(filter?.search);
    const subtreeOf = filter?.organizationCode
      ? (await loadOrganizationByCodeOrFail(context, filter.organizationCode, 'filter.organizationCode')).id
      : null;
    return context.stores.persons.page(
      { searchTerms: terms, subtreeOf, scope: await personScope(context) },
      first,
      after,
    );
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị công tác.' })
  organization(@Root() person: Person, @Ctx() context: OrganizationsContext): Promise<Organization | null> {
    return context.loaders.organizationById.load(person.organizationId);
  }

  private async visible<T>(person: Person, context: OrganizationsContext, value: T, field: string): Promise<T> {
    if (await canSeePrivateDataOf(context, person.organizationId)) return value;
    throw await refusedPersonalRead(context, person, field);
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

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Người trực tiếp lao động, sản xuất, công tác. Không công khai.',
  })
  isDirectWorker(@Root() person: Person, @Ctx() context: OrganizationsContext) {
    return this.visible(person, context, person.isDirectWorker, 'isDirectWorker');
  }

  @FieldResolver(() => [AnnualRating], { nullable: true, description: 'Xếp loại hằng năm, theo năm. Không công khai.' })
  async annualRatings(@Root() person: Person, @Ctx() context: OrganizationsContext): Promise<AnnualRating[] | null> {
    if (!(await canSeePrivateDataOf(context, person.organizationId))) {
      throw await refusedPersonalRead(context, person, 'annualRatings');
    }
    return context.loaders.ratingsByPersonId.load(person.id);
  }

  @Mutation(() => Person, { description: 'Thêm cá nhân vào đơn vị.' })
  createPerson(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => CreatePersonInput) input: CreatePersonInput,
  ): Promise<Person> {
    return createPerson(context, input);
  }

  @Mutation(() => AnnualRating, { description: 'Ghi (hoặc sửa) kết quả xếp loại của một cá nhân trong một năm.' })
  recordAnnualRating(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => RecordAnnualRatingInput) input: RecordAnnualRatingInput,
  ): Promise<AnnualRating> {
    return recordAnnualRating(context, input);
  }
}

/** How a refusal names each non-public field of a person. */
const PERSONAL_FIELD_LABELS: Record<string, string> = {
  gender: 'Giới tính',
  birthYear: 'Năm sinh',
  ethnicity: 'Dân tộc',
  position: 'Chức vụ',
  isDirectWorker: 'Thông tin người trực tiếp lao động, sản xuất, công tác',
  annualRatings: 'Kết quả xếp loại hằng năm',
};

/**
 * A read of a person's non-public field that the caller may not see is refused (null with FORBIDDEN on
 * that field) and logged (who asked, for whom, which field; never the value), so the data protection
 * officer can review refused attempts to read personal data (Nghị định 13/2023/NĐ-CP on personal data).
 */
async function refusedPersonalRead(context: OrganizationsContext, person: Person, field: string) {
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
  return withheld(
    context,
    `${PERSONAL_FIELD_LABELS[field] ?? field} của cá nhân`,
    'Ban Thi đua – Khen thưởng Trung ương và cán bộ của đơn vị nơi người này công tác hoặc của đơn vị cấp trên',
  );
}

/** Staff see persons of their own subtree only (of their own unit when their scope stops there); an unknown org claim sees nobody. */
async function personScope(context: OrganizationsContext): Promise<PersonScope> {
  if (context.caller.role === 'CENTRAL_BOARD') return { kind: 'all' };
  const own = await context.callerOrganizationId();
  if (own && !scopeReachesDescendants(context)) return { kind: 'unit', organizationId: own };
  if (own) return { kind: 'subtree', organizationId: own };
  return { kind: 'none' };
}
