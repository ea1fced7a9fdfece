import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { ScorecardStage } from './pledge.types.js';

@InputType()
export class PledgeItemInput {
  @Field({ description: 'Mã tiêu chí, ví dụ "1", "2.1", "TC3".' }) code!: string;
  @Field() title!: string;
  @Field(() => Float, { nullable: true }) targetValue?: number | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => Float) maxScore!: number;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Cho phép báo cáo tiến độ âm (thay đổi so với mốc); mặc định không.',
  })
  allowNegative?: boolean | null;
}

@InputType()
export class CreatePledgeInput {
  @Field() blocCode!: string;
  @Field(() => Int) year!: number;
  @Field() theme!: string;
  @Field(() => [PledgeItemInput]) items!: PledgeItemInput[];
  @Field(() => Float, { nullable: true, defaultValue: 0, description: 'Mức trần điểm thưởng.' }) bonusCap?:
    number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Tỷ lệ phiếu suy tôn đơn vị dẫn đầu (mặc định 0,8 = 80 % tổng số thành viên).',
  })
  leadingVoteThreshold?: number | null;
  @Field(() => String, { nullable: true, description: 'Văn bản ban hành thang điểm (quy chế, khung tiêu chí).' })
  schemeLegalBasis?: string | null;
}

@InputType()
export class SignPledgeInput {
  @Field(() => ID) pledgeId!: string;
  @Field() organizationCode!: string;
}

@InputType()
export class ReportPledgeProgressInput {
  @Field(() => ID) pledgeId!: string;
  @Field() organizationCode!: string;
  @Field() itemCode!: string;
  @Field({ description: '"2026" (cả năm), "2026-H1" (6 tháng), "2026-Q2" (quý) hoặc "2026-07" (tháng).' })
  period!: string;
  @Field(() => Float) value!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class ItemScoreInput {
  @Field() itemCode!: string;
  @Field(() => Float) points!: number;
  @Field(() => String, { nullable: true, description: 'Giải trình ngắn cho điểm của tiêu chí (tối đa 1000 ký tự).' })
  justification?: string | null;
}

@InputType()
export class SubmitScorecardInput {
  @Field(() => ID) pledgeId!: string;
  @Field() organizationCode!: string;
  @Field(() => ScorecardStage) stage!: ScorecardStage;
  @Field(() => [ItemScoreInput]) scores!: ItemScoreInput[];
  @Field(() => Float, { nullable: true, defaultValue: 0 }) bonus?: number | null;
  @Field(() => Float, { nullable: true, defaultValue: 0 }) penalty?: number | null;
}

@InputType()
export class RecordBlocVoteInput {
  @Field(() => ID) pledgeId!: string;
  @Field({ description: 'Đơn vị được đề nghị suy tôn dẫn đầu.' }) candidateOrganizationCode!: string;
  @Field(() => Int) yes!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int) abstain!: number;
  @Field(() => GraphQLLocalDate) votedOn!: string;
}

@InputType()
export class AnnulBlocVoteInput {
  @Field(() => ID) voteId!: string;
  @Field({ description: 'Lý do hủy kết quả biểu quyết (bắt buộc).' }) reason!: string;
}

@InputType()
export class UpdatePledgeInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) theme?: string | null;
  @Field(() => [PledgeItemInput], {
    nullable: true,
    description: 'Thay toàn bộ nội dung (chỉ khi còn DRAFT); thang điểm lên phiên bản mới.',
  })
  items?: PledgeItemInput[] | null;
  @Field(() => Float, { nullable: true }) bonusCap?: number | null;
  @Field(() => Float, { nullable: true }) leadingVoteThreshold?: number | null;
  @Field(() => String, { nullable: true }) schemeLegalBasis?: string | null;
}
