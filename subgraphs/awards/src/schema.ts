import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { FEDERATION_LINK } from '@tdkt/subgraph-kit';

/**
 * The awards subgraph is composed into the supergraph from the start, with no types of its own yet:
 * the award catalogue, nominations, decisions, grants and eligibility (issue 4) fill it. Until then it answers only the federation's `_service`.
 */
export async function buildAwardsSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema({ typeDefs: parse(FEDERATION_LINK) });
}
