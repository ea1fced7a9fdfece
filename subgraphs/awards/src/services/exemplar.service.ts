/** Exemplars (điển hình tiên tiến, gương người tốt việc tốt) recorded by the managing unit or the Central Board. */
import {
  auditedTransaction,
  badInput,
  cleanOptionalText,
  cleanText,
  isUuid,
  notFound,
  requireActFor,
  requireSignedIn,
  translateDatabaseError,
  vietnamYear,
} from '@tdkt/subgraph-kit';
import type { AwardsContext } from '../context.js';
import { createStores } from '../store/index.js';
import type { RecordExemplarInput } from '../types/exemplar.inputs.js';
import type { Exemplar } from '../types/exemplar.types.js';

export async function recordExemplar(context: AwardsContext, input: RecordExemplarInput): Promise<Exemplar> {
  requireSignedIn(context);
  if ((input.personId ? 1 : 0) + (input.organizationCode ? 1 : 0) !== 1)
    throw badInput('Cần đúng một đối tượng: personId (cá nhân) hoặc organizationCode (tập thể).', { field: 'input' });
  const field = cleanText(input.field, { label: 'Lĩnh vực', field: 'input.field', maxLength: 200 });
  const story = cleanText(input.story, {
    label: 'Thành tích',
    field: 'input.story',
    maxLength: 20000,
    multiline: true,
  });
  const model = cleanOptionalText(input.model, {
    label: 'Mô hình, cách làm hay',
    field: 'input.model',
    maxLength: 2000,
    multiline: true,
  });
  const recognizedByCode = input.recognizedByCode.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9_]{1,59}$/.test(recognizedByCode))
    throw badInput('Mã nơi tôn vinh không hợp lệ.', { field: 'input.recognizedByCode' });
  if (input.periodTo < input.periodFrom || input.periodFrom < 1945 || input.periodTo > vietnamYear())
    throw badInput('Giai đoạn không hợp lệ.', { field: 'input.periodFrom' });
  let unitId: string;
  let personId: string | null = null;
  let organizationId: string | null = null;
  if (input.personId) {
    const person = isUuid(input.personId) ? await context.organizations.personFactsById.load(input.personId) : null;
    if (!person || !person.organization) throw notFound('Không tìm thấy cá nhân này.', { field: 'input.personId' });
    await requireActFor(context, person.organization, 'ghi nhận điển hình');
    unitId = person.organization.id;
    personId = person.id;
  } else {
    const organization = await context.organizations.organizationByCode.load(
      input.organizationCode!.trim().toUpperCase(),
    );
    if (!organization)
      throw notFound(`Không tìm thấy đơn vị mã ${input.organizationCode}.`, { field: 'input.organizationCode' });
    await requireActFor(context, organization, 'ghi nhận điển hình');
    unitId = organization.id;
    organizationId = organization.id;
  }
  const grantIds = (input.grantIds ?? []).map((id) => id.toLowerCase());
  try {
    return await auditedTransaction(context.db, context, 'recordExemplar', async (manager, audit) => {
      const stores = createStores(manager);
      if (grantIds.length) {
        const owned = await stores.grants.countOwnedBy(grantIds.filter(isUuid), personId ?? organizationId);
        if (owned !== grantIds.length)
          throw badInput('Có lần khen thưởng không thuộc đối tượng này.', { field: 'input.grantIds' });
      }
      const exemplar = await stores.exemplars.insert({
        personId,
        organizationId,
        recipientUnitId: unitId,
        field,
        story,
        model,
        recognizedByKind: input.recognizedByKind,
        recognizedByCode,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        createdBy: context.caller.subject,
      });
      if (grantIds.length) await stores.exemplars.linkGrants(exemplar.id, grantIds);
      await audit.record({
        entityType: 'Exemplar',
        entityId: exemplar.id,
        before: null,
        after: { exemplar: await audit.snapshot('exemplar', exemplar.id), grantIds },
      });
      return exemplar;
    });
  } catch (error) {
    throw translateDatabaseError(error);
  }
}
