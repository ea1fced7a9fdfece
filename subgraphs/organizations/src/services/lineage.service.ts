/** Recording a merge, split, rename, dissolution or transfer of units under one legal document. */
import { auditedTransaction, badInput, cleanOptionalText, cleanText, translateDatabaseError } from '@tdkt/subgraph-kit';
import { requireActForDescendant, type OrganizationsContext } from '../context.js';
import { dayBefore } from '../rules/organization.rule.js';
import { createStores } from '../store/index.js';
import { LineageKind } from '../types/enums.js';
import type { LineageEvent } from '../types/lineage-event.types.js';
import type { RecordLineageEventInput } from '../types/organization.inputs.js';
import type { Organization } from '../types/organization.types.js';
import { loadOrganizationByCodeOrFail } from './lookup.js';
import { ORGANIZATION_CONSTRAINT_MESSAGES } from './organization.service.js';

/** The shape each kind of event must have. */
function checkShape(kind: LineageKind, predecessors: Organization[], successors: Organization[]): void {
  const distinct = new Set([...predecessors, ...successors].map((unit) => unit.id));
  switch (kind) {
    case LineageKind.DISSOLVE:
      if (successors.length) {
        throw badInput('Giải thể không có đơn vị kế thừa; dùng MERGE khi đơn vị được sáp nhập vào đơn vị khác.', {
          field: 'input.successorCodes',
        });
      }
      break;
    case LineageKind.MERGE:
      if (successors.length !== 1 || distinct.size < 2) {
        throw badInput('Sáp nhập cần ít nhất hai đơn vị trước và đúng một đơn vị sau.', {
          field: 'input.successorCodes',
        });
      }
      break;
    case LineageKind.SPLIT:
      if (predecessors.length !== 1 || distinct.size < 2) {
        throw badInput('Chia tách cần đúng một đơn vị trước và ít nhất một đơn vị mới.', {
          field: 'input.successorCodes',
        });
      }
      break;
    case LineageKind.RENAME:
      if (predecessors.length !== 1 || successors.length !== 1 || distinct.size !== 2) {
        throw badInput('Đổi tên cần đúng một mã cũ và một mã mới khác nhau.', { field: 'input' });
      }
      break;
    case LineageKind.TRANSFER:
      if (successors.length === 0) throw badInput('Chuyển giao cần đơn vị nhận.', { field: 'input.successorCodes' });
      break;
  }
}

export async function recordLineageEvent(
  context: OrganizationsContext,
  input: RecordLineageEventInput,
): Promise<LineageEvent> {
  const legalBasis = cleanText(input.legalBasis, {
    label: 'Căn cứ pháp lý',
    field: 'input.legalBasis',
    maxLength: 500,
  });
  const note = cleanOptionalText(input.note, {
    label: 'Ghi chú',
    field: 'input.note',
    maxLength: 2000,
    multiline: true,
  });
  const predecessors = await Promise.all(
    input.predecessorCodes.map((code, index) =>
      loadOrganizationByCodeOrFail(context, code, `input.predecessorCodes[${index}]`),
    ),
  );
  const successors = await Promise.all(
    input.successorCodes.map((code, index) =>
      loadOrganizationByCodeOrFail(context, code, `input.successorCodes[${index}]`),
    ),
  );
  for (const unit of [...predecessors, ...successors])
    await requireActForDescendant(context, unit.id, 'ghi nhận sắp xếp đơn vị');
  if (predecessors.length === 0)
    throw badInput('Cần ít nhất một đơn vị trước sự kiện.', { field: 'input.predecessorCodes' });
  if (
    new Set(predecessors.map((unit) => unit.id)).size !== predecessors.length ||
    new Set(successors.map((unit) => unit.id)).size !== successors.length
  ) {
    throw badInput('Một đơn vị được liệt kê hai lần trong cùng một danh sách.', { field: 'input' });
  }
  checkShape(input.kind, predecessors, successors);
  const lastDay = dayBefore(input.effectiveDate);
  for (const successor of successors) {
    if (successor.validFrom && successor.validFrom > input.effectiveDate) {
      throw badInput(
        `${successor.name} bắt đầu hoạt động ngày ${successor.validFrom}, sau ngày hiệu lực ${input.effectiveDate}.`,
        {
          field: 'input.effectiveDate',
        },
      );
    }
  }
  for (const predecessor of predecessors) {
    if (predecessor.validTo && predecessor.validTo < lastDay) {
      throw badInput(
        `${predecessor.name} đã kết thúc hoạt động ngày ${predecessor.validTo}, trước ngày hiệu lực ${input.effectiveDate}.`,
        {
          field: 'input.effectiveDate',
        },
      );
    }
  }
  const continuing = new Set(successors.map((unit) => unit.id));
  try {
    return await auditedTransaction(context.db, context, 'recordLineageEvent', async (manager, audit) => {
      const stores = createStores(manager);
      const participants = [...predecessors, ...successors].map((unit) => unit.id);
      const ofParticipants = { sql: 't.id = ANY($1::uuid[])', params: [participants], many: true };
      const before = await audit.snapshot('organization', null, ofParticipants);
      const event = await stores.lineage.createEvent({
        kind: input.kind,
        effectiveDate: input.effectiveDate,
        legalBasis,
        note,
      });
      await stores.lineage.addParticipants(event.id, [
        ...predecessors.map((unit) => ({ organizationId: unit.id, role: 'PREDECESSOR' as const })),
        ...successors.map((unit) => ({ organizationId: unit.id, role: 'SUCCESSOR' as const })),
      ]);
      // Units that do not continue end the day before the event takes effect.
      const ending = predecessors
        .filter((unit) => !continuing.has(unit.id) && unit.validTo === null)
        .map((unit) => unit.id);
      if (ending.length && input.kind !== LineageKind.TRANSFER) await stores.organizations.endOn(ending, lastDay);
      const after = await audit.snapshot('organization', null, ofParticipants);
      await audit.record({
        entityType: 'LineageEvent',
        entityId: event.id,
        before: { organizations: before },
        after: { event, organizations: after },
      });
      return event;
    });
  } catch (error) {
    throw translateDatabaseError(error, ORGANIZATION_CONSTRAINT_MESSAGES);
  }
}
