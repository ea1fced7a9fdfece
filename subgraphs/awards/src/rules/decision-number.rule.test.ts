// Decision numbers compare by their key (Nghị định 30/2020/NĐ-CP, Phụ lục I: "Số: 15/QĐ-BTP"): the
// same decision typed five ways is one decision; different numbers stay different.
import { cleanDecisionNumber, decisionNumberKey } from './decision-number.rule';

describe('decision number key', () => {
  it.each([
    ['15/QĐ-BTP', '15/QĐ-BTP'],
    ['15/qđ-btp', '15/QĐ-BTP'],
    ['15 /QĐ-BTP', '15/QĐ-BTP'],
    ['15 / QĐ - BTP', '15/QĐ-BTP'],
    ['15/QĐ–BTP', '15/QĐ-BTP'], // en dash
    ['15/QĐ—BTP', '15/QĐ-BTP'], // em dash
    ['15/QĐ‐BTP', '15/QĐ-BTP'], // Unicode hyphen
    ['15/QĐ−BTP', '15/QĐ-BTP'], // minus sign
    ['15/QĐ-BTP\u200b', '15/QĐ-BTP'], // zero-width space
    ['\ufeff15/Q\u200dĐ-BTP', '15/QĐ-BTP'], // BOM and zero-width joiner
    ['15/QĐ-B\u00adTP', '15/QĐ-BTP'], // soft hyphen
    ['  15/QĐ-BTP  ', '15/QĐ-BTP'],
    ['１５／QĐ－BTP', '15/QĐ-BTP'], // full-width digits, solidus, hyphen-minus
    ['15/Q\u0110-BTP', '15/QĐ-BTP'],
    ['15/Qđ-BTP', '15/QĐ-BTP'],
    ['15/QĐ-UBND Hà Nội'.normalize('NFD'), '15/QĐ-UBND HÀ NỘI'], // decomposed accents end NFC
    ['1234/QĐ-TTg', '1234/QĐ-TTG'],
    ['15/2023/QĐ-UBND', '15/2023/QĐ-UBND'],
    ['Quyết định   số 15', 'QUYẾT ĐỊNH SỐ 15'],
  ])('%j → %j', (written, key) => {
    expect(decisionNumberKey(written)).toBe(key);
  });

  it('keeps different numbers apart', () => {
    const keys = ['15/QĐ-BTP', '16/QĐ-BTP', '15/QĐ-BTC', '15/QĐ-BTP-1', '15/2023/QĐ-BTP', '150/QĐ-BTP'].map(
      decisionNumberKey,
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('cleans the written number of invisible characters only', () => {
    expect(cleanDecisionNumber(' 15 /qđ–BTP\u200b ')).toBe('15 /qđ–BTP');
  });
});
