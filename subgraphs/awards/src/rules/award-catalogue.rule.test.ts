// The award catalogue (subgraphs/awards/src/catalogue/award-types.ts): the contract's fixed codes, the
// Law's full set of forms, and the orderings the eligibility rules rely on.
import { AWARD_CHAINS, AWARD_TYPES, authoritiesFor, findAwardType, type AwardTypeDefinition } from '@tdkt/awards';

const CONTRACT_CODES = [
  'LDTT',
  'CSTD_CO_SO',
  'CSTD_BO_TINH',
  'CSTD_TOAN_QUOC',
  'TTLD_TIEN_TIEN',
  'TTLD_XUAT_SAC',
  'CO_THI_DUA_BO_TINH',
  'CO_THI_DUA_CP',
  'GIAY_KHEN',
  'BANG_KHEN_BO_TINH',
  'BANG_KHEN_TTG',
  'HC_LAO_DONG_3',
  'HC_LAO_DONG_2',
  'HC_LAO_DONG_1',
  'ANH_HUNG_LAO_DONG',
];

function type(code: string): AwardTypeDefinition {
  const found = findAwardType(code);
  if (!found) throw new Error(`missing ${code}`);
  return found;
}

describe('award catalogue', () => {
  it.each(CONTRACT_CODES)('has the contract code %s', (code) => {
    expect(AWARD_TYPES.map((entry) => entry.code)).toContain(code);
  });

  it('has unique codes the database accepts', () => {
    const codes = AWARD_TYPES.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9][A-Z0-9_]{1,59}$/);
  });

  it('names every award in trimmed NFC Vietnamese', () => {
    for (const entry of AWARD_TYPES) {
      expect(entry.name).toBe(entry.name.normalize('NFC'));
      expect(entry.name).toBe(entry.name.trim());
      expect(entry.name.length).toBeGreaterThan(3);
    }
    expect(type('CSTD_BO_TINH').name).toBe('Chiến sĩ thi đua bộ, ban, ngành, tỉnh');
    expect(type('BANG_KHEN_TTG').name).toBe('Bằng khen của Thủ tướng Chính phủ');
  });

  // Ranks order "higher/lower" forms within a chain (Law Arts 21–24 for individuals, 25–28 for collectives,
  // Art 73(1)(b) → Art 44(1)(e) for certificates to the Labour Order).
  it.each([
    ['individual emulation titles (Law Arts 21–24)', ['LDTT', 'CSTD_CO_SO', 'CSTD_BO_TINH', 'CSTD_TOAN_QUOC']],
    ['Labour Order classes (Law Art 33)', ['HC_LAO_DONG_3', 'HC_LAO_DONG_2', 'HC_LAO_DONG_1']],
    [
      'collective emulation titles (Law Arts 25–28)',
      ['TTLD_TIEN_TIEN', 'TTLD_XUAT_SAC', 'CO_THI_DUA_BO_TINH', 'CO_THI_DUA_CP'],
    ],
    [
      'certificates then the Labour Order (Law Arts 73, 44)',
      ['GIAY_KHEN', 'BANG_KHEN_BO_TINH', 'BANG_KHEN_TTG', 'HC_LAO_DONG_3', 'ANH_HUNG_LAO_DONG'],
    ],
    ...Object.entries(AWARD_CHAINS).map(([name, codes]) => [`chain ${name}`, [...codes]] as [string, string[]]),
  ])('ranks %s in strictly increasing order', (_name, codes) => {
    const ranks = codes.map((code) => type(code).rank);
    for (let index = 1; index < ranks.length; index += 1) expect(ranks[index]).toBeGreaterThan(ranks[index - 1]!);
  });

  // Law Art 33: the orders, with their classes.
  it('holds every order of Law Art 33 with its classes', () => {
    const orders = AWARD_TYPES.filter((entry) => entry.category === 'ORDER').map((entry) => entry.name);
    expect(orders).toEqual(
      expect.arrayContaining([
        'Huân chương Sao vàng',
        'Huân chương Hồ Chí Minh',
        'Huân chương Độc lập hạng Nhất',
        'Huân chương Độc lập hạng Nhì',
        'Huân chương Độc lập hạng Ba',
        'Huân chương Quân công hạng Ba',
        'Huân chương Lao động hạng Ba',
        'Huân chương Bảo vệ Tổ quốc hạng Ba',
        'Huân chương Chiến công hạng Ba',
        'Huân chương Đại đoàn kết dân tộc',
        'Huân chương Dũng cảm',
        'Huân chương Hữu nghị',
      ]),
    );
    expect(orders).toHaveLength(20);
    for (const entry of AWARD_TYPES) {
      const expected = entry.code.match(/_([123])$/)?.[1];
      expect(entry.awardClass).toBe(
        expected === '1' ? 'FIRST' : expected === '2' ? 'SECOND' : expected === '3' ? 'THIRD' : null,
      );
    }
  });

  it('holds the state honorary titles, prizes, medals and the two-tier local titles', () => {
    const codes = AWARD_TYPES.map((entry) => entry.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'BA_ME_VN_ANH_HUNG',
        'ANH_HUNG_LLVTND',
        'NHA_GIAO_NHAN_DAN',
        'NHA_GIAO_UU_TU',
        'THAY_THUOC_NHAN_DAN',
        'NGHE_SI_UU_TU',
        'GIAI_THUONG_HO_CHI_MINH',
        'GIAI_THUONG_NHA_NUOC',
        'KY_NIEM_CHUONG',
        'HCH_CHIEN_SI_VE_VANG_1',
        'XA_PHUONG_DAC_KHU_TIEU_BIEU',
        'THON_TDP_VAN_HOA',
        'GIA_DINH_VAN_HOA',
        'CHIEN_SI_TIEN_TIEN',
        'DON_VI_QUYET_THANG',
      ]),
    );
    expect(type('GIA_DINH_VAN_HOA').subjectKinds).toEqual(['HOUSEHOLD']);
  });

  // ND 152/2025 Art 50 renames the commune title when thị trấn are abolished (2025-07-01).
  it('versions the commune title across the 2025 reform without a gap or overlap', () => {
    expect(type('XA_PHUONG_THI_TRAN_TIEU_BIEU')).toMatchObject({ validFrom: null, validTo: '2025-06-30' });
    expect(type('XA_PHUONG_DAC_KHU_TIEU_BIEU')).toMatchObject({ validFrom: '2025-07-01', validTo: null });
    for (const entry of AWARD_TYPES)
      if (entry.validFrom && entry.validTo) expect(entry.validFrom <= entry.validTo).toBe(true);
  });

  // NĐ 152/2025 Arts. 50–54; a coefficient the decree does not set stays null.
  it.each([
    ['LDTT', 0.3, null],
    ['CSTD_CO_SO', 1.0, null],
    ['CSTD_BO_TINH', 3.0, null],
    ['CSTD_TOAN_QUOC', 4.5, null],
    ['TTLD_TIEN_TIEN', null, 0.8],
    ['TTLD_XUAT_SAC', null, 1.5],
    ['CO_THI_DUA_BO_TINH', null, 8.0],
    ['CO_THI_DUA_CP', null, 12],
    ['HC_SAO_VANG', null, 92],
    ['HC_LAO_DONG_3', null, 9],
    ['ANH_HUNG_LAO_DONG', null, 31],
    ['BANG_KHEN_TTG', null, 7],
    ['GIAY_KHEN', null, 0.6],
    ['HC_DOC_LAP_3', null, null],
  ])('gives %s the reward multiplier of ND 152/2025 (person %s, collective %s)', (code, person, collective) => {
    expect(type(code).rewardMultiplier).toEqual({ person, collective });
  });

  it('cites an article of the 2022 Law for every award', () => {
    for (const entry of AWARD_TYPES) expect(entry.legalBasis).toMatch(/^Luật TĐKT 2022, Điều \d+/);
  });

  // Luật TĐKT 2022 Art. 80(1): the President decides orders, medals, state honorary titles and prizes.
  it('has the President decide the state awards, and a headline authority that really holds the power', () => {
    for (const entry of AWARD_TYPES) {
      if (['ORDER', 'MEDAL', 'STATE_HONORARY_TITLE', 'STATE_PRIZE'].includes(entry.category))
        expect(entry.decidingAuthority).toBe('PRESIDENT');
      const day = entry.validTo ?? '2026-01-15';
      expect(authoritiesFor(entry.code, day)).toContain(entry.decidingAuthority);
    }
  });
});
