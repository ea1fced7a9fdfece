/**
 * The organizations subgraph's Organization, as campaigns sees it: the key only. The fields campaigns
 * adds to it live in OrganizationMovementsResolver, OrganizationConferencesResolver and
 * OrganizationPledgesResolver.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;
}

export const organizationRef = (id: string): Organization => Object.assign(new Organization(), { id });
