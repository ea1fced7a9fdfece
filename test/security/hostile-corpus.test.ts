/**
 * A generated corpus of hostile and malformed requests, sent over real HTTP to the gateway (and to
 * each subgraph directly), with bounded concurrency. Every answer must be a client error or a
 * masked GraphQL answer:
 *
 * - HTTP status below 500;
 * - a JSON body (or an empty 4xx, e.g. Node's own 400/431 for a malformed request line or headers);
 * - no stack trace, SQL text, internal URL (subgraph host:port, localhost, ECONNREFUSED) or file
 *   path, in the body or in a response header, once the strings the request itself carried are
 *   taken out (an officer's input may be quoted back to them);
 * - every error carries an `extensions.code` from the contract (UNAUTHENTICATED, FORBIDDEN,
 *   BAD_USER_INPUT, NOT_FOUND, CONFLICT, SERVICE_UNAVAILABLE) or the GraphQL/HTTP request codes
 *   (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST, OPERATION_RESOLUTION_FAILURE,
 *   PERSISTED_QUERY_*, RATE_LIMITED). INTERNAL_SERVER_ERROR is not accepted: hostile input that
 *   reaches an unexpected failure is a defect even when the message is masked.
 *
 * After the corpus a normal contract query still answers correctly and the reference data is intact.
 *
 * Categories (see `buildCorpus`): injection strings in every string argument of every contract
 * operation, deep nesting, alias floods, huge lists, token floods, invalid JSON, content types,
 * HTTP methods and GET mutations, batching, huge and compressed bodies, NUL and control
 * characters, unicode oddities, forged tokens and Authorization schemes, validly signed tokens with
 * hostile claims, hostile headers, malformed HTTP on a raw socket, and direct calls to each subgraph.
 */
import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { createHmac, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
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
import { SignJWT, generateKeyPair, exportJWK } from 'jose';
import { Supergraph } from '@apollo/federation-internals';
import {
  CALLER_AUDIENCE,
  DEV_ISSUER,
  INTERNAL_AUDIENCE,
  INTERNAL_ISSUER,
  PUBLIC_CALLER,
  createInternalSigner,
  generateInternalKeyPair,
} from '@tdkt/identity';
import { committedSupergraph } from '@tdkt/scripts';
import { CONTRACT_OPERATIONS } from '../support/operations';
import { SUBGRAPH_NAMES, createTestPerson, dataOf, startStack, type Stack, type SubgraphName } from '../support/stack';

jest.setTimeout(120_000);

const CONCURRENCY = 10;
const PROBE_TIMEOUT_MS = 15_000;
/** A raw request that got no answer by then is given up (its connection is closed). */
const RAW_HANG_UP_MS = 2_000;

const ALLOWED_CODES = new Set([
  // the contract
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  // GraphQL / HTTP request errors
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'RATE_LIMITED',
]);

// ---------------------------------------------------------------------------------------------
// Probes
// ---------------------------------------------------------------------------------------------

type Target = 'gateway' | SubgraphName;

interface Probe {
  category: string;
  label: string;
  target: Target;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** A raw HTTP/1.1 request written to a socket (for what fetch refuses to send). */
  raw?: Buffer;
  /** Strings the request carried, which an answer may quote back (stripped before leak checks). */
  echoes?: string[];
  /** Query string of a GET (starting with `?`). */
  query?: string;
  /** A raw request whose connection may close without an answer (e.g. a body shorter than announced). */
  allowNoAnswer?: boolean;
  /** Behind the trust boundary (the gateway's own credential): only status and leaks are checked. */
  trusted?: boolean;
  /** Extra expectation on the HTTP status. */
  status?: (status: number) => boolean;
  statusText?: string;
}

interface Outcome {
  status: number;
  contentType: string;
  headers: Record<string, string>;
  text: string;
  ms: number;
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

function gqlBody(query: string, variables?: Record<string, unknown>, operationName?: string): string {
  return json({ query, ...(variables ? { variables } : {}), ...(operationName ? { operationName } : {}) });
}

// ---------------------------------------------------------------------------------------------
// Hostile strings
// ---------------------------------------------------------------------------------------------

const LONG = 'Đ'.repeat(10_000);

/** Each family's strings go into every string argument of every contract operation. */
const PAYLOADS: Record<string, string[]> = {
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

const ALL_PAYLOADS = Object.entries(PAYLOADS).flatMap(([family, list]) => list.map((value) => ({ family, value })));

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

let uniqueCounter = 0;

function baseString(operation: string, path: Path, scalar: string, ids: { personId: string }): string {
  const field = String([...path].reverse().find((segment) => typeof segment === 'string'));
  if (scalar === 'LocalDate') return '2024-05-01';
  if (scalar === 'DateTimeISO') return '2024-05-01T00:00:00Z';
  if (scalar === 'ID')
    return /person/i.test(field) || (operation === 'PersonRecord' && field === 'id') ? ids.personId : randomUUID();
  switch (field) {
    case 'code':
      if (operation === 'CreateOrganization') return `SEC_ORG_${++uniqueCounter}`;
      if (operation === 'CreateBloc') return `SEC_BLOC_${++uniqueCounter}`;
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
      return `${++uniqueCounter}/QĐ-SEC`;
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

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : json(value)).toString('base64url');

async function forgedTokens(stack: Stack): Promise<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub: 'intruder', role: 'CENTRAL_BOARD', iss: DEV_ISSUER, aud: CALLER_AUDIENCE, exp: now + 600 };
  const foreign = await generateKeyPair('ES256', { extractable: true });
  const foreignSigned = (payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'ES256' }) =>
    new SignJWT(payload).setProtectedHeader(header as any).sign(foreign.privateKey);
  const real = await stack.token('CENTRAL_BOARD');
  const [realHeader, realPayload, realSignature] = real.split('.') as [string, string, string];
  const realClaims = JSON.parse(Buffer.from(realPayload, 'base64url').toString());
  const tamper = (changes: Record<string, unknown>) =>
    `${realHeader}.${b64({ ...realClaims, ...changes })}.${realSignature}`;
  const publicJwk = await exportJWK(foreign.publicKey);
  // HS256 "signed" with a public key (algorithm confusion).
  const hsHeader = b64({ alg: 'HS256', typ: 'JWT' });
  const hsPayload = b64(claims);
  const hs = `${hsHeader}.${hsPayload}.${createHmac('sha256', json(publicJwk)).update(`${hsHeader}.${hsPayload}`).digest('base64url')}`;
  return {
    garbage: 'not.a.token',
    'one segment': 'abc',
    'empty segments': '..',
    'alg none': `${b64({ alg: 'none' })}.${b64(claims)}.`,
    'alg NONE': `${b64({ alg: 'NONE', typ: 'JWT' })}.${b64(claims)}.`,
    'alg none with signature kept': `${b64({ alg: 'none' })}.${b64(claims)}.${realSignature}`,
    'HS256 with a public key as secret': hs,
    'signed by an unknown key': await foreignSigned(claims),
    'unknown key, jwk embedded in header': await foreignSigned(claims, { alg: 'ES256', jwk: publicJwk }),
    'unknown key, jku header': await foreignSigned(claims, { alg: 'ES256', jku: 'http://127.0.0.1:1/jwks.json' }),
    'kid path traversal': await foreignSigned(claims, { alg: 'ES256', kid: '../../../../dev/null' }),
    'kid SQL': await foreignSigned(claims, { alg: 'ES256', kid: "' UNION SELECT 'key' --" }),
    'expired (tampered exp)': tamper({ exp: 1 }),
    'role escalated (tampered)': tamper({ role: 'CENTRAL_BOARD', org: null, sub: 'admin' }),
    'exp as string': tamper({ exp: 'never' }),
    'payload not JSON': `${realHeader}.${b64('{not json')}.${realSignature}`,
    'header not JSON': `${b64('{"alg":')}.${realPayload}.${realSignature}`,
    'signature stripped': `${realHeader}.${realPayload}.`,
    'signature truncated': `${realHeader}.${realPayload}.${realSignature.slice(0, 10)}`,
    'wrong audience (internal)': await foreignSigned({ ...claims, aud: INTERNAL_AUDIENCE, iss: INTERNAL_ISSUER }),
    'valid token twice': `${real}.${real}`,
    'huge (8 kB)': `${realHeader}.${b64({ ...realClaims, pad: 'x'.repeat(6000) })}.${realSignature}`,
  };
}

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

const ORG_QUERY = '{ organization(code: "HN") { code name } }';

function nest(field: string, depth: number, leaf = 'code'): string {
  return `${`${field} { `.repeat(depth)}${leaf}${' }'.repeat(depth)}`;
}

async function buildCorpus(stack: Stack, schema: GraphQLSchema, ids: { personId: string }): Promise<Probe[]> {
  const probes: Probe[] = [];
  const central = await stack.token('CENTRAL_BOARD');
  const officer = await stack.token('ORG_OFFICER', 'BTP');
  const post = (
    category: string,
    label: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
    extra: Partial<Probe> = {},
  ): void => {
    probes.push({
      category,
      label,
      target: 'gateway',
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      ...extra,
    });
  };
  const gql = (
    category: string,
    label: string,
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
    extra: Partial<Probe> = {},
  ): void => post(category, label, gqlBody(query, variables), headers, extra);

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

  // 2. Deep nesting.
  for (const depth of [13, 20, 50, 200, 1200])
    gql('depth', `parent chain ${depth}`, `{ organization(code: "HN") { ${nest('parent', depth)} } }`);
  for (const depth of [13, 40])
    gql('depth', `children chain ${depth}`, `{ organization(code: "HN") { ${nest('children', depth)} } }`);
  for (const depth of [300, 900, 3000])
    gql(
      'depth',
      `inline fragments ${depth}`,
      `{ organization(code: "HN") { ${'... on Organization { '.repeat(depth)}code${' }'.repeat(depth)} } }`,
    );
  {
    let document = '{ organization(code: "HN") { ...F0 } }\n';
    for (let i = 0; i < 40; i += 1) document += `fragment F${i} on Organization { parent { ...F${i + 1} } }\n`;
    gql('depth', 'fragment chain 40', `${document}fragment F40 on Organization { code }`);
    gql(
      'depth',
      'fragment cycle',
      '{ organization(code: "HN") { ...A } } fragment A on Organization { parent { ...B } } fragment B on Organization { children { ...A } }',
    );
  }
  gql(
    'depth',
    'introspection fields/type nested 20 (exempt from the depth rule)',
    `{ __type(name: "Organization") { ${'fields { type { '.repeat(20)}name${' } }'.repeat(20)} } }`,
  );
  gql(
    'depth',
    'introspection deep ofType 60',
    `{ __schema { types { ${'fields { type { '.repeat(30)}name${' } }'.repeat(30)} } } }`,
  );
  post(
    'depth',
    'variables nested 40 000 arrays',
    `{"query":"query($k: [OrganizationKind!]) { organizations(filter: { kinds: $k }) { totalCount } }","variables":{"k":${'['.repeat(40_000)}${']'.repeat(40_000)}}}`,
  );
  post(
    'depth',
    'variables nested 9 000 objects',
    `{"query":"query($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }","variables":{"f":${'{"search":'.repeat(9_000)}"x"${'}'.repeat(9_000)}}}`,
  );
  post(
    'depth',
    'list literal nested 2 000',
    gqlBody(`{ organization(code: ${'['.repeat(2000)}"HN"${']'.repeat(2000)}) { code } }`),
  );

  // 3. Alias floods.
  for (const count of [31, 100, 500, 2000])
    gql(
      'aliases',
      `${count} aliases of organization`,
      `{ ${Array.from({ length: count }, (_, i) => `a${i}: organization(code: "HN") { code }`).join(' ')} }`,
    );
  gql(
    'aliases',
    '20 aliases of a full __schema (introspection is exempt from the alias rule)',
    `{ ${Array.from({ length: 20 }, (_, i) => `s${i}: __schema { types { name fields { name args { name type { name ofType { name } } } type { name ofType { name ofType { name } } } } } }`).join(' ')} }`,
  );
  gql(
    'aliases',
    '1000 aliases of __typename',
    `{ ${Array.from({ length: 1000 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
  );
  gql(
    'aliases',
    '30 aliases of nested blocs lists',
    `{ ${Array.from({ length: 30 }, (_, i) => `b${i}: blocs { edges { node { code members(year: 2024) { organization { children { code } } } } } }`).join(' ')} }`,
  );
  gql(
    'aliases',
    'aliases inside fragments 100',
    `{ organization(code: "HN") { ...F } } fragment F on Organization { ${Array.from({ length: 100 }, (_, i) => `c${i}: code`).join(' ')} }`,
  );
  gql(
    'aliases',
    'duplicate field with conflicting args',
    `{ organization(code: "HN") { code } organization(code: "HCM") { code } }`,
  );

  // 4. Huge lists in variables.
  const codes = (count: number) => Array.from({ length: count }, (_, i) => `C${i}`);
  post(
    'huge-list',
    '100 000 person ids (over the body limit)',
    gqlBody(CONTRACT_OPERATIONS['RecordInitiative']!, {
      input: {
        personIds: codes(100_000),
        title: 't',
        scope: 'BASE',
        recognizedOn: '2024-01-01',
        recognizedByCode: 'BNV',
      },
    }),
    { authorization: `Bearer ${central}` },
  );
  post(
    'huge-list',
    '2 400 person ids (under the body limit)',
    gqlBody(CONTRACT_OPERATIONS['RecordInitiative']!, {
      input: {
        personIds: Array.from({ length: 2_400 }, () => randomUUID()),
        title: 't',
        scope: 'BASE',
        recognizedOn: '2024-01-01',
        recognizedByCode: 'BNV',
      },
    }),
    { authorization: `Bearer ${central}` },
  );
  post(
    'huge-list',
    '2 400 nomination ids',
    gqlBody(CONTRACT_OPERATIONS['IssueDecision']!, {
      input: {
        number: '1/SEC',
        issuedOn: '2024-01-01',
        issuerCode: 'CP',
        nominationIds: Array.from({ length: 2_400 }, () => randomUUID()),
      },
    }),
    { authorization: `Bearer ${central}` },
  );
  post(
    'huge-list',
    '2 000 bloc members',
    gqlBody(CONTRACT_OPERATIONS['SetBlocMembership']!, {
      input: {
        blocCode: 'NOI_CHINH_TW',
        year: 2026,
        members: codes(2_000).map((code) => ({ organizationCode: code, role: 'MEMBER' })),
      },
    }),
    { authorization: `Bearer ${central}` },
  );
  post(
    'huge-list',
    '600 grant rows',
    gqlBody(CONTRACT_OPERATIONS['ImportGrants']!, {
      input: {
        grants: Array.from({ length: 600 }, (_, i) => ({
          organizationCode: 'BTP',
          awardTypeCode: 'TTLD_XUAT_SAC',
          year: 1990 + (i % 30),
          decisionNumber: `${i}/SEC`,
          issuedOn: '2000-01-01',
          issuerCode: 'BTP',
        })),
      },
    }),
    { authorization: `Bearer ${central}` },
  );
  post(
    'huge-list',
    '100 000 bloc members (over the body limit)',
    gqlBody(CONTRACT_OPERATIONS['SetBlocMembership']!, {
      input: {
        blocCode: 'NOI_CHINH_TW',
        year: 2030,
        members: codes(100_000).map((code) => ({ organizationCode: code, role: 'MEMBER' })),
      },
    }),
    { authorization: `Bearer ${central}` },
  );
  post(
    'huge-list',
    '1 500 pledge items',
    gqlBody(CONTRACT_OPERATIONS['CreatePledge']!, {
      input: {
        blocCode: 'NOI_CHINH_TW',
        year: 2026,
        theme: 't',
        items: Array.from({ length: 1_500 }, (_, i) => ({ code: `I${i}`, title: 't', targetValue: 1, maxScore: 1 })),
      },
    }),
    { authorization: `Bearer ${central}` },
  );
  post(
    'huge-list',
    '20 000 kinds in a filter',
    gqlBody('query($k: [OrganizationKind!]) { organizations(filter: { kinds: $k }) { totalCount } }', {
      k: Array.from({ length: 20_000 }, () => 'MINISTRY'),
    }),
  );
  post(
    'huge-list',
    'first: 1e9 and negative',
    gqlBody('{ a: organizations(first: 1000000000) { totalCount } b: organizations(first: -5) { totalCount } }'),
  );
  post(
    'huge-list',
    'first: 2^31 (Int overflow)',
    gqlBody('query($f: Int) { organizations(first: $f) { totalCount } }', { f: 2 ** 31 }),
  );
  post('huge-list', 'year: 1e308', gqlBody(CONTRACT_OPERATIONS['BlocBoard']!, { code: 'NOI_CHINH_TW', year: 1e308 }));
  post(
    'huge-list',
    'forged cursor',
    gqlBody(CONTRACT_OPERATIONS['SearchOrganizations']!, {
      search: 'a',
      first: 5,
      after: Buffer.from("' OR 1=1 --").toString('base64'),
    }),
  );
  post(
    'huge-list',
    'forged cursor JSON',
    gqlBody(CONTRACT_OPERATIONS['SearchOrganizations']!, {
      search: 'a',
      first: 5,
      after: Buffer.from('{"sortKey":{"$gt":""},"id":"x\'"}').toString('base64'),
    }),
  );

  // 5. Token floods (long documents).
  gql('token-flood', '6 000 tokens of __typename', `{ ${'__typename '.repeat(6_000)}}`);
  gql('token-flood', '4 900 tokens (just under the limit)', `{ ${'__typename '.repeat(4_900)}}`);
  gql('token-flood', '90 kB of comments', `# ${'x'.repeat(90_000)}\n{ __typename }`);
  gql(
    'token-flood',
    '90 kB string literal',
    `{ organization(code: "${'A'.repeat(90_000)}") { code } }`,
    undefined,
    {},
    { echoes: ['A'.repeat(90_000)] },
  );
  gql(
    'token-flood',
    '90 kB block string',
    `{ organization(code: """${'A'.repeat(90_000)}""") { code } }`,
    undefined,
    {},
    { echoes: ['A'.repeat(90_000)] },
  );
  gql('token-flood', '90 kB of whitespace and commas', `{${' ,'.repeat(45_000)}__typename }`);
  gql('token-flood', '3 000 directives', `{ __typename ${'@include(if: true) '.repeat(3_000)}}`);
  gql(
    'token-flood',
    '2 000 variable definitions',
    `query(${Array.from({ length: 2_000 }, (_, i) => `$v${i}: Int`).join(' ')}) { __typename }`,
  );
  gql(
    'token-flood',
    '1 000 operations in a document',
    Array.from({ length: 1_000 }, (_, i) => `query Q${i} { __typename }`).join('\n'),
  );
  gql(
    'token-flood',
    '1 000 fragments',
    `{ organization(code: "HN") { ...F0 } } ${Array.from({ length: 1_000 }, (_, i) => `fragment F${i} on Organization { code }`).join(' ')}`,
  );
  gql('token-flood', '10 000-character field name', `{ ${'a'.repeat(10_000)} }`);

  // 6. Invalid JSON.
  const invalidBodies: Record<string, string | Buffer> = {
    empty: '',
    'bare string': '"query"',
    number: '42',
    null: 'null',
    true: 'true',
    'truncated object': '{"query": "{ __typename }"',
    'trailing comma': '{"query": "{ __typename }",}',
    'single quotes': "{'query': '{ __typename }'}",
    'unquoted key': '{query: "{ __typename }"}',
    'comment inside': '{"query": /* x */ "{ __typename }"}',
    'NaN variable': '{"query": "query($y: Int!) { __typename }", "variables": {"y": NaN}}',
    'duplicate keys': '{"query": "{ __typename }", "query": "mutation { __typename }"}',
    'query is an object': '{"query": {"kind": "Document"}}',
    'query is an array': '{"query": ["{ __typename }"]}',
    'query is a number': '{"query": 1}',
    'variables is a string': '{"query": "{ __typename }", "variables": "{\\"a\\":1}"}',
    'variables is an array': '{"query": "{ __typename }", "variables": [1]}',
    'extensions is a string': '{"query": "{ __typename }", "extensions": "x"}',
    'operationName is an object': '{"query": "{ __typename }", "operationName": {}}',
    'prototype pollution':
      '{"query": "{ __typename }", "__proto__": {"isAdmin": true}, "constructor": {"prototype": {"polluted": 1}}}',
    'variables __proto__':
      '{"query": "query($f: OrganizationFilter) { organizations(filter: $f) { totalCount } }", "variables": {"f": {"__proto__": {"search": "x"}}}}',
    'invalid UTF-8': Buffer.from([
      0x7b, 0x22, 0x71, 0x75, 0x65, 0x72, 0x79, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d,
    ]),
    'UTF-16 BOM body': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"query":"{ __typename }"}', 'utf16le')]),
    'UTF-8 BOM body': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"query":"{ __typename }"}')]),
    'lone surrogate escape': '{"query": "{ organization(code: \\"\\ud800\\") { code } }"}',
    'escaped NUL in query': '{"query": "{ __typename \\u0000 }"}',
    'raw NUL byte': Buffer.from('{"query": "{ __typename }"}\u0000'),
    'JSON then garbage': '{"query": "{ __typename }"} trailing',
    '90 kB of spaces then JSON': `${' '.repeat(90_000)}{"query":"{ __typename }"}`,
    'huge number': `{"query": "query($y: Int) { __typename }", "variables": {"y": 1${'0'.repeat(5_000)}}}`,
    'deep JSON nesting in extensions': `{"query":"{ __typename }","extensions":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
    'persisted query extension':
      '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38"}}}',
    'persisted query with a bad hash':
      '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"x\'"}}}',
  };
  for (const [label, body] of Object.entries(invalidBodies)) post('invalid-json', label, body);

  // 7. Content types.
  const document = gqlBody(ORG_QUERY);
  const contentTypes: Record<string, { type?: string; body: string }> = {
    'text/plain': { type: 'text/plain', body: document },
    'text/plain;charset=utf-8': { type: 'text/plain;charset=utf-8', body: document },
    'form-urlencoded': { type: 'application/x-www-form-urlencoded', body: `query=${encodeURIComponent(ORG_QUERY)}` },
    'multipart/form-data': {
      type: 'multipart/form-data; boundary=x',
      body: `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${document}\r\n--x--\r\n`,
    },
    'missing content-type': { body: document },
    'application/graphql': { type: 'application/graphql', body: ORG_QUERY },
    'application/xml': { type: 'application/xml', body: `<query>${ORG_QUERY}</query>` },
    'application/json; charset=latin1': { type: 'application/json; charset=latin1', body: document },
    'application/json; charset=utf-16': { type: 'application/json; charset=utf-16', body: document },
    'application/json; charset=nonsense': { type: 'application/json; charset=nonsense', body: document },
    'application/json with injected param': { type: 'application/json; boundary="\'; DROP TABLE x"', body: document },
    'APPLICATION/JSON': { type: 'APPLICATION/JSON', body: document },
    'application/graphql-response+json': { type: 'application/graphql-response+json', body: document },
    'application/vnd.api+json': { type: 'application/vnd.api+json', body: document },
    'application/json, text/plain': { type: 'application/json, text/plain', body: document },
    'empty content-type': { type: '', body: document },
    'octet-stream': { type: 'application/octet-stream', body: document },
  };
  for (const [label, { type, body }] of Object.entries(contentTypes)) {
    probes.push({
      category: 'content-type',
      label,
      target: 'gateway',
      method: 'POST',
      headers: type === undefined ? {} : { 'content-type': type },
      body,
    });
  }
  for (const accept of [
    'text/html',
    'application/xml',
    'multipart/mixed; deferSpec=20220824',
    'application/graphql-response+json',
    '*/*;q=0',
    'application/json;q=0',
  ]) {
    gql('content-type', `accept: ${accept}`, ORG_QUERY, undefined, { accept });
  }

  // 8. HTTP methods and GET mutations.
  const base = stack.gatewayUrl;
  const get = (label: string, query: string, headers: Record<string, string> = {}, extraParams = '') =>
    probes.push({
      category: 'get',
      label,
      target: 'gateway',
      method: 'GET',
      headers,
      query: `?query=${encodeURIComponent(query)}${extraParams}`,
    });
  const createOrg =
    'mutation { createOrganization(input: { code: "SEC_GET", name: "x", kind: DEPARTMENT, parentCode: "HN" }) { id } }';
  get('mutation, no preflight header', createOrg, { authorization: `Bearer ${central}` });
  get('mutation with apollo-require-preflight', createOrg, {
    authorization: `Bearer ${central}`,
    'apollo-require-preflight': '1',
  });
  get('mutation with x-apollo-operation-name', createOrg, {
    authorization: `Bearer ${central}`,
    'x-apollo-operation-name': 'M',
  });
  get('mutation with content-type json', createOrg, {
    authorization: `Bearer ${central}`,
    'content-type': 'application/json',
  });
  get(
    'mutation hidden behind operationName',
    `query Q { __typename } ${createOrg.replace('mutation', 'mutation M')}`,
    { authorization: `Bearer ${central}`, 'apollo-require-preflight': '1' },
    '&operationName=M',
  );
  get('query with preflight', ORG_QUERY, { 'apollo-require-preflight': '1' });
  get('query, no preflight header', ORG_QUERY);
  get(
    'variables not JSON',
    'query($c: String) { organization(code: $c) { code } }',
    { 'apollo-require-preflight': '1' },
    '&variables=%7Bnot',
  );
  get('extensions not JSON', ORG_QUERY, { 'apollo-require-preflight': '1' }, '&extensions=%5B');
  get(
    'query repeated',
    ORG_QUERY,
    { 'apollo-require-preflight': '1' },
    `&query=${encodeURIComponent('{ __typename }')}`,
  );
  get('NUL in query string', `{ __typename }\u0000`, { 'apollo-require-preflight': '1' });
  get('no query at all', '', { 'apollo-require-preflight': '1' });
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'PROPFIND']) {
    probes.push({
      category: 'method',
      label: method,
      target: 'gateway',
      method,
      headers: { 'content-type': 'application/json' },
      body: ['HEAD', 'OPTIONS'].includes(method) ? undefined : document,
    });
  }
  probes.push({
    category: 'method',
    label: 'OPTIONS preflight from a foreign origin',
    target: 'gateway',
    method: 'OPTIONS',
    headers: {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
  gql('method', 'POST from a foreign origin', ORG_QUERY, undefined, { origin: 'https://evil.example' });

  // 9. Batched JSON arrays.
  post('batch', 'two operations', json([{ query: ORG_QUERY }, { query: '{ __typename }' }]));
  post('batch', 'empty array', '[]');
  post('batch', '500 operations', json(Array.from({ length: 500 }, () => ({ query: ORG_QUERY }))));
  post(
    'batch',
    'query and mutation',
    json([{ query: ORG_QUERY }, { query: 'mutation { openPledge(id: "x") { id } }' }]),
    { authorization: `Bearer ${central}` },
  );
  post('batch', 'array of nulls and numbers', '[null, 1, "x", []]');
  post('batch', 'nested arrays', '[[{"query":"{ __typename }"}]]');

  // 10. Huge bodies.
  post('huge-body', '150 kB variables', gqlBody(ORG_QUERY, { pad: 'x'.repeat(150_000) }));
  post('huge-body', '1 MB body', gqlBody(ORG_QUERY, { pad: 'x'.repeat(1_000_000) }));
  post('huge-body', '8 MB body', gqlBody(ORG_QUERY, { pad: 'x'.repeat(8_000_000) }));
  post('huge-body', '150 kB document', gqlBody(`{ __typename } # ${'x'.repeat(150_000)}`));
  post('huge-body', '66 kB of multibyte characters (33 000 × Đ)', gqlBody(ORG_QUERY, { pad: 'Đ'.repeat(33_000) }));
  post('huge-body', 'gzip bomb (10 MB inflated)', gzipSync(gqlBody(ORG_QUERY, { pad: ' '.repeat(10_000_000) })), {
    'content-encoding': 'gzip',
  });
  post('huge-body', 'gzip, small and valid', gzipSync(gqlBody(ORG_QUERY)), { 'content-encoding': 'gzip' });
  post('huge-body', 'content-encoding gzip but plain body', gqlBody(ORG_QUERY), { 'content-encoding': 'gzip' });
  post('huge-body', 'unknown content-encoding', gqlBody(ORG_QUERY), { 'content-encoding': 'x-evil' });
  post('huge-body', 'content-encoding br with garbage', Buffer.from('not brotli at all'), { 'content-encoding': 'br' });
  post('huge-body', 'content-encoding identity, gzip', gzipSync(gqlBody(ORG_QUERY)), {
    'content-encoding': 'identity, gzip',
  });

  // 11. NUL bytes and control characters outside string arguments.
  gql('control', 'NUL in document', '{ __typename \u0000 }');
  gql('control', 'NUL inside a field name', '{ organ\u0000ization(code: "HN") { code } }');
  gql('control', 'control characters in document', '{\u0001\u0002\u0003 __typename \u001b[31m }');
  gql('control', 'vertical tab / form feed / NEL', '{\u000b\u000c\u0085 __typename }');
  gql('control', 'unicode line separators', '{\u2028\u2029 __typename }');
  post(
    'control',
    'NUL in variable name',
    json({ query: 'query($c: String) { organization(code: $c) { code } }', variables: { 'c\u0000': 'HN' } }),
  );
  post('control', 'NUL in operationName', json({ query: 'query A { __typename }', operationName: 'A\u0000' }));
  gql('control', 'NUL in search (organizations)', CONTRACT_OPERATIONS['SearchOrganizations']!, { search: '\u0000' });
  gql(
    'control',
    'NUL in persons search',
    'query($s: String) { persons(filter: { search: $s }) { totalCount } }',
    { s: 'Nguy\u0000n' },
    { authorization: `Bearer ${central}` },
  );
  gql('control', 'NUL in the person id', CONTRACT_OPERATIONS['PersonRecord']!, {
    id: `${ids.personId}\u0000`,
    awardTypeCode: 'LDTT',
    year: 2024,
  });

  // 12. Unicode oddities outside the injection matrix.
  gql('unicode', 'NFD search finds nothing dangerous', CONTRACT_OPERATIONS['SearchOrganizations']!, {
    search: 'Ha\u0300 No\u0323i',
    first: 5,
  });
  gql('unicode', 'unicode escape in document', '{ organization(code: "\\u0048\\u004E") { code } }');
  gql('unicode', 'lone surrogate escape in document', '{ organization(code: "\\uD800") { code } }');
  gql('unicode', 'fullwidth braces', '｛ __typename ｝');
  gql('unicode', 'homoglyph field name', '{ оrganization(code: "HN") { code } }');
  gql('unicode', 'emoji operation name', 'query 🏆 { __typename }');
  gql(
    'unicode',
    'overlong Vietnamese name on createOrganization',
    CONTRACT_OPERATIONS['CreateOrganization']!,
    { input: { code: 'SEC_LONG', name: 'Ệ'.repeat(25_000), kind: 'DEPARTMENT', parentCode: 'HN' } },
    { authorization: `Bearer ${central}` },
  );
  gql(
    'unicode',
    'RTL in person name',
    CONTRACT_OPERATIONS['CreatePerson']!,
    { input: { fullName: '\u202eNguyễn\u202c', gender: 'MALE', birthYear: 1980, organizationCode: 'BTP' } },
    { authorization: `Bearer ${central}` },
  );
  for (const form of ['NFC', 'NFD', 'NFKC', 'NFKD'] as const)
    gql('unicode', `search ${form} "Đà Nẵng"`, CONTRACT_OPERATIONS['SearchOrganizations']!, {
      search: 'Thành phố Đà Nẵng'.normalize(form),
      first: 3,
    });

  // 13. Forged tokens and Authorization schemes.
  for (const [label, token] of Object.entries(await forgedTokens(stack))) {
    gql(
      'token',
      `bearer ${label}`,
      ORG_QUERY,
      undefined,
      { authorization: `Bearer ${token}` },
      { status: (status) => status === 401 || status === 431, statusText: '401' },
    );
  }
  const schemes: Record<string, string> = {
    'Basic credentials': `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    'Bearer, empty': 'Bearer ',
    'Bearer alone': 'Bearer',
    'bearer lower case + valid token': `bearer ${central}`,
    'Token scheme': `Token ${central}`,
    'JWT scheme': `JWT ${central}`,
    Digest: 'Digest username="a", realm="b"',
    'token without scheme': central,
    'two bearer tokens': `Bearer ${central} Bearer ${central}`,
    'comma-joined tokens': `Bearer ${officer}, Bearer ${central}`,
    'Bearer with quotes': `Bearer "${central}"`,
    'Bearer with SQL': "Bearer ' OR 1=1 --",
    'Bearer with spaces inside': `Bearer ${central.slice(0, 20)} ${central.slice(20)}`,
    'Bearer 100 kB (header too large)': `Bearer ${'a'.repeat(100_000)}`,
  };
  for (const [label, header] of Object.entries(schemes)) {
    const accepted = label === 'bearer lower case + valid token';
    gql(
      'auth-scheme',
      label,
      ORG_QUERY,
      undefined,
      { authorization: header },
      accepted
        ? {}
        : { status: (status) => status === 401 || status === 431 || status === 400, statusText: '401 (or 400/431)' },
    );
  }
  // Hostile claims in validly signed tokens (the gateway's own trusted issuer).
  const hostileOrgs = [
    "' OR '1'='1",
    'HN\u0000',
    LONG.slice(0, 500),
    '../BTP',
    '{"$ne":null}',
    'btp',
    'BTP ',
    '\u202eBTP',
  ];
  for (const org of hostileOrgs) {
    const token = await stack.token('ORG_OFFICER', org);
    gql(
      'signed-claims',
      `ORG_OFFICER org=${json(org.slice(0, 30))} reads`,
      CONTRACT_OPERATIONS['OrganizationProfile']!,
      { code: 'BTP', year: 2024 },
      { authorization: `Bearer ${token}` },
      { echoes: [org] },
    );
    gql(
      'signed-claims',
      `ORG_OFFICER org=${json(org.slice(0, 30))} signs`,
      CONTRACT_OPERATIONS['SignPledge']!,
      { input: { pledgeId: randomUUID(), organizationCode: 'BTP' } },
      { authorization: `Bearer ${token}` },
      { echoes: [org] },
    );
    gql(
      'signed-claims',
      `ORG_OFFICER org=${json(org.slice(0, 30))} nominates`,
      CONTRACT_OPERATIONS['CreateNomination']!,
      { input: { awardTypeCode: 'LDTT', personId: ids.personId, year: 2024, basis: 'MERIT', proposedByCode: 'BTP' } },
      { authorization: `Bearer ${token}` },
      { echoes: [org] },
    );
  }
  const viewer = await stack.token('VIEWER', "'; DROP TABLE organizations; --");
  gql(
    'signed-claims',
    'VIEWER with SQL org creates an organization',
    CONTRACT_OPERATIONS['CreateOrganization']!,
    { input: { code: 'SEC_V', name: 'x', kind: 'DEPARTMENT', parentCode: 'HN' } },
    { authorization: `Bearer ${viewer}` },
  );

  // 14. Hostile headers.
  const headerProbes: Record<string, Record<string, string>> = {
    'x-request-id with HTML': { 'x-request-id': '<script>alert(1)</script>' },
    'x-request-id 10 kB': { 'x-request-id': 'a'.repeat(10_000) },
    'x-request-id SQL': { 'x-request-id': "'; DROP TABLE x; --" },
    'x-tdkt-caller forged to the gateway': { 'x-tdkt-caller': 'eyJhbGciOiJub25lIn0.eyJyb2xlIjoiQ0VOVFJBTF9CT0FSRCJ9.' },
    'x-tdkt-stats with SQL': { 'x-tdkt-stats': "1' OR 1=1" },
    'idempotency-key SQL (query)': { 'idempotency-key': "' OR 1=1 --; DROP TABLE idempotency" },
    'x-forwarded-for spoof': {
      'x-forwarded-for': '127.0.0.1, ::1',
      'x-real-ip': '127.0.0.1',
      forwarded: 'for=127.0.0.1',
    },
    'host header injection': { 'x-forwarded-host': 'evil.example', 'x-original-url': '/admin' },
    'transfer-encoding lie': { 'x-http-method-override': 'DELETE' },
  };
  for (const [label, headers] of Object.entries(headerProbes)) gql('headers', label, ORG_QUERY, undefined, headers);
  for (const key of [
    'short',
    "' OR '1'='1' --xx",
    'k'.repeat(129),
    'k'.repeat(5_000),
    '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008'.replace(/[\u0000-\u001f]/g, 'x'),
  ]) {
    gql(
      'headers',
      `idempotency-key ${json(key.slice(0, 30))} on a mutation`,
      CONTRACT_OPERATIONS['CreateOrganization']!,
      { input: { code: `SEC_IK_${++uniqueCounter}`, name: 'x', kind: 'DEPARTMENT', parentCode: 'HN' } },
      { authorization: `Bearer ${central}`, 'idempotency-key': key },
      { echoes: [key] },
    );
  }

  // 15. Malformed HTTP on a raw socket (what fetch will not send).
  const rawRequest = (label: string, head: string, body: string | Buffer = '', extra: Partial<Probe> = {}) => {
    probes.push({
      category: 'raw-http',
      label,
      target: 'gateway',
      raw: Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]),
      ...extra,
    });
  };
  const path = new URL(base).pathname;
  const host = new URL(base).host;
  const jsonBody = gqlBody(ORG_QUERY);
  rawRequest(
    'NUL in a header value',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Request-Id: a\u0000b\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'control characters in Authorization',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer \u0001\u0002\u007f\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'latin1 bytes in Authorization',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer \u00ff\u00fe\u00c3\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'UTF-8 bytes in Authorization (Bearer ĐĐĐ)',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: ${Buffer.from('Bearer ĐĐĐ').toString('latin1')}\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  {
    const mutation = gqlBody(CONTRACT_OPERATIONS['CreateOrganization']!, {
      input: { code: 'SEC_IK_UTF8', name: 'x', kind: 'DEPARTMENT', parentCode: 'HN' },
    });
    rawRequest(
      'UTF-8 bytes in Idempotency-Key (ĐĐĐĐĐĐĐĐĐ)',
      `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${central}\r\nIdempotency-Key: ${Buffer.from('ĐĐĐĐĐĐĐĐĐ').toString('latin1')}\r\nContent-Length: ${Buffer.byteLength(mutation)}\r\nConnection: close\r\n\r\n`,
      mutation,
    );
    rawRequest(
      'UTF-8 bytes in X-Request-Id',
      `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nX-Request-Id: ${Buffer.from('Đ<script>').toString('latin1')}\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
      jsonBody,
    );
  }
  rawRequest(
    'content-length larger than the body',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\nConnection: close\r\n\r\n`,
    jsonBody,
    { allowNoAnswer: true },
  );
  rawRequest(
    'content-length and chunked together',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
    `${Buffer.byteLength(jsonBody).toString(16)}\r\n${jsonBody}\r\n0\r\n\r\n`,
  );
  rawRequest(
    'invalid chunk size',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
    'zz\r\n{}\r\n0\r\n\r\n',
  );
  rawRequest(
    'negative content-length',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: -1\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'header without colon',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type application/json\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    'bare LF line endings',
    `POST ${path} HTTP/1.1\nHost: ${host}\nContent-Type: application/json\nContent-Length: ${Buffer.byteLength(jsonBody)}\nConnection: close\n\n`,
    jsonBody,
  );
  rawRequest(
    'TRACE',
    `TRACE ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer x\r\nConnection: close\r\n\r\n`,
  );
  rawRequest('HTTP/0.9 request line', `GET ${path}\r\n\r\n`);
  rawRequest(
    'request line with SQL target',
    `GET ${path}?query=${encodeURIComponent("' OR 1=1")}%00 HTTP/1.1\r\nHost: ${host}\r\nApollo-Require-Preflight: 1\r\nConnection: close\r\n\r\n`,
  );
  rawRequest(
    'absolute-form target to another host',
    `POST http://169.254.169.254${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );
  rawRequest(
    '200 headers of 200 bytes',
    `POST ${path} HTTP/1.1\r\nHost: ${host}\r\n${Array.from({ length: 200 }, (_, i) => `X-Pad-${i}: ${'p'.repeat(200)}\r\n`).join('')}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(jsonBody)}\r\nConnection: close\r\n\r\n`,
    jsonBody,
  );

  // 16. Direct calls to every subgraph, bypassing the gateway.
  const rogue = await createInternalSigner((await generateInternalKeyPair()).privateJwk);
  const rogueToken = await rogue.sign({ subject: 'x', role: 'CENTRAL_BOARD', org: null }, 'rogue');
  const realInternal = await stack.internalToken(PUBLIC_CALLER);
  const [ih, ip, is] = realInternal.split('.') as [string, string, string];
  const internalClaims = JSON.parse(Buffer.from(ip, 'base64url').toString());
  const forgedCallers: Record<string, string | undefined> = {
    'no header': undefined,
    'empty header': '',
    garbage: 'not-a-token',
    'alg none': `${b64({ alg: 'none' })}.${b64({ ...internalClaims, role: 'CENTRAL_BOARD' })}.`,
    'signed by a rogue key': rogueToken,
    'caller token passed through': central,
    'gateway token, role escalated': `${ih}.${b64({ ...internalClaims, role: 'CENTRAL_BOARD', sub: 'admin' })}.${is}`,
    'gateway token, expired': `${ih}.${b64({ ...internalClaims, exp: 1 })}.${is}`,
    SQL: "' OR '1'='1",
  };
  const subgraphQueries: Record<string, string> = {
    query: ORG_QUERY,
    _service: '{ _service { sdl } }',
    _entities:
      '{ _entities(representations: [{ __typename: "Organization", code: "HN" }]) { ... on Organization { name } } }',
    mutation: 'mutation { __typename }',
  };
  for (const name of SUBGRAPH_NAMES) {
    for (const [callerLabel, caller] of Object.entries(forgedCallers)) {
      for (const [queryLabel, query] of Object.entries(subgraphQueries)) {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          ...(caller === undefined ? {} : { 'x-tdkt-caller': caller }),
        };
        probes.push({
          category: `subgraph:${name}`,
          label: `${queryLabel}, x-tdkt-caller ${callerLabel}`,
          target: name,
          method: 'POST',
          headers,
          body: gqlBody(query),
          status: (status) => status === 401,
          statusText: '401',
        });
      }
    }
    for (const [label, extra] of Object.entries({
      'GET _service': {
        method: 'GET',
        query: `?query=${encodeURIComponent('{ _service { sdl } }')}`,
        headers: { 'apollo-require-preflight': '1' },
      },
      'invalid JSON': { method: 'POST', body: '{"query":', headers: { 'content-type': 'application/json' } },
      'batch of _entities': {
        method: 'POST',
        body: json([{ query: subgraphQueries['_entities'] }, { query: subgraphQueries['_service'] }]),
        headers: { 'content-type': 'application/json' },
      },
      'huge body': {
        method: 'POST',
        body: gqlBody(ORG_QUERY, { pad: 'x'.repeat(3_000_000) }),
        headers: { 'content-type': 'application/json' },
      },
      'text/plain': {
        method: 'POST',
        body: gqlBody(subgraphQueries['_service']!),
        headers: { 'content-type': 'text/plain' },
      },
      'authorization bearer of a caller': {
        method: 'POST',
        body: gqlBody(subgraphQueries['_service']!),
        headers: { 'content-type': 'application/json', authorization: `Bearer ${central}` },
      },
      'two x-tdkt-caller values': {
        method: 'POST',
        body: gqlBody(subgraphQueries['_service']!),
        headers: { 'content-type': 'application/json', 'x-tdkt-caller': `${rogueToken}, ${rogueToken}` },
      },
    } as Record<string, Partial<Probe>>)) {
      probes.push({
        category: `subgraph:${name}`,
        label,
        target: name,
        status: (status) => status === 401 || status === 413,
        statusText: '401 (or 413)',
        ...extra,
      });
    }
    // Behind the trust boundary: the gateway's own credential with hostile representations.
    for (const [label, representations] of Object.entries({
      'SQL in a key': [
        { __typename: 'Organization', code: "' OR '1'='1" },
        { __typename: 'Organization', id: "'; DROP TABLE organizations; --" },
      ],
      'unknown typename': [{ __typename: 'Nope', id: '1' }],
      'typename missing': [{ code: 'HN' }],
      'NUL in a key': [
        { __typename: 'Organization', code: 'HN\u0000' },
        { __typename: 'Person', id: '\u0000' },
      ],
      'key is an object': [
        { __typename: 'Organization', code: { $ne: null } },
        { __typename: 'EmulationBloc', id: ['x'] },
      ],
      '5 000 representations': Array.from({ length: 5_000 }, (_, i) => ({ __typename: 'Organization', code: `C${i}` })),
    })) {
      const query = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename } }';
      probes.push({
        trusted: true,
        category: `subgraph:${name}`,
        label: `_entities with the gateway's credential: ${label}`,
        target: name,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tdkt-caller': await stack.internalToken(PUBLIC_CALLER) },
        body: gqlBody(query, { r: representations }),
        echoes: ["' OR '1'='1", "'; DROP TABLE organizations; --"],
      });
    }
  }
  return probes;
}

// ---------------------------------------------------------------------------------------------
// Sending and checking
// ---------------------------------------------------------------------------------------------

function urlOf(stack: Stack, probe: Probe): string {
  const base = probe.target === 'gateway' ? stack.gatewayUrl : stack.subgraphs[probe.target].url;
  return `${base}${probe.query ?? ''}`;
}

function sendRaw(stack: Stack, raw: Buffer): Promise<Outcome> {
  const started = Date.now();
  const { hostname, port } = new URL(stack.gatewayUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // Written without a FIN: a half-closed socket makes Node drop the request before answering.
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    const hangUp = setTimeout(() => socket.end(), RAW_HANG_UP_MS);
    socket.setTimeout(PROBE_TIMEOUT_MS, () => {
      socket.destroy();
      reject(new Error('raw request timed out'));
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(hangUp);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const statusMatch = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      const headers: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const index = line.indexOf(':');
        if (index > 0) headers[line.slice(0, index).toLowerCase()] = line.slice(index + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (headers['transfer-encoding'] === 'chunked') {
        let decoded = '';
        let remaining = body;
        for (;;) {
          const lineEnd = remaining.indexOf('\r\n');
          const size = parseInt(remaining.slice(0, lineEnd), 16);
          if (!size) break;
          decoded += remaining.slice(lineEnd + 2, lineEnd + 2 + size);
          remaining = remaining.slice(lineEnd + 2 + size + 2);
        }
        body = decoded;
      }
      // A connection closed with no answer at all counts as "empty 4xx" only if it was refused at
      // the HTTP layer; report it as status 0 so the check can name it.
      resolve({
        status: statusMatch ? Number(statusMatch[1]) : 0,
        contentType: headers['content-type'] ?? '',
        headers,
        text: body,
        ms: Date.now() - started,
      });
    });
  });
}

/** Pooled keep-alive sockets that the server closed under a burst are re-dialled once (counted, reported). */
let resetRetries = 0;

async function send(stack: Stack, probe: Probe): Promise<Outcome> {
  try {
    return await sendOnce(stack, probe);
  } catch (error) {
    // A pooled socket closed under the client (reset, or "other side closed" before any byte of an answer)
    // is a transport artifact, not the server's answer: dial again (at most twice), and report how often.
    const transport = ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'];
    if (!transport.includes(String((error as { cause?: { code?: string } }).cause?.code)) || probe.raw) throw error;
    resetRetries += 1;
    try {
      return await sendOnce(stack, probe);
    } catch (again) {
      if (!transport.includes(String((again as { cause?: { code?: string } }).cause?.code))) throw again;
      resetRetries += 1;
      return sendOnce(stack, probe);
    }
  }
}

async function sendOnce(stack: Stack, probe: Probe): Promise<Outcome> {
  if (probe.raw) return sendRaw(stack, probe.raw);
  const started = Date.now();
  const response = await fetch(urlOf(stack, probe), {
    method: probe.method ?? 'POST',
    headers: probe.headers ?? {},
    body: probe.body,
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });
  const text = await response.text();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    headers,
    text,
    ms: Date.now() - started,
  };
}

function leakPatterns(stack: Stack): [string, RegExp][] {
  const ports = SUBGRAPH_NAMES.map((name) => new URL(stack.subgraphs[name].url).port);
  return [
    [
      'stack trace',
      /(?:\n|\\n)\s+at [\w.<]|\bat (?:async )?[\w.$<>]+ \(|\.(?:js|ts|mjs|cjs):\d+:\d+|"stack(?:trace)?"\s*:/i,
    ],
    [
      'SQL',
      /\bselect |\binsert |\bdelete from\b|\bupdate "?\w+"? set\b|syntax error at|relation "|violates \w+(?: \w+)? constraint|duplicate key value|invalid input syntax|invalid byte sequence|QueryFailedError|SQLSTATE|\bpg_\w+/i,
    ],
    [
      'internal URL',
      new RegExp(
        `localhost|127\\.0\\.0\\.1|\\[::1\\]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|(?::${ports.join('|:')})(?!\\d)`,
      ),
    ],
    [
      'JavaScript internals',
      /Maximum call stack|RangeError|TypeError|ReferenceError|SyntaxError: Unexpected token|Cannot read propert|is not a function|\[object Object\]/,
    ],
    ['file path', /\/work\/|node_modules|\/home\/|\/usr\/|\/tmp\/|file:\/\/|[A-Z]:\\\\/],
  ];
}

function withoutEchoes(text: string, echoes: string[]): string {
  let result = text;
  for (const echo of echoes) {
    if (!echo) continue;
    // As sent, JSON-escaped, normalized, trimmed, upper-cased (codes are normalized before lookup).
    const forms = [echo, echo.normalize('NFC'), echo.trim(), echo.toUpperCase(), echo.trim().toUpperCase()];
    for (const form of new Set([...forms, ...forms.map((f) => JSON.stringify(f).slice(1, -1))])) {
      if (form.length >= 2) result = result.split(form).join('');
    }
  }
  return result;
}

function problemsOf(stack: Stack, probe: Probe, outcome: Outcome): string[] {
  const problems: string[] = [];
  if (outcome.status === 0) {
    if (!probe.allowNoAnswer) problems.push('no HTTP answer (connection closed)');
    return problems;
  }
  if (outcome.status >= 500) problems.push(`HTTP ${outcome.status}`);
  if (probe.status && outcome.status && !probe.status(outcome.status))
    problems.push(`HTTP ${outcome.status}, expected ${probe.statusText}`);
  let body: any;
  if (outcome.text.length === 0) {
    if (!(outcome.status >= 400 && outcome.status < 500) && !(probe.method === 'HEAD' || probe.method === 'OPTIONS'))
      problems.push(`empty body with HTTP ${outcome.status}`);
  } else {
    try {
      body = JSON.parse(outcome.text);
      if (!/json/i.test(outcome.contentType)) problems.push(`JSON body served as "${outcome.contentType}"`);
    } catch {
      problems.push(`body is not JSON (${outcome.contentType}): ${outcome.text.slice(0, 120)}`);
    }
  }
  const scanned = withoutEchoes(`${outcome.text}\n${JSON.stringify(outcome.headers)}`, [
    ...(probe.echoes ?? []),
    ...(probe.headers ? Object.values(probe.headers) : []),
  ]);
  for (const [kind, pattern] of leakPatterns(stack)) {
    const match = pattern.exec(scanned);
    if (match) problems.push(`${kind} leaked: …${scanned.slice(Math.max(0, match.index - 60), match.index + 80)}…`);
  }
  if (body !== undefined) {
    const errors = Array.isArray(body) ? body.flatMap((entry) => entry?.errors ?? []) : body?.errors;
    if (outcome.status >= 400 && (!Array.isArray(errors) || errors.length === 0))
      problems.push(`HTTP ${outcome.status} without errors`);
    for (const error of Array.isArray(errors) && !probe.trusted ? errors : []) {
      const code = error?.extensions?.code;
      if (!ALLOWED_CODES.has(code))
        problems.push(`error code ${String(code)}: ${String(error?.message).slice(0, 120)}`);
    }
  }
  return problems;
}

function requestOf(probe: Probe): string {
  const headers = Object.fromEntries(
    Object.entries(probe.headers ?? {}).map(([key, value]) => [
      key,
      value.length > 60 ? `${value.slice(0, 60)}…(${value.length})` : value,
    ]),
  );
  const body = probe.raw
    ? probe.raw.toString('latin1')
    : probe.body === undefined
      ? ''
      : Buffer.isBuffer(probe.body)
        ? `<${probe.body.length} bytes>`
        : probe.body;
  const shown = body.length > 400 ? `${body.slice(0, 400)}…(${body.length} chars)` : body;
  const query = (probe.query ?? '').slice(0, 300);
  return `${probe.raw ? 'RAW' : (probe.method ?? 'POST')} ${probe.target}${query} ${JSON.stringify(headers)} ${JSON.stringify(shown)}`;
}

async function runAll<T, R>(items: T[], limit: number, worker: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await worker(items[index]!);
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------
// The test
// ---------------------------------------------------------------------------------------------

let stack: Stack;
let schema: GraphQLSchema;
const ids = { personId: '' };

beforeAll(async () => {
  stack = await startStack();
  schema = Supergraph.build(committedSupergraph()).apiSchema().toGraphQLJSSchema();
  ids.personId = await createTestPerson(stack, 'Nguyễn Thị Kiểm Thử', 'BTP');
});
afterAll(() => stack?.stop());

describe('the hostile corpus', () => {
  let results: { probe: Probe; outcome?: Outcome; problems: string[] }[] = [];

  it('answers every hostile request with a masked client error, never a 5xx or a leak', async () => {
    const probes = await buildCorpus(stack, schema, ids);
    expect(probes.length).toBeGreaterThanOrEqual(500);
    const started = Date.now();
    results = await runAll(probes, CONCURRENCY, async (probe) => {
      try {
        const outcome = await send(stack, probe);
        return { probe, outcome, problems: problemsOf(stack, probe, outcome) };
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        return {
          probe,
          problems: [
            `request failed: ${(error as Error).message}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`,
          ],
        };
      }
    });
    const elapsed = Date.now() - started;

    const byCategory = new Map<string, { count: number; failed: number; statuses: Map<number, number> }>();
    for (const { probe, outcome, problems } of results) {
      const family = probe.category.startsWith('subgraph:') ? probe.category : probe.category;
      const entry = byCategory.get(family) ?? { count: 0, failed: 0, statuses: new Map() };
      entry.count += 1;
      if (problems.length) entry.failed += 1;
      const status = outcome?.status ?? -1;
      entry.statuses.set(status, (entry.statuses.get(status) ?? 0) + 1);
      byCategory.set(family, entry);
    }
    const slowest = [...results]
      .filter((r) => r.outcome)
      .sort((a, b) => b.outcome!.ms - a.outcome!.ms)
      .slice(0, 8);
    console.log(
      [
        `hostile corpus: ${probes.length} requests in ${elapsed} ms, ${results.filter((r) => r.problems.length).length} with problems, ${resetRetries} re-sent after a reset keep-alive socket`,
        ...[...byCategory.entries()].map(
          ([category, { count, failed, statuses }]) =>
            `  ${category.padEnd(22)} ${String(count).padStart(5)}  failed ${String(failed).padStart(4)}  HTTP ${[
              ...statuses.entries(),
            ]
              .sort()
              .map(([s, n]) => `${s}×${n}`)
              .join(' ')}`,
        ),
        'slowest:',
        ...slowest.map((r) => `  ${r.outcome!.ms} ms  [${r.probe.category}] ${r.probe.label}`),
      ].join('\n'),
    );

    // TDKT_CORPUS_DUMP=file writes every probe with its answer (one JSON object a line) for review.
    const dump = process.env['TDKT_CORPUS_DUMP'];
    if (dump) {
      writeFileSync(
        dump,
        results
          .map(({ probe, outcome, problems }) =>
            json({
              category: probe.category,
              label: probe.label,
              status: outcome?.status,
              ms: outcome?.ms,
              problems,
              body: outcome?.text.slice(0, 300),
            }),
          )
          .join('\n'),
      );
    }
    const failing = results.filter((result) => result.problems.length);
    if (failing.length)
      console.log(
        `failing requests:\n${failing.map(({ probe, problems }) => `  [${probe.category}] ${probe.label} → ${problems.map((p) => p.slice(0, 100)).join(' + ')}`).join('\n')}`,
      );

    // Group failures by what went wrong, with the exact request of up to three examples each.
    const groups = new Map<string, string[]>();
    for (const { probe, problems } of failing) {
      const key = `[${probe.category}] ${problems.map((problem) => problem.replace(/…[\s\S]*…/, '…').slice(0, 140)).join(' + ')}`;
      const list = groups.get(key) ?? [];
      list.push(
        `${probe.label}\n      ${requestOf(probe)}${problems.some((p) => p.includes('leaked')) ? `\n      ${problems.join('\n      ')}` : ''}`,
      );
      groups.set(key, list);
    }
    const report = [...groups.entries()].map(
      ([key, examples]) => `${key}  (${examples.length}×)\n    e.g. ${examples.slice(0, 3).join('\n    e.g. ')}`,
    );
    expect(report).toEqual([]);
  });

  it('answers a fragment fan-out (each fragment spreads the next twice) in well under a second', async () => {
    // A 1.2 kB document of depth 1 without aliases: valid, and cheap to execute (graphql-js and the
    // query planner deduplicate repeated spreads). But the gateway's depth/alias rule
    // (gateway/src/limits.ts, measure()) walks every path through the fragments, 2^levels visits,
    // on the event loop: 20 levels ≈ 1–2 s, 22 levels ≈ 4–9 s, every further level doubles it (30 levels: tens of minutes), and
    // every other request waits meanwhile.
    const levels = 22;
    let document = '{ organization(code: "HN") { ...F0 } }\n';
    for (let i = 0; i < levels; i += 1) document += `fragment F${i} on Organization { ...F${i + 1} ...F${i + 1} }\n`;
    document += `fragment F${levels} on Organization { code }\n`;
    const started = Date.now();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: gqlBody(document),
    });
    const elapsed = Date.now() - started;
    expect(response.status).toBeLessThan(500);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('still answers the contract operations correctly afterwards, with the reference data intact', async () => {
    const tree = dataOf(await stack.gql(CONTRACT_OPERATIONS['OrganizationTree']!, { code: 'HN' }));
    expect(tree.organization).toMatchObject({ code: 'HN', name: 'Thành phố Hà Nội' });
    const board = dataOf(await stack.gql(CONTRACT_OPERATIONS['BlocBoard']!, { code: 'NOI_CHINH_TW', year: 2024 }));
    expect(board.bloc.code).toBe('NOI_CHINH_TW');
    expect(board.bloc.members).toHaveLength(8);
    expect(board.bloc.members.find((member: { role: string }) => member.role === 'LEAD').organization.code).toBe(
      'TANDTC',
    );
    const search = dataOf(await stack.gql(CONTRACT_OPERATIONS['SearchOrganizations']!, { search: 'ha noi', first: 5 }));
    expect(search.organizations.edges.map((edge: { node: { code: string } }) => edge.node.code)).toContain('HN');
    const catalog = dataOf(await stack.gql(CONTRACT_OPERATIONS['AwardCatalog']!));
    expect(catalog.awardTypes.map((type: { code: string }) => type.code)).toEqual(
      expect.arrayContaining(['LDTT', 'CSTD_TOAN_QUOC', 'ANH_HUNG_LAO_DONG']),
    );
    const ready = await fetch(new URL('/ready', stack.gatewayUrl));
    expect(ready.status).toBe(200);
  });
});
