import { Directive, Field, ID, InputType, Int, ObjectType, Float, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

export enum AwardCategory {
  EMULATION_TITLE = 'EMULATION_TITLE',
  ORDER = 'ORDER',
  MEDAL = 'MEDAL',
  STATE_HONORARY_TITLE = 'STATE_HONORARY_TITLE',
  STATE_PRIZE = 'STATE_PRIZE',
  COMMEMORATIVE_MEDAL = 'COMMEMORATIVE_MEDAL',
  CERTIFICATE_OF_MERIT = 'CERTIFICATE_OF_MERIT',
  CERTIFICATE_OF_COMMENDATION = 'CERTIFICATE_OF_COMMENDATION',
}
registerEnumType(AwardCategory, {
  name: 'AwardCategory',
  valuesConfig: {
    EMULATION_TITLE: { description: 'Danh hiệu thi đua' },
    ORDER: { description: 'Huân chương' },
    MEDAL: { description: 'Huy chương' },
    STATE_HONORARY_TITLE: { description: 'Danh hiệu vinh dự Nhà nước' },
    STATE_PRIZE: { description: 'Giải thưởng Hồ Chí Minh, Giải thưởng Nhà nước' },
    COMMEMORATIVE_MEDAL: { description: 'Kỷ niệm chương' },
    CERTIFICATE_OF_MERIT: { description: 'Bằng khen' },
    CERTIFICATE_OF_COMMENDATION: { description: 'Giấy khen' },
  },
});

export enum SubjectKind {
  PERSON = 'PERSON',
  COLLECTIVE = 'COLLECTIVE',
  HOUSEHOLD = 'HOUSEHOLD',
}
registerEnumType(SubjectKind, { name: 'SubjectKind' });

export enum CommendationBasis {
  MERIT = 'MERIT',
  AD_HOC = 'AD_HOC',
  THEMATIC = 'THEMATIC',
  CAREER_CONTRIBUTION = 'CAREER_CONTRIBUTION',
  SENIORITY = 'SENIORITY',
  FOREIGN = 'FOREIGN',
  RESISTANCE = 'RESISTANCE',
}
registerEnumType(CommendationBasis, {
  name: 'CommendationBasis',
  description: 'Loại hình khen thưởng (Luật TĐKT 2022, Điều 8; kháng chiến theo biểu mẫu 0602 của TT 02/2023/TT-BNV).',
  valuesConfig: {
    MERIT: { description: 'Công trạng' },
    AD_HOC: { description: 'Đột xuất' },
    THEMATIC: { description: 'Theo phong trào thi đua, chuyên đề' },
    CAREER_CONTRIBUTION: { description: 'Cống hiến' },
    SENIORITY: { description: 'Niên hạn' },
    FOREIGN: { description: 'Đối ngoại' },
    RESISTANCE: { description: 'Kháng chiến' },
  },
});

export enum InitiativeScope {
  BASE = 'BASE',
  MINISTRY_OR_PROVINCE = 'MINISTRY_OR_PROVINCE',
  NATIONAL = 'NATIONAL',
}
registerEnumType(InitiativeScope, {
  name: 'InitiativeScope',
  valuesConfig: { BASE: { description: 'Cấp cơ sở' }, MINISTRY_OR_PROVINCE: { description: 'Cấp bộ, ngành, tỉnh' }, NATIONAL: { description: 'Toàn quốc' } },
});

@ObjectType({ description: 'Một hình thức khen thưởng hoặc danh hiệu thi đua trong danh mục của Luật TĐKT.' })
@Directive('@key(fields: "code")')
export class AwardType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => AwardCategory) category!: AwardCategory;
  @Field(() => String, { nullable: true, description: 'Hạng: FIRST (Nhất), SECOND (Nhì), THIRD (Ba).' }) awardClass!: string | null;
  @Field(() => [SubjectKind]) subjectKinds!: SubjectKind[];
  @Field({ description: 'Cấp có thẩm quyền quyết định (Luật TĐKT 2022, Điều 77–80).' }) decidingAuthority!: string;
  @Field(() => Int, { description: 'Thứ bậc: cao hơn là hình thức cao hơn trong cùng chuỗi.' }) rank!: number;
  @Field(() => Float, { nullable: true, description: 'Mức tiền thưởng cho cá nhân, lần mức lương cơ sở (NĐ 152/2025).' }) rewardMultiplierPerson!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mức tiền thưởng cho tập thể, lần mức lương cơ sở (NĐ 152/2025).' }) rewardMultiplierCollective!: number | null;
  @Field() legalBasis!: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) validFrom!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true }) validTo!: string | null;
}

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
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ngày thu hồi, nếu đã bị thu hồi.' }) revokedOn!: string | null;
  @Field(() => String, { nullable: true }) revokeReason!: string | null;
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
  @Field() eligible!: boolean;
  @Field({ description: 'Bộ quy tắc (văn bản pháp luật) áp dụng.' }) ruleset!: string;
  @Field(() => [EligibilityReason]) reasons!: EligibilityReason[];
  @Field(() => [Grant], { description: 'Các lần khen thưởng làm căn cứ.' }) evidence!: Grant[];
  @Field(() => [String], { description: 'Các điều kiện hệ thống chưa tự kiểm tra được.' }) notes!: string[];
}

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
