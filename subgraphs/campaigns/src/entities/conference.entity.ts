import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { ConferenceFacet, ConferenceKind, ConferenceLevel, DelegateCategory, DelegateSector, Gender } from '../types/campaign-enums.movements.js';

/** numeric(4,3) arrives from pg as a string; the API speaks numbers. */
const numeric = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** Hội nghị điển hình tiên tiến, đại hội thi đua yêu nước, hội nghị tổng kết – ký giao ước, tôn vinh. */
@Entity({ name: 'conference' })
@ObjectType({ description: 'Hội nghị điển hình tiên tiến, đại hội thi đua yêu nước, hội nghị tổng kết và ký giao ước, hội nghị tôn vinh.' })
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
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ngày tổ chức; null khi mới dự kiến hoặc chưa rõ ngày.' })
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

/** A delegate: a person, or the representative of a collective (organization). */
@Entity({ name: 'conference_delegate' })
@ObjectType({ description: 'Đại biểu: cá nhân, hoặc người đại diện một tập thể.' })
export class ConferenceDelegate {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId!: string;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Số thứ tự trong danh sách đại biểu.' })
  ordinal!: number;

  @Column({ name: 'full_name', type: 'text' })
  @Field({ description: 'Họ tên như trong danh sách (người đại diện, khi là tập thể).' })
  fullName!: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'text' })
  @Field(() => DelegateCategory)
  category!: DelegateCategory;

  @Column({ type: 'text', nullable: true })
  @Field(() => DelegateSector, { nullable: true })
  sector!: DelegateSector | null;

  // Personal facts (gender, ethnicity, birth year, direct worker): not public, resolved through
  // ConferenceDelegateResolver, which checks the caller's scope like the organizations subgraph's Person.
  @Column({ type: 'text', nullable: true })
  gender!: Gender | null;

  @Column({ type: 'text', nullable: true })
  ethnicity!: string | null;

  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear!: number | null;

  @Column({ name: 'is_direct_worker', type: 'boolean', default: false })
  isDirectWorker!: boolean;

  @Column({ name: 'selected_for_id', type: 'uuid', nullable: true })
  selectedForId!: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  @Field()
  isDemo!: boolean;
}
