/**
 * Hội nghị: a conference's delegates (paged, searchable without diacritics, Vietnamese order) and its
 * composition report — each rule with what is required, what there is, ✓/✗ — with the balance of
 * sectors, women, ethnicities, ages and direct workers as charts.
 */
import type { PageContext } from '../main';
import { query } from '../api';
import { chartFigure } from '../charts';
import {
  COMPOSITION_RULE,
  CONFERENCE_FACET,
  CONFERENCE_KIND,
  CONFERENCE_LEVEL,
  DELEGATE_CATEGORY,
  DELEGATE_SECTOR,
  GENDER,
  label,
} from '../labels';
import { CONFERENCE_DETAIL, CONFERENCE_LIST } from '../queries';
import { formatDate, formatNumber, formatPercent } from '../text';
import { badge, check, dataTable, definitionList, empty, h, kpi, link, problemsBanner, section } from '../ui';
import { demoMark, organizationLink, pageHeader, readAll } from './common';

interface ConferenceSummary {
  code: string;
  title: string;
  kind: string;
  level: string;
  periodFrom: number;
  periodTo: number;
  heldOn: string | null;
  host: { code: string; name: string } | null;
}

interface Delegate {
  id: string;
  ordinal: number;
  fullName: string;
  category: string;
  sector: string | null;
  isExemplar: boolean;
  gender: string | null;
  ethnicity: string | null;
  birthYear: number | null;
  isDirectWorker: boolean | null;
  organization: { code: string; name: string } | null;
  selectedFor: { code: string; title: string } | null;
}

interface Detail {
  conference:
    | (ConferenceSummary & {
        theme: string | null;
        maxDelegates: number | null;
        minExemplarShare: number | null;
        balanceFacets: string[];
        source: string | null;
        isDemo: boolean;
        feedsInto: { code: string; title: string } | null;
        feeders: { code: string; title: string }[];
        delegates: Delegate[];
        incomingDelegates: Delegate[];
        compositionReport: {
          total: number;
          exemplarCount: number;
          passed: boolean;
          lines: { rule: string; required: string; actual: string; passed: boolean }[];
          breakdowns: { facet: string; buckets: { value: string; label: string; count: number; share: number }[] }[];
        };
      })
    | null;
}

/**
 * Vietnamese name lists are ordered by the given name (the last word), then the rest of the name:
 * "Trần Thị Bình" before "Nguyễn Văn Cường".
 */
export function nameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return `${words[words.length - 1]} ${words.slice(0, -1).join(' ')}`;
}

export async function conferenceListPage(context: PageContext): Promise<void> {
  context.setTitle('Hội nghị');
  const { nodes, errors } = await readAll<ConferenceSummary, { conferences: never }>(
    CONFERENCE_LIST,
    {},
    (data) => data.conferences,
  );
  if (!context.isCurrent()) return;
  context.root.replaceChildren(
    pageHeader(
      'Hội nghị, đại hội thi đua',
      'Hội nghị điển hình tiên tiến, đại hội thi đua yêu nước và các hội nghị tổng kết, tôn vinh.',
    ),
    problemsBanner(errors) ?? '',
    section(
      'Danh sách',
      null,
      dataTable({
        testId: 'conference-list',
        noun: 'hội nghị',
        rows: nodes,
        searchText: (conference) => `${conference.title} ${conference.code} ${conference.host?.name ?? ''}`,
        rowProps: (conference) => ({ 'data-conference': conference.code }),
        sortBy: 0,
        columns: [
          {
            title: 'Hội nghị',
            sort: (conference) => conference.title,
            cell: (conference) => link(`/hoi-nghi/${encodeURIComponent(conference.code)}`, conference.title),
          },
          { title: 'Loại', cell: (conference) => label(CONFERENCE_KIND, conference.kind) },
          { title: 'Cấp', cell: (conference) => label(CONFERENCE_LEVEL, conference.level) },
          {
            title: 'Giai đoạn',
            sort: (conference) => conference.periodFrom,
            cell: (conference) => `${conference.periodFrom}–${conference.periodTo}`,
          },
          { title: 'Đơn vị tổ chức', cell: (conference) => organizationLink(conference.host) },
        ],
      }),
    ),
  );
}

export async function conferencePage(context: PageContext): Promise<void> {
  const code = context.params[0]!.toUpperCase();
  const { data, errors } = await query<Detail>(CONFERENCE_DETAIL, { code });
  if (!context.isCurrent()) return;
  const conference = data.conference;
  if (!conference) {
    context.setTitle('Không tìm thấy hội nghị');
    context.root.replaceChildren(
      pageHeader('Không tìm thấy hội nghị', `Không có hội nghị nào có mã ${code}.`),
      h('p', null, link('/hoi-nghi', 'Xem danh sách hội nghị')),
    );
    return;
  }
  context.setTitle(conference.title);
  const report = conference.compositionReport;
  // The composition report counts the conference's own delegates and those chosen by the conferences
  // below: the list shows the same people, so its count and the report's agree.
  const own = [...conference.delegates].sort((a, b) => a.ordinal - b.ordinal);
  const incoming = (conference.incomingDelegates ?? []).filter(
    (delegate) => !own.some((mine) => mine.id === delegate.id),
  );
  const delegates = [...own, ...incoming];
  const personalVisible = delegates.some((delegate) => delegate.gender !== null);
  const hasDelegates = report.total > 0;

  context.root.replaceChildren();
  context.root.append(
    ...[
      pageHeader(conference.title, [
        `${label(CONFERENCE_KIND, conference.kind)} · ${label(CONFERENCE_LEVEL, conference.level)} · ${conference.periodFrom}–${conference.periodTo}`,
        ' ',
        demoMark(conference.isDemo),
      ]),
      problemsBanner(errors),
      h(
        'div',
        { class: 'kpis', 'data-testid': 'kpis' },
        kpi(
          'đại biểu',
          formatNumber(report.total),
          conference.maxDelegates ? `tối đa ${formatNumber(conference.maxDelegates)}` : 'không quy định số tối đa',
          { 'data-kpi': 'total' },
        ),
        kpi(
          'đại biểu điển hình tiên tiến',
          formatNumber(report.exemplarCount),
          report.total ? formatPercent(report.exemplarCount / report.total, 1) : undefined,
          { 'data-kpi': 'exemplars' },
        ),
        // Nothing to check without delegates: an empty delegation has not "met" its composition.
        kpi(
          'cơ cấu',
          !hasDelegates ? '—' : !report.lines.length ? 'Không quy định' : report.passed ? 'Đạt' : 'Chưa đạt',
          !hasDelegates
            ? 'chưa có đại biểu để kiểm tra'
            : report.lines.length
              ? `${report.lines.filter((line) => line.passed).length}/${report.lines.length} quy định`
              : 'không có quy định về số lượng, tỷ lệ',
          { 'data-kpi': 'passed' },
        ),
      ),
      section(
        'Thông tin',
        null,
        definitionList([
          ['Đơn vị tổ chức', organizationLink(conference.host)],
          ['Ngày tổ chức', conference.heldOn ? formatDate(conference.heldOn) : 'chưa định ngày'],
          ['Chủ đề', conference.theme ?? '—'],
          [
            'Hội nghị cấp trên',
            conference.feedsInto
              ? link(`/hoi-nghi/${encodeURIComponent(conference.feedsInto.code)}`, conference.feedsInto.title)
              : '—',
          ],
          [
            'Hội nghị cấp dưới',
            conference.feeders.length
              ? h(
                  'ul',
                  { class: 'plain-list' },
                  conference.feeders.map((feeder) =>
                    h('li', null, link(`/hoi-nghi/${encodeURIComponent(feeder.code)}`, feeder.title)),
                  ),
                )
              : '—',
          ],
          ['Đại biểu cấp dưới chọn lên', formatNumber(incoming.length)],
          ['Căn cứ', conference.source ?? '—'],
        ]),
      ),
      section(
        'Kiểm tra số lượng, cơ cấu đại biểu',
        { 'data-testid': 'composition-section' },
        report.lines.length
          ? h(
              'table',
              { class: 'data', 'data-testid': 'composition-table' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  ['Quy định', 'Yêu cầu', 'Thực tế', 'Kết quả'].map((title) => h('th', { scope: 'col' }, title)),
                ),
              ),
              h(
                'tbody',
                null,
                report.lines.map((line) =>
                  h(
                    'tr',
                    { 'data-rule': line.rule, class: line.passed ? 'row-pass' : 'row-fail' },
                    h('td', null, label(COMPOSITION_RULE, line.rule)),
                    h('td', { 'data-field': 'required' }, line.required),
                    h('td', { 'data-field': 'actual' }, line.actual),
                    h('td', { 'data-field': 'passed' }, check(line.passed)),
                  ),
                ),
              ),
            )
          : empty('Hội nghị không có quy định về số lượng, tỷ lệ đại biểu.'),
        report.breakdowns.length
          ? h(
              'div',
              { class: 'chart-grid' },
              report.breakdowns.map((breakdown) =>
                chartFigure({
                  testId: `facet-${breakdown.facet}`,
                  title: `Cơ cấu: ${label(CONFERENCE_FACET, breakdown.facet)}`,
                  horizontal: true,
                  valueTitle: 'Đại biểu',
                  data: breakdown.buckets.map((bucket) => ({
                    key: bucket.value,
                    label: bucket.label,
                    value: bucket.count,
                    share: bucket.share,
                  })),
                }),
              ),
            )
          : conference.balanceFacets.length && !personalVisible
            ? h(
                'p',
                { class: 'hint' },
                'Cơ cấu theo giới tính, dân tộc, độ tuổi chỉ hiển thị cho Ban TĐKT TW và cán bộ đơn vị tổ chức.',
              )
            : null,
      ),
      section(
        'Danh sách đại biểu',
        { 'data-testid': 'delegates-section' },
        !own.length && incoming.length
          ? h(
              'p',
              { class: 'hint' },
              `Hội nghị chưa có danh sách đại biểu riêng; dưới đây là ${formatNumber(incoming.length)} đại biểu do các hội nghị cấp dưới chọn lên.`,
            )
          : null,
        delegates.length
          ? dataTable<Delegate>({
              testId: 'delegates-table',
              noun: 'đại biểu',
              rows: delegates,
              pageSize: 25,
              searchText: (delegate) => `${delegate.fullName} ${delegate.organization?.name ?? ''}`,
              searchLabel: 'Tìm đại biểu theo tên (không cần dấu)…',
              rowProps: (delegate) => ({ 'data-delegate': delegate.ordinal, 'data-id': delegate.id }),
              columns: [
                {
                  title: 'STT',
                  numeric: true,
                  sort: (delegate) => delegate.ordinal,
                  cell: (delegate) => String(delegate.ordinal),
                },
                {
                  title: 'Họ tên',
                  field: 'name',
                  sort: (delegate) => nameSortKey(delegate.fullName),
                  cell: (delegate) => [
                    delegate.fullName,
                    delegate.organization ? h('div', { class: 'muted small' }, delegate.organization.name) : null,
                  ],
                },
                {
                  title: 'Thành phần',
                  sort: (delegate) => label(DELEGATE_CATEGORY, delegate.category),
                  cell: (delegate) => [
                    label(DELEGATE_CATEGORY, delegate.category),
                    delegate.isExemplar ? [' ', badge('điển hình', 'good')] : null,
                  ],
                },
                {
                  title: 'Lĩnh vực',
                  sort: (delegate) => label(DELEGATE_SECTOR, delegate.sector),
                  cell: (delegate) => label(DELEGATE_SECTOR, delegate.sector),
                },
                ...(personalVisible
                  ? [
                      {
                        title: 'Giới tính',
                        sort: (delegate: Delegate) => label(GENDER, delegate.gender),
                        cell: (delegate: Delegate) => label(GENDER, delegate.gender),
                      },
                      {
                        title: 'Dân tộc',
                        sort: (delegate: Delegate) => delegate.ethnicity ?? '',
                        cell: (delegate: Delegate) => delegate.ethnicity ?? '—',
                      },
                      {
                        title: 'Năm sinh',
                        numeric: true,
                        sort: (delegate: Delegate) => delegate.birthYear ?? 0,
                        cell: (delegate: Delegate) => (delegate.birthYear ? String(delegate.birthYear) : '—'),
                      },
                    ]
                  : []),
                {
                  title: 'Đi dự cấp trên',
                  cell: (delegate) =>
                    incoming.includes(delegate)
                      ? h('span', { class: 'muted small' }, 'do cấp dưới chọn lên')
                      : delegate.selectedFor
                        ? '✓'
                        : '',
                },
              ],
              sortBy: 0,
            })
          : empty('Chưa có danh sách đại biểu.'),
      ),
    ].filter((part): part is HTMLElement => part instanceof HTMLElement),
  );
}
