/**
 * A few DOM helpers instead of a framework. Text always goes in as text (textContent), never as HTML,
 * so names from the API cannot inject markup; the CSP forbids inline script and style anyway.
 */
import { describeProblems, GqlFailure, type GqlError } from './api';
import { compareVi, fold, formatNumber, formatPercent } from './text';

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  class?: string;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
  [attribute: string]: unknown;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = String(value);
    else if (name === 'on') {
      for (const [event, handler] of Object.entries(value as Record<string, EventListener>))
        element.addEventListener(event, handler);
    } else if (name === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else
      parent.appendChild(
        typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
      );
  }
}

/** An in-app link: the router handles the click (no page reload). */
export function link(href: string, ...children: Child[]): HTMLAnchorElement {
  return h('a', { href, 'data-link': true }, ...children);
}

export function section(title: string, props: Props | null, ...children: Child[]): HTMLElement {
  return h('section', { class: 'card', ...(props ?? {}) }, h('h2', null, title), ...children);
}

export function loading(text = 'Đang tải dữ liệu…'): HTMLElement {
  return h(
    'p',
    { class: 'loading', role: 'status', 'aria-live': 'polite' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    text,
  );
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

/** A request that failed entirely: what happened, in plain words, and a way to try again. */
export function errorBox(error: unknown, retry?: () => void): HTMLElement {
  const message = error instanceof GqlFailure || error instanceof Error ? error.message : String(error);
  return h(
    'div',
    { class: 'alert alert-error', role: 'alert', 'data-testid': 'error' },
    h('strong', null, 'Không tải được dữ liệu. '),
    message,
    retry ? h('button', { type: 'button', class: 'button-link', on: { click: retry } }, 'Thử lại') : null,
  );
}

/** Partial data: say which service is missing and which parts of the page it affects. */
export function problemsBanner(errors: readonly GqlError[]): HTMLElement | null {
  const lines = describeProblems(errors);
  if (!lines.length) return null;
  return h(
    'div',
    { class: 'alert alert-warning', role: 'status', 'data-testid': 'partial' },
    h('strong', null, 'Dữ liệu chưa đầy đủ.'),
    h(
      'ul',
      null,
      lines.map((line) => h('li', null, line)),
    ),
  );
}

export function badge(
  text: string,
  tone: 'neutral' | 'good' | 'warn' | 'bad' | 'info' = 'neutral',
  props: Props = {},
): HTMLElement {
  return h('span', { class: `badge badge-${tone}`, ...props }, text);
}

export function check(passed: boolean): HTMLElement {
  return h(
    'span',
    { class: passed ? 'check check-pass' : 'check check-fail', 'aria-label': passed ? 'đạt' : 'chưa đạt' },
    passed ? '✓' : '✗',
  );
}

/** A bar with its share written next to it (the width is set through CSSOM, which the CSP allows). */
export function meter(share: number | null, text?: string): HTMLElement {
  const bar = h('span', { class: 'meter-fill' });
  bar.style.width = `${Math.max(0, Math.min(1, share ?? 0)) * 100}%`;
  return h(
    'span',
    { class: 'meter' },
    h('span', { class: 'meter-track', 'aria-hidden': 'true' }, bar),
    h('span', { class: 'meter-text' }, text ?? formatPercent(share)),
  );
}

export function kpi(labelText: string, value: string, hint?: string, props: Props = {}): HTMLElement {
  return h(
    'div',
    { class: 'kpi', ...props },
    h('div', { class: value.length > 14 ? 'kpi-value kpi-value-text' : 'kpi-value' }, value),
    h('div', { class: 'kpi-label' }, labelText),
    hint ? h('div', { class: 'kpi-hint' }, hint) : null,
  );
}

export function definitionList(rows: [string, Child][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.map(([term, value]) => [h('dt', null, term), h('dd', null, value ?? '—')]),
  );
}

export interface Column<T> {
  title: string;
  cell: (row: T) => Child;
  /** Text to sort by (Vietnamese order) or a number. */
  sort?: (row: T) => string | number;
  numeric?: boolean;
  field?: string;
}

export interface TableOptions<T> {
  columns: Column<T>[];
  rows: readonly T[];
  pageSize?: number;
  /** Text the search box looks in (without diacritics); no search box when absent. */
  searchText?: (row: T) => string;
  searchLabel?: string;
  rowProps?: (row: T) => Props;
  emptyText?: string;
  caption?: string;
  testId?: string;
  /** Initial sort column index. */
  sortBy?: number;
  /** Noun for the count line, e.g. "đại biểu". */
  noun?: string;
}

/**
 * A table that pages long lists (25 rows a page by default), sorts by any sortable column in
 * Vietnamese order, and searches without diacritics.
 */
export function dataTable<T>(options: TableOptions<T>): HTMLElement {
  const pageSize = options.pageSize ?? 25;
  let page = 0;
  let search = '';
  let sortBy = options.sortBy ?? -1;
  let ascending = true;
  const wrapper = h('div', { class: 'table-block', 'data-testid': options.testId });
  const body = h('tbody');
  const status = h('span', { class: 'pager-status', 'data-testid': 'pager-status' });
  const count = h('span', { class: 'table-count', 'data-testid': 'table-count' });
  const previous = h(
    'button',
    {
      type: 'button',
      class: 'button-small',
      on: {
        click: () => {
          page -= 1;
          draw();
        },
      },
    },
    '‹ Trang trước',
  );
  const next = h(
    'button',
    {
      type: 'button',
      class: 'button-small',
      on: {
        click: () => {
          page += 1;
          draw();
        },
      },
    },
    'Trang sau ›',
  );
  const headers = options.columns.map((column, index) =>
    h(
      'th',
      { scope: 'col', class: column.numeric ? 'num' : undefined, 'aria-sort': 'none' },
      column.sort
        ? h(
            'button',
            {
              type: 'button',
              class: 'sort',
              on: {
                click: () => {
                  ascending = sortBy === index ? !ascending : true;
                  sortBy = index;
                  page = 0;
                  draw();
                },
              },
            },
            column.title,
          )
        : column.title,
    ),
  );

  const rowsInView = (): T[] => {
    let rows =
      options.searchText && search
        ? options.rows.filter((row) => fold(options.searchText!(row)).includes(search))
        : [...options.rows];
    const column = options.columns[sortBy];
    if (column?.sort) {
      const key = column.sort;
      rows = rows.sort((a, b) => {
        const x = key(a);
        const y = key(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : compareVi(String(x), String(y));
        return ascending ? order : -order;
      });
    }
    return rows;
  };

  const draw = () => {
    const rows = rowsInView();
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    page = Math.max(0, Math.min(page, pages - 1));
    const shown = rows.slice(page * pageSize, (page + 1) * pageSize);
    body.replaceChildren(
      ...(shown.length
        ? shown.map((row) =>
            h(
              'tr',
              options.rowProps?.(row) ?? null,
              options.columns.map((column) =>
                h('td', { class: column.numeric ? 'num' : undefined, 'data-field': column.field }, column.cell(row)),
              ),
            ),
          )
        : [
            h(
              'tr',
              null,
              h('td', { colspan: options.columns.length, class: 'empty' }, options.emptyText ?? 'Không có dữ liệu.'),
            ),
          ]),
    );
    headers.forEach((header, index) =>
      header.setAttribute('aria-sort', index === sortBy ? (ascending ? 'ascending' : 'descending') : 'none'),
    );
    const noun = options.noun ?? 'dòng';
    count.textContent = search
      ? `${formatNumber(rows.length)} / ${formatNumber(options.rows.length)} ${noun}`
      : `${formatNumber(rows.length)} ${noun}`;
    status.textContent = `Trang ${page + 1}/${pages}`;
    previous.disabled = page === 0;
    next.disabled = page >= pages - 1;
    pager.hidden = pages <= 1;
  };

  const pager = h('div', { class: 'pager' }, previous, status, next);
  const tools = h(
    'div',
    { class: 'table-tools' },
    options.searchText
      ? h('input', {
          type: 'search',
          class: 'table-search',
          placeholder: options.searchLabel ?? 'Tìm (gõ có dấu hoặc không dấu)…',
          'aria-label': options.searchLabel ?? 'Tìm trong bảng',
          on: {
            input: (event) => {
              search = fold((event.target as HTMLInputElement).value);
              page = 0;
              draw();
            },
          },
        })
      : null,
    count,
  );
  const table = h(
    'table',
    { class: 'data' },
    options.caption ? h('caption', null, options.caption) : null,
    h('thead', null, h('tr', null, headers)),
    body,
  );
  wrapper.append(tools, h('div', { class: 'table-scroll' }, table), pager);
  draw();
  return wrapper;
}

/** A select of years, newest first. */
export function yearSelect(
  years: readonly number[],
  selected: number,
  onChange: (year: number) => void,
  labelText = 'Năm',
): HTMLElement {
  const select = h(
    'select',
    {
      'aria-label': labelText,
      'data-testid': 'year-select',
      on: { change: (event) => onChange(Number((event.target as HTMLSelectElement).value)) },
    },
    [...new Set([...years, selected])]
      .sort((a, b) => b - a)
      .map((year) => h('option', { value: year, selected: year === selected }, String(year))),
  );
  return h('label', { class: 'inline-field' }, `${labelText} `, select);
}

/** A short message after an action (success or refusal), announced to screen readers. */
export function flash(container: HTMLElement, message: string, tone: 'good' | 'bad'): void {
  container.replaceChildren(
    h(
      'div',
      {
        class: `alert ${tone === 'good' ? 'alert-success' : 'alert-error'}`,
        role: tone === 'good' ? 'status' : 'alert',
        'data-testid': tone === 'good' ? 'action-ok' : 'action-error',
      },
      message,
    ),
  );
}
