import { Field, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { LineageKind, OrganizationKind, OrganizationLevel } from './enums.js';

@InputType()
export class OrganizationFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Tìm theo tên, tên viết tắt hoặc mã, không cần dấu ("ha noi" tìm được "Hà Nội").',
  })
  search?: string | null;

  @Field(() => [OrganizationKind], { nullable: true })
  kinds?: OrganizationKind[] | null;

  @Field(() => OrganizationLevel, { nullable: true })
  level?: OrganizationLevel | null;

  @Field(() => String, { nullable: true, description: 'Chỉ các đơn vị trực thuộc trực tiếp đơn vị này.' })
  parentCode?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Chỉ các đơn vị còn tồn tại vào ngày này.' })
  activeOn?: string | null;
}

@InputType()
export class CreateOrganizationInput {
  @Field({ description: 'Mã đơn vị: chữ in hoa không dấu, số, gạch dưới (ví dụ SO_NV_HN).' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  shortName?: string | null;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => String, { nullable: true, description: 'Mã đơn vị cấp trên trực tiếp.' })
  parentCode?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ngày thành lập / bắt đầu hoạt động.' })
  validFrom?: string | null;

  @Field(() => OrganizationLevel, {
    nullable: true,
    description: 'Cấp hành chính; bỏ trống để suy ra từ loại đơn vị và đơn vị cấp trên.',
  })
  level?: OrganizationLevel | null;
}

@InputType()
export class UpdateOrganizationInput {
  @Field({ description: 'Mã của đơn vị cần sửa (mã không đổi được).' })
  code!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Phiên bản đang xem; nếu đơn vị đã bị người khác sửa, thao tác bị từ chối (CONFLICT).',
  })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Chuỗi rỗng để xóa.' })
  shortName?: string | null;

  @Field(() => OrganizationKind, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => OrganizationLevel, { nullable: true })
  level?: OrganizationLevel | null;

  @Field(() => String, { nullable: true, description: 'Mã đơn vị cấp trên mới.' })
  parentCode?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true để đưa đơn vị lên cấp cao nhất (không có cấp trên).' })
  clearParent?: boolean | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  validFrom?: string | null;

  @Field(() => GraphQLLocalDate, { nullable: true })
  validTo?: string | null;
}

@InputType()
export class RecordLineageEventInput {
  @Field(() => LineageKind)
  kind!: LineageKind;

  @Field(() => GraphQLLocalDate, {
    description: 'Ngày đơn vị kế thừa bắt đầu hoạt động; đơn vị bị sáp nhập/giải thể kết thúc vào ngày trước đó.',
  })
  effectiveDate!: string;

  @Field({ description: 'Văn bản làm căn cứ (số, ngày, cơ quan ban hành).' })
  legalBasis!: string;

  @Field(() => [String], { description: 'Mã các đơn vị trước sự kiện (kể cả đơn vị tiếp tục tồn tại).' })
  predecessorCodes!: string[];

  @Field(() => [String], { description: 'Mã các đơn vị sau sự kiện (rỗng khi giải thể).' })
  successorCodes!: string[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}
