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
export { DEFAULT_LIMITS, operationCost, type OperationLimits } from './limits.js';
