import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { canSeePledge, visiblePledge } from '../services/pledge-access.js';
import { EmulationBloc } from '../types/emulation-bloc.stub.js';
import { Pledge } from '../types/pledge.types.js';

/** Fields campaigns adds to the organizations subgraph's EmulationBloc. */
@Resolver(() => EmulationBloc)
export class BlocPledgesResolver {
  @FieldResolver(() => Pledge, {
    nullable: true,
    description:
      'Giao ước của khối trong năm; null khi không có. Khi còn soạn thảo (DRAFT): chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  async pledge(
    @Root() bloc: EmulationBloc,
    @Ctx() context: CampaignsContext,
    @Arg('year', () => Int) year: number,
  ): Promise<Pledge | null> {
    return visiblePledge(context, await context.loaders.pledgeByBlocYear.load(bloc.id, year));
  }

  // A list: a DRAFT the caller may not see is left out, the visible pledges stay (kit access.ts).
  @FieldResolver(() => [Pledge], {
    nullable: true,
    description:
      'Mọi giao ước của khối, năm gần nhất trước. Giao ước đang soạn thảo chỉ có trong danh sách với Ban TĐKT TW và cán bộ các đơn vị thành viên năm đó.',
  })
  async pledges(@Root() bloc: EmulationBloc, @Ctx() context: CampaignsContext): Promise<Pledge[]> {
    const pledges = await context.loaders.pledgesByBlocId.load(bloc.id);
    const visible = await Promise.all(pledges.map((pledge) => canSeePledge(context, pledge)));
    return pledges.filter((_, index) => visible[index]);
  }
}
