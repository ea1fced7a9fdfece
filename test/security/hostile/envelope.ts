/** The HTTP envelope: invalid JSON, content types, methods and GET mutations, batching, huge and compressed bodies. */
import { gzipSync } from 'node:zlib';
import { ORG_QUERY, gqlBody, type Corpus, json } from './probes';

/** Invalid JSON, content types, HTTP methods, batches and huge bodies. */
export async function addEnvelopeProbes(corpus: Corpus): Promise<void> {
  const { central, post, gql, probes } = corpus;
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
}
