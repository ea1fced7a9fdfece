/**
 * What the gateway sends to each subgraph for an operation: the query plan built from the committed
 * supergraph with the gateway's own planner. The root fetch (the first fetch of the plan, which needs
 * no representations from another subgraph) is what the bench sends directly to its subgraph, so the
 * direct call is exactly the sub-query the gateway sends, never a hand-written approximation.
 */
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import {
  QueryPlanner,
  type FetchNode,
  type PlanNode,
  type QueryPlan,
  type SubscriptionNode,
} from '@apollo/query-planner';
import { parse } from 'graphql';

export interface RootFetch {
  subgraph: string;
  document: string;
  operationName: string | undefined;
  /** The variables of the client operation this fetch uses. */
  variables: string[];
}

export interface OperationPlan {
  /** Every fetch of the plan, in plan order: the subgraph calls one request costs. */
  fetches: { subgraph: string; entities: boolean }[];
  /** The fetches that run first (no representations needed); usually one. */
  roots: RootFetch[];
}

function fetchesOf(node: PlanNode | SubscriptionNode | undefined, into: FetchNode[]): FetchNode[] {
  if (!node) return into;
  if (node.kind === 'Subscription') {
    into.push(node.primary);
    return fetchesOf(node.rest, into);
  }
  switch (node.kind) {
    case 'Fetch':
      into.push(node);
      break;
    case 'Flatten':
      fetchesOf(node.node, into);
      break;
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) fetchesOf(child, into);
      break;
    case 'Condition':
      fetchesOf(node.ifClause, into);
      fetchesOf(node.elseClause, into);
      break;
    case 'Defer':
      fetchesOf(node.primary.node, into);
      for (const deferred of node.deferred) fetchesOf(deferred.node, into);
      break;
  }
  return into;
}

/** The fetches that start the plan: the first of a sequence, every branch of a top-level parallel. */
function rootFetchesOf(node: PlanNode | SubscriptionNode | undefined): FetchNode[] {
  if (!node) return [];
  if (node.kind === 'Subscription') return [node.primary];
  switch (node.kind) {
    case 'Fetch':
      return node.requires ? [] : [node];
    case 'Sequence':
      return rootFetchesOf(node.nodes[0]);
    case 'Parallel':
      return node.nodes.flatMap((child) => rootFetchesOf(child));
    default:
      return [];
  }
}

export function createPlanner(supergraphSdl: string) {
  const supergraph = Supergraph.build(supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const planner = new QueryPlanner(supergraph);
  return {
    plan(document: string, operationName?: string): OperationPlan {
      const operation = operationFromDocument(apiSchema, parse(document), { operationName });
      const plan: QueryPlan = planner.buildQueryPlan(operation);
      const fetches = fetchesOf(plan.node, []);
      return {
        fetches: fetches.map((fetch) => ({ subgraph: fetch.serviceName, entities: !!fetch.requires })),
        roots: rootFetchesOf(plan.node).map((fetch) => ({
          subgraph: fetch.serviceName,
          document: fetch.operation,
          operationName: fetch.operationName,
          variables: fetch.variableUsages ?? [],
        })),
      };
    },
  };
}
