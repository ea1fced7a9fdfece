/**
 * The order of refusals on writes. A caller without a token hears UNAUTHENTICATED from every mutation
 * before anything about the data is looked up (the contract: no token, public reads only), and a
 * signed-in officer of an unrelated organization hears FORBIDDEN before "not found", a wrong state or
 * a membership question: a refusal must not tell someone who may not act what the data holds.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isCompositeType,
  type GraphQLInputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let schema: GraphQLSchema;

beforeAll(async () => {
  stack = await startInProcess();
  schema = buildClientSchema(dataOf<IntrospectionQuery>(await stack.gql(getIntrospectionQuery())));
});
afterAll(() => stack?.stop());

const DUMMY_ID = '0b6c1a2e-4f1d-4c59-9a57-3f8e1d2c4b7a';

/** A value of `type` that passes GraphQL's own validation: required fields only, one item per list. */
function dummy(type: GraphQLInputType, field: string): unknown {
  if (isNonNullType(type)) return dummy(type.ofType, field);
  if (isListType(type)) return [dummy(type.ofType, field)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((inner) => isNonNullType(inner.type))
        .map((inner) => [inner.name, dummy(inner.type, inner.name)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return DUMMY_ID;
      case 'Int':
        return /year/i.test(field) ? 2025 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'LocalDate':
        return '2025-01-15';
      case 'DateTimeISO':
        return '2025-01-15T00:00:00.000Z';
      case 'JSON':
        return {};
      default:
        return 'BTP';
    }
  }
  throw new Error(`No dummy value for ${String(type)}`);
}

/** Every Mutation root field of the composed supergraph, as an operation with its dummy variables. */
function everyMutation(): { name: string; query: string; variables: Record<string, unknown> }[] {
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  return fields.map((field) => {
    const args = field.args.filter((arg) => isNonNullType(arg.type));
    const declarations = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const call = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    return {
      name: field.name,
      query: `mutation ${declarations ? `(${declarations})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`,
      variables: Object.fromEntries(args.map((arg) => [arg.name, dummy(arg.type, arg.name)])),
    };
  });
}

it('answers UNAUTHENTICATED from every mutation of the supergraph to a caller without a token', async () => {
  const mutations = everyMutation();
  // The supergraph has dozens of mutations over three subgraphs; a broken introspection is not a pass.
  expect(mutations.length).toBeGreaterThan(30);
  const answers: Record<string, { codes: string[]; message: string | undefined }> = {};
  for (const { name, query, variables } of mutations) {
    const response = await stack.gql(query, variables);
    answers[name] = { codes: errorCodes(response), message: response.body.errors?.[0]?.message };
  }
  const wrong = Object.entries(answers).filter(([, answer]) => answer.codes.join() !== 'UNAUTHENTICATED');
  expect(wrong).toEqual([]);
  for (const answer of Object.values(answers)) expect(answer.message).toBe('Cần đăng nhập để thực hiện thao tác này.');
});

describe('a refusal names organizations by name, never by their code', () => {
  it('tells an officer of Bộ Y tế that it acts for its own units only, naming both units', async () => {
    const response = await stack.gql(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { fullName: 'Nguyễn Văn A', gender: 'MALE', organizationCode: 'BTP' } },
      { token: await stack.token('ORG_OFFICER', 'BYT') },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.errors![0]!.message).toBe(
      'Cán bộ của Bộ Y tế chỉ được thêm cá nhân cho đơn vị mình và các đơn vị trực thuộc, không cho Bộ Tư pháp.',
    );
  });

  it('names the unit in the refusals of the campaigns and awards subgraphs too (the kit directory)', async () => {
    const response = await stack.gql(
      `mutation($input: CreateMovementInput!) { createMovement(input: $input) { id } }`,
      {
        input: {
          code: 'BTP_THU_NGHIEM',
          title: 'Phong trào thử',
          organizationCode: 'BTP',
          launchLevel: 'MINISTRY_OR_PROVINCE',
          method: 'THEMATIC',
          scope: 'MINISTRY_OR_PROVINCE',
          startDate: '2026-01-01',
        },
      },
      { token: await stack.token('ORG_OFFICER', 'BYT') },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.errors![0]!.message).toMatch(/^Cán bộ của Bộ Y tế chỉ được .* không cho Bộ Tư pháp\.$/);
  });

  it('does not repeat the code of an organization claim that matches no unit', async () => {
    const response = await stack.gql(
      `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
      { input: { fullName: 'Nguyễn Văn A', gender: 'MALE', organizationCode: 'BTP' } },
      { token: await stack.token('ORG_OFFICER', 'KHONG_CO') },
    );
    expect(errorCodes(response)).toEqual(['FORBIDDEN']);
    expect(response.body.errors![0]!.message).not.toContain('KHONG_CO');
  });
});
