/** Initiatives (sáng kiến, đề tài) recognized by a unit: the basis of the Chiến sĩ thi đua titles (Luật TĐKT 2022, Arts 21–23). */
import {
  auditedTransaction,
  badInput,
  cleanText,
  isUuid,
  notFound,
  requireActFor,
  requireSignedIn,
  translateDatabaseError,
  vietnamToday,
} from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import { createStores } from '../store/index.js';
import type { RecordInitiativeInput } from '../types/grant.inputs.js';
import type { Initiative } from '../types/grant.types.js';

export async function recordInitiative(context: AwardsContext, input: RecordInitiativeInput): Promise<Initiative> {
  requireSignedIn(context);
  const title = cleanText(input.title, { label: 'Tên sáng kiến', field: 'input.title', maxLength: 500 });
  if (input.personIds.length === 0) throw badInput('Sáng kiến cần ít nhất một tác giả.', { field: 'input.personIds' });
  if (new Set(input.personIds.map((id) => id.toLowerCase())).size !== input.personIds.length)
    throw badInput('Một tác giả được liệt kê hai lần.', { field: 'input.personIds' });
  if (input.recognizedOn > vietnamToday())
    throw badInput('Ngày công nhận không thể ở tương lai.', { field: 'input.recognizedOn' });
  const recognizer = await context.organizations.organizationByCode.load(input.recognizedByCode.trim().toUpperCase());
  if (!recognizer)
    throw notFound(`Không tìm thấy đơn vị công nhận mã ${input.recognizedByCode}.`, {
      field: 'input.recognizedByCode',
    });
  // The recording officer acts for the recognizing unit (it issued the recognition): refused before the
  // authors are looked up, so an officer of another unit learns nothing about them.
  await requireActFor(context, recognizer, 'ghi nhận sáng kiến');
  const authors = await Promise.all(
    input.personIds.map(async (id, index) => {
      const person = isUuid(id) ? await context.organizations.personFactsById.load(id) : null;
      if (!person || !person.organization)
        throw notFound(`Không tìm thấy tác giả thứ ${index + 1}.`, { field: `input.personIds[${index}]` });
      return person;
    }),
  );
  try {
    return await auditedTransaction(context.db, context, 'recordInitiative', async (manager, audit) => {
      const { initiatives } = createStores(manager);
      const initiative = await initiatives.insert({
        title,
        scope: input.scope,
        recognizedOn: input.recognizedOn,
        recognizedById: recognizer.id,
      });
      await initiatives.addAuthors(
        initiative.id,
        authors.map((author) => author.id),
      );
      await audit.record({
        entityType: 'Initiative',
        entityId: initiative.id,
        before: null,
        after: { initiative, authorIds: authors.map((author) => author.id) },
      });
      return initiative;
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}
