/**
 * Who is calling, and how that is proven.
 *
 * Two kinds of token:
 * - the caller's bearer token, verified by the gateway only (a dev key pair under `.data/dev-keys` by
 *   default, a JWKS file or URL in production);
 * - the internal caller token: the gateway re-signs the verified caller with its own Ed25519 key for
 *   each request, short-lived and audience-bound; subgraphs accept nothing else.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  jwtVerify,
  generateKeyPair,
  exportJWK,
  importJWK,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  type JWK,
  type JWTPayload,
  type KeyLike,
  type JWTVerifyGetKey,
} from 'jose';

import { VerifiedTokenCache } from './token-cache.js';

export { VerifiedTokenCache } from './token-cache.js';

export const ROLES = ['VIEWER', 'ORG_OFFICER', 'CENTRAL_BOARD'] as const;
export type Role = (typeof ROLES)[number];

/** The roles as an officer names them, for messages (the codes are the contract's, never shown). */
export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  VIEWER: 'cán bộ chỉ xem',
  ORG_OFFICER: 'cán bộ thi đua – khen thưởng của đơn vị',
  CENTRAL_BOARD: 'Ban Thi đua – Khen thưởng Trung ương',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The verified caller. `role: null` is the public (no token). */
export interface Caller {
  readonly subject: string | null;
  readonly role: Role | null;
  /** Code of the caller's organization (VIEWER and ORG_OFFICER are always scoped to one). */
  readonly org: string | null;
}

export const PUBLIC_CALLER: Caller = Object.freeze({ subject: null, role: null, org: null });

/** Raised for any token that must not be accepted; the message is safe to show. */
export class TokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenError';
  }
}

export const DEV_ISSUER = 'tdkt-dev';
export const CALLER_AUDIENCE = 'tdkt-graph';
export const INTERNAL_ISSUER = 'tdkt-gateway';
export const INTERNAL_AUDIENCE = 'tdkt-subgraphs';
export const INTERNAL_HEADER = 'x-tdkt-caller';

const CALLER_ALGORITHMS = ['ES256', 'EdDSA', 'RS256', 'PS256'];

function callerFromClaims(payload: JWTPayload): Caller {
  const role = payload['role'];
  const org = payload['org'];
  if (typeof payload.sub !== 'string' || payload.sub.length === 0)
    throw new TokenError('Mã xác thực thiếu định danh người dùng (sub).');
  if (!isRole(role)) throw new TokenError('Mã xác thực có vai trò không hợp lệ.');
  if (org !== undefined && org !== null && typeof org !== 'string')
    throw new TokenError('Mã xác thực có mã đơn vị không hợp lệ.');
  if (role !== 'CENTRAL_BOARD' && !org) throw new TokenError(`Tài khoản ${ROLE_NAMES[role]} cần mã đơn vị (org).`);
  return Object.freeze({ subject: payload.sub, role, org: (org as string | undefined) ?? null });
}

function describeJoseError(error: unknown): TokenError {
  if (error instanceof TokenError) return error;
  if (error instanceof joseErrors.JWTExpired) return new TokenError('Mã xác thực đã hết hạn.');
  if (error instanceof joseErrors.JWTClaimValidationFailed)
    return new TokenError('Mã xác thực không dành cho hệ thống này.');
  return new TokenError('Mã xác thực không hợp lệ.');
}

// ---------------------------------------------------------------------------------------------
// Caller tokens (verified by the gateway)
// ---------------------------------------------------------------------------------------------

export interface CallerTokenVerifier {
  verify(token: string): Promise<Caller>;
}

export interface CallerTokenLimits {
  /** The longest a caller token may be valid: exp − iat, and exp − now. */
  maxLifetimeSeconds: number;
  /** How far the identity provider's clock may be from ours (exp, nbf and iat checks). */
  clockSkewSeconds: number;
}

export const DEFAULT_CALLER_TOKEN_LIMITS: CallerTokenLimits = Object.freeze({
  maxLifetimeSeconds: 24 * 3600,
  clockSkewSeconds: 60,
});

function secondsSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number of seconds (got "${raw}")`);
  return value;
}

/** `AUTH_TOKEN_MAX_LIFETIME_SECONDS` (default one day) and `AUTH_CLOCK_SKEW_SECONDS` (default 60). */
export function callerTokenLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): CallerTokenLimits {
  return {
    maxLifetimeSeconds: secondsSetting(
      env,
      'AUTH_TOKEN_MAX_LIFETIME_SECONDS',
      DEFAULT_CALLER_TOKEN_LIMITS.maxLifetimeSeconds,
    ),
    clockSkewSeconds: secondsSetting(env, 'AUTH_CLOCK_SKEW_SECONDS', DEFAULT_CALLER_TOKEN_LIMITS.clockSkewSeconds),
  };
}

function describeHours(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600} giờ` : `${seconds} giây`;
}

/**
 * A token that stays valid for years is a stolen credential that never expires, and one issued in the
 * future was minted with a wrong clock (or to outlive its key): both are refused.
 */
function checkLifetime(payload: JWTPayload, limits: CallerTokenLimits): void {
  const now = Math.floor(Date.now() / 1000);
  const { maxLifetimeSeconds: max, clockSkewSeconds: skew } = limits;
  if (payload.iat !== undefined && payload.iat > now + skew)
    throw new TokenError('Mã xác thực có thời điểm phát hành (iat) ở tương lai.');
  const exp = payload.exp!;
  if ((payload.iat !== undefined && exp - payload.iat > max) || exp - now > max + skew)
    throw new TokenError(`Mã xác thực có thời hạn dài hơn mức cho phép (tối đa ${describeHours(max)}).`);
}

export interface CallerVerifierOptions extends Partial<CallerTokenLimits> {
  /** A JWKS URL (production identity provider) … */
  jwksUrl?: string;
  /** … or a JWKS file, or a single public JWK. */
  jwks?: { keys: JWK[] };
  issuer: string;
  audience?: string;
  /** Verified tokens kept (default 1000; 0: none). */
  cacheSize?: number;
}

export function createCallerVerifier(options: CallerVerifierOptions): CallerTokenVerifier {
  let getKey: JWTVerifyGetKey;
  if (options.jwksUrl) getKey = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 3000 });
  else if (options.jwks) getKey = createLocalJWKSet(options.jwks);
  else throw new Error('A caller token verifier needs a JWKS URL or JWKS');
  // Limits not given are read from the environment, so every verifier of the process applies them.
  const fromEnv = callerTokenLimitsFromEnv();
  const limits: CallerTokenLimits = {
    maxLifetimeSeconds: options.maxLifetimeSeconds ?? fromEnv.maxLifetimeSeconds,
    clockSkewSeconds: options.clockSkewSeconds ?? fromEnv.clockSkewSeconds,
  };
  // A key withdrawn from a remote JWKS stops its cached tokens within this time, as it would the next
  // fetch of the key set.
  const cacheMs = options.jwksUrl ? 5 * 60_000 : Number.POSITIVE_INFINITY;
  const verified = new VerifiedTokenCache<Caller>(options.cacheSize ?? 1000);
  return {
    async verify(token: string): Promise<Caller> {
      const known = verified.get(token);
      if (known) return known;
      try {
        // Asymmetric algorithms only: `none` and HS256 forged with a public key are refused here.
        const { payload } = await jwtVerify(token, getKey, {
          issuer: options.issuer,
          audience: options.audience ?? CALLER_AUDIENCE,
          algorithms: CALLER_ALGORITHMS,
          requiredClaims: ['sub', 'exp'],
          clockTolerance: limits.clockSkewSeconds,
        });
        checkLifetime(payload, limits);
        const caller = callerFromClaims(payload);
        // Until `exp` itself (the skew only lets a token through that a clock sees as just expired).
        verified.set(token, caller, Math.min(payload.exp! * 1000, Date.now() + cacheMs));
        return caller;
      } catch (error) {
        throw describeJoseError(error);
      }
    },
  };
}

export interface DevKeys {
  privateJwk: JWK;
  publicJwk: JWK;
}

/**
 * The local development signing key, created on first use. It lives under `.data/` (never
 * committed) and is only trusted when the gateway runs outside production mode.
 */
export async function loadOrCreateDevKeys(dir: string): Promise<DevKeys> {
  const file = path.join(dir, 'dev-signing-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `dev-${randomUUID()}`;
  const keys: DevKeys = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256', use: 'sig' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
  // Only the key directory is private: its parent (.data) must stay traversable for the postgres OS
  // user that runs the embedded cluster beside it.
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Two processes may race here on a first start; `wx` makes the first writer win.
  try {
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return JSON.parse(readFileSync(file, 'utf8')) as DevKeys;
    throw error;
  }
  return keys;
}

export interface IssueCallerTokenOptions {
  role: Role;
  org?: string | null;
  subject?: string;
  issuer?: string;
  audience?: string;
  expiresIn?: string;
}

export async function issueCallerToken(privateJwk: JWK, options: IssueCallerTokenOptions): Promise<string> {
  const key = await importJWK(privateJwk, privateJwk.alg ?? 'ES256');
  const claims: JWTPayload = { role: options.role };
  if (options.org) claims['org'] = options.org;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: privateJwk.alg ?? 'ES256', kid: privateJwk.kid })
    .setSubject(
      options.subject ?? `dev:${options.role.toLowerCase()}${options.org ? `:${options.org.toLowerCase()}` : ''}`,
    )
    .setIssuer(options.issuer ?? DEV_ISSUER)
    .setAudience(options.audience ?? CALLER_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(key);
}

// ---------------------------------------------------------------------------------------------
// Internal caller tokens (gateway → subgraphs)
// ---------------------------------------------------------------------------------------------

export interface InternalKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateInternalKeyPair(): Promise<InternalKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), alg: 'EdDSA' },
    publicJwk: { ...(await exportJWK(publicKey)), alg: 'EdDSA' },
  };
}

export interface InternalTokenSigner {
  /**
   * A token for this caller. `requestId` goes into the token's `rid` when a new one is signed; a token
   * reused for a later request keeps the `rid` of the request it was signed for, so the gateway also
   * sends each request's own id in `x-request-id`, which the subgraphs prefer.
   */
  sign(caller: Caller, requestId: string): Promise<string>;
}

export interface InternalSignerOptions {
  /** Lifetime of a token (`exp − iat`), seconds. Default 60. */
  ttlSeconds?: number;
  /**
   * How long one signed token is handed out again for the same caller, seconds (0: a new token for
   * every request). Default half the lifetime, so a token handed out has at least 30 s left: more than
   * a request's calls take (SUBGRAPH_TIMEOUT_MS, 10 s by default, per call). Signing cost about 5 % of
   * the gateway's CPU on the bloc board, and the subgraphs verify a token they have seen from memory.
   */
  reuseSeconds?: number;
  /** Callers whose token is kept (least recently used first out). Default 1000. */
  maxCallers?: number;
  /** The clock, ms (tests). */
  now?: () => number;
}

/** `settings`: the options, or the lifetime alone in seconds. */
export async function createInternalSigner(
  privateJwk: JWK,
  settings: InternalSignerOptions | number = {},
): Promise<InternalTokenSigner> {
  const options = typeof settings === 'number' ? { ttlSeconds: settings } : settings;
  const key = (await importJWK(privateJwk, 'EdDSA')) as KeyLike;
  const ttlSeconds = options.ttlSeconds ?? 60;
  const reuseMs = Math.min(options.reuseSeconds ?? ttlSeconds / 2, ttlSeconds) * 1000;
  const now = options.now ?? Date.now;
  const issued = new VerifiedTokenCache<Promise<string>>(options.maxCallers ?? 1000);
  const signNew = (caller: Caller, requestId: string, at: number): Promise<string> => {
    const claims: JWTPayload = { rid: requestId };
    if (caller.role) claims['role'] = caller.role;
    if (caller.org) claims['org'] = caller.org;
    const iat = Math.floor(at / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject(caller.subject ?? 'public')
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(key);
  };
  return {
    sign(caller: Caller, requestId: string): Promise<string> {
      const at = now();
      if (reuseMs <= 0) return signNew(caller, requestId, at);
      // Every claim but `rid` identifies the caller: the same key gives the same rights.
      const callerKey = `${caller.subject ?? ''}\u0000${caller.role ?? ''}\u0000${caller.org ?? ''}`;
      const known = issued.get(callerKey, at);
      if (known) return known;
      const token = signNew(caller, requestId, at);
      issued.set(callerKey, token, at + reuseMs, at);
      token.catch(() => issued.delete(callerKey)); // a failed signing is never handed out again
      return token;
    },
  };
}

export interface InternalContext {
  caller: Caller;
  requestId: string;
  /**
   * The verified internal token itself: a subgraph that must ask another subgraph something while
   * serving this request (e.g. bloc membership) forwards it, acting as the same caller.
   */
  internalToken: string;
}

export interface InternalTokenVerifier {
  verify(token: string | undefined): Promise<InternalContext>;
}

/** How old an internal token may be (its `iat`), whatever its `exp` says. */
const INTERNAL_MAX_AGE_SECONDS = 300;

export async function createInternalVerifier(publicJwk: JWK, cacheSize = 1000): Promise<InternalTokenVerifier> {
  const key = (await importJWK(publicJwk, 'EdDSA')) as KeyLike;
  const verified = new VerifiedTokenCache<InternalContext>(cacheSize);
  return {
    async verify(token: string | undefined): Promise<InternalContext> {
      if (!token) throw new TokenError('Yêu cầu không đi qua cổng (gateway) của hệ thống.');
      const known = verified.get(token);
      if (known) return { ...known };
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: INTERNAL_ISSUER,
          audience: INTERNAL_AUDIENCE,
          algorithms: ['EdDSA'],
          requiredClaims: ['sub', 'exp', 'rid'],
          maxTokenAge: `${INTERNAL_MAX_AGE_SECONDS}s`,
        });
        const caller = payload['role'] === undefined ? PUBLIC_CALLER : callerFromClaims(payload);
        const context: InternalContext = { caller, requestId: String(payload['rid']), internalToken: token };
        const until = Math.min(payload.exp!, (payload.iat ?? payload.exp!) + INTERNAL_MAX_AGE_SECONDS) * 1000;
        verified.set(token, context, until);
        return { ...context };
      } catch (error) {
        throw describeJoseError(error);
      }
    },
  };
}

/** Reads a JWK from an environment variable holding JSON, with a clear error when it is missing. */
export function jwkFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): JWK {
  const raw = env[name];
  if (!raw)
    throw new Error(`${name} is not set: the gateway and the subgraphs need the internal key pair (npm start sets it)`);
  try {
    return JSON.parse(raw) as JWK;
  } catch {
    throw new Error(`${name} does not hold a JSON Web Key`);
  }
}
