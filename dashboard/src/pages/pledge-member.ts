/**
 * The pledge year for a member's officer, on the bloc board: the bloc's deadlines, reporting progress
 * per item and period (the six-month review first), its own history with corrections, self-scoring
 * with a short justification per item, cross-scoring the member the bloc's rotation assigns (who scores
 * whom is shown), and the verification and the final ranking once there.
 */
import type { PageContext } from '../main';
import { mutate, query, type GqlError } from '../api';
import { SCORECARD_STAGE, label } from '../labels';
import { formatDate, formatDateTime, formatNumber, formatPeriod, nfc } from '../text';
import { badge, dataTable, definitionList, empty, flash, h, problemsBanner, section } from '../ui';
import { PLEDGE_YEAR_WORK, REPORT_PLEDGE_PROGRESS, SUBMIT_SCORECARD_WITH_REASONS } from './pledge-member.queries';

interface Unit {
  code: string;
  name: string;
}

export interface WorkScorecard {
  stage: string;
  totalScore: number;
  bonus: number;
  penalty: number;
  submittedAt: string;
  scores: { itemCode: string; points: number; justification: string | null }[];
  organization: Unit;
  scoredBy: Unit | null;
}

export interface Duty {
  kind: string;
  period: string | null;
  itemCodes: string[];
  dueOn: string;
  overdue: boolean;
  organization: Unit;
  subject: Unit | null;
}

export interface PledgeWork {
  id: string;
  year: number;
  status: string;
  crossScoreShift: number;
  items: { code: string; title: string; targetValue: number | null; unit: string | null; maxScore: number }[];
  deadlines: { kind: string; period: string | null; dueOn: string; isDefault: boolean }[];
  crossScoring: { scorer: Unit; subject: Unit }[] | null;
  progressHistory:
    | {
        period: string;
        revision: number;
        value: number;
        note: string | null;
        reportedAt: string;
        item: { code: string } | null;
        organization: { code: string };
      }[]
    | null;
  scorecards: WorkScorecard[] | null;
  outstanding: Duty[] | null;
  reminders:
    { id: string; kind: string; period: string | null; remindedAt: string; organization: { code: string } }[] | null;
  ranking: { rank: number; totalScore: number; organization: Unit }[];
}

export const DEADLINE_KIND: Record<string, string> = {
  SIGN: 'Ký giao ước',
  REPORT_H1: 'Báo cáo sơ kết 6 tháng',
  REPORT_YEAR: 'Báo cáo cả năm',
  SELF_SCORE: 'Tự chấm điểm',
  CROSS_SCORE: 'Chấm chéo',
  VERIFY: 'Khối thẩm định điểm',
};

export const DUTY_KIND: Record<string, string> = {
  SIGN: 'Chưa ký giao ước',
  REPORT: 'Chưa báo cáo tiến độ',
  SELF_SCORE: 'Chưa tự chấm điểm',
  CROSS_SCORE: 'Chưa chấm chéo',
};

/** A period as officers say it; none for a missing one. */
export function periodText(period: string | null): string {
  return period ? formatPeriod(period) : '';
}

/** Every period of the year, the six-month review first (the usual rhythm). */
function periodsOf(year: number): [string, string][] {
  const periods = [`${year}-H1`, `${year}`, `${year}-H2`, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`)];
  for (let month = 1; month <= 12; month += 1) periods.push(`${year}-${String(month).padStart(2, '0')}`);
  return periods.map((period) => [period, periodText(period)]);
}

export function readWork(code: string, year: number) {
  return query<{ bloc: { pledge: PledgeWork | null } | null }>(PLEDGE_YEAR_WORK, { code, year });
}

/** A message carried across the re-render that follows an action of these panels. */
let pending: { text: string; tone: 'good' | 'bad' } | null = null;

/** Runs an action; on success the page is drawn again with the message, on refusal the message stays here. */
export async function run(
  context: PageContext,
  area: HTMLElement,
  button: HTMLButtonElement | null,
  success: string,
  action: () => Promise<unknown>,
): Promise<void> {
  if (button) button.disabled = true;
  area.replaceChildren();
  try {
    await action();
    pending = { text: success, tone: 'good' };
    context.refresh();
  } catch (error) {
    flash(area, error instanceof Error ? error.message : String(error), 'bad');
    if (button) button.disabled = false;
  }
}

/** The action area of a panel, with the message of the last action if any. */
export function actionArea(): HTMLElement {
  const area = h('div', { class: 'action-area', 'aria-live': 'polite' });
  if (pending) {
    flash(area, pending.text, pending.tone);
    pending = null;
  }
  return area;
}

export function deadlineList(work: PledgeWork): HTMLElement {
  return h(
    'ul',
    { class: 'plain-list', 'data-testid': 'deadlines' },
    work.deadlines.map((deadline) =>
      h(
        'li',
        { 'data-deadline': deadline.kind },
        `${DEADLINE_KIND[deadline.kind] ?? deadline.kind}${deadline.period ? ` (${periodText(deadline.period)})` : ''}: `,
        h('strong', null, formatDate(deadline.dueOn)),
        deadline.isDefault ? h('span', { class: 'muted small' }, ' (hạn mặc định)') : '',
      ),
    ),
  );
}

function reportForm(context: PageContext, area: HTMLElement, work: PledgeWork, code: string): HTMLElement {
  const item = h(
    'select',
    { name: 'item', 'data-testid': 'report-item' },
    work.items.map((entry) => h('option', { value: entry.code }, `${entry.code}. ${entry.title}`)),
  );
  const period = h(
    'select',
    { name: 'period', 'data-testid': 'report-period' },
    periodsOf(work.year).map(([value, text]) => h('option', { value }, text)),
  );
  const value = h('input', {
    type: 'number',
    step: 'any',
    name: 'value',
    required: true,
    'data-testid': 'report-value',
  });
  const note = h('input', { name: 'note', placeholder: 'Ghi chú (không bắt buộc)', 'data-testid': 'report-note' });
  const submit = h('button', { type: 'submit', class: 'button-primary', 'data-action': 'report' }, 'Gửi báo cáo');
  const form = h(
    'form',
    { class: 'stack', 'data-testid': 'report-form' },
    h(
      'p',
      { class: 'hint' },
      'Báo cáo lại cùng nội dung và kỳ là đính chính: số mới thay số cũ, số cũ vẫn giữ trong lịch sử.',
    ),
    h(
      'div',
      { class: 'row' },
      h('label', null, 'Nội dung ', item),
      h('label', null, 'Kỳ ', period),
      h('label', null, 'Giá trị ', value),
    ),
    h('label', null, 'Ghi chú ', note),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(
      context,
      area,
      submit,
      `Đã gửi báo cáo ${periodText(period.value)}, nội dung ${item.value}: ${value.value}.`,
      () =>
        mutate(REPORT_PLEDGE_PROGRESS, {
          input: {
            pledgeId: work.id,
            organizationCode: code,
            itemCode: item.value,
            period: period.value,
            value: Number(value.value),
            note: note.value.trim() ? nfc(note.value) : null,
          },
        }),
    );
  });
  return form;
}

function historyTable(work: PledgeWork, code: string): HTMLElement {
  const rows = (work.progressHistory ?? []).filter((row) => row.organization.code === code);
  if (!rows.length) return empty('Đơn vị chưa báo cáo tiến độ lần nào.');
  return dataTable({
    testId: 'own-history',
    noun: 'lần báo cáo',
    rows: [...rows].sort((a, b) => b.reportedAt.localeCompare(a.reportedAt)),
    pageSize: 20,
    rowProps: (row) => ({ 'data-period': row.period, 'data-item': row.item?.code ?? '' }),
    columns: [
      { title: 'Kỳ', cell: (row) => periodText(row.period) },
      { title: 'Nội dung', cell: (row) => row.item?.code ?? '—' },
      { title: 'Giá trị', numeric: true, cell: (row) => formatNumber(row.value) },
      {
        title: 'Lần',
        cell: (row) => (row.revision > 1 ? badge(`đính chính lần ${row.revision - 1}`, 'warn') : 'báo cáo đầu'),
      },
      { title: 'Ghi chú', cell: (row) => row.note ?? '' },
      { title: 'Thời điểm', cell: (row) => formatDateTime(row.reportedAt) },
    ],
  });
}

/** A scorecard form: points per item with a short justification each (required here). */
function scoreForm(
  context: PageContext,
  area: HTMLElement,
  work: PledgeWork,
  subject: Unit,
  stage: 'SELF' | 'CROSS',
  basis: WorkScorecard | undefined,
): HTMLElement {
  const rows = work.items.map((item) => {
    const earlier = basis?.scores.find((score) => score.itemCode === item.code);
    return {
      item,
      points: h('input', {
        type: 'number',
        step: 'any',
        min: '0',
        max: String(item.maxScore),
        required: true,
        name: `points-${item.code}`,
        value: earlier ? String(earlier.points) : '',
        'aria-label': `Điểm nội dung ${item.code}`,
      }),
      reason: h('input', {
        name: `reason-${item.code}`,
        required: true,
        maxlength: '1000',
        value: earlier?.justification ?? '',
        placeholder: 'Giải trình ngắn, minh chứng',
        'aria-label': `Giải trình nội dung ${item.code}`,
      }),
    };
  });
  const what = stage === 'SELF' ? 'tự chấm' : `chấm chéo cho ${subject.name}`;
  const submit = h(
    'button',
    { type: 'submit', class: 'button-primary', 'data-action': stage === 'SELF' ? 'self-score' : 'cross-score' },
    stage === 'SELF' ? 'Lưu phiếu tự chấm' : 'Lưu phiếu chấm chéo',
  );
  const form = h(
    'form',
    { class: 'stack', 'data-testid': stage === 'SELF' ? 'self-score-form' : 'cross-score-form' },
    h(
      'table',
      { class: 'data compact' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['Nội dung', 'Tối đa', 'Điểm', 'Giải trình'].map((title) => h('th', { scope: 'col' }, title)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map(({ item, points, reason }) =>
          h(
            'tr',
            { 'data-item': item.code },
            h('td', null, `${item.code}. ${item.title}`),
            h('td', { class: 'num' }, formatNumber(item.maxScore)),
            h('td', null, points),
            h('td', null, reason),
          ),
        ),
      ),
    ),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(context, area, submit, `Đã lưu phiếu ${what}.`, () =>
      mutate(SUBMIT_SCORECARD_WITH_REASONS, {
        input: {
          pledgeId: work.id,
          organizationCode: subject.code,
          stage,
          scores: rows.map(({ item, points, reason }) => ({
            itemCode: item.code,
            points: Number(points.value),
            justification: nfc(reason.value.trim()),
          })),
        },
      }),
    );
  });
  return form;
}

/** One card read-only: total, and each item's points with the scorer's justification. */
export function cardView(card: WorkScorecard | undefined, work: PledgeWork, testId: string): HTMLElement | null {
  if (!card) return null;
  return h(
    'div',
    { class: 'stack', 'data-testid': testId },
    h(
      'p',
      null,
      `${label(SCORECARD_STAGE, card.stage)}: `,
      h('strong', { 'data-field': 'total' }, `${formatNumber(card.totalScore)} điểm`),
      card.scoredBy ? ` — do ${card.scoredBy.name} chấm` : '',
      `, ${formatDateTime(card.submittedAt)}`,
    ),
    h(
      'ul',
      { class: 'plain-list small' },
      work.items.map((item) => {
        const score = card.scores.find((entry) => entry.itemCode === item.code);
        return h(
          'li',
          null,
          `${item.code}: ${score ? formatNumber(score.points) : '·'}/${formatNumber(item.maxScore)}`,
          score?.justification ? h('span', { class: 'muted' }, ` — ${score.justification}`) : '',
        );
      }),
    ),
  );
}

/**
 * The member's own panel on the bloc board. `code`: the member the signed-in officer acts for.
 * Drawn after the board; reads the pledge's working data in one request.
 */
export async function memberPanel(
  context: PageContext,
  blocCode: string,
  year: number,
  member: Unit,
): Promise<HTMLElement | null> {
  const { data, errors } = await readWork(blocCode, year);
  const work = data.bloc?.pledge;
  if (!work || work.status === 'DRAFT') return null;
  const area = actionArea();
  const running = work.status === 'OPEN' || work.status === 'SIGNED';
  const cards = (work.scorecards ?? []).filter((card) => card.organization.code === member.code);
  const card = (stage: string) => cards.find((entry) => entry.stage === stage);
  const assignment = work.crossScoring?.find((entry) => entry.scorer.code === member.code);
  const scoredBy = work.crossScoring?.find((entry) => entry.subject.code === member.code)?.scorer;
  const crossCard = assignment
    ? (work.scorecards ?? []).find(
        (entry) => entry.organization.code === assignment.subject.code && entry.stage === 'CROSS',
      )
    : undefined;
  const subjectVerified = assignment
    ? (work.scorecards ?? []).some(
        (entry) => entry.organization.code === assignment.subject.code && entry.stage === 'VERIFIED',
      )
    : false;
  const owed = (work.outstanding ?? []).filter((duty) => duty.organization.code === member.code);
  const rank = work.ranking.find((entry) => entry.organization.code === member.code);
  const verified = card('VERIFIED');

  const panel = section(
    `Việc của ${member.name} trong giao ước năm ${year}`,
    { class: 'card card-action', 'data-testid': 'member-panel' },
    problemsBanner(errors as GqlError[]),
    area,
    definitionList([
      [
        'Còn phải làm',
        owed.length
          ? h(
              'ul',
              { class: 'plain-list', 'data-testid': 'member-owed' },
              owed.map((duty) =>
                h(
                  'li',
                  { 'data-duty': duty.kind },
                  `${DUTY_KIND[duty.kind]}${duty.period ? ` ${periodText(duty.period)}` : ''}${duty.subject ? ` cho ${duty.subject.name}` : ''} — hạn ${formatDate(duty.dueOn)} `,
                  duty.overdue ? badge('quá hạn', 'bad') : null,
                ),
              ),
            )
          : h('span', { 'data-testid': 'member-owed' }, running ? 'Đã làm đủ các việc của năm.' : '—'),
      ],
      ['Hạn của khối', deadlineList(work)],
      [
        'Chấm chéo',
        h(
          'span',
          { 'data-testid': 'cross-pair' },
          assignment ? `Đơn vị bạn chấm: ${assignment.subject.name}. ` : '',
          scoredBy ? `Đơn vị chấm bạn: ${scoredBy.name}.` : '',
        ),
      ],
    ]),
  );

  if (running) {
    panel.append(h('h3', null, 'Báo cáo tiến độ'), reportForm(context, area, work, member.code));
  }
  panel.append(h('h3', null, 'Lịch sử báo cáo của đơn vị'), historyTable(work, member.code));

  panel.append(h('h3', null, 'Tự chấm điểm'));
  if (running && !verified) panel.append(scoreForm(context, area, work, member, 'SELF', card('SELF')));
  else panel.append(cardView(card('SELF'), work, 'own-self-card') ?? empty('Không có phiếu tự chấm.'));

  if (assignment) {
    panel.append(h('h3', null, `Chấm chéo: ${assignment.subject.name}`));
    const subjectSelf = (work.scorecards ?? []).find(
      (entry) => entry.organization.code === assignment.subject.code && entry.stage === 'SELF',
    );
    if (running && !subjectVerified && subjectSelf)
      panel.append(
        cardView(subjectSelf, work, 'subject-self-card')!,
        scoreForm(context, area, work, assignment.subject, 'CROSS', crossCard),
      );
    else if (running && !subjectSelf)
      panel.append(empty(`${assignment.subject.name} chưa tự chấm; chấm chéo sau khi đơn vị tự chấm.`));
    else panel.append(cardView(crossCard, work, 'given-cross-card') ?? empty('Không có phiếu chấm chéo.'));
  }

  panel.append(h('h3', null, 'Kết quả thẩm định và xếp hạng'));
  panel.append(
    cardView(card('CROSS'), work, 'own-cross-card') ?? '',
    cardView(verified, work, 'own-verified-card') ?? empty('Khối chưa thẩm định điểm của đơn vị.'),
    rank
      ? h(
          'p',
          { 'data-testid': 'own-rank' },
          `Xếp hạng khi tổng kết: hạng ${formatNumber(rank.rank)}/${formatNumber(work.ranking.length)} với ${formatNumber(rank.totalScore)} điểm.`,
        )
      : h('p', { class: 'muted' }, 'Xếp hạng có khi Khối trưởng tổng kết giao ước.'),
  );
  return panel;
}
