import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { AwardCategory, AwardType } from '../types/award.types.js';
import { AWARD_TYPE_COLUMNS } from '../loaders/award.loaders.js';
import type { AwardsContext } from '../context.js';

@Resolver(() => AwardType)
export class CatalogueResolver {
  @Query(() => [AwardType], { description: 'Danh mục hình thức khen thưởng và danh hiệu thi đua (Luật TĐKT 2022), theo nhóm và thứ bậc.' })
  async awardTypes(@Ctx() context: AwardsContext, @Arg('category', () => AwardCategory, { nullable: true }) category?: AwardCategory | null): Promise<AwardType[]> {
    const rows: AwardType[] = await context.db.query(
      `SELECT ${AWARD_TYPE_COLUMNS} FROM award_type WHERE ($1::text IS NULL OR category = $1) ORDER BY position`,
      [category ?? null],
    );
    return rows.map((row) => {
      const type = Object.assign(new AwardType(), row);
      context.loaders.awardTypeByCode.prime(type.code, type);
      return type;
    });
  }

  @Query(() => AwardType, { nullable: true })
  awardType(@Ctx() context: AwardsContext, @Arg('code') code: string): Promise<AwardType | null> {
    return context.loaders.awardTypeByCode.load(code.trim().toUpperCase());
  }
}
