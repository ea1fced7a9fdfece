/** The ledger's object types: decisions, grants, initiatives and eligibility verdicts. */
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { CommendationBasis, InitiativeScope } from './award-type.types.js';

@ObjectType({ description: 'Quyết định khen thưởng.' })
export class Decision {
  @Field(() => ID) id!: string;
  @Field() number!: string;
  @Field(() => GraphQLLocalDate) issuedOn!: string;
  issuerOrganizationId!: string;
  @Field(() => String, { nullable: true }) authority!: string | null;
  @Field({ description: 'Quyết định cũ nhập từ hồ sơ trước khi có hệ thống.' }) isLegacy!: boolean;
}

@ObjectType({ description: 'Một lần khen thưởng (sổ khen thưởng).' })
@Directive('@key(fields: "id")')
export class Grant {
  @Field(() => ID) id!: string;
  awardTypeCode!: string;
  personId!: string | null;
  organizationId!: string | null;
  recipientUnitId!: string;
  @Field(() => Int, { description: 'Năm thành tích.' }) year!: number;
  @Field(() => CommendationBasis) basis!: CommendationBasis;
  decisionId!: string;
  @Field() imported!: boolean;
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ngày thu hồi, nếu đã bị thu hồi.' }) revokedOn!:
    string | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Vì sao chưa kiểm tra thẩm quyền của cơ quan ban hành (quyết định cũ nhập từ hồ sơ); null khi đã kiểm tra.',
  })
  authorityNote!: string | null;

  @Field({ description: 'Thẩm quyền của cơ quan ban hành đã được kiểm tra (sai: chưa kiểm tra, xem authorityNote).' })
  get authorityVerified(): boolean {
    return !this.authorityNote;
  }
}

@ObjectType({ description: 'Sáng kiến, đề tài khoa học được công nhận.' })
export class Initiative {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => InitiativeScope) scope!: InitiativeScope;
  @Field(() => GraphQLLocalDate) recognizedOn!: string;
  recognizedByOrganizationId!: string;
}

@ObjectType()
export class EligibilityReason {
  @Field({ description: 'Mã điều kiện chưa đạt (ổn định, để máy đọc).' }) code!: string;
  @Field({ description: 'Giải thích bằng lời cho cán bộ TĐKT, có dẫn điều luật.' }) message!: string;
}

@ObjectType({ description: 'Kết luận về điều kiện khen thưởng theo văn bản pháp luật có hiệu lực.' })
export class EligibilityVerdict {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: đạt mọi điều kiện hệ thống tính được; false: chưa đạt ít nhất một điều kiện; null: hệ thống không tự đánh giá (điều kiện do Hội đồng TĐKT xét, hoặc thiếu dữ liệu), xem reasons.',
  })
  eligible!: boolean | null;
  @Field({ description: 'Bộ quy tắc (văn bản pháp luật) áp dụng.' }) ruleset!: string;
  @Field(() => [EligibilityReason]) reasons!: EligibilityReason[];
  @Field(() => [Grant], { description: 'Các lần khen thưởng làm căn cứ.' }) evidence!: Grant[];
  @Field(() => [String], { description: 'Các điều kiện hệ thống chưa tự kiểm tra được.' }) notes!: string[];
}
