/**
 * Hồ sơ đề nghị: the nominations waiting on the signed-in officer's unit (the Central Board: the
 * national queue), oldest first, with counts by status, the clock on each (days left, or days late —
 * overdue files stand out) and the next action. Opening one shows its route and history (who, when,
 * why, from which level to which) and, to the level that holds it, the actions it may take: submit,
 * forward one level up, return one level down with a reason. Levels below the holder only read.
 */
import type { PageContext } from '../main';
import { mutate, query, wholeData } from '../api';
import { formatDate, formatDateTime, formatNumber } from '../text';
import { badge, dataTable, definitionList, empty, flash, h, kpi, link, section, type Child } from '../ui';
import { fill, pageHeader } from './common';

const STATUS: Record<string, string> = {
  DRAFT: 'Đang soạn',
  SUBMITTED: 'Đã trình',
  RETURNED: 'Bị trả lại',
  COUNCIL_REVIEW: 'Hội đồng đang xét',
  APPROVED: 'Hội đồng đã thông qua',
  REJECTED: 'Không được thông qua',
  DECIDED: 'Đã có quyết định',
  WITHDRAWN: 'Đã rút',
};
const LEVEL: Record<string, string> = {
  UNIT: 'Đơn vị trình',
  MINISTRY_OR_PROVINCE: 'Bộ, ban, ngành, tỉnh',
  CENTRAL_BOARD: 'Ban TĐKT Trung ương (thẩm định)',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  PRESIDENT: 'Chủ tịch nước',
};
const NEXT: Record<string, string> = {
  SUBMIT: 'Trình hồ sơ',
  REVIEW: 'Đưa ra Hội đồng xét',
  FORWARD: 'Chuyển lên cấp trên',
  RETURN: 'Trả lại hồ sơ',
  DECIDE: 'Trình ký quyết định',
};
const OPEN = ['DRAFT', 'SUBMITTED', 'RETURNED', 'COUNCIL_REVIEW', 'APPROVED'];

const ITEM = `id year status holderLevel nextAction heldByCaller holderSince
  awardType { code name }
  person { fullName }
  organization { code name }
  proposedBy { code name }
  deadline { label dueOn countsWorkingDays daysLeft daysLate overdue }`;

export const NOMINATION_INBOX = `query NominationInbox($filter: NominationInboxFilter, $first: Int, $after: String) {
  nominationInbox(filter: $filter, first: $first, after: $after) {
    totalCount
    countsByStatus { status count }
    edges { node { ${ITEM} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const NOMINATION_FILE = `query NominationFile($id: ID!) {
  nomination(id: $id) {
    ${ITEM}
    route { level label organization { code name } }
    eligibility { eligible reasons { message } }
    history { fromStatus toStatus fromLevel toLevel at byOrganization reason }
  }
}`;

const SUBMIT = `mutation SubmitNomination($id: ID!) { submitNomination(id: $id) { id status } }`;
const FORWARD = `mutation ForwardNomination($id: ID!) { forwardNomination(id: $id) { id holderLevel } }`;
const RETURN = `mutation ReturnNomination($id: ID!, $reason: String!) { returnNomination(id: $id, reason: $reason) { id holderLevel } }`;

interface Deadline {
  label: string;
  dueOn: string;
  countsWorkingDays: boolean;
  daysLeft: number;
  daysLate: number;
  overdue: boolean;
}

interface Item {
  id: string;
  year: number;
  status: string;
  holderLevel: string;
  nextAction: string | null;
  heldByCaller: boolean;
  holderSince: string;
  awardType: { code: string; name: string } | null;
  person: { fullName: string } | null;
  organization: { code: string; name: string } | null;
  proposedBy: { code: string; name: string } | null;
  deadline: Deadline | null;
}

interface File extends Item {
  route: { level: string; label: string; organization: { code: string; name: string } | null }[];
  eligibility: { eligible: boolean | null; reasons: { message: string }[] };
  history: {
    fromStatus: string | null;
    toStatus: string;
    fromLevel: string | null;
    toLevel: string | null;
    at: string;
    byOrganization: string | null;
    reason: string | null;
  }[];
}

const recipient = (item: Item): string => item.person?.fullName ?? item.organization?.name ?? '—';

function deadlineCell(deadline: Deadline | null): Child {
  if (!deadline) return h('span', { class: 'muted' }, 'Không có thời hạn');
  const unit = deadline.countsWorkingDays ? 'ngày làm việc' : 'ngày';
  return h(
    'span',
    { title: `${deadline.label} — hạn ${formatDate(deadline.dueOn)}`, 'data-testid': 'deadline' },
    deadline.overdue
      ? badge(`Trễ ${formatNumber(deadline.daysLate)} ${unit}`, 'bad', { 'data-overdue': 'true' })
      : badge(`Còn ${formatNumber(deadline.daysLeft)} ${unit}`, deadline.daysLeft <= 5 ? 'warn' : 'good'),
  );
}

export async function inboxPage(context: PageContext): Promise<void> {
  context.setTitle('Hồ sơ đề nghị');
  const session = context.session;
  if (!session || (session.role !== 'ORG_OFFICER' && session.role !== 'CENTRAL_BOARD')) {
    context.root.replaceChildren(
      pageHeader('Hồ sơ đề nghị', null),
      empty(
        'Đăng nhập bằng tài khoản cán bộ thi đua – khen thưởng của đơn vị hoặc Ban TĐKT Trung ương để xem hồ sơ chờ xử lý.',
      ),
    );
    return;
  }
  const status = context.query.get('trang-thai');
  const year = Number(context.query.get('nam')) || null;
  const opened = context.params[0] ? decodeURIComponent(context.params[0]) : null;
  const listSlot = h('div', { class: 'loading' }, 'Đang tải hồ sơ…');
  const fileSlot = h('div', { 'data-testid': 'nomination-file' });
  context.root.replaceChildren(
    pageHeader(
      'Hồ sơ đề nghị',
      session.role === 'CENTRAL_BOARD'
        ? 'Hồ sơ chờ Ban TĐKT Trung ương thẩm định và trình cấp có thẩm quyền, cũ nhất trước.'
        : 'Hồ sơ đang chờ đơn vị của bạn xử lý, cũ nhất trước.',
    ),
    listSlot,
    fileSlot,
  );
  const pathFor = (next: { status?: string | null; id?: string | null }) => {
    const params = new URLSearchParams();
    const chosen = next.status === undefined ? status : next.status;
    if (chosen) params.set('trang-thai', chosen);
    if (year) params.set('nam', String(year));
    const search = params.toString();
    return `/ho-so${next.id ? `/${encodeURIComponent(next.id)}` : ''}${search ? `?${search}` : ''}`;
  };

  await fill(listSlot, context.isCurrent, async () => {
    const data = wholeData(
      await query<{
        nominationInbox: {
          totalCount: number;
          countsByStatus: { status: string; count: number }[];
          edges: { node: Item }[];
        };
      }>(NOMINATION_INBOX, { filter: { status, year }, first: 100 }),
    );
    listSlot.classList.remove('loading');
    const inbox = data.nominationInbox;
    const counts = h(
      'div',
      { class: 'kpis', 'data-testid': 'inbox-counts' },
      kpi('Tất cả', formatNumber(inbox.countsByStatus.reduce((sum, row) => sum + row.count, 0)), undefined, {
        'data-status': 'ALL',
      }),
      ...OPEN.map((key) =>
        kpi(STATUS[key]!, formatNumber(inbox.countsByStatus.find((row) => row.status === key)?.count ?? 0), undefined, {
          'data-status': key,
        }),
      ),
    );
    const filter = h(
      'select',
      {
        'data-testid': 'inbox-status',
        on: {
          change: (event: Event) =>
            context.navigate(pathFor({ status: (event.target as HTMLSelectElement).value || null })),
        },
      },
      h('option', { value: '' }, 'Mọi trạng thái'),
      ...OPEN.map((key) => h('option', { value: key, selected: key === status }, STATUS[key]!)),
    );
    const overdue = inbox.edges.filter((edge) => edge.node.deadline?.overdue).length;
    return [
      counts,
      h('label', { class: 'inline-field' }, 'Trạng thái ', filter),
      overdue
        ? h(
            'div',
            { class: 'alert alert-error', role: 'status', 'data-testid': 'overdue-count' },
            `${formatNumber(overdue)} hồ sơ đã quá hạn.`,
          )
        : null,
      dataTable<Item>({
        testId: 'inbox-table',
        noun: 'hồ sơ',
        emptyText: 'Không có hồ sơ nào đang chờ xử lý.',
        rows: inbox.edges.map((edge) => edge.node),
        rowProps: (item) => ({ 'data-id': item.id, class: item.deadline?.overdue ? 'row-overdue' : undefined }),
        columns: [
          { title: 'Hình thức', cell: (item) => item.awardType?.name ?? '—' },
          { title: 'Đối tượng', cell: (item) => recipient(item), sort: (item) => recipient(item) },
          { title: 'Đơn vị trình', cell: (item) => item.proposedBy?.name ?? '—' },
          { title: 'Năm', cell: (item) => String(item.year), sort: (item) => item.year, numeric: true },
          { title: 'Trạng thái', cell: (item) => STATUS[item.status] ?? item.status },
          { title: 'Nhận ngày', cell: (item) => formatDateTime(item.holderSince) },
          { title: 'Thời hạn', cell: (item) => deadlineCell(item.deadline) },
          { title: 'Việc tiếp theo', cell: (item) => (item.nextAction ? NEXT[item.nextAction] : '—') },
          { title: '', cell: (item) => link(pathFor({ id: item.id }), 'Mở hồ sơ') },
        ],
      }),
    ];
  });
  if (opened) await fill(fileSlot, context.isCurrent, () => fileView(context, opened));
}

/** A success message that survives the page being drawn again after the action. */
let pendingFlash: string | null = null;

async function fileView(context: PageContext, id: string): Promise<Child> {
  const file = wholeData(await query<{ nomination: File }>(NOMINATION_FILE, { id })).nomination;
  const area = h('div', { 'data-testid': 'file-actions' });
  const flashArea = h('div');
  if (pendingFlash) flash(flashArea, pendingFlash, 'good');
  pendingFlash = null;
  const act = async (button: HTMLButtonElement, done: string, run: () => Promise<unknown>) => {
    button.disabled = true;
    try {
      await run();
      // The page is drawn again with the file's new state: the message is shown there.
      pendingFlash = done;
      context.refresh();
    } catch (error) {
      flash(flashArea, error instanceof Error ? error.message : String(error), 'bad');
      button.disabled = false;
    }
  };
  const index = file.route.findIndex((stop) => stop.level === file.holderLevel);
  const canMoveUp = ['SUBMITTED', 'COUNCIL_REVIEW', 'APPROVED'].includes(file.status);
  if (file.heldByCaller && (file.status === 'DRAFT' || file.status === 'RETURNED')) {
    const submit = h('button', { type: 'button', class: 'button-primary', 'data-action': 'submit' }, 'Trình hồ sơ');
    submit.addEventListener('click', () => void act(submit, 'Đã trình hồ sơ.', () => mutate(SUBMIT, { id })));
    area.append(submit);
  }
  if (file.heldByCaller && canMoveUp && index < file.route.length - 1) {
    const next = file.route[index + 1]!;
    const forward = h(
      'button',
      { type: 'button', class: 'button-primary', 'data-action': 'forward' },
      `Chuyển lên ${next.organization?.name ?? next.label}`,
    );
    forward.addEventListener(
      'click',
      () =>
        void act(forward, `Đã chuyển hồ sơ lên ${next.organization?.name ?? next.label}.`, () =>
          mutate(FORWARD, { id }),
        ),
    );
    area.append(forward);
  }
  if (file.heldByCaller && canMoveUp && index > 0) {
    const reason = h('textarea', {
      name: 'reason',
      required: true,
      minlength: '5',
      rows: '2',
      placeholder: 'Lý do trả lại',
      'data-testid': 'return-reason',
    });
    const back = h('button', { type: 'submit', 'data-action': 'return' }, 'Trả lại một cấp');
    const form = h('form', { class: 'row', 'data-testid': 'return-form' }, reason, back);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void act(back, 'Đã trả lại hồ sơ.', () => mutate(RETURN, { id, reason: reason.value }));
    });
    area.append(form);
  }
  if (!file.heldByCaller && OPEN.includes(file.status))
    area.append(
      h(
        'p',
        { class: 'muted', 'data-testid': 'read-only' },
        `Hồ sơ đang ở ${LEVEL[file.holderLevel]}: bạn chỉ xem được.`,
      ),
    );

  return section(
    `Hồ sơ: ${file.awardType?.name ?? ''} — ${recipient(file)} (${file.year})`,
    { 'data-testid': 'file-view' },
    definitionList([
      ['Trạng thái', STATUS[file.status] ?? file.status],
      ['Cấp đang giữ', h('span', { 'data-testid': 'file-holder' }, LEVEL[file.holderLevel] ?? file.holderLevel)],
      ['Thời hạn', deadlineCell(file.deadline)],
      [
        'Đường đi',
        h(
          'ol',
          { class: 'route', 'data-testid': 'file-route' },
          ...file.route.map((stop, at) =>
            h(
              'li',
              { 'aria-current': at === index ? 'step' : undefined },
              stop.organization?.name ?? LEVEL[stop.level] ?? stop.label,
            ),
          ),
        ),
      ],
      [
        'Điều kiện',
        file.eligibility.eligible === null
          ? 'Hội đồng xem xét'
          : file.eligibility.eligible
            ? 'Đủ điều kiện'
            : `Chưa đủ điều kiện: ${file.eligibility.reasons.map((reason) => reason.message).join(' ')}`,
      ],
    ]),
    area,
    flashArea,
    h('h3', null, 'Quá trình xử lý'),
    dataTable({
      testId: 'file-history',
      rows: file.history,
      pageSize: 50,
      columns: [
        { title: 'Thời điểm', cell: (step) => formatDateTime(step.at) },
        {
          title: 'Trạng thái',
          cell: (step) =>
            `${step.fromStatus && step.fromStatus !== step.toStatus ? `${STATUS[step.fromStatus]} → ` : ''}${STATUS[step.toStatus] ?? step.toStatus}`,
        },
        {
          title: 'Cấp',
          cell: (step) =>
            step.fromLevel && step.fromLevel !== step.toLevel
              ? `${LEVEL[step.fromLevel]} → ${LEVEL[step.toLevel ?? ''] ?? ''}`
              : (LEVEL[step.toLevel ?? ''] ?? ''),
        },
        {
          title: 'Đơn vị thực hiện',
          cell: (step) =>
            file.route.find((stop) => stop.organization && stop.organization.code === step.byOrganization)?.organization
              ?.name ?? (step.byOrganization ? step.byOrganization : 'Ban TĐKT Trung ương'),
        },
        { title: 'Lý do', cell: (step) => h('span', { 'data-field': 'reason' }, step.reason ?? '') },
      ],
    }),
  );
}
