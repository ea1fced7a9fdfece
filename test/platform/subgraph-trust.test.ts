/**
 * Subgraphs trust only the gateway: every request, `_service` and `_entities` included, needs the
 * gateway's internal caller token. And `_entities` resolves every @key the supergraph declares.
 */
import { createInternalSigner, generateInternalKeyPair, PUBLIC_CALLER } from '@tdkt/identity';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

async function post(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('a subgraph called directly', () => {
  const queries = {
    query: '{ organization(code: "HN") { name } }',
    _service: '{ _service { sdl } }',
    _entities:
      '{ _entities(representations: [{ __typename: "Organization", code: "HN" }]) { ... on Organization { name } } }',
  };

  it.each(Object.entries(queries))('refuses %s without the internal token (401)', async (_name, query) => {
    for (const name of ['organizations', 'campaigns', 'awards'] as const) {
      if (name !== 'organizations' && query !== queries._service) continue;
      const response = await post(stack.subgraphs[name].url, query);
      expect([name, response.status, response.body.errors[0].extensions.code]).toEqual([name, 401, 'UNAUTHENTICATED']);
      expect(response.body.data).toBeUndefined();
    }
  });

  it('refuses a token signed by another key, and a caller token passed through as if internal', async () => {
    const rogue = await createInternalSigner((await generateInternalKeyPair()).privateJwk);
    const forged = await post(
      stack.subgraphs.organizations.url,
      queries.query,
      {},
      { 'x-tdkt-caller': await rogue.sign(PUBLIC_CALLER, 'r1') },
    );
    expect(forged.status).toBe(401);
    const callerToken = await stack.token('CENTRAL_BOARD');
    const passedThrough = await post(
      stack.subgraphs.organizations.url,
      queries.query,
      {},
      { 'x-tdkt-caller': callerToken, authorization: `Bearer ${callerToken}` },
    );
    expect(passedThrough.status).toBe(401);
  });

  it('answers the gateway’s own credential', async () => {
    const response = await post(
      stack.subgraphs.organizations.url,
      queries.query,
      {},
      { 'x-tdkt-caller': await stack.internalToken(PUBLIC_CALLER) },
    );
    expect(response.body).toEqual({ data: { organization: { name: 'Thành phố Hà Nội' } } });
  });
});

describe('_entities for each @key', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    __typename ... on Organization { id code name } ... on EmulationBloc { id code name } ... on Person { id fullName } } }`;

  async function entities(representations: Record<string, unknown>[]) {
    const response = await post(
      stack.subgraphs.organizations.url,
      ENTITIES,
      { r: representations },
      { 'x-tdkt-caller': await stack.internalToken(PUBLIC_CALLER) },
    );
    expect(response.body.errors).toBeUndefined();
    return response.body.data._entities;
  }

  it('resolves Organization by code and by id, and null for unknown keys', async () => {
    const [byCode] = await entities([{ __typename: 'Organization', code: 'BTP' }]);
    expect(byCode).toMatchObject({ __typename: 'Organization', code: 'BTP', name: 'Bộ Tư pháp' });
    const resolved = await entities([
      { __typename: 'Organization', id: byCode.id },
      { __typename: 'Organization', id: '00000000-0000-4000-8000-000000000000' },
      { __typename: 'Organization', code: 'NOPE' },
      { __typename: 'Organization', id: 'not-a-uuid' },
    ]);
    expect(resolved).toEqual([byCode, null, null, null]);
  });

  it('resolves EmulationBloc by code and by id', async () => {
    const [byCode] = await entities([{ __typename: 'EmulationBloc', code: 'NOI_CHINH_TW' }]);
    expect(byCode.code).toBe('NOI_CHINH_TW');
    expect(await entities([{ __typename: 'EmulationBloc', id: byCode.id }])).toEqual([byCode]);
  });

  it('resolves Person by id', async () => {
    const token = await stack.token('CENTRAL_BOARD');
    const created = await stack.gql(
      `mutation { createPerson(input: { fullName: "Đỗ Minh Tuấn", gender: MALE, organizationCode: "BTP" }) { id } }`,
      {},
      { token },
    );
    const id = created.body.data.createPerson.id;
    expect(await entities([{ __typename: 'Person', id }])).toEqual([
      { __typename: 'Person', id, fullName: 'Đỗ Minh Tuấn' },
    ]);
  });

  it('resolves a batch of 50 references in one statement per type', async () => {
    const codes = ['BTP', 'BCA', 'BQP', 'HN', 'HCM', 'DN', 'HP', 'CT', 'HUE', 'TANDTC'];
    const representations = Array.from({ length: 50 }, (_, index) => ({
      __typename: 'Organization',
      code: codes[index % codes.length],
    }));
    const before = stack.subgraphs.organizations.database.sql.total;
    const resolved = await entities(representations);
    expect(resolved.map((entity: { code: string }) => entity.code)).toEqual(
      representations.map((representation) => representation.code),
    );
    expect(stack.subgraphs.organizations.database.sql.total - before).toBe(1);
  });
});
