/** Fields awards adds to the organizations subgraph's Person. Grants are public (name and unit). */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { Grant } from '../types/grant.types.js';
import { Person } from '../types/person.stub.js';

@Resolver(() => Person)
export class PersonGrantsResolver {
  @FieldResolver(() => [Grant], { nullable: true, description: 'Các lần khen thưởng, theo năm.' })
  grants(@Root() person: Person, @Ctx() context: AwardsContext): Promise<Grant[]> {
    return context.loaders.grantsByPersonId.load(person.id);
  }
}
