import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import {
  ConferenceFacet,
  ConferenceKind,
  ConferenceLevel,
  DelegateCategory,
  DelegateSector,
  Gender,
} from './conference.enums.js';

@InputType()
export class ConferenceFilter {
  @Field(() => String, { nullable: true, description: 'Tìm theo tên, chủ đề hoặc mã, không cần dấu.' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã đơn vị tổ chức.' })
  hostCode?: string | null;

  @Field(() => ConferenceKind, { nullable: true })
  kind?: ConferenceKind | null;

  @Field(() => ConferenceLevel, { nullable: true })
  level?: ConferenceLevel | null;

  @Field(() => Int, { nullable: true, description: 'Các hội nghị có giai đoạn bao gồm năm này.' })
  year?: number | null;
}

@InputType()
export class CreateConferenceInput {
  @Field({ description: 'Mã hội nghị: chữ in hoa không dấu, số, gạch dưới (ví dụ HN_DHTT_TAY_HO_2020).' })
  code!: string;

  @Field()
  title!: string;

  @Field(() => ConferenceKind)
  kind!: ConferenceKind;

  @Field(() => ConferenceLevel)
  level!: ConferenceLevel;

  @Field({ description: 'Mã đơn vị tổ chức.' })
  hostCode!: string;

  @Field(() => Int)
  periodFrom!: number;

  @Field(() => Int)
  periodTo!: number;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Bỏ trống khi chưa định ngày.' })
  heldOn?: string | null;

  @Field(() => String, { nullable: true })
  theme?: string | null;

  @Field(() => Int, { nullable: true, description: 'Số đại biểu tối đa.' })
  maxDelegates?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Tỷ lệ tối thiểu đại biểu điển hình tiên tiến, từ 0 đến 1 (0.7 = 70 %).',
  })
  minExemplarShare?: number | null;

  @Field(() => [ConferenceFacet], {
    nullable: true,
    description: 'Cơ cấu cần cân đối (báo cáo trong compositionReport).',
  })
  balanceFacets?: ConferenceFacet[] | null;

  @Field(() => String, { nullable: true, description: 'Mã hội nghị, đại hội cấp trên nhận đại biểu của hội nghị này.' })
  feedsIntoCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Kế hoạch, văn bản tổ chức.' })
  source?: string | null;
}

@InputType()
export class ConferenceDelegateInput {
  @Field({ description: 'Họ tên (người đại diện, khi là tập thể).' })
  fullName!: string;

  @Field(() => ID, { nullable: true, description: 'Cá nhân đã có trong hệ thống (nếu có).' })
  personId?: string | null;

  @Field(() => String, { nullable: true, description: 'Mã tập thể mà đại biểu đại diện.' })
  organizationCode?: string | null;

  @Field(() => DelegateCategory)
  category!: DelegateCategory;

  @Field(() => DelegateSector, { nullable: true })
  sector?: DelegateSector | null;

  @Field(() => Gender, { nullable: true })
  gender?: Gender | null;

  @Field(() => String, { nullable: true, description: 'Dân tộc, ví dụ "Kinh", "Tày".' })
  ethnicity?: string | null;

  @Field(() => Int, { nullable: true })
  birthYear?: number | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  isDirectWorker?: boolean | null;
}

@InputType()
export class AddConferenceDelegatesInput {
  @Field()
  conferenceCode!: string;

  @Field(() => [ConferenceDelegateInput])
  delegates!: ConferenceDelegateInput[];
}

@InputType()
export class SelectDelegatesForHigherConferenceInput {
  @Field({ description: 'Mã hội nghị cấp dưới (hội nghị thông qua danh sách).' })
  conferenceCode!: string;

  @Field(() => [ID], {
    description: 'Đại biểu của hội nghị này đi dự hội nghị, đại hội cấp trên; thay thế danh sách đã chọn trước đó.',
  })
  delegateIds!: string[];
}
