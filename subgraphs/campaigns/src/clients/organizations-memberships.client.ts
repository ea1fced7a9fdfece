/** The blocs a unit belongs to in a year, asked of the organizations subgraph on behalf of the caller. */
import type { OrganizationsCaller } from './organizations-names.client.js';

export async function fetchBlocIdsOf(caller: OrganizationsCaller, code: string, year: number): Promise<string[]> {
  const data = await caller.organizationsClient.query<{
    organization: { blocMemberships: { bloc: { id: string } | null }[] } | null;
  }>(
    `query($code: String!, $year: Int!) { organization(code: $code) { blocMemberships(year: $year) { bloc { id } } } }`,
    { code, year },
    caller.internalToken,
  );
  return (data.organization?.blocMemberships ?? []).flatMap((entry) => (entry.bloc ? [entry.bloc.id] : []));
}
