/**
 * `Person.eligibility(awardTypeCode, year)`: the versioned rules of rules/ applied to the person's
 * ledger (grants, initiatives) and to the annual ratings read live from the organizations subgraph.
 * Ratings are private there, so a caller who may not see them gets no verdict (null with a FORBIDDEN
 * error, kit access.ts), never a wrong one.
 */
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { personEligibility } from '../services/eligibility.service.js';
import { EligibilityVerdict } from '../types/grant.types.js';
import { Person } from '../types/person.stub.js';

@Resolver(() => Person)
export class PersonEligibilityResolver {
  @FieldResolver(() => EligibilityVerdict, {
    nullable: true,
    description:
      'Điều kiện để được đề nghị danh hiệu/hình thức khen thưởng cho năm thành tích. Không công khai: chỉ người được xem xếp loại của cá nhân mới xem được (người khác nhận lỗi FORBIDDEN).',
  })
  eligibility(
    @Root() person: Person,
    @Ctx() context: AwardsContext,
    @Arg('awardTypeCode') awardTypeCode: string,
    @Arg('year', () => Int) year: number,
    @Arg('decisionDate', () => String, {
      nullable: true,
      description: 'Ngày dự kiến quyết định (mặc định 15/1 năm sau năm thành tích).',
    })
    decisionDate?: string | null,
  ): Promise<EligibilityVerdict | null> {
    return personEligibility(context, person.id, awardTypeCode, year, decisionDate ?? null);
  }
}
