import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, searchTerms } from '@tdkt/subgraph-kit';
import { BlocMembership, EmulationBloc, EmulationBlocConnection } from '../types/bloc.types.js';
import { Organization } from '../types/organization.types.js';
import { CreateBlocInput, EmulationBlocFilter, SetBlocMembershipInput } from '../types/bloc.inputs.js';
import { PageArgs } from '../types/page.args.js';
import { normalizeCode } from '../rules/organization.rule.js';
import { requireYear } from '../services/year.js';
import type { OrganizationsContext } from '../context.js';
import { canonicalId, isUuid } from '../loaders/index.js';
import { createBloc, setBlocMembership } from '../services/bloc.service.js';

@Resolver(() => EmulationBloc)
export class BlocResolver {
  @Query(() => EmulationBloc, { nullable: true, description: 'Một khối/cụm thi đua theo mã hoặc id.' })
  async bloc(
    @Ctx() context: OrganizationsContext,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
  ): Promise<EmulationBloc | null> {
    if ((code ? 1 : 0) + (id ? 1 : 0) !== 1)
      throw badInput('Hãy cho biết đúng một trong hai: mã (code) hoặc id của khối/cụm.');
    if (id) return isUuid(id) ? context.loaders.blocById.load(canonicalId(id)) : null;
    return context.loaders.blocByCode.load(normalizeCode(code!));
  }

  @Query(() => EmulationBlocConnection, {
    nullable: true,
    description: 'Danh sách khối/cụm thi đua theo tên, có lọc và phân trang.',
  })
  async blocs(
    @Ctx() context: OrganizationsContext,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => EmulationBlocFilter, { nullable: true }) filter?: EmulationBlocFilter | null,
  ): Promise<EmulationBlocConnection> {
    const terms = searchTerms(filter?.search);
    if (filter?.year !== undefined && filter?.year !== null) requireYear(filter.year, 'filter.year');
    return context.stores.blocs.page(
      {
        searchTerms: terms,
        kind: filter?.kind,
        organizerCode: filter?.organizerCode ? normalizeCode(filter.organizerCode) : null,
        year: filter?.year,
        memberCode: filter?.memberCode ? normalizeCode(filter.memberCode) : null,
      },
      first,
      after,
    );
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Đơn vị tổ chức, chỉ đạo khối/cụm (ví dụ Ban TĐKT TW, UBND tỉnh).',
  })
  organizer(@Root() bloc: EmulationBloc, @Ctx() context: OrganizationsContext): Promise<Organization | null> {
    return context.loaders.organizationById.load(bloc.organizerId);
  }

  @FieldResolver(() => [BlocMembership], {
    description: 'Thành viên trong năm: Khối trưởng, Khối phó, rồi các thành viên theo tên.',
  })
  members(
    @Root() bloc: EmulationBloc,
    @Ctx() context: OrganizationsContext,
    @Arg('year', () => Int) year: number,
  ): Promise<BlocMembership[]> {
    requireYear(year, 'year');
    return context.loaders.membershipsByBlocYear.load(bloc.id, year);
  }

  @FieldResolver(() => [Int], { description: 'Các năm đã có danh sách thành viên.' })
  years(@Root() bloc: EmulationBloc, @Ctx() context: OrganizationsContext): Promise<number[]> {
    return context.loaders.yearsByBlocId.load(bloc.id);
  }

  @Mutation(() => EmulationBloc, { description: 'Thành lập khối/cụm thi đua.' })
  createBloc(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => CreateBlocInput) input: CreateBlocInput,
  ): Promise<EmulationBloc> {
    return createBloc(context, input);
  }

  @Mutation(() => [BlocMembership], {
    description: 'Đặt (thay thế toàn bộ) danh sách thành viên và vai trò của khối/cụm trong một năm.',
  })
  setBlocMembership(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => SetBlocMembershipInput) input: SetBlocMembershipInput,
  ): Promise<BlocMembership[]> {
    return setBlocMembership(context, input);
  }
}
