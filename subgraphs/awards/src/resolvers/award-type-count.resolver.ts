/** The award type of a count (primed by awardStatistics: no statement). */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { AwardType } from '../types/award-type.types.js';
import { AwardTypeCount } from '../types/statistics.types.js';

@Resolver(() => AwardTypeCount)
export class AwardTypeCountResolver {
  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() row: AwardTypeCount, @Ctx() context: AwardsContext): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(row.awardTypeCode);
  }
}
