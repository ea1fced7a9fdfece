/**
 * Cá nhân: a person's grants and annual ratings, and the verdict of the law for a chosen title and
 * year (awards subgraph, versioned rules), every unmet condition in plain words.
 */
import type { PageContext } from '../main';
import { accessSentence, forbiddenAt, query, type GqlError } from '../api';
import { ANNUAL_RATING, AWARD_CATEGORY, COMMENDATION_BASIS, GENDER, RULESET, label } from '../labels';
import { AWARD_CATALOG, ELIGIBILITY_NOTES, PERSON_DETAILS, PERSON_RECORD, PERSON_SEARCH } from '../queries';
import { compareVi, formatDate, formatNumber, nfc } from '../text';
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
  type Child,
} from '../ui';
import { demoMark, fill, organizationLink, pageHeader } from './common';
import { defaultYear, newestPastYear, vietnamYear } from '../years';

interface AwardType {
  code: string;
  name: string;
  category: string;
  subjectKinds: string[];
  decidingAuthority: string;
}

interface Record_ {
  person: {
    id: string;
    fullName: string;
    organization: { code: string; name: string } | null;
    annualRatings: { year: number; rating: string }[] | null;
    grants:
      | {
          year: number;
          awardType: { code: string; name: string } | null;
          decision: { number: string; issuedOn: string } | null;
          basis: string;
        }[]
      | null;
    eligibility: {
      /** null: not evaluated (the reasons say why), e.g. data the rule needs is missing. */
      eligible: boolean | null;
      ruleset: string;
      reasons: { code: string; message: string }[];
      evidence: { year: number; awardType: { code: string } | null }[];
    } | null;
  } | null;
}

const RATING_TONE: Record<string, 'good' | 'info' | 'neutral' | 'bad'> = {
  EXCELLENT: 'good',
  GOOD: 'info',
  COMPLETED: 'neutral',
  NOT_COMPLETED: 'bad',
};

export async function personSearchPage(context: PageContext): Promise<void> {
  context.setTitle('Cá nhân');
  const search = context.query.get('q') ?? '';
  const header = pageHeader(
    'Cá nhân',
    'Hồ sơ khen thưởng, kết quả xếp loại và điều kiện đề nghị danh hiệu của một cá nhân.',
  );
  if (!context.session) {
    context.root.replaceChildren(
      header,
      section(
        'Tìm cá nhân',
        null,
        h(
          'p',
          null,
          'Tra cứu cá nhân cần đăng nhập: Ban TĐKT Trung ương tìm được mọi người; cán bộ một đơn vị tìm được người trong phạm vi đơn vị mình.',
        ),
        h(
          'p',
          { class: 'hint' },
          'Công chúng chỉ xem được họ tên và đơn vị của người đã được khen thưởng, qua đường dẫn tới hồ sơ.',
        ),
      ),
    );
    return;
  }
  const input = h('input', {
    type: 'search',
    name: 'q',
    value: search,
    placeholder: 'Họ tên, không cần dấu — ví dụ "nguyen van an"',
    'aria-label': 'Tìm cá nhân',
    'data-testid': 'person-search',
  });
  const form = h(
    'form',
    { class: 'search-form' },
    input,
    h('button', { type: 'submit', class: 'button-primary' }, 'Tìm'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    context.navigate(`/ca-nhan?q=${encodeURIComponent(nfc(input.value))}`);
  });
  const results = h('div', null, loading());
  context.root.replaceChildren(header, section('Tìm cá nhân', null, form, results));
  const rows: { id: string; fullName: string; organization: { code: string; name: string } | null }[] = [];
  let after: string | null = null;
  const list = h('ol', { class: 'result-list', 'data-testid': 'person-results' });
  const more = h('button', { type: 'button', class: 'button-small' }, 'Xem thêm');
  const count = h('p', { class: 'table-count' });
  const loadPage = async () => {
    more.disabled = true;
    const { data } = await query<{
      persons: {
        totalCount: number;
        edges: { node: (typeof rows)[number] }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    }>(PERSON_SEARCH, { search: nfc(search) || null, first: 25, after });
    if (!context.isCurrent()) return;
    for (const { node } of data.persons.edges) {
      rows.push(node);
      list.append(
        h(
          'li',
          { 'data-person': node.id },
          link(`/ca-nhan/${encodeURIComponent(node.id)}`, node.fullName),
          h('span', { class: 'muted' }, ` · ${node.organization?.name ?? '—'}`),
        ),
      );
    }
    after = data.persons.pageInfo.endCursor;
    count.textContent = `${formatNumber(rows.length)} / ${formatNumber(data.persons.totalCount)} người`;
    more.hidden = !data.persons.pageInfo.hasNextPage;
    more.disabled = false;
  };
  more.addEventListener('click', () => void loadPage());
  await fill(results, context.isCurrent, async () => {
    await loadPage();
    return rows.length
      ? [count, list, more]
      : empty(
          search
            ? `Không tìm thấy ai khớp “${search}” trong phạm vi của bạn.`
            : 'Không có cá nhân nào trong phạm vi của bạn.',
        );
  });
}

export async function personPage(context: PageContext): Promise<void> {
  const id = context.params[0]!;
  const thisYear = vietnamYear();
  const [catalog, details] = await Promise.all([
    query<{ awardTypes: AwardType[] }>(AWARD_CATALOG).catch(() => ({
      data: { awardTypes: [] as AwardType[] },
      errors: [] as GqlError[],
    })),
    query<{
      person: {
        id: string;
        gender: string | null;
        birthYear: number | null;
        position: string | null;
        isDemo: boolean;
        annualRatings: { year: number }[] | null;
      } | null;
    }>(PERSON_DETAILS, { id }),
  ]);
  const ratedYears = (details.data.person?.annualRatings ?? []).map((rating) => rating.year);
  const requestedYear = Number(context.query.get('nam'));
  const year =
    Number.isInteger(requestedYear) && requestedYear > 1900
      ? requestedYear
      : // This person's newest rated year (the year a title is considered for), else the pages' default.
        (newestPastYear(ratedYears) ?? (await defaultYear()).year);
  const personTypes = catalog.data.awardTypes.filter((type) => type.subjectKinds.includes('PERSON'));
  const awardTypeCode =
    context.query.get('danh-hieu') ??
    (personTypes.some((type) => type.code === 'CSTD_CO_SO') ? 'CSTD_CO_SO' : (personTypes[0]?.code ?? 'CSTD_CO_SO'));
  const [record, notes] = await Promise.all([
    query<Record_>(PERSON_RECORD, { id, awardTypeCode, year }),
    query<{ person: { eligibility: { notes: string[] } | null } | null }>(ELIGIBILITY_NOTES, {
      id,
      awardTypeCode,
      year,
    }).catch(() => null),
  ]);
  if (!context.isCurrent()) return;
  const person = record.data.person;
  if (!person) {
    context.setTitle('Không tìm thấy cá nhân');
    context.root.replaceChildren(
      pageHeader('Không tìm thấy cá nhân', 'Không có cá nhân này, hoặc bạn không được xem hồ sơ của người này.'),
      h('p', null, link('/ca-nhan', 'Tìm cá nhân')),
    );
    return;
  }
  context.setTitle(person.fullName);
  const errors = [...record.errors, ...details.errors, ...catalog.errors];
  const typeName = (code: string) => catalog.data.awardTypes.find((type) => type.code === code)?.name ?? code;
  const facts = details.data.person;

  const typeSelect = h(
    'select',
    { name: 'danh-hieu', 'aria-label': 'Danh hiệu, hình thức khen thưởng', 'data-testid': 'award-type-select' },
    Object.keys(AWARD_CATEGORY)
      .map((category) => ({ category, types: personTypes.filter((type) => type.category === category) }))
      .filter((group) => group.types.length)
      .map((group) =>
        h(
          'optgroup',
          { label: label(AWARD_CATEGORY, group.category) },
          group.types.map((type) =>
            h('option', { value: type.code, selected: type.code === awardTypeCode }, type.name),
          ),
        ),
      ),
  );
  const yearInput = h('input', {
    type: 'number',
    name: 'nam',
    min: '1945',
    max: String(thisYear + 1),
    value: String(year),
    'aria-label': 'Năm thành tích',
    'data-testid': 'eligibility-year',
  });
  const chooser = h(
    'form',
    { class: 'row', 'data-testid': 'eligibility-form' },
    h('label', null, 'Danh hiệu, hình thức khen thưởng ', typeSelect),
    h('label', null, 'Năm thành tích ', yearInput),
    h('button', { type: 'submit', class: 'button-primary' }, 'Xét điều kiện'),
  );
  chooser.addEventListener('submit', (event) => {
    event.preventDefault();
    context.navigate(
      `/ca-nhan/${encodeURIComponent(id)}?danh-hieu=${encodeURIComponent(typeSelect.value)}&nam=${encodeURIComponent(yearInput.value)}`,
    );
  });

  const verdict = person.eligibility;
  const decided = verdict?.eligible ?? null;
  const verdictBlock: Child = verdict
    ? h(
        'div',
        {
          class: `verdict ${decided === null ? 'verdict-open' : decided ? 'verdict-pass' : 'verdict-fail'}`,
          'data-testid': 'verdict',
          'data-eligible': String(decided),
        },
        h(
          'p',
          { class: 'verdict-title' },
          h('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, decided === null ? '·' : decided ? '✓' : '✗'),
          ' ',
          decided === null
            ? `Chưa xét được điều kiện đề nghị “${typeName(awardTypeCode)}” năm ${year}.`
            : decided
              ? `Đủ điều kiện đề nghị “${typeName(awardTypeCode)}” năm ${year}.`
              : `Chưa đủ điều kiện đề nghị “${typeName(awardTypeCode)}” năm ${year}.`,
        ),
        verdict.reasons.length
          ? h(
              'ol',
              { class: 'reasons', 'data-testid': 'reasons' },
              verdict.reasons.map((reason) => h('li', { 'data-code': reason.code }, reason.message)),
            )
          : null,
        notes?.data.person?.eligibility?.notes.length
          ? [
              h('p', null, 'Hệ thống chưa tự kiểm tra được:'),
              h(
                'ul',
                { 'data-testid': 'notes' },
                notes.data.person.eligibility.notes.map((note) => h('li', null, note)),
              ),
            ]
          : null,
        verdict.evidence.length
          ? h(
              'p',
              { class: 'small' },
              'Căn cứ các lần khen thưởng: ',
              verdict.evidence
                .map((grant) => `${grant.awardType ? typeName(grant.awardType.code) : '—'} (${grant.year})`)
                .join('; '),
              '.',
            )
          : null,
        h(
          'p',
          { class: 'muted small', 'data-testid': 'ruleset' },
          `Quy định áp dụng: ${label(RULESET, verdict.ruleset, 'văn bản quy định hiện hành')}.`,
        ),
      )
    : h(
        'p',
        { class: 'muted', 'data-testid': 'verdict-hidden' },
        record.errors.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')
          ? 'Không xét được điều kiện (dịch vụ khen thưởng không phản hồi).'
          : accessSentence('kết quả xếp loại và điều kiện khen thưởng của cá nhân này'),
      );

  const ratings = person.annualRatings ? [...person.annualRatings].sort((a, b) => b.year - a.year) : null;
  const grants = person.grants
    ? [...person.grants].sort((a, b) => b.year - a.year || compareVi(a.awardType?.name ?? '', b.awardType?.name ?? ''))
    : null;

  context.root.replaceChildren();
  context.root.append(
    ...[
      pageHeader(person.fullName, [organizationLink(person.organization), ' ', demoMark(facts?.isDemo)]),
      problemsBanner(errors),
      h(
        'div',
        { class: 'kpis', 'data-testid': 'kpis' },
        kpi('lần khen thưởng', grants ? formatNumber(grants.length) : '—', undefined, { 'data-kpi': 'grants' }),
        kpi(
          'năm hoàn thành xuất sắc nhiệm vụ',
          ratings ? formatNumber(ratings.filter((rating) => rating.rating === 'EXCELLENT').length) : '—',
          ratings ? `trên ${formatNumber(ratings.length)} năm có xếp loại` : 'không trong phạm vi được xem',
          { 'data-kpi': 'excellent' },
        ),
      ),
      facts && (facts.gender || facts.birthYear || facts.position)
        ? section(
            'Thông tin',
            null,
            definitionList([
              ['Giới tính', label(GENDER, facts.gender)],
              ['Năm sinh', facts.birthYear ? String(facts.birthYear) : '—'],
              ['Chức vụ', facts.position ?? '—'],
            ]),
          )
        : null,
      section('Điều kiện đề nghị khen thưởng', { 'data-testid': 'eligibility-section' }, chooser, verdictBlock),
      section(
        'Kết quả xếp loại hằng năm',
        { 'data-testid': 'ratings-section' },
        ratings === null
          ? empty(accessSentence('kết quả xếp loại hằng năm'))
          : ratings.length
            ? h(
                'ul',
                { class: 'rating-strip', 'data-testid': 'ratings' },
                ratings.map((rating) =>
                  h(
                    'li',
                    { 'data-year': rating.year },
                    h('span', { class: 'rating-year' }, String(rating.year)),
                    badge(label(ANNUAL_RATING, rating.rating), RATING_TONE[rating.rating] ?? 'neutral'),
                  ),
                ),
              )
            : empty('Chưa có kết quả xếp loại.'),
      ),
      section(
        'Khen thưởng',
        { 'data-testid': 'grants-section' },
        grants === null
          ? empty(
              forbiddenAt(record.errors, 'grants')
                ? accessSentence('khen thưởng của cá nhân này')
                : 'Thiếu dữ liệu khen thưởng.',
            )
          : grants.length
            ? dataTable({
                testId: 'grants-table',
                noun: 'lần',
                rows: grants,
                columns: [
                  { title: 'Năm', numeric: true, sort: (grant) => grant.year, cell: (grant) => String(grant.year) },
                  {
                    title: 'Hình thức',
                    sort: (grant) => grant.awardType?.name ?? '',
                    cell: (grant) => grant.awardType?.name ?? '—',
                  },
                  { title: 'Loại hình', cell: (grant) => label(COMMENDATION_BASIS, grant.basis) },
                  {
                    title: 'Quyết định',
                    cell: (grant) =>
                      grant.decision ? `${grant.decision.number}, ${formatDate(grant.decision.issuedOn)}` : '—',
                  },
                ],
              })
            : empty('Chưa có lần khen thưởng nào.'),
      ),
    ].filter((part): part is HTMLElement => part instanceof HTMLElement),
  );
}
