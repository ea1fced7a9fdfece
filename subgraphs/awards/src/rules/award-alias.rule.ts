/**
 * The award names officers write in their spreadsheets, mapped to catalogue codes. The record of past
 * awards (sổ khen thưởng) names them by the abbreviations used in decisions and reports: LĐTT, CSTĐCS,
 * BK TTg, HCLĐ hạng Ba … The comparison ignores case, accents, spacing and punctuation, and reads Đ as D
 * ("CSTD cs" is "CSTĐCS"). An abbreviation that names several forms (BK: Bằng khen of the Prime
 * Minister or of a ministry/province, Luật TĐKT 2022, Điều 73–74) is never guessed: the officer is told
 * the choices.
 */
import { AWARD_TYPES, findAwardType } from '../catalogue/award-types.js';
import { quoted } from './grant-import.rule.js';

export type AwardAliasVerdict =
  | { kind: 'FOUND'; code: string }
  | { kind: 'AMBIGUOUS'; codes: string[]; message: string }
  | { kind: 'UNKNOWN'; message: string };

/** Accents, case, Đ/D, spaces and punctuation folded away: "BK Bộ/Tỉnh" → "BKBOTINH". */
export function foldAwardName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐðÐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

const CLASS_WORDS: Record<'1' | '2' | '3', readonly string[]> = {
  '1': ['NHAT', '1', 'I'],
  '2': ['NHI', '2', 'II'],
  '3': ['BA', '3', 'III'],
};

/** The abbreviations in use, folded, with what each may mean. */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  LDTT: ['LDTT'],
  CSTT: ['CHIEN_SI_TIEN_TIEN'],
  CSTDCS: ['CSTD_CO_SO'],
  // "CSTĐ" alone is the ministry/province title (Luật TĐKT 2022, Điều 22); the base-level and national
  // titles always carry their qualifier (CSTĐCS, CSTĐTQ).
  CSTD: ['CSTD_BO_TINH'],
  CSTDBO: ['CSTD_BO_TINH'],
  CSTDTINH: ['CSTD_BO_TINH'],
  CSTDBOTINH: ['CSTD_BO_TINH'],
  CSTDCAPBO: ['CSTD_BO_TINH'],
  CSTDCAPTINH: ['CSTD_BO_TINH'],
  CSTDBONGANH: ['CSTD_BO_TINH'],
  CSTDTQ: ['CSTD_TOAN_QUOC'],
  TTLDTT: ['TTLD_TIEN_TIEN'],
  TTLDXS: ['TTLD_XUAT_SAC'],
  DVTT: ['DON_VI_TIEN_TIEN'],
  DVQT: ['DON_VI_QUYET_THANG'],
  BK: ['BANG_KHEN_TTG', 'BANG_KHEN_BO_TINH'],
  BANGKHEN: ['BANG_KHEN_TTG', 'BANG_KHEN_BO_TINH'],
  BKTTG: ['BANG_KHEN_TTG'],
  BKTTGCP: ['BANG_KHEN_TTG'],
  BKTHUTUONG: ['BANG_KHEN_TTG'],
  BKCP: ['BANG_KHEN_TTG'],
  BKBO: ['BANG_KHEN_BO_TINH'],
  BKTINH: ['BANG_KHEN_BO_TINH'],
  BKBOTINH: ['BANG_KHEN_BO_TINH'],
  BKBONGANH: ['BANG_KHEN_BO_TINH'],
  BKUBND: ['BANG_KHEN_BO_TINH'],
  BKUBNDTINH: ['BANG_KHEN_BO_TINH'],
  GK: ['GIAY_KHEN'],
  CTTD: ['CO_THI_DUA_CP', 'CO_THI_DUA_BO_TINH'],
  COTHIDUA: ['CO_THI_DUA_CP', 'CO_THI_DUA_BO_TINH'],
  CTTDCP: ['CO_THI_DUA_CP'],
  CTTDCHINHPHU: ['CO_THI_DUA_CP'],
  CTTDBO: ['CO_THI_DUA_BO_TINH'],
  CTTDTINH: ['CO_THI_DUA_BO_TINH'],
  CTTDBOTINH: ['CO_THI_DUA_BO_TINH'],
  CTTDUBND: ['CO_THI_DUA_BO_TINH'],
  AHLD: ['ANH_HUNG_LAO_DONG'],
  KNC: ['KY_NIEM_CHUONG'],
};

/** How a form is written short, shown in the list of choices. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  BANG_KHEN_TTG: 'BK TTg',
  BANG_KHEN_BO_TINH: 'BK Bộ/Tỉnh',
  CO_THI_DUA_CP: 'CTTĐ CP',
  CO_THI_DUA_BO_TINH: 'CTTĐ Bộ/Tỉnh',
  HC_LAO_DONG_1: 'HCLĐ hạng Nhất',
  HC_LAO_DONG_2: 'HCLĐ hạng Nhì',
  HC_LAO_DONG_3: 'HCLĐ hạng Ba',
};

function buildIndex(): Map<string, string[]> {
  const index = new Map<string, Set<string>>();
  const add = (key: string, code: string) => {
    if (!index.has(key)) index.set(key, new Set());
    index.get(key)!.add(code);
  };
  for (const [key, codes] of Object.entries(ABBREVIATIONS)) for (const code of codes) add(key, code);
  for (const type of AWARD_TYPES) {
    add(foldAwardName(type.code), type.code);
    add(foldAwardName(type.name), type.code);
    // Orders in three classes: "Huân chương Lao động" without its class, and HCLĐ / HCĐL / HCBVTQ … with or without "hạng".
    const classed = /^(HC_[A-Z_]+)_([123])$/.exec(type.code);
    if (classed) {
      const level = classed[2] as '1' | '2' | '3';
      const initials = `HC${classed[1]!
        .slice(3)
        .split('_')
        .map((word) => word[0])
        .join('')}`;
      const bareName = foldAwardName(type.name.replace(/\s+hạng\s+\S+$/u, ''));
      add(initials, type.code);
      add(bareName, type.code);
      for (const word of CLASS_WORDS[level]) {
        add(`${initials}${word}`, type.code);
        add(`${initials}HANG${word}`, type.code);
        add(`${bareName}HANG${word}`, type.code);
      }
    }
  }
  return new Map([...index].map(([key, codes]) => [key, [...codes]]));
}

const INDEX = buildIndex();

function choice(code: string): string {
  const type = findAwardType(code)!;
  const short = SHORT_FORMS[code];
  return short ? `${type.name} (${short}, mã ${code})` : `${type.name} (mã ${code})`;
}

/** The catalogue code an officer's writing of an award means, or why it cannot be told. */
export function resolveAwardTypeCode(written: string): AwardAliasVerdict {
  const exact = written.normalize('NFKC').trim().toUpperCase();
  if (findAwardType(exact)) return { kind: 'FOUND', code: exact };
  const codes = INDEX.get(foldAwardName(written)) ?? [];
  if (codes.length === 1) return { kind: 'FOUND', code: codes[0]! };
  const shown = quoted(written);
  if (codes.length > 1) {
    return {
      kind: 'AMBIGUOUS',
      codes,
      message: `${shown} có thể là nhiều hình thức khen thưởng: ${codes.map(choice).join('; ')}. Ghi rõ một hình thức.`,
    };
  }
  return {
    kind: 'UNKNOWN',
    message: `Không có hình thức khen thưởng ${shown} trong danh mục (ghi mã như LDTT, CSTD_CO_SO hoặc tên viết tắt như LĐTT, CSTĐCS, BK TTg, HCLĐ hạng Ba).`,
  };
}
