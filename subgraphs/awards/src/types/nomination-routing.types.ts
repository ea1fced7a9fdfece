/** Routing by level, deadlines and the inbox of nominations (hồ sơ đề nghị chờ xử lý). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { Organization } from './organization.stub.js';
import { Nomination, NominationStatus, RoutingLevel } from './nomination.types.js';

export { RoutingLevel };

export enum NominationNextAction {
  SUBMIT = 'SUBMIT',
  REVIEW = 'REVIEW',
  FORWARD = 'FORWARD',
  RETURN = 'RETURN',
  DECIDE = 'DECIDE',
}
registerEnumType(NominationNextAction, { name: 'NominationNextAction' });

export enum DeadlineKind {
  RETURN_INELIGIBLE = 'RETURN_INELIGIBLE',
  SUBMIT_ELIGIBLE = 'SUBMIT_ELIGIBLE',
  FORWARD_DECISION = 'FORWARD_DECISION',
  SUBMISSION_WINDOW = 'SUBMISSION_WINDOW',
}
registerEnumType(DeadlineKind, { name: 'DeadlineKind' });

@ObjectType({ description: 'Một chặng trên đường đi của hồ sơ.' })
export class RouteStop {
  @Field(() => RoutingLevel) level!: RoutingLevel;
  @Field({ description: 'Tên cấp, để hiển thị.' }) label!: string;
  organizationId!: string | null;
  @Field(() => Organization, { nullable: true, description: 'Đơn vị giữ hồ sơ ở chặng này (null ở cấp trung ương).' })
  organization!: Organization | null;
}

@ObjectType({ description: 'Thời hạn đang chạy với hồ sơ: còn bao nhiêu ngày, hoặc đã trễ bao nhiêu ngày.' })
export class NominationDeadline {
  @Field(() => DeadlineKind) kind!: DeadlineKind;
  @Field() label!: string;
  @Field(() => GraphQLLocalDate, { description: 'Ngày cuối của thời hạn.' }) dueOn!: string;
  @Field({ description: 'true: đếm ngày làm việc; false: ngày lịch.' }) countsWorkingDays!: boolean;
  @Field(() => Int) daysLeft!: number;
  @Field(() => Int) daysLate!: number;
  @Field() overdue!: boolean;
}

@ObjectType()
export class NominationStatusCount {
  @Field(() => NominationStatus) status!: NominationStatus;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Hồ sơ đề nghị đang chờ đơn vị của người xem xử lý, cũ nhất trước.' })
export class NominationInbox extends Connection(Nomination, 'NominationInboxItem') {
  @Field(() => [NominationStatusCount], {
    description: 'Số hồ sơ chờ xử lý theo trạng thái (theo bộ lọc năm, hình thức).',
  })
  countsByStatus!: NominationStatusCount[];
}
