/**
 * Khối thi đua: the BlocBoard contract query as a page — members and roles, the pledge and its items,
 * who signed and when, a member × item progress grid, the ranking with each member's awards — and,
 * for the bloc's lead of that year (by role, as the campaigns subgraph checks it) or the Central
 * Board: create and open the pledge, verify scores, close it. A member's officer signs from here.
 */
import { blocDownloads } from '../downloads';
import type { PageContext } from '../main';
import { accessSentence, forbiddenAt, mutate, query, type GqlError } from '../api';
import { actsFor, type Session } from '../auth';
import { BLOC_KIND, PLEDGE_STATUS, ROLE_SCOPE, SCORECARD_STAGE, label, memberRole } from '../labels';
import { cellKey, latestProgress, shareOfTarget, averageProgress, type ProgressRow } from '../progress';
import {
  ANNUL_BLOC_VOTE,
  BLOC_BOARD,
  BLOC_BOARD_DETAILS,
  BLOC_LIST,
  CLOSE_PLEDGE,
  CREATE_PLEDGE,
  OPEN_PLEDGE,
  RECORD_BLOC_VOTE,
  SIGN_PLEDGE,
  SUBMIT_SCORECARD,
} from '../queries';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatPeriod, nfc, sortVi } from '../text';
import {
  badge,
  dataTable,
  definitionList,
  empty,
  flash,
  h,
  kpi,
  link,
  meter,
  problemsBanner,
  section,
  yearSelect,
  type Child,
} from '../ui';
import { organizationLink, pageHeader, readAll } from './common';
import { defaultYear, vietnamToday } from '../years';
import { memberPanel } from './pledge-member';
import { followUpPanel } from './pledge-lead';

interface Organization {
  code: string;
  name: string;
}

interface Board {
  bloc: {
    id: string;
    code: string;
    name: string;
    kind: string;
    organizer: Organization | null;
    members: { role: string; organization: (Organization & { id: string }) | null }[];
    pledge: {
      id: string;
      year: number;
      theme: string;
      status: string;
      signedAt: string | null;
      items: { code: string; title: string; targetValue: number | null; unit: string | null; maxScore: number }[];
      signatures: { signedAt: string; organization: Organization }[];
      /** null when the caller may not see it (FORBIDDEN on its path). */
      progress: (ProgressRow & { note: string | null })[] | null;
      ranking: {
        rank: number;
        totalScore: number;
        organization: Organization & {
          grants:
            | {
                awardType: { code: string; name: string } | null;
                decision: { number: string; issuedOn: string } | null;
              }[]
            | null;
        };
      }[];
      leadingUnit: Organization | null;
    } | null;
  } | null;
}

interface Scorecard {
  stage: string;
  totalScore: number;
  bonus: number;
  penalty: number;
  scores: { itemCode: string; points: number }[];
  organization: { code: string };
}

interface Details {
  bloc: {
    code: string;
    years: number[];
    pledge: {
      id: string;
      status: string;
      openedAt: string | null;
      closedAt: string | null;
      bonusCap: number;
      /** null when the caller may not see them (FORBIDDEN on the path). */
      scorecards: Scorecard[] | null;
      votes:
        | {
            id: string;
            annulledAt: string | null;
            annulledReason: string | null;
            yes: number;
            no: number;
            abstain: number;
            membersTotal: number;
            passed: boolean;
            votedOn: string;
            candidate: Organization;
          }[]
        | null;
    } | null;
  } | null;
}

const STATUS_TONE: Record<string, 'neutral' | 'good' | 'warn' | 'info'> = {
  DRAFT: 'neutral',
  OPEN: 'warn',
  SIGNED: 'good',
  CLOSED: 'info',
};

/** A message carried across the re-render that follows an action. */
let pendingFlash: { text: string; tone: 'good' | 'bad' } | null = null;

export async function blocListPage(context: PageContext): Promise<void> {
  context.setTitle('Khối thi đua');
  const { nodes, errors } = await readAll<
    { code: string; name: string; kind: string; years: number[]; organizer: Organization | null },
    { blocs: never }
  >(BLOC_LIST, {}, (data) => data.blocs);
  const { year } = await defaultYear();
  if (!context.isCurrent()) return;
  context.root.replaceChildren(
    pageHeader('Khối, cụm thi đua', 'Chọn một khối, cụm để xem bảng theo dõi của năm.'),
    problemsBanner(errors) ?? '',
    section(
      'Danh sách',
      null,
      dataTable({
        testId: 'bloc-list',
        noun: 'khối, cụm',
        rows: sortVi(nodes, (bloc) => bloc.name),
        searchText: (bloc) => `${bloc.name} ${bloc.code}`,
        rowProps: (bloc) => ({ 'data-bloc': bloc.code }),
        columns: [
          {
            title: 'Khối, cụm',
            sort: (bloc) => bloc.name,
            cell: (bloc) => link(`/khoi/${encodeURIComponent(bloc.code)}?nam=${year}`, bloc.name),
          },
          { title: 'Loại', cell: (bloc) => label(BLOC_KIND, bloc.kind) },
          { title: 'Đơn vị tổ chức', cell: (bloc) => organizationLink(bloc.organizer) },
          { title: 'Các năm có thành viên', cell: (bloc) => [...bloc.years].sort((a, b) => a - b).join(', ') || '—' },
        ],
      }),
    ),
  );
}

/** Why the progress grid is hidden: the public may sign in; a signed-in person is told whom it is for. */
function progressHiddenSentence(session: Session | null, blocKind: string, year: number): string {
  const unit = label(BLOC_KIND, blocKind, 'khối, cụm').toLowerCase();
  const forWhom = `Tiến độ thực hiện giao ước chỉ hiển thị cho Ban TĐKT Trung ương và cán bộ các đơn vị thành viên của ${unit} năm ${year}.`;
  if (!session) return `${forWhom} Hãy đăng nhập nếu bạn là cán bộ của một đơn vị thành viên.`;
  return `${forWhom} Đơn vị của bạn không là thành viên năm ${year}, nên bạn xem được thành viên, giao ước, chữ ký, xếp hạng và khen thưởng, không xem được tiến độ. ${label(ROLE_SCOPE, session.role, '')}`.trim();
}

function canLead(session: Session | null, leadCode: string | undefined): boolean {
  if (!session) return false;
  if (session.role === 'CENTRAL_BOARD') return true;
  return session.role === 'ORG_OFFICER' && !!leadCode && session.org === leadCode;
}

async function act<T>(
  context: PageContext,
  area: HTMLElement,
  button: HTMLButtonElement | null,
  success: string | ((result: T) => { text: string; tone: 'good' | 'bad' }),
  action: () => Promise<T>,
): Promise<void> {
  if (button) button.disabled = true;
  area.replaceChildren();
  try {
    const result = await action();
    pendingFlash = typeof success === 'string' ? { text: success, tone: 'good' } : success(result);
    context.refresh();
  } catch (error) {
    flash(area, error instanceof Error ? error.message : String(error), 'bad');
    if (button) button.disabled = false;
  }
}

export async function blocBoardPage(context: PageContext): Promise<void> {
  const code = context.params[0]!.toUpperCase();
  let year = Number(context.query.get('nam'));
  if (!Number.isInteger(year) || year < 1900) {
    year = (await defaultYear()).year;
    if (!context.isCurrent()) return;
    context.navigate(`/khoi/${encodeURIComponent(code)}?nam=${year}`, { replace: true });
    return;
  }
  const [board, details] = await Promise.all([
    query<Board>(BLOC_BOARD, { code, year }),
    query<Details>(BLOC_BOARD_DETAILS, { code, year }),
  ]);
  if (!context.isCurrent()) return;
  const bloc = board.data.bloc;
  context.setTitle(bloc ? `${bloc.name} – ${year}` : 'Không tìm thấy khối, cụm');
  if (!bloc) {
    context.root.replaceChildren(
      pageHeader('Không tìm thấy khối, cụm thi đua', `Không có khối, cụm nào có mã ${code}.`),
      h('p', null, link('/khoi', 'Xem danh sách khối, cụm')),
    );
    return;
  }
  const errors: GqlError[] = [...board.errors, ...details.errors];
  const session = context.session;
  const pledge = bloc.pledge;
  const extra = details.data.bloc?.pledge ?? null;
  const members = bloc.members.filter((member) => member.organization);
  const lead = members.find((member) => member.role === 'LEAD');
  const leader = canLead(session, lead?.organization?.code);
  const signedBy = new Map(
    (pledge?.signatures ?? []).map((signature) => [signature.organization.code, signature.signedAt]),
  );
  const actionArea = h('div', { class: 'action-area', 'aria-live': 'polite' });
  if (pendingFlash) {
    flash(actionArea, pendingFlash.text, pendingFlash.tone);
    pendingFlash = null;
  }

  const memberCodes = members.map((member) => member.organization!.code);
  const progressRows = pledge?.progress ?? [];
  const progressVisible =
    !!pledge &&
    pledge.progress !== null &&
    (progressRows.length > 0 ||
      session?.role === 'CENTRAL_BOARD' ||
      memberCodes.some((memberCode) => session?.org === memberCode));
  // No report at all is "not reported", not 0 % (a closed pledge scored 88–94 did not make 0 %).
  const average =
    pledge && progressVisible && progressRows.length ? averageProgress(memberCodes, pledge.items, progressRows) : null;
  const progressHint = !pledge
    ? `chưa có giao ước năm ${year}`
    : !progressVisible
      ? session
        ? 'ngoài phạm vi được xem'
        : 'cần đăng nhập'
      : !progressRows.length
        ? 'chưa có báo cáo tiến độ'
        : average === null
          ? 'không có nội dung có chỉ tiêu'
          : 'so với chỉ tiêu';

  const header = pageHeader(
    bloc.name,
    [
      label(BLOC_KIND, bloc.kind),
      bloc.organizer ? ' · Đơn vị tổ chức: ' : '',
      bloc.organizer ? organizationLink(bloc.organizer) : '',
    ],
    yearSelect(details.data.bloc?.years ?? [year], year, (chosen) =>
      context.navigate(`/khoi/${encodeURIComponent(code)}?nam=${chosen}`),
    ),
  );

  const kpis = h(
    'div',
    { class: 'kpis', 'data-testid': 'kpis' },
    kpi(
      'thành viên',
      formatNumber(members.length),
      lead
        ? `${memberRole('LEAD', bloc.kind)}: ${lead.organization!.name}`
        : `Chưa có ${memberRole('LEAD', bloc.kind).toLowerCase()}`,
      { 'data-kpi': 'members' },
    ),
    kpi(
      'đã ký giao ước',
      pledge ? `${formatNumber(pledge.signatures.length)}/${formatNumber(members.length)}` : '—',
      pledge ? label(PLEDGE_STATUS, pledge.status) : `Chưa có giao ước năm ${year}`,
      { 'data-kpi': 'signed' },
    ),
    kpi('tiến độ trung bình', average === null ? '—' : formatPercent(average), progressHint, {
      'data-kpi': 'progress',
    }),
    kpi(
      'đơn vị dẫn đầu',
      pledge?.leadingUnit?.name ?? '—',
      pledge?.status === 'CLOSED' ? 'do khối suy tôn' : 'sau khi tổng kết',
      { 'data-kpi': 'leading' },
    ),
  );

  const parts: Child[] = [header, problemsBanner(errors), kpis, actionArea];
  if (leader) parts.push(leadPanel(context, actionArea, bloc, year, lead?.organization?.name ?? null, extra, session!));
  // Nobody verifies its own unit's scorecard: the lead's card is verified by the deputy.
  const deputy = members.find((member) => member.role === 'DEPUTY');
  if (
    !leader &&
    deputy?.organization &&
    session?.role === 'ORG_OFFICER' &&
    actsFor(session, deputy.organization.code) &&
    lead?.organization &&
    (pledge?.status === 'OPEN' || pledge?.status === 'SIGNED')
  )
    parts.push(
      section(
        `Thẩm định điểm của ${memberRole('LEAD', bloc.kind).toLowerCase()}`,
        { class: 'card card-action', 'data-testid': 'deputy-panel' },
        h(
          'p',
          { class: 'hint' },
          `Bạn thao tác với vai trò ${memberRole('DEPUTY', bloc.kind)}: thẩm định điểm của ${lead.organization.name}, đơn vị không tự thẩm định điểm của mình.`,
        ),
        verifyTable(context, actionArea, bloc, extra, 'deputy'),
      ),
    );

  // The lead's follow-up and the member's own work of the year (pages/pledge-lead.ts, pages/pledge-member.ts).
  const own = session?.role === 'ORG_OFFICER' ? members.find((m) => m.organization!.code === session.org) : undefined;
  const workSlot = h('div', { class: 'stack', 'data-testid': 'pledge-work' });
  parts.push(workSlot);
  void Promise.all([
    leader && pledge ? followUpPanel(context, bloc.code, year) : null,
    own && pledge ? memberPanel(context, bloc.code, year, own.organization!) : null,
  ]).then((panels) => context.isCurrent() && workSlot.replaceChildren(...panels.filter((panel) => !!panel)));

  // Members, roles and signatures.
  parts.push(
    section(
      `Thành viên năm ${year}`,
      { 'data-testid': 'members-section' },
      members.length
        ? dataTable({
            testId: 'members-table',
            noun: 'thành viên',
            rows: members,
            pageSize: 30,
            rowProps: (member) => ({ 'data-member': member.organization!.code }),
            columns: [
              {
                title: 'Vai trò',
                field: 'role',
                cell: (member) =>
                  member.role === 'MEMBER'
                    ? memberRole(member.role, bloc.kind)
                    : badge(memberRole(member.role, bloc.kind), 'info'),
              },
              { title: 'Đơn vị', field: 'organization', cell: (member) => organizationLink(member.organization) },
              {
                title: 'Ký giao ước',
                field: 'signed',
                cell: (member) => {
                  const signedAt = signedBy.get(member.organization!.code);
                  if (signedAt) return h('span', { class: 'signed' }, '✓ ', formatDateTime(signedAt));
                  if (pledge?.status === 'OPEN' && actsFor(session, member.organization!.code)) {
                    const button = h(
                      'button',
                      { type: 'button', class: 'button-small button-primary', 'data-action': 'sign' },
                      'Ký giao ước',
                    );
                    button.addEventListener(
                      'click',
                      () =>
                        void act(
                          context,
                          actionArea,
                          button,
                          `${member.organization!.name} đã ký giao ước năm ${year}.`,
                          () =>
                            mutate(SIGN_PLEDGE, {
                              input: { pledgeId: pledge.id, organizationCode: member.organization!.code },
                            }),
                        ),
                    );
                    return button;
                  }
                  return h('span', { class: 'muted' }, pledge ? 'Chưa ký' : '—');
                },
              },
            ],
          })
        : empty(`Khối, cụm chưa có danh sách thành viên năm ${year}.`),
    ),
  );

  if (!pledge) {
    parts.push(
      section(
        'Giao ước thi đua',
        { 'data-testid': 'pledge-section' },
        empty(`Chưa có giao ước thi đua năm ${year}.${leader ? '' : ' Khối trưởng soạn giao ước từ trang này.'}`),
      ),
    );
    context.root.replaceChildren();
    context.root.append(...parts.filter((part): part is Node => part instanceof Node));
    return;
  }

  parts.push(
    section(
      'Giao ước thi đua',
      { 'data-testid': 'pledge-section' },
      definitionList([
        ['Chủ đề', pledge.theme],
        [
          'Trạng thái',
          badge(label(PLEDGE_STATUS, pledge.status), STATUS_TONE[pledge.status] ?? 'neutral', {
            'data-testid': 'pledge-status',
          }),
        ],
        ['Mở ký', formatDateTime(extra?.openedAt)],
        ['Ký đủ', formatDateTime(pledge.signedAt)],
        ['Tổng kết', formatDateTime(extra?.closedAt)],
        [
          'Đã ký',
          meter(
            members.length ? pledge.signatures.length / members.length : 0,
            `${formatNumber(pledge.signatures.length)}/${formatNumber(members.length)} đơn vị`,
          ),
        ],
        ...(extra?.votes?.length
          ? [
              [
                'Biểu quyết suy tôn',
                h(
                  'ul',
                  { class: 'plain-list', 'data-testid': 'votes' },
                  extra.votes.map((vote) =>
                    h(
                      'li',
                      { 'data-vote': vote.id },
                      `${formatDate(vote.votedOn)}: ${vote.candidate.name} — ${vote.yes} đồng ý, ${vote.no} không đồng ý, ${vote.abstain} không biểu quyết / ${vote.membersTotal} thành viên `,
                      vote.annulledAt
                        ? [
                            badge('đã hủy', 'neutral'),
                            h(
                              'span',
                              { class: 'muted', 'data-field': 'annulled' },
                              ` Ban Thi đua – Khen thưởng Trung ương hủy ngày ${formatDate(vote.annulledAt)}: ${vote.annulledReason ?? ''}`,
                            ),
                          ]
                        : vote.passed
                          ? [
                              badge('đạt', 'good'),
                              session?.role === 'CENTRAL_BOARD' ? annulForm(context, actionArea, vote.id) : null,
                            ]
                          : badge('không đạt', 'bad'),
                    ),
                  ),
                ),
              ] as [string, Child],
            ]
          : []),
      ]),
      dataTable({
        testId: 'items-table',
        noun: 'nội dung',
        rows: pledge.items,
        pageSize: 50,
        columns: [
          { title: 'STT', cell: (item) => item.code },
          { title: 'Nội dung', cell: (item) => item.title },
          {
            title: 'Chỉ tiêu',
            numeric: true,
            cell: (item) =>
              item.targetValue === null ? '—' : `${formatNumber(item.targetValue)}${item.unit ? ` ${item.unit}` : ''}`,
          },
          { title: 'Điểm tối đa', numeric: true, field: 'maxScore', cell: (item) => formatNumber(item.maxScore) },
        ],
      }),
    ),
  );

  // Member × item progress grid.
  const latest = latestProgress(progressRows);
  parts.push(
    section(
      'Tiến độ thực hiện',
      { 'data-testid': 'progress-section' },
      !progressVisible
        ? empty(progressHiddenSentence(session, bloc.kind, year))
        : !progressRows.length
          ? empty(`Chưa đơn vị thành viên nào báo cáo tiến độ thực hiện giao ước năm ${year}.`)
          : h(
              'div',
              { class: 'table-scroll' },
              h(
                'table',
                { class: 'data grid', 'data-testid': 'progress-grid' },
                h(
                  'thead',
                  null,
                  h(
                    'tr',
                    null,
                    h('th', { scope: 'col' }, 'Đơn vị'),
                    pledge.items.map((item) =>
                      h(
                        'th',
                        { scope: 'col', class: 'num', title: item.title },
                        `Nội dung ${item.code}`,
                        item.targetValue !== null
                          ? h(
                              'div',
                              { class: 'muted small' },
                              `chỉ tiêu ${formatNumber(item.targetValue)}${item.unit ? ` ${item.unit}` : ''}`,
                            )
                          : null,
                      ),
                    ),
                  ),
                ),
                h(
                  'tbody',
                  null,
                  members.map((member) =>
                    h(
                      'tr',
                      { 'data-member': member.organization!.code },
                      h('th', { scope: 'row' }, member.organization!.name),
                      pledge.items.map((item) => {
                        const report = latest.get(cellKey(member.organization!.code, item.code));
                        const share = shareOfTarget(report?.value, item.targetValue);
                        return h(
                          'td',
                          {
                            class: 'num',
                            'data-item': item.code,
                            title: report
                              ? `${formatPeriod(report.period)}${report.note ? ` — ${report.note}` : ''}`
                              : 'Chưa báo cáo',
                          },
                          report
                            ? [
                                h('span', { 'data-field': 'value' }, formatNumber(report.value)),
                                item.unit ? ` ${item.unit}` : '',
                                // The value may itself be a percentage: the share of the target says so.
                                share !== null
                                  ? h('div', null, meter(share, `đạt ${formatPercent(share)} chỉ tiêu`))
                                  : null,
                                h('div', { class: 'muted small' }, formatPeriod(report.period)),
                              ]
                            : h('span', { class: 'muted' }, '·'),
                        );
                      }),
                    ),
                  ),
                ),
              ),
            ),
    ),
  );

  // Ranking with each member's awards of the year.
  parts.push(
    section(
      'Xếp hạng và khen thưởng',
      { 'data-testid': 'ranking-section' },
      pledge.ranking.length
        ? dataTable({
            testId: 'ranking-table',
            noun: 'đơn vị',
            rows: [...pledge.ranking].sort((a, b) => a.rank - b.rank),
            pageSize: 30,
            rowProps: (entry) => ({ 'data-member': entry.organization.code }),
            columns: [
              { title: 'Hạng', field: 'rank', numeric: true, cell: (entry) => formatNumber(entry.rank) },
              {
                title: 'Đơn vị',
                field: 'organization',
                cell: (entry) => [
                  organizationLink(entry.organization),
                  pledge.leadingUnit?.code === entry.organization.code ? [' ', badge('dẫn đầu', 'good')] : null,
                ],
              },
              { title: 'Tổng điểm', field: 'score', numeric: true, cell: (entry) => formatNumber(entry.totalScore) },
              {
                title: `Khen thưởng năm ${year}`,
                field: 'grants',
                cell: (entry) =>
                  entry.organization.grants === null
                    ? forbiddenAt(errors, 'grants')
                      ? h('span', { class: 'muted', title: accessSentence('khen thưởng') }, 'ngoài phạm vi được xem')
                      : h('span', { class: 'muted', title: 'Dịch vụ khen thưởng không phản hồi' }, 'thiếu dữ liệu')
                    : entry.organization.grants.length
                      ? h(
                          'ul',
                          { class: 'chips' },
                          entry.organization.grants.map((grant) =>
                            h(
                              'li',
                              {
                                class: 'chip',
                                title: grant.decision
                                  ? `Quyết định ${grant.decision.number} ngày ${formatDate(grant.decision.issuedOn)}`
                                  : '',
                              },
                              grant.awardType?.name ?? '—',
                            ),
                          ),
                        )
                      : h('span', { class: 'muted' }, 'Chưa có'),
              },
            ],
          })
        : empty(
            pledge.status === 'CLOSED'
              ? 'Giao ước đã tổng kết nhưng chưa có xếp hạng.'
              : 'Bảng xếp hạng có khi Khối trưởng tổng kết giao ước.',
          ),
      pledge.ranking.length ? blocDownloads(bloc.code, year, !!extra?.scorecards?.length) : null,
    ),
  );

  // Scorecards by stage (visible to the Central Board and members' staff).
  if (extra?.scorecards?.length) {
    const byMember = new Map<string, Map<string, Scorecard>>();
    for (const card of extra.scorecards) {
      const stages = byMember.get(card.organization.code) ?? new Map<string, Scorecard>();
      stages.set(card.stage, card);
      byMember.set(card.organization.code, stages);
    }
    parts.push(
      section(
        'Chấm điểm',
        { 'data-testid': 'scorecards-section' },
        dataTable({
          testId: 'scorecards-table',
          noun: 'thành viên',
          rows: members,
          pageSize: 30,
          rowProps: (member) => ({ 'data-member': member.organization!.code }),
          columns: [
            { title: 'Đơn vị', cell: (member) => member.organization!.name },
            ...(['SELF', 'CROSS', 'VERIFIED'] as const).map((stage) => ({
              title: label(SCORECARD_STAGE, stage),
              field: stage,
              numeric: true,
              cell: (member: (typeof members)[number]) => {
                const card = byMember.get(member.organization!.code)?.get(stage);
                return card ? formatNumber(card.totalScore) : h('span', { class: 'muted' }, '·');
              },
            })),
          ],
        }),
      ),
    );
  }

  context.root.replaceChildren();
  context.root.append(...parts.filter((part): part is Node => part instanceof Node));
}

/** What the lead (or the Central Board) can do with the bloc's pledge this year. */
function leadPanel(
  context: PageContext,
  area: HTMLElement,
  bloc: NonNullable<Board['bloc']>,
  year: number,
  leadName: string | null,
  extra: NonNullable<Details['bloc']>['pledge'] | null,
  session: Session,
): HTMLElement {
  const pledge = bloc.pledge;
  const who =
    session.role === 'CENTRAL_BOARD'
      ? 'Ban TĐKT Trung ương'
      : `${memberRole('LEAD', bloc.kind)}${leadName ? ` (${leadName})` : ''}`;
  const panel = section(
    `Điều hành giao ước năm ${year}`,
    { class: 'card card-action', 'data-testid': 'lead-panel' },
    h('p', { class: 'hint' }, `Bạn đang thao tác với vai trò ${who}.`),
  );

  if (!pledge) {
    panel.append(createPledgeForm(context, area, bloc.code, year));
    return panel;
  }
  if (pledge.status === 'DRAFT') {
    const button = h('button', { type: 'button', class: 'button-primary', 'data-action': 'open' }, 'Mở ký giao ước');
    button.addEventListener(
      'click',
      () =>
        void act(context, area, button, `Đã mở ký giao ước năm ${year}; các thành viên có thể ký.`, () =>
          mutate(OPEN_PLEDGE, { id: pledge.id }),
        ),
    );
    panel.append(h('p', null, 'Giao ước đang soạn. Khi mở ký, nội dung và thang điểm được chốt.'), button);
  }
  if (pledge.status === 'OPEN' || pledge.status === 'SIGNED') {
    panel.append(verifyTable(context, area, bloc, extra, session.role === 'CENTRAL_BOARD' ? 'board' : 'lead'));
  }
  if (pledge.status === 'SIGNED') {
    const button = h(
      'button',
      { type: 'button', class: 'button-primary', 'data-action': 'close' },
      'Tổng kết giao ước',
    );
    button.addEventListener(
      'click',
      () =>
        void act(context, area, button, `Đã tổng kết giao ước năm ${year}; bảng xếp hạng đã có.`, () =>
          mutate(CLOSE_PLEDGE, { id: pledge.id }),
        ),
    );
    panel.append(
      h(
        'p',
        null,
        'Mọi thành viên đã ký. Tổng kết khi điểm của mọi thành viên đã được thẩm định: thứ hạng tính theo điểm thẩm định (bằng điểm thì đồng hạng).',
      ),
      button,
    );
  }
  if (pledge.status === 'OPEN') panel.append(h('p', { class: 'hint' }, 'Tổng kết được khi mọi thành viên đã ký.'));
  if (pledge.status === 'CLOSED') {
    // One standing acclamation per pledge: another vote only after a failed or annulled one.
    const standing = extra?.votes?.find((vote) => vote.passed && !vote.annulledAt);
    panel.append(
      standing
        ? h(
            'p',
            { 'data-testid': 'vote-standing' },
            `Khối đã biểu quyết suy tôn ${standing.candidate.name} là đơn vị dẫn đầu ngày ${formatDate(standing.votedOn)}. Kết quả này chỉ Ban Thi đua – Khen thưởng Trung ương hủy được, kèm lý do; sau khi hủy, khối biểu quyết lại.`,
          )
        : voteForm(context, area, bloc, year),
    );
  }
  return panel;
}

/** After closing: the bloc's vote acclaiming the leading unit (passes at the pledge's threshold of all members). */
function voteForm(
  context: PageContext,
  area: HTMLElement,
  bloc: NonNullable<Board['bloc']>,
  year: number,
): HTMLElement {
  const pledge = bloc.pledge!;
  const members = bloc.members.filter((member) => member.organization).length;
  const candidates = [...pledge.ranking].sort((a, b) => a.rank - b.rank);
  const candidate = h(
    'select',
    { name: 'candidate', 'data-testid': 'vote-candidate' },
    candidates.map((entry) =>
      h('option', { value: entry.organization.code }, `${entry.rank}. ${entry.organization.name}`),
    ),
  );
  const number = (name: string, value: number) =>
    h('input', {
      type: 'number',
      name,
      min: '0',
      max: String(members),
      step: '1',
      value: String(value),
      required: true,
      size: 4,
    });
  const yes = number('yes', members);
  const no = number('no', 0);
  const abstain = number('abstain', 0);
  const votedOn = h('input', {
    type: 'date',
    name: 'votedOn',
    required: true,
    // The day of the vote in Việt Nam, not in UTC (which is still yesterday before 07:00).
    value: vietnamToday(),
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'button-primary', 'data-action': 'vote' },
    'Ghi kết quả biểu quyết',
  );
  const form = h(
    'form',
    { class: 'stack', 'data-testid': 'vote-form' },
    h(
      'p',
      null,
      `Giao ước đã tổng kết. ${pledge.leadingUnit ? `Đơn vị dẫn đầu: ${pledge.leadingUnit.name}. ` : ''}Ghi kết quả biểu quyết suy tôn đơn vị dẫn đầu (${formatNumber(members)} thành viên):`,
    ),
    h('label', null, 'Đơn vị được đề nghị ', candidate),
    h(
      'div',
      { class: 'row' },
      h('label', null, 'Đồng ý ', yes),
      h('label', null, 'Không đồng ý ', no),
      h('label', null, 'Không biểu quyết ', abstain),
      h('label', null, 'Ngày biểu quyết ', votedOn),
    ),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(
      context,
      area,
      submit,
      ({ recordBlocVote: vote }) =>
        vote.passed
          ? { text: `Đã ghi biểu quyết: ${vote.candidate.name} được suy tôn đơn vị dẫn đầu năm ${year}.`, tone: 'good' }
          : {
              text: `Đã ghi biểu quyết, nhưng ${vote.candidate.name} chưa đạt ${formatPercent(vote.threshold)} tổng số thành viên đồng ý nên chưa được suy tôn.`,
              tone: 'bad',
            },
      () =>
        mutate<{ recordBlocVote: { passed: boolean; threshold: number; candidate: Organization } }>(RECORD_BLOC_VOTE, {
          input: {
            pledgeId: pledge.id,
            candidateOrganizationCode: candidate.value,
            yes: Number(yes.value),
            no: Number(no.value),
            abstain: Number(abstain.value),
            votedOn: votedOn.value,
          },
        }),
    );
  });
  return form;
}

/** The Central Board annuls a standing acclamation, with its reason (kept in the vote's history). */
function annulForm(context: PageContext, area: HTMLElement, voteId: string): HTMLElement {
  const reason = h('input', {
    name: 'reason',
    required: true,
    minlength: '5',
    placeholder: 'Lý do hủy kết quả biểu quyết',
    'data-testid': 'annul-reason',
  });
  const submit = h('button', { type: 'submit', 'data-action': 'annul' }, 'Hủy kết quả');
  const form = h('form', { class: 'row', 'data-testid': 'annul-form' }, reason, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(context, area, submit, 'Đã hủy kết quả biểu quyết; khối có thể biểu quyết lại.', () =>
      mutate(ANNUL_BLOC_VOTE, { input: { voteId, reason: reason.value } }),
    );
  });
  return form;
}

function createPledgeForm(context: PageContext, area: HTMLElement, blocCode: string, year: number): HTMLElement {
  const theme = h('input', {
    name: 'theme',
    required: true,
    placeholder: 'Chủ đề, khẩu hiệu thi đua của năm',
    'data-testid': 'pledge-theme',
  });
  const bonusCap = h('input', {
    name: 'bonusCap',
    type: 'number',
    min: '0',
    step: 'any',
    value: '5',
    'data-testid': 'pledge-bonus-cap',
  });
  const rows = h('tbody');
  const addRow = () => {
    const index = rows.children.length + 1;
    rows.append(
      h(
        'tr',
        { 'data-row': index },
        h(
          'td',
          null,
          h('input', {
            name: 'code',
            required: true,
            value: String(index),
            size: 4,
            'aria-label': `Số thứ tự nội dung ${index}`,
          }),
        ),
        h(
          'td',
          null,
          h('input', {
            name: 'title',
            required: true,
            'aria-label': `Nội dung ${index}`,
            placeholder: 'Nội dung thi đua',
          }),
        ),
        h(
          'td',
          null,
          h('input', { name: 'targetValue', type: 'number', step: 'any', 'aria-label': `Chỉ tiêu ${index}` }),
        ),
        h('td', null, h('input', { name: 'unit', size: 8, 'aria-label': `Đơn vị tính ${index}` })),
        h(
          'td',
          null,
          h('input', {
            name: 'maxScore',
            type: 'number',
            min: '0',
            step: 'any',
            required: true,
            'aria-label': `Điểm tối đa ${index}`,
          }),
        ),
      ),
    );
  };
  addRow();
  const submit = h(
    'button',
    { type: 'submit', class: 'button-primary', 'data-action': 'create' },
    'Lưu giao ước (đang soạn)',
  );
  const form = h(
    'form',
    { class: 'stack', 'data-testid': 'create-pledge' },
    h(
      'p',
      null,
      `Chưa có giao ước năm ${year}. Soạn giao ước: chủ đề và các nội dung với điểm tối đa; mở ký sau khi lưu.`,
    ),
    h('label', null, 'Chủ đề ', theme),
    h('label', null, 'Mức trần điểm thưởng ', bonusCap),
    h(
      'table',
      { class: 'data compact' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          ['STT', 'Nội dung', 'Chỉ tiêu', 'Đơn vị tính', 'Điểm tối đa'].map((title) =>
            h('th', { scope: 'col' }, title),
          ),
        ),
      ),
      rows,
    ),
    h(
      'div',
      { class: 'row' },
      h('button', { type: 'button', 'data-action': 'add-item', on: { click: addRow } }, '+ Thêm nội dung'),
      submit,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const items = [...rows.querySelectorAll('tr')].map((row) => {
      const value = (name: string) => (row.querySelector(`[name="${name}"]`) as HTMLInputElement).value.trim();
      return {
        code: nfc(value('code')).toUpperCase(),
        title: nfc(value('title')),
        targetValue: value('targetValue') === '' ? null : Number(value('targetValue')),
        unit: value('unit') === '' ? null : nfc(value('unit')),
        maxScore: Number(value('maxScore')),
      };
    });
    void act(context, area, submit, `Đã lưu giao ước năm ${year} (đang soạn).`, () =>
      mutate(CREATE_PLEDGE, {
        input: { blocCode, year, theme: nfc(theme.value), bonusCap: Number(bonusCap.value || 0), items },
      }),
    );
  });
  return form;
}

/** Scores per member and stage; the lead verifies (thẩm định) each member's card from the cross-scored one. */
function verifyTable(
  context: PageContext,
  area: HTMLElement,
  bloc: NonNullable<Board['bloc']>,
  extra: NonNullable<Details['bloc']>['pledge'] | null,
  /** Who verifies: the lead verifies the members, the deputy the lead (or, without a deputy, the organizer). */
  as: 'lead' | 'deputy' | 'board',
): HTMLElement {
  const pledge = bloc.pledge!;
  const cards = extra?.scorecards ?? [];
  const hasDeputy = bloc.members.some((member) => member.role === 'DEPUTY' && member.organization);
  const card = (code: string, stage: string) =>
    cards.find((entry) => entry.organization.code === code && entry.stage === stage);
  const members = bloc.members.filter((member) => member.organization && (as !== 'deputy' || member.role === 'LEAD'));
  const formSlot = h('div', { class: 'verify-form' });
  const table = h(
    'table',
    { class: 'data compact', 'data-testid': 'verify-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Đơn vị', 'Tự chấm', 'Chấm chéo', 'Thẩm định', ''].map((title) => h('th', { scope: 'col' }, title)),
      ),
    ),
    h(
      'tbody',
      null,
      members.map((member) => {
        const code = member.organization!.code;
        const cross = card(code, 'CROSS');
        const verified = card(code, 'VERIFIED');
        const ownCard = as === 'lead' && member.role === 'LEAD';
        const button = ownCard
          ? h(
              'span',
              { class: 'muted small', 'data-field': 'verifier' },
              hasDeputy ? `do ${memberRole('DEPUTY', bloc.kind)} thẩm định` : 'do đơn vị tổ chức khối thẩm định',
            )
          : cross
            ? h(
                'button',
                { type: 'button', class: 'button-small', 'data-action': 'verify' },
                verified ? 'Thẩm định lại' : 'Thẩm định',
              )
            : h('span', { class: 'muted small' }, 'chờ chấm chéo');
        if (cross && !ownCard)
          button.addEventListener('click', () =>
            formSlot.replaceChildren(
              verifyForm(context, area, pledge, member.organization!, cross, bloc.pledge!.items),
            ),
          );
        return h(
          'tr',
          { 'data-member': code },
          h('td', null, member.organization!.name),
          h('td', { class: 'num' }, card(code, 'SELF') ? formatNumber(card(code, 'SELF')!.totalScore) : '·'),
          h('td', { class: 'num' }, cross ? formatNumber(cross.totalScore) : '·'),
          h('td', { class: 'num', 'data-field': 'verified' }, verified ? formatNumber(verified.totalScore) : '·'),
          h('td', null, button),
        );
      }),
    ),
  );
  const done = members.filter((member) => card(member.organization!.code, 'VERIFIED')).length;
  return h(
    'div',
    { class: 'stack' },
    h('h3', null, `Thẩm định điểm (${formatNumber(done)}/${formatNumber(members.length)} đơn vị)`),
    h('div', { class: 'table-scroll' }, table),
    formSlot,
  );
}

function verifyForm(
  context: PageContext,
  area: HTMLElement,
  pledge: NonNullable<NonNullable<Board['bloc']>['pledge']>,
  organization: Organization,
  basis: Scorecard,
  items: { code: string; title: string; maxScore: number }[],
): HTMLElement {
  const inputs = items.map((item) => {
    const points = basis.scores.find((score) => score.itemCode === item.code)?.points ?? 0;
    return {
      item,
      input: h('input', {
        type: 'number',
        step: 'any',
        min: '0',
        max: String(item.maxScore),
        value: String(points),
        name: `points-${item.code}`,
        'aria-label': `Điểm nội dung ${item.code}`,
      }),
    };
  });
  const bonus = h('input', {
    type: 'number',
    step: 'any',
    min: '0',
    value: String(basis.bonus),
    name: 'bonus',
    'aria-label': 'Điểm thưởng',
  });
  const penalty = h('input', {
    type: 'number',
    step: 'any',
    min: '0',
    value: String(basis.penalty),
    name: 'penalty',
    'aria-label': 'Điểm trừ',
  });
  const submit = h(
    'button',
    { type: 'submit', class: 'button-primary', 'data-action': 'submit-verify' },
    'Lưu điểm thẩm định',
  );
  const form = h(
    'form',
    { class: 'stack', 'data-testid': 'verify-form', 'data-member': organization.code },
    h('h4', null, `Thẩm định: ${organization.name}`),
    h('p', { class: 'hint' }, 'Điểm gợi ý lấy từ phiếu chấm chéo; sửa nếu khối thẩm định khác.'),
    h(
      'table',
      { class: 'data compact' },
      h(
        'tbody',
        null,
        inputs.map(({ item, input }) =>
          h(
            'tr',
            null,
            h('td', null, `${item.code}. ${item.title}`),
            h('td', { class: 'num' }, `tối đa ${formatNumber(item.maxScore)}`),
            h('td', null, input),
          ),
        ),
      ),
    ),
    h('div', { class: 'row' }, h('label', null, 'Điểm thưởng ', bonus), h('label', null, 'Điểm trừ ', penalty)),
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void act(context, area, submit, `Đã lưu điểm thẩm định của ${organization.name}.`, () =>
      mutate(SUBMIT_SCORECARD, {
        input: {
          pledgeId: pledge.id,
          organizationCode: organization.code,
          stage: 'VERIFIED',
          scores: inputs.map(({ item, input }) => ({ itemCode: item.code, points: Number(input.value || 0) })),
          bonus: Number(bonus.value || 0),
          penalty: Number(penalty.value || 0),
        },
      }),
    );
  });
  return form;
}
