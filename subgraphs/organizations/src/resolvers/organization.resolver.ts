import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { auditedTransaction, badInput, conflict, cleanOptionalText, cleanText, keysetPage, notFound, translateDatabaseError, whereSearchMatches } from '@tdkt/subgraph-kit';
import { Organization } from '../entities/organization.entity.js';
import { LineageEvent } from '../entities/lineage-event.entity.js';
import { BlocMembership } from '../entities/bloc.entity.js';
import { CreateOrganizationInput, OrganizationConnection, OrganizationFilter, PageArgs, RecordLineageEventInput, UpdateOrganizationInput } from '../types/organization.types.js';
import { LineageKind } from '../types/enums.js';
import { ORGANIZATION_CODE, dayBefore, deriveLevel, isValidOn, normalizeCode } from '../rules/organization.rule.js';
import { requireYear } from '../rules/year.rule.js';
import { requireActFor, requireActForDescendant, requireCentralBoard, type OrganizationsContext } from '../context.js';
import { canonicalId, isUuid } from '../loaders/loaders.js';

const CONSTRAINT_MESSAGES: Record<string, string> = {
  organization_code_key: 'Mã đơn vị này đã được dùng cho một đơn vị khác.',
  organization_validity: 'Ngày kết thúc không được trước ngày thành lập.',
  organization_not_own_parent: 'Một đơn vị không thể là cấp trên của chính nó.',
};

const collator = new Intl.Collator('vi', { sensitivity: 'base' });
const byName = (a: Organization, b: Organization) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code);

export async function loadOrganizationByCodeOrFail(context: OrganizationsContext, rawCode: string, field: string): Promise<Organization> {
  const code = normalizeCode(rawCode);
  const organization = ORGANIZATION_CODE.test(code) ? await context.loaders.organizationByCode.load(code) : null;
  if (!organization) throw notFound(`Không tìm thấy đơn vị có mã ${rawCode.trim() || '(trống)'}.`, { field });
  return organization;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  // ------------------------------------------------------------------ queries

  @Query(() => Organization, { nullable: true, description: 'Một đơn vị theo mã hoặc id.' })
  async organization(
    @Ctx() context: OrganizationsContext,
    @Arg('code', () => String, { nullable: true }) code?: string | null,
    @Arg('id', () => ID, { nullable: true }) id?: string | null,
  ): Promise<Organization | null> {
    if ((code ? 1 : 0) + (id ? 1 : 0) !== 1) throw badInput('Hãy cho biết đúng một trong hai: mã (code) hoặc id của đơn vị.');
    if (id) return isUuid(id) ? context.loaders.organizationById.load(canonicalId(id)) : null;
    return context.loaders.organizationByCode.load(normalizeCode(code!));
  }

  @Query(() => OrganizationConnection, { description: 'Danh sách đơn vị theo tên (thứ tự tiếng Việt), có lọc và phân trang.' })
  async organizations(
    @Ctx() context: OrganizationsContext,
    @Args() { first, after }: PageArgs,
    @Arg('filter', () => OrganizationFilter, { nullable: true }) filter?: OrganizationFilter | null,
  ): Promise<OrganizationConnection> {
    const query = context.db.getRepository(Organization).createQueryBuilder('o');
    whereSearchMatches(query, 'o', filter?.search);
    if (filter?.kinds?.length) query.andWhere('o.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.level) query.andWhere('o.level = :level', { level: filter.level });
    if (filter?.parentCode) query.andWhere('o.parent_id = (SELECT p.id FROM organization p WHERE p.code = :parentCode)', { parentCode: normalizeCode(filter.parentCode) });
    if (filter?.activeOn) {
      query.andWhere('(o.valid_from IS NULL OR o.valid_from <= :activeOn) AND (o.valid_to IS NULL OR o.valid_to >= :activeOn)', { activeOn: filter.activeOn });
    }
    const page = await keysetPage(query, { first, after, alias: 'o', sort: [{ column: 'name', collation: 'organizations.vi', of: (row) => row.name }, { column: 'code', of: (row) => row.code }] });
    for (const edge of page.edges) context.loaders.organizationById.prime(edge.node.id, edge.node);
    return page;
  }

  // ------------------------------------------------------------------ fields

  @FieldResolver(() => Organization, { nullable: true, description: 'Đơn vị cấp trên trực tiếp.' })
  parent(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<Organization | null> | null {
    return organization.parentId ? context.loaders.organizationById.load(organization.parentId) : null;
  }

  @FieldResolver(() => [Organization], { description: 'Các đơn vị cấp trên, từ gần đến xa (cấp trên trực tiếp trước).' })
  async ancestors(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    const ids = await context.loaders.ancestorIdsById.load(organization.id);
    const found = await context.loaders.organizationById.loadMany(ids);
    return found.filter((item): item is Organization => item instanceof Organization);
  }

  @FieldResolver(() => [ID], { description: 'Id của mọi đơn vị thuộc cây đơn vị này (mọi cấp, không gồm chính nó), cho thống kê.' })
  descendantIds(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<string[]> {
    return context.loaders.descendantIdsById.load(organization.id);
  }

  @FieldResolver(() => [Organization], { description: 'Đơn vị trực thuộc trực tiếp, theo tên.' })
  async children(
    @Root() organization: Organization,
    @Ctx() context: OrganizationsContext,
    @Arg('activeOn', () => GraphQLLocalDate, { nullable: true, description: 'Chỉ các đơn vị còn tồn tại vào ngày này.' }) activeOn?: string | null,
  ): Promise<Organization[]> {
    const children = await context.loaders.childrenByParentId.load(organization.id);
    return activeOn ? children.filter((child) => isValidOn(child, activeOn)) : children;
  }

  @FieldResolver(() => [Organization], { description: 'Các đơn vị đã sáp nhập vào / được kế thừa bởi đơn vị này.' })
  async predecessors(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    return this.linked(organization, context, 'PREDECESSOR');
  }

  @FieldResolver(() => [Organization], { description: 'Các đơn vị kế thừa đơn vị này.' })
  async successors(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    return this.linked(organization, context, 'SUCCESSOR');
  }

  private async linked(organization: Organization, context: OrganizationsContext, direction: 'PREDECESSOR' | 'SUCCESSOR'): Promise<Organization[]> {
    const links = await context.loaders.lineageLinksByOrganizationId.load(organization.id);
    const ids = [...new Set(links.filter((link) => link.direction === direction).map((link) => link.otherId))];
    const found = await context.loaders.organizationById.loadMany(ids);
    return found.filter((item): item is Organization => item instanceof Organization).sort(byName);
  }

  @FieldResolver(() => [LineageEvent], { description: 'Các sự kiện sắp xếp mà đơn vị tham gia, theo ngày hiệu lực.' })
  lineage(@Root() organization: Organization, @Ctx() context: OrganizationsContext): Promise<LineageEvent[]> {
    return context.loaders.lineageEventsByOrganizationId.load(organization.id);
  }

  @FieldResolver(() => [BlocMembership], { description: 'Khối/cụm thi đua mà đơn vị là thành viên trong năm.' })
  blocMemberships(@Root() organization: Organization, @Ctx() context: OrganizationsContext, @Arg('year', () => Int) year: number): Promise<BlocMembership[]> {
    requireYear(year, 'year');
    return context.loaders.membershipsByOrganizationYear.load(organization.id, year);
  }

  // ------------------------------------------------------------------ mutations

  @Mutation(() => Organization, { description: 'Tạo đơn vị mới (Ban TĐKT TW; hoặc cán bộ TĐKT tạo đơn vị trực thuộc đơn vị mình).' })
  async createOrganization(@Ctx() context: OrganizationsContext, @Arg('input', () => CreateOrganizationInput) input: CreateOrganizationInput): Promise<Organization> {
    const code = normalizeCode(input.code);
    if (!ORGANIZATION_CODE.test(code)) {
      throw badInput('Mã đơn vị gồm 2–40 ký tự: chữ in hoa không dấu, chữ số, dấu gạch dưới (ví dụ SO_NOI_VU_HN).', { field: 'input.code' });
    }
    const name = cleanText(input.name, { label: 'Tên đơn vị', field: 'input.name', maxLength: 300 });
    const shortName = cleanOptionalText(input.shortName, { label: 'Tên viết tắt', field: 'input.shortName', maxLength: 120 });
    const parent = input.parentCode ? await loadOrganizationByCodeOrFail(context, input.parentCode, 'input.parentCode') : null;
    if (parent) await requireActFor(context, parent.id, 'tạo đơn vị');
    else requireCentralBoard(context, 'tạo đơn vị cấp cao nhất (không có cấp trên)');
    const validFrom = input.validFrom ?? null;
    if (parent && validFrom && parent.validTo && parent.validTo < validFrom) {
      throw badInput(`Đơn vị cấp trên ${parent.name} đã kết thúc hoạt động ngày ${parent.validTo}, trước ngày thành lập ${validFrom}.`, { field: 'input.parentCode' });
    }
    const level = input.level ?? deriveLevel(input.kind, parent?.level ?? null);
    try {
      return await auditedTransaction(context.db, context, 'createOrganization', async (manager, audit) => {
        const repository = manager.getRepository(Organization);
        const created = repository.create({ code, name, shortName, kind: input.kind, level, parentId: parent?.id ?? null, validFrom, validTo: null, isDemo: false });
        const saved = await repository.save(created);
        await audit.recordRow('Organization', 'organization', saved.id);
        return saved;
      });
    } catch (error) {
      throw translateDatabaseError(error, { ...CONSTRAINT_MESSAGES, organization_code_key: `Mã đơn vị ${code} đã tồn tại.` });
    }
  }

  @Mutation(() => Organization, { description: 'Sửa thông tin đơn vị; gửi expectedVersion để không ghi đè thay đổi của người khác.' })
  async updateOrganization(@Ctx() context: OrganizationsContext, @Arg('input', () => UpdateOrganizationInput) input: UpdateOrganizationInput): Promise<Organization> {
    const current = await loadOrganizationByCodeOrFail(context, input.code, 'input.code');
    await requireActForDescendant(context, current.id, 'sửa đơn vị');
    const changes: Partial<Organization> = {};
    if (input.name !== undefined && input.name !== null) changes.name = cleanText(input.name, { label: 'Tên đơn vị', field: 'input.name', maxLength: 300 });
    if (input.shortName !== undefined && input.shortName !== null) {
      changes.shortName = cleanOptionalText(input.shortName, { label: 'Tên viết tắt', field: 'input.shortName', maxLength: 120 });
    }
    if (input.kind) changes.kind = input.kind;
    if (input.level) changes.level = input.level;
    if (input.validFrom !== undefined && input.validFrom !== null) changes.validFrom = input.validFrom;
    if (input.validTo !== undefined && input.validTo !== null) changes.validTo = input.validTo;
    if (input.clearParent) {
      requireCentralBoard(context, 'đưa đơn vị lên cấp cao nhất');
      changes.parentId = null;
    }
    else if (input.parentCode) {
      const parent = await loadOrganizationByCodeOrFail(context, input.parentCode, 'input.parentCode');
      await requireActFor(context, parent.id, 'chuyển đơn vị về');
      const ancestors = await context.loaders.ancestorIdsById.load(parent.id);
      if (parent.id === current.id || ancestors.includes(current.id)) {
        throw badInput(`Không thể đặt ${parent.name} làm cấp trên: đơn vị này đang trực thuộc ${current.name}.`, { field: 'input.parentCode' });
      }
      changes.parentId = parent.id;
    }
    if (Object.keys(changes).length === 0) throw badInput('Không có thông tin nào để sửa.', { field: 'input' });
    try {
      return await auditedTransaction(context.db, context, 'updateOrganization', async (manager, audit) => {
        const before = await audit.snapshot('organization', current.id);
        if (changes.parentId) {
          // Re-parenting is serialized and re-checked inside the transaction: two concurrent moves
          // (A under B, B under A) must not both pass the cycle check.
          await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tdkt:organizations:reparent'))`);
          const [cycle] = await manager.query(
            `WITH RECURSIVE up(id, depth) AS (SELECT CAST($1 AS uuid), 0 UNION
               SELECT o.parent_id, up.depth + 1 FROM organization o JOIN up ON o.id = up.id WHERE o.parent_id IS NOT NULL AND up.depth < 64)
             SELECT 1 AS found FROM up WHERE id = $2 LIMIT 1`,
            [changes.parentId, current.id],
          );
          if (cycle) throw badInput(`Không thể đặt đơn vị cấp trên này: ${current.name} sẽ trở thành cấp trên của chính nó.`, { field: 'input.parentCode' });
        }
        // Compare-and-swap on the version: TypeORM's save() does not check it (lost updates seen).
        const sets = Object.keys(changes).map((key, index) => `"${COLUMN[key as keyof typeof COLUMN]}" = $${index + 3}`);
        // Structured result: TypeORM returns a bare UPDATE as [rows, count], which is never empty.
        const { affected } = await manager.queryRunner!.query(
          `UPDATE organization SET ${sets.join(', ')}, version = version + 1, updated_at = now()
            WHERE id = $1 AND ($2::int IS NULL OR version = $2)`,
          [current.id, input.expectedVersion ?? null, ...Object.values(changes)],
          true,
        );
        if (!affected) {
          const [now] = await manager.query(`SELECT version FROM organization WHERE id = $1`, [current.id]);
          throw conflict(`Đơn vị ${current.code} vừa được người khác sửa (phiên bản hiện tại là ${now?.version}, không phải ${input.expectedVersion}). Hãy tải lại rồi sửa tiếp.`, {
            field: 'input.expectedVersion',
            currentVersion: now?.version ?? null,
          });
        }
        await audit.recordRow('Organization', 'organization', current.id, before);
        return manager.getRepository(Organization).findOneByOrFail({ id: current.id });
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
  }

  @Mutation(() => LineageEvent, { description: 'Ghi nhận sáp nhập, chia tách, đổi tên, giải thể hoặc chuyển giao đơn vị theo một văn bản.' })
  async recordLineageEvent(@Ctx() context: OrganizationsContext, @Arg('input', () => RecordLineageEventInput) input: RecordLineageEventInput): Promise<LineageEvent> {
    const legalBasis = cleanText(input.legalBasis, { label: 'Căn cứ pháp lý', field: 'input.legalBasis', maxLength: 500 });
    const note = cleanOptionalText(input.note, { label: 'Ghi chú', field: 'input.note', maxLength: 2000, multiline: true });
    const predecessors = await Promise.all(input.predecessorCodes.map((code, index) => loadOrganizationByCodeOrFail(context, code, `input.predecessorCodes[${index}]`)));
    const successors = await Promise.all(input.successorCodes.map((code, index) => loadOrganizationByCodeOrFail(context, code, `input.successorCodes[${index}]`)));
    for (const unit of [...predecessors, ...successors]) await requireActForDescendant(context, unit.id, 'ghi nhận sắp xếp đơn vị');
    if (predecessors.length === 0) throw badInput('Cần ít nhất một đơn vị trước sự kiện.', { field: 'input.predecessorCodes' });
    const distinct = new Set([...predecessors, ...successors].map((unit) => unit.id));
    if (new Set(predecessors.map((unit) => unit.id)).size !== predecessors.length || new Set(successors.map((unit) => unit.id)).size !== successors.length) {
      throw badInput('Một đơn vị được liệt kê hai lần trong cùng một danh sách.', { field: 'input' });
    }
    switch (input.kind) {
      case LineageKind.DISSOLVE:
        if (successors.length) throw badInput('Giải thể không có đơn vị kế thừa; dùng MERGE khi đơn vị được sáp nhập vào đơn vị khác.', { field: 'input.successorCodes' });
        break;
      case LineageKind.MERGE:
        if (successors.length !== 1 || distinct.size < 2) throw badInput('Sáp nhập cần ít nhất hai đơn vị trước và đúng một đơn vị sau.', { field: 'input.successorCodes' });
        break;
      case LineageKind.SPLIT:
        if (predecessors.length !== 1 || distinct.size < 2) throw badInput('Chia tách cần đúng một đơn vị trước và ít nhất một đơn vị mới.', { field: 'input.successorCodes' });
        break;
      case LineageKind.RENAME:
        if (predecessors.length !== 1 || successors.length !== 1 || distinct.size !== 2) throw badInput('Đổi tên cần đúng một mã cũ và một mã mới khác nhau.', { field: 'input' });
        break;
      case LineageKind.TRANSFER:
        if (successors.length === 0) throw badInput('Chuyển giao cần đơn vị nhận.', { field: 'input.successorCodes' });
        break;
    }
    const lastDay = dayBefore(input.effectiveDate);
    for (const successor of successors) {
      if (successor.validFrom && successor.validFrom > input.effectiveDate) {
        throw badInput(`${successor.name} bắt đầu hoạt động ngày ${successor.validFrom}, sau ngày hiệu lực ${input.effectiveDate}.`, { field: 'input.effectiveDate' });
      }
    }
    for (const predecessor of predecessors) {
      if (predecessor.validTo && predecessor.validTo < lastDay) {
        throw badInput(`${predecessor.name} đã kết thúc hoạt động ngày ${predecessor.validTo}, trước ngày hiệu lực ${input.effectiveDate}.`, { field: 'input.effectiveDate' });
      }
    }
    const continuing = new Set(successors.map((unit) => unit.id));
    try {
      return await auditedTransaction(context.db, context, 'recordLineageEvent', async (manager, audit) => {
        const participants = [...predecessors, ...successors].map((unit) => unit.id);
        const before = await audit.snapshot('organization', null, { sql: 't.id = ANY($1::uuid[])', params: [participants], many: true });
        const [event] = await manager.query(
          `INSERT INTO lineage_event (kind, effective_date, legal_basis, note) VALUES ($1, $2, $3, $4)
           RETURNING id, kind, effective_date::text AS "effectiveDate", legal_basis AS "legalBasis", note`,
          [input.kind, input.effectiveDate, legalBasis, note],
        );
        await manager.query(
          `INSERT INTO lineage_participant (event_id, organization_id, role)
           SELECT $1, unnest($2::uuid[]), unnest($3::text[])`,
          [event.id, [...predecessors.map((unit) => unit.id), ...successors.map((unit) => unit.id)], [...predecessors.map(() => 'PREDECESSOR'), ...successors.map(() => 'SUCCESSOR')]],
        );
        // Units that do not continue end the day before the event takes effect.
        const ending = predecessors.filter((unit) => !continuing.has(unit.id) && unit.validTo === null).map((unit) => unit.id);
        if (ending.length && input.kind !== LineageKind.TRANSFER) {
          await manager.query(`UPDATE organization SET valid_to = $2, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [ending, lastDay]);
        }
        const after = await audit.snapshot('organization', null, { sql: 't.id = ANY($1::uuid[])', params: [participants], many: true });
        await audit.record({ entityType: 'LineageEvent', entityId: event.id, before: { organizations: before }, after: { event, organizations: after } });
        return Object.assign(new LineageEvent(), event);
      });
    } catch (error) {
      throw translateDatabaseError(error, CONSTRAINT_MESSAGES);
    }
  }
}

const COLUMN = {
  name: 'name',
  shortName: 'short_name',
  kind: 'kind',
  level: 'level',
  parentId: 'parent_id',
  validFrom: 'valid_from',
  validTo: 'valid_to',
} as const;

@Resolver(() => LineageEvent)
export class LineageEventResolver {
  @FieldResolver(() => [Organization])
  predecessors(@Root() event: LineageEvent, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    return this.participants(event, context, 'PREDECESSOR');
  }

  @FieldResolver(() => [Organization])
  successors(@Root() event: LineageEvent, @Ctx() context: OrganizationsContext): Promise<Organization[]> {
    return this.participants(event, context, 'SUCCESSOR');
  }

  private async participants(event: LineageEvent, context: OrganizationsContext, role: 'PREDECESSOR' | 'SUCCESSOR'): Promise<Organization[]> {
    const rows = await context.loaders.participantsByEventId.load(event.id);
    const found = await context.loaders.organizationById.loadMany(rows.filter((row) => row.role === role).map((row) => row.organizationId));
    return found.filter((item): item is Organization => item instanceof Organization).sort(byName);
  }
}
