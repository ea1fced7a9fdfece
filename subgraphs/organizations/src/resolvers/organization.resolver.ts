import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate, badInput, searchTerms } from '@tdkt/subgraph-kit';
import { Organization, OrganizationConnection } from '../types/organization.types.js';
import { LineageEvent } from '../types/lineage-event.types.js';
import { BlocMembership } from '../types/bloc.types.js';
import {
  CreateOrganizationInput,
  OrganizationFilter,
  RecordLineageEventInput,
  UpdateOrganizationInput,
} from '../types/organization.inputs.js';
import { PageArgs } from '../types/page.args.js';
import { isValidOn, normalizeCode } from '../rules/organization.rule.js';
import { unitSearchConditions } from '../rules/unit-search.rule.js';
import { requireYear } from '../services/year.js';
import type { OrganizationsContext } from '../context.js';
import { canonicalId, isUuid } from '../loaders/index.js';
import { createOrganization, updateOrganization } from '../services/organization.service.js';
import { recordLineageEvent } from '../services/lineage.service.js';
import { byName, found } from './order.js';

@Resolver(() => Organization)
export class OrganizationResolver {
  // ------------------------------------------------------------------ queries

  @Query(() => Organization, { nullable: true, description: 'Một đơn vị theo mã hoặc id.' })
  async organization(
    @Ctx() context: OrganizationsContext,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
  ): Promise<Organization | null> {
    if ((code ? 1 : 0) + (id ? 1 : 0) !== 1)
      throw badInput('Hãy cho biết đúng một trong hai: mã (code) hoặc id của đơn vị.');
    if (id) return isUuid(id) ? context.loaders.organizationById.load(canonicalId(id)) : null;
    return context.loaders.organizationByCode.load(normalizeCode(code!));
  }

  @Query(() => OrganizationConnection, {
    nullable: true,
    description: 'Danh sách đơn vị theo tên (thứ tự tiếng Việt), có lọc và phân trang.',
  })
  async organizations(
    @Ctx() context: OrganizationsContext,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter | null,
  ): Promise<OrganizationConnection> {
    const page = await context.stores.organizations.page(
      {
        // Officers' forms of unit names: abbreviations, kind words, the old name of Huế.
        searchTerms: unitSearchConditions(searchTerms(filter?.search)),
        kinds: filter?.kinds,
        level: filter?.level,
        parentCode: filter?.parentCode ? normalizeCode(filter.parentCode) : null,
        activeOn: filter?.activeOn,
      },
      first,
      after,
    );
    for (const edge of page.edges) context.loaders.organizationById.prime(edge.node.id, edge.node);
    return page;
  }

  // ------------------------------------------------------------------ fields

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị cấp trên trực tiếp.' })
  parent(
    @Root() organization: Organization,
    @Ctx() context: OrganizationsContext,
  ): Promise<Organization | null> | null {
    return organization.parentId ? context.loaders.organizationById.load(organization.parentId) : null;
  }

  @FieldResolver(() => [Organization], {
    description: 'Các đơn vị cấp trên, từ gần đến xa (cấp trên trực tiếp trước).',
  })
  async ancestors(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    const ids = await context.loaders.ancestorIdsById.load(organization.id);
    return found(await context.loaders.organizationById.loadMany(ids));
  }

  @FieldResolver(() => [ID], {
    description: 'Id của mọi đơn vị thuộc cây đơn vị này (mọi cấp, không gồm chính nó), cho thống kê.',
  })
  descendantIds(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<string[]> {
    return context.loaders.descendantIdsById.load(organization.id);
  }

  @FieldResolver(() => [Organization], { description: 'Đơn vị trực thuộc trực tiếp, theo tên.' })
  async children(
    @Root() organization: Organization,
    @Ctx() context: OrganizationsContext,
    @Arg('activeOn', () => GraphQLLocalDate, {
      nullable: true,
      description: 'Chỉ các đơn vị còn tồn tại vào ngày này.',
    })
    activeOn?: string | null,
  ): Promise<Organization[]> {
    const children = await context.loaders.childrenByParentId.load(organization.id);
    return activeOn ? children.filter((child) => isValidOn(child, activeOn)) : children;
  }

  @FieldResolver(() => [Organization], { description: 'Các đơn vị đã sáp nhập vào / được kế thừa bởi đơn vị này.' })
  async predecessors(
    @Root() organization: Organization,
    @Ctx() context: OrganizationsContext,
  ): Promise<Organization[]> {
    return this.linked(organization, context, 'PREDECESSOR');
  }

  @FieldResolver(() => [Organization], { description: 'Các đơn vị kế thừa đơn vị này.' })
  async successors(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    return this.linked(organization, context, 'SUCCESSOR');
  }

  private async linked(
    organization: Organization,
    context: OrganizationsContext,
    direction: 'PREDECESSOR' | 'SUCCESSOR',
  ): Promise<Organization[]> {
    const links = await context.loaders.lineageLinksByOrganizationId.load(organization.id);
    const ids = [...new Set(links.filter((link) => link.direction === direction).map((link) => link.otherId))];
    return found(await context.loaders.organizationById.loadMany(ids)).sort(byName);
  }

  @FieldResolver(() => [LineageEvent], { description: 'Các sự kiện sắp xếp mà đơn vị tham gia, theo ngày hiệu lực.' })
  lineage(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<LineageEvent[]> {
    return context.loaders.lineageEventsByOrganizationId.load(organization.id);
  }

  @FieldResolver(() => [BlocMembership], { description: 'Khối/cụm thi đua mà đơn vị là thành viên trong năm.' })
  blocMemberships(
    @Root() organization: Organization,
    @Ctx() context: OrganizationsContext,
    @Arg('year', () => Int) year: number,
  ): Promise<BlocMembership[]> {
    requireYear(year, 'year');
    return context.loaders.membershipsByOrganizationYear.load(organization.id, year);
  }

  // ------------------------------------------------------------------ mutations

  @Mutation(() => Organization, {
    description: 'Tạo đơn vị mới (Ban TĐKT TW; hoặc cán bộ TĐKT tạo đơn vị trực thuộc đơn vị mình).',
  })
  createOrganization(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput,
  ): Promise<Organization> {
    return createOrganization(context, input);
  }

  @Mutation(() => Organization, {
    description: 'Sửa thông tin đơn vị; gửi expectedVersion để không ghi đè thay đổi của người khác.',
  })
  updateOrganization(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput,
  ): Promise<Organization> {
    return updateOrganization(context, input);
  }

  @Mutation(() => LineageEvent, {
    description: 'Ghi nhận sáp nhập, chia tách, đổi tên, giải thể hoặc chuyển giao đơn vị theo một văn bản.',
  })
  recordLineageEvent(
    @Ctx() context: OrganizationsContext,
    @Arg('input', () => RecordLineageEventInput) input: RecordLineageEventInput,
  ): Promise<LineageEvent> {
    return recordLineageEvent(context, input);
  }
}
