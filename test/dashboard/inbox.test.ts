/**
 * Hồ sơ đề nghị in a real browser (one stack, one Chromium for every case): the ministry's officer
 * sees what waits on the ministry, oldest first, an overdue file marked late; returns a file one level
 * with a reason; forwards another to the Central Board, after which the ministry only reads it. Each
 * result is checked against the gateway's answer. Screenshots go to test-artifacts/dashboard/.
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
const STATE = `query($id: ID!) { nomination(id: $id) { status holderLevel history { reason toLevel } } }`;

describeInBrowser('Hồ sơ đề nghị in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let base: string;
  let board: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    if (!existsSync(path.join(DASHBOARD_DIST, 'index.html')))
      throw new Error('dashboard/dist is missing: run `npm run build` first (npm test does)');
    stack = await startStack();
    base = new URL(stack.gatewayUrl).origin;
    board = await stack.token('CENTRAL_BOARD');
    dataOf(
      await stack.gql(
        contractOperation('CreateOrganization'),
        { input: { code: 'VU_TDKT_HS', name: 'Vụ Thi đua – Khen thưởng', kind: 'DEPARTMENT', parentCode: 'BTP' } },
        { token: board },
      ),
    );
    const unit = await stack.token('ORG_OFFICER', 'VU_TDKT_HS');
    const ministry = await stack.token('ORG_OFFICER', 'BTP');
    const create = async (input: Record<string, unknown>, token: string) =>
      dataOf(await stack.gql(contractOperation('CreateNomination'), { input: { basis: 'MERIT', ...input } }, { token }))
        .createNomination.id as string;
    // Late: Cờ thi đua CP for 2020 had to reach Bộ Nội vụ by 30/6/2021 (ND 98/2023 Art 32).
    ids['late'] = await create(
      {
        awardTypeCode: 'CO_THI_DUA_CP',
        organizationCode: 'BTP',
        year: 2020,
        proposedByCode: 'BTP',
        blocCode: 'NOI_CHINH_TW',
      },
      ministry,
    );
    ids['toReturn'] = await create(
      { awardTypeCode: 'BANG_KHEN_BO_TINH', organizationCode: 'VU_TDKT_HS', year: 2024, proposedByCode: 'VU_TDKT_HS' },
      unit,
    );
    ids['toForward'] = await create(
      { awardTypeCode: 'BANG_KHEN_TTG', organizationCode: 'VU_TDKT_HS', year: 2024, proposedByCode: 'VU_TDKT_HS' },
      unit,
    );
    for (const key of ['toReturn', 'toForward'])
      dataOf(await stack.gql(contractOperation('SubmitNomination'), { id: ids[key] }, { token: unit }));
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${base}/ho-so`);
    await settled(page);
    await signInWithPicker(page, 'ORG_OFFICER', 'BTP');
    await page.goto(`${base}/ho-so`);
    await settled(page);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (Object.keys(screenshots).length)
      console.log(
        `dashboard screenshots:\n${Object.entries(screenshots)
          .map(([name, file]) => `  ${name}: ${file}`)
          .join('\n')}`,
      );
  });

  const row = (key: string) => page.locator(`[data-testid="inbox-table"] tr[data-id="${ids[key]}"]`);
  const openFile = async (key: string) => {
    await row(key).getByRole('link', { name: 'Mở hồ sơ' }).click();
    await page.getByTestId('file-view').waitFor();
    await settled(page);
  };

  it('lists what waits on the ministry with counts, and marks the overdue file late', async () => {
    expect(await row('late').count()).toBe(1);
    expect(await row('toReturn').count()).toBe(1);
    expect(await row('toForward').count()).toBe(1);
    expect(await textOf(row('late').locator('[data-overdue="true"]'))).toMatch(/^Trễ \d[\d.]* ngày$/);
    expect(await row('late').getAttribute('class')).toContain('row-overdue');
    expect(await row('toReturn').locator('[data-overdue]').count()).toBe(0);
    expect(await textOf(page.getByTestId('overdue-count'))).toBe('1 hồ sơ đã quá hạn.');
    expect(await textOf(page.locator('[data-testid="inbox-counts"] [data-status="SUBMITTED"] .kpi-value'))).toBe('2');
    expect(await textOf(page.locator('[data-testid="inbox-counts"] [data-status="DRAFT"] .kpi-value'))).toBe('1');
    screenshots['Hồ sơ đề nghị (hộp hồ sơ của bộ)'] = await screenshot(page, 'inbox');
  });

  it('returns a file one level down with its reason', async () => {
    await openFile('toReturn');
    await page.getByTestId('return-reason').fill('Bổ sung biên bản họp Hội đồng');
    await page.locator('[data-action="return"]').click();
    await page.getByTestId('action-ok').waitFor();
    await settled(page);
    const state = dataOf(await stack.gql(STATE, { id: ids['toReturn'] }, { token: board })).nomination;
    expect(state).toMatchObject({ status: 'RETURNED', holderLevel: 'UNIT' });
    expect(state.history.at(-1)).toEqual({ reason: 'Bổ sung biên bản họp Hội đồng', toLevel: 'UNIT' });
    // Gone from the ministry's inbox once the page reloads its list.
    expect(await row('toReturn').count()).toBe(0);
    screenshots['Hồ sơ đề nghị (trả lại)'] = await screenshot(page, 'inbox-return');
  });

  it('forwards a file to the Central Board, then only reads it', async () => {
    await openFile('toForward');
    await page.locator('[data-action="forward"]').click();
    await page.getByTestId('action-ok').waitFor();
    await settled(page);
    const state = dataOf(await stack.gql(STATE, { id: ids['toForward'] }, { token: board })).nomination;
    expect(state.holderLevel).toBe('CENTRAL_BOARD');
    expect(await textOf(page.getByTestId('file-holder'))).toBe('Ban TĐKT Trung ương (thẩm định)');
    expect(await textOf(page.getByTestId('read-only'))).toContain('bạn chỉ xem được');
    expect(await page.locator('[data-action="forward"], [data-action="return"]').count()).toBe(0);
    expect(await textOf(page.getByTestId('file-history'))).toContain('Bộ, ban, ngành, tỉnh → Ban TĐKT Trung ương');
    screenshots['Hồ sơ đề nghị (đã chuyển lên Ban TĐKT TW)'] = await screenshot(page, 'inbox-forwarded');
    expect(browser.problems).toEqual([]);
  });
});
