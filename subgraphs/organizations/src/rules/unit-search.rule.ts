/**
 * How officers write the name of a unit when they look for it, and what each form means: the search
 * box gets "tphcm", "UBND tỉnh Nghệ An" or "thua thien hue", the register holds "Thành phố Hồ Chí
 * Minh", "Tỉnh Nghệ An" and "Thành phố Huế".
 *
 * Input: the folded words of the search (no diacritics, đ → d, lower case, split on anything that is
 * not a letter or digit; kit `searchTerms`). Output: the conditions a unit must all meet, each a list
 * of folded phrases of which one must start at a word of the unit's folded name, short name or code.
 */

/** One condition: the unit's folded text contains one of these phrases at a word start. */
export type SearchAlternatives = readonly string[];

interface Form {
  /** The words as typed (folded). */
  words: readonly string[];
  /** What they may stand for in the register (folded phrases). */
  means: readonly string[];
  /**
   * Words that name the kind of body, not the body ("Ủy ban nhân dân tỉnh Nghệ An" is the province
   * Nghệ An in the register): dropped when other words remain, so that the officer's title for the
   * body still finds its register name.
   */
  kind?: true;
}

const FORMS: readonly Form[] = [
  // The kind of body: a province or centrally-run city (tỉnh, thành phố), its people's committee
  // (Luật Tổ chức chính quyền địa phương 2025: UBND is the province's executive body), a ministry
  // (bộ) or a provincial department (sở).
  { words: ['tinh'], means: ['tinh'], kind: true },
  { words: ['thanh', 'pho'], means: ['thanh pho'], kind: true },
  { words: ['tp'], means: ['thanh pho', 'tp'], kind: true },
  { words: ['uy', 'ban', 'nhan', 'dan'], means: ['uy ban nhan dan'], kind: true },
  { words: ['ubnd'], means: ['uy ban nhan dan', 'ubnd'], kind: true },
  { words: ['bo'], means: ['bo'], kind: true },
  { words: ['so'], means: ['so'], kind: true },
  // Cities by their usual abbreviations; the code (HCM, HN) stays an alternative.
  ...['tphcm', 'tp hcm', 'hcm', 'thanh pho hcm', 'tp ho chi minh'].map((typed) => ({
    words: typed.split(' '),
    means: ['thanh pho ho chi minh', 'tp ho chi minh', 'hcm'],
  })),
  ...['tphn', 'tp hn', 'hn', 'thanh pho hn'].map((typed) => ({
    words: typed.split(' '),
    means: ['thanh pho ha noi', 'tp ha noi', 'hn'],
  })),
  // Tỉnh Thừa Thiên Huế became the centrally-run Thành phố Huế on 2025-01-01 (Nghị quyết
  // 175/2024/QH15); officers still write the old name. One unit, found by either name, whichever the
  // register holds.
  ...['thua thien hue', 'tt hue', 'tth', 'tp hue'].map((typed) => ({
    words: typed.split(' '),
    means: ['thua thien hue', 'thanh pho hue', 'tp hue'],
  })),
  // Bodies by their usual abbreviations (the abbreviation itself stays an alternative: codes use it).
  { words: ['bcd'], means: ['ban chi dao', 'bcd'] },
  { words: ['tdkt'], means: ['thi dua khen thuong', 'tdkt'] },
  { words: ['btdkt'], means: ['ban thi dua khen thuong', 'btdkt'] },
  { words: ['hdnd'], means: ['hoi dong nhan dan', 'hdnd'] },
  { words: ['tand'], means: ['toa an nhan dan', 'tand'] },
  { words: ['vksnd'], means: ['vien kiem sat nhan dan', 'vksnd'] },
  { words: ['mttq'], means: ['mat tran to quoc', 'mttq'] },
  { words: ['tw'], means: ['trung uong', 'tw'] },
];

/** Longest forms first, so "tp hcm" is read as one city before "tp" is read as a kind of body. */
const BY_LENGTH = [...FORMS].sort((a, b) => b.words.length - a.words.length);

/** At most this many conditions reach SQL (each is one indexed LIKE, or an OR of a few). */
export const MAX_SEARCH_CONDITIONS = 8;

export function unitSearchConditions(words: readonly string[]): SearchAlternatives[] {
  const read: { means: SearchAlternatives; kind: boolean }[] = [];
  for (let at = 0; at < words.length;) {
    const form = BY_LENGTH.find((candidate) => candidate.words.every((word, offset) => words[at + offset] === word));
    if (form) {
      read.push({ means: form.means, kind: !!form.kind });
      at += form.words.length;
    } else {
      read.push({ means: [words[at]!], kind: false });
      at += 1;
    }
  }
  const named = read.filter((part) => !part.kind);
  return (named.length > 0 ? named : read).slice(0, MAX_SEARCH_CONDITIONS).map((part) => part.means);
}
