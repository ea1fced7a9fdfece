/**
 * A movement (phong trào thi đua): one table, so one class is both the TypeORM entity (the store reads
 * and writes it through its repository) and the GraphQL object type; its connection and page arguments.
 */
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { MovementLaunchLevel, MovementMethod, MovementScope } from './movement.enums.js';
import { Connection, GraphQLLocalDate } from '@tdkt/subgraph-kit';

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
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Ngày kết thúc; null khi phong trào chưa định ngày kết thúc.',
  })
  endDate!: string | null;

  @Column({ name: 'launched_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Ngày phát động (hội nghị, văn bản phát động), khi khác ngày bắt đầu.',
  })
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

@ObjectType()
export class MovementConnection extends Connection(Movement, 'Movement') {}

@ArgsType()
export class MovementPageArgs {
  @Field(() => Int, { nullable: true, description: 'Số bản ghi mỗi trang (mặc định 20, tối đa 100).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'endCursor của trang trước.' })
  after?: string | null;
}
