import { SignJWT, generateKeyPair, exportJWK, importJWK } from 'jose';
import {
  CALLER_AUDIENCE,
  DEV_ISSUER,
  INTERNAL_AUDIENCE,
  INTERNAL_ISSUER,
  TokenError,
  VerifiedTokenCache,
  createCallerVerifier,
  createInternalSigner,
  createInternalVerifier,
  generateInternalKeyPair,
  issueCallerToken,
} from '@tdkt/identity';

async function devPair() {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateKey,
    privateJwk: { ...(await exportJWK(privateKey)), alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), alg: 'ES256' },
  };
}

describe('caller tokens', () => {
  it('accepts a token of the configured issuer and audience and reads role and org', async () => {
    const keys = await devPair();
    const verifier = createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } });
    const token = await issueCallerToken(keys.privateJwk, { role: 'ORG_OFFICER', org: 'BTP' });
    expect(await verifier.verify(token)).toEqual({ subject: 'dev:org_officer:btp', role: 'ORG_OFFICER', org: 'BTP' });
  });

  it.each([
    ['another issuer', { issuer: 'someone-else' }],
    ['another audience', { audience: 'another-api' }],
  ])('refuses %s', async (_label, options) => {
    const keys = await devPair();
    const verifier = createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } });
    const token = await issueCallerToken(keys.privateJwk, { role: 'CENTRAL_BOARD', ...options });
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenError);
  });

  it('refuses a role outside the contract, an officer without org, and a token without expiry', async () => {
    const keys = await devPair();
    const verifier = createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } });
    const sign = (claims: Record<string, unknown>, exp = true) => {
      const jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('s')
        .setIssuer(DEV_ISSUER)
        .setAudience(CALLER_AUDIENCE);
      return (exp ? jwt.setExpirationTime('5m') : jwt).sign(keys.privateKey);
    };
    await expect(verifier.verify(await sign({ role: 'ADMIN' }))).rejects.toThrow('vai trò');
    await expect(verifier.verify(await sign({ role: 'ORG_OFFICER' }))).rejects.toThrow('org');
    await expect(verifier.verify(await sign({ role: 'CENTRAL_BOARD' }, false))).rejects.toBeInstanceOf(TokenError);
  });

  it('refuses an HS256 token forged with the public key as the secret', async () => {
    const keys = await devPair();
    const verifier = createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } });
    const secret = new TextEncoder().encode(JSON.stringify(keys.publicJwk));
    const forged = await new SignJWT({ role: 'CENTRAL_BOARD' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer(DEV_ISSUER)
      .setAudience(CALLER_AUDIENCE)
      .setExpirationTime('5m')
      .sign(secret);
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(TokenError);
  });
});

describe('internal caller tokens', () => {
  it('round-trips the caller and request id, and refuses a missing token', async () => {
    const pair = await generateInternalKeyPair();
    const signer = await createInternalSigner(pair.privateJwk);
    const verifier = await createInternalVerifier(pair.publicJwk);
    const caller = { subject: 'u1', role: 'VIEWER' as const, org: 'HCM' };
    const token = await signer.sign(caller, 'req-1');
    expect(await verifier.verify(token)).toEqual({ caller, requestId: 'req-1', internalToken: token });
    await expect(verifier.verify(undefined)).rejects.toBeInstanceOf(TokenError);
  });

  it('refuses a token for another audience even when signed with the right key', async () => {
    const pair = await generateInternalKeyPair();
    const verifier = await createInternalVerifier(pair.publicJwk);
    const key = await importJWK(pair.privateJwk, 'EdDSA');
    const token = await new SignJWT({ rid: 'r' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setSubject('public')
      .setIssuer(INTERNAL_ISSUER)
      .setAudience('elsewhere')
      .setExpirationTime('1m')
      .sign(key);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(TokenError);
    const right = await new SignJWT({ rid: 'r' })
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuedAt()
      .setSubject('public')
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(INTERNAL_AUDIENCE)
      .setExpirationTime('1m')
      .sign(key);
    expect((await verifier.verify(right)).caller.role).toBeNull();
  });
});

/** Waits until the wall clock has passed `exp` (seconds since the epoch). */
const pastExpiry = (exp: number) => new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
const expOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).exp as number;

describe('verified tokens kept for reuse', () => {
  it('refuses a caller token it accepted before, once that token has expired', async () => {
    const keys = await devPair();
    const verifier = createCallerVerifier({
      issuer: DEV_ISSUER,
      jwks: { keys: [keys.publicJwk] },
      clockSkewSeconds: 0,
    });
    const token = await issueCallerToken(keys.privateJwk, { role: 'CENTRAL_BOARD', expiresIn: '1s' });
    expect((await verifier.verify(token)).role).toBe('CENTRAL_BOARD');
    expect((await verifier.verify(token)).role).toBe('CENTRAL_BOARD');
    await pastExpiry(expOf(token));
    await expect(verifier.verify(token)).rejects.toThrow('hết hạn');
  });

  it('refuses an internal token it accepted before, once that token has expired', async () => {
    const pair = await generateInternalKeyPair();
    const signer = await createInternalSigner(pair.privateJwk, { ttlSeconds: 1 });
    const verifier = await createInternalVerifier(pair.publicJwk);
    const token = await signer.sign({ subject: 'u1', role: 'VIEWER', org: 'HCM' }, 'req-1');
    const first = await verifier.verify(token);
    // Each call gets its own context: a subgraph changing one cannot change the next request's.
    (first as { requestId: string }).requestId = 'changed';
    expect((await verifier.verify(token)).requestId).toBe('req-1');
    await pastExpiry(expOf(token));
    await expect(verifier.verify(token)).rejects.toThrow('hết hạn');
  });

  it('hands a caller the token signed for it until half its lifetime has passed, then signs a new one', async () => {
    const pair = await generateInternalKeyPair();
    let now = Date.now();
    const signer = await createInternalSigner(pair.privateJwk, { ttlSeconds: 60, now: () => now });
    const verifier = await createInternalVerifier(pair.publicJwk);
    const officer = { subject: 'u1', role: 'ORG_OFFICER' as const, org: 'HCM' };
    const first = await signer.sign(officer, 'req-1');
    now += 29_000;
    expect(await signer.sign(officer, 'req-2')).toBe(first);
    // Another caller, or the same subject with other rights, never gets that token.
    const viewer = await signer.sign({ ...officer, role: 'VIEWER' }, 'req-3');
    const other = await signer.sign({ ...officer, org: 'HN' }, 'req-4');
    expect(new Set([first, viewer, other]).size).toBe(3);
    expect(await verifier.verify(first)).toEqual({ caller: officer, requestId: 'req-1', internalToken: first });
    now += 2_000; // 31 s after the first: at most 29 s left, so a new token for the next request
    const second = await signer.sign(officer, 'req-5');
    expect(second).not.toBe(first);
    const claims = JSON.parse(Buffer.from(second.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ rid: 'req-5', iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 60 });
  });

  it('signs a new token for every request when reuse is off', async () => {
    const pair = await generateInternalKeyPair();
    const signer = await createInternalSigner(pair.privateJwk, { reuseSeconds: 0 });
    const caller = { subject: 'u1', role: 'VIEWER' as const, org: 'HCM' };
    expect(await signer.sign(caller, 'req-1')).not.toBe(await signer.sign(caller, 'req-2'));
  });

  it('keeps at most its bound, dropping the least recently used first, and nothing past its time', () => {
    const cache = new VerifiedTokenCache<string>(2);
    cache.set('a', 'A', 2000, 1000);
    cache.set('b', 'B', 2000, 1000);
    expect(cache.get('a', 1500)).toBe('A'); // a is now the most recently used
    cache.set('c', 'C', 2000, 1000);
    expect(cache.size).toBe(2);
    expect(cache.get('b', 1500)).toBeUndefined();
    expect(cache.get('a', 1500)).toBe('A');
    expect(cache.get('c', 2000)).toBeUndefined(); // expired at 2000
    cache.set('d', 'D', 900, 1000); // already expired: not kept
    expect(cache.get('d', 950)).toBeUndefined();
  });
});
