/** The organizations subgraph's Person, as campaigns sees it: the key only. */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID)
  id!: string;
}

export const personRef = (id: string): Person => Object.assign(new Person(), { id });
