/**
 * Đơn vị: where an organization sits in the tree and in history (predecessors, successors, lineage
 * events), its bloc memberships, the pledges it signed and its collective awards in a year, and the
 * award statistics of its whole subtree.
 */
import type { PageContext } from '../main';
import { accessSentence, forbiddenAt, query, type GqlError } from '../api';
import { chartFigure, everyYear } from '../charts';
import {
  AWARD_CATEGORY,
  GENDER,
  LINEAGE_KIND,
  ORGANIZATION_KIND,
  ORGANIZATION_LEVEL,
  SUBJECT_KIND,
  label,
  memberRole,
} from '../labels';
import {
  AWARD_STATISTICS,
  ORGANIZATION_DETAILS,
  ORGANIZATION_PROFILE,
  ORGANIZATION_TREE,
  SEARCH_ORGANIZATIONS,
} from '../queries';
import { compareVi, formatDate, formatDateTime, formatNumber, nfc } from '../text';
import {
  badge,
  dataTable,
  definitionList,
  empty,
  h,
  kpi,
  link,
  loading,
  problemsBanner,
  section,
  yearSelect,
  type Child,
} from '../ui';
import { demoMark, fill, organizationLink, pageHeader } from './common';
import { pageYear, vietnamYear } from '../years';

interface Named {
  code: string;
  name: string;
}

interface Tree {
  organization: {
    id: string;
    code: string;
    name: string;
    shortName: string | null;
    kind: string;
    level: string;
    validFrom: string | null;
    validTo: string | null;
    parent: Named | null;
    children: (Named & { kind: string })[];
    predecessors: Named[];
    successors: Named[];
  } | null;
}

interface Profile {
  organization: {
    code: string;
    name: string;
    blocMemberships: { role: string; bloc: Named | null }[];
    pledgeSignatures: { signedAt: string; pledge: { year: number; bloc: Named } | null }[] | null;
    grants:
      | {
          year: number;
          awardType: { code: string; name: string; category: string } | null;
          decision: { number: string; issuedOn: string } | null;
        }[]
      | null;
  } | null;
}

interface Details {
  organization: {
    code: string;
    isDemo: boolean;
    blocMemberships: { bloc: { code: string; kind: string } | null }[];
    ancestors: Named[];
    descendantIds: string[];
    lineage: {
      id: string;
      kind: string;
      effectiveDate: string;
      legalBasis: string;
      note: string | null;
      predecessors: Named[];
      successors: Named[];
    }[];
    movementsLaunched: { code: string; title: string; startDate: string }[] | null;
    conferencesHosted: { code: string; title: string; periodFrom: number; periodTo: number }[] | null;
  } | null;
}

interface Statistics {
  awardStatistics: {
    total: number;
    byAwardType: { awardType: { code: string; name: string } | null; count: number }[];
    byYear: { year: number; count: number }[];
    bySubjectKind: { subjectKind: string; count: number }[];
    byGender: { gender: string; count: number }[];
  };
}

export async function organizationSearchPage(context: PageContext): Promise<void> {
  context.setTitle('Đơn vị');
  const search = context.query.get('q') ?? '';
  const input = h('input', {
    type: 'search',
    name: 'q',
    value: search,
    placeholder: 'Tên, tên viết tắt hoặc mã — không cần dấu, ví dụ "ha noi", "bo tu phap"',
    'aria-label': 'Tìm đơn vị',
    'data-testid': 'organization-search',
  });
  const form = h(
    'form',
    { class: 'search-form' },
    input,
    h('button', { type: 'submit', class: 'button-primary' }, 'Tìm'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    context.navigate(`/don-vi?q=${encodeURIComponent(nfc(input.value))}`);
  });
  const results = h('div', null, loading());
  context.root.replaceChildren(
    pageHeader('Đơn vị', 'Tìm một bộ, ngành, tỉnh, thành phố hoặc đơn vị trực thuộc để xem hồ sơ.'),
    section('Tìm đơn vị', null, form, results),
  );
  if (!nfc(search)) {
    results.replaceChildren(
      h(
        'p',
        { class: 'hint' },
        'Ví dụ: ',
        link('/don-vi/BTP', 'Bộ Tư pháp'),
        ', ',
        link('/don-vi/HCM', 'Thành phố Hồ Chí Minh'),
        ', ',
        link('/don-vi/BTDKTTW', 'Ban Thi đua – Khen thưởng Trung ương'),
        '.',
      ),
    );
    return;
  }
  // Server-side search (without diacritics, Vietnamese order), read page by page on demand.
  const rows: { code: string; name: string; kind: string; level: string }[] = [];
  let after: string | null = null;
  let total = 0;
  const list = h('ol', { class: 'result-list', 'data-testid': 'organization-results' });
  const more = h('button', { type: 'button', class: 'button-small' }, 'Xem thêm');
  const count = h('p', { class: 'table-count', 'data-testid': 'organization-count' });
  const loadPage = async () => {
    more.disabled = true;
    const { data } = await query<{
      organizations: {
        totalCount: number;
        edges: { node: { code: string; name: string; kind: string; level: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(SEARCH_ORGANIZATIONS, { search: nfc(search), first: 25, after });
    if (!context.isCurrent()) return;
    total = data.organizations.totalCount;
    for (const { node } of data.organizations.edges) {
      rows.push(node);
      list.append(
        h(
          'li',
          { 'data-code': node.code },
          link(`/don-vi/${encodeURIComponent(node.code)}`, node.name),
          h('span', { class: 'muted' }, ` · ${label(ORGANIZATION_KIND, node.kind)}`),
        ),
      );
    }
    after = data.organizations.pageInfo.endCursor;
    count.textContent = `${formatNumber(rows.length)} / ${formatNumber(total)} đơn vị`;
    more.hidden = !data.organizations.pageInfo.hasNextPage;
    more.disabled = false;
  };
  more.addEventListener('click', () => void loadPage());
  await fill(results, context.isCurrent, async () => {
    await loadPage();
    return rows.length ? [count, list, more] : empty(`Không tìm thấy đơn vị nào khớp “${search}”.`);
  });
}

export async function organizationPage(context: PageContext): Promise<void> {
  const code = context.params[0]!.toUpperCase();
  const { year, years } = await pageYear(context.query.get('nam'));
  const thisYear = vietnamYear();
  const [tree, profile, details] = await Promise.all([
    query<Tree>(ORGANIZATION_TREE, { code }),
    query<Profile>(ORGANIZATION_PROFILE, { code, year }),
    query<Details>(ORGANIZATION_DETAILS, { code, year }),
  ]);
  if (!context.isCurrent()) return;
  const organization = tree.data.organization;
  if (!organization) {
    context.setTitle('Không tìm thấy đơn vị');
    context.root.replaceChildren(
      pageHeader('Không tìm thấy đơn vị', `Không có đơn vị nào có mã ${code}.`),
      h('p', null, link('/don-vi', 'Tìm đơn vị')),
    );
    return;
  }
  context.setTitle(organization.name);
  const errors: GqlError[] = [...tree.errors, ...profile.errors, ...details.errors];
  const more = details.data.organization;
  const year_ = profile.data.organization;
  const statisticsSlot = h('div', null, loading());

  const lineage = more?.ancestors.length ? [...more.ancestors].reverse() : [];
  const breadcrumb = h(
    'nav',
    { class: 'breadcrumb', 'aria-label': 'Vị trí trong cây đơn vị' },
    lineage.map((ancestor) => [organizationLink(ancestor), ' › ']),
    h('span', { 'aria-current': 'page' }, organization.name),
  );
  const parts: Child[] = [
    breadcrumb,
    pageHeader(
      organization.name,
      [
        `${label(ORGANIZATION_KIND, organization.kind)} · ${label(ORGANIZATION_LEVEL, organization.level)}`,
        ' ',
        demoMark(more?.isDemo),
        organization.validTo ? [' ', badge(`đã kết thúc ${formatDate(organization.validTo)}`, 'warn')] : null,
      ],
      yearSelect(
        [...new Set([...years, ...Array.from({ length: 12 }, (_, index) => thisYear - index)])],
        year,
        (chosen) => context.navigate(`/don-vi/${encodeURIComponent(code)}?nam=${chosen}`),
      ),
    ),
    problemsBanner(errors),
    h(
      'div',
      { class: 'kpis', 'data-testid': 'kpis' },
      kpi('đơn vị trực thuộc trực tiếp', formatNumber(organization.children.length), undefined, {
        'data-kpi': 'children',
      }),
      kpi('đơn vị trong cây (mọi cấp)', more ? formatNumber(more.descendantIds.length) : '—', 'không kể chính đơn vị', {
        'data-kpi': 'subtree',
      }),
      kpi(`khối, cụm năm ${year}`, year_ ? formatNumber(year_.blocMemberships.length) : '—', undefined, {
        'data-kpi': 'blocs',
      }),
      kpi(`khen thưởng tập thể năm ${year}`, year_?.grants ? formatNumber(year_.grants.length) : '—', undefined, {
        'data-kpi': 'grants',
      }),
    ),
    section(
      'Vị trí và lịch sử',
      { 'data-testid': 'tree-section' },
      definitionList([
        ['Tên viết tắt', organization.shortName ?? '—'],
        ['Cấp trên trực tiếp', organizationLink(organization.parent)],
        [
          'Hoạt động',
          `${organization.validFrom ? `từ ${formatDate(organization.validFrom)}` : 'từ trước dữ liệu của hệ thống'}${organization.validTo ? ` đến ${formatDate(organization.validTo)}` : ''}`,
        ],
        [
          'Đơn vị tiền thân',
          organization.predecessors.length
            ? h(
                'ul',
                { class: 'inline-list', 'data-testid': 'predecessors' },
                organization.predecessors.map((entry) => h('li', null, organizationLink(entry))),
              )
            : 'Không có',
        ],
        [
          'Đơn vị kế thừa',
          organization.successors.length
            ? h(
                'ul',
                { class: 'inline-list', 'data-testid': 'successors' },
                organization.successors.map((entry) => h('li', null, organizationLink(entry))),
              )
            : 'Không có',
        ],
      ]),
      more?.lineage.length
        ? dataTable({
            testId: 'lineage-table',
            noun: 'sự kiện',
            rows: more.lineage,
            pageSize: 10,
            columns: [
              {
                title: 'Ngày hiệu lực',
                sort: (event) => event.effectiveDate,
                cell: (event) => formatDate(event.effectiveDate),
              },
              { title: 'Sự kiện', cell: (event) => label(LINEAGE_KIND, event.kind) },
              {
                title: 'Trước',
                cell: (event) =>
                  h(
                    'ul',
                    { class: 'inline-list' },
                    event.predecessors.map((entry) => h('li', null, organizationLink(entry))),
                  ),
              },
              {
                title: 'Sau',
                cell: (event) =>
                  h(
                    'ul',
                    { class: 'inline-list' },
                    event.successors.map((entry) => h('li', null, organizationLink(entry))),
                  ),
              },
              {
                title: 'Căn cứ',
                cell: (event) => [event.legalBasis, event.note ? h('div', { class: 'muted small' }, event.note) : null],
              },
            ],
          })
        : null,
    ),
    section(
      'Đơn vị trực thuộc',
      { 'data-testid': 'children-section' },
      organization.children.length
        ? dataTable({
            testId: 'children-table',
            noun: 'đơn vị',
            rows: [...organization.children].sort((a, b) => compareVi(a.name, b.name)),
            pageSize: 20,
            searchText: (child) => child.name,
            columns: [
              { title: 'Đơn vị', sort: (child) => child.name, cell: (child) => organizationLink(child) },
              {
                title: 'Loại',
                sort: (child) => label(ORGANIZATION_KIND, child.kind),
                cell: (child) => label(ORGANIZATION_KIND, child.kind),
              },
            ],
          })
        : empty('Không có đơn vị trực thuộc.'),
    ),
    section(
      `Thi đua năm ${year}`,
      { 'data-testid': 'year-section' },
      h('h3', null, 'Khối, cụm thi đua'),
      year_?.blocMemberships.length
        ? h(
            'ul',
            { class: 'plain-list', 'data-testid': 'memberships' },
            year_.blocMemberships.map((membership) =>
              h(
                'li',
                { 'data-bloc': membership.bloc?.code },
                membership.bloc
                  ? link(`/khoi/${encodeURIComponent(membership.bloc.code)}?nam=${year}`, membership.bloc.name)
                  : '—',
                ` — ${memberRole(membership.role, more?.blocMemberships.find((entry) => entry.bloc?.code === membership.bloc?.code)?.bloc?.kind)}`,
              ),
            ),
          )
        : empty(`Không là thành viên khối, cụm nào năm ${year}.`),
      h('h3', null, 'Giao ước đã ký'),
      year_?.pledgeSignatures === null
        ? h(
            'p',
            { class: 'muted' },
            forbiddenAt(profile.errors, 'pledgeSignatures')
              ? accessSentence('giao ước đã ký của đơn vị')
              : 'Thiếu dữ liệu giao ước (dịch vụ không phản hồi).',
          )
        : year_?.pledgeSignatures.length
          ? h(
              'ul',
              { class: 'plain-list', 'data-testid': 'signatures' },
              year_.pledgeSignatures.map((signature) =>
                h(
                  'li',
                  null,
                  signature.pledge
                    ? link(
                        `/khoi/${encodeURIComponent(signature.pledge.bloc.code)}?nam=${signature.pledge.year}`,
                        `${signature.pledge.bloc.name} (${signature.pledge.year})`,
                      )
                    : '—',
                  ` — ký ${formatDateTime(signature.signedAt)}`,
                ),
              ),
            )
          : empty(`Chưa ký giao ước nào năm ${year}.`),
      h('h3', null, 'Khen thưởng tập thể'),
      year_?.grants === null
        ? h(
            'p',
            { class: 'muted' },
            forbiddenAt(profile.errors, 'grants')
              ? accessSentence('khen thưởng tập thể của đơn vị')
              : 'Thiếu dữ liệu khen thưởng (dịch vụ không phản hồi).',
          )
        : year_?.grants.length
          ? dataTable({
              testId: 'grants-table',
              noun: 'lượt',
              rows: year_.grants,
              columns: [
                { title: 'Hình thức', cell: (grant) => grant.awardType?.name ?? '—' },
                { title: 'Nhóm', cell: (grant) => label(AWARD_CATEGORY, grant.awardType?.category) },
                {
                  title: 'Quyết định',
                  cell: (grant) =>
                    grant.decision ? `${grant.decision.number}, ${formatDate(grant.decision.issuedOn)}` : '—',
                },
              ],
            })
          : empty(`Chưa có khen thưởng tập thể năm ${year}.`),
    ),
    section('Thống kê khen thưởng của cả cây đơn vị', { 'data-testid': 'statistics-section' }, statisticsSlot),
  ];
  if (more?.movementsLaunched?.length || more?.conferencesHosted?.length) {
    parts.push(
      section(
        'Phong trào, hội nghị do đơn vị tổ chức',
        null,
        more.movementsLaunched?.length
          ? h(
              'ul',
              { class: 'plain-list' },
              more.movementsLaunched.map((movement) =>
                h('li', null, `${movement.title} (từ ${formatDate(movement.startDate)})`),
              ),
            )
          : null,
        more.conferencesHosted?.length
          ? h(
              'ul',
              { class: 'plain-list' },
              more.conferencesHosted.map((conference) =>
                h(
                  'li',
                  null,
                  link(`/hoi-nghi/${encodeURIComponent(conference.code)}`, conference.title),
                  ` (${conference.periodFrom}–${conference.periodTo})`,
                ),
              ),
            )
          : null,
      ),
    );
  }
  context.root.replaceChildren();
  context.root.append(...parts.filter((part): part is Node => part instanceof Node));

  await fill(statisticsSlot, context.isCurrent, async () => {
    const { data } = await query<Statistics>(AWARD_STATISTICS, { filter: { organizationCode: code } });
    const statistics = data.awardStatistics;
    if (!statistics.total) return empty('Chưa có khen thưởng nào trong cây đơn vị này.');
    return [
      h(
        'p',
        { 'data-testid': 'statistics-total' },
        'Tổng số lượt khen thưởng còn hiệu lực: ',
        h('strong', null, formatNumber(statistics.total)),
        '.',
      ),
      h(
        'div',
        { class: 'chart-grid' },
        chartFigure({
          testId: 'subtree-by-type',
          title: 'Theo hình thức',
          horizontal: true,
          valueTitle: 'Lượt',
          data: statistics.byAwardType
            .map((entry) => ({
              key: entry.awardType?.code ?? '?',
              label: entry.awardType?.name ?? '?',
              value: entry.count,
            }))
            .sort((a, b) => b.value - a.value || compareVi(a.label, b.label)),
        }),
        chartFigure({
          testId: 'subtree-by-year',
          title: 'Theo năm thành tích',
          valueTitle: 'Lượt',
          data: everyYear(statistics.byYear),
        }),
        chartFigure({
          testId: 'subtree-by-subject',
          title: 'Cá nhân, tập thể',
          kind: 'doughnut',
          valueTitle: 'Lượt',
          data: statistics.bySubjectKind.map((entry) => ({
            key: entry.subjectKind,
            label: label(SUBJECT_KIND, entry.subjectKind),
            value: entry.count,
          })),
        }),
        chartFigure({
          testId: 'subtree-by-gender',
          title: 'Cá nhân theo giới tính',
          kind: 'doughnut',
          valueTitle: 'Lượt',
          data: statistics.byGender.map((entry) => ({
            key: entry.gender,
            label: label(GENDER, entry.gender),
            value: entry.count,
          })),
        }),
      ),
    ];
  });
}
