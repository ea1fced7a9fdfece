/**
 * `organizationTreeChanges`: the units whose ancestor chain, kind, code or name changed after a sequence
 * number of the tree log (migrations 1765000000000, 1765500000000), with their chains and names as they
 * are now. The awards subgraph keeps a copy of the chains to count grants over a subtree from its
 * rollups, and calls this on each statistics request; the campaigns subgraph keeps a copy of codes and
 * names, read at most once a second. When nothing changed, the answer is one index probe.
 *
 * The tree is public (every unit shows its parent and children), so this is too.
 */
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badInput } from '@tdkt/subgraph-kit';
import { OrganizationAncestry, OrganizationTreeChanges } from '../types/organization-tree.types.js';
import type { OrganizationsContext } from '../context.js';

const MAX_UNITS_PER_PAGE = 10_000;
const DEFAULT_UNITS_PER_PAGE = 2_000;

@Resolver()
export class OrganizationTreeResolver {
  @Query(() => OrganizationTreeChanges, {
    nullable: true,
    description: 'Các thay đổi của cây đơn vị sau một số thứ tự (dùng để đồng bộ cây đơn vị cho thống kê).',
  })
  async organizationTreeChanges(
    @Ctx() context: OrganizationsContext,
    @Arg('after', () => String, { description: 'Số thứ tự đã đồng bộ ("0" để nhận toàn bộ cây).' }) after: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Số thay đổi tối đa mỗi trang (mặc định ${DEFAULT_UNITS_PER_PAGE}, tối đa ${MAX_UNITS_PER_PAGE}).`,
    })
    first?: number | null,
  ): Promise<OrganizationTreeChanges> {
    if (!/^[0-9]{1,18}$/.test(after)) throw badInput('Số thứ tự thay đổi không hợp lệ.', { field: 'after' });
    const limit = first ?? DEFAULT_UNITS_PER_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_UNITS_PER_PAGE)
      throw badInput(`first phải từ 1 đến ${MAX_UNITS_PER_PAGE}.`, { field: 'first' });
    if (after === '0') await context.stores.organizationTree.logUnloggedUnits();

    const page = await context.stores.organizationTree.changesAfter(after, limit);
    if (BigInt(after) > BigInt(page.head ?? '0')) {
      // The log ends before `after`: the database was restored or recreated since the reader last synced.
      return Object.assign(new OrganizationTreeChanges(), { cursor: '0', hasMore: true, reset: true, units: [] });
    }
    return Object.assign(new OrganizationTreeChanges(), {
      cursor: page.lastSeq ?? after,
      hasMore: page.pageCount === limit,
      reset: false,
      units: page.units.map((unit) => Object.assign(new OrganizationAncestry(), unit)),
    });
  }
}
