import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { badInput, cleanOptionalText, cleanText, keysetPage, notFound, translateDatabaseError, whereSearchMatches, type Page } from '@tdkt/subgraph-kit';
import { Movement, MovementRegistration } from '../entities/movement.entity.js';
import { CreateMovementInput, MovementConnection, MovementFilter, MovementPageArgs, RegisterForMovementInput } from '../types/movement.types.js';
import { MovementDurationClass, RegistrationStatus } from '../types/campaign-enums.movements.js';
import { Organization, Person, organizationRef, personRef } from '../types/federation.types.js';
import { MOVEMENT_CODE, checkMovement, checkRegistration, durationClass, normalizeCode, type MovementProblem } from '../rules/movement.rule.js';
import { requireActFor, type CampaignsContext } from '../context.js';
import type { DirectoryOrganization } from '../directory/organizations.directory.js';
import { isUuid } from '../loaders/movement.loaders.js';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  movement_code_key: 'Mã phong trào này đã được dùng cho một phong trào khác.',
  movement_dates_check: 'Ngày kết thúc không được trước ngày bắt đầu.',
  movement_years_check: 'Thời gian phong trào phải từ năm 1945 đến năm 2100.',
  movement_registration_person_key: 'Cá nhân này đã đăng ký thi đua trong phong trào này.',
  movement_registration_organization_key: 'Đơn vị này đã đăng ký thi đua trong phong trào này.',
};

/** Same format as the organizations subgraph's codes; anything else cannot be a unit. */
const ORGANIZATION_CODE = /^[A-Z0-9][A-Z0-9_]{1,39}$/;

/** A unit by code, read live from the organizations subgraph on behalf of the caller. */
export async function directoryOrganizationOrFail(context: CampaignsContext, rawCode: string, field: string): Promise<DirectoryOrganization> {
  const code = normalizeCode(rawCode);
  const unit = ORGANIZATION_CODE.test(code) ? await context.organizations.organizationByCode.load(code) : null;
  if (!unit) throw notFound(`Không tìm thấy đơn vị có mã ${rawCode.trim() || '(trống)'}.`, { field });
  return unit;
}

/** The first problem a rule found, as the error an officer sees; every problem travels in extensions. */
export function refuse(problems: MovementProblem[]): never {
  const first = problems[0]!;
  throw badInput(problems.map((problem) => problem.message).join(' '), { field: first.field, problems });
}

/** Today in Việt Nam (UTC+7): a movement ending "today" still takes registrations until midnight there. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const EMPTY_PAGE: Page<Movement> = { totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } };

@Resolver(() => Movement)
export class MovementResolver {
  @Query(() => Movement, { nullable: true, description: 'Một phong trào thi đua theo mã.' })
  movement(@Ctx() context: CampaignsContext, @Arg('code', () => String) code: string): Promise<Movement | null> {
    return context.loaders.movementByCode.load(normalizeCode(code));
  }

  @Query(() => MovementConnection, { description: 'Danh sách phong trào theo ngày bắt đầu, có lọc và phân trang.' })
  async movements(
    @Ctx() context: CampaignsContext,
    @Args() { first, after }: MovementPageArgs,
    @Arg('filter', () => MovementFilter, { nullable: true }) filter?: MovementFilter | null,
  ): Promise<MovementConnection> {
    const query = context.db.getRepository(Movement).createQueryBuilder('m');
    whereSearchMatches(query, 'm', filter?.search);
    if (filter?.launchedByCode) {
      const code = normalizeCode(filter.launchedByCode);
      const launcher = ORGANIZATION_CODE.test(code) ? await context.organizations.organizationByCode.load(code) : null;
      if (!launcher) return EMPTY_PAGE;
      query.andWhere('m.launched_by_id = :launcherId', { launcherId: launcher.id });
    }
    if (filter?.method) query.andWhere('m.method = :method', { method: filter.method });
    if (filter?.scope) query.andWhere('m.scope = :scope', { scope: filter.scope });
    if (filter?.activeOn) query.andWhere('m.start_date <= :activeOn AND (m.end_date IS NULL OR m.end_date >= :activeOn)', { activeOn: filter.activeOn });
    const page = await keysetPage(query, { first, after, alias: 'm', sort: [{ column: 'start_date', of: (row) => row.startDate }, { column: 'code', of: (row) => row.code }] });
    for (const edge of page.edges) context.loaders.movementById.prime(edge.node.id, edge.node);
    return page;
  }

  // Nullable: the organization's own fields come from the organizations subgraph, which may be down.
  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị phát động.' })
  launchedBy(@Root() movement: Movement): Organization {
    return organizationRef(movement.launchedById);
  }

  @FieldResolver(() => MovementDurationClass, { nullable: true, description: 'Nhóm thời gian theo biểu 0601.N/BNV-TĐKT; null khi chưa có ngày kết thúc.' })
  durationClass(@Root() movement: Movement): MovementDurationClass | null {
    return durationClass(movement.startDate, movement.endDate) as MovementDurationClass | null;
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
  registrations(@Root() movement: Movement, @Ctx() context: CampaignsContext): Promise<MovementRegistration[]> {
    return context.loaders.movementRegistrationsByMovementId.load(movement.id);
  }

  @Mutation(() => Movement, { description: 'Phát động phong trào thi đua (Ban TĐKT TW; hoặc cán bộ TĐKT của đơn vị phát động).' })
  async createMovement(@Ctx() context: CampaignsContext, @Arg('input', () => CreateMovementInput) input: CreateMovementInput): Promise<Movement> {
    const code = normalizeCode(input.code);
    if (!MOVEMENT_CODE.test(code)) {
      throw badInput('Mã phong trào gồm 2–60 ký tự: chữ in hoa không dấu, chữ số, dấu gạch dưới (ví dụ NOI_CHINH_TW_2021).', { field: 'input.code' });
    }
    const title = cleanText(input.title, { label: 'Tên phong trào', field: 'input.title', maxLength: 500 });
    const theme = cleanOptionalText(input.theme, { label: 'Chủ đề', field: 'input.theme', maxLength: 500 });
    const source = cleanOptionalText(input.source, { label: 'Văn bản phát động', field: 'input.source', maxLength: 1000 });
    const launcher = await directoryOrganizationOrFail(context, input.organizationCode, 'input.organizationCode');
    await requireActFor(context, launcher, 'phát động phong trào');
    const parent = input.parentCode ? await context.loaders.movementByCode.load(normalizeCode(input.parentCode)) : null;
    if (input.parentCode && !parent) throw notFound(`Không tìm thấy phong trào có mã ${input.parentCode.trim() || '(trống)'}.`, { field: 'input.parentCode' });
    const endDate = input.endDate ?? null;
    const launchedOn = input.launchedOn ?? null;
    const problems = checkMovement({ startDate: input.startDate, endDate, launchedOn, launcher, parent });
    if (problems.length) refuse(problems);
    try {
      return await context.db.transaction((manager) => {
        const repository = manager.getRepository(Movement);
        return repository.save(
          repository.create({
            code,
            title,
            theme,
            launchedById: launcher.id,
            launchLevel: input.launchLevel,
            method: input.method,
            scope: input.scope,
            startDate: input.startDate,
            endDate,
            launchedOn,
            parentId: parent?.id ?? null,
            source,
            isDemo: false,
          }),
        );
      });
    } catch (error) {
      throw translateDatabaseError(error, { ...CONSTRAINT_MESSAGES, movement_code_key: `Mã phong trào ${code} đã tồn tại.` });
    }
  }

  @Mutation(() => MovementRegistration, { description: 'Đăng ký thi đua: đơn vị đăng ký cho tập thể mình, hoặc cho một cá nhân của đơn vị.' })
  async registerForMovement(@Ctx() context: CampaignsContext, @Arg('input', () => RegisterForMovementInput) input: RegisterForMovementInput): Promise<MovementRegistration> {
    const movement = await context.loaders.movementByCode.load(normalizeCode(input.movementCode));
    if (!movement) throw notFound(`Không tìm thấy phong trào có mã ${input.movementCode.trim() || '(trống)'}.`, { field: 'input.movementCode' });
    const registrant = await directoryOrganizationOrFail(context, input.organizationCode, 'input.organizationCode');
    await requireActFor(context, registrant, 'đăng ký thi đua');
    const personId = input.personId ?? null;
    if (personId !== null && !isUuid(personId)) throw badInput('Mã cá nhân (personId) không hợp lệ.', { field: 'input.personId' });
    if (personId !== null) {
      // A unit registers its own people: the person must exist and work in the registrant's subtree.
      const person = await context.organizations.personById.load(personId);
      if (!person) throw notFound('Không tìm thấy cá nhân này.', { field: 'input.personId' });
      const unit = person.organization;
      if (!unit || (unit.id !== registrant.id && !unit.ancestorIds.includes(registrant.id))) {
        throw badInput(`${person.fullName} không công tác tại ${registrant.name} hoặc đơn vị trực thuộc.`, { field: 'input.personId' });
      }
    }
    const status = input.status ?? RegistrationStatus.SUBMITTED;
    if (status !== RegistrationStatus.DRAFT && status !== RegistrationStatus.SUBMITTED) {
      throw badInput('Bản đăng ký mới chỉ có thể là DRAFT (đang soạn) hoặc SUBMITTED (gửi); việc chấp thuận hay trả lại do cấp phát động quyết định.', { field: 'input.status' });
    }
    const note = cleanOptionalText(input.note, { label: 'Ghi chú', field: 'input.note', maxLength: 2000, multiline: true });
    const problems = checkRegistration({
      movement: { title: movement.title, scope: movement.scope, startDate: movement.startDate, endDate: movement.endDate, launcherId: movement.launchedById },
      registrant,
      today: todayInVietnam(),
    });
    if (problems.length) refuse(problems);
    try {
      return await context.db.transaction((manager) => {
        const repository = manager.getRepository(MovementRegistration);
        return repository.save(repository.create({ movementId: movement.id, organizationId: registrant.id, personId, status, note, isDemo: false }));
      });
    } catch (error) {
      const who = personId ? 'Cá nhân này' : registrant.name;
      throw translateDatabaseError(error, {
        ...CONSTRAINT_MESSAGES,
        movement_registration_person_key: `${who} đã đăng ký thi đua trong phong trào "${movement.title}".`,
        movement_registration_organization_key: `${who} đã đăng ký thi đua trong phong trào "${movement.title}".`,
      });
    }
  }
}

@Resolver(() => MovementRegistration)
export class MovementRegistrationResolver {
  @FieldResolver(() => Movement, { nullable: true })
  movement(@Root() registration: MovementRegistration, @Ctx() context: CampaignsContext): Promise<Movement | null> {
    return context.loaders.movementById.load(registration.movementId);
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị đăng ký (với cá nhân: đơn vị đăng ký cho người đó).' })
  organization(@Root() registration: MovementRegistration): Organization {
    return organizationRef(registration.organizationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: 'Cá nhân đăng ký; null khi tập thể đăng ký.' })
  person(@Root() registration: MovementRegistration): Person | null {
    return registration.personId ? personRef(registration.personId) : null;
  }
}

/** Fields that campaigns contributes to the organizations subgraph's Organization. */
@Resolver(() => Organization)
export class OrganizationMovementsResolver {
  // Nullable at the boundary (README: one subgraph being down never blanks a whole answer).
  @FieldResolver(() => [Movement], { nullable: true, description: 'Phong trào thi đua do đơn vị phát động, theo ngày bắt đầu.' })
  movementsLaunched(@Root() organization: Organization, @Ctx() context: CampaignsContext): Promise<Movement[]> {
    return context.loaders.movementsByLauncherId.load(organization.id);
  }
}
