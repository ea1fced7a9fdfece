/** The organizations subgraph's Organization as awards sees it: the key only. */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}

export const organizationRef = (id: string): Organization => Object.assign(new Organization(), { id });
