// Reading a spreadsheet of past awards as officers fill it: the template's Vietnamese headers, dates in
// the three ways they reach us (dd/mm/yyyy text, Excel serial numbers, date cells or ISO text), award
// abbreviations (Luật TĐKT 2022, Điều 9, 19–28: the catalogue's forms), and a person named with or without
// diacritics among the persons of that unit, never guessed between two.
import {
  GRANT_SHEET_COLUMNS,
  excelSerialToIso,
  foldPersonName,
  indexPersons,
  mapGrantHeaders,
  matchPerson,
  readGrantRow,
  readSheetAward,
  readSheetDate,
  readSheetYear,
  type SheetCell,
} from './grant-sheet.rule';

const HEADERS = ['STT', ...GRANT_SHEET_COLUMNS.map((column) => column.header)];

describe('grant sheet headers', () => {
  it('finds the columns of the template, whatever the case, accents or a note in brackets', () => {
    const verdict = mapGrantHeaders(['stt', 'HO VA TEN (cá nhân)', ...HEADERS.slice(2).map((h) => h.toUpperCase())]);
    expect(verdict).toEqual({
      ok: true,
      columns: { fullName: 1, unitCode: 2, awardType: 3, year: 4, decisionNumber: 5, issuedOn: 6, issuerCode: 7 },
    });
  });

  it('names the missing columns', () => {
    const verdict = mapGrantHeaders(HEADERS.filter((h) => h !== 'Ngày quyết định'));
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.message).toContain('thiếu cột: Ngày quyết định');
  });
});

describe('dates as officers write them', () => {
  it.each<[SheetCell, string, string | null]>([
    ['15/01/2025', '2025-01-15', null],
    ['5/1/2025', '2025-01-05', '"5/1/2025" → 05/01/2025'],
    ['2025-01-15', '2025-01-15', '"2025-01-15" → 15/01/2025'],
    [45672, '2025-01-15', 'số ngày Excel 45672 → 15/01/2025'],
    [new Date(Date.UTC(2025, 0, 15)), '2025-01-15', null],
  ])('%p is %s', (cell, iso, understood) => {
    expect(readSheetDate(cell)).toEqual({ ok: true, value: iso, understood });
  });

  it.each<[SheetCell, string]>([
    ['30/02/2025', 'không có trên lịch'],
    ['15 tháng 1', 'không đúng định dạng'],
    [60, 'không phải một ngày của Excel'],
    [-3, 'không phải một ngày của Excel'],
    [null, 'chưa ghi ngày quyết định'],
  ])('%p is refused (%s)', (cell, reason) => {
    const verdict = readSheetDate(cell);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.message).toContain(reason);
  });

  it('counts Excel serials in the 1900 system (serial 1 is 1900-01-01, 61 is 1900-03-01)', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45672.75)).toBe('2025-01-15');
  });
});

describe('awards and years', () => {
  it('reads abbreviations and says what they mean', () => {
    expect(readSheetAward('LĐTT')).toEqual({ ok: true, value: 'LDTT', understood: '"LĐTT" → Lao động tiên tiến' });
    expect(readSheetAward('Lao động tiên tiến')).toEqual({ ok: true, value: 'LDTT', understood: null });
    const bk = readSheetAward('BK');
    expect(bk.ok).toBe(false);
    expect(!bk.ok && bk.message).toContain('nhiều hình thức');
  });

  it('takes a year of four digits only', () => {
    expect(readSheetYear(2024)).toEqual({ ok: true, value: 2024, understood: null });
    expect(readSheetYear('2024')).toEqual({ ok: true, value: 2024, understood: null });
    expect(readSheetYear('24').ok).toBe(false);
    expect(readSheetYear(2024.5).ok).toBe(false);
  });
});

describe('persons of a unit by name', () => {
  const unit = 'Vụ Tổ chức cán bộ';
  const candidates = [
    { id: 'a', fullName: 'Nguyễn Văn An' },
    { id: 'b', fullName: 'Trần Thị Bình' },
    { id: 'c', fullName: 'Trần Thị Bính' },
    { id: 'd', fullName: 'Đỗ Văn Đức' },
  ];

  it('folds accents, case, spacing and Đ', () => {
    expect(foldPersonName('  Đỗ  Văn ĐỨC ')).toBe('do van duc');
  });

  it.each([
    ['Nguyễn Văn An', 'a', null],
    ['nguyễn văn an', 'a', '"nguyễn văn an" → Nguyễn Văn An'],
    ['Nguyen Van An', 'a', '"Nguyen Van An" → Nguyễn Văn An'],
    ['Do Van Duc', 'd', '"Do Van Duc" → Đỗ Văn Đức'],
    ['Trần Thị Bình', 'b', null],
  ])('%s is matched', (written, id, understood) => {
    expect(matchPerson(written, unit, indexPersons(candidates))).toEqual({
      kind: 'MATCHED',
      person: candidates.find((c) => c.id === id),
      understood,
    });
  });

  it('never guesses between two persons the name could be', () => {
    const verdict = matchPerson('Tran Thi Binh', unit, indexPersons(candidates));
    expect(verdict.kind).toBe('AMBIGUOUS');
    expect(verdict.kind !== 'MATCHED' && verdict.message).toContain('Trần Thị Bình; Trần Thị Bính');
  });

  it('says when nobody of the unit has the name', () => {
    const verdict = matchPerson('Lê Văn Tám', unit, indexPersons(candidates));
    expect(verdict).toEqual({ kind: 'NOT_FOUND', message: 'không có người tên "Lê Văn Tám" trong Vụ Tổ chức cán bộ.' });
  });
});

describe('a whole row', () => {
  const columns = { fullName: 1, unitCode: 2, awardType: 3, year: 4, decisionNumber: 5, issuedOn: 6, issuerCode: 7 };

  it('reads a filled row and says what it understood', () => {
    expect(readGrantRow(5, [1, 'Nguyen Van An', 'BTP', 'LĐTT', 2024, '12/QĐ-BTP', 45672, 'BTP'], columns)).toEqual({
      row: 5,
      fullName: 'Nguyen Van An',
      unitCode: 'BTP',
      awardTypeCode: 'LDTT',
      year: 2024,
      decisionNumber: '12/QĐ-BTP',
      issuedOn: '2025-01-15',
      issuerCode: 'BTP',
      problems: [],
      understood: [
        'Hình thức khen thưởng: "LĐTT" → Lao động tiên tiến',
        'Ngày quyết định: số ngày Excel 45672 → 15/01/2025',
      ],
    });
  });

  it('names every cell that cannot be read, by its column', () => {
    const row = readGrantRow(7, [2, '', 'BTP', 'XYZ', '20x4', '', '31/02/2025', 'BTP'], columns)!;
    expect(row.problems).toEqual([
      expect.stringMatching(/^cột Hình thức khen thưởng: Không có hình thức khen thưởng "XYZ"/),
      'cột Năm thành tích: năm "20x4" phải là số có 4 chữ số, ví dụ 2024.',
      'cột Số quyết định: chưa ghi.',
      'cột Ngày quyết định: ngày "31/02/2025" không có trên lịch.',
    ]);
  });

  it('skips an empty row (the STT column alone does not make a row)', () => {
    expect(readGrantRow(9, [3, null, '', null], columns)).toBeNull();
  });
});
