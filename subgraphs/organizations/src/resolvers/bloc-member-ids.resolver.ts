/**
 * `EmulationBloc.memberIds(year)`: the ids of a bloc's members in a year, for the statistics of other
 * subgraphs (awards counts a bloc's grants, campaigns summarizes every bloc's pledge year), which need
 * the ids only: one statement for all the blocs and years of a request (the one `members` uses).
 */
import { Arg, Ctx, FieldResolver, ID, Int, Resolver, Root } from 'type-graphql';
import { EmulationBloc } from '../types/bloc.types.js';
import { requireYear } from '../services/year.js';
import type { OrganizationsContext } from '../context.js';

@Resolver(() => EmulationBloc)
export class BlocMemberIdsResolver {
  @FieldResolver(() => [ID], {
    description: 'Id các đơn vị thành viên trong năm (Khối trưởng, Khối phó, rồi theo tên), cho thống kê.',
  })
  async memberIds(
    @Root() bloc: EmulationBloc,
    @Ctx() context: OrganizationsContext,
    @Arg('year', () => Int) year: number,
  ): Promise<string[]> {
    requireYear(year, 'year');
    return (await context.loaders.membershipsByBlocYear.load(bloc.id, year)).map(
      (membership) => membership.organizationId,
    );
  }
}
