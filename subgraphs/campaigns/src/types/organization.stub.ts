/**
 * The organizations subgraph's Organization, as campaigns sees it: the key, and the code and names it
 * answers from its read copy (store/organization-copy.store.ts), shared with the organizations subgraph
 * so a board names its units without a call back there. The fields campaigns adds to it live in
 * OrganizationMovementsResolver, OrganizationConferencesResolver and OrganizationPledgesResolver; the
 * code and names are resolved by OrganizationNamesResolver.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** What the copy holds of a unit. */
export interface OrganizationNames {
  code: string;
  name: string;
  shortName: string | null;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Organization {
  @Field(() => ID)
  id!: string;

  // Carried when the read that found the unit joined the copy; otherwise OrganizationNamesResolver looks them up.
  @Field({ description: 'Mã đơn vị, ổn định vĩnh viễn (ví dụ BTP, HCM).' })
  @Directive('@shareable')
  code?: string;

  @Field()
  @Directive('@shareable')
  name?: string;

  @Field(() => String, { nullable: true })
  @Directive('@shareable')
  shortName?: string | null;
}

/** A reference to a unit, with its code and names when the read joined the copy and found it. */
export const organizationRef = (id: string, names?: OrganizationNames | null): Organization =>
  Object.assign(
    new Organization(),
    names ? { id, code: names.code, name: names.name, shortName: names.shortName } : { id },
  );
