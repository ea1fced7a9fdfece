import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { searchTerms } from '@tdkt/subgraph-kit';
import { isInCallerSubtree, type CampaignsContext } from '../context.js';
import { durationClass, normalizeCode } from '../rules/movement.rule.js';
import { ORGANIZATION_CODE } from '../services/lookups.js';
import { createMovement, registerForMovement } from '../services/movement.service.js';
import { EmulationBloc, blocRef } from '../types/emulation-bloc.stub.js';
import { MovementDurationClass, RegistrationStatus } from '../types/movement.enums.js';
import { CreateMovementInput, MovementFilter, RegisterForMovementInput } from '../types/movement.inputs.js';
import { MovementRegistration } from '../types/movement-registration.types.js';
import { Movement, MovementConnection, MovementPageArgs } from '../types/movement.types.js';
import { Organization, organizationRef } from '../types/organization.stub.js';

@Resolver(() => Movement)
export class MovementResolver {
  @Query(() => Movement, { nullable: true, description: 'Một phong trào thi đua theo mã.' })
  movement(@Ctx() context: CampaignsContext, @Arg('code', () => String) code: string): Promise<Movement | null> {
    return context.loaders.movementByCode.load(normalizeCode(code));
  }

  @Query(() => MovementConnection, {
    nullable: true,
    description: 'Danh sách phong trào theo ngày bắt đầu, có lọc và phân trang.',
  })
  async movements(
    @Ctx() context: CampaignsContext,
    @Args() { first, after }: MovementPageArgs,
    @Arg('filter', () => MovementFilter, { nullable: true }) filter?: MovementFilter | null,
  ): Promise<MovementConnection> {
    // A malformed search is refused before the launcher is looked up.
    searchTerms(filter?.search);
    let launcherId: string | null = null;
    if (filter?.launchedByCode) {
      const code = normalizeCode(filter.launchedByCode);
      const launcher = ORGANIZATION_CODE.test(code) ? await context.organizations.organizationByCode.load(code) : null;
      if (!launcher) return { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
      launcherId = launcher.id;
    }
    const page = await context.stores.movements.page(
      { search: filter?.search, launcherId, method: filter?.method, scope: filter?.scope, activeOn: filter?.activeOn },
      { first, after },
    );
    for (const edge of page.edges) context.loaders.movementById.prime(edge.node.id, edge.node);
    return page;
  }

  // Nullable: the organization's own fields come from the organizations subgraph, which may be down.
  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị phát động.' })
  launchedBy(@Root() movement: Movement): Organization {
    return organizationRef(movement.launchedById);
  }

  @FieldResolver(() => MovementDurationClass, {
    nullable: true,
    description: 'Nhóm thời gian theo biểu 0601.N/BNV-TĐKT; null khi chưa có ngày kết thúc.',
  })
  durationClass(@Root() movement: Movement): MovementDurationClass | null {
    return durationClass(movement.startDate, movement.endDate) as MovementDurationClass | null;
  }

  // Nullable: the bloc's own fields come from the organizations subgraph, which may be down.
  @FieldResolver(() => EmulationBloc, {
    nullable: true,
    description: 'Khối, cụm thi đua mà phong trào phạm vi BLOC dành cho; null với phạm vi khác.',
  })
  bloc(@Root() movement: Movement): EmulationBloc | null {
    return movement.blocId ? blocRef(movement.blocId) : null;
  }

  @FieldResolver(() => Movement, { nullable: true, description: 'Phong trào cấp trên mà phong trào này hưởng ứng.' })
  parent(@Root() movement: Movement, @Ctx() context: CampaignsContext): Promise<Movement | null> | null {
    return movement.parentId ? context.loaders.movementById.load(movement.parentId) : null;
  }

  @FieldResolver(() => [Movement], { description: 'Các phong trào cấp dưới hưởng ứng phong trào này.' })
  responses(@Root() movement: Movement, @Ctx() context: CampaignsContext): Promise<Movement[]> {
    return context.loaders.movementResponsesByParentId.load(movement.id);
  }

  @FieldResolver(() => [MovementRegistration], { description: 'Đăng ký thi đua, theo thứ tự gửi.' })
  async registrations(@Root() movement: Movement, @Ctx() context: CampaignsContext): Promise<MovementRegistration[]> {
    const registrations = await context.loaders.movementRegistrationsByMovementId.load(movement.id);
    if (
      context.caller.role === 'CENTRAL_BOARD' ||
      !registrations.some((registration) => registration.status === RegistrationStatus.DRAFT)
    )
      return registrations;
    // A draft (not yet sent) is the registrant's working paper: its staff and the launcher's see it.
    const launcher = await context.organizations.organizationById.load(movement.launchedById);
    const seesLauncher = !!context.caller.role && !!launcher && (await isInCallerSubtree(context, launcher));
    const visible = await Promise.all(
      registrations.map(async (registration) => {
        if (registration.status !== RegistrationStatus.DRAFT || seesLauncher) return true;
        if (!context.caller.role) return false;
        const registrant = await context.organizations.organizationById.load(registration.organizationId);
        return !!registrant && (await isInCallerSubtree(context, registrant));
      }),
    );
    return registrations.filter((_, index) => visible[index]);
  }

  @Mutation(() => Movement, {
    description: 'Phát động phong trào thi đua (Ban TĐKT TW; hoặc cán bộ TĐKT của đơn vị phát động).',
  })
  createMovement(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => CreateMovementInput) input: CreateMovementInput,
  ): Promise<Movement> {
    return createMovement(context, input);
  }

  @Mutation(() => MovementRegistration, {
    description: 'Đăng ký thi đua: đơn vị đăng ký cho tập thể mình, hoặc cho một cá nhân của đơn vị.',
  })
  registerForMovement(
    @Ctx() context: CampaignsContext,
    @Arg('input', () => RegisterForMovementInput) input: RegisterForMovementInput,
  ): Promise<MovementRegistration> {
    return registerForMovement(context, input);
  }
}
