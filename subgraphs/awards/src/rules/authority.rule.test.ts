// Who may decide which award (Luật TĐKT 2022 Art. 80; NĐ 129/2025 Art. 59). Every case names the
// article it guards.
import { canDecide } from '@tdkt/awards';

// ── Authority (Law Art 80; ND 129/2025 Art 59) ──────────────────────────────────────────────────────

describe('decision authority', () => {
  it.each([
    // ND 129/2025 Art 59: the commune chair takes over the district chair's titles on 2025-07-01.
    ['COMMUNE_CHAIR', 'CSTD_CO_SO', '2025-06-30', false],
    ['COMMUNE_CHAIR', 'CSTD_CO_SO', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'LDTT', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'TTLD_TIEN_TIEN', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'GIAY_KHEN', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'THON_TDP_VAN_HOA', '2025-07-01', true],
    ['COMMUNE_CHAIR', 'GIA_DINH_VAN_HOA', '2024-06-01', true],
    ['DISTRICT_CHAIR', 'CSTD_CO_SO', '2025-06-30', true],
    ['DISTRICT_CHAIR', 'CSTD_CO_SO', '2025-07-01', false],
    ['DISTRICT_CHAIR', 'THON_TDP_VAN_HOA', '2025-06-30', true],
    // Law Art 80(1), 80(4): heads of units and enterprises.
    ['UNIT_HEAD', 'LDTT', '2025-01-15', true],
    ['UNIT_HEAD', 'CSTD_CO_SO', '2025-01-15', true],
    ['UNIT_HEAD', 'GIAY_KHEN', '2025-01-15', true],
    ['UNIT_HEAD', 'TTLD_TIEN_TIEN', '2025-01-15', true],
    ['UNIT_HEAD', 'CSTD_BO_TINH', '2025-01-15', false],
    ['ENTERPRISE_HEAD', 'LDTT', '2025-01-15', true],
    ['ENTERPRISE_HEAD', 'BANG_KHEN_BO_TINH', '2025-01-15', false],
    // Law Arts 74, 78–79: heads of ministries and provinces.
    ['MINISTRY_OR_PROVINCE_HEAD', 'CSTD_BO_TINH', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'CO_THI_DUA_BO_TINH', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'BANG_KHEN_BO_TINH', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'TTLD_XUAT_SAC', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'BANG_KHEN_TTG', '2025-01-15', false],
    // Law Art 80(1): the ministry's own apparatus has no legal personality of its own; its head decides
    // the base-level titles for the ministry's staff (a Bộ Tài chính officer's LĐTT is the Minister's).
    ['MINISTRY_OR_PROVINCE_HEAD', 'LDTT', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'LDTT', '2026-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'CSTD_CO_SO', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'TTLD_TIEN_TIEN', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'GIAY_KHEN', '2025-01-15', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'GIA_DINH_VAN_HOA', '2025-01-15', false],
    ['PRIME_MINISTER', 'LDTT', '2025-01-15', false],
    // Prime Minister (ND 98/2023 Art 33; QĐ 311/QĐ-BNV 2025) and President (orders, medals, titles, prizes).
    ['PRIME_MINISTER', 'BANG_KHEN_TTG', '2025-01-15', true],
    ['PRIME_MINISTER', 'CSTD_TOAN_QUOC', '2025-01-15', true],
    ['PRIME_MINISTER', 'CO_THI_DUA_CP', '2025-01-15', true],
    ['PRIME_MINISTER', 'HC_LAO_DONG_3', '2025-01-15', false],
    ['PRESIDENT', 'HC_LAO_DONG_3', '2025-01-15', true],
    ['PRESIDENT', 'ANH_HUNG_LAO_DONG', '2025-01-15', true],
    ['PRESIDENT', 'HCH_CHIEN_SI_VE_VANG_1', '2025-01-15', true],
    ['PRESIDENT', 'GIAI_THUONG_HO_CHI_MINH', '2025-01-15', true],
    ['PRESIDENT', 'BANG_KHEN_TTG', '2025-01-15', false],
    // Catalogue validity: "thị trấn" ends with the district level.
    ['MINISTRY_OR_PROVINCE_HEAD', 'XA_PHUONG_THI_TRAN_TIEU_BIEU', '2025-06-30', true],
    ['MINISTRY_OR_PROVINCE_HEAD', 'XA_PHUONG_THI_TRAN_TIEU_BIEU', '2025-07-01', false],
    ['MINISTRY_OR_PROVINCE_HEAD', 'XA_PHUONG_DAC_KHU_TIEU_BIEU', '2025-07-01', true],
    // Decisions under the 2003 Law are not checked; unknown codes and dates are refused.
    ['UNIT_HEAD', 'LDTT', '2023-12-31', false],
    ['UNIT_HEAD', 'NO_SUCH_AWARD', '2025-01-15', false],
    ['UNIT_HEAD', 'LDTT', '15/01/2025', false],
  ] as const)('%s deciding %s on %s → %s', (authority, code, date, allowed) => {
    const result = canDecide(authority, code, date);
    expect(result.allowed).toBe(allowed);
    if (allowed) expect(result.reason).toBeNull();
    else expect(result.reason).toEqual(expect.any(String));
  });

  it('tells a commune chair deciding too early when the power starts and who holds it that day', () => {
    const { reason } = canDecide('COMMUNE_CHAIR', 'CSTD_CO_SO', '2025-06-30');
    expect(reason).toContain('từ ngày 01/07/2025');
    expect(reason).toContain('Nghị định 129/2025/NĐ-CP, Điều 59');
    expect(reason).toContain('Chủ tịch UBND cấp huyện');
  });

  it('cites the article that gives the power, not the award’s conditions, when refusing', () => {
    const { reason } = canDecide('PRIME_MINISTER', 'LDTT', '2025-01-15');
    expect(reason).toContain('Điều 80 khoản 1');
    expect(reason).not.toContain('Điều 24');
    expect(reason).toContain('Người đứng đầu bộ, ban, ngành, Chủ tịch UBND cấp tỉnh');
  });
});
