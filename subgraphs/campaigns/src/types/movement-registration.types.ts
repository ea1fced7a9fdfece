import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RegistrationStatus } from './movement.enums.js';

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
  @Field(() => Date, {
    nullable: true,
    description: 'Thời điểm cấp phát động chấp thuận hoặc trả lại; null khi chưa xét.',
  })
  reviewedAt!: Date | null;

  /** Subject of the reviewer's token: kept for the record, not published. */
  @Column({ name: 'reviewed_by', type: 'text', nullable: true })
  reviewedBy!: string | null;

  @Column({ name: 'review_reason', type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Lý do trả lại (bắt buộc khi RETURNED) hoặc ý kiến khi chấp thuận.',
  })
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
