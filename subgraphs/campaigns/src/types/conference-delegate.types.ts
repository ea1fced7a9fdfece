import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DelegateCategory, DelegateSector, Gender } from './conference.enums.js';

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
