/** What the administration of blocs answers: a year's leadership, and the result of a carried-over list. */
import { Field, Int, ObjectType } from 'type-graphql';
import { BlocMembership } from './bloc.types.js';
import { Organization } from './organization.types.js';

@ObjectType({ description: 'Khối trưởng (Cụm trưởng) và Khối phó (Cụm phó) của khối/cụm trong một năm.' })
export class BlocLeadershipYear {
  @Field(() => Int)
  year!: number;

  leadId!: string | null;

  deputyId!: string | null;
}

@ObjectType({ description: 'Danh sách thành viên năm mới, chép từ năm trước.' })
export class CopyBlocMembershipResult {
  @Field(() => Int, { description: 'Năm đã chép danh sách.' })
  fromYear!: number;

  @Field(() => [BlocMembership], { description: 'Thành viên của năm mới sau khi chép.' })
  members!: BlocMembership[];

  @Field(() => [Organization], {
    description:
      'Thành viên năm trước không chép sang vì đơn vị không còn tồn tại trong năm mới (đã sáp nhập, giải thể).',
  })
  leftOut!: Organization[];
}
