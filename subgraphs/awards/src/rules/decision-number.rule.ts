/**
 * Decision numbers (số, ký hiệu của quyết định) as officers type them. Nghị định 30/2020/NĐ-CP on
 * clerical work (Phụ lục I) writes a decision's number as the sequence, a slash, then the kind of
 * document and the issuer's abbreviation joined by hyphens: "15/QĐ-BTP". Typed from paper or pasted from
 * a spreadsheet, the same number arrives as "15/qđ-btp", "15 /QĐ-BTP", "15/QĐ–BTP" (an en dash) or with
 * an invisible zero-width character: these are one decision, so they must compare equal.
 */

/** Format characters (zero-width space/joiners, BOM, soft hyphen, bidi marks …) and fillers that render as nothing. */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0]|\u034F|\u17B4|\u17B5|[\u180B-\u180F]/gu;
/** Every dash and hyphen (Unicode Pd), the minus sign and the small and full-width hyphen-minus. */
const DASHES = /[\p{Pd}\u2212\uFE63\uFF0D]/gu;
/** Slash look-alikes: fraction slash, division slash, full-width solidus. */
const SLASHES = /[\u2044\u2215\uFF0F]/gu;

/** The number as written, minus the characters nobody wrote on purpose (for display and storage). */
export function cleanDecisionNumber(number: string): string {
  return number.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * The comparison key of a decision number: NFKC (full-width digits and letters, no-break spaces),
 * invisible characters removed, every dash "-" and slash "/", no spaces around them, runs of spaces
 * collapsed, upper case with Vietnamese letters upper-cased as Vietnamese ("qđ" → "QĐ"). One issuer
 * has at most one decision per key.
 */
export function decisionNumberKey(number: string): string {
  return number
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(SLASHES, '/')
    .replace(/\s+/g, ' ')
    .replace(/ ?([/-]) ?/g, '$1')
    .trim()
    .toLocaleUpperCase('vi')
    .normalize('NFC');
}
