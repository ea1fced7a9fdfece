/**
 * `blocPledgeSummaries(year, kind, first, after)`: the pledge year of every bloc at once, for the
 * dashboard's overview — status, members and signatures, progress against the pledged targets, the
 * first-ranked units of the closing ranking and the acclaimed leading unit.
 *
 * Cost does not depend on the number of blocs: one call to the organizations subgraph for the page of
 * blocs (their order, cursors and members that year, in Vietnamese name order like `blocs`), then one
 * statement here for every pledge on the page.
 *
 * Progress, per member and pledged item with a target (`targetValue` > 0): the member's figure is its
 * latest report for the whole year ("2025"), else its latest quarter ("2025-Q3"; quarterly figures are
 * cumulative, as reported in the seeded pledges); the item's progress is min(figure / target, 1), a
 * member that has not reported counts 0. `averageProgress` averages that over members × items;
 * `completionRate` is the share of members × items whose figure reached the target. Progress is working
 * data of the bloc (Pledge.progress shows it only to the Central Board and the members' staff): the two
 * rates follow the same rule and are null for anyone else (`progressVisible`).
 */
import { Arg, Ctx, Field, FieldResolver, Float, Int, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { badInput, Connection, MAX_PAGE_SIZE, type Page } from '@tdkt/subgraph-kit';
import { Pledge, PledgeStatus } from '../types/pledge.types.js';
import { EmulationBloc, Organization, blocRef, organizationRef } from '../types/federation.types.js';
import type { CampaignsContext } from '../context.js';

/** Same name and values as the organizations subgraph's BlocKind (federation composes them as one enum). */
export enum BlocKind {
  BLOC = 'BLOC',
  CLUSTER = 'CLUSTER',
}
registerEnumType(BlocKind, { name: 'BlocKind', valuesConfig: { BLOC: { description: 'Khối thi đua' }, CLUSTER: { description: 'Cụm thi đua' } } });

@ObjectType({ description: 'Tóm tắt giao ước thi đua của một khối/cụm trong một năm (trang tổng quan).' })
export class BlocPledgeSummary {
  blocId!: string;
  pledgeId!: string | null;
  firstRankedIds!: string[];
  leadingUnitId!: string | null;
  @Field(() => Int) year!: number;
  @Field(() => PledgeStatus, { nullable: true, description: 'Trạng thái giao ước; null khi khối chưa có giao ước năm đó.' }) status!: PledgeStatus | null;
  @Field(() => Int, { description: 'Số thành viên của khối trong năm.' }) membersCount!: number;
  @Field(() => Int, { description: 'Số thành viên đã ký giao ước.' }) signedCount!: number;
  @Field(() => Float, { nullable: true, description: 'signedCount / membersCount (0–1); null khi khối không có thành viên.' }) signatureRate!: number | null;
  @Field(() => Int, { description: 'Số nội dung giao ước có chỉ tiêu (targetValue > 0).' }) targetItems!: number;
  @Field({ description: 'Người gọi được xem tiến độ (Ban TĐKT TW, cán bộ các đơn vị thành viên); nếu không, hai tỷ lệ dưới là null.' }) progressVisible!: boolean;
  @Field(() => Float, { nullable: true, description: 'Mức hoàn thành chỉ tiêu bình quân (0–1) trên mọi thành viên × nội dung có chỉ tiêu; chưa báo cáo tính 0.' }) averageProgress!: number | null;
  @Field(() => Float, { nullable: true, description: 'Tỷ lệ (0–1) thành viên × nội dung đã đạt chỉ tiêu.' }) completionRate!: number | null;
}

@ObjectType()
export class BlocPledgeSummaryConnection extends Connection(BlocPledgeSummary, 'BlocPledgeSummary') {}

@Resolver(() => BlocPledgeSummary)
export class BlocPledgeSummaryResolver {
  @FieldResolver(() => EmulationBloc)
  bloc(@Root() summary: BlocPledgeSummary): EmulationBloc {
    return blocRef(summary.blocId);
  }

  @FieldResolver(() => Pledge, { nullable: true })
  pledge(@Root() summary: BlocPledgeSummary, @Ctx() context: CampaignsContext): Promise<Pledge | null> | null {
    return summary.pledgeId ? context.loaders.pledgeById.load(summary.pledgeId) : null;
  }

  @FieldResolver(() => [Organization], { description: 'Đơn vị xếp hạng nhất khi tổng kết (đồng hạng thì nhiều đơn vị); rỗng trước khi tổng kết.' })
  firstRanked(@Root() summary: BlocPledgeSummary): Organization[] {
    return summary.firstRankedIds.map(organizationRef);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị dẫn đầu được khối suy tôn (biểu quyết đạt gần nhất).' })
  leadingUnit(@Root() summary: BlocPledgeSummary): Organization | null {
    return summary.leadingUnitId ? organizationRef(summary.leadingUnitId) : null;
  }

  @Query(() => BlocPledgeSummaryConnection, {
    description: 'Giao ước của mọi khối/cụm có danh sách thành viên trong năm (lọc theo loại), theo tên: trạng thái, ký kết, tiến độ, xếp hạng, đơn vị dẫn đầu.',
  })
  async blocPledgeSummaries(
    @Ctx() context: CampaignsContext,
    @Arg('year', () => Int) year: number,
    @Arg('kind', () => BlocKind, { nullable: true }) kind?: BlocKind | null,
    @Arg('first', () => Int, { nullable: true, description: `Số khối/cụm mỗi trang (mặc định 20, tối đa ${MAX_PAGE_SIZE}).` }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Page<BlocPledgeSummary>> {
    if (!Number.isInteger(year) || year < 1945 || year > 2100) throw badInput(`Năm ${year} không hợp lệ.`, { field: 'year' });
    const seesAll = context.caller.role === 'CENTRAL_BOARD';
    const needsAncestors = !seesAll && !!context.caller.role && !!context.caller.org;
    // Member ids only (no organization rows) unless the caller's rights depend on where the members sit.
    type RawMember = { organization: { id: string; ancestors: { id: string }[] } | null };
    type RawPage = {
      page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: { id: string; memberIds?: string[]; members?: RawMember[] } }[] };
      caller?: { id: string } | null;
    };
    const data = await context.organizationsClient.query<RawPage>(
      `query($kind: BlocKind, $year: Int!, $first: Int, $after: String${needsAncestors ? ', $callerCode: String!' : ''}) {
         page: blocs(filter: { kind: $kind, year: $year }, first: $first, after: $after) {
           totalCount pageInfo { hasNextPage endCursor }
           edges { cursor node { id ${needsAncestors ? 'members(year: $year) { organization { id ancestors { id } } }' : 'memberIds(year: $year)'} } }
         }
         ${needsAncestors ? 'caller: organization(code: $callerCode) { id }' : ''}
       }`,
      { kind: kind ?? null, year, first: first ?? null, after: after ?? null, ...(needsAncestors ? { callerCode: context.caller.org } : {}) },
      context.internalToken,
    );
    const blocs = data.page.edges.map((edge) => ({
      cursor: edge.cursor,
      blocId: edge.node.id,
      members: edge.node.members
        ? edge.node.members.flatMap((member) => (member.organization ? [member.organization] : []))
        : (edge.node.memberIds ?? []).map((id) => ({ id, ancestors: [] as { id: string }[] })),
    }));
    const callerId = data.caller?.id ?? null;
    const visible = (members: { id: string; ancestors: { id: string }[] }[]) =>
      seesAll || (!!callerId && members.some((member) => member.id === callerId || member.ancestors.some((ancestor) => ancestor.id === callerId)));

    const pairs = blocs.flatMap((bloc) => bloc.members.map((member) => [bloc.blocId, member.id] as const));
    const rows: {
      bloc_id: string;
      pledge_id: string | null;
      status: PledgeStatus | null;
      signed: number;
      target_items: number;
      progress_sum: number;
      met: number;
      first_ranked: string[] | null;
      leading_unit: string | null;
    }[] = blocs.length
      ? await context.db.query(
          // Per pledge through its own indexes (LATERAL): the cost follows the page, not the table sizes.
          `WITH b(bloc_id) AS (SELECT DISTINCT unnest($1::uuid[])),
           members AS (
             SELECT m.bloc_id, array_agg(m.organization_id) AS ids FROM unnest($3::uuid[], $4::uuid[]) AS m(bloc_id, organization_id) GROUP BY m.bloc_id
           )
           SELECT b.bloc_id, p.id AS pledge_id, p.status,
                  coalesce(signed.n, 0) AS signed, coalesce(targets.n, 0) AS target_items,
                  coalesce(progress.progress_sum, 0) AS progress_sum, coalesce(progress.met, 0) AS met,
                  first_ranked.ids AS first_ranked, acclaimed.candidate_organization_id AS leading_unit
             FROM b
             LEFT JOIN pledge p ON p.bloc_id = b.bloc_id AND p.year = $2
             LEFT JOIN members mb ON mb.bloc_id = b.bloc_id
             LEFT JOIN LATERAL (
               SELECT count(*)::int AS n FROM pledge_signature s WHERE s.pledge_id = p.id AND s.organization_id = ANY (mb.ids)
             ) signed ON true
             LEFT JOIN LATERAL (SELECT count(*)::int AS n FROM pledge_item i WHERE i.pledge_id = p.id AND i.target_value > 0) targets ON true
             LEFT JOIN LATERAL (
               SELECT sum(greatest(least(f.value / f.target, 1), 0))::float8 AS progress_sum, count(*) FILTER (WHERE f.value >= f.target)::int AS met
                 FROM (
                   -- A member's figure for an item: the whole-year report, else the latest quarter; the latest revision.
                   SELECT DISTINCT ON (r.organization_id, r.item_code) r.value, i.target_value AS target
                     FROM pledge_item i JOIN progress_report r ON r.pledge_id = i.pledge_id AND r.item_code = i.code
                    WHERE i.pledge_id = p.id AND i.target_value > 0 AND r.organization_id = ANY (mb.ids)
                    ORDER BY r.organization_id, r.item_code, (r.period ~ '-Q'), r.period DESC, r.revision DESC
                 ) f
             ) progress ON true
             LEFT JOIN LATERAL (
               SELECT array_agg(r.organization_id ORDER BY r.organization_id) AS ids FROM pledge_ranking r WHERE r.pledge_id = p.id AND r.rank = 1
             ) first_ranked ON true
             LEFT JOIN LATERAL (
               SELECT v.candidate_organization_id FROM bloc_vote v WHERE v.pledge_id = p.id AND v.passed ORDER BY v.voted_on DESC, v.recorded_at DESC LIMIT 1
             ) acclaimed ON true`,
          [blocs.map((bloc) => bloc.blocId), year, pairs.map(([blocId]) => blocId), pairs.map(([, organizationId]) => organizationId)],
        )
      : [];
    const byBloc = new Map(rows.map((row) => [row.bloc_id, row]));

    return {
      totalCount: data.page.totalCount,
      pageInfo: data.page.pageInfo,
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
            leadingUnitId: row?.leading_unit ?? null,
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
