import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Connection } from '@tdkt/subgraph-kit';
import { Organization } from '../entities/organization.entity.js';
import { EmulationBloc } from '../entities/bloc.entity.js';
import { Person } from '../entities/person.entity.js';
import { AnnualRatingValue, BlocKind, BlocMemberRole, Gender, LineageKind, OrganizationKind, OrganizationLevel } from './enums.js';

@ObjectType()
export class OrganizationConnection extends Connection(Organization, 'Organization') {}

@ObjectType()
export class EmulationBlocConnection extends Connection(EmulationBloc, 'EmulationBloc') {}

@ObjectType()
export class PersonConnection extends Connection(Person, 'Person') {}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Số bản ghi mỗi trang (mặc định 20, tối đa 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor của trang trước.' })
  after?: string | null;
}

@InputType()
export class OrganizationFilter {
  @Field(() => String, { nullable: true, description: 'Tìm theo tên, tên viết tắt hoặc mã, không cần dấu ("ha noi" tìm được "Hà Nội").' })
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

  @Field(() => OrganizationLevel, { nullable: true, description: 'Cấp hành chính; bỏ trống để suy ra từ loại đơn vị và đơn vị cấp trên.' })
  level?: OrganizationLevel | null;
}

@InputType()
export class UpdateOrganizationInput {
  @Field({ description: 'Mã của đơn vị cần sửa (mã không đổi được).' })
  code!: string;

  @Field(() => Int, { nullable: true, description: 'Phiên bản đang xem; nếu đơn vị đã bị người khác sửa, thao tác bị từ chối (CONFLICT).' })
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

  @Field(() => GraphQLLocalDate, { description: 'Ngày đơn vị kế thừa bắt đầu hoạt động; đơn vị bị sáp nhập/giải thể kết thúc vào ngày trước đó.' })
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

@InputType()
export class PersonFilter {
  @Field(() => String, { nullable: true, description: 'Tìm theo họ tên, không cần dấu ("nguyen van" tìm được "Nguyễn Văn …").' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Đơn vị (kể cả các đơn vị trực thuộc).' })
  organizationCode?: string | null;
}

@InputType()
export class CreatePersonInput {
  @Field()
  fullName!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => Int, { nullable: true })
  birthYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Dân tộc, ví dụ "Kinh", "Tày".' })
  ethnicity?: string | null;

  @Field()
  organizationCode!: string;

  @Field(() => String, { nullable: true, description: 'Chức vụ.' })
  position?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Người trực tiếp lao động, sản xuất, công tác (ưu tiên theo Điều 5 Luật TĐKT).' })
  isDirectWorker?: boolean | null;
}

@InputType()
export class RecordAnnualRatingInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => AnnualRatingValue)
  rating!: AnnualRatingValue;
}
