/**
 * The audit log through the gateway, for the Central Board only:
 *
 *   query { auditTrail { organizations(filter: {...}, first: 20) { ... } campaigns(...) { ... } awards(...) { ... } } }
 *
 * Each subgraph keeps its audit rows in its own database (written in the mutation's own transaction),
 * so `AuditTrail` is an entity (key `id`, always "audit") that each subgraph extends with the field
 * named after itself; the organizations subgraph owns the root field.
 */
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import {
  Arg,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  type ClassType,
} from 'type-graphql';
import type { DataSource } from 'typeorm';
import { requireRole, type RequestContext } from './context.js';
import { badInput, translateDatabaseError } from './errors.js';
import { decodeCursor, PageInfo, pageSize, toPage } from './pagination.js';

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      return undefined;
  }
}

/** Any JSON value (the before/after images of an audited entity). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Một giá trị JSON bất kỳ (ảnh trước/sau của bản ghi trong nhật ký).',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node) => literalValue(node),
});

@ObjectType({
  description: 'Một dòng nhật ký: ai (tài khoản, vai trò, đơn vị), làm gì (thao tác, đối tượng, trước/sau), khi nào.',
})
@Directive('@shareable')
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, { description: 'Thời điểm ghi (trong cùng giao dịch với thay đổi).' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Mã yêu cầu (x-request-id) để đối chiếu với nhật ký hệ thống.' })
  requestId!: string | null;

  @Field({ description: 'Tài khoản thực hiện (sub của token).' })
  actorSubject!: string;

  @Field({ description: 'Vai trò lúc thực hiện.' })
  actorRole!: string;

  @Field(() => String, { nullable: true, description: 'Mã đơn vị của người thực hiện.' })
  actorOrganizationCode!: string | null;

  @Field({ description: 'Thao tác (tên mutation), ví dụ signPledge.' })
  operation!: string;

  @Field({ description: 'Loại đối tượng bị thay đổi, ví dụ Pledge.' })
  entityType!: string;

  @Field(() => String, { nullable: true })
  entityId!: string | null;

  @Field(() => JSONScalar, { nullable: true, description: 'Bản ghi trước thay đổi (null khi tạo mới).' })
  before!: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'Bản ghi sau thay đổi.' })
  after!: unknown;
}

@ObjectType()
@Directive('@shareable')
export class AuditEntryEdge {
  @Field()
  cursor!: string;

  @Field(() => AuditEntry)
  node!: AuditEntry;
}

@ObjectType({ description: 'Một trang nhật ký, mới nhất trước.' })
@Directive('@shareable')
export class AuditEntryConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => [AuditEntryEdge])
  edges!: AuditEntryEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

@InputType({ description: 'Lọc nhật ký; mọi điều kiện đều phải thỏa.' })
export class AuditFilter {
  @Field(() => String, { nullable: true })
  operation?: string | null;

  @Field(() => String, { nullable: true })
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => String, { nullable: true })
  actorSubject?: string | null;

  @Field(() => String, { nullable: true })
  actorOrganizationCode?: string | null;

  @Field(() => String, { nullable: true })
  requestId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Từ thời điểm (kể cả).' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Đến trước thời điểm (không kể).' })
  to?: Date | null;
}

const FILTER_COLUMNS: [keyof AuditFilter, string][] = [
  ['operation', 'operation'],
  ['entityType', 'entity_type'],
  ['entityId', 'entity_id'],
  ['actorSubject', 'actor_subject'],
  ['actorOrganizationCode', 'actor_organization_code'],
  ['requestId', 'request_id'],
];

/** One page of `<schema>.audit_log`, newest first, keyset on the identity column. */
export async function auditPage(
  db: DataSource,
  filter: AuditFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const limit = pageSize(first);
  const cursor = decodeCursor(after, 1);
  if (cursor && !(typeof cursor[0] === 'number' && Number.isSafeInteger(cursor[0]))) {
    throw badInput('Con trỏ phân trang (after) không hợp lệ; hãy dùng endCursor của trang trước.', { field: 'after' });
  }
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [key, column] of FILTER_COLUMNS) {
    const value = filter?.[key];
    if (value !== null && value !== undefined) {
      params.push(value);
      conditions.push(`${column} = $${params.length}`);
    }
  }
  if (filter?.from) {
    params.push(filter.from);
    conditions.push(`at >= $${params.length}`);
  }
  if (filter?.to) {
    params.push(filter.to);
    conditions.push(`at < $${params.length}`);
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  try {
    const [{ count }] = (await db.query(`SELECT count(*)::int AS count FROM audit_log ${where}`, params)) as {
      count: number;
    }[];
    const pageParams = [...params];
    let pageWhere = where;
    if (cursor) {
      pageParams.push(cursor[0]);
      pageWhere = `${where ? `${where} AND` : 'WHERE'} id < $${pageParams.length}`;
    }
    pageParams.push(limit + 1);
    const rows = (await db.query(
      `SELECT id::text AS id, at, request_id AS "requestId", actor_subject AS "actorSubject", actor_role AS "actorRole",
              actor_organization_code AS "actorOrganizationCode", operation, entity_type AS "entityType", entity_id AS "entityId", before, after
         FROM audit_log ${pageWhere} ORDER BY id DESC LIMIT $${pageParams.length}`,
      pageParams,
    )) as AuditEntry[];
    return toPage(rows, limit, count!, (row) => [Number(row.id)]);
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

interface AuditContext extends RequestContext {
  db: DataSource;
}

/**
 * The `AuditTrail` entity and this subgraph's field on it (named after the subgraph); with
 * `ownsRoot`, also `Query.auditTrail`. Central Board only (contract README: "the audit log").
 */
export function auditTrailSchema(
  field: string,
  options: { ownsRoot: boolean },
): { resolvers: ClassType[]; orphanedTypes: ClassType[] } {
  @ObjectType('AuditTrail', {
    description: 'Nhật ký thay đổi của nền tảng (chỉ Ban TĐKT Trung ương); mỗi phân hệ một danh sách.',
  })
  @Directive('@key(fields: "id")')
  class AuditTrail {
    @Field(() => ID)
    id!: string;
  }

  @Resolver(() => AuditTrail)
  class AuditTrailFieldResolver {
    // Nullable: each subgraph adds its part of the trail, and one subgraph down must not blank the others'.
    @FieldResolver(() => AuditEntryConnection, {
      nullable: true,
      name: field,
      description: `Nhật ký các thay đổi do phân hệ ${field} ghi, mới nhất trước.`,
    })
    async entries(
      @Ctx() context: AuditContext,
      @Arg('filter', () => AuditFilter, { nullable: true }) filter?: AuditFilter | null,
      @Arg('first', () => Int, { nullable: true }) first?: number | null,
      @Arg('after', () => String, { nullable: true }) after?: string | null,
    ) {
      requireRole(context, ['CENTRAL_BOARD'], 'xem nhật ký thay đổi');
      return auditPage(context.db, filter, first, after);
    }
  }
  if (!options.ownsRoot) return { resolvers: [AuditTrailFieldResolver], orphanedTypes: [AuditTrail] };

  @Resolver()
  class AuditTrailRootResolver {
    @Query(() => AuditTrail, { nullable: true, description: 'Nhật ký thay đổi (chỉ Ban TĐKT Trung ương).' })
    auditTrail(@Ctx() context: AuditContext): AuditTrail {
      requireRole(context, ['CENTRAL_BOARD'], 'xem nhật ký thay đổi');
      return Object.assign(new AuditTrail(), { id: 'audit' });
    }
  }
  return { resolvers: [AuditTrailFieldResolver, AuditTrailRootResolver], orphanedTypes: [AuditTrail] };
}
