/** The statistical forms 0602 and 0603 of Thông tư 02/2023/TT-BNV. Aggregated counts are public, like awardStatistics. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { FORM_0602, FORM_0603 } from '../services/statistical-form.definitions.js';
import { buildForm } from '../services/statistical-form.service.js';
import { AwardFormFilter, AwardStatisticalForm } from '../types/statistical-form.types.js';

@Resolver()
export class StatisticalFormsResolver {
  @Query(() => AwardStatisticalForm, {
    nullable: true,
    description:
      'Biểu 0602.N/BNV-TĐKT (TT 02/2023/TT-BNV): số lượng khen thưởng cấp Nhà nước, theo hình thức × đơn vị trình, đối tượng, phương thức khen thưởng.',
  })
  statisticalForm0602(
    @Ctx() context: AwardsContext,
    @Arg('filter', () => AwardFormFilter) filter: AwardFormFilter,
  ): Promise<AwardStatisticalForm> {
    return buildForm(context, FORM_0602, filter);
  }

  @Query(() => AwardStatisticalForm, {
    nullable: true,
    description:
      'Biểu 0603.N/BNV-TĐKT (TT 02/2023/TT-BNV): số lượng khen thưởng cấp bộ, ban, ngành, tỉnh, theo hình thức × đối tượng, phương thức khen thưởng.',
  })
  statisticalForm0603(
    @Ctx() context: AwardsContext,
    @Arg('filter', () => AwardFormFilter) filter: AwardFormFilter,
  ): Promise<AwardStatisticalForm> {
    return buildForm(context, FORM_0603, filter);
  }
}
