import { GraphQLError } from 'graphql';
import { cleanText, foldText, searchTerms, decodeCursor, encodeCursor, pageSize, translateDatabaseError } from '@tdkt/subgraph-kit';

// The organizations subgraph's rules are pure functions (its rules/ folder), exported for tests like these.
import { BlocMemberRole, OrganizationKind, OrganizationLevel, checkBlocMembership, dayBefore, deriveLevel, isValidInYear, isValidOn } from '@tdkt/organizations';

describe('organization rules', () => {
  it('derives the tier from the kind, else from the parent', () => {
    expect(deriveLevel(OrganizationKind.WARD, OrganizationLevel.PROVINCIAL)).toBe(OrganizationLevel.COMMUNE);
    expect(deriveLevel(OrganizationKind.PROVINCE, null)).toBe(OrganizationLevel.PROVINCIAL);
    expect(deriveLevel(OrganizationKind.DEPARTMENT, OrganizationLevel.PROVINCIAL)).toBe(OrganizationLevel.PROVINCIAL);
    expect(deriveLevel(OrganizationKind.MINISTRY, null)).toBe(OrganizationLevel.CENTRAL);
  });

  it('knows when a unit exists', () => {
    const absorbed = { validFrom: null, validTo: '2025-06-30' };
    expect(isValidInYear(absorbed, 2025)).toBe(true);
    expect(isValidInYear(absorbed, 2026)).toBe(false);
    expect(isValidOn(absorbed, '2025-07-01')).toBe(false);
    expect(isValidInYear({ validFrom: '2025-03-01', validTo: null }, 2024)).toBe(false);
    expect(dayBefore('2025-03-01')).toBe('2025-02-28');
    expect(dayBefore('2024-03-01')).toBe('2024-02-29');
  });

  it('reports every problem of a bloc-year list, by position', () => {
    const unit = { name: 'Sở A', validFrom: null, validTo: null };
    const problems = checkBlocMembership(2026, [
      { index: 0, code: 'A', role: BlocMemberRole.LEAD, organization: unit },
      { index: 1, code: 'B', role: BlocMemberRole.LEAD, organization: unit },
      { index: 2, code: 'A', role: BlocMemberRole.MEMBER, organization: unit },
      { index: 3, code: 'X', role: BlocMemberRole.MEMBER, organization: null },
      { index: 4, code: 'OLD', role: BlocMemberRole.MEMBER, organization: { name: 'Tỉnh cũ', validFrom: null, validTo: '2025-06-30' } },
    ]);
    expect(problems.map((problem) => [problem.code, problem.index])).toEqual([
      ['DUPLICATE_MEMBER', 2],
      ['UNKNOWN_ORGANIZATION', 3],
      ['NOT_VALID_IN_YEAR', 4],
      ['TOO_MANY_LEADS', 1],
    ]);
  });
});

describe('Vietnamese text', () => {
  it('normalizes to NFC, trims and folds spaces', () => {
    expect(cleanText('  Nguyễn   Văn An '.normalize('NFD'), { label: 'Họ tên', field: 'f' })).toBe('Nguyễn Văn An');
  });

  it('refuses NUL and other control characters', () => {
    expect(() => cleanText('An\u0000', { label: 'Họ tên', field: 'f' })).toThrow(GraphQLError);
    expect(() => cleanText('An\u0007', { label: 'Họ tên', field: 'f' })).toThrow('ký tự điều khiển');
  });

  it('folds diacritics and đ for search', () => {
    expect(foldText('Đắk Lắk – Hà Nội')).toBe('dak lak – ha noi');
    expect(searchTerms('  Nguyễn  Văn 50%_ ')).toEqual(['nguyen', 'van', '50']);
  });
});

describe('pagination', () => {
  it('round-trips cursors and refuses forged ones and oversized pages', () => {
    expect(decodeCursor(encodeCursor(['Hà Nội', 'HN']), 2)).toEqual(['Hà Nội', 'HN']);
    expect(() => decodeCursor('bm9wZQ', 2)).toThrow(GraphQLError);
    expect(() => decodeCursor(encodeCursor(['one']), 2)).toThrow(GraphQLError);
    expect(pageSize(undefined)).toBe(20);
    expect(() => pageSize(101)).toThrow(GraphQLError);
    expect(() => pageSize(-1)).toThrow(GraphQLError);
  });
});

describe('database errors', () => {
  it('turns a unique violation into CONFLICT with the constraint’s message, and a lost connection into SERVICE_UNAVAILABLE', () => {
    const unique = translateDatabaseError({ code: '23505', constraint: 'organization_code_key' }, { organization_code_key: 'Mã đã tồn tại.' }) as GraphQLError;
    expect([unique.extensions['code'], unique.message]).toEqual(['CONFLICT', 'Mã đã tồn tại.']);
    const down = translateDatabaseError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) as GraphQLError;
    expect(down.extensions['code']).toBe('SERVICE_UNAVAILABLE');
  });
});
