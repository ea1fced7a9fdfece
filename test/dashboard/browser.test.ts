/**
 * The reference dashboard in a real browser (Debian's Chromium through playwright-core), against the
 * whole platform on the embedded database with reference and demo data. Each page's numbers are read
 * off the screen and compared with the answer of the same question sent to the gateway by the test;
 * the bloc lead's cycle is done by clicking; one subgraph is stopped to see the page say what is
 * missing. A screenshot of each page goes to test-artifacts/dashboard/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { dataOf, startStack, visibleDataOf, type Stack } from '../support/stack';
import { contractOperation } from '../support/operations';
import {
  CHROMIUM_INSTALLED,
  DASHBOARD_DIST,
  SKIP_MESSAGE,
  chartNumbers,
  fold,
  launchChromium,
  parseNumber,
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

describeInBrowser('the dashboard in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let base: string;
  let board: string;
  let anId: string;

  beforeAll(async () => {
    if (!existsSync(path.join(DASHBOARD_DIST, 'index.html')))
      throw new Error('dashboard/dist is missing: run `npm run build` first (npm test does)');
    stack = await startStack({ demo: true });
    base = new URL(stack.gatewayUrl).origin;
    board = await stack.token('CENTRAL_BOARD');
    const persons = dataOf(
      await stack.gql(`{ persons(first: 50) { edges { node { id fullName } } } }`, {}, { token: board }),
    ).persons.edges.map((edge: any) => edge.node);
    anId = persons.find((person: { fullName: string }) => person.fullName === 'Nguyễn Văn An').id;
    // Awards for the charts and the ranking's award column (the seed has none).
    const imported = dataOf(
      await stack.gql(
        contractOperation('ImportGrants'),
        {
          input: {
            grants: [
              {
                organizationCode: 'BTP',
                awardTypeCode: 'CO_THI_DUA_CP',
                year: 2024,
                basis: 'MERIT',
                decisionNumber: '100/QĐ-TTg',
                issuedOn: '2025-03-01',
                issuerCode: 'CP',
              },
              {
                organizationCode: 'BCA',
                awardTypeCode: 'BANG_KHEN_TTG',
                year: 2024,
                basis: 'MERIT',
                decisionNumber: '101/QĐ-TTg',
                issuedOn: '2025-03-01',
                issuerCode: 'CP',
              },
              {
                organizationCode: 'TANDTC',
                awardTypeCode: 'CO_THI_DUA_CP',
                year: 2022,
                basis: 'MERIT',
                decisionNumber: '50/QĐ-TTg',
                issuedOn: '2023-03-01',
                issuerCode: 'CP',
              },
              {
                personId: anId,
                awardTypeCode: 'LDTT',
                year: 2022,
                basis: 'MERIT',
                decisionNumber: '15/QĐ-BTP',
                issuedOn: '2023-01-15',
                issuerCode: 'BTP',
              },
              {
                personId: anId,
                awardTypeCode: 'CSTD_CO_SO',
                year: 2023,
                basis: 'MERIT',
                decisionNumber: '20/QĐ-BTP',
                issuedOn: '2024-01-20',
                issuerCode: 'BTP',
              },
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
    expect(imported.imported).toBe(6);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (Object.keys(screenshots).length)
      console.log(
        `dashboard screenshots:\n${Object.entries(screenshots)
          .map(([page, file]) => `  ${page}: ${file}`)
          .join('\n')}`,
      );
  });

  async function open(page: Page, pathAndQuery: string): Promise<void> {
    await page.goto(`${base}${pathAndQuery}`);
    await settled(page);
  }

  /** The answer as the page's caller gets it: fields withheld from that caller are null (FORBIDDEN on their path). */
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string) =>
    visibleDataOf(await stack.gql(query, variables, token ? { token } : {}));

  it('Tổng quan: the year with the latest pledge, every bloc and cluster with its pledge, awards by type and year, movements by level and scope', async () => {
    const page = await browser.newPage();
    await open(page, '/');
    expect(await textOf(page.locator('h1'))).toBe('Tổng quan thi đua – khen thưởng năm 2024');

    const expected = await gql(
      `query($year: Int!) { blocs(filter: { year: $year }, first: 100) { totalCount edges { node { code name members(year: $year) { organization { code } } pledge(year: $year) { status signatures { organization { code } } leadingUnit { name } } } } } }`,
      { year: 2024 },
    );
    const blocs = expected.blocs.edges.map((edge: any) => edge.node);
    expect(parseNumber(await textOf(page.locator('[data-kpi="blocs"] .kpi-value')))).toBe(expected.blocs.totalCount);
    expect(await page.locator('[data-testid="blocs-table"] tbody tr[data-bloc]').count()).toBe(blocs.length);
    for (const bloc of blocs) {
      const row = page.locator(`[data-testid="blocs-table"] tr[data-bloc="${bloc.code}"]`);
      expect(await textOf(row.locator('[data-field="name"]'))).toBe(bloc.name);
      expect(await textOf(row.locator('[data-field="signed"]'))).toBe(
        `${bloc.pledge?.signatures.length ?? 0}/${bloc.members.length}`,
      );
      expect(await textOf(row.locator('[data-field="leading"]'))).toBe(bloc.pledge?.leadingUnit?.name ?? '—');
      expect(await textOf(row.locator('[data-field="status"]'))).toBe(
        bloc.pledge
          ? (
              { DRAFT: 'Đang soạn', OPEN: 'Đang mở ký', SIGNED: 'Đã ký đủ', CLOSED: 'Đã tổng kết' } as Record<
                string,
                string
              >
            )[bloc.pledge.status]
          : 'Chưa có',
      );
    }
    // Vietnamese order: "Cụm …" before "Khối …".
    const names = await page.locator('[data-testid="blocs-table"] tbody [data-field="name"]').allTextContents();
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));

    // Awards of the whole country from the statistical forms 0602 and 0603 (each grant once, however
    // many blocs its unit is in); base-level titles (An's Lao động tiên tiến) are in neither form.
    const forms = await gql(
      `query($y: Int!) { a: statisticalForm0602(filter: { yearFrom: $y, yearTo: $y }) { ...f } b: statisticalForm0603(filter: { yearFrom: $y, yearTo: $y }) { ...f } }
       fragment f on AwardStatisticalForm { columns { awardType { code } } rows { label total values } }`,
      { y: 2024 },
    );
    const byType: Record<string, number> = {};
    let total = 0;
    for (const form of [forms.a, forms.b]) {
      const row = form.rows.find((entry: any) => entry.label === 'Tổng số');
      total += row.total;
      form.columns.forEach((column: any, index: number) => {
        if (row.values[index]) byType[column.awardType.code] = (byType[column.awardType.code] ?? 0) + row.values[index];
      });
    }
    expect(total).toBe(2); // BTP's flag and BCA's certificate
    expect(byType).toEqual({ CO_THI_DUA_CP: 1, BANG_KHEN_TTG: 1 });
    expect(parseNumber(await textOf(page.locator('[data-kpi="awards"] .kpi-value')))).toBe(total);
    expect(await chartNumbers(page, 'awards-by-type')).toEqual(byType);
    const yearsOnScreen = await chartNumbers(page, 'awards-by-year');
    expect(Object.keys(yearsOnScreen)).toEqual(Array.from({ length: 10 }, (_, index) => String(2015 + index)));
    expect(yearsOnScreen).toMatchObject({ '2022': 1, '2023': 0, '2024': 2 }); // TANDTC's flag in 2022
    expect(await page.locator('[data-testid="awards-by-type"] canvas').count()).toBe(1);

    // Movements under way in 2024, counted by launch level and scope.
    const movements = (
      await gql(`{ movements(first: 100) { edges { node { launchLevel scope startDate endDate } } } }`)
    ).movements.edges
      .map((edge: any) => edge.node)
      .filter(
        (movement: any) =>
          movement.startDate <= '2024-12-31' && (!movement.endDate || movement.endDate >= '2024-01-01'),
      );
    const count = (key: 'launchLevel' | 'scope') =>
      movements.reduce(
        (counts: Record<string, number>, movement: any) => ({
          ...counts,
          [movement[key]]: (counts[movement[key]] ?? 0) + 1,
        }),
        {},
      );
    expect(movements.length).toBeGreaterThan(0);
    expect(parseNumber(await textOf(page.locator('[data-kpi="movements"] .kpi-value')))).toBe(movements.length);
    expect(await chartNumbers(page, 'movements-by-level')).toEqual(count('launchLevel'));
    expect(await chartNumbers(page, 'movements-by-scope')).toEqual(count('scope'));
    screenshots['Tổng quan'] = await screenshot(page, 'overview');

    // The public does not see progress; the Central Board does: 2022 has quarterly reports.
    expect(await textOf(page.locator('tr[data-bloc="NOI_CHINH_TW"] [data-field="progress"]'))).toBe('cần đăng nhập');
    await signInWithPicker(page, 'CENTRAL_BOARD');
    await page.getByTestId('year-select').selectOption('2022');
    await settled(page);
    expect(await textOf(page.locator('h1'))).toBe('Tổng quan thi đua – khen thưởng năm 2022');
    const pledge2022 = (await gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2022 }, board)).bloc;
    const latest = new Map<string, number>();
    const order = (period: string) => (/^\d{4}$/.test(period) ? `${period}-Q9` : period);
    const sorted = [...pledge2022.pledge.progress].sort((a: any, b: any) =>
      order(a.period).localeCompare(order(b.period)),
    );
    for (const report of sorted) latest.set(`${report.organization.code}|${report.item.code}`, report.value);
    const targeted = pledge2022.pledge.items.filter((item: any) => item.targetValue > 0);
    let sum = 0;
    for (const member of pledge2022.members)
      for (const item of targeted)
        sum += Math.min(1, (latest.get(`${member.organization.code}|${item.code}`) ?? 0) / item.targetValue);
    const average = Math.round((sum / (pledge2022.members.length * targeted.length)) * 100);
    expect(average).toBe(47);
    expect(
      parseNumber(await textOf(page.locator('tr[data-bloc="NOI_CHINH_TW"] [data-field="progress"] .meter-text'))),
    ).toBe(average);
    await page.close();
  });

  it('Khối thi đua: members and roles, signatures, the member × item progress grid and the ranking with awards, as BlocBoard answers', async () => {
    const page = await browser.newPage();
    await open(page, '/khoi/NOI_CHINH_TW?nam=2024');
    const bloc = (await gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2024 })).bloc;
    expect(await textOf(page.locator('h1'))).toBe(bloc.name);
    expect(parseNumber(await textOf(page.locator('[data-kpi="members"] .kpi-value')))).toBe(bloc.members.length);
    expect(await textOf(page.locator('[data-kpi="signed"] .kpi-value'))).toBe(
      `${bloc.pledge.signatures.length}/${bloc.members.length}`,
    );
    expect(await textOf(page.locator('[data-kpi="leading"] .kpi-value'))).toBe(bloc.pledge.leadingUnit.name);
    const roleNames: Record<string, string> = { LEAD: 'Khối trưởng', DEPUTY: 'Khối phó', MEMBER: 'Thành viên' };
    for (const member of bloc.members) {
      const row = page.locator(`[data-testid="members-table"] tr[data-member="${member.organization.code}"]`);
      expect(await textOf(row.locator('[data-field="role"]'))).toBe(roleNames[member.role]);
      expect(await textOf(row.locator('[data-field="organization"]'))).toBe(member.organization.name);
      expect(await textOf(row.locator('[data-field="signed"]'))).toMatch(/^✓ \d{2}\/\d{2}\/2024 \d{2}:\d{2}$/);
    }
    expect(await page.locator('[data-testid="ranking-table"] tbody tr').count()).toBe(bloc.pledge.ranking.length);
    for (const entry of bloc.pledge.ranking) {
      const row = page.locator(`[data-testid="ranking-table"] tr[data-member="${entry.organization.code}"]`);
      expect(parseNumber(await textOf(row.locator('[data-field="rank"]')))).toBe(entry.rank);
      expect(parseNumber(await textOf(row.locator('[data-field="score"]')))).toBe(entry.totalScore);
      expect(await row.locator('[data-field="grants"] .chip').allTextContents()).toEqual(
        entry.organization.grants.map((grant: any) => grant.awardType.name),
      );
    }
    expect(await page.locator('[data-testid="ranking-table"] .chip').count()).toBe(2); // BTP's flag and BCA's certificate of 2024
    screenshots['Khối thi đua'] = await screenshot(page, 'bloc-board');

    // The progress grid of 2022 for the Central Board: each member's latest value per item.
    await signInWithPicker(page, 'CENTRAL_BOARD');
    await open(page, '/khoi/NOI_CHINH_TW?nam=2022');
    const year2022 = (await gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2022 }, board)).bloc;
    expect(year2022.pledge.progress.length).toBeGreaterThan(0);
    for (const member of year2022.members) {
      for (const item of year2022.pledge.items) {
        const reports = year2022.pledge.progress.filter(
          (report: any) => report.organization.code === member.organization.code && report.item.code === item.code,
        );
        const last = reports.sort((a: any, b: any) => a.period.localeCompare(b.period)).at(-1);
        const cell = page.locator(
          `[data-testid="progress-grid"] tr[data-member="${member.organization.code}"] td[data-item="${item.code}"]`,
        );
        if (last) expect(parseNumber(await textOf(cell.locator('[data-field="value"]')))).toBe(last.value);
        else expect(await textOf(cell)).toBe('·');
      }
    }
    screenshots['Khối thi đua (tiến độ 2022)'] = await screenshot(page, 'bloc-board-progress');
    await page.close();
  });

  it('Đơn vị: search without diacritics, tree position and lineage, memberships, pledges, grants and subtree statistics', async () => {
    const page = await browser.newPage();
    await open(page, '/don-vi?q=bo%20tu%20phap');
    const search = (await gql(contractOperation('SearchOrganizations'), { search: 'bo tu phap', first: 25 }))
      .organizations;
    expect(await textOf(page.getByTestId('organization-count'))).toBe(
      `${search.edges.length} / ${search.totalCount} đơn vị`,
    );
    expect(
      await page
        .locator('[data-testid="organization-results"] li')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-code'))),
    ).toEqual(search.edges.map((edge: any) => edge.node.code));
    await page.locator('[data-testid="organization-results"] li[data-code="BTP"] a').click();
    await settled(page);
    await page.getByTestId('year-select').selectOption('2024');
    await settled(page);
    expect(page.url()).toBe(`${base}/don-vi/BTP?nam=2024`);

    const profile = (await gql(contractOperation('OrganizationProfile'), { code: 'BTP', year: 2024 })).organization;
    const tree = (await gql(contractOperation('OrganizationTree'), { code: 'BTP' })).organization;
    const subtree = (await gql(`{ organization(code: "BTP") { descendantIds } }`)).organization.descendantIds;
    expect(await textOf(page.locator('h1'))).toBe(profile.name);
    expect(parseNumber(await textOf(page.locator('[data-kpi="children"] .kpi-value')))).toBe(tree.children.length);
    expect(parseNumber(await textOf(page.locator('[data-kpi="subtree"] .kpi-value')))).toBe(subtree.length);
    expect(
      await page
        .locator('[data-testid="memberships"] li')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-bloc'))),
    ).toEqual(profile.blocMemberships.map((membership: any) => membership.bloc.code));
    expect(await page.locator('[data-testid="signatures"] li').count()).toBe(profile.pledgeSignatures.length);
    expect(await page.locator('[data-testid="grants-table"] tbody tr').count()).toBe(profile.grants.length);
    expect(parseNumber(await textOf(page.locator('[data-kpi="grants"] .kpi-value')))).toBe(profile.grants.length);
    const statistics = (await gql(contractOperation('AwardStatistics'), { filter: { organizationCode: 'BTP' } }))
      .awardStatistics;
    expect(parseNumber(await textOf(page.locator('[data-testid="statistics-total"] strong')))).toBe(statistics.total);
    expect(await chartNumbers(page, 'subtree-by-type')).toEqual(
      Object.fromEntries(statistics.byAwardType.map((entry: any) => [entry.awardType.code, entry.count])),
    );
    expect(await chartNumbers(page, 'subtree-by-year')).toEqual(
      Object.fromEntries(statistics.byYear.map((entry: any) => [String(entry.year), entry.count])),
    );
    screenshots['Đơn vị'] = await screenshot(page, 'organization');

    // Lineage: the new Hồ Chí Minh City continues the code HCM with two predecessors (2025-07-01).
    await open(page, '/don-vi/HCM');
    const hcm = (await gql(contractOperation('OrganizationTree'), { code: 'HCM' })).organization;
    expect(hcm.predecessors.length).toBe(2);
    expect((await page.locator('[data-testid="predecessors"] li').allTextContents()).sort()).toEqual(
      hcm.predecessors.map((entry: any) => entry.name).sort(),
    );
    expect(await page.locator('[data-testid="lineage-table"] tbody tr').count()).toBeGreaterThan(0);
    screenshots['Đơn vị (lịch sử sắp xếp)'] = await screenshot(page, 'organization-lineage');
    await page.close();
  });

  it('Cá nhân: grants, ratings and the eligibility verdict with its reasons, for the title chosen', async () => {
    const page = await browser.newPage();
    await open(page, '/ca-nhan');
    expect(await textOf(page.locator('main'))).toContain('Tra cứu cá nhân cần đăng nhập');
    await signInWithPicker(page, 'CENTRAL_BOARD');
    await page.getByTestId('person-search').fill('nguyen van an');
    await page.getByTestId('person-search').press('Enter');
    await settled(page);
    await page.locator(`[data-testid="person-results"] li[data-person="${anId}"] a`).click();
    await settled(page);

    const record = (
      await gql(contractOperation('PersonRecord'), { id: anId, awardTypeCode: 'CSTD_CO_SO', year: 2024 }, board)
    ).person;
    expect(await textOf(page.locator('h1'))).toBe('Nguyễn Văn An');
    expect(await page.locator('[data-testid="grants-table"] tbody tr').count()).toBe(record.grants.length);
    expect(parseNumber(await textOf(page.locator('[data-kpi="grants"] .kpi-value')))).toBe(record.grants.length);
    expect(await page.locator('[data-testid="ratings"] li').count()).toBe(record.annualRatings.length);
    expect(parseNumber(await textOf(page.locator('[data-kpi="excellent"] .kpi-value')))).toBe(
      record.annualRatings.filter((rating: any) => rating.rating === 'EXCELLENT').length,
    );
    const verdict = page.getByTestId('verdict');
    expect(await verdict.getAttribute('data-eligible')).toBe(String(record.eligibility.eligible));
    expect(await page.locator('[data-testid="reasons"] li').allTextContents()).toEqual(
      record.eligibility.reasons.map((reason: any) => reason.message),
    );
    expect(await textOf(verdict)).toContain(
      (
        {
          'LAW_2022+ND_98_2023': 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
          'LAW_2022+ND_152_2025': 'Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP',
        } as Record<string, string>
      )[record.eligibility.ruleset]!,
    );

    // Another title: Chiến sĩ thi đua cấp bộ needs more than An has, and says why in words.
    await page.getByTestId('award-type-select').selectOption('CSTD_BO_TINH');
    await page.getByTestId('eligibility-year').fill('2024');
    await page.locator('[data-testid="eligibility-form"] button[type="submit"]').click();
    await settled(page);
    const higher = (
      await gql(contractOperation('PersonRecord'), { id: anId, awardTypeCode: 'CSTD_BO_TINH', year: 2024 }, board)
    ).person.eligibility;
    expect(await page.getByTestId('verdict').getAttribute('data-eligible')).toBe(String(higher.eligible));
    expect(higher.eligible).toBe(false);
    expect(higher.reasons.length).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="reasons"] li').allTextContents()).toEqual(
      higher.reasons.map((reason: any) => reason.message),
    );
    screenshots['Cá nhân'] = await screenshot(page, 'person');

    // A form whose conditions the council or the head judges: not evaluated, shown neutrally with why.
    await page.getByTestId('award-type-select').selectOption('BANG_KHEN_BO_TINH');
    await page.locator('[data-testid="eligibility-form"] button[type="submit"]').click();
    await settled(page);
    const judged = (
      await gql(contractOperation('PersonRecord'), { id: anId, awardTypeCode: 'BANG_KHEN_BO_TINH', year: 2024 }, board)
    ).person.eligibility;
    expect(judged.eligible).toBeNull();
    expect(judged.reasons.map((reason: any) => reason.code)).toContain('NOT_EVALUATED');
    const judgedVerdict = page.getByTestId('verdict');
    expect(await judgedVerdict.getAttribute('data-eligible')).toBe('null');
    expect(await judgedVerdict.getAttribute('class')).toContain('verdict-open');
    expect(await textOf(judgedVerdict)).toContain('Chưa xét được điều kiện đề nghị');
    expect(await textOf(judgedVerdict)).not.toContain('Đủ điều kiện');
    expect(await page.locator('[data-testid="reasons"] li').allTextContents()).toEqual(
      judged.reasons.map((reason: any) => reason.message),
    );
    await page.close();
  });

  it('Hội nghị: the composition report rule by rule, and 280 delegates paged, in Vietnamese name order, searched without diacritics', async () => {
    const page = await browser.newPage();
    await open(page, '/hoi-nghi');
    await page
      .locator(
        '[data-testid="conference-list"] tr[data-conference="HNDHTT_TAY_HO_2020"] a[href="/hoi-nghi/HNDHTT_TAY_HO_2020"]',
      )
      .click();
    await settled(page);
    const conference = (
      await gql(
        `{ conference(code: "HNDHTT_TAY_HO_2020") { title delegates { ordinal fullName organization { name } } compositionReport { total exemplarCount passed lines { rule required actual passed } breakdowns { facet buckets { value count } } } } }`,
      )
    ).conference;
    const report = conference.compositionReport;
    expect(await textOf(page.locator('h1'))).toBe(conference.title);
    expect(parseNumber(await textOf(page.locator('[data-kpi="total"] .kpi-value')))).toBe(report.total);
    expect(parseNumber(await textOf(page.locator('[data-kpi="exemplars"] .kpi-value')))).toBe(report.exemplarCount);
    expect(await page.locator('[data-testid="composition-table"] tbody tr').count()).toBe(report.lines.length);
    for (const line of report.lines) {
      const row = page.locator(`[data-testid="composition-table"] tr[data-rule="${line.rule}"]`);
      expect(await textOf(row.locator('[data-field="required"]'))).toBe(line.required);
      expect(await textOf(row.locator('[data-field="actual"]'))).toBe(line.actual);
      expect(await textOf(row.locator('[data-field="passed"]'))).toBe(line.passed ? '✓' : '✗');
    }
    for (const breakdown of report.breakdowns) {
      expect(await chartNumbers(page, `facet-${breakdown.facet}`)).toEqual(
        Object.fromEntries(breakdown.buckets.map((bucket: any) => [bucket.value, bucket.count])),
      );
    }

    const table = page.getByTestId('delegates-table');
    expect(report.total).toBe(280);
    expect(await textOf(table.getByTestId('table-count'))).toBe('280 đại biểu');
    expect(await textOf(table.getByTestId('pager-status'))).toBe('Trang 1/12');
    expect(await table.locator('tbody tr').count()).toBe(25);
    // Name order: by given name (the last word), then the rest, in Vietnamese collation.
    await table.locator('th button', { hasText: 'Họ tên' }).click();
    const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });
    const key = (name: string) => {
      const words = name.split(' ');
      return `${words.at(-1)} ${words.slice(0, -1).join(' ')}`;
    };
    const byName = [...conference.delegates]
      .sort((a: any, b: any) => a.ordinal - b.ordinal)
      .sort((a: any, b: any) => collator.compare(key(a.fullName), key(b.fullName)));
    const shown = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-delegate')));
    expect(shown).toEqual(byName.slice(0, 25).map((delegate: any) => String(delegate.ordinal)));
    await table.getByText('Trang sau ›').click();
    expect(await textOf(table.getByTestId('pager-status'))).toBe('Trang 2/12');
    expect(
      await table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-delegate'))),
    ).toEqual(byName.slice(25, 50).map((delegate: any) => String(delegate.ordinal)));
    // "dang" finds Đặng (đ → d, marks ignored).
    await table.locator('input[type="search"]').fill('dang');
    const matching = conference.delegates.filter((delegate: any) =>
      fold(`${delegate.fullName} ${delegate.organization?.name ?? ''}`).includes('dang'),
    );
    expect(matching.length).toBeGreaterThan(0);
    expect(await textOf(table.getByTestId('table-count'))).toBe(`${matching.length} / 280 đại biểu`);
    expect(
      (await table.locator('tbody [data-field="name"]').allTextContents()).every((name) => fold(name).includes('dang')),
    ).toBe(true);
    expect(await table.locator('tbody [data-field="name"]').first().textContent()).toContain('Đặng');
    await table.locator('input[type="search"]').fill('');
    screenshots['Hội nghị'] = await screenshot(page, 'conference');
    await page.close();
  });

  it('the bloc lead creates and opens the pledge, a member signs and the board updates, the lead verifies every card and closes it', async () => {
    // Nội chính 2020: Bộ Công an leads; the seed has no pledge that year.
    const lead = await browser.newPage();
    await open(lead, '/khoi/NOI_CHINH_TW?nam=2020');
    expect(await lead.getByTestId('lead-panel').count()).toBe(0);
    await signInWithPicker(lead, 'ORG_OFFICER', 'BCA');
    const panel = lead.getByTestId('lead-panel');
    await panel.getByTestId('pledge-theme').fill('Đoàn kết, kỷ cương, hiệu quả (thử nghiệm)');
    const rows = panel.locator('[data-testid="create-pledge"] tbody tr');
    await rows.nth(0).locator('[name="title"]').fill('Hoàn thành nhiệm vụ chính trị');
    await rows.nth(0).locator('[name="maxScore"]').fill('60');
    await panel.locator('[data-action="add-item"]').click();
    await rows.nth(1).locator('[name="title"]').fill('Chuyển đổi số');
    await rows.nth(1).locator('[name="targetValue"]').fill('100');
    await rows.nth(1).locator('[name="unit"]').fill('%');
    await rows.nth(1).locator('[name="maxScore"]').fill('40');
    await panel.locator('[data-action="create"]').click();
    await lead.getByTestId('action-ok').waitFor();
    await settled(lead);
    expect(await textOf(lead.getByTestId('pledge-status'))).toBe('Đang soạn');
    await lead.locator('[data-action="open"]').click();
    await lead.getByTestId('action-ok').waitFor();
    await settled(lead);
    expect(await textOf(lead.getByTestId('pledge-status'))).toBe('Đang mở ký');
    let answer = (await gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2020 })).bloc;
    expect(answer.pledge).toMatchObject({ status: 'OPEN', theme: 'Đoàn kết, kỷ cương, hiệu quả (thử nghiệm)' });
    expect(answer.pledge.items).toEqual([
      { code: '1', title: 'Hoàn thành nhiệm vụ chính trị', targetValue: null, unit: null, maxScore: 60 },
      { code: '2', title: 'Chuyển đổi số', targetValue: 100, unit: '%', maxScore: 40 },
    ]);

    // A member's officer (another tab, its own session) signs for its own organization only.
    const member = await browser.newPage();
    await open(member, '/khoi/NOI_CHINH_TW?nam=2020');
    await signInWithPicker(member, 'ORG_OFFICER', 'BTP');
    expect(await member.getByTestId('lead-panel').count()).toBe(0);
    expect(await member.locator('[data-action="sign"]').count()).toBe(1);
    await member.locator('tr[data-member="BTP"] [data-action="sign"]').click();
    await member.getByTestId('action-ok').waitFor();
    await settled(member);
    answer = (await gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2020 })).bloc;
    expect(answer.pledge.signatures.map((signature: any) => signature.organization.code)).toEqual(['BTP']);
    expect(await textOf(member.locator('[data-kpi="signed"] .kpi-value'))).toBe(`1/${answer.members.length}`);
    expect(await textOf(member.locator('tr[data-member="BTP"] [data-field="signed"]'))).toMatch(/^✓ /);
    await lead.reload();
    await settled(lead);
    expect(await textOf(lead.locator('[data-kpi="signed"] .kpi-value'))).toBe(`1/${answer.members.length}`);

    // The other members sign, self-score and cross-score through the API (their own officers).
    const pledgeId = answer.pledge.id;
    const codes: string[] = answer.members.map((entry: any) => entry.organization.code);
    for (const code of codes.filter((code) => code !== 'BTP')) {
      dataOf(
        await stack.gql(
          contractOperation('SignPledge'),
          { input: { pledgeId, organizationCode: code } },
          { token: await stack.token('ORG_OFFICER', code) },
        ),
      );
    }
    for (const [index, code] of codes.entries()) {
      const scores = [
        { itemCode: '1', points: 60 - index },
        { itemCode: '2', points: 30 + (index % 3) * 5 },
      ];
      dataOf(
        await stack.gql(
          contractOperation('SubmitScorecard'),
          { input: { pledgeId, organizationCode: code, stage: 'SELF', scores } },
          { token: await stack.token('ORG_OFFICER', code) },
        ),
      );
      const scorer = codes[(index + 1) % codes.length]!;
      dataOf(
        await stack.gql(
          contractOperation('SubmitScorecard'),
          { input: { pledgeId, organizationCode: code, stage: 'CROSS', scores } },
          { token: await stack.token('ORG_OFFICER', scorer) },
        ),
      );
    }
    await lead.reload();
    await settled(lead);
    expect(await textOf(lead.getByTestId('pledge-status'))).toBe('Đã ký đủ');
    for (const code of codes) {
      if (code === 'BCA') {
        // Nobody verifies its own unit's card: without a deputy in 2020, the bloc's organizer does.
        expect(
          await textOf(lead.locator('[data-testid="verify-table"] tr[data-member="BCA"] [data-field="verifier"]')),
        ).toBe('do đơn vị tổ chức khối thẩm định');
        expect(
          await lead.locator('[data-testid="verify-table"] tr[data-member="BCA"] [data-action="verify"]').count(),
        ).toBe(0);
        const index = codes.indexOf(code);
        dataOf(
          await stack.gql(
            contractOperation('SubmitScorecard'),
            {
              input: {
                pledgeId,
                organizationCode: code,
                stage: 'VERIFIED',
                scores: [
                  { itemCode: '1', points: 60 - index },
                  { itemCode: '2', points: 30 + (index % 3) * 5 },
                ],
              },
            },
            { token: board },
          ),
        );
        continue;
      }
      await lead.locator(`[data-testid="verify-table"] tr[data-member="${code}"] [data-action="verify"]`).click();
      await lead.locator(`[data-testid="verify-form"][data-member="${code}"] [data-action="submit-verify"]`).click();
      await lead.getByTestId('action-ok').waitFor();
      await settled(lead);
      await lead
        .locator(`[data-testid="verify-table"] tr[data-member="${code}"] [data-field="verified"]`)
        .filter({ hasNotText: '·' })
        .waitFor();
    }
    await lead.locator('[data-action="close"]').click();
    await lead.getByTestId('action-ok').waitFor();
    await settled(lead);
    expect(await textOf(lead.getByTestId('pledge-status'))).toBe('Đã tổng kết');

    answer = (await gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2020 })).bloc;
    expect(answer.pledge.status).toBe('CLOSED');
    expect(answer.pledge.ranking).toHaveLength(codes.length);
    for (const entry of answer.pledge.ranking) {
      const row = lead.locator(`[data-testid="ranking-table"] tr[data-member="${entry.organization.code}"]`);
      expect(parseNumber(await textOf(row.locator('[data-field="rank"]')))).toBe(entry.rank);
      expect(parseNumber(await textOf(row.locator('[data-field="score"]')))).toBe(entry.totalScore);
      // Verified from the cross-scored card, unchanged: 60 − i + 30 + (i mod 3) × 5.
      const index = codes.indexOf(entry.organization.code);
      expect(entry.totalScore).toBe(60 - index + 30 + (index % 3) * 5);
    }

    // The bloc acclaims the first-ranked member as its leading unit (8 of 8 in favour).
    const first = answer.pledge.ranking.find((entry: any) => entry.rank === 1).organization;
    expect(await lead.getByTestId('vote-candidate').inputValue()).toBe(first.code);
    await lead.locator('[data-action="vote"]').click();
    await lead.getByTestId('action-ok').waitFor();
    await settled(lead);
    answer = (await gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2020 })).bloc;
    expect(answer.pledge.leadingUnit).toEqual({ code: first.code, name: first.name });
    expect(await textOf(lead.locator('[data-kpi="leading"] .kpi-value'))).toBe(first.name);
    // One standing acclamation: the form gives way to the result, which only the Central Board can annul.
    expect(await lead.getByTestId('vote-form').count()).toBe(0);
    expect(await textOf(lead.getByTestId('vote-standing'))).toContain(`suy tôn ${first.name} là đơn vị dẫn đầu`);
    expect(await lead.getByTestId('annul-form').count()).toBe(0);
    screenshots['Khối thi đua (Khối trưởng tổng kết)'] = await screenshot(lead, 'bloc-lead');

    const centralBoard = await browser.newPage();
    await open(centralBoard, '/khoi/NOI_CHINH_TW?nam=2020');
    await signInWithPicker(centralBoard, 'CENTRAL_BOARD');
    await centralBoard.getByTestId('annul-reason').fill('Biên bản biểu quyết ghi sai số thành viên dự họp');
    await centralBoard.locator('[data-action="annul"]').click();
    await centralBoard.getByTestId('action-ok').waitFor();
    await settled(centralBoard);
    expect(await textOf(centralBoard.locator('[data-testid="votes"] [data-field="annulled"]'))).toContain(
      'Biên bản biểu quyết ghi sai số thành viên dự họp',
    );
    expect(await textOf(centralBoard.locator('[data-kpi="leading"] .kpi-value'))).toBe('—');
    answer = (await gql(contractOperation('BlocBoard'), { code: 'NOI_CHINH_TW', year: 2020 })).bloc;
    expect(answer.pledge.leadingUnit).toBeNull();
    // After the annulment the bloc votes again: the lead has the form back.
    await lead.reload();
    await settled(lead);
    expect(await lead.getByTestId('vote-form').count()).toBe(1);
    await centralBoard.close();
    await member.close();
    await lead.close();
  });

  it('with the awards subgraph down, the pages show what they have and name what is missing', async () => {
    await stack.stopSubgraph('awards');
    try {
      const page = await browser.newPage();
      await open(page, '/khoi/NOI_CHINH_TW?nam=2024');
      const partial = page.getByTestId('partial');
      expect(await textOf(partial)).toContain(
        'Dịch vụ dữ liệu về khen thưởng và điều kiện khen thưởng tạm thời không phản hồi',
      );
      expect(await page.locator('[data-testid="ranking-table"] tbody tr').count()).toBe(8);
      expect(await textOf(page.locator('tr[data-member="BTP"] [data-field="grants"]'))).toBe('thiếu dữ liệu');
      expect(await textOf(page.locator('[data-kpi="signed"] .kpi-value'))).toBe('8/8');
      screenshots['Khối thi đua (dịch vụ khen thưởng ngừng)'] = await screenshot(page, 'bloc-board-awards-down');

      await open(page, '/?nam=2024');
      expect(await page.locator('[data-testid="blocs-table"] tbody tr[data-bloc]').count()).toBe(2);
      expect(await textOf(page.locator('[data-testid="awards-section"] [data-testid="partial"]'))).toContain(
        'Dịch vụ dữ liệu về khen thưởng',
      );
      await page.close();
    } finally {
      await stack.restartSubgraph('awards');
    }
  });

  it('loads nothing from beyond the gateway and breaks no rule of its Content Security Policy', () => {
    expect(browser.requests.length).toBeGreaterThan(0);
    expect(browser.requests.filter((url) => new URL(url).origin !== base)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
