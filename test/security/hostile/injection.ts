/**
 * Injection strings (SQL, NoSQL, script, control characters, unicode, edge cases) in every string
 * argument of every contract operation, as variables and inline in documents.
 */
import { randomUUID } from 'node:crypto';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { CONTRACT_OPERATIONS } from '../../support/operations';
import { LONG, ORG_QUERY, json, gqlBody, uniqueNumber, type Corpus } from './probes';

// ---------------------------------------------------------------------------------------------
// Hostile strings
// ---------------------------------------------------------------------------------------------

/** Each family's strings go into every string argument of every contract operation. */
export const PAYLOADS: Record<string, string[]> = {
  sql: [
    "' OR '1'='1",
    "'; DROP TABLE organizations; --",
    '" OR ""="',
    "1' UNION SELECT current_user, version() --",
    "HN'||(SELECT pg_sleep(3))||'",
    "%' AND 1=CAST((SELECT version()) AS int) --",
    '$$; SELECT 1; $$',
    "\\'; COMMIT; --",
  ],
  nosql: ['{"$gt": ""}', "{'$ne': null}", "'; return this.constructor.constructor('return process')(); //"],
  script: [
    '<script>alert(document.cookie)</script>',
    '"><svg onload=alert(1)>',
    '{{7*7}}${7*7}#{7*7}<%= 7*7 %>',
    '../../../../etc/passwd',
  ],
  control: ['HN\u0000', "\u0000' OR 1=1 --", '\u0001\u0007\u001b[2J\r\n\t\u007f\u0085'],
  unicode: [
    'Ha\u0300 No\u0323i', // decomposed (NFD) Vietnamese
    '\u202eNH\u202c\u200f', // RTL override and mark
    '🏆🇻🇳👩‍👩‍👧', // emoji, flags, ZWJ sequence
    '\ufeffH\u200bN', // BOM and zero-width space
    '\ud800', // lone surrogate
    LONG, // 10 000 characters (20 kB as UTF-8)
  ],
  edge: ['', ' ', '%_%', '\\'],
};

export const ALL_PAYLOADS = Object.entries(PAYLOADS).flatMap(([family, list]) =>
  list.map((value) => ({ family, value })),
);

/**
 * How many strings of each family go into each string argument. Every argument gets every family
 * (and every NUL/control string); within a family the strings rotate over the arguments, so every
 * string is used many times while the corpus stays within the time budget.
 */
const PER_LEAF: Record<string, number> = { sql: 2, nosql: 1, script: 1, control: 3, unicode: 2, edge: 1 };

function payloadsForLeaf(ordinal: number): { family: string; value: string }[] {
  return Object.entries(PER_LEAF).flatMap(([family, count]) => {
    const list = PAYLOADS[family]!;
    return Array.from({ length: Math.min(count, list.length) }, (_, k) => ({
      family,
      value: list[(ordinal * count + k) % list.length]!,
    }));
  });
}

// ---------------------------------------------------------------------------------------------
// Variables for the contract operations, with one string leaf replaced
// ---------------------------------------------------------------------------------------------

type Path = (string | number)[];

interface Leaf {
  operation: string;
  path: Path;
  scalar: string;
}

function baseString(operation: string, path: Path, scalar: string, ids: { personId: string }): string {
  const field = String([...path].reverse().find((segment) => typeof segment === 'string'));
  if (scalar === 'LocalDate') return '2024-05-01';
  if (scalar === 'DateTimeISO') return '2024-05-01T00:00:00Z';
  if (scalar === 'ID')
    return /person/i.test(field) || (operation === 'PersonRecord' && field === 'id') ? ids.personId : randomUUID();
  switch (field) {
    case 'code':
      if (operation === 'CreateOrganization') return `SEC_ORG_${uniqueNumber()}`;
      if (operation === 'CreateBloc') return `SEC_BLOC_${uniqueNumber()}`;
      if (operation === 'BlocBoard') return 'NOI_CHINH_TW';
      if (path.includes('items')) return 'I1';
      return 'HN';
    case 'organizationCode':
      return 'BTP';
    case 'blocCode':
      return 'NOI_CHINH_TW';
    case 'parentCode':
      return 'HN';
    case 'awardTypeCode':
      return 'LDTT';
    case 'organizerCode':
    case 'proposedByCode':
    case 'recognizedByCode':
    case 'issuerCode':
      return 'BNV';
    case 'itemCode':
      return 'I1';
    case 'movementCode':
      return 'PT_SEC';
    case 'search':
      return 'ha noi';
    case 'period':
      return '2024';
    case 'number':
    case 'decisionNumber':
      return `${uniqueNumber()}/QĐ-SEC`;
    default:
      return 'Thử nghiệm';
  }
}

function baseScalar(operation: string, path: Path, scalar: string, ids: { personId: string }): unknown {
  const field = String([...path].reverse().find((segment) => typeof segment === 'string'));
  if (scalar === 'Int') {
    if (/year/i.test(field)) return field === 'birthYear' ? 1985 : 2024;
    if (field === 'membersTotal') return 10;
    if (field === 'first') return 10;
    return 1;
  }
  if (scalar === 'Float') return 1;
  if (scalar === 'Boolean') return false;
  return baseString(operation, path, scalar, ids);
}

function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}

function buildValue(
  operation: string,
  type: GraphQLInputType,
  path: Path,
  target: { path: Path; value: unknown } | null,
  ids: { personId: string },
): unknown {
  if (target && target.path.length === path.length && startsWith(target.path, path)) return target.value;
  if (isNonNullType(type)) return buildValue(operation, type.ofType, path, target, ids);
  if (isListType(type)) return [buildValue(operation, type.ofType, [...path, 0], target, ids)];
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const fieldPath = [...path, field.name];
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (target && startsWith(target.path, fieldPath)))
        value[field.name] = buildValue(operation, field.type, fieldPath, target, ids);
    }
    return value;
  }
  if (isEnumType(type)) return type.getValues()[0]!.name;
  return baseScalar(operation, path, getNamedType(type).name, ids);
}

function stringLeaves(operation: string, type: GraphQLInputType, path: Path, out: Leaf[]): void {
  if (isNonNullType(type)) return stringLeaves(operation, type.ofType, path, out);
  if (isListType(type)) return stringLeaves(operation, type.ofType, [...path, 0], out);
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields()))
      stringLeaves(operation, field.type, [...path, field.name], out);
    return;
  }
  const name = getNamedType(type).name;
  if (!['Int', 'Float', 'Boolean'].includes(name) && !isEnumType(type)) out.push({ operation, path, scalar: name });
}

interface ContractOperation {
  name: string;
  document: string;
  isMutation: boolean;
  variables: { name: string; type: GraphQLInputType; required: boolean }[];
}

function contractOperations(schema: GraphQLSchema): ContractOperation[] {
  return Object.entries(CONTRACT_OPERATIONS).map(([name, document]) => {
    const definition = parse(document).definitions[0] as OperationDefinitionNode;
    return {
      name,
      document,
      isMutation: definition.operation === 'mutation',
      variables: (definition.variableDefinitions ?? []).map((variable) => ({
        name: variable.variable.name.value,
        type: typeFromAST(schema, variable.type as TypeNode & { kind: any }) as GraphQLInputType,
        required: variable.type.kind === 'NonNullType' && !variable.defaultValue,
      })),
    };
  });
}

function variablesFor(
  operation: ContractOperation,
  target: { path: Path; value: unknown } | null,
  ids: { personId: string },
): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const variable of operation.variables) {
    if (variable.required || (target && target.path[0] === variable.name))
      variables[variable.name] = buildValue(operation.name, variable.type, [variable.name], target, ids);
  }
  return variables;
}

/** Every family of strings in every string argument, and inline in a document and operationName. */
export async function addInjectionProbes(corpus: Corpus): Promise<void> {
  const { schema, ids, central, post, gql } = corpus;
  // 1. Injection strings in every string argument of every contract operation.
  const operations = contractOperations(schema);
  let leafOrdinal = 0;
  for (const operation of operations) {
    const leaves: Leaf[] = [];
    for (const variable of operation.variables) stringLeaves(operation.name, variable.type, [variable.name], leaves);
    for (const leaf of leaves) {
      for (const { family, value } of payloadsForLeaf(leafOrdinal++)) {
        const variables = variablesFor(operation, { path: leaf.path, value }, ids);
        const auth: Record<string, string> = operation.isMutation ? { authorization: `Bearer ${central}` } : {};
        post(
          `injection:${family}`,
          `${operation.name} $${leaf.path.join('.')} = ${json(value.slice(0, 60))}`,
          gqlBody(operation.document, variables, operation.name),
          auth,
          { echoes: [value] },
        );
      }
    }
  }
  // The same strings inline in a document (not only as variables), and in operationName.
  for (const { family, value } of ALL_PAYLOADS) {
    gql(
      `injection:${family}`,
      `inline organization(code: ${json(value.slice(0, 40))})`,
      `{ organization(code: ${json(value)}) { code name } }`,
      undefined,
      {},
      { echoes: [value] },
    );
    post(
      `injection:${family}`,
      `operationName ${json(value.slice(0, 40))}`,
      json({ query: ORG_QUERY, operationName: value }),
      {},
      { echoes: [value] },
    );
  }
}
