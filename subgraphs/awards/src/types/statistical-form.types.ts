/** The statistical forms 0602/0603 of TT 02/2023/TT-BNV as a matrix of rows × columns. */
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { SubjectKind } from './award-type.types.js';

@InputType({ description: 'Phạm vi của biểu: một cây đơn vị, một khối/cụm, hoặc cả nước (bỏ trống cả hai).' })
export class AwardFormFilter {
  @Field(() => String, { nullable: true, description: 'Đơn vị báo cáo: đơn vị và mọi đơn vị trực thuộc.' })
  organizationCode?: string | null;
  @Field(() => String, { nullable: true, description: 'Các thành viên của khối/cụm (và đơn vị trực thuộc), theo năm.' })
  blocCode?: string | null;
  @Field(() => Int, { description: 'Năm báo cáo (năm thành tích); một năm: yearFrom = yearTo.' }) yearFrom!: number;
  @Field(() => Int) yearTo!: number;
}

@ObjectType({ description: 'Một cột của biểu: một hình thức khen thưởng (tập thể hoặc cá nhân, nếu biểu tách).' })
export class AwardFormColumn {
  @Field({ description: 'Khóa ổn định của cột, ví dụ "HC_LAO_DONG_3:COLLECTIVE".' }) key!: string;
  @Field({ description: 'Số cột nhóm trong biểu (ví dụ "2" = Huân chương, huy chương).' }) group!: string;
  @Field() groupLabel!: string;
  @Field({ description: 'Tên cột bằng tiếng Việt.' }) label!: string;
  awardTypeCode!: string;
  @Field(() => SubjectKind, {
    nullable: true,
    description: 'Tập thể hoặc cá nhân; null khi cột gồm cả hai (biểu 0603).',
  })
  subjectKind!: SubjectKind | null;
}

@ObjectType({ description: 'Một dòng của biểu.' })
export class AwardFormRow {
  @Field({ description: 'Mã số dòng trong biểu.' }) code!: string;
  @Field() label!: string;
  @Field(() => String, { nullable: true, description: 'Đơn vị tính.' }) unit!: string | null;
  @Field({ description: 'false khi sổ khen thưởng chưa có dữ liệu cho dòng này (xem notes).' }) available!: boolean;
  @Field(() => Int, { nullable: true, description: 'Tổng số (cột 1); null khi không có dữ liệu.' }) total!:
    number | null;
  @Field(() => [Int], { nullable: 'items', description: 'Giá trị theo thứ tự của columns.' }) values!: (
    number | null
  )[];
}

@ObjectType({ description: 'Một biểu báo cáo thống kê, dạng bảng dòng × cột như biểu mẫu.' })
export class AwardStatisticalForm {
  @Field({ description: 'Ký hiệu biểu, ví dụ 0602.N/BNV-TĐKT.' }) form!: string;
  @Field() title!: string;
  @Field() legalBasis!: string;
  @Field(() => Int) yearFrom!: number;
  @Field(() => Int) yearTo!: number;
  @Field(() => [AwardFormColumn]) columns!: AwardFormColumn[];
  @Field(() => [AwardFormRow]) rows!: AwardFormRow[];
  @Field(() => [String], { description: 'Cách tính và những gì chưa có dữ liệu.' }) notes!: string[];
}
