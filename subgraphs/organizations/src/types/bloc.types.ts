import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '@tdkt/subgraph-kit';
import { BlocKind, BlocMemberRole } from './enums.js';

@Entity({ name: 'bloc' })
@ObjectType({ description: 'Khối thi đua (theo chức năng) hoặc cụm thi đua (theo địa bàn).' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class EmulationBloc {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'text', unique: true })
  @Field()
  code!: string;

  @Column({ type: 'text' })
  @Field()
  name!: string;

  @Column({ type: 'text' })
  @Field(() => BlocKind)
  kind!: BlocKind;

  @Column({ name: 'organizer_id', type: 'uuid' })
  organizerId!: string;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  @Field()
  isDemo!: boolean;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int)
  version!: number;
}

@Entity({ name: 'bloc_membership' })
@ObjectType({ description: 'Thành viên của khối/cụm trong một năm, với vai trò.' })
export class BlocMembership {
  @Column({ name: 'bloc_id', type: 'uuid', primary: true })
  blocId!: string;

  @Column({ type: 'integer', primary: true })
  @Field(() => Int)
  year!: number;

  @Column({ name: 'organization_id', type: 'uuid', primary: true })
  organizationId!: string;

  @Column({ type: 'text' })
  @Field(() => BlocMemberRole)
  role!: BlocMemberRole;
}

@ObjectType()
export class EmulationBlocConnection extends Connection(EmulationBloc, 'EmulationBloc') {}
