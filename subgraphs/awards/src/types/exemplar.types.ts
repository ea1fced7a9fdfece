/** Exemplars (điển hình tiên tiến, gương người tốt việc tốt). */
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum RecognizedByKind {
  CONFERENCE = 'CONFERENCE',
  BLOC = 'BLOC',
  MOVEMENT = 'MOVEMENT',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(RecognizedByKind, {
  name: 'RecognizedByKind',
  description: 'Nơi tôn vinh, suy tôn điển hình: hội nghị, khối/cụm, phong trào, đơn vị.',
});

@ObjectType({ description: 'Điển hình tiên tiến, gương người tốt việc tốt.' })
export class Exemplar {
  @Field(() => ID) id!: string;
  personId!: string | null;
  organizationId!: string | null;
  @Field({ description: 'Lĩnh vực.' }) field!: string;
  @Field({ description: 'Câu chuyện, thành tích.' }) story!: string;
  @Field(() => String, { nullable: true, description: 'Mô hình, cách làm hay.' }) model!: string | null;
  @Field(() => RecognizedByKind) recognizedByKind!: RecognizedByKind;
  @Field({ description: 'Mã hội nghị, khối/cụm, phong trào hoặc đơn vị tôn vinh.' }) recognizedByCode!: string;
  @Field(() => Int) periodFrom!: number;
  @Field(() => Int) periodTo!: number;
}
