import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditedTransaction, badInput, cleanText, forbidden, keysetPage, notFound, translateDatabaseError, whereSearchMatches } from '@tdkt/subgraph-kit';
import { BlocMembership, EmulationBloc } from '../entities/bloc.entity.js';
import { Organization } from '../entities/organization.entity.js';
import { CreateBlocInput, EmulationBlocConnection, EmulationBlocFilter, PageArgs, SetBlocMembershipInput } from '../types/organization.types.js';
import { BLOC_CODE, normalizeCode } from '../rules/organization.rule.js';
import { checkBlocMembership } from '../rules/bloc-membership.rule.js';
import { requireYear } from '../rules/year.rule.js';
import { isInSubtreeOf, requireActFor, requireCentralBoard, type OrganizationsContext } from '../context.js';
import { canonicalId, isUuid } from '../loaders/loaders.js';
import { loadOrganizationByCodeOrFail } from './organization.resolver.js';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  bloc_code_key: 'Mã khối/cụm này đã tồn tại.',
  bloc_membership_one_lead: 'Mỗi khối/cụm chỉ có một Khối trưởng (Cụm trưởng) trong năm.',
  bloc_membership_one_deputy: 'Mỗi khối/cụm chỉ có một Khối phó (Cụm phó) trong năm.',
  bloc_membership_pkey: 'Một đơn vị được liệt kê hai lần.',
};

export async function loadBlocByCodeOrFail(context: OrganizationsContext, rawCode: string, field: string): Promise<EmulationBloc> {
  const code = normalizeCode(rawCode);
  const bloc = BLOC_CODE.test(code) ? await context.loaders.blocByCode.load(code) : null;
  if (!bloc) throw notFound(`Không tìm thấy khối/cụm thi đua có mã ${rawCode.trim() || '(trống)'}.`, { field });
  return bloc;
}

@Resolver(() => EmulationBloc)
export class BlocResolver {
  @Query(() => EmulationBloc, { nullable: true, description: 'Một khối/cụm thi đua theo mã hoặc id.' })
  async bloc(
    @Ctx() context: OrganizationsContext,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
  ): Promise<EmulationBloc | null> {
    if ((code ? 1 : 0) + (id ? 1 : 0) !== 1) throw badInput('Hãy cho biết đúng một trong hai: mã (code) hoặc id của khối/cụm.');
    if (id) return isUuid(id) ? context.loaders.blocById.load(canonicalId(id)) : null;
    return context.loaders.blocByCode.load(normalizeCode(code!));
  }

  @Query(() => EmulationBlocConnection, { description: 'Danh sách khối/cụm thi đua theo tên, có lọc và phân trang.' })
  async blocs(
    @Ctx() context: OrganizationsContext,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => EmulationBlocFilter, { nullable: true }) filter?: EmulationBlocFilter | null,
  ): Promise<EmulationBlocConnection> {
    const query = context.db.getRepository(EmulationBloc).createQueryBuilder('b');
    whereSearchMatches(query, 'b', filter?.search);
    if (filter?.kind) query.andWhere('b.kind = :kind', { kind: filter.kind });
    if (filter?.organizerCode) query.andWhere('b.organizer_id = (SELECT o.id FROM organization o WHERE o.code = :organizerCode)', { organizerCode: normalizeCode(filter.organizerCode) });
    if (filter?.year !== undefined && filter?.year !== null) {
      requireYear(filter.year, 'filter.year');
      query.andWhere('EXISTS (SELECT 1 FROM bloc_membership m WHERE m.bloc_id = b.id AND m.year = :year)', { year: filter.year });
    }
    if (filter?.memberCode) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM bloc_membership m JOIN organization o ON o.id = m.organization_id
                  WHERE m.bloc_id = b.id AND o.code = :memberCode AND (:memberYear::int IS NULL OR m.year = :memberYear))`,
        { memberCode: normalizeCode(filter.memberCode), memberYear: filter.year ?? null },
      );
    }
    return keysetPage(query, { first, after, alias: 'b', sort: [{ column: 'name', collation: 'organizations.vi', of: (row) => row.name }, { column: 'code', of: (row) => row.code }] });
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị tổ chức, chỉ đạo khối/cụm (ví dụ Ban TĐKT TW, UBND tỉnh).' })
  organizer(@Root() bloc: EmulationBloc, @Ctx() context: OrganizationsContext): Promise<Organization | null> {
    return context.loaders.organizationById.load(bloc.organizerId);
  }

  @FieldResolver(() => [BlocMembership], { description: 'Thành viên trong năm: Khối trưởng, Khối phó, rồi các thành viên theo tên.' })
  members(@Root() bloc: EmulationBloc, @Ctx() context: OrganizationsContext, @Arg('year', () => Int) year: number): Promise<BlocMembership[]> {
    requireYear(year, 'year');
    return context.loaders.membershipsByBlocYear.load(bloc.id, year);
  }

  @FieldResolver(() => [Int], { description: 'Các năm đã có danh sách thành viên.' })
  years(@Root() bloc: EmulationBloc, @Ctx() context: OrganizationsContext): Promise<number[]> {
    return context.loaders.yearsByBlocId.load(bloc.id);
  }

  @Mutation(() => EmulationBloc, { description: 'Thành lập khối/cụm thi đua.' })
  async createBloc(@Ctx() context: OrganizationsContext, @Arg('input', () => CreateBlocInput) input: CreateBlocInput): Promise<EmulationBloc> {
    const code = normalizeCode(input.code);
    if (!BLOC_CODE.test(code)) throw badInput('Mã khối/cụm gồm 2–60 ký tự: chữ in hoa không dấu, chữ số, dấu gạch dưới.', { field: 'input.code' });
    const name = cleanText(input.name, { label: 'Tên khối/cụm', field: 'input.name', maxLength: 300 });
    const organizer = await loadOrganizationByCodeOrFail(context, input.organizerCode, 'input.organizerCode');
    await requireManageBlocsOf(context, organizer, 'thành lập khối/cụm thi đua');
    if (organizer.validTo) throw badInput(`${organizer.name} đã kết thúc hoạt động ngày ${organizer.validTo}.`, { field: 'input.organizerCode' });
    try {
      return await auditedTransaction(context.db, context, 'createBloc', async (manager, audit) => {
        const repository = manager.getRepository(EmulationBloc);
        const saved = await repository.save(repository.create({ code, name, kind: input.kind, organizerId: organizer.id, isDemo: false }));
        await audit.recordRow('EmulationBloc', 'bloc', saved.id);
        return saved;
      });
    } catch (error) {
      throw translateDatabaseError(error, { ...CONSTRAINT_MESSAGES, bloc_code_key: `Mã khối/cụm ${code} đã tồn tại.` });
    }
  }

  @Mutation(() => [BlocMembership], { description: 'Đặt (thay thế toàn bộ) danh sách thành viên và vai trò của khối/cụm trong một năm.' })
  async setBlocMembership(@Ctx() context: OrganizationsContext, @Arg('input', () => SetBlocMembershipInput) input: SetBlocMembershipInput): Promise<BlocMembership[]> {
    const year = requireYear(input.year, 'input.year');
    const bloc = await loadBlocByCodeOrFail(context, input.blocCode, 'input.blocCode');
    const organizer = await context.loaders.organizationById.load(bloc.organizerId);
    if (!organizer) throw notFound('Không tìm thấy đơn vị tổ chức khối/cụm.', { field: 'input.blocCode' });
    await requireManageBlocsOf(context, organizer, 'quản lý thành viên khối/cụm');
    if (input.members.length > 500) throw badInput('Một khối/cụm có tối đa 500 thành viên.', { field: 'input.members' });
    const proposed = await Promise.all(
      input.members.map(async (member, index) => {
        const code = normalizeCode(member.organizationCode);
        return { index, code, role: member.role, organization: (await context.loaders.organizationByCode.load(code)) ?? null };
      }),
    );
    // Only the Central Board composes blocs across organizations (e.g. the central blocs organized
    // through Ban TĐKT TW); an officer composes blocs of units inside the organizer's own subtree.
    if (context.caller.role !== 'CENTRAL_BOARD') {
      for (const member of proposed) {
        if (member.organization && !(await isInSubtreeOf(context, member.organization.id, bloc.organizerId))) {
          throw forbidden(`${member.organization.name} không thuộc đơn vị tổ chức khối/cụm; chỉ Ban TĐKT Trung ương được đưa đơn vị ngoài phạm vi vào khối/cụm.`, {
            field: `input.members[${member.index}].organizationCode`,
          });
        }
      }
    }
    const problems = checkBlocMembership(year, proposed);
    if (problems.length) {
      const first = problems[0]!;
      const details = { field: `input.members[${first.index}]`, problems: problems.map((problem) => ({ ...problem, field: `input.members[${problem.index}]` })) };
      throw first.code === 'UNKNOWN_ORGANIZATION' ? notFound(first.message, details) : badInput(problems.map((problem) => problem.message).join(' '), details);
    }
    try {
      await auditedTransaction(context.db, context, 'setBlocMembership', async (manager, audit) => {
        // Serialize concurrent replacements of the same bloc (the row lock), then replace the year's list.
        await manager.query('SELECT id FROM bloc WHERE id = $1 FOR UPDATE', [bloc.id]);
        const yearOfBloc = { sql: 't.bloc_id = $1 AND t.year = $2', params: [bloc.id, year], many: true };
        const before = await audit.snapshot('bloc_membership', null, yearOfBloc);
        await manager.query('DELETE FROM bloc_membership WHERE bloc_id = $1 AND year = $2', [bloc.id, year]);
        if (proposed.length) {
          await manager.query(
            `INSERT INTO bloc_membership (bloc_id, year, organization_id, role)
             SELECT $1, $2, unnest($3::uuid[]), unnest($4::text[])`,
            [bloc.id, year, proposed.map((member) => member.organization!.id), proposed.map((member) => member.role)],
          );
        }
        await manager.query('UPDATE bloc SET version = version + 1 WHERE id = $1', [bloc.id]);
        const after = await audit.snapshot('bloc_membership', null, yearOfBloc);
        await audit.record({ entityType: 'EmulationBloc', entityId: bloc.id, before: { year, members: before }, after: { year, members: after } });
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
    context.loaders.membershipsByBlocYear.clear(bloc.id, year);
    return context.loaders.membershipsByBlocYear.load(bloc.id, year);
  }
}

@Resolver(() => BlocMembership)
export class BlocMembershipResolver {
  @FieldResolver(() => Organization, { nullable: true })
  organization(@Root() membership: BlocMembership, @Ctx() context: OrganizationsContext): Promise<Organization | null> {
    return context.loaders.organizationById.load(membership.organizationId);
  }

  @FieldResolver(() => EmulationBloc, { nullable: true })
  bloc(@Root() membership: BlocMembership, @Ctx() context: OrganizationsContext): Promise<EmulationBloc | null> {
    return context.loaders.blocById.load(membership.blocId);
  }
}

/** The unit through which the Central Board organizes the central blocs and clusters (contract README). */
const CENTRAL_BLOC_ORGANIZER = 'BTDKTTW';

/**
 * Blocs organized by Ban TĐKT Trung ương (the central blocs of ministries and of provinces) are the
 * Central Board's alone (HĐ TĐKT Trung ương organizes them through Ban TĐKT TW: HD 2746/HD-BTĐKT 2015,
 * HD 1479/HD-BTĐKT 2016; domain brief §2); officers of the units
 * above it in the tree (BNV, CP) do not manage them. Other blocs and clusters: the organizer's officers.
 */
async function requireManageBlocsOf(context: OrganizationsContext, organizer: Organization, action: string): Promise<void> {
  if (organizer.code === CENTRAL_BLOC_ORGANIZER) return requireCentralBoard(context, `${action} do Ban TĐKT Trung ương tổ chức`);
  return requireActFor(context, organizer.id, action);
}
