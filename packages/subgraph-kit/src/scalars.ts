/**
 * The custom scalars the subgraphs share, with refusals an officer can read. The gateway passes a
 * custom scalar through unparsed, so the subgraph's refusal is what the officer sees (the gateway
 * drops graphql-js's English "Variable … got invalid value …" around it).
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function refuse(message: string, node?: ValueNode): never {
  throw new GraphQLError(message, { nodes: node ? [node] : undefined, extensions: { code: 'BAD_USER_INPUT' } });
}

function localDate(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string')
    return refuse('Ngày phải được ghi dạng chuỗi năm-tháng-ngày, ví dụ "2025-01-15".', node);
  // Quoted back only when short: a long value is not a date someone mistyped.
  const shown = value.length > 40 ? 'đã nhập' : JSON.stringify(value);
  const match = LOCAL_DATE.exec(value);
  if (!match)
    return refuse(`Ngày ${shown} không đúng dạng: hãy ghi năm-tháng-ngày (YYYY-MM-DD), ví dụ "2025-01-15".`, node);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2025-02-30 over to March: a date that is not on the calendar comes back different.
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1)
    return refuse(`Ngày ${shown} không có trên lịch.`, node);
  return value;
}

/** A calendar date without time zone, `YYYY-MM-DD` (the name and format of graphql-scalars' LocalDate). */
export const GraphQLLocalDate = new GraphQLScalarType({
  name: 'LocalDate',
  description: 'A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`.',
  serialize: (value) => localDate(value),
  parseValue: (value) => localDate(value),
  parseLiteral: (node) =>
    node.kind === Kind.STRING
      ? localDate(node.value, node)
      : refuse('Ngày phải được ghi trong dấu ngoặc kép, dạng năm-tháng-ngày, ví dụ "2025-01-15".', node),
  extensions: {
    codegenScalarType: 'string',
    jsonSchema: { title: 'LocalDate', type: 'string', pattern: LOCAL_DATE.source },
  },
});
