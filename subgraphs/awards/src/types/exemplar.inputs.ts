/** Inputs of recordExemplar and revokeGrant. */
import { Field, ID, InputType, Int } from 'type-graphql';
import { GraphQLLocalDate } from '@tdkt/subgraph-kit';
import { RecognizedByKind } from './exemplar.types.js';

@InputType()
export class RecordExemplarInput {
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => String, { nullable: true }) organizationCode?: string | null;
  @Field() field!: string;
  @Field() story!: string;
  @Field(() => String, { nullable: true }) model?: string | null;
  @Field(() => RecognizedByKind) recognizedByKind!: RecognizedByKind;
  @Field() recognizedByCode!: string;
  @Field(() => Int) periodFrom!: number;
  @Field(() => Int) periodTo!: number;
  @Field(() => [ID], { nullable: true, description: 'Các lần khen thưởng gắn với điển hình này.' }) grantIds?:
    string[] | null;
}

@InputType()
export class RevokeGrantInput {
  @Field(() => ID) grantId!: string;
  @Field(() => GraphQLLocalDate) revokedOn!: string;
  @Field() reason!: string;
}
