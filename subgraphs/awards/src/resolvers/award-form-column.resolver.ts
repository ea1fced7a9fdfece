/** The award type of a statistical form's column. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { AwardType } from '../types/award-type.types.js';
import { AwardFormColumn } from '../types/statistical-form.types.js';

@Resolver(() => AwardFormColumn)
export class AwardFormColumnResolver {
  @FieldResolver(() => AwardType, { nullable: true })
  awardType(@Root() column: AwardFormColumn, @Ctx() context: AwardsContext): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(column.awardTypeCode);
  }
}
