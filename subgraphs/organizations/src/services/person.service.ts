/** Adding persons to units and recording their annual ratings. */
import {
  auditedTransaction,
  badInput,
  cleanOptionalText,
  cleanText,
  notFound,
  translateDatabaseError,
} from '@tdkt/subgraph-kit';
import { requireActFor, type OrganizationsContext } from '../context.js';
import { canonicalId, isUuid } from '../loaders/index.js';
import { yearInVietnam } from '../rules/year.rule.js';
import { requireYear } from './year.js';
import { createStores } from '../store/index.js';
import type { CreatePersonInput, RecordAnnualRatingInput } from '../types/person.inputs.js';
import type { AnnualRating, Person } from '../types/person.types.js';
import { loadOrganizationByCodeOrFail } from './lookup.js';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  person_full_name_nfc: 'Họ tên không hợp lệ.',
  person_birth_year_check: 'Năm sinh không hợp lệ.',
};

export async function createPerson(context: OrganizationsContext, input: CreatePersonInput): Promise<Person> {
  const fullName = cleanText(input.fullName, { label: 'Họ tên', field: 'input.fullName', maxLength: 200 });
  const ethnicity = cleanOptionalText(input.ethnicity, { label: 'Dân tộc', field: 'input.ethnicity', maxLength: 60 });
  const position = cleanOptionalText(input.position, { label: 'Chức vụ', field: 'input.position', maxLength: 200 });
  const thisYear = yearInVietnam();
  if (
    input.birthYear !== null &&
    input.birthYear !== undefined &&
    (!Number.isInteger(input.birthYear) || input.birthYear < 1900 || input.birthYear > thisYear - 14)
  ) {
    throw badInput(`Năm sinh ${input.birthYear} không hợp lệ: phải từ 1900 đến ${thisYear - 14}.`, {
      field: 'input.birthYear',
    });
  }
  const organization = await loadOrganizationByCodeOrFail(context, input.organizationCode, 'input.organizationCode');
  await requireActFor(context, organization, 'thêm cá nhân');
  if (organization.validTo) {
    throw badInput(
      `${organization.name} đã kết thúc hoạt động ngày ${organization.validTo}; hãy chọn đơn vị kế thừa.`,
      {
        field: 'input.organizationCode',
      },
    );
  }
  try {
    return await auditedTransaction(context.db, context, 'createPerson', async (manager, audit) => {
      const saved = await createStores(manager).persons.create({
        fullName,
        gender: input.gender,
        birthYear: input.birthYear ?? null,
        ethnicity,
        organizationId: organization.id,
        position,
        isDirectWorker: input.isDirectWorker ?? false,
        isDemo: false,
      });
      await audit.recordRow('Person', 'person', saved.id);
      return saved;
    });
  } catch (error) {
    throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
  }
}

export async function recordAnnualRating(
  context: OrganizationsContext,
  input: RecordAnnualRatingInput,
): Promise<AnnualRating> {
  const person = isUuid(input.personId) ? await context.loaders.personById.load(canonicalId(input.personId)) : null;
  if (!person) throw notFound('Không tìm thấy cá nhân này.', { field: 'input.personId' });
  await requireActFor(context, await unitOfPerson(context, person), 'ghi xếp loại');
  // A year is rated at its end; the current year may be recorded (December reviews), the next may not.
  const year = requireYear(input.year, 'input.year');
  if (year > yearInVietnam()) throw badInput(`Chưa thể xếp loại năm ${year}.`, { field: 'input.year' });
  if (person.birthYear && year < person.birthYear + 14) {
    throw badInput(`Năm ${year} trước khi cá nhân đủ tuổi lao động.`, { field: 'input.year' });
  }
  try {
    return await auditedTransaction(context.db, context, 'recordAnnualRating', async (manager, audit) => {
      const ofYear = { sql: 't.person_id = $1 AND t.year = $2', params: [person.id, year] };
      const before = await audit.snapshot('annual_rating', null, ofYear);
      const rating = await createStores(manager).persons.recordRating(person.id, year, input.rating);
      await audit.record({
        entityType: 'Person',
        entityId: person.id,
        before,
        after: await audit.snapshot('annual_rating', null, ofYear),
      });
      return rating;
    });
  } catch (error) {
    throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
  }
}

/** The person's unit for the scope check; its name is loaded for officers only, whose refusal names it. */
async function unitOfPerson(context: OrganizationsContext, person: Person): Promise<{ id: string; name: string }> {
  if (context.caller.role !== 'ORG_OFFICER') return { id: person.organizationId, name: '' };
  const organization = await context.loaders.organizationById.load(person.organizationId);
  return { id: person.organizationId, name: organization?.name ?? '' };
}
