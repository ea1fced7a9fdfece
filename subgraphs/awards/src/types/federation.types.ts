/** Entities owned by the organizations subgraph, as awards sees them: the key only. */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID)
  id!: string;
}

export const organizationRef = (id: string): Organization => Object.assign(new Organization(), { id });
export const personRef = (id: string): Person => Object.assign(new Person(), { id });
