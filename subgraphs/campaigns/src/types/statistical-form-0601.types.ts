/** Statistical form 0601.N/BNV-TĐKT (Thông tư 02/2023/TT-BNV) as rows × columns, like the printed form. */
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { MovementLaunchLevel } from './movement.enums.js';

@InputType({
  description:
    'Phạm vi của biểu 0601: phong trào do một đơn vị (và các đơn vị trực thuộc) phát động, hoặc cả nước (bỏ trống).',
})
export class MovementFormFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Đơn vị báo cáo: phong trào do đơn vị này hoặc đơn vị trực thuộc phát động.',
  })
  organizationCode?: string | null;
  @Field(() => Int, { description: 'Năm báo cáo (năm phát động); một năm: yearFrom = yearTo.' }) yearFrom!: number;
  @Field(() => Int) yearTo!: number;
}

@ObjectType({ description: 'Một cột của biểu 0601: cấp chủ trì phát động.' })
export class MovementFormColumn {
  @Field({ description: 'Số cột trong biểu ("2", "3", "4").' }) key!: string;
  @Field() label!: string;
  @Field(() => [MovementLaunchLevel], { description: 'Các cấp phát động được tính vào cột này.' })
  launchLevels!: MovementLaunchLevel[];
}

@ObjectType({ description: 'Một dòng của biểu 0601.' })
export class MovementFormRow {
  @Field({ description: 'Mã số dòng trong biểu.' }) code!: string;
  @Field() label!: string;
  @Field(() => Int, { description: 'Tổng số (cột 1 = 2 + 3 + 4).' }) total!: number;
  @Field(() => [Int], { description: 'Giá trị theo thứ tự của columns.' }) values!: number[];
}

@ObjectType()
export class MovementLaunchLevelCount {
  @Field(() => MovementLaunchLevel) launchLevel!: MovementLaunchLevel;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Biểu 0601.N/BNV-TĐKT: số phong trào thi đua, dạng bảng dòng × cột như biểu mẫu.' })
export class MovementStatisticalForm {
  @Field() form!: string;
  @Field() title!: string;
  @Field() legalBasis!: string;
  @Field(() => Int) yearFrom!: number;
  @Field(() => Int) yearTo!: number;
  @Field(() => [MovementFormColumn]) columns!: MovementFormColumn[];
  @Field(() => [MovementFormRow]) rows!: MovementFormRow[];
  @Field(() => [MovementLaunchLevelCount], {
    description: 'Số phong trào theo từng cấp phát động (chi tiết của các cột).',
  })
  byLaunchLevel!: MovementLaunchLevelCount[];
  @Field(() => Int, { description: 'Phong trào chưa có ngày kết thúc: không thuộc dòng thời hạn nào.' })
  openEnded!: number;
  @Field(() => [String]) notes!: string[];
}
