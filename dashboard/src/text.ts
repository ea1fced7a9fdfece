/**
 * Vietnamese text: order (Intl.Collator 'vi': Đ after D, tones after the bare letter), search without
 * diacritics ("ha noi" finds "Hà Nội", "d" finds "Đ"), and numbers and dates as Vietnamese readers
 * write them (1.234,5; 20/02/2024).
 */

const collator = new Intl.Collator('vi', { sensitivity: 'variant', numeric: true });

/** Vietnamese alphabetical order. */
export function compareVi(a: string, b: string): number {
  return collator.compare(a, b);
}

export function sortVi<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVi(key(a), key(b)));
}

/** Lower case, no tone or vowel marks, đ → d: the form both sides of a search are compared in. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when every word of the query occurs in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  const words = fold(query).split(' ').filter(Boolean);
  if (!words.length) return true;
  const haystack = fold(text);
  return words.every((word) => haystack.includes(word));
}

/** Text typed or pasted by a person, in the composed form the platform stores (NFC). */
export function nfc(text: string): string {
  return text.normalize('NFC').trim();
}

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? integer.format(value) : decimal.format(value);
}

/** 0.475 → "48 %" (whole percent, as TĐKT reports write them). */
export function formatPercent(share: number | null | undefined, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  const factor = 10 ** digits;
  const rounded = Math.round(share * 100 * factor) / factor;
  return `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rounded)} %`;
}

/** "2024-02-20" → "20/02/2024". */
export function formatDate(localDate: string | null | undefined): string {
  if (!localDate) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(localDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : localDate;
}

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant, in Vietnam's time zone: "20/02/2024 07:00". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(dateTime.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts['day']}/${parts['month']}/${parts['year']} ${parts['hour']}:${parts['minute']}`;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * A reporting period as officers say it: "2026-H1" → "6 tháng đầu năm 2026", "2026-Q2" → "Quý II/2026",
 * "2026-07" → "Tháng 07/2026", "2026" → "Năm 2026". Anything else is shown as written.
 */
export function formatPeriod(period: string): string {
  const match = /^(\d{4})(?:-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/.exec(period);
  if (!match) return period;
  const [, year, part] = match;
  if (!part) return `Năm ${year}`;
  if (part === 'H1') return `6 tháng đầu năm ${year}`;
  if (part === 'H2') return `6 tháng cuối năm ${year}`;
  if (part.startsWith('Q')) return `Quý ${ROMAN[Number(part.slice(1)) - 1]}/${year}`;
  return `Tháng ${part}/${year}`;
}
