/** Documents shaped to exhaust the server: deep nesting, alias floods, huge lists and token floods. */
import { randomUUID } from 'node:crypto';
import { CONTRACT_OPERATIONS } from '../../support/operations';
import { nest, gqlBody, type Corpus } from './probes';

/** Deep nesting, alias floods, huge lists in variables and token floods. */
export async function addDocumentShapeProbes(corpus: Corpus): Promise<void> {
  const { central, post, gql } = corpus;
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
}
