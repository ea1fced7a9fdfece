/** The gateway's own Apollo plugins: client error statuses, and statement counts for tests and the bench. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context.js';

/** Asks the gateway for the statement counts of a request (outside production). */
const STATS_REQUEST_HEADER = 'x-tdkt-stats';

/** An operation the gateway cannot resolve (operationName) is the client's error: HTTP 400, not 500. */
export function clientErrorStatus(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, errors }) {
          const codes = (errors ?? []).map((error) => String(error.extensions?.['code'] ?? ''));
          if (codes.includes('INVALID_GRAPHQL') && response.http) response.http.status = 400;
        },
      };
    },
  };
}

export function statsPlugin(enabled: boolean): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const wanted = enabled && request.http?.headers.get(STATS_REQUEST_HEADER) === '1';
      return {
        async willSendResponse({ response, contextValue }) {
          if (!wanted || response.body.kind !== 'single') return;
          const sqlStatements: Record<string, number> = {};
          for (const call of contextValue.subgraphCalls) {
            sqlStatements[call.subgraph] = (sqlStatements[call.subgraph] ?? 0) + (call.sqlStatements ?? 0);
          }
          response.body.singleResult.extensions = {
            ...(response.body.singleResult.extensions ?? {}),
            stats: { subgraphCalls: contextValue.subgraphCalls.map((call) => call.subgraph), sqlStatements },
          };
        },
      };
    },
  };
}
