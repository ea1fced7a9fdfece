/**
 * Quản trị in a real browser (one stack, one Chromium for every case): a Central Board session
 * founds a cluster, lists last year's members, starts this year from them, rotates the lead (both
 * years stay in the history), renames a unit and merges two; an organizer's officer sees only its own
 * blocs and units, with the other forms absent; the public and a read-only officer see no admin entry.
 * Each screen is compared with the gateway's answer; screenshots go to test-artifacts/dashboard/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { dataOf, startStack, type Stack } from '../support/stack';
import { contractOperation } from '../support/operations';
import {
  CHROMIUM_INSTALLED,
  DASHBOARD_DIST,
  SKIP_MESSAGE,
  launchChromium,
  screenshot,
  settled,
  signInWithPicker,
  textOf,
  type Browser,
} from './chromium';

jest.setTimeout(180_000);

if (!CHROMIUM_INSTALLED) process.stderr.write(`\n${SKIP_MESSAGE}\n\n`);
const describeInBrowser = CHROMIUM_INSTALLED ? describe : describe.skip;

const screenshots: Record<string, string> = {};

/** The year in Việt Nam, as the screens default to it. */
const THIS_YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()),
);
const LAST_YEAR = THIS_YEAR - 1;

describeInBrowser('Quản trị in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let base: string;
  let board: string;

  const gql = async (query: string, variables: Record<string, unknown> = {}) =>
    dataOf(await stack.gql(query, variables, { token: board }));

  beforeAll(async () => {
    if (!existsSync(path.join(DASHBOARD_DIST, 'index.html')))
      throw new Error('dashboard/dist is missing: run `npm run build` first (npm test does)');
    stack = await startStack();
    base = new URL(stack.gatewayUrl).origin;
    board = await stack.token('CENTRAL_BOARD');
    for (const code of ['SO_GOP_A', 'SO_GOP_B']) {
      await gql(contractOperation('CreateOrganization'), {
        input: { code, name: `Sở thử ${code.slice(-1)}`, kind: 'DEPARTMENT', parentCode: 'HN' },
      });
    }
    await gql(contractOperation('CreateBloc'), {
      input: { code: 'KHOI_SO_HN_QT', name: 'Khối các sở Hà Nội', kind: 'BLOC', organizerCode: 'HN' },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (Object.keys(screenshots).length)
      console.log(
        `admin screenshots:\n${Object.entries(screenshots)
          .map(([page, file]) => `  ${page}: ${file}`)
          .join('\n')}`,
      );
  });

  async function open(page: Page, pathAndQuery: string): Promise<void> {
    await page.goto(`${base}${pathAndQuery}`);
    await settled(page);
  }

  /** Sends a form and waits for the page drawn after it; a refusal fails the test with its message. */
  async function send(page: Page, action: string): Promise<string> {
    await page.locator(`[data-action="${action}"]`).click();
    const outcome = page.locator('[data-testid="action-ok"], [data-testid="action-error"]');
    await outcome.first().waitFor();
    await settled(page);
    const text = await textOf(outcome.first());
    if ((await outcome.first().getAttribute('data-testid')) === 'action-error') throw new Error(`refused: ${text}`);
    return text;
  }

  async function chooseYear(page: Page, year: number): Promise<void> {
    await page.getByTestId('year-select').selectOption(String(year));
    await page.waitForURL(`**/quan-tri/khoi/CUM_QT_THU?nam=${year}`);
    await settled(page);
  }

  const navTexts = (page: Page) => page.locator('nav.nav a').allTextContents();

  /** Officers read units and blocs by name: no code (SO_GOP_A, CUM_QT_THU, HN) in the page's text. */
  async function expectNoCodes(page: Page): Promise<void> {
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/(^|[^\w/-])([A-Z]{2,}_[A-Z0-9_]{2,}|HN|HP|DN)(?![\w/-])/);
  }

  it('a Central Board session founds a cluster, starts this year from last year’s members, rotates the lead, renames a unit, merges two and rates a person', async () => {
    const page = await browser.newPage();
    await open(page, '/');
    await signInWithPicker(page, 'CENTRAL_BOARD');
    await page.locator('nav.nav a', { hasText: 'Quản trị' }).click();
    await settled(page);
    expect(await textOf(page.locator('h1'))).toBe('Quản trị');

    await page.getByTestId('input-blocCode').fill('cum_qt_thu');
    await page.getByTestId('input-blocName').fill('Cụm thi đua thử nghiệm');
    await page.getByTestId('input-blocKind').selectOption('CLUSTER');
    expect(await page.getByTestId('input-organizerCode').inputValue()).toBe('BTDKTTW');
    await send(page, 'create-bloc');
    expect(page.url()).toContain('/quan-tri/khoi/CUM_QT_THU');
    expect(await textOf(page.locator('h1'))).toBe('Cụm thi đua thử nghiệm');

    // Last year's list, member by member, then its lead and deputy.
    await chooseYear(page, LAST_YEAR);
    for (const code of ['HN', 'HP', 'DN']) {
      await page.getByTestId('input-memberCode').fill(code);
      await send(page, 'add-member');
    }
    await page.getByTestId('input-leadCode').selectOption('HN');
    await page.getByTestId('input-deputyCode').selectOption('HP');
    await send(page, 'rotate-leadership');
    expect(await textOf(page.locator('tr[data-member="HN"] [data-field="role"]'))).toBe('Cụm trưởng');

    // This year starts from it: every unit a plain member until the roles are handed over.
    await chooseYear(page, THIS_YEAR);
    expect(await page.locator('[data-testid="admin-members"]').count()).toBe(0);
    expect(await send(page, 'copy-members')).toBe(`Đã chép 3 thành viên từ năm ${LAST_YEAR}.`);
    const copied = await gql(
      `query($y: Int!) { bloc(code: "CUM_QT_THU") { members(year: $y) { role organization { code name } } } }`,
      { y: THIS_YEAR },
    );
    expect(copied.bloc.members.map((member: any) => member.role)).toEqual(['MEMBER', 'MEMBER', 'MEMBER']);
    expect(await page.locator('[data-testid="admin-members"] tbody tr').count()).toBe(3);
    for (const member of copied.bloc.members)
      expect(await textOf(page.locator(`tr[data-member="${member.organization.code}"] [data-field="role"]`))).toBe(
        'Thành viên',
      );

    await page.getByTestId('input-leadCode').selectOption('DN');
    await page.getByTestId('input-deputyCode').selectOption('HN');
    await send(page, 'rotate-leadership');
    const { bloc } = await gql(
      `{ bloc(code: "CUM_QT_THU") { leadershipHistory { year lead { code name } deputy { code name } } } }`,
    );
    expect(bloc.leadershipHistory.map((row: any) => [row.year, row.lead.code, row.deputy.code])).toEqual([
      [LAST_YEAR, 'HN', 'HP'],
      [THIS_YEAR, 'DN', 'HN'],
    ]);
    for (const row of bloc.leadershipHistory) {
      const line = page.locator(`[data-testid="leadership-history"] tr[data-year="${row.year}"]`);
      expect(await textOf(line.locator('[data-field="lead"]'))).toBe(row.lead.name);
      expect(await textOf(line.locator('[data-field="deputy"]'))).toBe(row.deputy.name);
    }
    await expectNoCodes(page);
    screenshots['Quản trị cụm'] = await screenshot(page, 'admin-bloc');

    // A unit renamed, then merged into another under a legal document.
    await open(page, '/quan-tri/don-vi/SO_GOP_A');
    await page.getByTestId('input-unitName').fill('Sở thử A (tên mới)');
    await send(page, 'rename-unit');
    expect(await textOf(page.locator('h1'))).toBe('Sở thử A (tên mới)');
    await expectNoCodes(page);
    screenshots['Quản trị đơn vị (sửa, sắp xếp)'] = await screenshot(page, 'admin-unit-edit');
    await page.getByTestId('input-mergeInto').fill('SO_GOP_B');
    await page.getByTestId('input-mergeBasis').fill('Quyết định 12/QĐ-UBND ngày 01/12/2026');
    await send(page, 'merge-unit');
    const merged = await gql(
      `{ a: organization(code: "SO_GOP_A") { name validTo successors { code } } b: organization(code: "SO_GOP_B") { predecessors { code } } }`,
    );
    expect(merged.a.name).toBe('Sở thử A (tên mới)');
    expect(merged.a.successors).toEqual([{ code: 'SO_GOP_B' }]);
    expect(merged.b.predecessors).toEqual([{ code: 'SO_GOP_A' }]);
    expect(merged.a.validTo).not.toBeNull();
    // Ended: nothing left to edit; the merge is in its lineage.
    expect(await page.locator('[data-testid="edit-unit"]').count()).toBe(0);
    expect(await textOf(page.locator('[data-testid="admin-lineage"] tbody [data-field="kind"]'))).toBe('Sáp nhập');
    await expectNoCodes(page);
    screenshots['Quản trị đơn vị'] = await screenshot(page, 'admin-unit');

    // The receiving unit's persons: one added, then last year's rating recorded for her.
    await open(page, '/quan-tri/don-vi/SO_GOP_B');
    await page.getByTestId('input-fullName').fill('Trần Thị Thử');
    await page.getByTestId('input-birthYear').fill('1985');
    await send(page, 'create-person');
    await page.getByTestId('input-ratingPerson').waitFor();
    await page.getByTestId('input-ratingYear').fill(String(LAST_YEAR));
    await page.getByTestId('input-rating').selectOption('EXCELLENT');
    await send(page, 'record-rating');
    const ratings = page.locator('[data-testid="admin-persons-table"] tbody [data-field="ratings"]');
    await ratings.first().waitFor();
    expect(await textOf(ratings)).toBe(`${LAST_YEAR}: Hoàn thành xuất sắc nhiệm vụ`);
    const { persons } = await gql(
      `{ persons(filter: { organizationCode: "SO_GOP_B" }) { edges { node { fullName annualRatings { year rating } } } } }`,
    );
    expect(persons.edges.map((edge: any) => edge.node)).toEqual([
      { fullName: 'Trần Thị Thử', annualRatings: [{ year: LAST_YEAR, rating: 'EXCELLENT' }] },
    ]);
    await expectNoCodes(page);
    screenshots['Quản trị đơn vị: cá nhân, xếp loại'] = await screenshot(page, 'admin-unit-persons');
    await page.close();
  });

  it('an organizer’s officer administers only its own blocs and the units below it; other forms are absent', async () => {
    const page = await browser.newPage();
    await open(page, '/');
    await signInWithPicker(page, 'ORG_OFFICER', 'HN');
    expect(await navTexts(page)).toContain('Quản trị');
    await open(page, '/quan-tri');
    const rows = page.locator('[data-testid="admin-blocs-table"] tbody tr[data-bloc]');
    expect(await rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-bloc')))).toEqual([
      'KHOI_SO_HN_QT',
    ]);
    // Its own unit organizes the blocs it founds: no organizer to choose.
    expect(await page.getByTestId('input-organizerCode').count()).toBe(0);
    await expectNoCodes(page);
    screenshots['Quản trị (cán bộ)'] = await screenshot(page, 'admin-organizer');

    // The central cluster: readable, nothing to change.
    await open(page, `/quan-tri/khoi/CUM_QT_THU?nam=${THIS_YEAR}`);
    await page.getByTestId('read-only').waitFor();
    expect(await page.locator('form.admin-form').count()).toBe(0);
    expect(await page.locator('[data-action="remove-member"]').count()).toBe(0);
    await open(page, `/quan-tri/khoi/KHOI_SO_HN_QT?nam=${THIS_YEAR}`);
    expect(await page.getByTestId('rename-bloc').count()).toBe(1);

    // Its own unit: units may be added below it, but it does not redefine itself; a unit below it may be edited.
    await open(page, '/quan-tri/don-vi/HN');
    expect(await page.getByTestId('create-unit').count()).toBe(1);
    expect(await page.getByTestId('edit-unit').count()).toBe(0);
    await open(page, '/quan-tri/don-vi/SO_GOP_B');
    expect(await page.getByTestId('edit-unit').count()).toBe(1);
    // Another province: out of scope, read-only.
    await open(page, '/quan-tri/don-vi/HP');
    await page.getByTestId('read-only').waitFor();
    expect(await page.locator('form.admin-form').count()).toBe(0);
    await page.close();
  });

  it('the public and a read-only officer see no admin entry, and the address alone opens nothing', async () => {
    const page = await browser.newPage();
    await open(page, '/');
    expect(await navTexts(page)).not.toContain('Quản trị');
    await open(page, '/quan-tri');
    await page.getByTestId('admin-refused').waitFor();
    expect(await page.locator('form').count()).toBe(0);
    await signInWithPicker(page, 'VIEWER', 'HN');
    expect(await navTexts(page)).not.toContain('Quản trị');
    await page.getByTestId('admin-refused').waitFor();
    expect(await page.locator('main form').count()).toBe(0);
    await page.close();
  });
});
