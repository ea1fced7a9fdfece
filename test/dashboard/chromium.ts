/**
 * Debian's Chromium driven by playwright-core (no browser download): where it is, how it is launched,
 * and small helpers the dashboard tests share. Without Chromium the browser tests are skipped with a
 * clear message (`.ci/run` installs it, so CI always runs them).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['TDKT_CHROMIUM_PATH'] || '/usr/bin/chromium';
export const CHROMIUM_INSTALLED = existsSync(CHROMIUM_PATH);
export const SKIP_MESSAGE = `skipped: Chromium not installed (${CHROMIUM_PATH}); install it with \`apt-get install -y chromium\` to run the dashboard's browser tests`;

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const DASHBOARD_DIST = path.join(REPOSITORY_ROOT, 'dashboard', 'dist');
export const ARTIFACTS = path.join(REPOSITORY_ROOT, 'test-artifacts', 'dashboard');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  /** Every URL the browser asked for, to prove nothing loads from beyond the gateway. */
  requests: string[];
  /** Console errors and uncaught exceptions (a CSP violation shows here). */
  problems: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'tdkt-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport: { width: 1366, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const requests: string[] = [];
  const problems: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    context,
    requests,
    problems,
    newPage: () => context.newPage(),
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the page has no loading indicator left (every section answered). */
export async function settled(page: Page): Promise<void> {
  // A function, not a string: the page's CSP forbids eval. (No DOM types in the tests' tsconfig.)
  await page.waitForFunction(() => !(globalThis as any).document.querySelector('main .loading'), undefined, {
    timeout: 20_000,
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return path.relative(REPOSITORY_ROOT, file);
}

/** "1.234" → 1234, "92,5" → 92.5, "48 %" → 48 (Vietnamese number writing). */
export function parseNumber(text: string | null | undefined): number {
  const cleaned = (text ?? '').replace(/[%\s]/g, '').replace(/\./g, '').replace(',', '.');
  const value = Number(cleaned);
  if (!cleaned || Number.isNaN(value)) throw new Error(`Not a number on screen: "${text}"`);
  return value;
}

export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Label → value of a chart's data table (its numbers under "Bảng số liệu"). */
export async function chartNumbers(page: Page, testId: string): Promise<Record<string, number>> {
  const rows = page.locator(`[data-testid="${testId}"] table.chart-data tbody tr`);
  const result: Record<string, number> = {};
  for (let index = 0; index < (await rows.count()); index += 1) {
    const row = rows.nth(index);
    result[(await row.getAttribute('data-key'))!] = parseNumber(await textOf(row.locator('[data-field="value"]')));
  }
  return result;
}

/** Signs in through the page's own development picker (POST /dev/token). */
export async function signInWithPicker(
  page: Page,
  role: 'VIEWER' | 'ORG_OFFICER' | 'CENTRAL_BOARD',
  org?: string,
): Promise<void> {
  await page.getByTestId('sign-in').click();
  await page.getByTestId('dev-role').selectOption(role);
  if (org) await page.getByTestId('dev-org').fill(org);
  await page.getByTestId('dev-submit').click();
  await page.getByTestId('who-name').waitFor();
  await settled(page);
}

/** Vietnamese folding as a person would search: no marks, đ → d, lower case. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
