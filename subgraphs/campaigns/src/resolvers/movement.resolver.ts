import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { auditedTransaction, badInput, cleanOptionalText, cleanText, conflict, forbidden, keysetPage, notFound, requireSignedIn, translateDatabaseError, whereSearchMatches, type Page } from '@tdkt/subgraph-kit';
import { Movement, MovementRegistration } from '../entities/movement.entity.js';
import { CreateMovementInput, MovementConnection, MovementFilter, MovementPageArgs, RegisterForMovementInput, ReviewRegistrationInput } from '../types/movement.types.js';
import { MovementDurationClass, MovementScope, RegistrationStatus } from '../types/campaign-enums.movements.js';
import { EmulationBloc, Organization, Person, blocRef, organizationRef, personRef } from '../types/federation.types.js';
import { MOVEMENT_CODE, blocMembershipYear, checkMovement, checkRegistration, checkReview, durationClass, normalizeCode, type MovementProblem } from '../rules/movement.rule.js';
import { isInCallerSubtree, requireActFor, type CampaignsContext } from '../context.js';
import type { DirectoryOrganization } from '@tdkt/subgraph-kit';
import { isUuid } from '../loaders/movement.loaders.js';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  movement_code_key: 'Mã phong trào này đã được dùng cho một phong trào khác.',
  movement_dates_check: 'Ngày kết thúc không được trước ngày bắt đầu.',
  movement_years_check: 'Thời gian phong trào phải từ năm 1945 đến năm 2100.',
  movement_registration_person_key: 'Cá nhân này đã đăng ký thi đua trong phong trào này.',
  movement_registration_organization_key: 'Đơn vị này đã đăng ký thi đua trong phong trào này.',
  movement_bloc_check: 'Phong trào phạm vi khối, cụm thi đua phải ghi khối, cụm; phong trào phạm vi khác không ghi.',
  movement_registration_review_reason_nfc: 'Lý do dài quá 2000 ký tự.',
  movement_registration_returned_reason_check: 'Trả lại bản đăng ký thì phải ghi lý do.',
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

/** Same format as the organizations subgraph's bloc codes. */
const BLOC_CODE = /^[A-Z0-9][A-Z0-9_]{1,59}$/;

const STATUS_TEXT: Record<RegistrationStatus, string> = {
  DRAFT: 'đang soạn, chưa gửi',
  SUBMITTED: 'đã gửi, đang chờ xét',
  APPROVED: 'đã được chấp thuận',
  RETURNED: 'đã bị trả lại',
};

/**
 * The bloc facts checkRegistration needs for a BLOC-scope movement: its members in the membership year
 * (rules/movement.rule.ts, blocMembershipYear), read live from the organizations subgraph.
 */
async function blocOfMovement(context: CampaignsContext, movement: Movement, today: string): Promise<{ name: string; year: number; memberIds: string[] } | null> {
  if (movement.scope !== MovementScope.BLOC || !movement.blocId) return null;
  const year = blocMembershipYear(movement, today);
  const found = await context.organizations.blocYear(movement.blocId, year);
  return { name: found?.bloc.name ?? 'khối, cụm thi đua của phong trào', year, memberIds: found ? found.members.map((member) => member.organization.id) : [] };
}

async function registrationOrFail(context: CampaignsContext, id: string, field: string): Promise<MovementRegistration> {
  const registration = isUuid(id) ? await context.loaders.registrationById.load(id) : null;
  if (!registration) throw notFound('Không tìm thấy bản đăng ký thi đua này.', { field });
  return registration;
}

/** Acting for a unit known by id: the Central Board always; an officer only when the unit is found. */
async function requireActForId(context: CampaignsContext, organizationId: string, action: string): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  const unit = await context.organizations.organizationById.load(organizationId);
  if (!unit) throw forbidden(`Không xác định được đơn vị; chỉ Ban TĐKT Trung ương được ${action}.`);
  await requireActFor(context, unit, action);
}

/**
 * Moves a registration from one status to the next only if it is still in `from` (compare-and-swap: of
 * two concurrent reviews exactly one changes the row), else CONFLICT naming the status it is in now.
 */
async function swapRegistrationStatus(
  manager: EntityManager,
  id: string,
  from: RegistrationStatus,
  set: { sql: string; params: unknown[] },
  refusal: (now: RegistrationStatus) => string,
): Promise<MovementRegistration> {
  // queryRunner.query(…, true) gives { affected } (manager.query returns [rows, count] for UPDATE).
  const result = await manager.queryRunner!.query(
    `UPDATE movement_registration SET ${set.sql}, version = version + 1, updated_at = now() WHERE id = $1 AND status = $2`,
    [id, from, ...set.params],
    true,
  );
  if (result.affected !== 1) {
    const [current] = (await manager.query('SELECT status FROM movement_registration WHERE id = $1', [id])) as { status: RegistrationStatus }[];
    if (!current) throw notFound('Không tìm thấy bản đăng ký thi đua này.');
    throw conflict(refusal(current.status), { status: current.status });
  }
  return manager.getRepository(MovementRegistration).findOneByOrFail({ id });
}

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

  // Nullable: the bloc's own fields come from the organizations subgraph, which may be down.
  @FieldResolver(() => EmulationBloc, { nullable: true, description: 'Khối, cụm thi đua mà phong trào phạm vi BLOC dành cho; null với phạm vi khác.' })
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
    if (context.caller.role === 'CENTRAL_BOARD' || !registrations.some((registration) => registration.status === RegistrationStatus.DRAFT)) return registrations;
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
    const blocCode = input.blocCode?.trim() ? normalizeCode(input.blocCode) : null;
    const bloc = blocCode && BLOC_CODE.test(blocCode) ? await context.organizations.blocByCode.load(blocCode) : null;
    if (blocCode && !bloc) throw notFound(`Không tìm thấy khối, cụm thi đua có mã ${input.blocCode!.trim()}.`, { field: 'input.blocCode' });
    const endDate = input.endDate ?? null;
    const launchedOn = input.launchedOn ?? null;
    const problems = checkMovement({ startDate: input.startDate, endDate, launchedOn, launcher, parent, scope: input.scope, bloc });
    if (problems.length) refuse(problems);
    try {
      return await auditedTransaction(context.db, context, 'createMovement', async (manager, audit) => {
        const repository = manager.getRepository(Movement);
        const saved = await repository.save(
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
            blocId: bloc?.id ?? null,
            source,
            isDemo: false,
          }),
        );
        await audit.recordRow('Movement', 'movement', saved.id);
        return saved;
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
    const today = todayInVietnam();
    const problems = checkRegistration({
      movement: { title: movement.title, scope: movement.scope, startDate: movement.startDate, endDate: movement.endDate, launcherId: movement.launchedById },
      registrant,
      today,
      bloc: await blocOfMovement(context, movement, today),
    });
    if (problems.length) refuse(problems);
    try {
      return await auditedTransaction(context.db, context, 'registerForMovement', async (manager, audit) => {
        const repository = manager.getRepository(MovementRegistration);
        const saved = await repository.save(repository.create({ movementId: movement.id, organizationId: registrant.id, personId, status, note, isDemo: false }));
        await audit.recordRow('MovementRegistration', 'movement_registration', saved.id);
        return saved;
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
  @Mutation(() => MovementRegistration, { description: 'Đơn vị gửi bản đăng ký đang soạn (DRAFT → SUBMITTED) lên cấp phát động.' })
  async submitRegistration(@Ctx() context: CampaignsContext, @Arg('id', () => ID) id: string): Promise<MovementRegistration> {
    requireSignedIn(context);
    const registration = await registrationOrFail(context, id, 'id');
    const registrant = await context.organizations.organizationById.load(registration.organizationId);
    if (!registrant) throw notFound('Không tìm thấy đơn vị đăng ký trong danh mục đơn vị.', { field: 'id' });
    await requireActFor(context, registrant, 'gửi đăng ký thi đua');
    const movement = (await context.loaders.movementById.load(registration.movementId))!;
    // What held when the draft was saved must still hold when it is sent: the movement has not ended,
    // the unit still exists and (bloc movements) is a member in this year.
    const today = todayInVietnam();
    const problems = checkRegistration({
      movement: { title: movement.title, scope: movement.scope, startDate: movement.startDate, endDate: movement.endDate, launcherId: movement.launchedById },
      registrant,
      today,
      bloc: await blocOfMovement(context, movement, today),
    });
    if (problems.length) refuse(problems.map((problem) => ({ ...problem, field: 'id' })));
    let submitted: MovementRegistration;
    try {
      submitted = await auditedTransaction(context.db, context, 'submitRegistration', async (manager, audit) => {
        const before = await audit.snapshot('movement_registration', registration.id);
        const after = await swapRegistrationStatus(manager, registration.id, RegistrationStatus.DRAFT, { sql: `status = 'SUBMITTED'`, params: [] }, (now) =>
          `Bản đăng ký ${STATUS_TEXT[now]}; chỉ bản đăng ký đang soạn (DRAFT) mới gửi được.`,
        );
        await audit.recordRow('MovementRegistration', 'movement_registration', registration.id, before);
        return after;
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
    context.loaders.registrationById.clear(registration.id);
    context.loaders.movementRegistrationsByMovementId.clear(registration.movementId);
    return submitted;
  }

  @Mutation(() => MovementRegistration, {
    description: 'Cấp phát động (Ban TĐKT TW; hoặc cán bộ TĐKT của đơn vị phát động) chấp thuận hoặc trả lại bản đăng ký đã gửi; lưu người xét, thời điểm và lý do.',
  })
  async reviewRegistration(@Ctx() context: CampaignsContext, @Arg('input', () => ReviewRegistrationInput) input: ReviewRegistrationInput): Promise<MovementRegistration> {
    requireSignedIn(context);
    const registration = await registrationOrFail(context, input.registrationId, 'input.registrationId');
    const movement = (await context.loaders.movementById.load(registration.movementId))!;
    await requireActForId(context, movement.launchedById, `xét duyệt đăng ký thi đua của phong trào "${movement.title}"`);
    const reason = cleanOptionalText(input.reason, { label: 'Lý do', field: 'input.reason', maxLength: 2000, multiline: true });
    const problems = checkReview({ decision: input.decision, reason });
    if (problems.length) refuse(problems);
    const reviewer = context.caller.subject ?? context.caller.role!;
    let reviewed: MovementRegistration;
    try {
      reviewed = await auditedTransaction(context.db, context, 'reviewRegistration', async (manager, audit) => {
        const before = await audit.snapshot('movement_registration', registration.id);
        const after = await swapRegistrationStatus(
          manager,
          registration.id,
          RegistrationStatus.SUBMITTED,
          { sql: 'status = $3, reviewed_at = now(), reviewed_by = $4, review_reason = $5', params: [input.decision, reviewer, reason] },
          (now) => `Bản đăng ký ${STATUS_TEXT[now]}; chỉ bản đăng ký đã gửi, chưa xét (SUBMITTED) mới được xét duyệt.`,
        );
        await audit.recordRow('MovementRegistration', 'movement_registration', registration.id, before);
        return after;
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
    context.loaders.registrationById.clear(registration.id);
    context.loaders.movementRegistrationsByMovementId.clear(registration.movementId);
    return reviewed;
  }

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
