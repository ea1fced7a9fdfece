/**
 * The dashboard as each role walks it (the public, a member's officer, the bloc's lead, a ministry
 * department's officer, the Central Board), on the demo data: no internal text reaches an officer,
 * nobody signed in is told to sign in, the numbers on a page agree with each other, the default year
 * and dates follow Vietnam time, and the header fits a phone. One browser, pages in turn.
 */
import type { Page } from 'playwright-core';
import { dataOf, type Stack } from '../support/stack';
import { contractOperation } from '../support/operations';
import { chartNumbers, screenshot, settled, textOf, type Browser } from './chromium';
import { describeInBrowser, useDashboard } from './harness';

jest.setTimeout(240_000);

/** Text an officer must never read: seed or design notes, enum or ruleset codes, section signs. */
const INTERNAL =
  /Seed \d|Brief §|[A-Z]{2,}_[A-Z0-9_]{2,}|\b(SUBMITTED|APPROVED|DRAFT|OPEN|SIGNED|CLOSED|PENDING|VIEWER|ORG_OFFICER|CENTRAL_BOARD)\b|§|\bND \d/;

type Role = [role: 'VIEWER' | 'ORG_OFFICER' | 'CENTRAL_BOARD' | null, org: string | null, who: string];

const ROLES: Role[] = [
  [null, null, 'the public'],
  ['ORG_OFFICER', 'BTP', 'a member’s officer (Bộ Tư pháp)'],
  ['ORG_OFFICER', 'TANDTC', 'the 2024 bloc lead (Tòa án nhân dân tối cao)'],
  ['ORG_OFFICER', 'DEMO_BTP_VU_TDKT', 'a ministry department’s officer (a unit of Bộ Tư pháp)'],
  ['CENTRAL_BOARD', null, 'the Central Board'],
];

describeInBrowser('the dashboard walked by each role', () => {
  const dashboard = useDashboard();
  let stack: Stack;
  let browser: Browser;
  let base: string;
  let board: string;
  let anId: string;
  let codes: string[];

  beforeAll(async () => {
    ({ stack, browser, base } = dashboard);
    board = await stack.token('CENTRAL_BOARD');
    const persons = dataOf(
      await stack.gql(`{ persons(first: 50) { edges { node { id fullName } } } }`, {}, { token: board }),
    ).persons.edges.map((edge: any) => edge.node);
    anId = persons.find((person: { fullName: string }) => person.fullName === 'Nguyễn Văn An').id;
    // Collective awards of Bộ Tư pháp in 2022 and 2024 (none in 2023), and one title of An's.
    const grant = (organizationCode: string, year: number, decisionNumber: string) => ({
      organizationCode,
      awardTypeCode: 'CO_THI_DUA_CP',
      year,
      basis: 'MERIT',
      decisionNumber,
      issuedOn: `${year + 1}-03-01`,
      issuerCode: 'CP',
    });
    const imported = dataOf(
      await stack.gql(
        contractOperation('ImportGrants'),
        {
          input: {
            grants: [
              grant('BTP', 2022, '50/QĐ-TTg'),
              grant('BTP', 2024, '100/QĐ-TTg'),
              {
                personId: anId,
                awardTypeCode: 'LDTT',
                year: 2024,
                basis: 'MERIT',
                decisionNumber: '30/QĐ-BTP',
                issuedOn: '2025-01-15',
                issuerCode: 'BTP',
              },
            ],
          },
        },
        { token: board },
      ),
    ).importGrants;
    expect(imported.errors).toEqual([]);
    // Every organization a page may name: none of their codes may be shown in place of the name.
    const named = dataOf(
      await stack.gql(
        `{ a: bloc(code: "NOI_CHINH_TW") { members(year: 2024) { organization { code } } }
           b: bloc(code: "CUM_TP_TRUC_THUOC_TW") { members(year: 2025) { organization { code } } }
           o: organization(code: "BTP") { children { code } } }`,
      ),
    );
    codes = [
      ...named.a.members.map((member: any) => member.organization.code),
      ...named.b.members.map((member: any) => member.organization.code),
      ...named.o.children.map((child: any) => child.code),
    ];
    expect(codes).toEqual(expect.arrayContaining(['BTP', 'TANDTC', 'HN', 'DEMO_BTP_VU_TDKT']));
  });

  async function open(page: Page, pathAndQuery: string): Promise<void> {
    await page.goto(`${base}${pathAndQuery}`);
    await settled(page);
  }

  /** Signs in by putting a token where the page keeps it (the picker itself is tested elsewhere). */
  async function signIn(page: Page, role: Role[0], org: string | null): Promise<void> {
    await page.goto(`${base}/khoi`);
    await page.evaluate(() => (globalThis as any).sessionStorage.clear());
    if (!role) return;
    const token = await stack.token(role, org ?? undefined);
    await page.evaluate((value) => (globalThis as any).sessionStorage.setItem('tdkt.dashboard.token', value), token);
  }

  /** Every text node and every title, placeholder and label of the page. */
  async function textsOf(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const document = (globalThis as any).document;
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, 4 /* NodeFilter.SHOW_TEXT */);
      while (walker.nextNode()) {
        const text = String(walker.currentNode.textContent).replace(/\s+/g, ' ').trim();
        if (text) texts.push(text);
      }
      for (const element of document.querySelectorAll('[title], [placeholder], [aria-label]'))
        for (const name of ['title', 'placeholder', 'aria-label']) {
          const value = element.getAttribute(name);
          if (value) texts.push(value);
        }
      return texts;
    });
  }

  it('shows no internal text on any page, names organizations, and asks only the public to sign in', async () => {
    const pages = [
      '/',
      '/?nam=2022',
      '/khoi',
      '/khoi/NOI_CHINH_TW?nam=2024',
      '/khoi/NOI_CHINH_TW?nam=2022',
      '/khoi/CUM_TP_TRUC_THUOC_TW?nam=2025',
      '/don-vi?q=tu%20phap',
      '/don-vi/BTP',
      '/don-vi/HN',
      '/ca-nhan',
      `/ca-nhan/${anId}`,
      `/ca-nhan/${anId}?danh-hieu=CSTD_BO_TINH&nam=2024`,
      '/hoi-nghi',
      '/hoi-nghi/HNDHTT_TAY_HO_2020',
      '/hoi-nghi/DHTDYN_HN_2020_2025',
      '/hoi-nghi/DHTDYN_TOAN_QUOC_X',
    ];
    // A code shown as a word of its own (decision numbers such as "30/QĐ-BTP" are how they are written).
    const codeShown = new RegExp(`(^|[^-/\\w])(${codes.join('|')})(?![-/\\w])`);
    const found: string[] = [];
    const page = await browser.newPage();
    // A value labels.ts has no name for shows a neutral phrase and says so on the console.
    page.on('console', (message) => {
      if (message.text().includes('no Vietnamese label')) found.push(`${page.url()}: ${message.text()}`);
    });
    for (const [role, org, who] of ROLES) {
      await signIn(page, role, org);
      for (const address of pages) {
        await open(page, address);
        for (const text of await textsOf(page)) {
          if (INTERNAL.test(text)) found.push(`${who} on ${address}: internal text “${text}”`);
          if (codeShown.test(text)) found.push(`${who} on ${address}: an organization by its code “${text}”`);
          if (role && /đăng nhập/i.test(text)) found.push(`${who} on ${address}: told to sign in “${text}”`);
        }
      }
    }
    await page.close();
    expect(found).toEqual([]);
    expect(browser.problems).toEqual([]);
  });

  it('names the signed-in officer’s organization in the header, and says what a role may see instead of asking it to sign in', async () => {
    const page = await browser.newPage();
    await signIn(page, 'ORG_OFFICER', 'DEMO_BTP_VU_TDKT');
    await open(page, '/khoi/NOI_CHINH_TW?nam=2024');
    await page.getByTestId('who-name').filter({ hasText: 'Vụ Thi đua' }).waitFor();
    expect(await textOf(page.getByTestId('who-name'))).toBe(
      'Cán bộ thi đua – khen thưởng · Vụ Thi đua – Khen thưởng, Bộ Tư pháp (minh họa)',
    );

    // The Central Board on a year without a pledge: nothing about signing in.
    await signIn(page, 'CENTRAL_BOARD', null);
    await open(page, '/khoi/CUM_TP_TRUC_THUOC_TW?nam=2025');
    expect(await textOf(page.locator('[data-kpi="progress"]'))).toContain('chưa có giao ước năm 2025');
    await page.close();
  });

  it('opens every page on one default year, the newest with a pledge, and dates a vote in Vietnam time', async () => {
    const page = await dashboard.open('/', { role: 'CENTRAL_BOARD' });
    const selected = async () => Number(await page.getByTestId('year-select').inputValue());
    expect(await textOf(page.locator('h1'))).toBe('Tổng quan thi đua – khen thưởng năm 2024');
    expect(await selected()).toBe(2024);
    await open(page, '/don-vi/BTP');
    expect(await selected()).toBe(2024);
    await open(page, '/khoi/NOI_CHINH_TW');
    expect(await selected()).toBe(2024);
    await open(page, `/ca-nhan/${anId}?danh-hieu=LDTT`);
    expect(await page.getByTestId('eligibility-year').inputValue()).toMatch(/^20\d\d$/);

    // The vote form shows only while no acclamation stands: the Central Board annuls 2024's first.
    const votes = dataOf(
      await stack.gql(
        `{ bloc(code: "NOI_CHINH_TW") { pledge(year: 2024) { votes { id passed annulledAt } } } }`,
        {},
        { token: board },
      ),
    ).bloc.pledge.votes as { id: string; passed: boolean; annulledAt: string | null }[];
    const standing = votes.find((vote) => vote.passed && !vote.annulledAt)!;
    dataOf(
      await stack.gql(
        `mutation($input: AnnulBlocVoteInput!) { annulBlocVote(input: $input) { id annulledAt } }`,
        { input: { voteId: standing.id, reason: 'Kiểm tra ngày biểu quyết mặc định theo giờ Việt Nam' } },
        { token: board },
      ),
    );
    // 18:30 UTC on 1 March is 01:30 on 2 March in Hà Nội: the vote is dated the 2nd.
    await page.clock.setFixedTime(new Date('2025-03-01T18:30:00Z'));
    await open(page, '/khoi/NOI_CHINH_TW?nam=2024');
    expect(await page.locator('[data-testid="vote-form"] [name="votedOn"]').inputValue()).toBe('2025-03-02');
    await page.close();
  });

  it('keeps the numbers of a page in agreement', async () => {
    const page = await browser.newPage();
    await signIn(page, 'CENTRAL_BOARD', null);

    // Hà Nội's congress: its delegates are those chosen below; the count and the list agree.
    await open(page, '/hoi-nghi/DHTDYN_HN_2020_2025');
    const total = await textOf(page.locator('[data-kpi="total"] .kpi-value'));
    expect(total).toBe('10');
    expect(await textOf(page.getByTestId('delegates-table').getByTestId('table-count'))).toBe('10 đại biểu');
    expect(await textOf(page.getByTestId('delegates-section'))).not.toContain('Chưa có danh sách đại biểu');

    // A conference without delegates has not "met" its composition.
    await open(page, '/hoi-nghi/DHTDYN_TOAN_QUOC_X');
    expect(await textOf(page.locator('[data-kpi="passed"] .kpi-value'))).not.toBe('Đạt');

    // A closed pledge without progress reports: not "0 %" beside its scores.
    await open(page, '/khoi/NOI_CHINH_TW?nam=2024');
    expect(await textOf(page.locator('[data-kpi="progress"] .kpi-value'))).not.toBe('0 %');
    await open(page, '/?nam=2024');
    expect(await textOf(page.locator('tr[data-bloc="NOI_CHINH_TW"] [data-field="progress"]'))).not.toBe('0 %');

    // The progress grid: each percentage says what it is a share of.
    await open(page, '/khoi/NOI_CHINH_TW?nam=2022');
    const grid = page.getByTestId('progress-grid');
    expect(await textOf(grid.locator('thead th').nth(1))).toMatch(/^Nội dung 1/);
    const shares = await grid.locator('.meter-text').allTextContents();
    expect(shares.length).toBeGreaterThan(0);
    for (const share of shares) expect(share).toMatch(/^đạt \d+ % chỉ tiêu$/);
    expect(await textOf(page.getByTestId('items-table').locator('thead th').first())).toBe('STT');
    await page.close();
  });

  it('draws no one-slice doughnut and keeps years without awards in the year chart', async () => {
    const page = await browser.newPage();
    await open(page, '/don-vi/BTP');
    // Bộ Tư pháp's subtree: two collective awards (2022, 2024) and An's title (2024), a man's.
    const gender = page.getByTestId('subtree-by-gender');
    expect(await gender.locator('canvas').count()).toBe(0);
    const sentence = await textOf(gender.getByTestId('chart-sentence'));
    expect(sentence).toMatch(/^Cả 1 lượt đều thuộc “(Nam|Nữ)”\.$/);
    expect(await page.getByTestId('subtree-by-subject').locator('canvas').count()).toBe(1);
    expect(await chartNumbers(page, 'subtree-by-year')).toEqual({ '2022': 1, '2023': 0, '2024': 2 });
    await page.close();
  });

  it('fits a phone: the header is at most 120 px high and the sign-in dialog holds its fields', async () => {
    const page = await browser.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, null, null);
    await open(page, '/');
    await page.getByTestId('sign-in').click();
    const dialog = await page.locator('dialog.sign-in').boundingBox();
    for (const field of await page.locator('dialog.sign-in select, dialog.sign-in input').all()) {
      const box = await field.boundingBox();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(dialog!.x);
      expect(box.x + box.width).toBeLessThanOrEqual(dialog!.x + dialog!.width);
    }
    await screenshot(page, 'phone-sign-in');
    await page.keyboard.press('Escape');

    await signIn(page, 'ORG_OFFICER', 'DEMO_BTP_VU_TDKT');
    await open(page, '/khoi/NOI_CHINH_TW?nam=2024');
    await page.getByTestId('who-name').filter({ hasText: 'Vụ Thi đua' }).waitFor();
    const header = await page.locator('header.topbar').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(120);
    // The line may be cut short on a phone; the whole of it stays in its title.
    expect(await page.getByTestId('who-name').getAttribute('title')).toBe(
      'Cán bộ thi đua – khen thưởng · Vụ Thi đua – Khen thưởng, Bộ Tư pháp (minh họa)',
    );
    await screenshot(page, 'phone-bloc');
    await page.close();
  });
});
