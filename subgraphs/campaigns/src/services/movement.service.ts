/**
 * Mutations of movements (phong trào thi đua) and registrations (đăng ký thi đua): validation through
 * rules/movement.rule.ts, the caller's right to act for the unit, one audited transaction each.
 */
import {
  auditedTransaction,
  badInput,
  cleanOptionalText,
  cleanText,
  conflict,
  forbidden,
  isUuid,
  notFound,
  requireSignedIn,
  translateDatabaseError,
  vietnamToday,
} from '@tdkt/subgraph-kit';
import { requireActFor, type CampaignsContext } from '../context.js';
import {
  MOVEMENT_CODE,
  blocMembershipYear,
  checkMovement,
  checkRegistration,
  checkReview,
  normalizeCode,
} from '../rules/movement.rule.js';
import { createStores } from '../store/index.js';
import { MovementScope, RegistrationStatus } from '../types/movement.enums.js';
import type {
  CreateMovementInput,
  RegisterForMovementInput,
  ReviewRegistrationInput,
} from '../types/movement.inputs.js';
import type { MovementRegistration } from '../types/movement-registration.types.js';
import type { Movement } from '../types/movement.types.js';
import { directoryOrganizationOrFail, refuse } from './lookups.js';

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
async function blocOfMovement(
  context: CampaignsContext,
  movement: Movement,
  today: string,
): Promise<{ name: string; year: number; memberIds: string[] } | null> {
  if (movement.scope !== MovementScope.BLOC || !movement.blocId) return null;
  const year = blocMembershipYear(movement, today);
  const found = await context.organizations.blocYear(movement.blocId, year);
  return {
    name: found?.bloc.name ?? 'khối, cụm thi đua của phong trào',
    year,
    memberIds: found ? found.members.map((member) => member.organization.id) : [],
  };
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
 * two concurrent reviews exactly one changes the row), recording the change; else CONFLICT naming the
 * status it is in now.
 */
async function swapRegistration(
  context: CampaignsContext,
  operation: string,
  registration: MovementRegistration,
  from: RegistrationStatus,
  set: { sql: string; params: unknown[] },
  refusal: (now: RegistrationStatus) => string,
): Promise<MovementRegistration> {
  let swapped: MovementRegistration;
  try {
    swapped = await auditedTransaction(context.db, context, operation, async (manager, audit) => {
      const before = await audit.snapshot('movement_registration', registration.id);
      const outcome = await createStores(manager).movements.swapRegistrationStatus(registration.id, from, set);
      if (!('swapped' in outcome)) {
        if (!outcome.current) throw notFound('Không tìm thấy bản đăng ký thi đua này.');
        throw conflict(refusal(outcome.current), { status: outcome.current });
      }
      await audit.recordRow('MovementRegistration', 'movement_registration', registration.id, before);
      return outcome.swapped;
    });
  } catch (error) {
    throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
  }
  context.loaders.registrationById.clear(registration.id);
  context.loaders.movementRegistrationsByMovementId.clear(registration.movementId);
  return swapped;
}

export async function createMovement(context: CampaignsContext, input: CreateMovementInput): Promise<Movement> {
  const code = normalizeCode(input.code);
  if (!MOVEMENT_CODE.test(code)) {
    throw badInput(
      'Mã phong trào gồm 2–60 ký tự: chữ in hoa không dấu, chữ số, dấu gạch dưới (ví dụ NOI_CHINH_TW_2021).',
      { field: 'input.code' },
    );
  }
  const title = cleanText(input.title, { label: 'Tên phong trào', field: 'input.title', maxLength: 500 });
  const theme = cleanOptionalText(input.theme, { label: 'Chủ đề', field: 'input.theme', maxLength: 500 });
  const source = cleanOptionalText(input.source, {
    label: 'Văn bản phát động',
    field: 'input.source',
    maxLength: 1000,
  });
  const launcher = await directoryOrganizationOrFail(context, input.organizationCode, 'input.organizationCode');
  await requireActFor(context, launcher, 'phát động phong trào');
  const parent = input.parentCode ? await context.loaders.movementByCode.load(normalizeCode(input.parentCode)) : null;
  if (input.parentCode && !parent)
    throw notFound(`Không tìm thấy phong trào có mã ${input.parentCode.trim() || '(trống)'}.`, {
      field: 'input.parentCode',
    });
  const blocCode = input.blocCode?.trim() ? normalizeCode(input.blocCode) : null;
  const bloc = blocCode && BLOC_CODE.test(blocCode) ? await context.organizations.blocByCode.load(blocCode) : null;
  if (blocCode && !bloc)
    throw notFound(`Không tìm thấy khối, cụm thi đua có mã ${input.blocCode!.trim()}.`, { field: 'input.blocCode' });
  const endDate = input.endDate ?? null;
  const launchedOn = input.launchedOn ?? null;
  const problems = checkMovement({
    startDate: input.startDate,
    endDate,
    launchedOn,
    launcher,
    parent,
    scope: input.scope,
    bloc,
  });
  if (problems.length) refuse(problems);
  try {
    return await auditedTransaction(context.db, context, 'createMovement', async (manager, audit) => {
      const saved = await createStores(manager).movements.insert({
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
      });
      await audit.recordRow('Movement', 'movement', saved.id);
      return saved;
    });
  } catch (error) {
    throw translateDatabaseError(error, {
      ...CONSTRAINT_MESSAGES,
      movement_code_key: `Mã phong trào ${code} đã tồn tại.`,
    });
  }
}

export async function registerForMovement(
  context: CampaignsContext,
  input: RegisterForMovementInput,
): Promise<MovementRegistration> {
  const movement = await context.loaders.movementByCode.load(normalizeCode(input.movementCode));
  if (!movement)
    throw notFound(`Không tìm thấy phong trào có mã ${input.movementCode.trim() || '(trống)'}.`, {
      field: 'input.movementCode',
    });
  const registrant = await directoryOrganizationOrFail(context, input.organizationCode, 'input.organizationCode');
  await requireActFor(context, registrant, 'đăng ký thi đua');
  const personId = input.personId ?? null;
  if (personId !== null && !isUuid(personId))
    throw badInput('Mã cá nhân (personId) không hợp lệ.', { field: 'input.personId' });
  if (personId !== null) {
    // A unit registers its own people: the person must exist and work in the registrant's subtree.
    const person = await context.organizations.personById.load(personId);
    if (!person) throw notFound('Không tìm thấy cá nhân này.', { field: 'input.personId' });
    const unit = person.organization;
    if (!unit || (unit.id !== registrant.id && !unit.ancestorIds.includes(registrant.id))) {
      throw badInput(`${person.fullName} không công tác tại ${registrant.name} hoặc đơn vị trực thuộc.`, {
        field: 'input.personId',
      });
    }
  }
  const status = input.status ?? RegistrationStatus.SUBMITTED;
  if (status !== RegistrationStatus.DRAFT && status !== RegistrationStatus.SUBMITTED) {
    throw badInput(
      'Bản đăng ký mới chỉ có thể là DRAFT (đang soạn) hoặc SUBMITTED (gửi); việc chấp thuận hay trả lại do cấp phát động quyết định.',
      { field: 'input.status' },
    );
  }
  const note = cleanOptionalText(input.note, {
    label: 'Ghi chú',
    field: 'input.note',
    maxLength: 2000,
    multiline: true,
  });
  const today = vietnamToday();
  const problems = checkRegistration({
    movement: {
      title: movement.title,
      scope: movement.scope,
      startDate: movement.startDate,
      endDate: movement.endDate,
      launcherId: movement.launchedById,
    },
    registrant,
    today,
    bloc: await blocOfMovement(context, movement, today),
  });
  if (problems.length) refuse(problems);
  try {
    return await auditedTransaction(context.db, context, 'registerForMovement', async (manager, audit) => {
      const saved = await createStores(manager).movements.insertRegistration({
        movementId: movement.id,
        organizationId: registrant.id,
        personId,
        status,
        note,
        isDemo: false,
      });
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

/** The registrant sends its draft (DRAFT → SUBMITTED) to the launching level. */
export async function submitRegistration(context: CampaignsContext, id: string): Promise<MovementRegistration> {
  requireSignedIn(context);
  const registration = await registrationOrFail(context, id, 'id');
  const registrant = await context.organizations.organizationById.load(registration.organizationId);
  if (!registrant) throw notFound('Không tìm thấy đơn vị đăng ký trong danh mục đơn vị.', { field: 'id' });
  await requireActFor(context, registrant, 'gửi đăng ký thi đua');
  const movement = (await context.loaders.movementById.load(registration.movementId))!;
  // What held when the draft was saved must still hold when it is sent: the movement has not ended,
  // the unit still exists and (bloc movements) is a member in this year.
  const today = vietnamToday();
  const problems = checkRegistration({
    movement: {
      title: movement.title,
      scope: movement.scope,
      startDate: movement.startDate,
      endDate: movement.endDate,
      launcherId: movement.launchedById,
    },
    registrant,
    today,
    bloc: await blocOfMovement(context, movement, today),
  });
  if (problems.length) refuse(problems.map((problem) => ({ ...problem, field: 'id' })));
  return swapRegistration(
    context,
    'submitRegistration',
    registration,
    RegistrationStatus.DRAFT,
    { sql: `status = 'SUBMITTED'`, params: [] },
    (now) => `Bản đăng ký ${STATUS_TEXT[now]}; chỉ bản đăng ký đang soạn (DRAFT) mới gửi được.`,
  );
}

/** The launching level approves or returns a submitted registration, with the reviewer, time and reason. */
export async function reviewRegistration(
  context: CampaignsContext,
  input: ReviewRegistrationInput,
): Promise<MovementRegistration> {
  requireSignedIn(context);
  const registration = await registrationOrFail(context, input.registrationId, 'input.registrationId');
  const movement = (await context.loaders.movementById.load(registration.movementId))!;
  await requireActForId(context, movement.launchedById, `xét duyệt đăng ký thi đua của phong trào "${movement.title}"`);
  const reason = cleanOptionalText(input.reason, {
    label: 'Lý do',
    field: 'input.reason',
    maxLength: 2000,
    multiline: true,
  });
  const problems = checkReview({ decision: input.decision, reason });
  if (problems.length) refuse(problems);
  const reviewer = context.caller.subject ?? context.caller.role!;
  return swapRegistration(
    context,
    'reviewRegistration',
    registration,
    RegistrationStatus.SUBMITTED,
    {
      sql: 'status = $3, reviewed_at = now(), reviewed_by = $4, review_reason = $5',
      params: [input.decision, reviewer, reason],
    },
    (now) => `Bản đăng ký ${STATUS_TEXT[now]}; chỉ bản đăng ký đã gửi, chưa xét (SUBMITTED) mới được xét duyệt.`,
  );
}
