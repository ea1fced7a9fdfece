/**
 * Caller tokens have a maximum lifetime and a small clock skew: a token valid until the year 9999, or
 * issued a year from now, is refused with 401 and the gateway's usual error shape, while the token of
 * `npm run token` keeps working. Through the real `npm start` (its dev key signs the tokens here).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SignJWT, generateKeyPair, exportJWK, importJWK, type JWK } from 'jose';
import {
  CALLER_AUDIENCE,
  DEV_ISSUER,
  TokenError,
  callerTokenLimitsFromEnv,
  createCallerVerifier,
} from '@tdkt/identity';
import { freePort, ROOT, START } from '../support/npm-start';

const DAY = 86_400;

const now = () => Math.floor(Date.now() / 1000);

/** A caller token with exactly these times (seconds since the epoch). */
async function tokenWith(privateJwk: JWK, times: { iat?: number; exp: number }): Promise<string> {
  const key = await importJWK(privateJwk, 'ES256');
  const jwt = new SignJWT({ role: 'CENTRAL_BOARD' })
    .setProtectedHeader({ alg: 'ES256', ...(privateJwk.kid ? { kid: privateJwk.kid } : {}) })
    .setSubject('lifetime-test')
    .setIssuer(DEV_ISSUER)
    .setAudience(CALLER_AUDIENCE)
    .setExpirationTime(times.exp);
  return (times.iat === undefined ? jwt : jwt.setIssuedAt(times.iat)).sign(key);
}

describe('caller token lifetime (verifier)', () => {
  let privateJwk: JWK;
  let publicJwk: JWK;
  beforeAll(async () => {
    const pair = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(pair.privateKey)), alg: 'ES256' };
    publicJwk = { ...(await exportJWK(pair.publicKey)), alg: 'ES256' };
  });

  it.each([
    ['valid until the year 9999', { iat: now(), exp: 253_402_300_799 }, 'thời hạn'],
    ['valid until 9999 without iat', { exp: 253_402_300_799 }, 'thời hạn'],
    ['issued a year from now', { iat: now() + 365 * DAY, exp: now() + 365 * DAY + 3600 }, 'tương lai'],
    ['25 hours long', { iat: now(), exp: now() + 25 * 3600 }, 'thời hạn'],
    ['issued 10 minutes from now', { iat: now() + 600, exp: now() + 3600 }, 'tương lai'],
  ])('refuses a token %s', async (_label, times, words) => {
    const verifier = createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [publicJwk] } });
    const refused = verifier.verify(await tokenWith(privateJwk, times));
    await expect(refused).rejects.toBeInstanceOf(TokenError);
    await expect(refused).rejects.toThrow(words);
  });

  it.each([
    ['of 12 hours (npm run token)', { iat: now(), exp: now() + 12 * 3600 }],
    ['of exactly 24 hours', { iat: now(), exp: now() + 24 * 3600 }],
    ['issued 30 s ahead of our clock (skew)', { iat: now() + 30, exp: now() + 3600 }],
    ['expired 30 s ago by our clock (skew)', { iat: now() - 3600, exp: now() - 30 }],
  ])('accepts a token %s', async (_label, times) => {
    const verifier = createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [publicJwk] } });
    await expect(verifier.verify(await tokenWith(privateJwk, times))).resolves.toMatchObject({ role: 'CENTRAL_BOARD' });
  });

  it('takes the maximum lifetime and the skew from the environment', async () => {
    expect(callerTokenLimitsFromEnv({})).toEqual({ maxLifetimeSeconds: DAY, clockSkewSeconds: 60 });
    const limits = callerTokenLimitsFromEnv({ AUTH_TOKEN_MAX_LIFETIME_SECONDS: '3600', AUTH_CLOCK_SKEW_SECONDS: '0' });
    expect(limits).toEqual({ maxLifetimeSeconds: 3600, clockSkewSeconds: 0 });
    expect(() => callerTokenLimitsFromEnv({ AUTH_TOKEN_MAX_LIFETIME_SECONDS: 'forever' })).toThrow(
      'AUTH_TOKEN_MAX_LIFETIME_SECONDS',
    );
    const verifier = createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [publicJwk] }, ...limits });
    await expect(verifier.verify(await tokenWith(privateJwk, { iat: now(), exp: now() + 2 * 3600 }))).rejects.toThrow(
      'thời hạn',
    );
    await expect(verifier.verify(await tokenWith(privateJwk, { iat: now() + 30, exp: now() + 600 }))).rejects.toThrow(
      'tương lai',
    );
  });
});

describe('caller token lifetime (npm start)', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-token-lifetime-'));
  chmodSync(dataDir, 0o755);
  let env: NodeJS.ProcessEnv;
  let gatewayPort: number;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    gatewayPort = await freePort();
    env = {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      TDKT_DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
      GATEWAY_PORT: String(gatewayPort),
      ORGANIZATIONS_PORT: String(await freePort()),
      CAMPAIGNS_PORT: String(await freePort()),
      AWARDS_PORT: String(await freePort()),
    };
    for (const name of ['DATABASE_URL', 'ORGANIZATIONS_DATABASE_URL', 'CAMPAIGNS_DATABASE_URL', 'AWARDS_DATABASE_URL'])
      delete env[name];
    for (const name of ['AUTH_TOKEN_MAX_LIFETIME_SECONDS', 'AUTH_CLOCK_SKEW_SECONDS']) delete env[name];
    child = spawn(process.execPath, [START], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start not ready within 90 s:\n${output}`)), 90_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('[tdkt] ready in')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
  }, 120_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (existsSync(pidFile)) {
      try {
        process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
      } catch {
        // gone
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  async function call(token: string) {
    const response = await fetch(`http://127.0.0.1:${gatewayPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ organization(code: "HN") { code } }' }),
    });
    return {
      status: response.status,
      authenticate: response.headers.get('www-authenticate'),
      body: (await response.json()) as any,
    };
  }

  it('refuses a token valid until 9999 and one issued a year ahead with 401 UNAUTHENTICATED; npm run token works', async () => {
    const keys = JSON.parse(readFileSync(path.join(dataDir, 'dev-keys', 'dev-signing-key.json'), 'utf8')) as {
      privateJwk: JWK;
    };
    for (const times of [
      { iat: now(), exp: 253_402_300_799 },
      { iat: now() + 365 * DAY, exp: now() + 365 * DAY + 3600 },
    ]) {
      const answer = await call(await tokenWith(keys.privateJwk, times));
      expect(answer.status).toBe(401);
      expect(answer.authenticate).toBe('Bearer');
      expect(answer.body).toEqual({
        errors: [{ message: expect.stringMatching(/^Mã xác thực/), extensions: { code: 'UNAUTHENTICATED' } }],
      });
    }

    const issued = spawnSync(
      process.execPath,
      [path.join(ROOT, 'scripts', 'dist', 'token.js'), '--role', 'CENTRAL_BOARD'],
      { env, encoding: 'utf8' },
    );
    expect(issued.status).toBe(0);
    const accepted = await call(issued.stdout.trim());
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ data: { organization: { code: 'HN' } } });
  }, 60_000);
});
