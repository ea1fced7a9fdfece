/**
 * The dashboard: layout, sign-in and the page router (History API paths; the gateway serves
 * index.html for any page path).
 */
import './styles.css';
import {
  acceptTokenFromUrl,
  currentSession,
  dashboardConfig,
  devToken,
  onAuthChange,
  signIn,
  signOut,
  takeNotice,
  type Role,
  type Session,
} from './auth';
import { query } from './api';
import { CALLER_ROLE, label } from './labels';
import { ORGANIZATION_NAME } from './queries';
import { errorBox, h, link, loading } from './ui';
import { nfc } from './text';
import { suggestUnits } from './unit-suggestions';
import { overviewPage } from './pages/overview';
import { blocBoardPage, blocListPage } from './pages/bloc';
import { organizationPage, organizationSearchPage } from './pages/organization';
import { personPage, personSearchPage } from './pages/person';
import { conferenceListPage, conferencePage } from './pages/conference';
import { inboxPage } from './pages/inbox';
import { adminNav } from './pages/admin-common';
import { adminHomePage } from './pages/admin-home';
import { adminBlocPage } from './pages/admin-bloc';
import { adminUnitPage } from './pages/admin-unit';

export interface PageContext {
  root: HTMLElement;
  params: string[];
  query: URLSearchParams;
  session: Session | null;
  /** False once the person has moved to another page (drop late answers). */
  isCurrent(): boolean;
  navigate(path: string, options?: { replace?: boolean }): void;
  /** Renders the page again (after an action). */
  refresh(): void;
  setTitle(title: string): void;
}

type Page = (context: PageContext) => Promise<void>;

const ROUTES: [RegExp, Page, string][] = [
  [/^\/$/, overviewPage, '/'],
  [/^\/khoi\/?$/, blocListPage, '/khoi'],
  [/^\/khoi\/([^/]+)\/?$/, blocBoardPage, '/khoi'],
  [/^\/don-vi\/?$/, organizationSearchPage, '/don-vi'],
  [/^\/don-vi\/([^/]+)\/?$/, organizationPage, '/don-vi'],
  [/^\/ca-nhan\/?$/, personSearchPage, '/ca-nhan'],
  [/^\/ca-nhan\/([^/]+)\/?$/, personPage, '/ca-nhan'],
  [/^\/hoi-nghi\/?$/, conferenceListPage, '/hoi-nghi'],
  [/^\/hoi-nghi\/([^/]+)\/?$/, conferencePage, '/hoi-nghi'],
  [/^\/ho-so\/?$/, inboxPage, '/ho-so'],
  [/^\/ho-so\/([^/]+)\/?$/, inboxPage, '/ho-so'],
  [/^\/quan-tri\/?$/, adminHomePage, '/quan-tri'],
  [/^\/quan-tri\/khoi\/([^/]+)\/?$/, adminBlocPage, '/quan-tri'],
  [/^\/quan-tri\/don-vi\/([^/]+)\/?$/, adminUnitPage, '/quan-tri'],
];

const NAV: [string, string][] = [
  ['/', 'Tổng quan'],
  ['/khoi', 'Khối thi đua'],
  ['/don-vi', 'Đơn vị'],
  ['/ca-nhan', 'Cá nhân'],
  ['/hoi-nghi', 'Hội nghị'],
  ['/ho-so', 'Hồ sơ đề nghị'],
];

const app = document.getElementById('app')!;
const nav = h('nav', { class: 'nav', 'aria-label': 'Trang' });
const who = h('div', { class: 'who', 'data-testid': 'who' });
const noticeArea = h('div', { class: 'notice-area' });
const main = h('main', { id: 'page', tabindex: '-1' });
const dialog = h('dialog', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' });

app.append(
  h(
    'header',
    { class: 'topbar' },
    link(
      '/',
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '★'),
      h('span', { class: 'brand' }, 'Thi đua – Khen thưởng'),
    ),
    nav,
    who,
  ),
  noticeArea,
  main,
  h(
    'footer',
    { class: 'footer' },
    'Số liệu đọc trực tiếp từ cổng GraphQL của hệ thống (/graphql). Dữ liệu có ghi “minh họa” không phải số liệu thật.',
  ),
  dialog,
);

let generation = 0;

function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  void render();
}

async function render(): Promise<void> {
  const current = ++generation;
  const path = decodeURI(window.location.pathname);
  const session = currentSession();
  drawHeader(session, path);
  const found = ROUTES.map(([pattern, page, section]) => ({ match: pattern.exec(path), page, section })).find(
    (route) => route.match,
  );
  main.replaceChildren(loading());
  const context: PageContext = {
    root: main,
    params: found?.match?.slice(1).map((part) => decodeURIComponent(part)) ?? [],
    query: new URLSearchParams(window.location.search),
    session,
    isCurrent: () => current === generation,
    navigate,
    refresh: () => void render(),
    setTitle: (title) => {
      document.title = `${title} · Thi đua – Khen thưởng`;
    },
  };
  if (!found) {
    context.setTitle('Không có trang này');
    main.replaceChildren(
      h('h1', null, 'Không có trang này'),
      h('p', null, 'Địa chỉ không đúng. ', link('/', 'Về trang tổng quan'), '.'),
    );
    return;
  }
  try {
    await found.page(context);
  } catch (error) {
    if (context.isCurrent()) main.replaceChildren(errorBox(error, () => void render()));
  }
}

function drawHeader(session: Session | null, path: string): void {
  nav.replaceChildren(
    // The inbox is an officer's: absent for guests and viewers; administration only for those who may.
    ...[...NAV, ...adminNav(session)]
      .filter(([href]) => href !== '/ho-so' || (session && session.role !== 'VIEWER'))
      .map(([href, text]) => {
        const active = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
        return h('a', { href, 'data-link': true, 'aria-current': active ? 'page' : undefined }, text);
      }),
  );
  const message = takeNotice();
  noticeArea.replaceChildren(...(message ? [h('div', { class: 'alert alert-warning', role: 'status' }, message)] : []));
  if (session) {
    const name = h('span', { class: 'who-name', 'data-testid': 'who-name' }, label(CALLER_ROLE, session.role));
    if (session.org)
      void nameOf(session.org).then((orgName) => {
        name.append(` · ${orgName}`);
        // A phone shortens the line; the whole of it stays on hover and for screen readers.
        name.title = name.textContent ?? '';
      });
    who.replaceChildren(
      name,
      h('button', { type: 'button', class: 'button-small', on: { click: () => signOut() } }, 'Đăng xuất'),
    );
  } else {
    who.replaceChildren(
      h('span', { class: 'who-name' }, 'Khách (dữ liệu công khai)'),
      h(
        'button',
        {
          type: 'button',
          class: 'button-small button-primary',
          'data-testid': 'sign-in',
          on: { click: () => void openSignIn() },
        },
        'Đăng nhập',
      ),
    );
  }
}

const organizationNames = new Map<string, Promise<string>>();

/** The signed-in person's organization by its name (officers know it by name, not by its code). */
function nameOf(code: string): Promise<string> {
  let name = organizationNames.get(code);
  if (!name) {
    name = query<{ organization: { name: string } | null }>(ORGANIZATION_NAME, { code })
      .then(({ data }) => data.organization?.name ?? 'đơn vị không còn trong danh mục')
      .catch(() => 'đơn vị của bạn');
    organizationNames.set(code, name);
  }
  return name;
}

async function openSignIn(): Promise<void> {
  const config = await dashboardConfig();
  const problem = h('div', { class: 'form-problem', role: 'alert' });
  const parts: HTMLElement[] = [h('h2', { id: 'sign-in-title' }, 'Đăng nhập')];

  if (config.devSignIn) {
    const role = h(
      'select',
      { name: 'role', 'data-testid': 'dev-role' },
      (['CENTRAL_BOARD', 'ORG_OFFICER', 'VIEWER'] as Role[]).map((value) =>
        h('option', { value }, label(CALLER_ROLE, value)),
      ),
    );
    const options = h('datalist', { id: 'dev-org-options' });
    const org = h('input', {
      name: 'org',
      list: 'dev-org-options',
      placeholder: 'Gõ tên đơn vị, ví dụ “tư pháp”, rồi chọn',
      autocomplete: 'off',
      'data-testid': 'dev-org',
    });
    suggestUnits(org as HTMLInputElement, options as HTMLDataListElement);
    const submit = h(
      'button',
      { type: 'submit', class: 'button-primary', 'data-testid': 'dev-submit' },
      'Nhận mã thử nghiệm và đăng nhập',
    );
    const form = h(
      'form',
      { class: 'stack' },
      h('h3', null, 'Môi trường phát triển'),
      h(
        'p',
        { class: 'hint' },
        'Chọn vai trò và đơn vị; cổng ký một mã xác thực thử nghiệm (không có trong môi trường chính thức).',
      ),
      h('label', null, 'Vai trò ', role),
      h('label', null, 'Đơn vị (trừ Ban TĐKT TW) ', org, options),
      submit,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const code = nfc(org.value).toUpperCase();
        const token = await devToken(role.value as Role, role.value === 'CENTRAL_BOARD' ? null : code || null);
        const refused = signIn(token);
        if (refused) throw new Error(refused);
        dialog.close();
      } catch (error) {
        problem.textContent = error instanceof Error ? error.message : String(error);
      } finally {
        submit.disabled = false;
      }
    });
    parts.push(form);
  }
  if (config.signInUrl) {
    parts.push(
      h(
        'p',
        null,
        h(
          'a',
          { class: 'button button-primary', href: config.signInUrl },
          'Đăng nhập qua hệ thống định danh của cơ quan',
        ),
      ),
    );
  }
  const pasted = h('textarea', { rows: 3, placeholder: 'eyJhbGciOi…', 'data-testid': 'paste-token' });
  const pasteForm = h(
    'form',
    { class: 'stack' },
    h('h3', null, 'Dán mã xác thực'),
    h(
      'p',
      { class: 'hint' },
      'Mã (JWT) do hệ thống định danh của cơ quan cấp; chỉ lưu trong thẻ trình duyệt này cho đến khi đóng.',
    ),
    pasted,
    h('button', { type: 'submit' }, 'Đăng nhập bằng mã này'),
  );
  pasteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const refused = signIn(pasted.value);
    if (refused) problem.textContent = refused;
    else dialog.close();
  });
  parts.push(
    pasteForm,
    problem,
    h('form', { method: 'dialog' }, h('button', { type: 'submit', class: 'button-link' }, 'Đóng')),
  );
  dialog.replaceChildren(...parts);
  dialog.showModal();
}

document.addEventListener('click', (event) => {
  const anchor = (event.target as Element | null)?.closest?.('a[data-link]') as HTMLAnchorElement | null;
  if (
    !anchor ||
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  )
    return;
  if (anchor.origin !== window.location.origin) return;
  event.preventDefault();
  navigate(anchor.pathname + anchor.search);
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
});
window.addEventListener('popstate', () => void render());
onAuthChange(() => void render());
acceptTokenFromUrl();
void render();
