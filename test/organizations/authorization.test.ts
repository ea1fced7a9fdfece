/**
 * Scope rules found in review: officers compose blocs only from units of the organizer's subtree,
 * never redefine their own organization, and concurrent re-parenting cannot create a cycle.
 */
import { seedOrganizations } from '@tdkt/organizations';
import { contractOperation } from '../support/operations';
import { startInProcess, type InProcessStack } from '../support/in-process';
import { dataOf, errorCodes } from '../support/stack';

let stack: InProcessStack;
let board: string;
beforeAll(async () => {
  stack = await startInProcess();
  board = await stack.token('CENTRAL_BOARD');
  for (const [code, parentCode] of [
    ['SO_X', 'DN'],
    ['SO_Y', 'DN'],
    ['PHONG_Z', 'SO_X'],
  ]) {
    dataOf(
      await stack.gql(
        contractOperation('CreateOrganization'),
        { input: { code, name: `Đơn vị ${code}`, kind: 'DEPARTMENT', parentCode } },
        { token: board },
      ),
    );
  }
});
afterAll(() => stack?.stop());

const UPDATE = `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { code name parent { code } } }`;

it('refuses an officer who puts a unit outside the organizer’s subtree into its bloc', async () => {
  const officer = await stack.token('ORG_OFFICER', 'DN');
  dataOf(
    await stack.gql(
      contractOperation('CreateBloc'),
      { input: { code: 'KHOI_DN_TEST', name: 'Khối thử', kind: 'BLOC', organizerCode: 'DN' } },
      { token: officer },
    ),
  );
  const outside = await stack.gql(
    contractOperation('SetBlocMembership'),
    {
      input: {
        blocCode: 'KHOI_DN_TEST',
        year: 2026,
        members: [
          { organizationCode: 'DN', role: 'LEAD' },
          { organizationCode: 'BCA', role: 'MEMBER' },
        ],
      },
    },
    { token: officer },
  );
  expect(errorCodes(outside)).toEqual(['FORBIDDEN']);
  expect(outside.body.errors![0]!.extensions!['field']).toBe('input.members[1].organizationCode');
  const inside = await stack.gql(
    contractOperation('SetBlocMembership'),
    {
      input: {
        blocCode: 'KHOI_DN_TEST',
        year: 2026,
        members: [
          { organizationCode: 'SO_X', role: 'LEAD' },
          { organizationCode: 'SO_Y', role: 'MEMBER' },
        ],
      },
    },
    { token: officer },
  );
  expect(dataOf(inside).setBlocMembership).toHaveLength(2);
});

it('lets only the Central Board change the central blocs', async () => {
  const bnv = await stack.token('ORG_OFFICER', 'BNV');
  const attempt = await stack.gql(
    contractOperation('SetBlocMembership'),
    { input: { blocCode: 'NOI_CHINH_TW', year: 2024, members: [{ organizationCode: 'BNV', role: 'LEAD' }] } },
    { token: bnv },
  );
  expect(errorCodes(attempt)).toEqual(['FORBIDDEN']);
});

it('refuses an officer who edits its own organization, and allows it below', async () => {
  const officer = await stack.token('ORG_OFFICER', 'DN');
  expect(errorCodes(await stack.gql(UPDATE, { input: { code: 'DN', name: 'Tên khác' } }, { token: officer }))).toEqual([
    'FORBIDDEN',
  ]);
  expect(
    dataOf(await stack.gql(UPDATE, { input: { code: 'SO_X', name: 'Sở X mới' } }, { token: officer }))
      .updateOrganization.name,
  ).toBe('Sở X mới');
  const dissolve = await stack.gql(
    `mutation { recordLineageEvent(input: { kind: DISSOLVE, effectiveDate: "2026-01-01", legalBasis: "Thử", predecessorCodes: ["DN"], successorCodes: [] }) { kind } }`,
    {},
    { token: officer },
  );
  expect(errorCodes(dissolve)).toEqual(['FORBIDDEN']);
});

it('never lets two concurrent moves make a cycle', async () => {
  const results = await Promise.all([
    stack.gql(UPDATE, { input: { code: 'SO_X', parentCode: 'SO_Y' } }, { token: board }),
    stack.gql(UPDATE, { input: { code: 'SO_Y', parentCode: 'PHONG_Z' } }, { token: board }),
  ]);
  expect(results.filter((response) => !response.body.errors)).toHaveLength(1);
  const tree = dataOf(
    await stack.gql(
      `{ a: organization(code: "SO_Y") { ancestors { code } } b: organization(code: "PHONG_Z") { ancestors { code } } }`,
    ),
  );
  expect(tree.a.ancestors.map((unit: { code: string }) => unit.code)).not.toContain('SO_Y');
  expect(tree.b.ancestors.map((unit: { code: string }) => unit.code)).not.toContain('PHONG_Z');
});

it('finds ids in any letter case, and refuses a forged cursor as bad input', async () => {
  const id = dataOf(await stack.gql(`{ organization(code: "BTP") { id } }`)).organization.id as string;
  expect(
    dataOf(await stack.gql(`query($id: ID!) { organization(id: $id) { code } }`, { id: id.toUpperCase() }))
      .organization,
  ).toEqual({ code: 'BTP' });
  const forged = Buffer.from(JSON.stringify(['x', 'not-a-uuid'])).toString('base64url');
  const response = await stack.gql(
    `query($a: String) { persons(after: $a) { totalCount } }`,
    { a: forged },
    { token: board },
  );
  expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
});

it('does not re-seed a reference bloc-year that an officer emptied', async () => {
  dataOf(
    await stack.gql(
      contractOperation('SetBlocMembership'),
      { input: { blocCode: 'CUM_TP_TRUC_THUOC_TW', year: 2017, members: [] } },
      { token: board },
    ),
  );
  await seedOrganizations(stack.subgraphs.organizations.database.dataSource, { demo: false });
  expect(
    dataOf(await stack.gql(`{ bloc(code: "CUM_TP_TRUC_THUOC_TW") { members(year: 2017) { role } } }`)).bloc.members,
  ).toEqual([]);
});

it('refuses an operation nested deeper than the limit, and one with too many aliases', async () => {
  const nested = (levels: number): string =>
    levels === 0 ? 'code' : `${levels % 2 ? 'children' : 'parent'} { ${nested(levels - 1)} }`;
  const deep = `{ organization(code: "CP") { ${nested(14)} } }`;
  expect(dataOf(await stack.gql(`{ organization(code: "CP") { ${nested(8)} } }`)).organization).toBeTruthy();
  expect(errorCodes(await stack.gql(deep))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  const aliases = `{ ${Array.from({ length: 40 }, (_, index) => `a${index}: organization(code: "HN") { code }`).join(' ')} }`;
  expect(errorCodes(await stack.gql(aliases))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
});
