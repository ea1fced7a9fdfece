/**
 * Text that is not text: a name made only of zero-width characters or of floating tone marks, or one
 * hiding a bidi override (U+202E, which makes "gnp.exe" read "exe.png"), must be refused with a
 * Vietnamese message naming the field; length counts the characters a reader sees. And a date given
 * the way officers write it ("15/01/2025") is refused in Vietnamese, not in graphql-js's English.
 */
import { GraphQLError } from 'graphql';
import { cleanOptionalText, cleanText, visibleLength } from '@tdkt/subgraph-kit';
import { contractOperation } from '../support/operations';
import { dataOf, errorCodes, startStack, type GraphQLResponse, type Stack } from '../support/stack';

const NAME = { label: 'Tên đơn vị', field: 'input.name' };

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('cleanText (kit)', () => {
  it.each([
    ['zero-width spaces only', '\u200B\u200B\u200B'],
    ['zero-width joiner and non-joiner only', '\u200D\u200C'],
    ['a byte-order mark only', '\uFEFF'],
    ['a right-to-left override inside a name', 'Bộ Tư pháp\u202Egnp.exe'],
    ['a left-to-right isolate', '\u2066Bộ Tư pháp\u2069'],
    ['a soft hyphen', 'Bộ Tư\u00ADpháp'],
    ['a word joiner', 'Hà\u2060Nội'],
    ['a Hangul filler (invisible, not Cf)', '\u3164'],
  ])('refuses %s with a message naming the field', (_, value) => {
    const error = refusal(() => cleanText(value, NAME));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(error.message).toMatch(/^Tên đơn vị chứa ký tự ẩn/);
    expect(error.message).toBe(error.message.normalize('NFC'));
  });

  it.each([
    ['combining marks only', '\u0301\u0300\u0303'],
    ['a tone mark after a space', 'Hà \u0301Nội'],
  ])('refuses %s: a mark on no letter', (_, value) => {
    expect(refusal(() => cleanText(value, NAME)).message).toMatch(/^Tên đơn vị có dấu .* không gắn với chữ nào/);
  });

  it('refuses a letter buried under stacked marks', () => {
    expect(refusal(() => cleanText('Ha\u0301\u0300\u0303\u0309\u0323 Nội', NAME)).message).toMatch(/quá nhiều dấu/);
  });

  it('refuses blank text, and an optional field holding only invisible characters', () => {
    expect(refusal(() => cleanText(' \u00A0 ', NAME)).message).toBe('Tên đơn vị không được để trống.');
    expect(
      refusal(() => cleanOptionalText('\u200B', { label: 'Tên viết tắt', field: 'input.shortName' })).message,
    ).toMatch(/^Tên viết tắt chứa ký tự ẩn/);
    expect(cleanOptionalText('   ', { label: 'Tên viết tắt', field: 'input.shortName' })).toBeNull();
  });

  it('counts the minimum length in characters a reader sees, not in code points', () => {
    // "Lê" typed decomposed is 3 code points but 2 characters; "Ệ" decomposed is 3 code points, 1 character.
    const decomposed = 'Lê'.normalize('NFD');
    expect([...decomposed]).toHaveLength(3);
    expect(visibleLength(decomposed)).toBe(2);
    expect(refusal(() => cleanText(decomposed, { ...NAME, minLength: 3 })).message).toBe(
      'Tên đơn vị phải có ít nhất 3 ký tự.',
    );
    expect(cleanText('Ệ'.normalize('NFD'), { ...NAME, minLength: 1 })).toBe('Ệ');
  });

  it('keeps real Vietnamese, stored in NFC, and tabs in multi-line text become spaces', () => {
    expect(cleanText(' Ủy ban nhân dân tỉnh Đắk Lắk '.normalize('NFD'), NAME)).toBe('Ủy ban nhân dân tỉnh Đắk Lắk');
    expect(cleanText('Dòng một\t\u00A0 tiếp\nDòng hai', { label: 'Ghi chú', field: 'note', multiline: true })).toBe(
      'Dòng một tiếp\nDòng hai',
    );
  });
});

describe('through the gateway', () => {
  let stack: Stack;
  let board: string;
  beforeAll(async () => {
    stack = await startStack();
    board = await stack.token('CENTRAL_BOARD');
  }, 120_000);
  afterAll(() => stack?.stop());

  const refusedAt = (response: GraphQLResponse, field: string, message: RegExp) => {
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    const [error] = response.body.errors!;
    expect(error!.extensions!['field']).toBe(field);
    expect(error!.message).toMatch(message);
  };

  it('refuses an organization named with zero-width characters, or hiding a bidi override', async () => {
    const create = (name: string) =>
      stack.gql(
        contractOperation('CreateOrganization'),
        { input: { code: 'ZW_TEST', name, kind: 'OTHER', parentCode: 'BNV' } },
        { token: board },
      );
    refusedAt(await create('\u200B\u200C\u200D'), 'input.name', /^Tên đơn vị chứa ký tự ẩn/);
    refusedAt(await create('Vụ Thi đua\u202E'), 'input.name', /^Tên đơn vị chứa ký tự ẩn/);
    refusedAt(await create('\u0301\u0301'), 'input.name', /^Tên đơn vị có dấu/);
  });

  it('refuses a person, a bloc and a pledge theme made of invisible text', async () => {
    refusedAt(
      await stack.gql(
        contractOperation('CreatePerson'),
        { input: { fullName: '\u2060\u2060', gender: 'MALE', birthYear: 1980, organizationCode: 'BTP' } },
        { token: board },
      ),
      'input.fullName',
      /^Họ tên chứa ký tự ẩn/,
    );
    refusedAt(
      await stack.gql(
        contractOperation('CreateBloc'),
        { input: { code: 'ZW_BLOC', name: '\uFEFF', kind: 'BLOC', organizerCode: 'BNV' } },
        { token: board },
      ),
      'input.name',
      /^Tên khối\/cụm chứa ký tự ẩn/,
    );
    refusedAt(
      await stack.gql(
        contractOperation('CreatePledge'),
        {
          input: {
            blocCode: 'NOI_CHINH_TW',
            year: 2024,
            theme: '\u202E\u200B',
            items: [{ code: 'TC1', title: 'Tiêu chí một', maxScore: 10 }],
          },
        },
        { token: board },
      ),
      'input.theme',
      /^Chủ đề chứa ký tự ẩn/,
    );
  });

  it('refuses "15/01/2025" for a date in Vietnamese, as a variable and as a literal, pointing at the field', async () => {
    const asVariable = await stack.gql(
      contractOperation('CreateOrganization'),
      {
        input: {
          code: 'DATE_TEST',
          name: 'Đơn vị thử ngày',
          kind: 'OTHER',
          parentCode: 'BNV',
          validFrom: '15/01/2025',
        },
      },
      { token: board },
    );
    refusedAt(asVariable, 'input.validFrom', /^Ngày "15\/01\/2025" không đúng dạng: hãy ghi năm-tháng-ngày/);
    const asLiteral = await stack.gql(
      `mutation { createOrganization(input: { code: "DATE_TEST", name: "Đơn vị thử ngày", kind: OTHER, parentCode: "BNV", validFrom: "2025-02-30" }) { code } }`,
      {},
      { token: board },
    );
    expect(errorCodes(asLiteral)).toEqual(['BAD_USER_INPUT']);
    expect(asLiteral.body.errors![0]!.message).toBe('Ngày "2025-02-30" không có trên lịch.');
    expect(JSON.stringify([asVariable.body, asLiteral.body])).not.toMatch(/Variable|Expected value|LocalDate/);
  });

  it('refuses values of the wrong type in Vietnamese, naming the field, not in graphql-js English', async () => {
    const wrongKind = await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'KIND_TEST', name: 'Đơn vị thử', kind: 'SO', parentCode: 'BNV' } },
      { token: board },
    );
    refusedAt(wrongKind, 'input.kind', /^Giá trị của input\.kind không nhận giá trị "SO"\.$/);
    const wrongYear = await stack.gql(contractOperation('OrganizationProfile'), { code: 'BTP', year: 'năm nay' });
    refusedAt(wrongYear, 'year', /^Giá trị của year phải là số nguyên \(đã nhập "năm nay"\)\.$/);
    const missing = await stack.gql(
      contractOperation('CreateOrganization'),
      { input: { code: 'KIND_TEST', kind: 'OTHER' } },
      { token: board },
    );
    refusedAt(missing, 'input', /^Giá trị của input thiếu trường bắt buộc "name"\.$/);
    const literal = await stack.gql(`{ organizations(first: "mười") { totalCount } }`);
    expect(literal.body.errors![0]!.message).toBe('Giá trị phải là số nguyên (đã nhập "mười").');
    expect(JSON.stringify([wrongKind, wrongYear, missing, literal].map((r) => r.body))).not.toMatch(
      /cannot represent|got invalid value|does not exist|was not provided|Expected value/,
    );
  });

  it('still accepts a real name typed decomposed, and stores it in NFC', async () => {
    const name = 'Vụ Thi đua – Khen thưởng thử nghiệm'.normalize('NFD');
    const created = dataOf(
      await stack.gql(
        contractOperation('CreateOrganization'),
        { input: { code: 'NFC_TEST', name, kind: 'OTHER', parentCode: 'BNV', validFrom: '2025-01-15' } },
        { token: board },
      ),
    ).createOrganization;
    expect(created.name).toBe(name.normalize('NFC'));
  });
});
