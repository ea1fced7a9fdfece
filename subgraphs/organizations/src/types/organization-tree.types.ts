import { Field, ID, ObjectType } from 'type-graphql';
import { OrganizationKind } from './enums.js';

@ObjectType({
  description:
    'Chuỗi đơn vị cấp trên, mã và tên hiện tại của một đơn vị (để đồng bộ cây đơn vị và tên đơn vị sang phân hệ khác).',
})
export class OrganizationAncestry {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'Mã đơn vị (không đổi); null khi đơn vị đã bị xóa.' })
  code!: string | null;
  @Field(() => String, { nullable: true, description: 'Tên đơn vị hiện tại; null khi đơn vị đã bị xóa.' })
  name!: string | null;
  @Field(() => String, { nullable: true, description: 'Tên viết tắt hiện tại (nếu có).' })
  shortName!: string | null;
  @Field(() => [ID], {
    nullable: true,
    description: 'Các đơn vị cấp trên, gần nhất trước; null khi đơn vị đã bị xóa.',
  })
  ancestorIds!: string[] | null;
  @Field(() => OrganizationKind, { nullable: true }) kind!: OrganizationKind | null;
}

@ObjectType({ description: 'Một trang thay đổi của cây đơn vị, theo số thứ tự thay đổi.' })
export class OrganizationTreeChanges {
  @Field({ description: 'Số thứ tự thay đổi cuối cùng trang này bao gồm; gửi lại làm `after` ở lần đọc sau.' })
  cursor!: string;
  @Field({ description: 'Còn thay đổi sau cursor (đọc tiếp).' }) hasMore!: boolean;
  @Field({
    description:
      'true khi `after` không thuộc nhật ký này (cơ sở dữ liệu đã được khôi phục, tạo lại): hãy đồng bộ lại từ 0.',
  })
  reset!: boolean;
  @Field(() => [OrganizationAncestry], {
    description: 'Các đơn vị đã đổi (kể cả mọi đơn vị dưới một đơn vị đổi cấp trên), với chuỗi cấp trên hiện tại.',
  })
  units!: OrganizationAncestry[];
}
