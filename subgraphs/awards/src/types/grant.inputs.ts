/** Inputs and results of the ledger's mutations: legacy imports and initiatives. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { CommendationBasis, InitiativeScope } from './award-type.types.js';

@InputType()
export class RecordInitiativeInput {
  @Field(() => [ID]) personIds!: string[];
  @Field() title!: string;
  @Field(() => InitiativeScope) scope!: InitiativeScope;
  @Field(() => GraphQLLocalDate) recognizedOn!: string;
  @Field({ description: 'Mã đơn vị công nhận.' }) recognizedByCode!: string;
}

@InputType()
export class ImportGrantRowInput {
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => String, { nullable: true }) organizationCode?: string | null;
  @Field({
    description:
      'Mã trong danh mục (LDTT, CSTD_CO_SO …), tên đầy đủ hoặc tên viết tắt thường dùng (LĐTT, CSTĐCS, BK TTg, HCLĐ hạng Ba …).',
  })
  awardTypeCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => CommendationBasis, { defaultValue: CommendationBasis.MERIT }) basis!: CommendationBasis;
  @Field() decisionNumber!: string;
  // A string, not a date scalar: a date the scalar refuses would refuse the whole list before any row is
  // read; read here, a bad date refuses its own row, named by its row number.
  @Field({ description: 'Ngày quyết định: ngày/tháng/năm (15/01/2025, 5/1/2025) hoặc năm-tháng-ngày (2025-01-15).' })
  issuedOn!: string;
  @Field({ description: 'Mã cơ quan ban hành (có thể là đơn vị đã giải thể, sáp nhập).' }) issuerCode!: string;
}

@InputType()
export class ImportGrantsInput {
  @Field(() => [ImportGrantRowInput]) grants!: ImportGrantRowInput[];
  @Field(() => Int, {
    defaultValue: 1,
    description:
      'Số dòng trên bảng tính của phần tử đầu tiên (ví dụ 2 khi dòng 1 là tiêu đề); thông báo gọi các dòng theo số này.',
  })
  firstRowNumber!: number;
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int, { description: 'Vị trí trong danh sách gửi lên (từ 0).' }) index!: number;
  @Field(() => Int, { description: 'Số dòng trên bảng tính (firstRowNumber + index).' }) row!: number;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'Ghi chú về một dòng đã xử lý: bỏ qua vì trùng, hoặc nhập nhưng chưa kiểm tra thẩm quyền.' })
export class ImportRowNote {
  @Field(() => Int, { description: 'Vị trí trong danh sách gửi lên (từ 0).' }) index!: number;
  @Field(() => Int, { description: 'Số dòng trên bảng tính (firstRowNumber + index).' }) row!: number;
  @Field({ description: 'DUPLICATE (bỏ qua) hoặc AUTHORITY_UNVERIFIED (đã nhập, chưa kiểm tra thẩm quyền).' })
  code!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'Kết quả nhập: dòng nào cũng được kiểm tra; có dòng lỗi thì không dòng nào được ghi.' })
export class ImportGrantsResult {
  @Field(() => Int) imported!: number;
  @Field(() => Int, { description: 'Dòng trùng với khen thưởng đã có (bỏ qua, không lỗi).' }) skipped!: number;
  @Field(() => [ImportRowError], {
    description: 'Các dòng bị từ chối, theo số dòng; có lỗi thì không dòng nào được ghi.',
  })
  errors!: ImportRowError[];
  @Field(() => [ImportRowNote], { description: 'Các dòng bị bỏ qua vì trùng, theo số dòng, với lý do.' })
  skippedRows!: ImportRowNote[];
  @Field(() => [ImportRowNote], {
    description: 'Các dòng đã nhập nhưng chưa kiểm tra thẩm quyền (quyết định trước Luật TĐKT 2022), với lý do.',
  })
  flagged!: ImportRowNote[];
}
