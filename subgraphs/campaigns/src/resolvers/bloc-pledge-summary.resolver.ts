/**
 * `blocPledgeSummaries(year, kind, first, after)`: the pledge year of every bloc at once, for the
 * dashboard's overview — status, members and signatures, progress against the pledged targets, the
 * first-ranked units of the closing ranking and the acclaimed leading unit.
 *
 * Cost does not depend on the number of blocs: one call to the organizations subgraph for the page of
 * blocs (context.ts blocPageOfYear), then one statement for every pledge on the page
 * (store/bloc-summary.store.ts).
 *
 * Progress, per member and pledged item with a target (`targetValue` > 0): the member's figure is its
 * latest report for the whole year ("2025"), else its latest quarter ("2025-Q3"; quarterly figures are
 * cumulative, as members report them); the item's progress is min(figure / target, 1), a member that
 * has not reported counts 0. `averageProgress` averages that over members × items; `completionRate` is
 * the share of members × items whose figure reached the target. Progress is working data of the bloc
 * (Pledge.progress shows it only to the Central Board and the members' staff): the two rates follow the
 * same rule: anyone else gets null with a FORBIDDEN error on them (`progressVisible` says so up front),
 * never a null that reads as "no targets".
 */
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, MAX_PAGE_SIZE, withheld, type Page } from '@tdkt/subgraph-kit';
import { blocPageOfYear, type CampaignsContext } from '../context.js';
import { WORKING_DATA_READERS, visiblePledge } from '../services/pledge-access.js';
import { BlocKind, BlocPledgeSummary, BlocPledgeSummaryConnection } from '../types/bloc-pledge-summary.types.js';
import { EmulationBloc, blocRef } from '../types/emulation-bloc.stub.js';
import { Organization, organizationRef } from '../types/organization.stub.js';
import { Pledge } from '../types/pledge.types.js';

@Resolver(() => BlocPledgeSummary)
export class BlocPledgeSummaryResolver {
  @FieldResolver(() => EmulationBloc, { nullable: true })
  bloc(@Root() summary: BlocPledgeSummary): EmulationBloc {
    return blocRef(summary.blocId);
  }

  @FieldResolver(() => Pledge, {
    nullable: true,
    description:
      'Giao ước của khối trong năm; null khi chưa có. Khi còn soạn thảo: chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  async pledge(@Root() summary: BlocPledgeSummary, @Ctx() context: CampaignsContext): Promise<Pledge | null> {
    return summary.pledgeId ? visiblePledge(context, await context.loaders.pledgeById.load(summary.pledgeId)) : null;
  }

  @FieldResolver()
  async averageProgress(@Root() summary: BlocPledgeSummary, @Ctx() context: CampaignsContext): Promise<number | null> {
    if (!summary.progressVisible)
      throw await withheld(context, 'Mức hoàn thành chỉ tiêu của giao ước', WORKING_DATA_READERS);
    return summary.averageProgress;
  }

  @FieldResolver()
  async completionRate(@Root() summary: BlocPledgeSummary, @Ctx() context: CampaignsContext): Promise<number | null> {
    if (!summary.progressVisible)
      throw await withheld(context, 'Tỷ lệ đạt chỉ tiêu của giao ước', WORKING_DATA_READERS);
    return summary.completionRate;
  }

  @FieldResolver(() => [Organization], {
    nullable: 'items',
    description: 'Đơn vị xếp hạng nhất khi tổng kết (đồng hạng thì nhiều đơn vị); rỗng trước khi tổng kết.',
  })
  firstRanked(@Root() summary: BlocPledgeSummary): Organization[] {
    return summary.firstRankedIds.map((id, index) => organizationRef(id, summary.firstRankedNames[index]));
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Đơn vị dẫn đầu được khối suy tôn (biểu quyết đạt gần nhất).',
  })
  leadingUnit(@Root() summary: BlocPledgeSummary): Organization | null {
    return summary.leadingUnitId ? organizationRef(summary.leadingUnitId, summary.leadingUnitNames) : null;
  }

  @Query(() => BlocPledgeSummaryConnection, {
    nullable: true,
    description:
      'Giao ước của mọi khối/cụm có danh sách thành viên trong năm (lọc theo loại), theo tên: trạng thái, ký kết, tiến độ, xếp hạng, đơn vị dẫn đầu.',
  })
  async blocPledgeSummaries(
    @Ctx() context: CampaignsContext,
    @Arg('year', () => Int) year: number,
    @Arg('kind', () => BlocKind, { nullable: true }) kind?: BlocKind | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Số khối/cụm mỗi trang (mặc định 20, tối đa ${MAX_PAGE_SIZE}).`,
    })
    first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Page<BlocPledgeSummary>> {
    if (!Number.isInteger(year) || year < 1945 || year > 2100)
      throw badInput(`Năm ${year} không hợp lệ.`, { field: 'year' });
    const seesAll = context.caller.role === 'CENTRAL_BOARD';
    const needsAncestors = !seesAll && !!context.caller.role && !!context.caller.org;
    const page = await blocPageOfYear(
      context,
      { kind: kind ?? null, year, first: first ?? null, after: after ?? null },
      needsAncestors,
    );
    const { blocs, callerId } = page;
    const visible = (members: { id: string; ancestors: { id: string }[] }[]) =>
      seesAll ||
      (!!callerId &&
        members.some(
          (member) => member.id === callerId || member.ancestors.some((ancestor) => ancestor.id === callerId),
        ));

    const members = blocs.flatMap((bloc) =>
      bloc.members.map((member) => ({ blocId: bloc.blocId, organizationId: member.id })),
    );
    await context.organizationCopy.refreshIfDue();
    const rows = await context.stores.blocSummaries.summaries(
      blocs.map((bloc) => bloc.blocId),
      year,
      members,
    );
    const byBloc = new Map(rows.map((row) => [row.bloc_id, row]));

    return {
      totalCount: page.totalCount,
      pageInfo: page.pageInfo,
      edges: blocs.map((bloc) => {
        const row = byBloc.get(bloc.blocId);
        const membersCount = bloc.members.length;
        const targetItems = row?.target_items ?? 0;
        const cells = membersCount * targetItems;
        const progressVisible = visible(bloc.members);
        return {
          cursor: bloc.cursor,
          node: Object.assign(new BlocPledgeSummary(), {
            blocId: bloc.blocId,
            pledgeId: row?.pledge_id ?? null,
            firstRankedIds: row?.first_ranked ?? [],
            firstRankedNames: row?.first_ranked_names ?? [],
            leadingUnitId: row?.leading_unit ?? null,
            leadingUnitNames: row?.leading_unit_names ?? null,
            year,
            status: row?.status ?? null,
            membersCount,
            signedCount: row?.signed ?? 0,
            signatureRate: membersCount ? (row?.signed ?? 0) / membersCount : null,
            targetItems,
            progressVisible,
            averageProgress: progressVisible && cells ? row!.progress_sum / cells : null,
            completionRate: progressVisible && cells ? row!.met / cells : null,
          }),
        };
      }),
    };
  }
}
