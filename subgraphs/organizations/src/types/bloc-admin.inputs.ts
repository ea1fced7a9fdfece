import { Field, InputType, Int } from 'type-graphql';
import { BlocKind } from './enums.js';

@InputType()
export class UpdateBlocInput {
  @Field({ description: 'Mã của khối/cụm cần sửa (mã không đổi được).' })
  code!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Phiên bản đang xem; nếu khối/cụm đã bị người khác sửa, thao tác bị từ chối (CONFLICT).',
  })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true, description: 'Tên mới.' })
  name?: string | null;

  @Field(() => BlocKind, { nullable: true })
  kind?: BlocKind | null;
}

@InputType()
export class CopyBlocMembershipInput {
  @Field()
  blocCode!: string;

  @Field(() => Int, { description: 'Năm cần lập danh sách.' })
  toYear!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Năm chép từ; bỏ trống để lấy năm gần nhất trước đó có danh sách thành viên.',
  })
  fromYear?: number | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'true để thay danh sách đã có của năm mới; nếu không, năm đã có thành viên thì bị từ chối.',
  })
  replace!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'true để giữ cả vai trò Khối trưởng, Khối phó của năm trước (mặc định: mọi đơn vị là thành viên).',
  })
  keepRoles!: boolean;
}

@InputType()
export class RotateBlocLeadershipInput {
  @Field()
  blocCode!: string;

  @Field(() => Int)
  year!: number;

  @Field({ description: 'Mã đơn vị làm Khối trưởng (Cụm trưởng); phải là thành viên trong năm.' })
  leadCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Mã đơn vị làm Khối phó (Cụm phó); bỏ trống nếu năm đó không có Khối phó.',
  })
  deputyCode?: string | null;
}
