/**
 * Vietnamese text at the boundary: stored in NFC, trimmed, free of control characters (a NUL makes
 * Postgres throw), and folded (no diacritics, đ → d, lower case) for search.
 */
import { badInput } from './errors.js';

// C0/C1 controls except tab/newline/carriage return, plus U+FFFE/U+FFFF non-characters.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;

export interface CleanTextOptions {
  /** Human label used in messages, e.g. "Tên đơn vị". */
  label: string;
  /** Path of the input field, for `extensions.field`. */
  field: string;
  maxLength?: number;
  minLength?: number;
  /** Allow line breaks (notes, stories). Names never have them. */
  multiline?: boolean;
}

export function cleanText(value: string, options: CleanTextOptions): string {
  if (CONTROL.test(value))
    throw badInput(`${options.label} chứa ký tự điều khiển không hợp lệ.`, { field: options.field });
  let text = value.normalize('NFC').trim();
  text = options.multiline ? text.replace(/[ \t]+/g, ' ') : text.replace(/\s+/g, ' ');
  if (!options.multiline && /[\r\n]/.test(text))
    throw badInput(`${options.label} không được xuống dòng.`, { field: options.field });
  const min = options.minLength ?? 1;
  const max = options.maxLength ?? 300;
  if ([...text].length < min) throw badInput(`${options.label} không được để trống.`, { field: options.field });
  if ([...text].length > max) throw badInput(`${options.label} dài quá ${max} ký tự.`, { field: options.field });
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
