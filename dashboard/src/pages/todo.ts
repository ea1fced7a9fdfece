/**
 * "Việc cần làm" for an officer of a unit, on the overview: the pledges to sign, the reports and the
 * scores due in the blocs its unit belongs to that year, oldest deadline first. The campaigns subgraph
 * computes the list from the data when the page asks (myPledgeTasks); nothing polls.
 */
import { query } from '../api';
import type { Session } from '../auth';
import { formatDate, formatNumber } from '../text';
import { badge, empty, h, link, problemsBanner, section } from '../ui';
import { MY_PLEDGE_TASKS } from './pledge-member.queries';
import { DUTY_KIND, periodText } from './pledge-member';

interface Task {
  kind: string;
  period: string | null;
  itemCodes: string[];
  dueOn: string;
  overdue: boolean;
  reminders: number;
  bloc: { code: string; name: string } | null;
  subject: { code: string; name: string } | null;
}

const TASK_TEXT: Record<string, string> = {
  SIGN: 'Ký giao ước',
  REPORT: 'Báo cáo tiến độ',
  SELF_SCORE: 'Tự chấm điểm',
  CROSS_SCORE: 'Chấm chéo',
};

/** The panel, or null when the caller is not an officer of a unit (the Board and the public have none). */
export async function todoPanel(session: Session | null, year: number): Promise<HTMLElement | null> {
  if (session?.role !== 'ORG_OFFICER') return null;
  const { data, errors } = await query<{ myPledgeTasks: Task[] | null }>(MY_PLEDGE_TASKS, { year });
  const tasks = data.myPledgeTasks ?? [];
  return section(
    'Việc cần làm',
    { 'data-testid': 'todo-panel' },
    problemsBanner(errors),
    tasks.length
      ? [
          h(
            'p',
            { class: 'hint' },
            `${formatNumber(tasks.length)} việc của giao ước thi đua năm ${year}; ${formatNumber(tasks.filter((task) => task.overdue).length)} việc đã quá hạn.`,
          ),
          h(
            'ul',
            { class: 'plain-list', 'data-testid': 'todo-list' },
            tasks.map((task) =>
              h(
                'li',
                { 'data-task': task.kind, 'data-bloc': task.bloc?.code ?? '' },
                task.bloc
                  ? link(
                      `/khoi/${encodeURIComponent(task.bloc.code)}?nam=${year}`,
                      `${TASK_TEXT[task.kind] ?? DUTY_KIND[task.kind]}${task.period ? ` ${periodText(task.period)}` : ''}${task.subject ? ` cho ${task.subject.name}` : ''}`,
                    )
                  : TASK_TEXT[task.kind],
                task.bloc ? ` — ${task.bloc.name}` : '',
                `, hạn ${formatDate(task.dueOn)} `,
                task.overdue ? badge('quá hạn', 'bad') : null,
                task.reminders ? [' ', badge(`Khối trưởng đã nhắc ${task.reminders} lần`, 'warn')] : null,
              ),
            ),
          ),
        ]
      : empty(`Đơn vị không còn việc nào của giao ước thi đua năm ${year}.`),
  );
}
