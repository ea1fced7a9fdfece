import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '@tdkt/subgraph-kit';
import { AnnualRatingValue, Gender } from './enums.js';

/**
 * A person (cá nhân). Personal data is minimal; the public sees the name and unit only, so every other
 * field is resolved through PersonResolver, which checks the caller's scope.
 */
@Entity({ name: 'person' })
@ObjectType({ description: 'Cá nhân. Công chúng chỉ thấy họ tên và đơn vị.' })
@Directive('@key(fields: "id")')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ name: 'full_name', type: 'text' })
  @Field()
  fullName!: string;

  @Column({ type: 'text' })
  gender!: Gender;

  @Column({ name: 'birth_year', type: 'integer', nullable: true })
  birthYear!: number | null;

  @Column({ type: 'text', nullable: true })
  ethnicity!: string | null;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'text', nullable: true })
  position!: string | null;

  @Column({ name: 'is_direct_worker', type: 'boolean', default: false })
  isDirectWorker!: boolean;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  @Field()
  isDemo!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}

@Entity({ name: 'annual_rating' })
@ObjectType({ description: 'Kết quả đánh giá, xếp loại hằng năm.' })
export class AnnualRating {
  @Column({ name: 'person_id', type: 'uuid', primary: true })
  personId!: string;

  @Column({ type: 'integer', primary: true })
  @Field(() => Int)
  year!: number;

  @Column({ type: 'text' })
  @Field(() => AnnualRatingValue)
  rating!: AnnualRatingValue;
}

@ObjectType()
export class PersonConnection extends Connection(Person, 'Person') {}
