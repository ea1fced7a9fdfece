/**
 * Entities owned by the organizations subgraph, as campaigns sees them: the key only. Fields that
 * campaigns adds to them live in their own resolvers (e.g. OrganizationCampaignsResolver).
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class EmulationBloc {
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
export const blocRef = (id: string): EmulationBloc => Object.assign(new EmulationBloc(), { id });
export const personRef = (id: string): Person => Object.assign(new Person(), { id });
