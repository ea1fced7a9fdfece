/** Founding blocs and clusters and setting their yearly membership. */
import {
  auditedTransaction,
  badInput,
  cleanText,
  forbidden,
  notFound,
  translateDatabaseError,
} from '@tdkt/subgraph-kit';
import { isInSubtreeOf, requireActFor, requireCentralBoard, type OrganizationsContext } from '../context.js';
import { checkBlocMembership } from '../rules/bloc-membership.rule.js';
import { BLOC_CODE, normalizeCode } from '../rules/organization.rule.js';
import { requireYear } from './year.js';
import { createStores } from '../store/index.js';
import type { CreateBlocInput, SetBlocMembershipInput } from '../types/bloc.inputs.js';
import type { BlocMembership, EmulationBloc } from '../types/bloc.types.js';
import type { Organization } from '../types/organization.types.js';
import { loadBlocByCodeOrFail, loadOrganizationByCodeOrFail } from './lookup.js';

export const BLOC_CONSTRAINT_MESSAGES: Record<string, string> = {
  bloc_code_key: 'Mã khối/cụm này đã tồn tại.',
  bloc_membership_one_lead: 'Mỗi khối/cụm chỉ có một Khối trưởng (Cụm trưởng) trong năm.',
  bloc_membership_one_deputy: 'Mỗi khối/cụm chỉ có một Khối phó (Cụm phó) trong năm.',
  bloc_membership_pkey: 'Một đơn vị được liệt kê hai lần.',
};

/** The unit through which the Central Board organizes the central blocs and clusters. */
const CENTRAL_BLOC_ORGANIZER = 'BTDKTTW';

/**
 * Blocs organized by Ban TĐKT Trung ương (the central blocs of ministries and of provinces) are the
 * Central Board's alone (HĐ TĐKT Trung ương organizes them through Ban TĐKT TW: HD 2746/HD-BTĐKT 2015,
 * HD 1479/HD-BTĐKT 2016); officers of the units above it in the tree (BNV, CP) do not manage them.
 * Other blocs and clusters: the organizer's officers.
 */
export async function requireManageBlocsOf(
  context: OrganizationsContext,
  organizer: Organization,
  action: string,
): Promise<void> {
  if (organizer.code === CENTRAL_BLOC_ORGANIZER)
    return requireCentralBoard(context, `${action} do Ban TĐKT Trung ương tổ chức`);
  return requireActFor(context, organizer, action);
}

export async function createBloc(context: OrganizationsContext, input: CreateBlocInput): Promise<EmulationBloc> {
  const code = normalizeCode(input.code);
  if (!BLOC_CODE.test(code))
    throw badInput('Mã khối/cụm gồm 2–60 ký tự: chữ in hoa không dấu, chữ số, dấu gạch dưới.', { field: 'input.code' });
  const name = cleanText(input.name, { label: 'Tên khối/cụm', field: 'input.name', maxLength: 300 });
  const organizer = await loadOrganizationByCodeOrFail(context, input.organizerCode, 'input.organizerCode');
  await requireManageBlocsOf(context, organizer, 'thành lập khối/cụm thi đua');
  if (organizer.validTo)
    throw badInput(`${organizer.name} đã kết thúc hoạt động ngày ${organizer.validTo}.`, {
      field: 'input.organizerCode',
    });
  try {
    return await auditedTransaction(context.db, context, 'createBloc', async (manager, audit) => {
      const saved = await createStores(manager).blocs.create({
        code,
        name,
        kind: input.kind,
        organizerId: organizer.id,
        isDemo: false,
      });
      await audit.recordRow('EmulationBloc', 'bloc', saved.id);
      return saved;
    });
  } catch (error) {
    throw translateDatabaseError(error, {
      ...BLOC_CONSTRAINT_MESSAGES,
      bloc_code_key: `Mã khối/cụm ${code} đã tồn tại.`,
    });
  }
}

export async function setBlocMembership(
  context: OrganizationsContext,
  input: SetBlocMembershipInput,
): Promise<BlocMembership[]> {
  const year = requireYear(input.year, 'input.year');
  const bloc = await loadBlocByCodeOrFail(context, input.blocCode, 'input.blocCode');
  const organizer = await context.loaders.organizationById.load(bloc.organizerId);
  if (!organizer) throw notFound('Không tìm thấy đơn vị tổ chức khối/cụm.', { field: 'input.blocCode' });
  await requireManageBlocsOf(context, organizer, 'quản lý thành viên khối/cụm');
  if (input.members.length > 500) throw badInput('Một khối/cụm có tối đa 500 thành viên.', { field: 'input.members' });
  const proposed = await Promise.all(
    input.members.map(async (member, index) => {
      const code = normalizeCode(member.organizationCode);
      return {
        index,
        code,
        role: member.role,
        organization: (await context.loaders.organizationByCode.load(code)) ?? null,
      };
    }),
  );
  // Only the Central Board composes blocs across organizations (e.g. the central blocs organized
  // through Ban TĐKT TW); an officer composes blocs of units inside the organizer's own subtree.
  if (context.caller.role !== 'CENTRAL_BOARD') {
    for (const member of proposed) {
      if (member.organization && !(await isInSubtreeOf(context, member.organization.id, bloc.organizerId))) {
        throw forbidden(
          `${member.organization.name} không thuộc đơn vị tổ chức khối/cụm; chỉ Ban TĐKT Trung ương được đưa đơn vị ngoài phạm vi vào khối/cụm.`,
          { field: `input.members[${member.index}].organizationCode` },
        );
      }
    }
  }
  const problems = checkBlocMembership(year, proposed);
  if (problems.length) {
    const first = problems[0]!;
    const details = {
      field: `input.members[${first.index}]`,
      problems: problems.map((problem) => ({ ...problem, field: `input.members[${problem.index}]` })),
    };
    throw first.code === 'UNKNOWN_ORGANIZATION'
      ? notFound(first.message, details)
      : badInput(problems.map((problem) => problem.message).join(' '), details);
  }
  try {
    await auditedTransaction(context.db, context, 'setBlocMembership', async (manager, audit) => {
      const blocs = createStores(manager).blocs;
      // Serialize concurrent replacements of the same bloc (the row lock), then replace the year's list.
      await blocs.lock(bloc.id);
      const yearOfBloc = { sql: 't.bloc_id = $1 AND t.year = $2', params: [bloc.id, year], many: true };
      const before = await audit.snapshot('bloc_membership', null, yearOfBloc);
      await blocs.replaceMembership(
        bloc.id,
        year,
        proposed.map((member) => ({ organizationId: member.organization!.id, role: member.role })),
      );
      const after = await audit.snapshot('bloc_membership', null, yearOfBloc);
      await audit.record({
        entityType: 'EmulationBloc',
        entityId: bloc.id,
        before: { year, members: before },
        after: { year, members: after },
      });
    });
  } catch (error) {
    throw translateDatabaseError(error, BLOC_CONSTRAINT_MESSAGES);
  }
  context.loaders.membershipsByBlocYear.clear(bloc.id, year);
  return context.loaders.membershipsByBlocYear.load(bloc.id, year);
}
