/** Direct calls to every subgraph, bypassing the gateway: only the gateway's internal token opens them. */
import { PUBLIC_CALLER, createInternalSigner, generateInternalKeyPair } from '@tdkt/identity';
import { SUBGRAPH_NAMES } from '../../support/stack';
import { b64 } from './credentials';
import { ORG_QUERY, json, gqlBody, type Corpus, type Probe } from './probes';

/** Calls to each subgraph without, or with forged, internal tokens. */
export async function addSubgraphProbes(corpus: Corpus): Promise<void> {
  const { stack, central, probes } = corpus;
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
}
