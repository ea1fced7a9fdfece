/**
 * What a browser test file of the dashboard needs, set up once for the whole file: one platform on
 * the demo data (stack.ts) and one Chromium, shared by every case of the file; each case opens its
 * own tabs, already signed in as the role it needs, and they are closed after it.
 *
 *   const dashboard = useDashboard();
 *   describeInBrowser('the awards page', () => {
 *     it('lists the grants of a unit', async () => {
 *       const page = await dashboard.open('/don-vi/BTP', { role: 'ORG_OFFICER', org: 'BTP' });
 *       …
 *     });
 *   });
 *
 * Why this way: starting the platform (≈3 s of CPU) and Chromium (≈1 s) is most of a browser file's
 * cost, and CI runs on 2 cores; a page load is the next biggest, so a tab is signed in by putting the
 * token where the page keeps it before the page's scripts run, instead of loading a page to reach the
 * sign-in picker (the picker itself is tested in browser.test.ts). Cases of one file share the data:
 * write what a case needs under codes of its own, or read it back before asserting.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Role } from '@tdkt/identity';
import { startStack, type Stack } from '../support/stack';
import { CHROMIUM_INSTALLED, DASHBOARD_DIST, SKIP_MESSAGE, launchChromium, settled, type Browser } from './chromium';

/** Where the dashboard keeps the bearer token (dashboard/src/auth.ts), per tab. */
const TOKEN_KEY = 'tdkt.dashboard.token';

/** `describe`, or `describe.skip` with a message when Chromium is not installed. */
export const describeInBrowser: jest.Describe = CHROMIUM_INSTALLED ? describe : describe.skip;

export interface Dashboard {
  /** The platform the page talks to (its gateway also serves the dashboard). */
  readonly stack: Stack;
  readonly browser: Browser;
  /** The gateway's origin, e.g. http://127.0.0.1:12345. */
  readonly base: string;
  /**
   * A new tab at `pathAndQuery`, signed in as `as` (or the public without it), once every section of
   * the page has answered. Closed after the current case.
   */
  open(pathAndQuery: string, as?: { role: Role; org?: string }): Promise<Page>;
}

/** Call at the top of a test file (or a describe): the platform and Chromium start before its first case. */
export function useDashboard(options: { demo?: boolean } = {}): Dashboard {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let base = '';
  const pages: Page[] = [];
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`useDashboard: the ${name} is used before beforeAll ran`);
    return value;
  };

  if (!CHROMIUM_INSTALLED) {
    process.stderr.write(`\n${SKIP_MESSAGE}\n\n`);
  } else {
    beforeAll(async () => {
      if (!existsSync(path.join(DASHBOARD_DIST, 'index.html')))
        throw new Error('dashboard/dist is missing: run `npm run build` first (npm test does)');
      [stack, browser] = await Promise.all([startStack({ demo: options.demo ?? true }), launchChromium()]);
      base = new URL(stack.gatewayUrl).origin;
    }, 120_000);
    afterEach(async () => {
      await Promise.all(pages.splice(0).map((page) => page.close()));
    });
    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    });
  }

  return {
    get stack() {
      return started(stack, 'platform');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get base() {
      return base;
    },
    async open(pathAndQuery, as) {
      const page = await started(browser, 'browser').newPage();
      pages.push(page);
      if (as) {
        const token = await started(stack, 'platform').token(as.role, as.org);
        // Before the page's own scripts, on the first load of this tab only (a later sign-out stays).
        await page.addInitScript(
          ([key, value]) => {
            const storage = (globalThis as any).sessionStorage;
            if (storage.getItem(`${key}.seeded`)) return;
            storage.setItem(`${key}.seeded`, '1');
            storage.setItem(key, value);
          },
          [TOKEN_KEY, token] as const,
        );
      }
      await page.goto(`${base}${pathAndQuery}`);
      await settled(page);
      return page;
    },
  };
}
