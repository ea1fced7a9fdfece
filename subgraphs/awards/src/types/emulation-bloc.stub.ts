/** The organizations subgraph's EmulationBloc (khối, cụm thi đua) as awards sees it: the key only. */
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
@Directive('@key(fields: "id")')
export class EmulationBloc {
  @Field(() => ID)
  id!: string;
}

export const blocRef = (id: string): EmulationBloc => Object.assign(new EmulationBloc(), { id });
