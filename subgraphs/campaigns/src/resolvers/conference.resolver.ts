import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, searchTerms } from '@tdkt/subgraph-kit';
import type { CampaignsContext } from '../context.js';
import { FIRST_YEAR } from '../rules/conference.rule.js';
import { checkComposition, type DelegateFacts } from '../rules/conference-composition.rule.js';
import { normalizeCode } from '../rules/movement.rule.js';
import {
  addConferenceDelegates,
  createConference,
  referenceYear,
  selectDelegatesForHigherConference,
} from '../services/conference.service.js';
import { ORGANIZATION_CODE } from '../services/lookups.js';
import { ConferenceDelegate } from '../types/conference-delegate.types.js';
import {
  AddConferenceDelegatesInput,
  ConferenceFilter,
  CreateConferenceInput,
  SelectDelegatesForHigherConferenceInput,
} from '../types/conference.inputs.js';
import { CompositionReport, Conference, ConferenceConnection, ConferencePageArgs } from '../types/conference.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';

const facts = (delegate: ConferenceDelegate): DelegateFacts => ({
  category: delegate.category,
  gender: delegate.gender,
  ethnicity: delegate.ethnicity,
  birthYear: delegate.birthYear,
  isDirectWorker: delegate.isDirectWorker,
  sector: delegate.sector,
});

@Resolver(() => Conference)
export class ConferenceResolver {
  @Query(() => Conference, { nullable: true, description: 'Một hội nghị, đại hội theo mã.' })
  conference(@Ctx() context: CampaignsContext, @Arg('code', () => String) code: string): Promise<Conference | null> {
    return context.loaders.conferenceByCode.load(normalizeCode(code));
  }

  @Query(() => ConferenceConnection, {
    nullable: true,
    description: 'Danh sách hội nghị, đại hội theo giai đoạn, có lọc và phân trang.',
  })
  async conferences(
    @Ctx() context: CampaignsContext,
    @Args() { first, after }: ConferencePageArgs,
    @Arg('filter', () => ConferenceFilter, { nullable: true }) filter?: ConferenceFilter | null,
  ): Promise<ConferenceConnection> {
    // A malformed search is refused before the host is looked up; an unknown host is an empty page.
    searchTerms(filter?.search);
    let hostId: string | null = null;
    if (filter?.hostCode) {
      const code = normalizeCode(filter.hostCode);
      const host = ORGANIZATION_CODE.test(code) ? await context.organizations.organizationByCode.load(code) : null;
      if (!host) return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      hostId = host.id;
    }
    if (filter?.year !== undefined && filter?.year !== null) {
      if (!Number.isInteger(filter.year) || filter.year < FIRST_YEAR || filter.year > 2100)
        throw badInput(`Năm ${filter.year} không hợp lệ.`, { field: 'filter.year' });
    }
    const page = await context.stores.conferences.page(
      { search: filter?.search, hostId, kind: filter?.kind, level: filter?.level, year: filter?.year },
      { first, after },
    );
    for (const edge of page.edges) context.loaders.conferenceById.prime(edge.node.id, edge.node);
    return page;
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị tổ chức.' })
  host(@Root() conference: Conference): Organization {
    return organizationRef(conference.hostId);
  }

  @FieldResolver(() => Conference, {
    nullable: true,
    description: 'Hội nghị, đại hội cấp trên nhận đại biểu của hội nghị này.',
  })
  feedsInto(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<Conference | null> | null {
    return conference.feedsIntoId ? context.loaders.conferenceById.load(conference.feedsIntoId) : null;
  }

  @FieldResolver(() => [Conference], { description: 'Các hội nghị cấp dưới gửi đại biểu lên hội nghị này.' })
  feeders(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<Conference[]> {
    return context.loaders.conferenceFeedersById.load(conference.id);
  }

  @FieldResolver(() => [ConferenceDelegate], { description: 'Danh sách đại biểu của hội nghị, theo số thứ tự.' })
  delegates(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<ConferenceDelegate[]> {
    return context.loaders.delegatesByConferenceId.load(conference.id);
  }

  @FieldResolver(() => [ConferenceDelegate], {
    description: 'Đại biểu do các hội nghị cấp dưới chọn lên dự hội nghị này.',
  })
  incomingDelegates(@Root() conference: Conference, @Ctx() context: CampaignsContext): Promise<ConferenceDelegate[]> {
    return context.loaders.delegatesSelectedForConferenceId.load(conference.id);
  }

  @FieldResolver(() => CompositionReport, {
    description: 'Kiểm tra số lượng, cơ cấu đại biểu (đại biểu của hội nghị và đại biểu cấp dưới chọn lên).',
  })
  async compositionReport(
    @Root() conference: Conference,
    @Ctx() context: CampaignsContext,
  ): Promise<CompositionReport> {
    const [own, incoming] = await Promise.all([
      context.loaders.delegatesByConferenceId.load(conference.id),
      context.loaders.delegatesSelectedForConferenceId.load(conference.id),
    ]);
    const report = checkComposition(
      {
        maxDelegates: conference.maxDelegates,
        minExemplarShare: conference.minExemplarShare,
        balanceFacets: conference.balanceFacets,
        referenceYear: referenceYear(conference),
      },
      [...own, ...incoming].map(facts),
    );
    return report as CompositionReport;
  }

  @Mutation(() => Conference, {
    description:
      'Tạo hội nghị điển hình tiên tiến, đại hội thi đua yêu nước… với quy định về số lượng, cơ cấu đại biểu.',
  })
  createConference(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => CreateConferenceInput) input: CreateConferenceInput,
  ): Promise<Conference> {
    return createConference(context, input);
  }

  @Mutation(() => Conference, {
    description: 'Thêm đại biểu vào danh sách (cả danh sách được ghi, hoặc không dòng nào nếu có dòng sai).',
  })
  addConferenceDelegates(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => AddConferenceDelegatesInput) input: AddConferenceDelegatesInput,
  ): Promise<Conference> {
    return addConferenceDelegates(context, input);
  }

  @Mutation(() => Conference, {
    description: 'Thông qua danh sách đại biểu đi dự hội nghị, đại hội cấp trên (thay thế danh sách đã chọn).',
  })
  selectDelegatesForHigherConference(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => SelectDelegatesForHigherConferenceInput) input: SelectDelegatesForHigherConferenceInput,
  ): Promise<Conference> {
    return selectDelegatesForHigherConference(context, input);
  }
}
