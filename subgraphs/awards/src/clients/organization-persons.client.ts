/** What awards asks the organizations subgraph about a unit's persons (the grant import matches names among them). */
import type { DirectoryOrganization, SubgraphClient } from '@tdkt/subgraph-kit';

export interface UnitPerson {
  id: string;
  fullName: string;
}

const PAGE = 100;

/** The persons whose unit is exactly `unit` (not its sub-units), page by page on behalf of the caller. */
export async function personsOfUnit(
  client: SubgraphClient,
  internalToken: string,
  unit: Pick<DirectoryOrganization, 'code'>,
): Promise<UnitPerson[]> {
  type Page = {
    persons: {
      edges: { node: { id: string; fullName: string; organization: { code: string } | null } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } | null;
  };
  const persons: UnitPerson[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Page = await client.query<Page>(
      `query($code: String!, $after: String) {
         persons(filter: { organizationCode: $code }, first: ${PAGE}, after: $after) {
           edges { node { id fullName organization { code } } } pageInfo { hasNextPage endCursor } } }`,
      { code: unit.code, after },
      internalToken,
    );
    for (const edge of data.persons?.edges ?? [])
      if (edge.node.organization?.code === unit.code) persons.push({ id: edge.node.id, fullName: edge.node.fullName });
    if (!data.persons?.pageInfo.hasNextPage) return persons;
    after = data.persons.pageInfo.endCursor;
  }
}
