import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

export enum PledgeStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  SIGNED = 'SIGNED',
  CLOSED = 'CLOSED',
}
registerEnumType(PledgeStatus, {
  name: 'PledgeStatus',
  valuesConfig: {
    DRAFT: { description: 'Đang soạn: tiêu chí còn sửa được' },
    OPEN: { description: 'Đã mở ký: tiêu chí đã chốt, thành viên ký giao ước' },
    SIGNED: { description: 'Mọi thành viên của khối năm đó đã ký' },
    CLOSED: { description: 'Đã tổng kết: có bảng xếp hạng' },
  },
});

export enum ScorecardStage {
  SELF = 'SELF',
  CROSS = 'CROSS',
  VERIFIED = 'VERIFIED',
}
registerEnumType(ScorecardStage, {
  name: 'ScorecardStage',
  valuesConfig: { SELF: { description: 'Tự chấm' }, CROSS: { description: 'Chấm chéo' }, VERIFIED: { description: 'Khối thẩm định' } },
});

/** Row shapes read by the loaders (numbers already converted from Postgres numeric). */
export interface PledgeRow {
  id: string;
  blocId: string;
  year: number;
  theme: string;
  status: PledgeStatus;
  bonusCap: number;
  leadingVoteThreshold: number;
  schemeVersion: number;
  openedAt: Date | null;
  signedAt: Date | null;
  closedAt: Date | null;
  isDemo: boolean;
}

@ObjectType({ description: 'Giao ước thi đua của một khối/cụm trong một năm.' })
@Directive('@key(fields: "id")')
export class Pledge implements Omit<PledgeRow, 'blocId'> {
  @Field(() => ID) id!: string;
  blocId!: string;
  @Field(() => Int) year!: number;
  @Field() theme!: string;
  @Field(() => PledgeStatus) status!: PledgeStatus;
  @Field(() => Float, { description: 'Mức tối đa của điểm thưởng cộng vào tổng điểm.' }) bonusCap!: number;
  @Field(() => Float, { description: 'Tỷ lệ phiếu đồng ý (trên tổng số thành viên) để suy tôn đơn vị dẫn đầu; mặc định 0,8.' }) leadingVoteThreshold!: number;
  @Field(() => Int, { description: 'Phiên bản thang điểm; chốt khi mở ký.' }) schemeVersion!: number;
  @Field(() => Date, { nullable: true }) openedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Khi thành viên cuối cùng ký.' }) signedAt!: Date | null;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field() isDemo!: boolean;
}

@ObjectType({ description: 'Một nội dung (tiêu chí) của giao ước.' })
export class PledgeItem {
  pledgeId!: string;
  @Field() code!: string;
  @Field() title!: string;
  @Field(() => Float, { nullable: true }) targetValue!: number | null;
  @Field(() => String, { nullable: true }) unit!: string | null;
  @Field(() => Float) maxScore!: number;
  position!: number;
}

@ObjectType({ description: 'Chữ ký giao ước của một đơn vị thành viên.' })
export class PledgeSignature {
  pledgeId!: string;
  organizationId!: string;
  @Field(() => Date) signedAt!: Date;
}

@ObjectType({ description: 'Một lần báo cáo tiến độ (giá trị hiện hành là lần mới nhất; các lần trước giữ trong lịch sử).' })
export class ProgressReport {
  pledgeId!: string;
  organizationId!: string;
  itemCode!: string;
  @Field() period!: string;
  @Field(() => Int, { description: '1 cho lần báo cáo đầu, tăng mỗi lần đính chính.' }) revision!: number;
  @Field(() => Float) value!: number;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) reportedAt!: Date;
}

@ObjectType()
export class ItemPoints {
  @Field() itemCode!: string;
  @Field(() => Float) points!: number;
}

@ObjectType({ description: 'Phiếu chấm điểm của một thành viên ở một bước (tự chấm, chấm chéo, thẩm định).' })
export class Scorecard {
  pledgeId!: string;
  organizationId!: string;
  @Field(() => ScorecardStage) stage!: ScorecardStage;
  @Field(() => Float) bonus!: number;
  @Field(() => Float) penalty!: number;
  @Field(() => Float, { description: 'Σ điểm tiêu chí (không quá điểm tối đa) + điểm thưởng (không quá mức trần) − điểm trừ.' }) totalScore!: number;
  @Field(() => Int) schemeVersion!: number;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => [ItemPoints]) scores!: ItemPoints[];
}

@ObjectType({ description: 'Thứ hạng khi tổng kết (bằng điểm thì đồng hạng).' })
export class RankingEntry {
  pledgeId!: string;
  organizationId!: string;
  @Field(() => Int) rank!: number;
  @Field(() => Float) totalScore!: number;
}

@ObjectType({ description: 'Biểu quyết của khối suy tôn đơn vị dẫn đầu.' })
export class BlocVote {
  @Field(() => ID) id!: string;
  pledgeId!: string;
  candidateOrganizationId!: string;
  @Field(() => Int) membersTotal!: number;
  @Field(() => Int) yes!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int) abstain!: number;
  @Field(() => Float) threshold!: number;
  @Field() passed!: boolean;
  @Field(() => GraphQLLocalDate) votedOn!: string;
}

@InputType()
export class PledgeItemInput {
  @Field({ description: 'Mã tiêu chí, ví dụ "1", "2.1", "TC3".' }) code!: string;
  @Field() title!: string;
  @Field(() => Float, { nullable: true }) targetValue?: number | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => Float) maxScore!: number;
}

@InputType()
export class CreatePledgeInput {
  @Field() blocCode!: string;
  @Field(() => Int) year!: number;
  @Field() theme!: string;
  @Field(() => [PledgeItemInput]) items!: PledgeItemInput[];
  @Field(() => Float, { nullable: true, defaultValue: 0, description: 'Mức trần điểm thưởng.' }) bonusCap?: number | null;
  @Field(() => Float, { nullable: true, description: 'Tỷ lệ phiếu suy tôn đơn vị dẫn đầu (mặc định 0,8 = 80 % tổng số thành viên).' }) leadingVoteThreshold?: number | null;
  @Field(() => String, { nullable: true, description: 'Văn bản ban hành thang điểm (quy chế, khung tiêu chí).' }) schemeLegalBasis?: string | null;
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
  @Field({ description: '"2024" (cả năm) hoặc "2024-Q2" (quý).' }) period!: string;
  @Field(() => Float) value!: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
export class ItemScoreInput {
  @Field() itemCode!: string;
  @Field(() => Float) points!: number;
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
export class UpdatePledgeInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) theme?: string | null;
  @Field(() => [PledgeItemInput], { nullable: true, description: 'Thay toàn bộ nội dung (chỉ khi còn DRAFT); thang điểm lên phiên bản mới.' }) items?: PledgeItemInput[] | null;
  @Field(() => Float, { nullable: true }) bonusCap?: number | null;
  @Field(() => Float, { nullable: true }) leadingVoteThreshold?: number | null;
  @Field(() => String, { nullable: true }) schemeLegalBasis?: string | null;
}
