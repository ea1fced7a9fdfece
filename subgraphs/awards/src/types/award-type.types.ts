/** The award catalogue as GraphQL sees it, and the enums the ledger shares. */
import { Directive, Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';

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
  valuesConfig: {
    BASE: { description: 'Cấp cơ sở' },
    MINISTRY_OR_PROVINCE: { description: 'Cấp bộ, ngành, tỉnh' },
    NATIONAL: { description: 'Toàn quốc' },
  },
});

@ObjectType({ description: 'Một hình thức khen thưởng hoặc danh hiệu thi đua trong danh mục của Luật TĐKT.' })
@Directive('@key(fields: "code")')
export class AwardType {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => AwardCategory) category!: AwardCategory;
  @Field(() => String, { nullable: true, description: 'Hạng: FIRST (Nhất), SECOND (Nhì), THIRD (Ba).' }) awardClass!:
    string | null;
  @Field(() => [SubjectKind]) subjectKinds!: SubjectKind[];
  @Field({ description: 'Cấp có thẩm quyền quyết định (Luật TĐKT 2022, Điều 77–80).' }) decidingAuthority!: string;
  @Field(() => Int, { description: 'Thứ bậc: cao hơn là hình thức cao hơn trong cùng chuỗi.' }) rank!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Mức tiền thưởng cho cá nhân, lần mức lương cơ sở (NĐ 152/2025).',
  })
  rewardMultiplierPerson!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Mức tiền thưởng cho tập thể, lần mức lương cơ sở (NĐ 152/2025).',
  })
  rewardMultiplierCollective!: number | null;
  @Field() legalBasis!: string;
  @Field(() => GraphQLLocalDate, { nullable: true }) validFrom!: string | null;
  @Field(() => GraphQLLocalDate, { nullable: true }) validTo!: string | null;
}
