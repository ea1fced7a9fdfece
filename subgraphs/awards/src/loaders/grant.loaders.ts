/**
 * The ledger per request: a grant by id (the `_entities` entry point of Grant), decisions, a person's
 * or an organization's grants, an exemplar's grants and a person's initiatives. One statement per field
 * over all parents of a request; rows in the parent's order. A grant comes with its decision (store:
 * LedgerGrant), which primes `decisionById`: a list of grants with their decisions costs one statement.
 */
import DataLoader from 'dataloader';
import { byKey, groupByKey, isUuid } from '@tdkt/subgraph-kit';
import type { AwardsStores } from '../store/index.js';
import type { LedgerGrant } from '../store/grant.store.js';
import type { AuthoredInitiative } from '../store/initiative.store.js';
import type { Decision, Grant } from '../types/grant.types.js';

/** The ids worth asking the database for, in the form it stores them. */
export const canonical = (ids: readonly string[]) => ids.filter(isUuid).map((id) => id.toLowerCase());

export function createGrantLoaders(stores: AwardsStores) {
  /** The grants of ledger rows, their decisions primed on the way. */
  const grantsOf = (rows: readonly LedgerGrant[]): Grant[] =>
    rows.map(({ grant, decision }) => {
      if (decision) decisionById.prime(decision.id, decision);
      return grant;
    });

  const grantById = new DataLoader<string, Grant | null>(async (ids) => {
    const rows = grantsOf(await stores.grants.byIds(canonical(ids)));
    return byKey(
      ids.map((id) => id.toLowerCase()),
      rows,
      (row) => row.id,
    );
  });

  const decisionById = new DataLoader<string, Decision | null>(async (ids) => {
    const byId = new Map((await stores.decisions.byIds(ids)).map((decision) => [decision.id, decision]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  /** Every grant of a person (revoked ones included: the record shows them as revoked). */
  const grantsByPersonId = new DataLoader<string, Grant[]>(async (ids) => {
    const rows = grantsOf(await stores.grants.byPersonIds(canonical(ids)));
    return groupByKey(
      ids.map((id) => id.toLowerCase()),
      rows,
      (row) => row.personId!,
    );
  });

  /** Collective grants of an organization in a year (null year: every year). Key: `${id}|${year ?? ''}`. */
  const grantsByOrganizationYear = new DataLoader<string, Grant[]>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]).filter(([id]) => isUuid(id));
    const rows = grantsOf(
      await stores.grants.byOrganizationYears(
        pairs.map(([id]) => id.toLowerCase()),
        pairs.map(([, year]) => (year === '' ? null : Number(year))),
      ),
    );
    const result = new Map<string, Grant[]>();
    for (const [id, year] of pairs) {
      result.set(
        `${id.toLowerCase()}|${year}`,
        rows.filter((row) => row.organizationId === id.toLowerCase() && (year === '' || row.year === Number(year))),
      );
    }
    return keys.map((key) => result.get(key.toLowerCase()) ?? []);
  });

  const grantsByExemplarId = new DataLoader<string, Grant[]>(async (ids) => {
    const rows = await stores.grants.byExemplarIds(canonical(ids));
    const grants = grantsOf(rows);
    return groupByKey(
      ids.map((id) => id.toLowerCase()),
      rows.map((row, index) => ({ exemplarId: row.exemplarId, grant: grants[index]! })),
      (row) => row.exemplarId,
    ).map((group) => group.map((row) => row.grant));
  });

  const initiativesByPersonId = new DataLoader<string, AuthoredInitiative[]>(async (ids) => {
    const rows = await stores.initiatives.byAuthorIds(canonical(ids));
    return groupByKey(
      ids.map((id) => id.toLowerCase()),
      rows,
      (row) => row.personId,
    );
  });

  return {
    grantById: { load: (id: string) => grantById.load(id.toLowerCase()) },
    grantsByExemplarId: { load: (id: string) => grantsByExemplarId.load(id.toLowerCase()) },
    decisionById,
    grantsByPersonId: {
      load: (id: string) => grantsByPersonId.load(id.toLowerCase()),
      clear: (id: string) => grantsByPersonId.clear(id.toLowerCase()),
    },
    grantsByOrganizationYear: {
      load: (id: string, year: number | null) => grantsByOrganizationYear.load(`${id.toLowerCase()}|${year ?? ''}`),
    },
    initiativesByPersonId: { load: (id: string) => initiativesByPersonId.load(id.toLowerCase()) },
  };
}
