/** The award catalogue (Luật TĐKT 2022): every type in order, or one by code. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { AwardCategory, AwardType } from '../types/award-type.types.js';

@Resolver(() => AwardType)
export class CatalogueResolver {
  @Query(() => [AwardType], {
    nullable: true,
    description: 'Danh mục hình thức khen thưởng và danh hiệu thi đua (Luật TĐKT 2022), theo nhóm và thứ bậc.',
  })
  async awardTypes(
    @Ctx() context: AwardsContext,
    @Arg('category', () => AwardCategory, { nullable: true }) category?: AwardCategory | null,
  ): Promise<AwardType[]> {
    const types = await context.stores.awardTypes.list(category ?? null);
    for (const type of types) context.loaders.awardTypeByCode.prime(type.code, type);
    return types;
  }

  @Query(() => AwardType, { nullable: true })
  awardType(@Ctx() context: AwardsContext, @Arg('code') code: string): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(code.trim().toUpperCase());
  }
}
