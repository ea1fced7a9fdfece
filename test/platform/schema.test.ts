/**
 * schema/ is generated and committed: it must be exactly what the code produces, and the client
 * contract's operations that the built subgraphs serve must validate against the supergraph.
 */
import { buildASTSchema, parse, validate, visit } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { committedSupergraph, composeSchemas, schemaDrift } from '@tdkt/scripts';
import { CONTRACT_OPERATIONS } from '../support/operations';

/** Contract operations served so far; the rest arrive with the campaigns and awards issues. */
const SERVED = [
  'OrganizationTree', 'SearchOrganizations', 'CreateOrganization', 'CreateBloc', 'SetBlocMembership', 'CreatePerson', 'RecordAnnualRating',
  'CreatePledge', 'OpenPledge', 'SignPledge', 'ReportPledgeProgress', 'SubmitScorecard', 'ClosePledge',
];

/** Contract operations whose `grants` parts come with the awards subgraph: the rest must validate now. */
const SERVED_WITHOUT_GRANTS = ['BlocBoard', 'OrganizationProfile'];

describe('schema/', () => {
  it('matches what `npm run schema` produces from the code (run it and commit on failure)', async () => {
    expect(await schemaDrift()).toEqual([]);
  });

  it('composes the three subgraphs', async () => {
    const { supergraphSdl } = await composeSchemas();
    for (const name of ['ORGANIZATIONS', 'CAMPAIGNS', 'AWARDS']) expect(supergraphSdl).toContain(`${name} @join__graph`);
  });
});

describe('the client contract', () => {
  const apiSchema = Supergraph.build(committedSupergraph()).apiSchema().toGraphQLJSSchema();

  it.each(SERVED)('%s validates against the supergraph', (name) => {
    expect(validate(apiSchema, parse(CONTRACT_OPERATIONS[name]!)).map((error) => error.message)).toEqual([]);
  });

  it.each(SERVED_WITHOUT_GRANTS)('%s validates without its grants', (name) => {
    const withoutGrants = visit(parse(CONTRACT_OPERATIONS[name]!), { Field: (node) => (node.name.value === 'grants' ? null : undefined) });
    expect(validate(apiSchema, withoutGrants).map((error) => error.message)).toEqual([]);
  });

  it("validates BlocBoard's organizations part", () => {
    const organizationsPart = `query BlocBoard($code: String!, $year: Int!) {
      bloc(code: $code) { id code name kind organizer { code name } members(year: $year) { role organization { id code name } } } }`;
    expect(validate(apiSchema, parse(organizationsPart))).toEqual([]);
  });

  it('has every contract enum value the organizations subgraph owns', () => {
    const schema = buildASTSchema(parse(committedSupergraph()), { assumeValidSDL: true });
    const values = (name: string) => (schema.getType(name) as any).getValues().map((value: { name: string }) => value.name);
    expect(values('OrganizationKind')).toEqual(
      expect.arrayContaining(['MINISTRY', 'MINISTERIAL_AGENCY', 'GOVERNMENT_AGENCY', 'COURT', 'PROCURACY', 'STATE_AUDIT', 'PARTY_OR_MASS_ORGANIZATION', 'PROVINCE', 'CENTRAL_CITY', 'COMMUNE', 'WARD', 'SPECIAL_ZONE', 'DEPARTMENT', 'PUBLIC_SERVICE_UNIT', 'ENTERPRISE', 'OTHER']),
    );
    expect(values('BlocMemberRole')).toEqual(['LEAD', 'DEPUTY', 'MEMBER']);
    expect(values('BlocKind')).toEqual(['BLOC', 'CLUSTER']);
    expect(values('Gender')).toEqual(['MALE', 'FEMALE']);
    expect(values('AnnualRatingValue')).toEqual(['EXCELLENT', 'GOOD', 'COMPLETED', 'NOT_COMPLETED']);
  });
});
