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

it('answers FORBIDDEN from every mutation to a VIEWER (a read-only role), before looking anything up', async () => {
  const viewer = await stack.token('VIEWER', 'BTP');
  const wrong: [string, string[]][] = [];
  for (const { name, query, variables } of everyMutation()) {
    const codes = errorCodes(await stack.gql(query, variables, { token: viewer }));
    if (codes.join() !== 'FORBIDDEN') wrong.push([name, codes]);
  }
  expect(wrong).toEqual([]);
});

describe('an officer of an unrelated organization hears FORBIDDEN before anything about the data', () => {
  // Bộ Y tế (BYT) is neither above nor in Bộ Tư pháp (BTP), the unit everything below belongs to.
  let outsider: string;
  let btpOfficer: string;
  let personId: string;
  let nominationId: string;

  beforeAll(async () => {
    outsider = await stack.token('ORG_OFFICER', 'BYT');
    btpOfficer = await stack.token('ORG_OFFICER', 'BTP');
    personId = dataOf(
      await stack.gql(
        `mutation($input: CreatePersonInput!) { createPerson(input: $input) { id } }`,
        { input: { fullName: 'Lê Văn Thứ Tự', gender: 'MALE', birthYear: 1985, organizationCode: 'BTP' } },
        { token: btpOfficer },
      ),
    ).createPerson.id;
    nominationId = dataOf(
      await stack.gql(
        `mutation($input: CreateNominationInput!) { createNomination(input: $input) { id } }`,
        { input: { awardTypeCode: 'LDTT', personId, year: 2025, basis: 'MERIT', proposedByCode: 'BTP' } },
        { token: btpOfficer },
      ),
    ).createNomination.id;
  });

  // Each call is wrong in a second way (a state, a missing author, a bad date, a member list) that the
  // unit's own officer would hear about; the outsider must hear only that it may not act.
  const cases: [string, string, () => Record<string, unknown>][] = [
    [
      'recordAnnualRating of a BTP person, for a year not yet rateable',
      `mutation($input: RecordAnnualRatingInput!) { recordAnnualRating(input: $input) { year } }`,
      () => ({ input: { personId, year: 2100, rating: 'GOOD' } }),
    ],
    [
      'createOrganization under BTP, with a code already taken',
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      () => ({ input: { code: 'BTP', name: 'Trùng mã', kind: 'DEPARTMENT', parentCode: 'BTP' } }),
    ],
    [
      'updateOrganization of BTP with a stale version',
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`,
      () => ({ input: { code: 'BTP', name: 'Bộ Tư pháp', expectedVersion: 999 } }),
    ],
    [
      'setBlocMembership of the central bloc, with an unknown member',
      `mutation($input: SetBlocMembershipInput!) { setBlocMembership(input: $input) { role } }`,
      () => ({
        input: { blocCode: 'NOI_CHINH_TW', year: 2026, members: [{ organizationCode: 'KHONG_CO', role: 'LEAD' }] },
      }),
    ],
    [
      'recordInitiative recognized by BTP, with an author who does not exist',
      `mutation($input: RecordInitiativeInput!) { recordInitiative(input: $input) { id } }`,
      () => ({
        input: {
          personIds: [personId, '0b6c1a2e-4f1d-4c59-9a57-3f8e1d2c4b7a'],
          title: 'Sáng kiến thử',
          scope: 'BASE',
          recognizedOn: '2025-01-15',
          recognizedByCode: 'BTP',
        },
      }),
    ],
    [
      'recordExemplar of a BTP person, with a grant that is not theirs',
      `mutation($input: RecordExemplarInput!) { recordExemplar(input: $input) { id } }`,
      () => ({
        input: {
          personId,
          field: 'Tư pháp',
          story: 'Thành tích tiêu biểu.',
          recognizedByKind: 'CONFERENCE',
          recognizedByCode: 'BTP',
          periodFrom: 2020,
          periodTo: 2024,
          grantIds: ['0b6c1a2e-4f1d-4c59-9a57-3f8e1d2c4b7a'],
        },
      }),
    ],
    [
      'createNomination proposed by BTP, for a subject given twice',
      `mutation($input: CreateNominationInput!) { createNomination(input: $input) { id } }`,
      () => ({
        input: {
          awardTypeCode: 'LDTT',
          personId,
          organizationCode: 'BTP',
          year: 2025,
          basis: 'MERIT',
          proposedByCode: 'BTP',
        },
      }),
    ],
    [
      'withdrawNomination of a BTP dossier',
      `mutation($id: ID!) { withdrawNomination(id: $id) { id } }`,
      () => ({ id: nominationId }),
    ],
    [
      'recordCouncilVote on a BTP dossier still in DRAFT, dated in the future',
      `mutation($input: RecordCouncilVoteInput!) { recordCouncilVote(input: $input) { passed } }`,
      () => ({ input: { nominationId, votedOn: '2100-01-01', membersTotal: 5, yes: 5, no: 0, abstain: 0 } }),
    ],
  ];

  it.each(cases)('%s', async (_, query, variables) => {
    const response = await stack.gql(query, variables(), { token: outsider });
    expect({ codes: errorCodes(response), message: response.body.errors?.[0]?.message }).toEqual({
      codes: ['FORBIDDEN'],
      message: expect.stringMatching(/^(Cán bộ của Bộ Y tế chỉ được|Chỉ |Tài khoản)/),
    });
  });
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

  it('names the unit in a stale-version conflict', async () => {
    const response = await stack.gql(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }`,
      { input: { code: 'BTP', name: 'Bộ Tư pháp', expectedVersion: 999 } },
      { token: await stack.token('CENTRAL_BOARD') },
    );
    expect(errorCodes(response)).toEqual(['CONFLICT']);
    expect(response.body.errors![0]!.message).toMatch(/^Bộ Tư pháp vừa được người khác sửa/);
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
