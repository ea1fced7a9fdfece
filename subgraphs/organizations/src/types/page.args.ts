import { ArgsType, Field, Int } from 'type-graphql';

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Số bản ghi mỗi trang (mặc định 20, tối đa 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor của trang trước.' })
  after?: string | null;
}
