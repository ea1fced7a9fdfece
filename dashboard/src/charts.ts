/**
 * Charts (Chart.js, only the parts used, bundled: nothing loads from elsewhere). Every chart carries
 * its numbers in a table under it too, for screen readers, for copying into a report, and so that what
 * the chart draws can be checked against the API.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  ArcElement,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { h } from './ui';
import { formatNumber, formatPercent } from './text';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend, DoughnutController, ArcElement);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif';
Chart.defaults.animation = false;
Chart.defaults.locale = 'vi-VN';

const PALETTE = [
  '#b4232a',
  '#d9822b',
  '#2f6f8f',
  '#4c8c4a',
  '#7a4f9a',
  '#b8a02b',
  '#5b6770',
  '#c2528b',
  '#2a9d8f',
  '#8d6e63',
];

export interface Datum {
  key: string;
  label: string;
  value: number;
  /** Optional share (0–1) written next to the value in the table. */
  share?: number;
}

export interface ChartOptions {
  title: string;
  data: Datum[];
  /** Horizontal bars suit long labels (award names). */
  horizontal?: boolean;
  kind?: 'bar' | 'doughnut';
  testId: string;
  valueTitle?: string;
  emptyText?: string;
}

const charts = new WeakMap<HTMLCanvasElement, Chart>();

/** Long labels on several lines (Chart.js cuts a long single line at the axis). */
function wrap(text: string, width: number): string | string[] {
  if (text.length <= width) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Every year from the first to the last, those without a count as 0 (a year with no award is a fact). */
export function everyYear(counts: readonly { year: number; count: number }[], from?: number, to?: number): Datum[] {
  const years = counts.map((entry) => entry.year);
  const first = from ?? Math.min(...years);
  const last = to ?? Math.max(...years);
  const data: Datum[] = [];
  if (!Number.isFinite(first) || !Number.isFinite(last)) return data;
  for (let year = first; year <= last; year += 1) {
    const value = counts.filter((entry) => entry.year === year).reduce((sum, entry) => sum + entry.count, 0);
    data.push({ key: String(year), label: String(year), value });
  }
  return data;
}

/** A figure: the chart, and its numbers in a table (collapsed under "Bảng số liệu"). */
export function chartFigure(options: ChartOptions): HTMLElement {
  const figure = h('figure', { class: 'chart', 'data-testid': options.testId }, h('figcaption', null, options.title));
  if (!options.data.length || options.data.every((datum) => datum.value === 0)) {
    figure.append(h('p', { class: 'empty' }, options.emptyText ?? 'Chưa có số liệu.'));
    return figure;
  }
  const shown = options.data.filter((datum) => datum.value > 0);
  // A doughnut of one slice says nothing a sentence does not: say it.
  const single = options.kind === 'doughnut' && shown.length === 1 ? shown[0]! : null;
  const canvas = h('canvas', { role: 'img', 'aria-label': `${options.title}: biểu đồ; số liệu trong bảng kèm theo` });
  const box = h('div', { class: options.horizontal ? 'chart-box chart-box-tall' : 'chart-box' }, canvas);
  if (options.horizontal)
    box.style.height = `${Math.max(160, options.data.reduce((sum, datum) => sum + Math.ceil(datum.label.length / 26), 0) * 22 + options.data.length * 10 + 40)}px`;
  const table = h(
    'table',
    { class: 'data compact chart-data' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Mục'),
        h('th', { scope: 'col', class: 'num' }, options.valueTitle ?? 'Số lượng'),
        options.data.some((datum) => datum.share !== undefined)
          ? h('th', { scope: 'col', class: 'num' }, 'Tỷ lệ')
          : null,
      ),
    ),
    h(
      'tbody',
      null,
      options.data.map((datum) =>
        h(
          'tr',
          { 'data-key': datum.key },
          h('td', { 'data-field': 'label' }, datum.label),
          h('td', { class: 'num', 'data-field': 'value' }, formatNumber(datum.value)),
          datum.share !== undefined
            ? h('td', { class: 'num', 'data-field': 'share' }, formatPercent(datum.share, 1))
            : null,
        ),
      ),
    ),
  );
  if (single) {
    figure.append(
      h(
        'p',
        { class: 'chart-sentence', 'data-testid': 'chart-sentence' },
        `Cả ${formatNumber(single.value)} ${(options.valueTitle ?? 'mục').toLowerCase()} đều thuộc “${single.label}”.`,
      ),
      h('details', { class: 'chart-numbers' }, h('summary', null, 'Bảng số liệu'), table),
    );
    return figure;
  }
  figure.append(box, h('details', { class: 'chart-numbers' }, h('summary', null, 'Bảng số liệu'), table));
  // Drawn once the canvas is in the document (Chart.js measures its container).
  queueMicrotask(() => requestAnimationFrame(() => draw(canvas, options)));
  return figure;
}

function draw(canvas: HTMLCanvasElement, options: ChartOptions): void {
  if (!canvas.isConnected) return;
  charts.get(canvas)?.destroy();
  const doughnut = options.kind === 'doughnut';
  const chart = new Chart(canvas, {
    type: doughnut ? 'doughnut' : 'bar',
    data: {
      labels: options.data.map((datum) => (doughnut ? datum.label : wrap(datum.label, options.horizontal ? 26 : 14))),
      datasets: [
        {
          label: options.valueTitle ?? 'Số lượng',
          data: options.data.map((datum) => datum.value),
          backgroundColor: doughnut ? options.data.map((_, index) => PALETTE[index % PALETTE.length]!) : PALETTE[0],
          borderWidth: doughnut ? 1 : 0,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: options.horizontal ? 'y' : 'x',
      plugins: {
        legend: { display: doughnut, position: 'right' },
        tooltip: { callbacks: { label: (context) => `${context.label}: ${formatNumber(Number(context.raw))}` } },
      },
      scales: doughnut
        ? {}
        : {
            [options.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } },
            [options.horizontal ? 'y' : 'x']: { ticks: { autoSkip: false } },
          },
    },
  });
  charts.set(canvas, chart);
}
