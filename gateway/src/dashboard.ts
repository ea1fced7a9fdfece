/**
 * The reference dashboard (dashboard/ workspace) served at `/` as static files. The dashboard is a
 * client of `/graphql` like any other: the gateway only hands out its files, never data.
 *
 * - Hashed build assets (`/assets/*`) are cached for a year; `index.html` and the rest are revalidated
 *   on every load, so a new build shows at the next visit.
 * - Every page carries a Content Security Policy that allows only the gateway's own origin: no CDN,
 *   no inline script or style, no web fonts from elsewhere, no framing.
 * - Page paths that are not files (`/khoi/NOI_CHINH_TW`) get `index.html` (the page router reads the
 *   path); the API paths and missing asset files keep their own 404.
 * - Without a build (`dashboard/dist` absent) `/` says how to build it; the API is unaffected.
 * - Outside production, `POST /dev/token {role, org}` signs a development token with the dev key for
 *   the sign-in picker. In production that route does not exist (404): tokens come from the identity
 *   provider of the deployment (README, "Dashboard").
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { DEV_ISSUER, ROLE_NAMES, isRole, issueCallerToken, loadOrCreateDevKeys } from '@tdkt/identity';
import { REPOSITORY_ROOT } from './config.js';

/** The private JWK the dev token route signs with (the key the gateway's dev verifier trusts). */
export type DevSigningKey = Parameters<typeof issueCallerToken>[0];

export interface DashboardOptions {
  /** The built dashboard; default dashboard/dist of the repository (DASHBOARD_DIR overrides). */
  dir?: string | null;
  production: boolean;
  /** Outside production only: enables POST /dev/token. */
  devSigningKey?: DevSigningKey;
  /** Where the sign-in button sends people in production (the identity provider's login page). */
  signInUrl?: string | null;
}

export const DEFAULT_DASHBOARD_DIR = path.join(REPOSITORY_ROOT, 'dashboard', 'dist');

/** Paths that belong to the API or to operations, never to the dashboard's page router. */
const RESERVED = /^\/(graphql|health|ready|metrics|dev)(\/|$)/;

/** Only the gateway's own origin, for everything; `object-src`/`frame-ancestors` closed entirely. */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', DASHBOARD_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
}

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Chưa có trang tổng hợp</title></head>
<body>
<h1>Chưa có bản dựng của trang tổng hợp</h1>
<p>Cổng GraphQL vẫn hoạt động tại <code>/graphql</code>. Để có trang tổng hợp tại địa chỉ này, hãy dựng nó rồi tải lại trang:</p>
<pre>npm run build</pre>
<p>(hoặc chỉ phần trang tổng hợp: <code>npx turbo run build --filter=@tdkt/dashboard</code>; thư mục kết quả: <code>dashboard/dist</code>)</p>
<p lang="en">The dashboard has not been built: run <code>npm run build</code> and reload.</p>
</body></html>
`;

const TOKEN_ORG = /^[A-Z0-9_]{1,64}$/;

export function mountDashboard(app: Express, options: DashboardOptions): void {
  const dir = options.dir === undefined ? (process.env['DASHBOARD_DIR'] ?? DEFAULT_DASHBOARD_DIR) : options.dir;
  const signInUrl = options.signInUrl === undefined ? process.env['DASHBOARD_SIGN_IN_URL'] || null : options.signInUrl;
  const devSigningKey = options.production ? undefined : options.devSigningKey;

  // What the page needs to know to offer a way in: the dev picker, or the identity provider's page.
  app.get('/dashboard-config.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ production: options.production, devSignIn: !!devSigningKey, signInUrl });
  });

  if (devSigningKey) {
    app.post('/dev/token', express.json({ limit: '1kb' }), async (req: Request, res: Response) => {
      res.setHeader('Cache-Control', 'no-store');
      const body = (req.body ?? {}) as { role?: unknown; org?: unknown };
      const role = body.role;
      const org = typeof body.org === 'string' ? body.org.trim().toUpperCase() : '';
      if (!isRole(role)) {
        res.status(400).json({
          error: {
            code: 'BAD_USER_INPUT',
            field: 'role',
            message: 'Vai trò phải là VIEWER, ORG_OFFICER hoặc CENTRAL_BOARD.',
          },
        });
        return;
      }
      if (org && !TOKEN_ORG.test(org)) {
        res.status(400).json({
          error: {
            code: 'BAD_USER_INPUT',
            field: 'org',
            message: 'Mã đơn vị chỉ gồm chữ in hoa không dấu, chữ số và gạch dưới.',
          },
        });
        return;
      }
      if (role !== 'CENTRAL_BOARD' && !org) {
        res.status(400).json({
          error: { code: 'BAD_USER_INPUT', field: 'org', message: `Tài khoản ${ROLE_NAMES[role]} cần mã đơn vị.` },
        });
        return;
      }
      const token = await issueCallerToken(devSigningKey, {
        role,
        org: role === 'CENTRAL_BOARD' ? null : org,
        subject: `dev:dashboard:${role.toLowerCase()}${org && role !== 'CENTRAL_BOARD' ? `:${org.toLowerCase()}` : ''}`,
        issuer: DEV_ISSUER,
        expiresIn: '8h',
      });
      res.json({ token, role, org: role === 'CENTRAL_BOARD' ? null : org, expiresIn: 8 * 3600 });
    });
  }

  if (!dir) return;
  const index = path.join(dir, 'index.html');
  const serveStatic = express.static(dir, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    fallthrough: true,
    setHeaders(res, file) {
      securityHeaders(res as Response);
      // Vite names every built asset by its content hash: it never changes under the same URL.
      const hashed = path.relative(dir, file).split(path.sep)[0] === 'assets';
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path)) return next();
    if (!existsSync(index)) {
      if (req.path !== '/' && path.extname(req.path)) return next();
      securityHeaders(res);
      res.status(404).setHeader('Cache-Control', 'no-store').type('html').send(NOT_BUILT_PAGE);
      return;
    }
    serveStatic(req, res, () => {
      // A missing file (an old asset, a typo) is a 404, not the page: only extension-less page paths
      // fall back to index.html.
      if (path.extname(req.path)) return next();
      securityHeaders(res);
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index, { cacheControl: false, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    });
  });
}

/**
 * The dev key the local gateway trusts (as callerVerifierFromEnv does), for POST /dev/token; none in
 * production or when tokens come from an identity provider (a dev token would be refused anyway).
 */
export async function devSigningKeyFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<DevSigningKey | undefined> {
  if (env['NODE_ENV'] === 'production' || env['AUTH_JWKS_URL'] || env['AUTH_JWKS_FILE']) return undefined;
  const dir = env['DEV_KEYS_DIR'] ?? path.join(env['TDKT_DATA_DIR'] ?? path.join(REPOSITORY_ROOT, '.data'), 'dev-keys');
  return (await loadOrCreateDevKeys(dir)).privateJwk;
}
