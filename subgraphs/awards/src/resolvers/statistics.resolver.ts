/** awardStatistics: public counts of live grants for a subtree or a bloc (forms 0602/0603 of TT 02/2023/TT-BNV). */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { awardStatistics } from '../services/award-statistics.service.js';
import { AwardStatistics, AwardStatisticsFilter } from '../types/statistics.types.js';

@Resolver()
export class StatisticsResolver {
  @Query(() => AwardStatistics, {
    nullable: true,
    description:
      'Thống kê khen thưởng theo biểu mẫu 0602/0603 (TT 02/2023/TT-BNV) cho một cây đơn vị hoặc một khối/cụm.',
  })
  awardStatistics(
    @Ctx() context: AwardsContext,
    @Arg('filter', () => AwardStatisticsFilter) filter: AwardStatisticsFilter,
  ): Promise<AwardStatistics> {
    return awardStatistics(context, filter);
  }
}
