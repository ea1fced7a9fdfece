/** Nominations (hồ sơ đề nghị khen thưởng), their history and the council's votes. */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, GraphQLLocalDate } from '@tdkt/subgraph-kit';
import type { EligibilityVerdict as RuleVerdict, RouteStop as RuleRouteStop } from '../rules/index.js';
import { CommendationBasis } from './award-type.types.js';
import { Decision, Grant } from './grant.types.js';

export enum NominationStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  COUNCIL_REVIEW = 'COUNCIL_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  DECIDED = 'DECIDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NominationStatus, { name: 'NominationStatus' });

export enum RoutingLevel {
  UNIT = 'UNIT',
  MINISTRY_OR_PROVINCE = 'MINISTRY_OR_PROVINCE',
  CENTRAL_BOARD = 'CENTRAL_BOARD',
  PRIME_MINISTER = 'PRIME_MINISTER',
  PRESIDENT = 'PRESIDENT',
}
registerEnumType(RoutingLevel, {
  name: 'RoutingLevel',
  description:
    'Cấp đang giữ hồ sơ: đơn vị trình, bộ/ban/ngành/tỉnh, Ban TĐKT TW (thẩm định), Thủ tướng Chính phủ, Chủ tịch nước.',
});

@ObjectType({ description: 'Hồ sơ đề nghị khen thưởng.' })
export class Nomination {
  @Field(() => ID) id!: string;
  awardTypeCode!: string;
  personId!: string | null;
  organizationId!: string | null;
  recipientUnitId!: string;
  recipientGender!: string | null;
  @Field(() => Int) year!: number;
  @Field(() => CommendationBasis) basis!: CommendationBasis;
  proposedByOrganizationId!: string;
  blocId!: string | null;
  @Field(() => String, { nullable: true }) movementCode!: string | null;
  @Field(() => NominationStatus) status!: NominationStatus;
  /** The eligibility verdict recorded at the nomination's last step. */
  verdict!: RuleVerdict;
  decisionId!: string | null;
  @Field(() => Date, { description: 'Thời điểm lập hồ sơ.' }) createdAt!: Date;
  /** Routing (rules/nomination-routing.rule.ts): the stops, which one holds the file, since when. */
  route!: RuleRouteStop[] | null;
  holderIndex!: number;
  @Field(() => RoutingLevel, { description: 'Cấp đang giữ hồ sơ.' }) holderLevel!: RoutingLevel;
  holderOrganizationId!: string | null;
  @Field(() => Date, { description: 'Thời điểm cấp đang giữ nhận hồ sơ (bắt đầu tính thời hạn).' }) holderSince!: Date;
}

@ObjectType({ description: 'Danh sách hồ sơ đề nghị, mới nhất trước.' })
export class NominationConnection extends Connection(Nomination, 'Nomination') {}

@ObjectType({ description: 'Một bước của hồ sơ: ai, khi nào, vì sao.' })
export class NominationEvent {
  @Field(() => NominationStatus, { nullable: true }) fromStatus!: NominationStatus | null;
  @Field(() => NominationStatus) toStatus!: NominationStatus;
  @Field(() => Date) at!: Date;
  @Field(() => String, { nullable: true }) bySubject!: string | null;
  @Field(() => String, { nullable: true }) byOrganization!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => RoutingLevel, { nullable: true, description: 'Cấp giữ hồ sơ trước bước này.' })
  fromLevel!: RoutingLevel | null;
  @Field(() => RoutingLevel, { nullable: true, description: 'Cấp giữ hồ sơ sau bước này.' })
  toLevel!: RoutingLevel | null;
}

@ObjectType({ description: 'Kết quả bỏ phiếu của Hội đồng TĐKT.' })
export class CouncilVote {
  @Field(() => ID) id!: string;
  nominationId!: string;
  @Field(() => Int) membersTotal!: number;
  @Field(() => Int) yes!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int) abstain!: number;
  @Field({ description: 'Tỷ lệ phiếu đồng ý cần đạt, trên tổng số thành viên Hội đồng.' }) threshold!: number;
  @Field() passed!: boolean;
  @Field(() => GraphQLLocalDate) votedOn!: string;
}

@ObjectType()
export class CouncilVoteResult {
  @Field() passed!: boolean;
  @Field({ description: 'Tỷ lệ cần đạt.' }) threshold!: number;
  @Field(() => Int, { description: 'Số phiếu đồng ý cần có.' }) required!: number;
  @Field(() => Nomination) nomination!: Nomination;
  @Field(() => CouncilVote) vote!: CouncilVote;
}

@ObjectType()
export class IssuedDecision extends Decision {
  @Field(() => [Grant]) grants!: Grant[];
}
