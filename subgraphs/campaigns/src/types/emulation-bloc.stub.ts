/**
 * The organizations subgraph's EmulationBloc (khối, cụm thi đua), as campaigns sees it: the key only.
 * The fields campaigns adds to it live in BlocPledgesResolver.
 */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
@Directive('@key(fields: "id")')
export class EmulationBloc {
  @Field(() => ID)
  id!: string;
}

export const blocRef = (id: string): EmulationBloc => Object.assign(new EmulationBloc(), { id });
