/**
 * What the gateway's .xlsx files write for a text, and the name they are saved under: a text that a
 * spreadsheet would run as a formula (OWASP "CSV injection") gets the apostrophe that makes it text,
 * and the Vietnamese file name travels as RFC 5987 `filename*` beside an ASCII `filename`.
 */
import { contentDisposition, spreadsheetText } from '@tdkt/gateway';

it.each([
  ['=HYPERLINK("http://x.invalid","Bấm")', `'=HYPERLINK("http://x.invalid","Bấm")`],
  ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
  ['+84 912 345 678', `'+84 912 345 678`],
  ['-2+3', `'-2+3`],
  ['@SUM(A1)', `'@SUM(A1)`],
  ['\t=1+1', `'\t=1+1`],
  ['\r=1+1', `'\r=1+1`],
  ['Bộ Tư pháp', 'Bộ Tư pháp'],
  ['Ủy ban = 3 người', 'Ủy ban = 3 người'],
  ['a\u0000b\u0007c', 'abc'],
  ['', ''],
])('%j is written as %j', (input, written) => {
  expect(spreadsheetText(input)).toBe(written);
});

it('names a file in ASCII and in UTF-8 (RFC 5987), never inline', () => {
  expect(contentDisposition('Biểu 0602.N-BNV-TĐKT năm 2024 - Bộ Tư pháp.xlsx')).toBe(
    `attachment; filename="Bieu-0602.N-BNV-TDKT-nam-2024-Bo-Tu-phap.xlsx"; filename*=UTF-8''Bi%E1%BB%83u%200602.N-BNV-T%C4%90KT%20n%C4%83m%202024%20-%20B%E1%BB%99%20T%C6%B0%20ph%C3%A1p.xlsx`,
  );
  // A quote or a semicolon in a unit's name cannot end the parameter early.
  expect(contentDisposition(`Khối "A"; x='1'.xlsx`)).toBe(
    `attachment; filename="Khoi-A-x-1.xlsx"; filename*=UTF-8''Kh%E1%BB%91i%20%22A%22%3B%20x%3D%271%27.xlsx`,
  );
});
