import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection, GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { OrganizationKind, OrganizationLevel } from './enums.js';

@Entity({ name: 'organization' })
@ObjectType({ description: 'Đơn vị: bộ, ngành, tỉnh, thành phố, xã, phường, cơ quan, đơn vị trực thuộc.' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "code")')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  // Code and names are shareable: the campaigns subgraph answers them from its copy (kept from the tree
  // log, organization-tree.resolver.ts), so a board names its signatories without a call back here.
  @Column({ type: 'text', unique: true })
  @Field({ description: 'Mã đơn vị, ổn định vĩnh viễn (ví dụ BTP, HCM).' })
  @Directive('@shareable')
  code!: string;

  @Column({ type: 'text' })
  @Field()
  @Directive('@shareable')
  name!: string;

  @Column({ name: 'short_name', type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  @Directive('@shareable')
  shortName!: string | null;

  @Column({ type: 'text' })
  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Column({ type: 'text' })
  @Field(() => OrganizationLevel)
  level!: OrganizationLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Ngày thành lập; null khi đơn vị có từ trước dữ liệu của hệ thống.',
  })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Ngày cuối cùng đơn vị tồn tại (sáp nhập, giải thể); null khi còn hoạt động.',
  })
  validTo!: string | null;

  @Column({ name: 'is_demo', type: 'boolean', default: false })
  @Field({ description: 'Dữ liệu minh họa (SEED_DEMO), không phải dữ liệu thật.' })
  isDemo!: boolean;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'Phiên bản, tăng mỗi lần sửa; gửi lại khi cập nhật để tránh ghi đè.' })
  version!: number;
}

@ObjectType()
export class OrganizationConnection extends Connection(Organization, 'Organization') {}
