import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CampaignsContext } from '../context.js';
import { visiblePledge } from '../services/pledge-access.js';
import { EmulationBloc } from '../types/emulation-bloc.stub.js';
import { Pledge } from '../types/pledge.types.js';

/** Fields campaigns adds to the organizations subgraph's EmulationBloc. */
@Resolver(() => EmulationBloc)
export class BlocPledgesResolver {
  @FieldResolver(() => Pledge, { nullable: true, description: 'Giao ước của khối trong năm.' })
  async pledge(
    @Root() bloc: EmulationBloc,
    @Ctx() context: CampaignsContext,
    @Arg('year', () => Int) year: number,
  ): Promise<Pledge | null> {
    return visiblePledge(context, await context.loaders.pledgeByBlocYear.load(bloc.id, year));
  }

  @FieldResolver(() => [Pledge], { nullable: true, description: 'Mọi giao ước của khối, năm gần nhất trước.' })
  async pledges(@Root() bloc: EmulationBloc, @Ctx() context: CampaignsContext): Promise<Pledge[]> {
    const pledges = await Promise.all(
      (await context.loaders.pledgesByBlocId.load(bloc.id)).map((pledge) => visiblePledge(context, pledge)),
    );
    return pledges.filter((pledge): pledge is Pledge => pledge !== null);
  }
}
