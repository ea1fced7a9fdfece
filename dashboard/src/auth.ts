/**
 * Who is using the page. The dashboard holds a bearer token in sessionStorage (gone when the tab is
 * closed) and sends it to /graphql; the gateway verifies it. The page decodes the token's claims only
 * to show who is signed in and which buttons make sense; it never decides anything from them.
 *
 * Where a token comes from:
 * - development: the picker POSTs {role, org} to /dev/token (the gateway signs with its dev key);
 * - production: the identity provider redirects back to the page with `#access_token=<JWT>` (or
 *   `#token=`) in the URL fragment, or the person pastes a token.
 */

export type Role = 'VIEWER' | 'ORG_OFFICER' | 'CENTRAL_BOARD';

export interface Session {
  token: string;
  role: Role;
  org: string | null;
  subject: string;
  /** Expiry, epoch seconds. */
  exp: number;
}

export interface DashboardConfig {
  production: boolean;
  devSignIn: boolean;
  signInUrl: string | null;
}

const KEY = 'tdkt.dashboard.token';
const listeners = new Set<() => void>();
let notice: string | null = null;

function decodeClaims(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function sessionOf(token: string): Session | null {
  const claims = decodeClaims(token);
  if (!claims) return null;
  const role = claims['role'];
  if (role !== 'VIEWER' && role !== 'ORG_OFFICER' && role !== 'CENTRAL_BOARD') return null;
  return {
    token,
    role,
    org: typeof claims['org'] === 'string' ? claims['org'] : null,
    subject: typeof claims['sub'] === 'string' ? claims['sub'] : '',
    exp: typeof claims['exp'] === 'number' ? claims['exp'] : 0,
  };
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function currentSession(): Session | null {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const session = sessionOf(token);
  if (!session || (session.exp && session.exp * 1000 <= Date.now())) {
    sessionStorage.removeItem(KEY);
    notice = 'Phiên đăng nhập đã hết hạn; hãy đăng nhập lại.';
    return null;
  }
  return session;
}

/** Keeps a token if it looks like one of ours; returns an explanation otherwise. */
export function signIn(token: string): string | null {
  const trimmed = token.trim().replace(/^Bearer\s+/i, '');
  const session = sessionOf(trimmed);
  if (!session)
    return 'Mã xác thực không đọc được (cần mã của cán bộ xem, cán bộ thi đua – khen thưởng hoặc Ban TĐKT Trung ương).';
  if (session.exp && session.exp * 1000 <= Date.now()) return 'Mã xác thực đã hết hạn.';
  sessionStorage.setItem(KEY, trimmed);
  notice = null;
  emit();
  return null;
}

export function signOut(reason?: string): void {
  sessionStorage.removeItem(KEY);
  notice = reason ?? null;
  emit();
}

/** A message for the header once (e.g. "the session expired"), then cleared. */
export function takeNotice(): string | null {
  const message = notice;
  notice = null;
  return message;
}

export function onAuthChange(listener: () => void): void {
  listeners.add(listener);
}

/** The identity provider's redirect: `#access_token=…` (OAuth 2.0 implicit / SSO portal) or `#token=…`. */
export function acceptTokenFromUrl(): void {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash) return;
  const params = new URLSearchParams(hash);
  const token = params.get('access_token') ?? params.get('id_token') ?? params.get('token');
  if (!token) return;
  const problem = signIn(token);
  if (problem) notice = problem;
  // The token must not stay in the address bar, the history or a bookmark.
  history.replaceState(history.state, '', window.location.pathname + window.location.search);
}

let config: Promise<DashboardConfig> | undefined;

export function dashboardConfig(): Promise<DashboardConfig> {
  config ??= fetch('/dashboard-config.json', { headers: { accept: 'application/json' } })
    .then((response) =>
      response.ok
        ? (response.json() as Promise<DashboardConfig>)
        : { production: true, devSignIn: false, signInUrl: null },
    )
    .catch(() => ({ production: true, devSignIn: false, signInUrl: null }));
  return config;
}

/** Development only: a token for the chosen role and organization, signed by the gateway's dev key. */
export async function devToken(role: Role, org: string | null): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ role, org }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: { message?: string } };
  if (!response.ok || !body.token)
    throw new Error(body.error?.message ?? `Không lấy được mã xác thực thử nghiệm (HTTP ${response.status}).`);
  return body.token;
}

/** Whether the signed-in caller acts for this organization (its own code; the Central Board for all). */
export function actsFor(session: Session | null, organizationCode: string): boolean {
  if (!session) return false;
  if (session.role === 'CENTRAL_BOARD') return true;
  return session.role === 'ORG_OFFICER' && session.org === organizationCode;
}
