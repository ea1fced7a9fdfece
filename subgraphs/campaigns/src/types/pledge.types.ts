/**
 * The pledge year of a bloc (giao ước thi đua) and what hangs off it: items, signatures, progress
 * reports, staged scorecards, the closing ranking and the vote on the leading unit.
 */
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import type { OrganizationNames } from './organization.stub.js';

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
  valuesConfig: {
    SELF: { description: 'Tự chấm' },
    CROSS: { description: 'Chấm chéo' },
    VERIFIED: { description: 'Khối thẩm định' },
  },
});

@ObjectType({ description: 'Giao ước thi đua của một khối/cụm trong một năm.' })
@Directive('@key(fields: "id")')
export class Pledge {
  @Field(() => ID) id!: string;
  blocId!: string;
  @Field(() => Int) year!: number;
  @Field() theme!: string;
  @Field(() => PledgeStatus) status!: PledgeStatus;
  @Field(() => Float, { description: 'Mức tối đa của điểm thưởng cộng vào tổng điểm.' }) bonusCap!: number;
  @Field(() => Float, {
    description: 'Tỷ lệ phiếu đồng ý (trên tổng số thành viên) để suy tôn đơn vị dẫn đầu; mặc định 0,8.',
  })
  leadingVoteThreshold!: number;
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
  @Field({ description: 'Tiến độ của nội dung này được phép âm (thay đổi so với mốc, ví dụ giảm 3 %).' })
  allowNegative!: boolean;
  position!: number;
}

@ObjectType({ description: 'Chữ ký giao ước của một đơn vị thành viên.' })
export class PledgeSignature {
  pledgeId!: string;
  organizationId!: string;
  /** The unit's code and names when the read joined the copy (null: the copy does not hold it yet). */
  organizationNames?: OrganizationNames | null;
  @Field(() => Date) signedAt!: Date;
}

@ObjectType({
  description: 'Một lần báo cáo tiến độ (giá trị hiện hành là lần mới nhất; các lần trước giữ trong lịch sử).',
})
export class ProgressReport {
  pledgeId!: string;
  organizationId!: string;
  /** The unit's code and names when the read joined the copy (null: the copy does not hold it yet). */
  organizationNames?: OrganizationNames | null;
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
  @Field(() => String, { nullable: true, description: 'Giải trình của đơn vị chấm cho điểm này.' })
  justification?: string | null;
}

@ObjectType({ description: 'Phiếu chấm điểm của một thành viên ở một bước (tự chấm, chấm chéo, thẩm định).' })
export class Scorecard {
  pledgeId!: string;
  organizationId!: string;
  @Field(() => ScorecardStage) stage!: ScorecardStage;
  @Field(() => Float) bonus!: number;
  @Field(() => Float) penalty!: number;
  @Field(() => Float, {
    description: 'Σ điểm tiêu chí (không quá điểm tối đa) + điểm thưởng (không quá mức trần) − điểm trừ.',
  })
  totalScore!: number;
  @Field(() => Int) schemeVersion!: number;
  @Field(() => Date) submittedAt!: Date;
  @Field(() => [ItemPoints]) scores!: ItemPoints[];
  scoredByOrganizationId?: string | null;
}

@ObjectType({ description: 'Thứ hạng khi tổng kết (bằng điểm thì đồng hạng).' })
export class RankingEntry {
  pledgeId!: string;
  organizationId!: string;
  /** The unit's code and names when the read joined the copy (null: the copy does not hold it yet). */
  organizationNames?: OrganizationNames | null;
  @Field(() => Int) rank!: number;
  @Field(() => Float) totalScore!: number;
}

@ObjectType({
  description:
    'Biểu quyết của khối suy tôn đơn vị dẫn đầu. Mọi lần biểu quyết đều được giữ; kết quả đạt chỉ bị hủy bởi Ban TĐKT Trung ương, có lý do.',
})
export class BlocVote {
  @Field(() => ID) id!: string;
  pledgeId!: string;
  candidateOrganizationId!: string;
  /** The candidate's code and names when the read joined the copy (null: the copy does not hold it yet). */
  organizationNames?: OrganizationNames | null;
  @Field(() => Int) membersTotal!: number;
  @Field(() => Int) yes!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int) abstain!: number;
  @Field(() => Float) threshold!: number;
  @Field() passed!: boolean;
  @Field(() => GraphQLLocalDate) votedOn!: string;
  @Field(() => Date, { nullable: true, description: 'Khi Ban TĐKT Trung ương hủy kết quả biểu quyết này.' })
  annulledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Lý do hủy.' }) annulledReason!: string | null;
  @Field(() => String, { nullable: true, description: 'Người của Ban TĐKT Trung ương đã hủy (định danh đăng nhập).' })
  annulledBy!: string | null;
}
