/** awardStatistics: counts of live grants by award, year, subject kind and gender (forms 0602/0603 of TT 02/2023/TT-BNV). */
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { AwardCategory, CommendationBasis, SubjectKind } from './award-type.types.js';

@InputType()
export class AwardStatisticsFilter {
  @Field(() => String, { nullable: true, description: 'Đơn vị và mọi đơn vị trực thuộc.' }) organizationCode?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Các thành viên của khối/cụm (và đơn vị trực thuộc của họ), theo năm thành tích.',
  })
  blocCode?: string | null;
  @Field(() => Int, { nullable: true }) yearFrom?: number | null;
  @Field(() => Int, { nullable: true }) yearTo?: number | null;
  @Field(() => AwardCategory, { nullable: true }) category?: AwardCategory | null;
  @Field(() => CommendationBasis, { nullable: true }) basis?: CommendationBasis | null;
}

@ObjectType()
export class AwardTypeCount {
  awardTypeCode!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class YearCount {
  @Field(() => Int) year!: number;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class SubjectKindCount {
  @Field(() => SubjectKind) subjectKind!: SubjectKind;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class GenderCount {
  @Field({ description: 'MALE, FEMALE hoặc UNKNOWN (cá nhân chưa ghi giới tính).' }) gender!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Số lượt khen thưởng (không tính lượt đã thu hồi).' })
export class AwardStatistics {
  @Field(() => Int) total!: number;
  @Field(() => [AwardTypeCount]) byAwardType!: AwardTypeCount[];
  @Field(() => [YearCount]) byYear!: YearCount[];
  @Field(() => [SubjectKindCount]) bySubjectKind!: SubjectKindCount[];
  @Field(() => [GenderCount], { description: 'Chỉ khen thưởng cá nhân.' }) byGender!: GenderCount[];
}
