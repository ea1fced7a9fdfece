import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { LineageKind } from './enums.js';

@Entity({ name: 'lineage_event' })
@ObjectType({
  description: 'Sự kiện sắp xếp đơn vị (sáp nhập, chia tách, đổi tên, giải thể, chuyển giao) theo một văn bản pháp lý.',
})
export class LineageEvent {
  @PrimaryGeneratedColumn('uuid')
  @Field(() => ID)
  id!: string;

  @Column({ type: 'text' })
  @Field(() => LineageKind)
  kind!: LineageKind;

  @Column({ name: 'effective_date', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: 'Ngày đơn vị kế thừa bắt đầu hoạt động.' })
  effectiveDate!: string;

  @Column({ name: 'legal_basis', type: 'text' })
  @Field({ description: 'Văn bản làm căn cứ, ví dụ "Nghị quyết 202/2025/QH15".' })
  legalBasis!: string;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  note!: string | null;
}
