/**
 * Keeping blocs and clusters in order year after year: renaming, starting a year from last year's
 * members, and rotating the Khối trưởng and Khối phó (HD 2746/HD-BTĐKT 2015: the lead and deputy are
 * chosen among the year's members, usually handed over at the year's first conference). Each year's
 * list is kept, so the leads of past years stay readable (`EmulationBloc.leadershipHistory`).
 */
import {
  auditedTransaction,
  badInput,
  cleanText,
  conflict,
  forbidden,
  notFound,
  translateDatabaseError,
  type ScopedContext,
} from '@tdkt/subgraph-kit';
import type { EntityManager } from 'typeorm';
import { isInSubtreeOf, type OrganizationsContext } from '../context.js';
import { carryOverMembers, checkLeadershipRotation } from '../rules/bloc-membership.rule.js';
import { normalizeCode } from '../rules/organization.rule.js';
import { createStores } from '../store/index.js';
import type {
  CopyBlocMembershipInput,
  RotateBlocLeadershipInput,
  UpdateBlocInput,
} from '../types/bloc-admin.inputs.js';
import type { CopyBlocMembershipResult } from '../types/bloc-admin.types.js';
import type { BlocMembership, EmulationBloc } from '../types/bloc.types.js';
import type { Organization } from '../types/organization.types.js';
import { BLOC_CONSTRAINT_MESSAGES, requireManageBlocsOf } from './bloc.service.js';
import { loadBlocByCodeOrFail } from './lookup.js';
import { requireYear } from './year.js';

/** The bloc an input names and the caller's right to manage it (the organizer's rule of bloc.service). */
async function manageableBloc(
  context: OrganizationsContext,
  blocCode: string,
  field: string,
  action: string,
): Promise<{ bloc: EmulationBloc; organizer: Organization }> {
  const bloc = await loadBlocByCodeOrFail(context, blocCode, field);
  const organizer = await context.loaders.organizationById.load(bloc.organizerId);
  if (!organizer) throw notFound('Không tìm thấy đơn vị tổ chức khối/cụm.', { field });
  await requireManageBlocsOf(context, organizer, action);
  return { bloc, organizer };
}

/** Whether the caller may manage the bloc: what the dashboard shows or hides, never a refusal. */
export async function canManageBloc(context: OrganizationsContext, bloc: EmulationBloc): Promise<boolean> {
  if (context.caller.role !== 'CENTRAL_BOARD' && context.caller.role !== 'ORG_OFFICER') return false;
  const organizer = await context.loaders.organizationById.load(bloc.organizerId);
  if (!organizer) return false;
  try {
    await requireManageBlocsOf(context, organizer, 'quản lý khối/cụm');
    return true;
  } catch {
    return false;
  }
}

export async function updateBloc(context: OrganizationsContext, input: UpdateBlocInput): Promise<EmulationBloc> {
  const { bloc } = await manageableBloc(context, input.code, 'input.code', 'sửa khối/cụm');
  const name =
    input.name !== undefined && input.name !== null
      ? cleanText(input.name, { label: 'Tên khối/cụm', field: 'input.name', maxLength: 300 })
      : undefined;
  if (name === undefined && !input.kind) throw badInput('Không có thông tin nào để sửa.', { field: 'input' });
  try {
    await auditedTransaction(context.db, context, 'updateBloc', async (manager, audit) => {
      const stores = createStores(manager);
      const before = await audit.snapshot('bloc', bloc.id);
      const affected = await stores.blocAdmin.updateIfVersion(bloc.id, input.expectedVersion ?? null, {
        name,
        kind: input.kind ?? undefined,
      });
      if (!affected) {
        const version = await stores.blocAdmin.versionOf(bloc.id);
        throw conflict(
          `${bloc.name} vừa được người khác sửa (phiên bản hiện tại là ${version ?? undefined}, không phải ${input.expectedVersion}). Hãy tải lại rồi sửa tiếp.`,
          { field: 'input.expectedVersion', currentVersion: version },
        );
      }
      await audit.recordRow('EmulationBloc', 'bloc', bloc.id, before);
    });
  } catch (error) {
    throw translateDatabaseError(error, BLOC_CONSTRAINT_MESSAGES);
  }
  context.loaders.blocById.clear(bloc.id);
  context.loaders.blocByCode.clear(bloc.code);
  return (await context.loaders.blocById.load(bloc.id))!;
}

/** Runs `change` on a bloc-year in one audited transaction, the bloc's row locked, the year's list before and after recorded. */
async function changeBlocYear<T>(
  context: OrganizationsContext,
  operation: string,
  bloc: EmulationBloc,
  year: number,
  change: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await auditedTransaction(context.db, context, operation, async (manager, audit) => {
      await createStores(manager).blocs.lock(bloc.id);
      const yearOfBloc = { sql: 't.bloc_id = $1 AND t.year = $2', params: [bloc.id, year], many: true };
      const before = await audit.snapshot('bloc_membership', null, yearOfBloc);
      const result = await change(manager);
      const after = await audit.snapshot('bloc_membership', null, yearOfBloc);
      await audit.record({
        entityType: 'EmulationBloc',
        entityId: bloc.id,
        before: { year, members: before },
        after: { year, members: after },
      });
      return result;
    });
  } catch (error) {
    throw translateDatabaseError(error, BLOC_CONSTRAINT_MESSAGES);
  }
}

/** An officer (not the Central Board) carries over only units of the organizer's own subtree. */
async function requireWithinOrganizer(
  context: OrganizationsContext & ScopedContext,
  organizerId: string,
  units: readonly Organization[],
): Promise<void> {
  if (context.caller.role === 'CENTRAL_BOARD') return;
  for (const unit of units) {
    if (!(await isInSubtreeOf(context, unit.id, organizerId))) {
      throw forbidden(
        `${unit.name} không thuộc đơn vị tổ chức khối/cụm; chỉ Ban TĐKT Trung ương được đưa đơn vị ngoài phạm vi vào khối/cụm.`,
        { field: 'input.fromYear' },
      );
    }
  }
}

/**
 * Starts a year's list from an earlier year's (one transaction): refused when the year already has
 * members unless `replace`; units that no longer exist in the new year are left out and named.
 */
export async function copyBlocMembership(
  context: OrganizationsContext,
  input: CopyBlocMembershipInput,
): Promise<CopyBlocMembershipResult> {
  // Who may act is answered before anything about the input (an outsider hears FORBIDDEN only).
  const { bloc } = await manageableBloc(context, input.blocCode, 'input.blocCode', 'quản lý thành viên khối/cụm');
  const toYear = requireYear(input.toYear, 'input.toYear');
  if (input.fromYear !== undefined && input.fromYear !== null) {
    requireYear(input.fromYear, 'input.fromYear');
    if (input.fromYear === toYear)
      throw badInput('Năm chép từ phải khác năm cần lập danh sách.', { field: 'input.fromYear' });
  }
  const result = await changeBlocYear(context, 'copyBlocMembership', bloc, toYear, async (manager) => {
    const stores = createStores(manager);
    const existing = await stores.blocAdmin.membersOf(bloc.id, toYear);
    if (existing.length && !input.replace) {
      throw conflict(
        `${bloc.name} đã có ${existing.length} thành viên trong năm ${toYear}. Chọn “thay danh sách hiện có” nếu muốn chép đè.`,
        { field: 'input.replace' },
      );
    }
    const fromYear = input.fromYear ?? (await stores.blocAdmin.latestYearBefore(bloc.id, toYear));
    const previous = fromYear === null ? [] : await stores.blocAdmin.membersOf(bloc.id, fromYear);
    if (fromYear === null || !previous.length) {
      throw badInput(
        fromYear === null
          ? `${bloc.name} chưa có danh sách thành viên năm nào trước năm ${toYear} để chép.`
          : `${bloc.name} không có thành viên trong năm ${fromYear} để chép.`,
        { field: 'input.fromYear' },
      );
    }
    const { kept, dropped } = carryOverMembers(toYear, previous, input.keepRoles);
    await requireWithinOrganizer(
      context,
      bloc.organizerId,
      kept.map((member) => member.organization),
    );
    await stores.blocs.replaceMembership(
      bloc.id,
      toYear,
      kept.map((member) => ({ organizationId: member.organization.id, role: member.role })),
    );
    return { fromYear, leftOut: dropped.map((member) => member.organization) };
  });
  context.loaders.membershipsByBlocYear.clear(bloc.id, toYear);
  context.loaders.leadershipByBlocId.clear(bloc.id);
  return { ...result, members: await context.loaders.membershipsByBlocYear.load(bloc.id, toYear) };
}

/** Hands the year's lead and deputy roles to two of its members; the former holders stay members. */
export async function rotateBlocLeadership(
  context: OrganizationsContext,
  input: RotateBlocLeadershipInput,
): Promise<BlocMembership[]> {
  const { bloc } = await manageableBloc(context, input.blocCode, 'input.blocCode', 'đổi Khối trưởng, Khối phó');
  const year = requireYear(input.year, 'input.year');
  const leadCode = normalizeCode(input.leadCode);
  const deputyCode = input.deputyCode ? normalizeCode(input.deputyCode) : null;
  await changeBlocYear(context, 'rotateBlocLeadership', bloc, year, async (manager) => {
    const stores = createStores(manager);
    const members = await stores.blocAdmin.membersOf(bloc.id, year);
    if (!members.length) {
      throw badInput(`${bloc.name} chưa có danh sách thành viên năm ${year}; hãy lập danh sách trước.`, {
        field: 'input.year',
      });
    }
    const problems = checkLeadershipRotation(
      year,
      members.map((member) => member.organization.code),
      leadCode,
      deputyCode,
    );
    if (problems.length) {
      throw badInput(problems.map((problem) => problem.message).join(' '), {
        field: `input.${problems[0]!.field}`,
        problems: problems.map((problem) => ({ ...problem, field: `input.${problem.field}` })),
      });
    }
    const idOf = (code: string) => members.find((member) => member.organization.code === code)!.organization.id;
    await stores.blocAdmin.setLeadership(bloc.id, year, idOf(leadCode), deputyCode ? idOf(deputyCode) : null);
  });
  context.loaders.membershipsByBlocYear.clear(bloc.id, year);
  context.loaders.leadershipByBlocId.clear(bloc.id);
  return context.loaders.membershipsByBlocYear.load(bloc.id, year);
}
