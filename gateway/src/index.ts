export {
  createGatewayApp,
  maskGatewayError,
  type GatewayApp,
  type GatewayContext,
  type GatewayOptions,
} from './gateway.js';
export {
  SUBGRAPHS,
  REPOSITORY_ROOT,
  readConfig,
  subgraphUrlsFromEnv,
  callerVerifierFromEnv,
  internalSignerFromEnv,
} from './config.js';
export { setLogDestination as setGatewayLogDestination } from './metrics.js';
export { DEFAULT_LIMITS, type OperationLimits } from './limits.js';
export { FIELD_WEIGHTS, SEARCH_WEIGHT, cachedOperationCost, operationCost } from './cost.js';
export { supergraphDependencies, ALL as ALL_SUBGRAPHS } from './response-cache-deps.js';
export {
  DEFAULT_HTTP_TRANSPORT,
  createHttpTransport,
  fetchTransport,
  type HttpTransportOptions,
  type SubgraphTransport,
} from './subgraph-transport.js';
export { contentDisposition, mountFiles, spreadsheetText, type FileRouteDeps } from './files/index.js';
