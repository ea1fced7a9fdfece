import { Field, ID, InputType, Int } from 'type-graphql';
import { AnnualRatingValue, Gender } from './enums.js';

@InputType()
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Tìm theo họ tên, không cần dấu ("nguyen van" tìm được "Nguyễn Văn …").',
  })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Đơn vị (kể cả các đơn vị trực thuộc).' })
  organizationCode?: string | null;
}

@InputType()
export class CreatePersonInput {
  @Field()
  fullName!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => Int, { nullable: true })
  birthYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Dân tộc, ví dụ "Kinh", "Tày".' })
  ethnicity?: string | null;

  @Field()
  organizationCode!: string;

  @Field(() => String, { nullable: true, description: 'Chức vụ.' })
  position?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Người trực tiếp lao động, sản xuất, công tác (ưu tiên theo Điều 5 Luật TĐKT).',
  })
  isDirectWorker?: boolean | null;
}

@InputType()
export class RecordAnnualRatingInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => AnnualRatingValue)
  rating!: AnnualRatingValue;
}
