/**
 * Vietnamese text at the boundary: stored in NFC, trimmed, free of control characters (a NUL makes
 * Postgres throw) and of invisible ones, at least one visible character long, and folded (no
 * diacritics, đ → d, lower case) for search.
 */
import { badInput } from './errors.js';

// C0/C1 controls except tab/newline/carriage return, plus U+FFFE/U+FFFF non-characters.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

/**
 * Characters that show nothing and change how the rest reads: format characters (General Category Cf:
 * zero-width space/joiners, soft hyphen, the bidi overrides and isolates such as U+202E that make
 * "gnp.exe" read "exe.png") and the other default-ignorable ones (Hangul fillers, variation selectors).
 * No name, code, theme or reason needs them, and they let two different strings look identical.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/** A character that shows something: not a mark, separator, space or control. U+2800 is a blank braille cell. */
const VISIBLE = /[^\p{M}\p{Z}\p{C}\s\u2800]/u;

/**
 * More combining marks on one letter than any Vietnamese (or other) letter needs after NFC: "Zalgo"
 * text that spills over the lines around it. NFC letters of Vietnamese carry none.
 */
const MAX_MARKS_PER_CHARACTER = 3;

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** The user-perceived characters of a text (grapheme clusters): "ệ" written e + ̂ + ̣ is one. */
function clusters(text: string): string[] {
  return Array.from(graphemes.segment(text), (part) => part.segment);
}

/** How many characters a reader sees: grapheme clusters with something visible in them. */
export function visibleLength(text: string): number {
  return clusters(text.normalize('NFC')).filter((cluster) => VISIBLE.test(cluster)).length;
}

export interface CleanTextOptions {
  /** Human label used in messages, e.g. "Tên đơn vị". */
  label: string;
  /** Path of the input field, for `extensions.field`. */
  field: string;
  maxLength?: number;
  /** Minimum length in visible characters (default 1: not empty, not only invisible characters). */
  minLength?: number;
  /** Allow line breaks (notes, stories). Names never have them. */
  multiline?: boolean;
}

export function cleanText(value: string, options: CleanTextOptions): string {
  const field = { field: options.field };
  if (CONTROL.test(value)) throw badInput(`${options.label} chứa ký tự điều khiển không hợp lệ.`, field);
  if (INVISIBLE.test(value))
    throw badInput(
      `${options.label} chứa ký tự ẩn không được phép (ví dụ ký tự có độ rộng bằng 0 hoặc ký tự đảo chiều văn bản). Vui lòng gõ lại nội dung này.`,
      field,
    );
  let text = value.normalize('NFC').trim();
  text = options.multiline ? text.replace(/[^\S\r\n]+/g, ' ') : text.replace(/\s+/g, ' ');
  if (!options.multiline && /[\r\n]/.test(text)) throw badInput(`${options.label} không được xuống dòng.`, field);
  const min = options.minLength ?? 1;
  const max = options.maxLength ?? 300;
  // The maximum counts code points, as the database's length() checks do; checked first, so an
  // oversized value is refused before it is segmented.
  if ([...text].length > max) throw badInput(`${options.label} dài quá ${max} ký tự.`, field);
  const parts = clusters(text);
  for (const cluster of parts) {
    const marks = cluster.match(/\p{M}/gu)?.length ?? 0;
    // A mark on nothing (at the start, after a space): a tone or accent that belongs to no letter.
    if (marks > 0 && !VISIBLE.test(String.fromCodePoint(cluster.codePointAt(0)!)))
      throw badInput(`${options.label} có dấu (thanh điệu hoặc dấu phụ) không gắn với chữ nào.`, field);
    if (marks > MAX_MARKS_PER_CHARACTER)
      throw badInput(`${options.label} có chữ mang quá nhiều dấu chồng lên nhau.`, field);
  }
  const visible = parts.filter((cluster) => VISIBLE.test(cluster)).length;
  if (visible === 0) throw badInput(`${options.label} không được để trống.`, field);
  if (visible < min) throw badInput(`${options.label} phải có ít nhất ${min} ký tự.`, field);
  return text;
}

export function cleanOptionalText(value: string | null | undefined, options: CleanTextOptions): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length === 0) return null;
  return cleanText(value, options);
}

/** Folds text the way the subgraphs' SQL `fold_text()` does (without its punctuation handling). */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐðÐ]/g, 'd')
    .toLowerCase()
    .normalize('NFC');
}

/**
 * Splits a search string into folded words, each escaped for LIKE. Empty when nothing to search.
 * Match each as `search_text LIKE '% ' || word || '%'` (word-prefix match on the folded text).
 */
export function searchTerms(search: string | null | undefined, field = 'filter.search'): string[] {
  if (!search) return [];
  if (CONTROL.test(search)) throw badInput('Chuỗi tìm kiếm chứa ký tự không hợp lệ.', { field });
  if (search.length > 200) throw badInput('Chuỗi tìm kiếm dài quá 200 ký tự.', { field });
  return foldText(search)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 8)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
}
