/** Gateway configuration from the environment, with the safe defaults of a developer machine. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CALLER_AUDIENCE,
  DEV_ISSUER,
  createCallerVerifier,
  createInternalSigner,
  jwkFromEnv,
  loadOrCreateDevKeys,
  type CallerTokenVerifier,
  type InternalTokenSigner,
} from '@tdkt/identity';
import { GATEWAY_DEFAULT_PORT, SUBGRAPHS as MANIFEST_SUBGRAPHS, settingName, subgraphPort } from '@tdkt/platform';
import type { OperationLimits } from './limits.js';
import { DEFAULT_PUBLIC_CACHE, type PublicCacheOptions } from './response-cache.js';
import type { ServerLimits } from './server.js';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
/** The subgraphs the gateway routes to: the platform manifest. */
export const SUBGRAPHS = MANIFEST_SUBGRAPHS;

export interface GatewayConfig {
  port: number;
  host: string;
  production: boolean;
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  subgraphTimeoutMs: number;
  subgraphTimeouts: Record<string, number>;
  rateLimits: { callerPerMinute?: number; publicPerMinute?: number };
  corsOrigins: string[];
  /** LIMIT_MAX_DEPTH, …_ALIASES, …_TOKENS, …_DIRECTIVES, …_COST, …_OPERATIONS, …_FRAGMENTS (defaults in limits.ts). */
  limits: Partial<OperationLimits>;
  /** GATEWAY_KEEP_ALIVE_TIMEOUT_MS, …_HEADERS_TIMEOUT_MS, …_REQUEST_TIMEOUT_MS, …_MAX_CONNECTIONS_PER_CLIENT (server.ts). */
  server: Partial<ServerLimits>;
  /** TDKT_PUBLIC_CACHE (on|off), …_TTL_MS, …_MAX_MB, …_SETTLE_MS (response-cache.ts). */
  publicCache: PublicCacheOptions;
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, least = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < least) throw new Error(`${name} must be a number ≥ ${least} (got "${raw}")`);
  return value;
}

/**
 * The public answer cache: on unless TDKT_PUBLIC_CACHE=off. An answer lives TDKT_PUBLIC_CACHE_TTL_MS
 * (default 5 s: the most a write through another gateway replica, an import or a restore stays
 * unseen); TDKT_PUBLIC_CACHE_MAX_MB of answers at most. After a write, answers of subgraphs that read
 * it through a copy are not kept for TDKT_PUBLIC_CACHE_SETTLE_MS (default: the larger of
 * AWARDS_TREE_CHECK_MS and CAMPAIGNS_ORG_CHECK_MS, how late awards and campaigns may see a change of
 * the organization tree or a unit's name).
 */
export function publicCacheFromEnv(env: NodeJS.ProcessEnv = process.env): PublicCacheOptions {
  const switchValue = (env['TDKT_PUBLIC_CACHE'] ?? 'on').trim().toLowerCase();
  if (!['on', 'off', ''].includes(switchValue))
    throw new Error(`TDKT_PUBLIC_CACHE must be "on" or "off" (got "${env['TDKT_PUBLIC_CACHE']}")`);
  const treeCheckMs = Math.max(
    positiveNumber(env, 'AWARDS_TREE_CHECK_MS', DEFAULT_PUBLIC_CACHE.settleMs, 0),
    positiveNumber(env, 'CAMPAIGNS_ORG_CHECK_MS', DEFAULT_PUBLIC_CACHE.settleMs, 0),
  );
  return {
    enabled: switchValue !== 'off',
    ttlMs: positiveNumber(env, 'TDKT_PUBLIC_CACHE_TTL_MS', DEFAULT_PUBLIC_CACHE.ttlMs),
    maxBytes: Math.round(
      positiveNumber(env, 'TDKT_PUBLIC_CACHE_MAX_MB', DEFAULT_PUBLIC_CACHE.maxBytes / 1024 / 1024) * 1024 * 1024,
    ),
    settleMs: positiveNumber(env, 'TDKT_PUBLIC_CACHE_SETTLE_MS', treeCheckMs, 0),
  };
}

const LIMIT_ENV: [keyof OperationLimits, string][] = [
  ['maxDepth', 'LIMIT_MAX_DEPTH'],
  ['maxAliases', 'LIMIT_MAX_ALIASES'],
  ['maxTokens', 'LIMIT_MAX_TOKENS'],
  ['maxDirectives', 'LIMIT_MAX_DIRECTIVES'],
  ['maxCost', 'LIMIT_MAX_COST'],
  ['maxOperations', 'LIMIT_MAX_OPERATIONS'],
  ['maxFragments', 'LIMIT_MAX_FRAGMENTS'],
];

const SERVER_ENV: [keyof ServerLimits, string, number][] = [
  ['keepAliveTimeoutMs', 'GATEWAY_KEEP_ALIVE_TIMEOUT_MS', 1],
  ['headersTimeoutMs', 'GATEWAY_HEADERS_TIMEOUT_MS', 1],
  ['requestTimeoutMs', 'GATEWAY_REQUEST_TIMEOUT_MS', 1],
  ['maxConnectionsPerClient', 'GATEWAY_MAX_CONNECTIONS_PER_CLIENT', 0], // 0: no cap
];

function serverLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<ServerLimits> {
  const limits: Partial<ServerLimits> = {};
  for (const [key, name, least] of SERVER_ENV) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < least)
      throw new Error(`${name} must be an integer ≥ ${least} (got "${raw}")`);
    limits[key] = value;
  }
  return limits;
}

function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<OperationLimits> {
  const limits: Partial<OperationLimits> = {};
  for (const [key, name] of LIMIT_ENV) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
    limits[key] = value;
  }
  return limits;
}

/** Each subgraph's URL: `<NAME>_URL`, else loopback on `<NAME>_PORT` or the manifest's port. */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const subgraph of SUBGRAPHS) {
    // An empty <NAME>_URL counts as unset.
    const explicit = env[settingName(subgraph.name, 'URL')];
    urls[subgraph.name] = explicit || `http://127.0.0.1:${subgraphPort(subgraph, env)}/graphql`;
  }
  return urls;
}

/** `<NAME>_TIMEOUT_MS`, e.g. AWARDS_TIMEOUT_MS=20000 for statistics over a national ledger. */
function subgraphTimeoutsFromEnv(env: NodeJS.ProcessEnv): Record<string, number> {
  const timeouts: Record<string, number> = {};
  for (const subgraph of SUBGRAPHS) {
    const raw = env[settingName(subgraph.name, 'TIMEOUT_MS')];
    if (raw) timeouts[subgraph.name] = Number(raw);
  }
  return timeouts;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const supergraphPath = env['SUPERGRAPH_PATH'] ?? path.join(REPOSITORY_ROOT, 'schema', 'supergraph.graphql');
  return {
    port: Number(env['GATEWAY_PORT'] ?? GATEWAY_DEFAULT_PORT),
    host: env['GATEWAY_HOST'] ?? '127.0.0.1',
    production: env['NODE_ENV'] === 'production',
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    subgraphUrls: subgraphUrlsFromEnv(env),
    subgraphTimeoutMs: Number(env['SUBGRAPH_TIMEOUT_MS'] ?? 10_000),
    rateLimits: {
      ...(env['RATE_LIMIT_CALLER_PER_MINUTE'] ? { callerPerMinute: Number(env['RATE_LIMIT_CALLER_PER_MINUTE']) } : {}),
      ...(env['RATE_LIMIT_PUBLIC_PER_MINUTE'] ? { publicPerMinute: Number(env['RATE_LIMIT_PUBLIC_PER_MINUTE']) } : {}),
    },
    limits: limitsFromEnv(env),
    server: serverLimitsFromEnv(env),
    corsOrigins: (env['CORS_ORIGINS'] ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    subgraphTimeouts: subgraphTimeoutsFromEnv(env),
    publicCache: publicCacheFromEnv(env),
  };
}

/**
 * Production takes keys from the identity provider (AUTH_JWKS_URL or AUTH_JWKS_FILE, AUTH_ISSUER);
 * the local dev key is refused there. Elsewhere the dev key under DEV_KEYS_DIR is trusted.
 */
export async function callerVerifierFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<CallerTokenVerifier> {
  const production = env['NODE_ENV'] === 'production';
  const audience = env['AUTH_AUDIENCE'] ?? CALLER_AUDIENCE;
  if (env['AUTH_JWKS_URL'] || env['AUTH_JWKS_FILE']) {
    const issuer = env['AUTH_ISSUER'];
    if (!issuer) throw new Error('AUTH_ISSUER must be set with AUTH_JWKS_URL or AUTH_JWKS_FILE');
    if (production && issuer === DEV_ISSUER)
      throw new Error(`The issuer "${DEV_ISSUER}" is the development issuer and is refused in production`);
    return createCallerVerifier({
      issuer,
      audience,
      jwksUrl: env['AUTH_JWKS_URL'],
      jwks: env['AUTH_JWKS_FILE'] ? JSON.parse(readFileSync(env['AUTH_JWKS_FILE'], 'utf8')) : undefined,
    });
  }
  if (production)
    throw new Error(
      'NODE_ENV=production needs AUTH_JWKS_URL or AUTH_JWKS_FILE and AUTH_ISSUER: the dev key is never trusted in production',
    );
  const keys = await loadOrCreateDevKeys(
    env['DEV_KEYS_DIR'] ?? path.join(env['TDKT_DATA_DIR'] ?? path.join(REPOSITORY_ROOT, '.data'), 'dev-keys'),
  );
  return createCallerVerifier({ issuer: DEV_ISSUER, audience, jwks: { keys: [keys.publicJwk] } });
}

export function internalSignerFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<InternalTokenSigner> {
  return createInternalSigner(jwkFromEnv('TDKT_INTERNAL_PRIVATE_KEY', env));
}
