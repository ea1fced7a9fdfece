/**
 * One subgraph down costs only its own fields: every root field and every field one subgraph adds to
 * another's entity is nullable, so the rest of the answer survives, and each missing field comes with
 * an error carrying its path (the client's path, not the gateway's `_entities`) and SERVICE_UNAVAILABLE.
 */
import { contractOperation } from '../support/operations';
import { dataOf, startStack, type GraphQLResponse, type Stack } from '../support/stack';

let stack: Stack;
let board: string;
beforeAll(async () => {
  stack = await startStack();
  board = await stack.token('CENTRAL_BOARD');
});
afterAll(() => stack?.stop());

const MIXED = `query Mixed {
  organization(code: "BTP") { code name grants(year: 2024) { year } }
  bloc(code: "NOI_CHINH_TW") { code members(year: 2024) { role organization { code name grants { year } } } }
  awardStatistics(filter: { organizationCode: "BTP" }) { total }
  awardTypes { code }
}`;

const pathsOf = (response: GraphQLResponse) => (response.body.errors ?? []).map((error) => error.path);

describe('with the awards subgraph down', () => {
  beforeAll(() => stack.stopSubgraph('awards'));
  afterAll(() => stack.restartSubgraph('awards'));

  it('keeps the organizations data and nulls only the awards fields', async () => {
    const response = await stack.gql(MIXED, {}, { token: board });
    const data = response.body.data!;
    expect(data).not.toBeNull();
    expect(data.organization).toEqual({ code: 'BTP', name: 'Bộ Tư pháp', grants: null });
    expect(data.bloc.code).toBe('NOI_CHINH_TW');
    expect(data.bloc.members).toHaveLength(8);
    for (const member of data.bloc.members) {
      expect(member.organization.name).toEqual(expect.any(String));
      expect(member.organization.grants).toBeNull();
    }
    expect(data.awardStatistics).toBeNull();
    expect(data.awardTypes).toBeNull();
  });

  it('says which fields are missing: one SERVICE_UNAVAILABLE error per field, at the client path', async () => {
    const response = await stack.gql(MIXED, {}, { token: board });
    const errors = response.body.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'awards' });
      expect(error.message).toMatch(/tạm thời không phản hồi/);
    }
    const paths = pathsOf(response);
    expect(paths).toEqual(
      expect.arrayContaining([
        ['awardStatistics'],
        ['awardTypes'],
        ['organization', 'grants'],
        ...Array.from({ length: 8 }, (_, index) => ['bloc', 'members', index, 'organization', 'grants']),
      ]),
    );
    expect(paths).toHaveLength(11);
    expect(JSON.stringify(response.body)).not.toMatch(/_entities|127\.0\.0\.1|ECONNREFUSED/);
  });
});

it('points a refused mutation at its field', async () => {
  await stack.stopSubgraph('awards');
  try {
    const response = await stack.gql(
      contractOperation('SubmitNomination'),
      { id: '00000000-0000-4000-8000-000000000001' },
      { token: board },
    );
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: ['submitNomination'],
        extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'awards' }),
      }),
    ]);
  } finally {
    await stack.restartSubgraph('awards');
  }
});

describe('with the organizations subgraph down', () => {
  beforeAll(() => stack.stopSubgraph('organizations'));
  afterAll(() => stack.restartSubgraph('organizations'));

  it('still answers the award catalogue, and nulls the organization list at its path', async () => {
    const response = await stack.gql(`{ organizations(first: 1) { totalCount } awardTypes { code } }`);
    expect(response.body.data!.organizations).toBeNull();
    expect(response.body.data!.awardTypes.map((type: { code: string }) => type.code)).toContain('LDTT');
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        path: ['organizations'],
        extensions: expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', serviceName: 'organizations' }),
      }),
    ]);
  });
});

it('is whole again once the subgraphs are back', async () => {
  const data = dataOf(await stack.gql(MIXED, {}, { token: board }));
  expect(data.awardTypes.length).toBeGreaterThan(10);
  expect(data.organization.grants).toEqual(expect.any(Array));
});
