/** Inputs and results of the ledger's mutations: legacy imports and initiatives. */
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
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
  @Field() awardTypeCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => CommendationBasis, { defaultValue: CommendationBasis.MERIT }) basis!: CommendationBasis;
  @Field() decisionNumber!: string;
  @Field(() => GraphQLLocalDate) issuedOn!: string;
  @Field({ description: 'Mã cơ quan ban hành (có thể là đơn vị đã giải thể, sáp nhập).' }) issuerCode!: string;
}

@InputType()
export class ImportGrantsInput {
  @Field(() => [ImportGrantRowInput]) grants!: ImportGrantRowInput[];
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int) index!: number;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'Kết quả nhập: dòng nào cũng được kiểm tra; có lỗi thì không dòng nào được ghi.' })
export class ImportGrantsResult {
  @Field(() => Int) imported!: number;
  @Field(() => Int, { description: 'Dòng trùng với khen thưởng đã có (bỏ qua, không lỗi).' }) skipped!: number;
  @Field(() => [ImportRowError]) errors!: ImportRowError[];
}
