/**
 * The pledge year for members and the lead, clicked through in a real browser (one stack, one
 * Chromium for every step): the lead sees who has not signed and reminds them; the member finds it in
 * its "Việc cần làm", signs, reports a half-year (and corrects it) and scores itself with a
 * justification per item; the lead turns the cross-scoring rotation; the assigned member cross-scores
 * it; the lead verifies and closes; the member sees its verified score and rank. The other members'
 * steps go through the API with their own tokens. Screenshots go to test-artifacts/dashboard/.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { vietnamYear } from '@tdkt/subgraph-kit';
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

const YEAR = vietnamYear();
const BOARD_PATH = `/khoi/NOI_CHINH_TW?nam=${YEAR}`;
/** The bloc's order that year: lead, deputy, then by name (Bộ Công an, Bộ Tư pháp). */
const MEMBERS: [string, string][] = [
  ['TANDTC', 'LEAD'],
  ['VKSNDTC', 'DEPUTY'],
  ['BTP', 'MEMBER'],
  ['BCA', 'MEMBER'],
];
const ITEMS = [
  { code: '1', title: 'Hoàn thành xuất sắc nhiệm vụ chính trị', maxScore: 60 },
  { code: '2', title: 'Chuyển đổi số', targetValue: 100, unit: '%', maxScore: 40 },
];

describeInBrowser('the pledge year for members, in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  let base: string;
  let pledgeId: string;
  const officer: Record<string, string> = {};
  const screenshots: Record<string, string> = {};
  let lead: Page;
  let member: Page;

  const api = async (operation: string, input: Record<string, unknown>, token: string) =>
    dataOf(await stack.gql(contractOperation(operation), { input }, { token }));
  const score = (organizationCode: string, stage: string, token: string, points = [50, 30]) =>
    api(
      'SubmitScorecard',
      {
        pledgeId,
        organizationCode,
        stage,
        scores: ITEMS.map((item, index) => ({ itemCode: item.code, points: points[index] })),
      },
      token,
    );

  /** The message of the action just done (an earlier one may still be on the page elsewhere). */
  const done = (page: Page, text: string) => page.locator('[data-testid="action-ok"]', { hasText: text }).waitFor();

  async function open(page: Page, pathAndQuery: string): Promise<void> {
    await page.goto(`${base}${pathAndQuery}`);
    await settled(page);
  }

  beforeAll(async () => {
    if (!existsSync(path.join(DASHBOARD_DIST, 'index.html')))
      throw new Error('dashboard/dist is missing: run `npm run build` first (npm test does)');
    stack = await startStack();
    base = new URL(stack.gatewayUrl).origin;
    const board = await stack.token('CENTRAL_BOARD');
    for (const [code] of MEMBERS) officer[code] = await stack.token('ORG_OFFICER', code);
    await api(
      'SetBlocMembership',
      {
        blocCode: 'NOI_CHINH_TW',
        year: YEAR,
        members: MEMBERS.map(([organizationCode, role]) => ({ organizationCode, role })),
      },
      board,
    );
    pledgeId = (
      await api(
        'CreatePledge',
        { blocCode: 'NOI_CHINH_TW', year: YEAR, theme: 'Kỷ cương, trách nhiệm, hiệu quả', items: ITEMS },
        officer['TANDTC']!,
      )
    ).createPledge.id;
    dataOf(await stack.gql(contractOperation('OpenPledge'), { id: pledgeId }, { token: officer['TANDTC']! }));
    for (const code of ['TANDTC', 'VKSNDTC', 'BCA'])
      await api('SignPledge', { pledgeId, organizationCode: code }, officer[code]!);
    browser = await launchChromium();
    lead = await browser.newPage();
    member = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    if (Object.keys(screenshots).length)
      console.log(
        `pledge-year screenshots:\n${Object.entries(screenshots)
          .map(([page, file]) => `  ${page}: ${file}`)
          .join('\n')}`,
      );
  });

  it('the lead sees who has not signed, reported or scored, and reminds Bộ Tư pháp to sign', async () => {
    await open(lead, BOARD_PATH);
    await signInWithPicker(lead, 'ORG_OFFICER', 'TANDTC');
    await lead.getByTestId('follow-up-panel').waitFor();
    const signRow = lead.locator('[data-testid="missing-table"] tr[data-member="BTP"][data-duty="SIGN"]');
    expect(await signRow.count()).toBe(1);
    // Everyone still owes reports and scores; only BTP owes a signature.
    expect(await lead.locator('[data-testid="missing-table"] tr[data-duty="SIGN"]').count()).toBe(1);
    expect(await lead.locator('[data-testid="missing-table"] tr[data-duty="SELF_SCORE"]').count()).toBe(4);
    expect(await textOf(signRow.locator('[data-field="reminded"]'))).toBe('chưa');
    await signRow.locator('[data-action="remind"]').click();
    await done(lead, 'Đã ghi lời nhắc Bộ Tư pháp: chưa ký giao ước');
    expect(
      await textOf(
        lead.locator('[data-testid="missing-table"] tr[data-member="BTP"][data-duty="SIGN"] [data-field="reminded"]'),
      ),
    ).toMatch(/^1 lần/);
    // The bloc's own date for the six-month report, in place of the usual one.
    await lead.getByTestId('deadline-kind').selectOption('REPORT_H1');
    await lead.getByTestId('deadline-date').fill(`${YEAR}-07-31`);
    await lead.locator('[data-action="set-deadline"]').click();
    await done(lead, 'Đã đặt hạn báo cáo sơ kết 6 tháng');
    expect(
      await textOf(
        lead.locator('[data-testid="follow-up-panel"] [data-testid="deadlines"] li[data-deadline="REPORT_H1"]'),
      ),
    ).toBe(`Báo cáo sơ kết 6 tháng (6 tháng đầu năm ${YEAR}): 31/07/${YEAR}`);
    screenshots['lead follow-up'] = await screenshot(lead, 'pledge-lead-follow-up');
  });

  it('the member finds the reminder in its to-do, signs, reports the half-year, corrects it and scores itself', async () => {
    await open(member, `/?nam=${YEAR}`);
    await signInWithPicker(member, 'ORG_OFFICER', 'BTP');
    await member.getByTestId('todo-panel').waitFor();
    const signTask = member.locator('[data-testid="todo-list"] li[data-task="SIGN"]');
    expect(await textOf(signTask)).toContain('Khối trưởng đã nhắc 1 lần');
    screenshots['member to-do'] = await screenshot(member, 'pledge-member-todo');
    await signTask.locator('a').click();
    await settled(member);
    await member.locator('tr[data-member="BTP"] [data-action="sign"]').click();
    await done(member, 'Bộ Tư pháp đã ký giao ước');
    await settled(member);

    const panel = member.getByTestId('member-panel');
    await panel.waitFor();
    expect(await textOf(member.getByTestId('cross-pair'))).toContain('Đơn vị chấm bạn: Tòa án nhân dân tối cao.');
    const report = async (itemCode: string, value: string) => {
      await member.getByTestId('report-item').selectOption(itemCode);
      await member.getByTestId('report-period').selectOption(`${YEAR}-H1`);
      await member.getByTestId('report-value').fill(value);
      await member.locator('[data-action="report"]').click();
      await done(member, `nội dung ${itemCode}: ${value}.`);
    };
    await report('1', '40');
    await report('2', '55');
    await report('2', '60'); // a correction: the earlier figure stays in the history
    const history = member.getByTestId('own-history');
    expect(await history.locator(`tr[data-period="${YEAR}-H1"]`).count()).toBe(3);
    expect(await textOf(history.locator(`tr[data-period="${YEAR}-H1"][data-item="2"]`).first())).toContain(
      'đính chính lần 1',
    );

    const form = member.getByTestId('self-score-form');
    await form.locator('[name="points-1"]').fill('55');
    await form.locator('[name="reason-1"]').fill('Hoàn thành 100 % kế hoạch công tác');
    await form.locator('[name="points-2"]').fill('36');
    await form.locator('[name="reason-2"]').fill('Số hóa 60 % hồ sơ trong 6 tháng đầu năm');
    await form.locator('[data-action="self-score"]').click();
    await done(member, 'Đã lưu phiếu tự chấm');
    const card = dataOf(
      await stack.gql(
        `query($id: ID!) { pledge(id: $id) { scorecards(stage: SELF) { organization { code } totalScore scores { itemCode justification } } progress(period: "${YEAR}-H1") { value item { code } organization { code } } } }`,
        { id: pledgeId },
        { token: officer['BTP'] },
      ),
    ).pledge;
    expect(card.scorecards.find((entry: any) => entry.organization.code === 'BTP')).toMatchObject({
      totalScore: 91,
      scores: [
        { itemCode: '1', justification: 'Hoàn thành 100 % kế hoạch công tác' },
        { itemCode: '2', justification: 'Số hóa 60 % hồ sơ trong 6 tháng đầu năm' },
      ],
    });
    expect(
      card.progress.filter((row: any) => row.organization.code === 'BTP').map((row: any) => [row.item.code, row.value]),
    ).toEqual([
      ['1', 40],
      ['2', 60],
    ]);
    screenshots['member report and self-score'] = await screenshot(member, 'pledge-member-panel');
  });

  it('the lead turns the rotation, and the assigned member cross-scores Bộ Tư pháp', async () => {
    await open(lead, BOARD_PATH);
    await lead.getByTestId('follow-up-panel').waitFor();
    await lead.getByTestId('rotation-shift').selectOption('2');
    await lead.locator('[data-action="rotate"]').click();
    await done(lead, 'Đã đổi phân công chấm chéo');
    expect(await textOf(lead.locator('[data-testid="cross-pairs"] li[data-subject="BTP"]'))).toBe(
      'Viện kiểm sát nhân dân tối cao chấm Bộ Tư pháp',
    );

    const scorer = await browser.newPage();
    await open(scorer, BOARD_PATH);
    await signInWithPicker(scorer, 'ORG_OFFICER', 'VKSNDTC');
    const form = scorer.getByTestId('cross-score-form');
    await form.waitFor();
    // The member's own justifications are there to read before scoring.
    expect(await textOf(scorer.getByTestId('subject-self-card'))).toContain('Hoàn thành 100 % kế hoạch công tác');
    await form.locator('[name="points-1"]').fill('52');
    await form.locator('[name="reason-1"]').fill('Đúng như báo cáo, có minh chứng');
    await form.locator('[name="points-2"]').fill('34');
    await form.locator('[name="reason-2"]').fill('Chỉ tiêu số hóa chưa đạt');
    await form.locator('[data-action="cross-score"]').click();
    await done(scorer, 'Đã lưu phiếu chấm chéo cho Bộ Tư pháp');
    screenshots['cross-score'] = await screenshot(scorer, 'pledge-member-cross-score');
    await scorer.close();
  });

  it('the lead verifies and closes; the member sees its verified score and its rank', async () => {
    // The other members' cards through the API, each cross-scored by the member the rotation of 2 names.
    const { pledge } = dataOf(
      await stack.gql(
        `query($id: ID!) { pledge(id: $id) { crossScoring { scorer { code } subject { code } } } }`,
        { id: pledgeId },
        { token: officer['TANDTC'] },
      ),
    );
    const scorerOf = new Map<string, string>(
      pledge.crossScoring.map((pair: any) => [pair.subject.code, pair.scorer.code]),
    );
    for (const [code] of MEMBERS.filter(([code]) => code !== 'BTP')) {
      await score(code, 'SELF', officer[code]!);
      await score(code, 'CROSS', officer[scorerOf.get(code)!]!);
      await score(code, 'VERIFIED', code === 'TANDTC' ? officer['VKSNDTC']! : officer['TANDTC']!);
    }

    await open(lead, BOARD_PATH);
    await lead.locator('[data-testid="verify-table"] tr[data-member="BTP"] [data-action="verify"]').click();
    await lead.locator('[data-testid="verify-form"] [data-action="submit-verify"]').click();
    await done(lead, 'Đã lưu điểm thẩm định của Bộ Tư pháp');
    await settled(lead);
    expect(await textOf(lead.getByTestId('pledge-status'))).toBe('Đã ký đủ');
    await lead.locator('[data-action="close"]').click();
    await done(lead, 'Đã tổng kết giao ước');
    await settled(lead);
    expect(await textOf(lead.getByTestId('pledge-status'))).toBe('Đã tổng kết');

    await open(member, BOARD_PATH);
    await member.getByTestId('member-panel').waitFor();
    // Verified from the cross-score (52 + 34); the others' 80 put BTP first.
    expect(await textOf(member.locator('[data-testid="own-verified-card"] [data-field="total"]'))).toBe('86 điểm');
    expect(await textOf(member.getByTestId('own-rank'))).toBe('Xếp hạng khi tổng kết: hạng 1/4 với 86 điểm.');
    expect(await member.getByTestId('report-form').count()).toBe(0);
    screenshots['member result'] = await screenshot(member, 'pledge-member-result');
    expect(browser.problems).toEqual([]);
  });
});
