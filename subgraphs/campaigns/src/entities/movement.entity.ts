import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { MovementLaunchLevel, MovementMethod, MovementScope, RegistrationStatus } from '../types/campaign-enums.movements.js';

/** A movement (phong trào thi đua) launched by a unit; the unit is stored by id (organizations subgraph). */
@Entity({ name: 'movement' })
@ObjectType({ description: 'Phong trào thi đua do một cấp, một đơn vị phát động.' })
export class Movement {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'text', unique: true })
  @Field({ description: 'Mã phong trào, ổn định (chữ in hoa không dấu, số, gạch dưới).' })
  code!: string;

  @Column({ type: 'text' })
  @Field({ description: 'Tên phong trào.' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Chủ đề, khẩu hiệu thi đua.' })
  theme!: string | null;

  @Column({ name: 'launched_by_id', type: 'uuid' })
  launchedById!: string;

  @Column({ name: 'launch_level', type: 'text' })
  @Field(() => MovementLaunchLevel)
  launchLevel!: MovementLaunchLevel;

  @Column({ type: 'text' })
  @Field(() => MovementMethod)
  method!: MovementMethod;

  @Column({ type: 'text' })
  @Field(() => MovementScope)
  scope!: MovementScope;

  @Column({ name: 'start_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: 'Ngày bắt đầu thời gian thi đua.' })
  startDate!: string;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ngày kết thúc; null khi phong trào chưa định ngày kết thúc.' })
  endDate!: string | null;

  @Column({ name: 'launched_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Ngày phát động (hội nghị, văn bản phát động), khi khác ngày bắt đầu.' })
  launchedOn!: string | null;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  /** The bloc whose members may register; set exactly when scope is BLOC (movement_bloc_check). */
  @Column({ name: 'bloc_id', type: 'uuid', nullable: true })
  blocId!: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Nguồn, văn bản phát động.' })
  source!: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  @Field({ description: 'Dữ liệu minh họa (SEED_DEMO), không phải dữ liệu thật.' })
  isDemo!: boolean;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;
}

/** Đăng ký thi đua: a unit, or a person through its unit, registers for a movement. */
@Entity({ name: 'movement_registration' })
@ObjectType({ description: 'Đăng ký thi đua của một đơn vị, hoặc của một cá nhân do đơn vị đăng ký.' })
export class MovementRegistration {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'movement_id', type: 'uuid' })
  movementId!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ type: 'text' })
  @Field(() => RegistrationStatus)
  status!: RegistrationStatus;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Ghi chú của đơn vị đăng ký (chỉ tiêu, danh hiệu đăng ký).' })
  note!: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'Thời điểm cấp phát động chấp thuận hoặc trả lại; null khi chưa xét.' })
  reviewedAt!: Date | null;

  /** Subject of the reviewer's token: kept for the record, not published. */
  @Column({ name: 'reviewed_by', type: 'text', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'review_reason', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Lý do trả lại (bắt buộc khi RETURNED) hoặc ý kiến khi chấp thuận.' })
  reviewReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  @Field()
  isDemo!: boolean;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;
}
