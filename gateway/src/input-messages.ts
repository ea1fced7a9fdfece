/**
 * graphql-js refuses a value of the wrong type in English ('Variable "$input" got invalid value
 * "2024a" at "input.year"; Int cannot represent non-integer value: "2024a"'); an officer reads
 * Vietnamese. These are the refusals of values (variables and literals), rewritten with the field they
 * concern; the refusals of documents (unknown fields, syntax) are for developers and stay as they are.
 */

/** Any letter only Vietnamese writes: a message already written for officers (e.g. our LocalDate). */
const VIETNAMESE = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/i;

/** graphql-js's reasons for refusing a value, as the rest of a Vietnamese sentence. */
const REASONS: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Int cannot represent non-integer value: (.*)$/s, (m) => `phải là số nguyên (đã nhập ${m[1]}).`],
  [/^Int cannot represent non 32-bit signed integer value: (.*)$/s, (m) => `là số quá lớn (đã nhập ${m[1]}).`],
  [/^Float cannot represent non numeric value: (.*)$/s, (m) => `phải là một số (đã nhập ${m[1]}).`],
  [/^String cannot represent a non string value: (.*)$/s, () => 'phải là một chuỗi ký tự.'],
  [/^Boolean cannot represent a non boolean value: (.*)$/s, () => 'phải là true hoặc false.'],
  [/^ID cannot represent value: (.*)$/s, () => 'không phải là một mã định danh hợp lệ.'],
  [/^Value "([^"]*)" does not exist in "[^"]+" enum\./s, (m) => `không nhận giá trị "${m[1]}".`],
  [/^Enum "[^"]+" cannot represent non-enum value: (.*?)\./s, (m) => `không nhận giá trị ${m[1]}.`],
  [/^Field "([^"]+)" of required type "[^"]+" was not provided\./s, (m) => `thiếu trường bắt buộc "${m[1]}".`],
  [/^Field "([^"]+)" is not defined by type "[^"]+"\./s, (m) => `có trường "${m[1]}" không được hỗ trợ.`],
  [/^Expected non-nullable type "[^"]+" not to be null\./s, () => 'không được để trống.'],
  [/^Expected type "[^"]+" to be an object\./s, () => 'phải là một đối tượng (các trường trong dấu ngoặc nhọn).'],
];

export interface OfficerMessage {
  message: string;
  /** The input path at fault (`input.year`), when graphql-js said it. */
  field?: string;
}

function reasonFor(inner: string, subject: string, field: string | undefined): OfficerMessage {
  // The value quoted in graphql-js's English may be Vietnamese itself ("năm nay"): look outside quotes.
  if (VIETNAMESE.test(inner.replace(/"(?:[^"\\]|\\.)*"/g, ''))) return { message: inner, field };
  for (const [pattern, sentence] of REASONS) {
    const match = pattern.exec(inner);
    if (match) return { message: `${subject} ${sentence(match)}`, field };
  }
  return { message: `${subject} không đúng kiểu dữ liệu yêu cầu.`, field };
}

/**
 * The officer's reading of a refused value, or null when the message is not about a value.
 * `Variable "$v" got invalid value X at "v.a.b"; reason`, `Variable "$v" of required type "T!" was
 * not provided.`, `Expected value of type "T", found X; reason` (or `.`), `Field "T.f" of required
 * type "U!" was not provided.`, `Value "X" does not exist in "E" enum.`
 */
export function officerInputMessage(raw: string): OfficerMessage | null {
  const read = readInputMessage(raw);
  // graphql-js's suggestion stays for developers outside production (refusals.ts strips it there).
  const hint = /\s*Did you mean [^?]*\?/i.exec(raw)?.[0];
  return read && hint ? { ...read, message: `${read.message} ${hint.trim()}` } : read;
}

function readInputMessage(raw: string): OfficerMessage | null {
  const variable = /^Variable "\$([^"]+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; ([\s\S]+)$/.exec(raw);
  if (variable) {
    const field = variable[2] ?? variable[1]!;
    return reasonFor(variable[3]!, `Giá trị của ${field}`, field);
  }
  const missing =
    /^Variable "\$([^"]+)" of (?:required|non-null) type "[^"]+" (?:was not provided|must not be null)\.$/.exec(raw);
  if (missing) return { message: `Thiếu giá trị bắt buộc cho ${missing[1]}.`, field: missing[1] };
  const literal = /^Expected value of type "[^"]+", found ([\s\S]*?)(?:; ([\s\S]+)|\.)$/.exec(raw);
  if (literal) return reasonFor(literal[2] ?? '', `Giá trị ${literal[1]}`, undefined);
  const field = /^Field "([^"]+)" of required type "[^"]+" was not provided\.$/.exec(raw);
  if (field) return { message: `Thiếu trường bắt buộc "${field[1]}".`, field: field[1] };
  const enumValue = /^Value "([^"]*)" does not exist in "[^"]+" enum\./.exec(raw);
  if (enumValue) return { message: `Giá trị "${enumValue[1]}" không có trong danh sách được phép.` };
  // A built-in scalar refusing a literal reports its own message, unwrapped.
  for (const [pattern, sentence] of REASONS) {
    const match = pattern.exec(raw);
    if (match) return { message: `Giá trị ${sentence(match)}` };
  }
  return null;
}
