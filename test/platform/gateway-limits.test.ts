/** Rate limits (429 with Retry-After), the CORS allowlist, and production's quiet errors. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGatewayApp, type GatewayOptions } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';
import { DEV_ISSUER, createCallerVerifier, createInternalSigner, generateInternalKeyPair, issueCallerToken, loadOrCreateDevKeys, type DevKeys } from '@tdkt/identity';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let keys: DevKeys;
let keyDir: string;
beforeAll(async () => {
  stack = await startStack({ seed: true });
  keyDir = mkdtempSync(path.join(tmpdir(), 'tdkt-limits-'));
  keys = await loadOrCreateDevKeys(keyDir);
});
afterAll(async () => {
  await stack?.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

async function withGateway(options: Partial<GatewayOptions>, run: (url: string) => Promise<void>): Promise<void> {
  const internal = await generateInternalKeyPair();
  const gateway = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    subgraphUrls: { organizations: stack.subgraphs.organizations.url, campaigns: stack.subgraphs.campaigns.url, awards: stack.subgraphs.awards.url },
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }),
    internalSigner: await createInternalSigner(internal.privateJwk),
    ...options,
  });
  const server = await new Promise<http.Server>((resolve) => {
    const listening = gateway.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`);
  } finally {
    server.closeAllConnections();
    server.close();
    await gateway.apollo.stop();
    gateway.stop();
  }
}

const post = (url: string, query: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

it('answers 429 with Retry-After past the per-minute limit, per caller', async () => {
  await withGateway({ rateLimits: { publicPerMinute: 5, callerPerMinute: 3 } }, async (url) => {
    const statuses: number[] = [];
    for (let index = 0; index < 6; index += 1) statuses.push((await post(url, '{ organization(code: "HN") { name } }')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await post(url, '{ organization(code: "HN") { name } }');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as any).errors[0].extensions.code).toBe('RATE_LIMITED');
    // A signed-in caller has its own budget.
    const token = await issueCallerToken(keys.privateJwk, { role: 'VIEWER', org: 'HN' });
    expect((await post(url, '{ organization(code: "HN") { name } }', { authorization: `Bearer ${token}` })).status).toBe(200);
  });
});

it('lets only allowlisted origins call from a browser', async () => {
  await withGateway({ corsOrigins: ['https://tdkt.gov.vn'] }, async (url) => {
    const allowed = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://tdkt.gov.vn', 'access-control-request-method': 'POST' } });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://tdkt.gov.vn');
    const other = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await post(url, '{ organization(code: "HN") { name } }', { origin: 'https://evil.example' });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});

it('gives no schema hints and no introspection in production', async () => {
  await withGateway({ production: true }, async (url) => {
    const typo = (await (await post(url, '{ organization(code: "HN") { nme } }')).json()) as any;
    expect(typo.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    const introspection = (await (await post(url, '{ __schema { types { name } } }')).json()) as any;
    expect(introspection.data).toBeUndefined();
  });
  await withGateway({}, async (url) => {
    const typo = (await (await post(url, '{ organization(code: "HN") { nme } }')).json()) as any;
    expect(typo.errors[0].message).toMatch(/Did you mean/);
  });
});
