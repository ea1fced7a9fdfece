/**
 * `organizationTreeChanges`: the units whose ancestor chain (or kind) changed after a sequence number
 * of the tree log (migration 1765000000000), with their chains as they are now. The awards subgraph
 * keeps a copy of the chains to count grants over a subtree from its rollups, and calls this on each
 * statistics request: when nothing changed, the answer is one index probe.
 *
 * The tree is public (every unit shows its parent and children), so this is too.
 */
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput } from '@tdkt/subgraph-kit';
import { OrganizationKind } from '../types/enums.js';
import type { OrganizationsContext } from '../context.js';

const MAX_UNITS_PER_PAGE = 10_000;
const DEFAULT_UNITS_PER_PAGE = 2_000;

@ObjectType({ description: 'Chuỗi đơn vị cấp trên hiện tại của một đơn vị (để đồng bộ cây đơn vị sang phân hệ khác).' })
export class OrganizationAncestry {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Mã đơn vị (không đổi); null khi đơn vị đã bị xóa.' }) code!: string | null;
  @Field(() => [ID], { nullable: true, description: 'Các đơn vị cấp trên, gần nhất trước; null khi đơn vị đã bị xóa.' }) ancestorIds!: string[] | null;
  @Field(() => OrganizationKind, { nullable: true }) kind!: OrganizationKind | null;
}

@ObjectType({ description: 'Một trang thay đổi của cây đơn vị, theo số thứ tự thay đổi.' })
export class OrganizationTreeChanges {
  @Field({ description: 'Số thứ tự thay đổi cuối cùng trang này bao gồm; gửi lại làm `after` ở lần đọc sau.' }) cursor!: string;
  @Field({ description: 'Còn thay đổi sau cursor (đọc tiếp).' }) hasMore!: boolean;
  @Field({ description: 'true khi `after` không thuộc nhật ký này (cơ sở dữ liệu đã được khôi phục, tạo lại): hãy đồng bộ lại từ 0.' }) reset!: boolean;
  @Field(() => [OrganizationAncestry], { description: 'Các đơn vị đã đổi (kể cả mọi đơn vị dưới một đơn vị đổi cấp trên), với chuỗi cấp trên hiện tại.' })
  units!: OrganizationAncestry[];
}

interface PageRow {
  head: string | null;
  page_count: number;
  last_seq: string | null;
  units: { id: string; code: string | null; kind: OrganizationKind | null; ancestorIds: string[] | null }[];
}

@Resolver()
export class OrganizationTreeResolver {
  @Query(() => OrganizationTreeChanges, { description: 'Các thay đổi của cây đơn vị sau một số thứ tự (dùng để đồng bộ cây đơn vị cho thống kê).' })
  async organizationTreeChanges(
    @Ctx() context: OrganizationsContext,
    @Arg('after', () => String, { description: 'Số thứ tự đã đồng bộ ("0" để nhận toàn bộ cây).' }) after: string,
    @Arg('first', () => Int, { nullable: true, description: `Số thay đổi tối đa mỗi trang (mặc định ${DEFAULT_UNITS_PER_PAGE}, tối đa ${MAX_UNITS_PER_PAGE}).` }) first?: number | null,
  ): Promise<OrganizationTreeChanges> {
    if (!/^[0-9]{1,18}$/.test(after)) throw badInput('Số thứ tự thay đổi không hợp lệ.', { field: 'after' });
    const limit = first ?? DEFAULT_UNITS_PER_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_UNITS_PER_PAGE) throw badInput(`first phải từ 1 đến ${MAX_UNITS_PER_PAGE}.`, { field: 'first' });
    if (after === '0') await logUnloggedUnits(context);

    // One statement: the page of the log, the subtrees under units that moved, every unit's chain now.
    const [row] = (await context.db.query(
      `WITH RECURSIVE page AS (
         SELECT seq, organization_id, moved FROM organization_tree_change WHERE seq > $1::bigint ORDER BY seq LIMIT $2
       ),
       down(id, depth) AS (
         SELECT organization_id, 0 FROM page WHERE moved
         UNION
         SELECT o.id, down.depth + 1 FROM down JOIN organization o ON o.parent_id = down.id WHERE down.depth < 64
       ),
       ids AS (SELECT organization_id AS id FROM page UNION SELECT id FROM down),
       up(origin, ancestor, depth) AS (
         SELECT o.id, o.parent_id, 1 FROM organization o JOIN ids ON ids.id = o.id WHERE o.parent_id IS NOT NULL
         UNION ALL
         SELECT up.origin, o.parent_id, up.depth + 1 FROM up JOIN organization o ON o.id = up.ancestor WHERE o.parent_id IS NOT NULL AND up.depth < 64
       ),
       chains AS (SELECT origin, array_agg(ancestor ORDER BY depth) AS ancestors FROM up GROUP BY origin)
       SELECT (SELECT max(seq) FROM organization_tree_change)::text AS head,
              (SELECT count(*) FROM page)::int AS page_count,
              (SELECT max(seq) FROM page)::text AS last_seq,
              coalesce((SELECT json_agg(json_build_object(
                          'id', ids.id, 'code', o.code, 'kind', o.kind,
                          'ancestorIds', CASE WHEN o.id IS NULL THEN NULL ELSE coalesce(c.ancestors, '{}'::uuid[]) END))
                          FROM ids LEFT JOIN organization o ON o.id = ids.id LEFT JOIN chains c ON c.origin = ids.id), '[]'::json) AS units`,
      [after, limit],
    )) as PageRow[];
    const page = row!;
    if (BigInt(after) > BigInt(page.head ?? '0')) {
      return Object.assign(new OrganizationTreeChanges(), { cursor: '0', hasMore: true, reset: true, units: [] });
    }
    return Object.assign(new OrganizationTreeChanges(), {
      cursor: page.last_seq ?? after,
      hasMore: page.page_count === limit,
      reset: false,
      units: page.units.map((unit) => Object.assign(new OrganizationAncestry(), unit)),
    });
  }
}

/**
 * A bulk load with user triggers disabled leaves units out of the log. A reader starting from 0 gets
 * them logged first (once: afterwards every unit has its entry).
 */
async function logUnloggedUnits(context: OrganizationsContext): Promise<void> {
  await context.db.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('tdkt:organizations:tree-change'))`);
    await manager.query(
      `INSERT INTO organization_tree_change (organization_id)
       SELECT o.id FROM organization o WHERE NOT EXISTS (SELECT 1 FROM organization_tree_change c WHERE c.organization_id = o.id) ORDER BY o.id`,
    );
  });
}
