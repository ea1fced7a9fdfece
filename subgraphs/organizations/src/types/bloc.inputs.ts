import { Field, InputType, Int } from 'type-graphql';
import { BlocKind, BlocMemberRole } from './enums.js';

@InputType()
export class EmulationBlocFilter {
  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => BlocKind, { nullable: true })
  kind?: BlocKind | null;

  @Field(() => String, { nullable: true })
  organizerCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Các khối/cụm có đơn vị này là thành viên (kết hợp với year).' })
  memberCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'Các khối/cụm có danh sách thành viên trong năm này.' })
  year?: number | null;
}

@InputType()
export class CreateBlocInput {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => BlocKind)
  kind!: BlocKind;

  @Field({ description: 'Mã đơn vị tổ chức khối/cụm (ví dụ BTDKTTW, một tỉnh, một bộ).' })
  organizerCode!: string;
}

@InputType()
export class BlocMemberInput {
  @Field()
  organizationCode!: string;

  @Field(() => BlocMemberRole, { defaultValue: BlocMemberRole.MEMBER })
  role!: BlocMemberRole;
}

@InputType()
export class SetBlocMembershipInput {
  @Field()
  blocCode!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => [BlocMemberInput], { description: 'Danh sách thay thế toàn bộ thành viên của khối/cụm trong năm.' })
  members!: BlocMemberInput[];
}
