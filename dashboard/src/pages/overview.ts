/**
 * Tổng quan (Central Board): for one year, every bloc and cluster with its pledge (signed / members,
 * average progress, leading unit), awards by type and by year, and movements by level and scope.
 *
 * The schema has no national aggregates yet: award counts add up awardStatistics of each bloc/cluster
 * of the year, and movement counts are made here from the movements list. When the analytics queries
 * land, these sections switch to them.
 */
import type { PageContext } from '../main';
import { query, wholeData } from '../api';
import { chartFigure, type Datum } from '../charts';
import { BLOC_KIND, MOVEMENT_LAUNCH_LEVEL, MOVEMENT_SCOPE, PLEDGE_STATUS, ROLE_SCOPE, label } from '../labels';
import { averageProgress, type ProgressRow } from '../progress';
import { DASHBOARD_BLOC_AWARDS, DASHBOARD_MOVEMENTS, DASHBOARD_OVERVIEW } from '../queries';
import { pageYear } from '../years';
import { compareVi, formatDate, formatNumber, sortVi } from '../text';
import { badge, dataTable, empty, h, kpi, link, loading, meter, problemsBanner, section, yearSelect } from '../ui';
import { fill, organizationLink, pageHeader, readAll } from './common';
import { formDownloads } from '../downloads';
import { todoPanel } from './todo';

interface OverviewBloc {
  code: string;
  name: string;
  kind: string;
  organizer: { code: string; name: string } | null;
  members: { role: string; organization: { code: string; name: string } | null }[];
  pledge: {
    id: string;
    status: string;
    signedAt: string | null;
    items: { code: string; targetValue: number | null }[];
    signatures: { organization: { code: string } }[];
    /** null when the caller may not see it (FORBIDDEN on its path). */
    progress: ProgressRow[] | null;
    leadingUnit: { code: string; name: string } | null;
  } | null;
}

interface BlocAwards {
  inYear: { total: number; byAwardType: { awardType: { code: string; name: string } | null; count: number }[] };
  overYears: { total: number; byYear: { year: number; count: number }[] };
}

interface MovementNode {
  code: string;
  title: string;
  launchLevel: string;
  scope: string;
  method: string;
  startDate: string;
  endDate: string | null;
  launchedBy: { code: string; name: string } | null;
}

const STATUS_TONE: Record<string, 'neutral' | 'good' | 'warn' | 'info'> = {
  DRAFT: 'neutral',
  OPEN: 'warn',
  SIGNED: 'good',
  CLOSED: 'info',
};

interface Counts {
  byType: Map<string, Datum>;
  byYear: Map<number, number>;
  total: number;
}

function emptyCounts(year: number): Counts {
  const byYear = new Map<number, number>();
  for (let y = year - 9; y <= year; y += 1) byYear.set(y, 0);
  return { byType: new Map(), byYear, total: 0 };
}

interface Form {
  columns: { awardType: { code: string; name: string } | null }[];
  rows: { label: string; total: number | null; values: (number | null)[] }[];
}

/** The form's "Tổng số" row (its first). */
function totalRow(form: Form): Form['rows'][number] | undefined {
  return form.rows.find((row) => row.label === 'Tổng số') ?? form.rows[0];
}

const FORM_FRAGMENT = `fragment form on AwardStatisticalForm { columns { awardType { code name } } rows { label total values } }`;

/**
 * Awards of the whole country from forms 0602 and 0603: the year by award type, ten years by year. A
 * form costs about 2,000 of the gateway's 25,000 per request, so the years go five at a time.
 */
async function nationalCounts(year: number): Promise<Counts> {
  const counts = emptyCounts(year);
  const years = [...counts.byYear.keys()];
  const chunks = [years.slice(0, 5), years.slice(5)];
  const yearFields = (chunk: number[]) =>
    chunk
      .flatMap((y) =>
        ['0602', '0603'].map(
          (form) =>
            `y${y}_${form}: statisticalForm${form}(filter: { yearFrom: ${y}, yearTo: ${y} }) { rows { label total values } }`,
        ),
      )
      .join(' ');
  const [inYear, ...overYears] = await Promise.all([
    query<Record<string, Form>>(
      `query DashboardNationalAwards($year: Int!) {
        f0602: statisticalForm0602(filter: { yearFrom: $year, yearTo: $year }) { ...form }
        f0603: statisticalForm0603(filter: { yearFrom: $year, yearTo: $year }) { ...form }
      } ${FORM_FRAGMENT}`,
      { year },
    ),
    ...chunks.map((chunk) =>
      query<Record<string, Form>>(`query DashboardNationalAwardsByYear { ${yearFields(chunk)} }`),
    ),
  ]);
  const current = wholeData(inYear);
  for (const form of [current['f0602']!, current['f0603']!]) {
    const row = totalRow(form);
    counts.total += row?.total ?? 0;
    form.columns.forEach((column, index) => {
      const value = row?.values[index] ?? 0;
      if (!column.awardType || !value) return;
      const datum = counts.byType.get(column.awardType.code) ?? {
        key: column.awardType.code,
        label: column.awardType.name,
        value: 0,
      };
      datum.value += value;
      counts.byType.set(column.awardType.code, datum);
    });
  }
  const answers = Object.assign({}, ...overYears.map((answer) => wholeData(answer))) as Record<string, Form>;
  for (const y of years)
    counts.byYear.set(
      y,
      (totalRow(answers[`y${y}_0602`]!)?.total ?? 0) + (totalRow(answers[`y${y}_0603`]!)?.total ?? 0),
    );
  return counts;
}

/** Awards of one bloc's members (and their subtrees) in the year. */
async function blocCounts(blocCode: string, year: number): Promise<Counts> {
  const counts = emptyCounts(year);
  const data = wholeData(
    await query<BlocAwards>(DASHBOARD_BLOC_AWARDS, {
      year: { blocCode, yearFrom: year, yearTo: year },
      years: { blocCode, yearFrom: year - 9, yearTo: year },
    }),
  );
  counts.total = data.inYear.total;
  for (const entry of data.inYear.byAwardType) {
    if (!entry.awardType) continue;
    counts.byType.set(entry.awardType.code, {
      key: entry.awardType.code,
      label: entry.awardType.name,
      value: entry.count,
    });
  }
  for (const entry of data.overYears.byYear) counts.byYear.set(entry.year, entry.count);
  return counts;
}

export async function overviewPage(context: PageContext): Promise<void> {
  context.setTitle('Tổng quan');
  const { year, years } = await pageYear(context.query.get('nam'));
  if (!context.isCurrent()) return;

  const kpis = h('div', { class: 'kpis', 'data-testid': 'kpis' });
  const blocsSlot = h('div', null, loading());
  const awardsSlot = h('div', null, loading());
  const movementsSlot = h('div', null, loading());
  const banner = h('div');
  // An officer's own to-do of the year (pages/todo.ts), computed by the campaigns subgraph when asked.
  const todoSlot = h('div');
  void todoPanel(context.session, year).then(
    (panel) => panel && context.isCurrent() && todoSlot.replaceChildren(panel),
  );
  context.root.replaceChildren(
    pageHeader(
      `Tổng quan thi đua – khen thưởng năm ${year}`,
      'Các khối, cụm thi đua và giao ước của năm; khen thưởng theo hình thức và theo năm; phong trào thi đua theo cấp phát động và phạm vi.',
      yearSelect(years, year, (chosen) => context.navigate(`/?nam=${chosen}`)),
    ),
    banner,
    todoSlot,
    kpis,
    section('Khối, cụm thi đua', { 'data-testid': 'blocs-section' }, blocsSlot),
    section('Khen thưởng', { 'data-testid': 'awards-section' }, awardsSlot),
    section('Phong trào thi đua', { 'data-testid': 'movements-section' }, movementsSlot),
    section('Biểu mẫu thống kê', { 'data-testid': 'forms-section' }, formDownloads(year)),
  );

  const kpiValues = new Map<string, HTMLElement>();
  const setKpi = (key: string, element: HTMLElement) => {
    kpiValues.set(key, element);
    kpis.replaceChildren(
      ...['blocs', 'pledges', 'members', 'awards', 'movements']
        .map((name) => kpiValues.get(name))
        .filter((element): element is HTMLElement => !!element),
    );
  };

  const blocsRead = readAll<OverviewBloc, { blocs: never }>(DASHBOARD_OVERVIEW, { year }, (data) => data.blocs);

  await Promise.all([
    fill(blocsSlot, context.isCurrent, async () => {
      const { nodes, errors } = await blocsRead;
      const blocs = sortVi(nodes, (bloc) => bloc.name);
      banner.replaceChildren(...[problemsBanner(errors)].filter((node): node is HTMLElement => !!node));
      const pledges = blocs.filter((bloc) => bloc.pledge);
      const signedOrClosed = pledges.filter(
        (bloc) => bloc.pledge!.status === 'SIGNED' || bloc.pledge!.status === 'CLOSED',
      );
      const members = new Set(
        blocs.flatMap((bloc) => bloc.members.map((member) => member.organization?.code).filter(Boolean)),
      );
      setKpi(
        'blocs',
        kpi(
          'khối, cụm thi đua',
          formatNumber(blocs.length),
          `${formatNumber(blocs.filter((bloc) => bloc.kind === 'BLOC').length)} khối, ${formatNumber(blocs.filter((bloc) => bloc.kind === 'CLUSTER').length)} cụm`,
          { 'data-kpi': 'blocs' },
        ),
      );
      setKpi(
        'pledges',
        kpi(
          'giao ước đã ký đủ',
          `${formatNumber(signedOrClosed.length)}/${formatNumber(pledges.length)}`,
          'kể cả đã tổng kết',
          { 'data-kpi': 'pledges' },
        ),
      );
      setKpi('members', kpi('đơn vị tham gia', formatNumber(members.size), undefined, { 'data-kpi': 'members' }));
      if (!blocs.length) return empty(`Năm ${year} chưa có khối, cụm thi đua nào có danh sách thành viên.`);
      return [
        dataTable<OverviewBloc>({
          testId: 'blocs-table',
          noun: 'khối, cụm',
          rows: blocs,
          pageSize: 20,
          searchText: (bloc) => `${bloc.name} ${bloc.code}`,
          searchLabel: 'Tìm khối, cụm (không cần dấu)…',
          rowProps: (bloc) => ({ 'data-bloc': bloc.code }),
          columns: [
            {
              title: 'Khối, cụm',
              field: 'name',
              sort: (bloc) => bloc.name,
              cell: (bloc) => link(`/khoi/${encodeURIComponent(bloc.code)}?nam=${year}`, bloc.name),
            },
            {
              title: 'Loại',
              field: 'kind',
              sort: (bloc) => label(BLOC_KIND, bloc.kind),
              cell: (bloc) => label(BLOC_KIND, bloc.kind),
            },
            {
              title: 'Giao ước',
              field: 'status',
              cell: (bloc) =>
                bloc.pledge
                  ? badge(label(PLEDGE_STATUS, bloc.pledge.status), STATUS_TONE[bloc.pledge.status] ?? 'neutral')
                  : h('span', { class: 'muted' }, 'Chưa có'),
            },
            {
              title: 'Đã ký / thành viên',
              field: 'signed',
              numeric: true,
              sort: (bloc) => (bloc.members.length ? (bloc.pledge?.signatures.length ?? 0) / bloc.members.length : 0),
              cell: (bloc) => {
                const signed = bloc.pledge?.signatures.length ?? 0;
                return meter(
                  bloc.members.length ? signed / bloc.members.length : 0,
                  `${formatNumber(signed)}/${formatNumber(bloc.members.length)}`,
                );
              },
            },
            {
              title: 'Tiến độ trung bình',
              field: 'progress',
              numeric: true,
              cell: (bloc) => {
                if (!bloc.pledge) return '—';
                const codes = bloc.members
                  .map((member) => member.organization?.code)
                  .filter((code): code is string => !!code);
                const progress = bloc.pledge.progress;
                // Withheld progress is null (the API answers FORBIDDEN on its path), never an empty list.
                if (progress === null)
                  return h(
                    'span',
                    {
                      class: 'muted',
                      title: `Chỉ Ban TĐKT Trung ương và cán bộ các đơn vị thành viên xem được tiến độ. ${label(ROLE_SCOPE, context.session?.role ?? 'PUBLIC', '')}`,
                    },
                    context.session ? 'ngoài phạm vi được xem' : 'cần đăng nhập',
                  );
                // No report at all is "not reported", not 0 %.
                if (!progress.length) return h('span', { class: 'muted' }, 'chưa báo cáo');
                const average = averageProgress(codes, bloc.pledge.items, progress);
                return average === null
                  ? h('span', { class: 'muted', title: 'Giao ước không có nội dung nào có chỉ tiêu.' }, '—')
                  : meter(average);
              },
            },
            { title: 'Đơn vị dẫn đầu', field: 'leading', cell: (bloc) => organizationLink(bloc.pledge?.leadingUnit) },
          ],
        }),
        h(
          'p',
          { class: 'hint' },
          'Tiến độ trung bình: giá trị báo cáo mới nhất so với chỉ tiêu (tối đa 100 %) của mọi thành viên và nội dung có chỉ tiêu; thành viên chưa báo cáo tính 0 %.',
        ),
      ];
    }),

    fill(awardsSlot, context.isCurrent, async () => {
      const { nodes } = await blocsRead;
      const blocs = sortVi(nodes, (bloc) => bloc.name);
      if (!blocs.length) return empty('Không có khối, cụm nào trong năm để thống kê khen thưởng.');
      const scope = h(
        'select',
        { 'aria-label': 'Phạm vi thống kê', 'data-testid': 'awards-scope' },
        h('option', { value: '' }, 'Cả nước (biểu 0602 và 0603)'),
        blocs.map((bloc) => h('option', { value: bloc.code }, bloc.name)),
      );
      const charts = h('div', { class: 'chart-grid' });
      const draw = async () => {
        charts.replaceChildren(loading());
        await fill(charts, context.isCurrent, async () => {
          // The whole country: the statistical forms 0602 and 0603 count each grant once, where adding
          // up the blocs counted a unit in two blocs (and its subtree) twice.
          const counts = scope.value ? await blocCounts(scope.value, year) : await nationalCounts(year);
          const { byType, byYear, total } = counts;
          setKpi(
            'awards',
            kpi(
              `lượt khen thưởng năm ${year}`,
              formatNumber(total),
              scope.value ? 'trong khối, cụm đã chọn' : 'cả nước, cấp Nhà nước và cấp bộ, tỉnh',
              { 'data-kpi': 'awards' },
            ),
          );
          const types = [...byType.values()].sort((a, b) => b.value - a.value || compareVi(a.label, b.label));
          return [
            chartFigure({
              testId: 'awards-by-type',
              title: `Khen thưởng theo hình thức, năm ${year}`,
              data: types,
              horizontal: true,
              valueTitle: 'Lượt',
              emptyText: `Chưa có khen thưởng nào năm ${year} trong phạm vi này.`,
            }),
            chartFigure({
              testId: 'awards-by-year',
              title: `Khen thưởng theo năm, ${year - 9}–${year}`,
              data: [...byYear.entries()].map(([y, count]) => ({ key: String(y), label: String(y), value: count })),
              valueTitle: 'Lượt',
            }),
          ];
        });
      };
      scope.addEventListener('change', () => void draw());
      void draw();
      return [
        h('div', { class: 'section-tools' }, h('label', { class: 'inline-field' }, 'Phạm vi ', scope)),
        charts,
        h(
          'p',
          { class: 'hint' },
          'Lượt khen thưởng còn hiệu lực (không tính lượt đã thu hồi), theo năm thành tích. Cả nước: khen thưởng cấp Nhà nước (biểu 0602.N/BNV-TĐKT) và cấp bộ, ban, ngành, tỉnh (biểu 0603.N/BNV-TĐKT) theo Thông tư 02/2023/TT-BNV, mỗi lượt tính một lần; danh hiệu cấp cơ sở không thuộc hai biểu này. Một khối, cụm: các đơn vị thành viên của năm và đơn vị trực thuộc.',
        ),
      ];
    }),

    fill(movementsSlot, context.isCurrent, async () => {
      const { nodes, errors } = await readAll<MovementNode, { movements: never }>(
        DASHBOARD_MOVEMENTS,
        {},
        (data) => data.movements,
      );
      const from = `${year}-01-01`;
      const to = `${year}-12-31`;
      const inYear = sortVi(
        nodes.filter((movement) => movement.startDate <= to && (!movement.endDate || movement.endDate >= from)),
        (movement) => movement.title,
      );
      setKpi(
        'movements',
        kpi(`phong trào diễn ra trong năm`, formatNumber(inYear.length), undefined, { 'data-kpi': 'movements' }),
      );
      // Every value the API sent is counted (in the labels' order, then any other), so the charts add
      // up to the number of movements even for a level the dashboard has no name for yet.
      const count = (key: (movement: MovementNode) => string, labels: Record<string, string>): Datum[] =>
        [...new Set([...Object.keys(labels), ...inYear.map(key)])]
          .map((value) => {
            const matching = inYear.filter((movement) => key(movement) === value).length;
            return {
              key: value,
              label: label(labels, value),
              value: matching,
              share: inYear.length ? matching / inYear.length : 0,
            };
          })
          .filter((datum) => datum.value > 0);
      if (!inYear.length)
        return [problemsBanner(errors), empty(`Không có phong trào thi đua nào diễn ra trong năm ${year}.`)];
      return [
        problemsBanner(errors),
        h(
          'div',
          { class: 'chart-grid' },
          chartFigure({
            testId: 'movements-by-level',
            title: 'Theo cấp phát động',
            data: count((movement) => movement.launchLevel, MOVEMENT_LAUNCH_LEVEL),
            horizontal: true,
            valueTitle: 'Phong trào',
          }),
          chartFigure({
            testId: 'movements-by-scope',
            title: 'Theo phạm vi',
            data: count((movement) => movement.scope, MOVEMENT_SCOPE),
            kind: 'doughnut',
            valueTitle: 'Phong trào',
          }),
        ),
        dataTable<MovementNode>({
          testId: 'movements-table',
          noun: 'phong trào',
          rows: inYear,
          pageSize: 10,
          searchText: (movement) => `${movement.title} ${movement.code}`,
          columns: [
            { title: 'Phong trào', sort: (movement) => movement.title, cell: (movement) => movement.title },
            {
              title: 'Đơn vị phát động',
              sort: (movement) => movement.launchedBy?.name ?? '',
              cell: (movement) => organizationLink(movement.launchedBy),
            },
            { title: 'Cấp', cell: (movement) => label(MOVEMENT_LAUNCH_LEVEL, movement.launchLevel) },
            { title: 'Phạm vi', cell: (movement) => label(MOVEMENT_SCOPE, movement.scope) },
            {
              title: 'Thời gian',
              sort: (movement) => movement.startDate,
              cell: (movement) =>
                `${formatDate(movement.startDate)} – ${movement.endDate ? formatDate(movement.endDate) : 'chưa định'}`,
            },
          ],
        }),
      ];
    }),
  ]);
}
