import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '@tdkt/subgraph-kit';
import { PledgeStatus } from './pledge.types.js';
import type { OrganizationNames } from './organization.stub.js';

/** Same name and values as the organizations subgraph's BlocKind (federation composes them as one enum). */
export enum BlocKind {
  BLOC = 'BLOC',
  CLUSTER = 'CLUSTER',
}
registerEnumType(BlocKind, {
  name: 'BlocKind',
  valuesConfig: { BLOC: { description: 'Khối thi đua' }, CLUSTER: { description: 'Cụm thi đua' } },
});

@ObjectType({ description: 'Tóm tắt giao ước thi đua của một khối/cụm trong một năm (trang tổng quan).' })
export class BlocPledgeSummary {
  blocId!: string;
  pledgeId!: string | null;
  firstRankedIds!: string[];
  /** Code and names of the first ranked units from the copy, in the same order (null: not copied yet). */
  firstRankedNames!: (OrganizationNames | null)[];
  leadingUnitId!: string | null;
  leadingUnitNames!: OrganizationNames | null;
  @Field(() => Int) year!: number;
  @Field(() => PledgeStatus, {
    nullable: true,
    description: 'Trạng thái giao ước; null khi khối chưa có giao ước năm đó.',
  })
  status!: PledgeStatus | null;
  @Field(() => Int, { description: 'Số thành viên của khối trong năm.' }) membersCount!: number;
  @Field(() => Int, { description: 'Số thành viên đã ký giao ước.' }) signedCount!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'signedCount / membersCount (0–1); null khi khối không có thành viên.',
  })
  signatureRate!: number | null;
  @Field(() => Int, { description: 'Số nội dung giao ước có chỉ tiêu (targetValue > 0).' }) targetItems!: number;
  @Field({
    description:
      'Người gọi được xem tiến độ (Ban TĐKT TW, cán bộ các đơn vị thành viên); nếu không, hai tỷ lệ dưới là null kèm lỗi FORBIDDEN.',
  })
  progressVisible!: boolean;
  @Field(() => Float, {
    nullable: true,
    description:
      'Mức hoàn thành chỉ tiêu bình quân (0–1) trên mọi thành viên × nội dung có chỉ tiêu; chưa báo cáo tính 0; null khi không có nội dung có chỉ tiêu. Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  averageProgress!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Tỷ lệ (0–1) thành viên × nội dung đã đạt chỉ tiêu; null khi không có nội dung có chỉ tiêu. Chỉ Ban TĐKT TW và cán bộ các đơn vị thành viên xem được (người khác nhận lỗi FORBIDDEN).',
  })
  completionRate!: number | null;
}

@ObjectType()
export class BlocPledgeSummaryConnection extends Connection(BlocPledgeSummary, 'BlocPledgeSummary') {}
