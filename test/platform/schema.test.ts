/**
 * schema/ is generated and committed: it must be exactly what the code produces, and the client
 * contract's operations that the built subgraphs serve must validate against the supergraph.
 */
import { buildASTSchema, parse, validate } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { committedSupergraph, composeSchemas, schemaDrift } from '@tdkt/scripts';
import { CONTRACT_OPERATIONS } from '../support/operations';

describe('schema/', () => {
  it('matches what `npm run schema` produces from the code (run it and commit on failure)', async () => {
    expect(await schemaDrift()).toEqual([]);
  });

  it('composes the three subgraphs', async () => {
    const { supergraphSdl } = await composeSchemas();
    for (const name of ['ORGANIZATIONS', 'CAMPAIGNS', 'AWARDS'])
      expect(supergraphSdl).toContain(`${name} @join__graph`);
  });
});

describe('the client contract', () => {
  const apiSchema = Supergraph.build(committedSupergraph()).apiSchema().toGraphQLJSSchema();

  it.each(Object.keys(CONTRACT_OPERATIONS))('%s validates against the supergraph', (name) => {
    expect(validate(apiSchema, parse(CONTRACT_OPERATIONS[name]!)).map((error) => error.message)).toEqual([]);
  });

  it("validates BlocBoard's organizations part", () => {
    const organizationsPart = `query BlocBoard($code: String!, $year: Int!) {
      bloc(code: $code) { id code name kind organizer { code name } members(year: $year) { role organization { id code name } } } }`;
    expect(validate(apiSchema, parse(organizationsPart))).toEqual([]);
  });

  it('has every contract enum value the organizations subgraph owns', () => {
    const schema = buildASTSchema(parse(committedSupergraph()), { assumeValidSDL: true });
    const values = (name: string) =>
      (schema.getType(name) as any).getValues().map((value: { name: string }) => value.name);
    expect(values('OrganizationKind')).toEqual(
      expect.arrayContaining([
        'MINISTRY',
        'MINISTERIAL_AGENCY',
        'GOVERNMENT_AGENCY',
        'COURT',
        'PROCURACY',
        'STATE_AUDIT',
        'PARTY_OR_MASS_ORGANIZATION',
        'PROVINCE',
        'CENTRAL_CITY',
        'COMMUNE',
        'WARD',
        'SPECIAL_ZONE',
        'DEPARTMENT',
        'PUBLIC_SERVICE_UNIT',
        'ENTERPRISE',
        'OTHER',
      ]),
    );
    expect(values('BlocMemberRole')).toEqual(['LEAD', 'DEPUTY', 'MEMBER']);
    expect(values('BlocKind')).toEqual(['BLOC', 'CLUSTER']);
    expect(values('Gender')).toEqual(['MALE', 'FEMALE']);
    expect(values('AnnualRatingValue')).toEqual(['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED']);
  });
});
