/** Forged tokens, Authorization schemes, validly signed tokens with hostile claims, and hostile headers. */
import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT, generateKeyPair, exportJWK } from 'jose';
import { CALLER_AUDIENCE, DEV_ISSUER, INTERNAL_AUDIENCE, INTERNAL_ISSUER } from '@tdkt/identity';
import { CONTRACT_OPERATIONS } from '../../support/operations';
import type { Stack } from '../../support/stack';
import { LONG, ORG_QUERY, json, uniqueNumber, type Corpus } from './probes';

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

export const b64 = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : json(value)).toString('base64url');

async function forgedTokens(stack: Stack): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'intruder', role: 'CENTRAL_BOARD', iss: DEV_ISSUER, aud: CALLER_AUDIENCE, exp: now + 600 };
  const foreign = await generateKeyPair('ES256', { extractable: true });
  const foreignSigned = (payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'ES256' }) =>
    new SignJWT(payload).setProtectedHeader(header as any).sign(foreign.privateKey);
  const real = await stack.token('CENTRAL_BOARD');
  const [realHeader, realPayload, realSignature] = real.split('.') as [string, string, string];
  const realClaims = JSON.parse(Buffer.from(realPayload, 'base64url').toString());
  const tamper = (changes: Record<string, unknown>) =>
    `${realHeader}.${b64({ ...realClaims, ...changes })}.${realSignature}`;
  const publicJwk = await exportJWK(foreign.publicKey);
  // HS256 "signed" with a public key (algorithm confusion).
  const hsHeader = b64({ alg: 'HS256', typ: 'JWT' });
  const hsPayload = b64(claims);
  const hs = `${hsHeader}.${hsPayload}.${createHmac('sha256', json(publicJwk)).update(`${hsHeader}.${hsPayload}`).digest('base64url')}`;
  return {
    garbage: 'not.a.token',
    'one segment': 'abc',
    'empty segments': '..',
    'alg none': `${b64({ alg: 'none' })}.${b64(claims)}.`,
    'alg NONE': `${b64({ alg: 'NONE', typ: 'JWT' })}.${b64(claims)}.`,
    'alg none with signature kept': `${b64({ alg: 'none' })}.${b64(claims)}.${realSignature}`,
    'HS256 with a public key as secret': hs,
    'signed by an unknown key': await foreignSigned(claims),
    'unknown key, jwk embedded in header': await foreignSigned(claims, { alg: 'ES256', jwk: publicJwk }),
    'unknown key, jku header': await foreignSigned(claims, { alg: 'ES256', jku: 'http://127.0.0.1:1/jwks.json' }),
    'kid path traversal': await foreignSigned(claims, { alg: 'ES256', kid: '../../../../dev/null' }),
    'kid SQL': await foreignSigned(claims, { alg: 'ES256', kid: "' UNION SELECT 'key' --" }),
    'expired (tampered exp)': tamper({ exp: 1 }),
    'role escalated (tampered)': tamper({ role: 'CENTRAL_BOARD', org: null, sub: 'admin' }),
    'exp as string': tamper({ exp: 'never' }),
    'payload not JSON': `${realHeader}.${b64('{not json')}.${realSignature}`,
    'header not JSON': `${b64('{"alg":')}.${realPayload}.${realSignature}`,
    'signature stripped': `${realHeader}.${realPayload}.`,
    'signature truncated': `${realHeader}.${realPayload}.${realSignature.slice(0, 10)}`,
    'wrong audience (internal)': await foreignSigned({ ...claims, aud: INTERNAL_AUDIENCE, iss: INTERNAL_ISSUER }),
    'valid token twice': `${real}.${real}`,
    'huge (8 kB)': `${realHeader}.${b64({ ...realClaims, pad: 'x'.repeat(6000) })}.${realSignature}`,
  };
}

/** Forged and hostile credentials, and hostile headers. */
export async function addCredentialProbes(corpus: Corpus): Promise<void> {
  const { stack, ids, central, officer, gql } = corpus;
  // 13. Forged tokens and Authorization schemes.
  for (const [label, token] of Object.entries(await forgedTokens(stack))) {
    gql(
      'token',
      `bearer ${label}`,
      ORG_QUERY,
      undefined,
      { authorization: `Bearer ${token}` },
      { status: (status) => status === 401 || status === 431, statusText: '401' },
    );
  }
  const schemes: Record<string, string> = {
    'Basic credentials': `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    'Bearer, empty': 'Bearer ',
    'Bearer alone': 'Bearer',
    'bearer lower case + valid token': `bearer ${central}`,
    'Token scheme': `Token ${central}`,
    'JWT scheme': `JWT ${central}`,
    Digest: 'Digest username="a", realm="b"',
    'token without scheme': central,
    'two bearer tokens': `Bearer ${central} Bearer ${central}`,
    'comma-joined tokens': `Bearer ${officer}, Bearer ${central}`,
    'Bearer with quotes': `Bearer "${central}"`,
    'Bearer with SQL': "Bearer ' OR 1=1 --",
    'Bearer with spaces inside': `Bearer ${central.slice(0, 20)} ${central.slice(20)}`,
    'Bearer 100 kB (header too large)': `Bearer ${'a'.repeat(100_000)}`,
  };
  for (const [label, header] of Object.entries(schemes)) {
    const accepted = label === 'bearer lower case + valid token';
    gql(
      'auth-scheme',
      label,
      ORG_QUERY,
      undefined,
      { authorization: header },
      accepted
        ? {}
        : { status: (status) => status === 401 || status === 431 || status === 400, statusText: '401 (or 400/431)' },
    );
  }
  // Hostile claims in validly signed tokens (the gateway's own trusted issuer).
  const hostileOrgs = [
    "' OR '1'='1",
    'HN\u0000',
    LONG.slice(0, 500),
    '../BTP',
    '{"$ne":null}',
    'btp',
    'BTP ',
    '\u202eBTP',
  ];
  for (const org of hostileOrgs) {
    const token = await stack.token('ORG_OFFICER', org);
    gql(
      'signed-claims',
      `ORG_OFFICER org=${json(org.slice(0, 30))} reads`,
      CONTRACT_OPERATIONS['OrganizationProfile']!,
      { code: 'BTP', year: 2024 },
      { authorization: `Bearer ${token}` },
      { echoes: [org] },
    );
    gql(
      'signed-claims',
      `ORG_OFFICER org=${json(org.slice(0, 30))} signs`,
      CONTRACT_OPERATIONS['SignPledge']!,
      { input: { pledgeId: randomUUID(), organizationCode: 'BTP' } },
      { authorization: `Bearer ${token}` },
      { echoes: [org] },
    );
    gql(
      'signed-claims',
      `ORG_OFFICER org=${json(org.slice(0, 30))} nominates`,
      CONTRACT_OPERATIONS['CreateNomination']!,
      { input: { awardTypeCode: 'LDTT', personId: ids.personId, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' } },
      { authorization: `Bearer ${token}` },
      { echoes: [org] },
    );
  }
  const viewer = await stack.token('VIEWER', "'; DROP TABLE organizations; --");
  gql(
    'signed-claims',
    'VIEWER with SQL org creates an organization',
    CONTRACT_OPERATIONS['CreateOrganization']!,
    { input: { code: 'SEC_V', name: 'x', kind: 'DEPARTMENT', parentCode: 'HN' } },
    { authorization: `Bearer ${viewer}` },
  );

  // 14. Hostile headers.
  const headerProbes: Record<string, Record<string, string>> = {
    'x-request-id with HTML': { 'x-request-id': '<script>alert(1)</script>' },
    'x-request-id 10 kB': { 'x-request-id': 'a'.repeat(10_000) },
    'x-request-id SQL': { 'x-request-id': "'; DROP TABLE x; --" },
    'x-tdkt-caller forged to the gateway': { 'x-tdkt-caller': 'eyJhbGciOiJub25lIn0.eyJyb2xlIjoiQ0VOVFJBTF9CT0FSRCJ9.' },
    'x-tdkt-stats with SQL': { 'x-tdkt-stats': "1' OR 1=1" },
    'idempotency-key SQL (query)': { 'idempotency-key': "' OR 1=1 --; DROP TABLE idempotency" },
    'x-forwarded-for spoof': {
      'x-forwarded-for': '127.0.0.1, ::1',
      'x-real-ip': '127.0.0.1',
      forwarded: 'for=127.0.0.1',
    },
    'host header injection': { 'x-forwarded-host': 'evil.example', 'x-original-url': '/admin' },
    'transfer-encoding lie': { 'x-http-method-override': 'DELETE' },
  };
  for (const [label, headers] of Object.entries(headerProbes)) gql('headers', label, ORG_QUERY, undefined, headers);
  for (const key of [
    'short',
    "' OR '1'='1' --xx",
    'k'.repeat(129),
    'k'.repeat(5_000),
    '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'.replace(/[\u0000-\u001f]/g, 'x'),
  ]) {
    gql(
      'headers',
      `idempotency-key ${json(key.slice(0, 30))} on a mutation`,
      CONTRACT_OPERATIONS['CreateOrganization']!,
      { input: { code: `SEC_IK_${uniqueNumber()}`, name: 'x', kind: 'DEPARTMENT', parentCode: 'HN' } },
      { authorization: `Bearer ${central}`, 'idempotency-key': key },
      { echoes: [key] },
    );
  }
}
