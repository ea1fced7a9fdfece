/**
 * How the gateway serves the dashboard (no browser needed): static files at `/` with the page router's
 * fallback, cache headers, a Content Security Policy of 'self' only, a page explaining how to build
 * when there is no build, and the development sign-in route that does not exist in production.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEV_ISSUER,
  createCallerVerifier,
  createInternalSigner,
  generateInternalKeyPair,
  loadOrCreateDevKeys,
  type DevKeys,
} from '@tdkt/identity';
import { createGatewayApp, type GatewayApp } from '@tdkt/gateway';
import { committedSupergraph } from '@tdkt/scripts';

let work: string;
let keys: DevKeys;
const running: { app: GatewayApp; server: Server }[] = [];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'tdkt-dashboard-serving-'));
  keys = await loadOrCreateDevKeys(path.join(work, 'keys'));
  const dist = path.join(work, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body><div id="app"></div></body></html>',
  );
  writeFileSync(path.join(dist, 'assets', 'index-Ab12Cd34.js'), 'console.log("bảng điều khiển")');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

afterAll(async () => {
  for (const { app, server } of running) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.apollo.stop();
    app.stop();
  }
  rmSync(work, { recursive: true, force: true });
});

async function gateway(options: { production?: boolean; dashboardDir?: string | null }): Promise<string> {
  const internal = await generateInternalKeyPair();
  const app = await createGatewayApp({
    supergraphSdl: committedSupergraph(),
    callerVerifier: createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }),
    internalSigner: await createInternalSigner(internal.privateJwk),
    production: options.production ?? false,
    dashboardDir: options.dashboardDir === undefined ? path.join(work, 'dist') : options.dashboardDir,
    devSigningKey: keys.privateJwk,
  });
  const server: Server = await new Promise((resolve) => {
    const listening = app.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  running.push({ app, server });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function cspDirectives(header: string | null): Record<string, string> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values.join(' ')]),
  );
}

describe('outside production', () => {
  let base: string;
  beforeAll(async () => {
    base = await gateway({});
  });

  it('serves the page at / with a Content Security Policy that allows only the gateway itself', async () => {
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="app">');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const csp = cspDirectives(response.headers.get('content-security-policy'));
    expect(csp['default-src']).toBe("'self'");
    for (const directive of ['script-src', 'style-src', 'img-src', 'font-src', 'connect-src'])
      expect(csp[directive]).toBe("'self'");
    expect(csp['object-src']).toBe("'none'");
    expect(csp['frame-ancestors']).toBe("'none'");
    // Nothing but 'self' and 'none' anywhere: no hosts, no data:, no 'unsafe-inline'.
    expect(Object.values(csp).every((value) => /^('self'|'none')$/.test(value))).toBe(true);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('caches hashed assets for a year and revalidates the rest', async () => {
    const asset = await fetch(`${base}/assets/index-Ab12Cd34.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("bảng điều khiển")');
    const icon = await fetch(`${base}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers page paths with index.html, but a missing file with 404 and the API paths as before', async () => {
    for (const page of ['/khoi/NOI_CHINH_TW?nam=2024', '/don-vi/HCM', '/ca-nhan', '/hoi-nghi/HNDHTT_TAY_HO_2020']) {
      const response = await fetch(`${base}${page}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id="app">');
    }
    expect((await fetch(`${base}/assets/index-Old00000.js`)).status).toBe(404);
    expect((await fetch(`${base}/robots.txt`)).status).toBe(404);
    expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/metrics`)).headers.get('content-type')).toMatch(/^text\/plain/);
    const graphql = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
    // A GET of /graphql is the API's (CSRF refusal), never the page.
    expect(await (await fetch(`${base}/graphql`)).text()).not.toContain('<div id="app">');
    expect((await fetch(`${base}/dev/token`)).status).toBe(404);
  });

  it('signs a development token for the sign-in picker that the gateway accepts', async () => {
    const config = await (await fetch(`${base}/dashboard-config.json`)).json();
    expect(config).toEqual({ production: false, devSignIn: true, signInUrl: null });
    const response = await fetch(`${base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'ORG_OFFICER', org: 'btp' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token, role, org } = (await response.json()) as { token: string; role: string; org: string };
    expect({ role, org }).toEqual({ role: 'ORG_OFFICER', org: 'BTP' });
    const caller = await createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }).verify(token);
    expect(caller).toMatchObject({ role: 'ORG_OFFICER', org: 'BTP' });
    const board = (await (
      await fetch(`${base}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'CENTRAL_BOARD' }),
      })
    ).json()) as { token: string };
    expect(
      await createCallerVerifier({ issuer: DEV_ISSUER, jwks: { keys: [keys.publicJwk] } }).verify(board.token),
    ).toMatchObject({ role: 'CENTRAL_BOARD', org: null });
  });

  it('refuses a token request without a valid role, or without the organization the role needs', async () => {
    const ask = (body: unknown) =>
      fetch(`${base}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const noRole = await ask({ role: 'ADMIN' });
    expect(noRole.status).toBe(400);
    expect(((await noRole.json()) as any).error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    const noOrg = await ask({ role: 'VIEWER' });
    expect(noOrg.status).toBe(400);
    expect(((await noOrg.json()) as any).error.message).toBe('Tài khoản cán bộ chỉ xem cần mã đơn vị.');
    expect((await ask({ role: 'ORG_OFFICER', org: 'BTP; DROP' })).status).toBe(400);
  });
});

describe('in production', () => {
  it('has no development sign-in: POST /dev/token is 404 and the page is told so', async () => {
    const base = await gateway({ production: true });
    const response = await fetch(`${base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'CENTRAL_BOARD' }),
    });
    expect(response.status).toBe(404);
    expect(await (await fetch(`${base}/dashboard-config.json`)).json()).toMatchObject({
      production: true,
      devSignIn: false,
    });
    expect((await fetch(`${base}/`)).status).toBe(200);
  });
});

describe('without a build', () => {
  it('says at / how to build the dashboard, and the API keeps working', async () => {
    const base = await gateway({ dashboardDir: path.join(work, 'not-built') });
    const response = await fetch(`${base}/`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).toContain('Chưa có bản dựng của trang tổng hợp');
    expect(text).toContain('npm run build');
    expect((await fetch(`${base}/khoi/NOI_CHINH_TW`)).status).toBe(404);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });
});
