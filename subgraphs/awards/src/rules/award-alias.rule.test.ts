// Officers' abbreviations of the award catalogue (Luật TĐKT 2022, Điều 9, 19–28, 71–75): each maps to
// one catalogue code, whatever its case, accents, spacing or Đ/D; an abbreviation of several forms is
// refused with the choices.
import { AWARD_TYPES } from '../catalogue/award-types';
import { resolveAwardTypeCode } from './award-alias.rule';

describe('award aliases', () => {
  it.each([
    ['LĐTT', 'LDTT'],
    ['lđtt', 'LDTT'],
    ['L Đ T T', 'LDTT'],
    ['LDTT', 'LDTT'],
    ['ldtt ', 'LDTT'],
    ['Lao động tiên tiến', 'LDTT'],
    ['lao dong tien tien', 'LDTT'],
    ['CSTĐCS', 'CSTD_CO_SO'],
    ['CSTĐ CS', 'CSTD_CO_SO'],
    ['cstd_co_so', 'CSTD_CO_SO'],
    ['CSTĐ', 'CSTD_BO_TINH'],
    ['CSTĐ cấp bộ', 'CSTD_BO_TINH'],
    ['CSTĐ cấp tỉnh', 'CSTD_BO_TINH'],
    ['CSTĐTQ', 'CSTD_TOAN_QUOC'],
    ['Chiến sĩ thi đua toàn quốc', 'CSTD_TOAN_QUOC'],
    ['BK TTg', 'BANG_KHEN_TTG'],
    ['BKTTG', 'BANG_KHEN_TTG'],
    ['BK Thủ tướng', 'BANG_KHEN_TTG'],
    ['BK Bộ', 'BANG_KHEN_BO_TINH'],
    ['BK Tỉnh', 'BANG_KHEN_BO_TINH'],
    ['BK Bộ/Tỉnh', 'BANG_KHEN_BO_TINH'],
    ['GK', 'GIAY_KHEN'],
    ['Giấy khen', 'GIAY_KHEN'],
    ['HCLĐ hạng Nhất', 'HC_LAO_DONG_1'],
    ['HCLĐ hạng Nhì', 'HC_LAO_DONG_2'],
    ['HCLĐ hạng Ba', 'HC_LAO_DONG_3'],
    ['HCLD hang 3', 'HC_LAO_DONG_3'],
    ['HCLĐ III', 'HC_LAO_DONG_3'],
    ['Huân chương Lao động hạng Nhì', 'HC_LAO_DONG_2'],
    ['HCĐL hạng Ba', 'HC_DOC_LAP_3'],
    ['TTLĐTT', 'TTLD_TIEN_TIEN'],
    ['TTLĐXS', 'TTLD_XUAT_SAC'],
    ['CTTĐ CP', 'CO_THI_DUA_CP'],
    ['CTTĐ Bộ', 'CO_THI_DUA_BO_TINH'],
    ['AHLĐ', 'ANH_HUNG_LAO_DONG'],
  ])('%j → %s', (written, code) => {
    expect(resolveAwardTypeCode(written)).toEqual({ kind: 'FOUND', code });
  });

  it.each([
    ['BK', ['BANG_KHEN_TTG', 'BANG_KHEN_BO_TINH'], 'BK TTg'],
    ['Bằng khen', ['BANG_KHEN_TTG', 'BANG_KHEN_BO_TINH'], 'BK Bộ/Tỉnh'],
    ['HCLĐ', ['HC_LAO_DONG_1', 'HC_LAO_DONG_2', 'HC_LAO_DONG_3'], 'HCLĐ hạng Nhì'],
    ['Huân chương Lao động', ['HC_LAO_DONG_1', 'HC_LAO_DONG_2', 'HC_LAO_DONG_3'], 'HCLĐ hạng Ba'],
    ['CTTĐ', ['CO_THI_DUA_CP', 'CO_THI_DUA_BO_TINH'], 'CTTĐ CP'],
  ])('refuses the ambiguous %j and lists the choices', (written, codes, hint) => {
    const verdict = resolveAwardTypeCode(written);
    expect(verdict.kind).toBe('AMBIGUOUS');
    if (verdict.kind !== 'AMBIGUOUS') return;
    expect([...verdict.codes].sort()).toEqual([...codes].sort());
    expect(verdict.message).toContain(hint);
    expect(verdict.message).toContain('Ghi rõ một hình thức');
  });

  it('refuses what is not in the catalogue, in Vietnamese', () => {
    const verdict = resolveAwardTypeCode('KHONG_CO');
    expect(verdict).toMatchObject({ kind: 'UNKNOWN' });
    expect(verdict.kind === 'UNKNOWN' && verdict.message).toContain('Không có hình thức khen thưởng "KHONG_CO"');
  });

  it('finds every catalogue entry by its code and by its name', () => {
    for (const type of AWARD_TYPES) {
      expect(resolveAwardTypeCode(type.code)).toEqual({ kind: 'FOUND', code: type.code });
      expect(resolveAwardTypeCode(type.name)).toEqual({ kind: 'FOUND', code: type.code });
    }
  });
});
