/** Inputs of the nomination workflow's mutations. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { CommendationBasis } from './award-type.types.js';
import { NominationStatus } from './nomination.types.js';

@InputType()
export class CreateNominationInput {
  @Field() awardTypeCode!: string;
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => String, { nullable: true }) organizationCode?: string | null;
  @Field(() => Int) year!: number;
  @Field(() => CommendationBasis, { defaultValue: CommendationBasis.MERIT }) basis!: CommendationBasis;
  @Field({ description: 'Đơn vị trình đề nghị.' }) proposedByCode!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Khối/cụm thi đua (bắt buộc với Cờ thi đua của Chính phủ theo khối).',
  })
  blocCode?: string | null;
  @Field(() => String, { nullable: true }) movementCode?: string | null;
}

@InputType()
export class RecordCouncilVoteInput {
  @Field(() => ID) nominationId!: string;
  @Field(() => Int) membersTotal!: number;
  @Field(() => Int) yes!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int) abstain!: number;
  @Field(() => GraphQLLocalDate) votedOn!: string;
}

@InputType()
export class IssueDecisionInput {
  @Field() number!: string;
  @Field(() => GraphQLLocalDate) issuedOn!: string;
  @Field({ description: 'Mã cơ quan ban hành, ví dụ CP (Thủ tướng), CTN (Chủ tịch nước), BTP, HN.' })
  issuerCode!: string;
  @Field(() => [ID]) nominationIds!: string[];
}

@InputType({ description: 'Lọc danh sách hồ sơ đề nghị; mọi trường đều không bắt buộc.' })
export class NominationFilter {
  @Field(() => NominationStatus, { nullable: true }) status?: NominationStatus | null;
  @Field(() => String, {
    nullable: true,
    description: 'Mã đơn vị: hồ sơ của cá nhân, tập thể thuộc đơn vị này và các đơn vị trực thuộc.',
  })
  unitCode?: string | null;
  @Field(() => Int, { nullable: true, description: 'Năm thành tích.' }) year?: number | null;
  @Field(() => String, { nullable: true }) awardTypeCode?: string | null;
}
