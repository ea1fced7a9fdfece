// The subgraph kit's text, pagination and database-error helpers that every subgraph relies on.
import { GraphQLError } from 'graphql';
import {
  cleanText,
  foldText,
  searchTerms,
  decodeCursor,
  encodeCursor,
  pageSize,
  translateDatabaseError,
} from '@tdkt/subgraph-kit';

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
    const unique = translateDatabaseError(
      { code: '23505', constraint: 'organization_code_key' },
      { organization_code_key: 'Mã đã tồn tại.' },
    ) as GraphQLError;
    expect([unique.extensions['code'], unique.message]).toEqual(['CONFLICT', 'Mã đã tồn tại.']);
    const down = translateDatabaseError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ) as GraphQLError;
    expect(down.extensions['code']).toBe('SERVICE_UNAVAILABLE');
  });
});
