/** Exemplar profiles awards adds to the organizations subgraph's Person. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AwardsContext } from '../context.js';
import { Exemplar } from '../types/exemplar.types.js';
import { Person } from '../types/person.stub.js';

@Resolver(() => Person)
export class PersonExemplarsResolver {
  @FieldResolver(() => [Exemplar], { nullable: true, description: 'Các lần được tôn vinh là điển hình tiên tiến.' })
  exemplarProfiles(@Root() person: Person, @Ctx() context: AwardsContext): Promise<Exemplar[]> {
    return context.loaders.exemplarsByPersonId.load(person.id);
  }
}
