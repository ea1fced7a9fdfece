/**
 * The lead's follow-up of the pledge year, on the bloc board: who has not signed, reported or scored
 * (computed by the campaigns subgraph from the data), a "Nhắc" (remind) button per missing task — the
 * reminder is recorded, no e-mail is sent — and who cross-scores whom, with the rotation the lead may
 * turn.
 */
import type { PageContext } from '../main';
import { mutate, type GqlError } from '../api';
import { formatDate, formatDateTime, formatNumber } from '../text';
import { badge, dataTable, empty, h, problemsBanner, section } from '../ui';
import { REMIND_PLEDGE_MEMBER, SET_CROSS_SCORE_ROTATION, SET_PLEDGE_DEADLINE } from './pledge-member.queries';
import {
  DEADLINE_KIND,
  DUTY_KIND,
  actionArea,
  deadlineList,
  periodText,
  readWork,
  run,
  type Duty,
} from './pledge-member';

export async function followUpPanel(context: PageContext, blocCode: string, year: number): Promise<HTMLElement | null> {
  const { data, errors } = await readWork(blocCode, year);
  const work = data.bloc?.pledge;
  if (!work || (work.status !== 'OPEN' && work.status !== 'SIGNED')) return null;
  const area = actionArea();
  const duties = work.outstanding ?? [];
  const reminders = work.reminders ?? [];
  const remindersOf = (duty: Duty) =>
    reminders.filter(
      (reminder) =>
        reminder.organization.code === duty.organization.code &&
        reminder.kind === duty.kind &&
        (reminder.period ?? null) === (duty.kind === 'REPORT' ? duty.period : null),
    );
  const members = new Set(duties.map((duty) => duty.organization.code));

  const remindButton = (duty: Duty) => {
    const button = h('button', { type: 'button', class: 'button-small', 'data-action': 'remind' }, 'Nhắc');
    button.addEventListener(
      'click',
      () =>
        void run(
          context,
          area,
          button,
          `Đã ghi lời nhắc ${duty.organization.name}: ${DUTY_KIND[duty.kind]!.toLowerCase()}${duty.period ? ` ${periodText(duty.period)}` : ''}.`,
          () =>
            mutate(REMIND_PLEDGE_MEMBER, {
              input: {
                pledgeId: work.id,
                organizationCode: duty.organization.code,
                kind: duty.kind,
                period: duty.kind === 'REPORT' ? duty.period : null,
              },
            }),
        ),
    );
    return button;
  };

  const shift = h(
    'select',
    { name: 'shift', 'data-testid': 'rotation-shift' },
    Array.from({ length: Math.max(0, (work.crossScoring?.length ?? 0) - 1) }, (_, index) =>
      h('option', { value: index + 1, selected: index + 1 === work.crossScoreShift }, `xoay ${index + 1}`),
    ),
  );
  const turn = h('button', { type: 'button', 'data-action': 'rotate' }, 'Đổi phân công');
  turn.addEventListener(
    'click',
    () =>
      void run(context, area, turn, 'Đã đổi phân công chấm chéo.', () =>
        mutate(SET_CROSS_SCORE_ROTATION, { input: { pledgeId: work.id, shift: Number(shift.value) } }),
      ),
  );

  // The bloc's own dates (its Quy chế hoạt động); a kind left alone keeps the year's usual date.
  const kind = h(
    'select',
    { name: 'deadline-kind', 'data-testid': 'deadline-kind' },
    work.deadlines.map((deadline) => h('option', { value: deadline.kind }, DEADLINE_KIND[deadline.kind] ?? '')),
  );
  const dueOn = h('input', { type: 'date', name: 'due-on', required: true, 'data-testid': 'deadline-date' });
  const setDeadline = h('button', { type: 'button', 'data-action': 'set-deadline' }, 'Đặt hạn');
  setDeadline.addEventListener(
    'click',
    () =>
      void run(context, area, setDeadline, `Đã đặt hạn ${(DEADLINE_KIND[kind.value] ?? '').toLowerCase()}.`, () =>
        mutate(SET_PLEDGE_DEADLINE, { input: { pledgeId: work.id, kind: kind.value, dueOn: dueOn.value } }),
      ),
  );

  return section(
    `Theo dõi thành viên năm ${year}`,
    { class: 'card card-action', 'data-testid': 'follow-up-panel' },
    problemsBanner(errors as GqlError[]),
    area,
    h(
      'p',
      { 'data-testid': 'follow-up-summary' },
      duties.length
        ? `${formatNumber(members.size)} đơn vị còn ${formatNumber(duties.length)} việc chưa làm; ${formatNumber(duties.filter((duty) => duty.overdue).length)} việc đã quá hạn.`
        : 'Mọi thành viên đã ký, báo cáo và chấm điểm đủ.',
    ),
    duties.length
      ? dataTable({
          testId: 'missing-table',
          noun: 'việc',
          rows: duties,
          pageSize: 50,
          rowProps: (duty) => ({ 'data-member': duty.organization.code, 'data-duty': duty.kind }),
          columns: [
            { title: 'Đơn vị', cell: (duty) => duty.organization.name },
            {
              title: 'Còn thiếu',
              cell: (duty) =>
                `${DUTY_KIND[duty.kind]}${duty.period ? ` ${periodText(duty.period)}` : ''}${duty.kind === 'REPORT' && duty.itemCodes.length ? ` (nội dung ${duty.itemCodes.join(', ')})` : ''}${duty.subject ? ` cho ${duty.subject.name}` : ''}`,
            },
            {
              title: 'Hạn',
              cell: (duty) => [formatDate(duty.dueOn), duty.overdue ? [' ', badge('quá hạn', 'bad')] : null],
            },
            {
              title: 'Đã nhắc',
              cell: (duty) => {
                const sent = remindersOf(duty);
                return h(
                  'span',
                  { 'data-field': 'reminded' },
                  sent.length ? `${sent.length} lần, gần nhất ${formatDateTime(sent[0]!.remindedAt)}` : 'chưa',
                );
              },
            },
            { title: '', cell: (duty) => remindButton(duty) },
          ],
        })
      : empty('Không còn việc nào chưa làm.'),
    h('h3', null, 'Phân công chấm chéo'),
    work.crossScoring?.length
      ? h(
          'ul',
          { class: 'plain-list', 'data-testid': 'cross-pairs' },
          work.crossScoring.map((pair) =>
            h('li', { 'data-subject': pair.subject.code }, `${pair.scorer.name} chấm ${pair.subject.name}`),
          ),
        )
      : empty('Khối chưa đủ thành viên để chấm chéo.'),
    h('div', { class: 'row' }, h('label', null, 'Bước xoay vòng ', shift), turn),
    h('h3', null, 'Hạn của khối'),
    deadlineList(work),
    h('div', { class: 'row' }, h('label', null, 'Hạn ', kind), h('label', null, 'Ngày ', dueOn), setDeadline),
  );
}
