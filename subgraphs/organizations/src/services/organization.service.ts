/** Creating and changing organizations: validation, authorization, compare-and-swap, audit. */
import {
  auditedTransaction,
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  translateDatabaseError,
} from '@tdkt/subgraph-kit';
import { requireActFor, requireActForDescendant, requireCentralBoard, type OrganizationsContext } from '../context.js';
import { ORGANIZATION_CODE, deriveLevel, normalizeCode } from '../rules/organization.rule.js';
import { createStores } from '../store/index.js';
import type { OrganizationChanges } from '../store/organization.store.js';
import type { CreateOrganizationInput, UpdateOrganizationInput } from '../types/organization.inputs.js';
import type { Organization } from '../types/organization.types.js';
import { loadOrganizationByCodeOrFail } from './lookup.js';

export const ORGANIZATION_CONSTRAINT_MESSAGES: Record<string, string> = {
  organization_code_key: 'Mã đơn vị này đã được dùng cho một đơn vị khác.',
  organization_validity: 'Ngày kết thúc không được trước ngày thành lập.',
  organization_not_own_parent: 'Một đơn vị không thể là cấp trên của chính nó.',
};

export async function createOrganization(
  context: OrganizationsContext,
  input: CreateOrganizationInput,
): Promise<Organization> {
  const code = normalizeCode(input.code);
  if (!ORGANIZATION_CODE.test(code)) {
    throw badInput('Mã đơn vị gồm 2–40 ký tự: chữ in hoa không dấu, chữ số, dấu gạch dưới (ví dụ SO_NOI_VU_HN).', {
      field: 'input.code',
    });
  }
  const name = cleanText(input.name, { label: 'Tên đơn vị', field: 'input.name', maxLength: 300 });
  const shortName = cleanOptionalText(input.shortName, {
    label: 'Tên viết tắt',
    field: 'input.shortName',
    maxLength: 120,
  });
  const parent = input.parentCode
    ? await loadOrganizationByCodeOrFail(context, input.parentCode, 'input.parentCode')
    : null;
  if (parent) await requireActFor(context, parent, 'tạo đơn vị');
  else requireCentralBoard(context, 'tạo đơn vị cấp cao nhất (không có cấp trên)');
  const validFrom = input.validFrom ?? null;
  if (parent && validFrom && parent.validTo && parent.validTo < validFrom) {
    throw badInput(
      `Đơn vị cấp trên ${parent.name} đã kết thúc hoạt động ngày ${parent.validTo}, trước ngày thành lập ${validFrom}.`,
      {
        field: 'input.parentCode',
      },
    );
  }
  const level = input.level ?? deriveLevel(input.kind, parent?.level ?? null);
  try {
    return await auditedTransaction(context.db, context, 'createOrganization', async (manager, audit) => {
      const saved = await createStores(manager).organizations.create({
        code,
        name,
        shortName,
        kind: input.kind,
        level,
        parentId: parent?.id ?? null,
        validFrom,
        validTo: null,
        isDemo: false,
      });
      await audit.recordRow('Organization', 'organization', saved.id);
      return saved;
    });
  } catch (error) {
    throw translateDatabaseError(error, {
      ...ORGANIZATION_CONSTRAINT_MESSAGES,
      organization_code_key: `Mã đơn vị ${code} đã tồn tại.`,
    });
  }
}

export async function updateOrganization(
  context: OrganizationsContext,
  input: UpdateOrganizationInput,
): Promise<Organization> {
  const current = await loadOrganizationByCodeOrFail(context, input.code, 'input.code');
  await requireActForDescendant(context, current.id, 'sửa đơn vị');
  const changes: OrganizationChanges = {};
  if (input.name !== undefined && input.name !== null)
    changes.name = cleanText(input.name, { label: 'Tên đơn vị', field: 'input.name', maxLength: 300 });
  if (input.shortName !== undefined && input.shortName !== null) {
    changes.shortName = cleanOptionalText(input.shortName, {
      label: 'Tên viết tắt',
      field: 'input.shortName',
      maxLength: 120,
    });
  }
  if (input.kind) changes.kind = input.kind;
  if (input.level) changes.level = input.level;
  if (input.validFrom !== undefined && input.validFrom !== null) changes.validFrom = input.validFrom;
  if (input.validTo !== undefined && input.validTo !== null) changes.validTo = input.validTo;
  if (input.clearParent) {
    requireCentralBoard(context, 'đưa đơn vị lên cấp cao nhất');
    changes.parentId = null;
  } else if (input.parentCode) {
    const parent = await loadOrganizationByCodeOrFail(context, input.parentCode, 'input.parentCode');
    await requireActFor(context, parent, 'chuyển đơn vị về');
    const ancestors = await context.loaders.ancestorIdsById.load(parent.id);
    if (parent.id === current.id || ancestors.includes(current.id)) {
      throw badInput(`Không thể đặt ${parent.name} làm cấp trên: đơn vị này đang trực thuộc ${current.name}.`, {
        field: 'input.parentCode',
      });
    }
    changes.parentId = parent.id;
  }
  if (Object.keys(changes).length === 0) throw badInput('Không có thông tin nào để sửa.', { field: 'input' });
  try {
    return await auditedTransaction(context.db, context, 'updateOrganization', async (manager, audit) => {
      const organizations = createStores(manager).organizations;
      const before = await audit.snapshot('organization', current.id);
      if (changes.parentId) {
        // Re-parenting is serialized and re-checked inside the transaction: two concurrent moves
        // (A under B, B under A) must not both pass the cycle check.
        await organizations.lockReparenting();
        if (await organizations.isAtOrAbove(current.id, changes.parentId)) {
          throw badInput(`Không thể đặt đơn vị cấp trên này: ${current.name} sẽ trở thành cấp trên của chính nó.`, {
            field: 'input.parentCode',
          });
        }
      }
      const affected = await organizations.updateIfVersion(current.id, input.expectedVersion ?? null, changes);
      if (!affected) {
        const version = await organizations.versionOf(current.id);
        throw conflict(
          `${current.name} vừa được người khác sửa (phiên bản hiện tại là ${version ?? undefined}, không phải ${input.expectedVersion}). Hãy tải lại rồi sửa tiếp.`,
          { field: 'input.expectedVersion', currentVersion: version },
        );
      }
      await audit.recordRow('Organization', 'organization', current.id, before);
      return organizations.findByIdOrFail(current.id);
    });
  } catch (error) {
    throw translateDatabaseError(error, ORGANIZATION_CONSTRAINT_MESSAGES);
  }
}
