import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { FEDERATION_LINK } from '@tdkt/subgraph-kit';

/**
 * The campaigns subgraph is composed into the supergraph from the start, with no types of its own yet:
 * movements, pledges, scoring and conferences (issue 3) fill it. Until then it answers only the federation's `_service`.
 */
export async function buildCampaignsSchema(): Promise<GraphQLSchema> {
  return buildSubgraphSchema({ typeDefs: parse(FEDERATION_LINK) });
}
