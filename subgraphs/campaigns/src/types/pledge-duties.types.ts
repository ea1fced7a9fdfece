/**
 * Following the pledge year up: who cross-scores whom, the bloc's deadlines, what each member still
 * owes, the reminders the lead sent, and an officer's own to-do list (rules/pledge-duties.rule.ts).
 */
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import type { OrganizationNames } from './organization.stub.js';

export enum PledgeDeadlineKind {
  SIGN = 'SIGN',
  REPORT_H1 = 'REPORT_H1',
  REPORT_YEAR = 'REPORT_YEAR',
  SELF_SCORE = 'SELF_SCORE',
  CROSS_SCORE = 'CROSS_SCORE',
  VERIFY = 'VERIFY',
}
registerEnumType(PledgeDeadlineKind, {
  name: 'PledgeDeadlineKind',
  valuesConfig: {
    SIGN: { description: 'Ký giao ước' },
    REPORT_H1: { description: 'Báo cáo sơ kết 6 tháng' },
    REPORT_YEAR: { description: 'Báo cáo cả năm' },
    SELF_SCORE: { description: 'Tự chấm điểm' },
    CROSS_SCORE: { description: 'Chấm chéo' },
    VERIFY: { description: 'Thẩm định điểm' },
  },
});

export enum PledgeDutyKind {
  SIGN = 'SIGN',
  REPORT = 'REPORT',
  SELF_SCORE = 'SELF_SCORE',
  CROSS_SCORE = 'CROSS_SCORE',
}
registerEnumType(PledgeDutyKind, {
  name: 'PledgeDutyKind',
  valuesConfig: {
    SIGN: { description: 'Chưa ký giao ước' },
    REPORT: { description: 'Chưa báo cáo tiến độ của kỳ' },
    SELF_SCORE: { description: 'Chưa tự chấm điểm' },
    CROSS_SCORE: { description: 'Chưa chấm chéo đơn vị được phân công' },
  },
});

@ObjectType({ description: 'Một cặp chấm chéo: đơn vị chấm và đơn vị được chấm.' })
export class CrossScoreAssignment {
  scorerId!: string;
  subjectId!: string;
}

@ObjectType({ description: 'Một hạn của khối trong năm (khối tự đặt, hoặc mặc định theo nhịp của năm).' })
export class PledgeDeadline {
  @Field(() => PledgeDeadlineKind) kind!: PledgeDeadlineKind;
  @Field(() => String, { nullable: true, description: 'Kỳ báo cáo của hạn này ("2026-H1", "2026").' })
  period!: string | null;
  @Field(() => GraphQLLocalDate) dueOn!: string;
  @Field({ description: 'Đúng khi khối chưa tự đặt hạn này (dùng hạn mặc định).' }) isDefault!: boolean;
}

@ObjectType({ description: 'Một việc một đơn vị thành viên còn phải làm cho giao ước.' })
export class PledgeDuty {
  pledgeId!: string;
  organizationId!: string;
  subjectId!: string | null;
  @Field(() => PledgeDutyKind) kind!: PledgeDutyKind;
  @Field(() => String, { nullable: true, description: 'Kỳ báo cáo còn thiếu (với REPORT).' }) period!: string | null;
  @Field(() => [String], { description: 'Các nội dung chưa báo cáo của kỳ (với REPORT).' }) itemCodes!: string[];
  @Field(() => GraphQLLocalDate) dueOn!: string;
  @Field({ description: 'Đã quá hạn (theo ngày ở Việt Nam).' }) overdue!: boolean;
}

@ObjectType({ description: 'Một lần Khối trưởng nhắc một đơn vị thành viên.' })
export class PledgeReminder {
  @Field(() => ID) id!: string;
  pledgeId!: string;
  organizationId!: string;
  organizationNames?: OrganizationNames | null;
  @Field(() => PledgeDutyKind) kind!: PledgeDutyKind;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Date) remindedAt!: Date;
}

@ObjectType({ description: 'Một việc cần làm của đơn vị người đăng nhập, từ giao ước của một khối.' })
export class PledgeTask {
  pledgeId!: string;
  blocId!: string;
  organizationId!: string;
  subjectId!: string | null;
  @Field(() => Int) year!: number;
  @Field(() => PledgeDutyKind) kind!: PledgeDutyKind;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => [String]) itemCodes!: string[];
  @Field(() => GraphQLLocalDate) dueOn!: string;
  @Field() overdue!: boolean;
  @Field(() => Int, { description: 'Số lần Khối trưởng đã nhắc việc này.' }) reminders!: number;
}

@InputType()
export class SetCrossScoreRotationInput {
  @Field(() => ID) pledgeId!: string;
  @Field(() => Int, {
    description:
      'Bước xoay vòng: thành viên thứ i (theo thứ tự của khối) được thành viên thứ i + bước chấm chéo; từ 1 đến số thành viên − 1.',
  })
  shift!: number;
}

@InputType()
export class SetPledgeDeadlineInput {
  @Field(() => ID) pledgeId!: string;
  @Field(() => PledgeDeadlineKind) kind!: PledgeDeadlineKind;
  @Field(() => GraphQLLocalDate) dueOn!: string;
}

@InputType()
export class RemindPledgeMemberInput {
  @Field(() => ID) pledgeId!: string;
  @Field() organizationCode!: string;
  @Field(() => PledgeDutyKind) kind!: PledgeDutyKind;
  @Field(() => String, { nullable: true, description: 'Kỳ báo cáo (với REPORT).' }) period?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}
