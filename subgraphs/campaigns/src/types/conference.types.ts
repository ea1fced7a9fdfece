/**
 * A conference (hội nghị, đại hội): one table, so one class is both the TypeORM entity and the GraphQL
 * object type; its connection, page arguments and composition report.
 */
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ArgsType, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection, GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { ConferenceFacet, ConferenceKind, ConferenceLevel } from './conference.enums.js';

/** numeric(4,3) arrives from pg as a string; the API speaks numbers. */
const numeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Hội nghị điển hình tiên tiến, đại hội thi đua yêu nước, hội nghị tổng kết – ký giao ước, tôn vinh. */
@Entity({ name: 'conference' })
@ObjectType({
  description:
    'Hội nghị điển hình tiên tiến, đại hội thi đua yêu nước, hội nghị tổng kết và ký giao ước, hội nghị tôn vinh.',
})
export class Conference {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'text', unique: true })
  @Field()
  code!: string;

  @Column({ type: 'text' })
  @Field()
  title!: string;

  @Column({ type: 'text' })
  @Field(() => ConferenceKind)
  kind!: ConferenceKind;

  @Column({ type: 'text' })
  @Field(() => ConferenceLevel)
  level!: ConferenceLevel;

  @Column({ name: 'host_id', type: 'uuid' })
  hostId!: string;

  @Column({ name: 'period_from', type: 'integer' })
  @Field(() => Int, { description: 'Năm đầu của giai đoạn (ví dụ 2020 trong 2020–2025).' })
  periodFrom!: number;

  @Column({ name: 'period_to', type: 'integer' })
  @Field(() => Int)
  periodTo!: number;

  @Column({ name: 'held_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Ngày tổ chức; null khi mới dự kiến hoặc chưa rõ ngày.',
  })
  heldOn!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Chủ đề.' })
  theme!: string | null;

  @Column({ name: 'max_delegates', type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Số đại biểu tối đa.' })
  maxDelegates!: number | null;

  @Column({ name: 'min_exemplar_share', type: 'numeric', precision: 4, scale: 3, nullable: true, transformer: numeric })
  @Field(() => Float, { nullable: true, description: 'Tỷ lệ tối thiểu đại biểu điển hình tiên tiến (0,7 = 70 %).' })
  minExemplarShare!: number | null;

  @Column({ name: 'balance_facets', type: 'text', array: true, default: () => "'{}'" })
  @Field(() => [ConferenceFacet], { description: 'Cơ cấu cần cân đối, báo cáo trong compositionReport.' })
  balanceFacets!: ConferenceFacet[];

  @Column({ name: 'feeds_into_id', type: 'uuid', nullable: true })
  feedsIntoId!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Nguồn, kế hoạch tổ chức.' })
  source!: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  @Field()
  isDemo!: boolean;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;
}

@ObjectType()
export class ConferenceConnection extends Connection(Conference, 'Conference') {}

@ArgsType()
export class ConferencePageArgs {
  @Field(() => Int, { nullable: true, description: 'Số bản ghi mỗi trang (mặc định 20, tối đa 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor của trang trước.' })
  after?: string | null;
}

@ObjectType({ description: 'Một dòng kiểm tra cơ cấu, ví dụ "≤ 300 đại biểu: 287 đại biểu ✓".' })
export class CompositionLine {
  @Field({ description: 'MAX_DELEGATES hoặc MIN_EXEMPLAR_SHARE.' })
  rule!: string;

  @Field()
  required!: string;

  @Field()
  actual!: string;

  @Field()
  passed!: boolean;
}

@ObjectType()
export class FacetBucket {
  @Field()
  value!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float, { description: 'Tỷ lệ trên tổng số đại biểu (0–1).' })
  share!: number;
}

@ObjectType()
export class FacetBreakdown {
  @Field(() => ConferenceFacet)
  facet!: ConferenceFacet;

  @Field(() => [FacetBucket])
  buckets!: FacetBucket[];
}

@ObjectType({ description: 'Kiểm tra cơ cấu đại biểu: đại biểu của hội nghị và đại biểu cấp dưới được chọn lên dự.' })
export class CompositionReport {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  exemplarCount!: number;

  @Field({ description: 'Đạt mọi quy định về số lượng, cơ cấu.' })
  passed!: boolean;

  @Field(() => [CompositionLine])
  lines!: CompositionLine[];

  @Field(() => [FacetBreakdown])
  breakdowns!: FacetBreakdown[];
}
