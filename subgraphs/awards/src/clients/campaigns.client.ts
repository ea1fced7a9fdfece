/** What awards asks the campaigns subgraph, on behalf of the caller. */
import type { SubgraphClient } from '@tdkt/subgraph-kit';

/** The leading unit a bloc acclaimed for a year (Luật TĐKT 2022, Art 25(2): Cờ thi đua của Chính phủ), or null. */
export async function blocLeadingUnitId(
  campaigns: SubgraphClient,
  token: string,
  blocId: string,
  year: number,
): Promise<string | null> {
  const result = await campaigns.query<{
    _entities: ({ pledge: { leadingUnit: { id: string } | null } | null } | null)[];
  }>(
    `query($r: [_Any!]!, $y: Int!) { _entities(representations: $r) { ... on EmulationBloc { pledge(year: $y) { leadingUnit { id } } } } }`,
    { r: [{ __typename: 'EmulationBloc', id: blocId }], y: year },
    token,
    // A pledge still in DRAFT is withheld from callers outside the bloc; a draft has no leading unit.
    { allowWithheld: true },
  );
  return result._entities[0]?.pledge?.leadingUnit?.id ?? null;
}
