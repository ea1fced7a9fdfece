/**
 * Blocs by id and by code (each primes the other), memberships by bloc-year and organization-year. A
 * bloc comes with its organizer and a membership with its organization (or its bloc) from the same
 * statement, and those prime the organization (or bloc) loaders: a board of N members costs two
 * statements, the bloc with its organizer and the members with their organizations.
 */
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '@tdkt/subgraph-kit';
import type { BlocMembership, EmulationBloc } from '../types/bloc.types.js';
import type { Organization } from '../types/organization.types.js';
import type { Stores } from '../store/index.js';
import type { BlocWithOrganizer } from '../store/bloc.store.js';
import { isUuid } from './ids.js';

function yearKey(id: string, year: number): string {
  return `${id}|${year}`;
}

function parseYearKeys(keys: readonly string[]): { id: string; year: number }[] {
  return keys
    .map((key) => key.split('|') as [string, string])
    .filter(([id]) => isUuid(id))
    .map(([id, year]) => ({ id, year: Number(year) }));
}

export function createBlocLoaders(stores: Stores, primeOrganization: (organization: Organization) => void) {
  const primeBloc = (bloc: EmulationBloc): void => {
    blocById.prime(bloc.id, bloc);
    blocByCode.prime(bloc.code, bloc);
  };

  const withOrganizers = (rows: readonly BlocWithOrganizer[]): EmulationBloc[] =>
    rows.map(({ bloc, organizer }) => {
      if (organizer) primeOrganization(organizer);
      return bloc;
    });

  const blocById: DataLoader<string, EmulationBloc | null> = new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = withOrganizers(valid.length ? await stores.blocs.findByIds(valid) : []);
    for (const row of rows) blocByCode.prime(row.code, row);
    return byKey(ids, rows, (row) => row.id);
  });

  const blocByCode: DataLoader<string, EmulationBloc | null> = new DataLoader(async (codes) => {
    const rows = withOrganizers(await stores.blocs.findByCodes(codes));
    for (const row of rows) blocById.prime(row.id, row);
    return byKey(codes, rows, (row) => row.code);
  });

  /** Members of a bloc in a year: LEAD, DEPUTY, then members by name. Key: `${blocId}|${year}`. */
  const membershipsByBlocYear = new DataLoader<string, BlocMembership[]>(async (keys) => {
    const pairs = parseYearKeys(keys).map(({ id, year }) => ({ blocId: id, year }));
    const rows = (await stores.blocs.membershipsOfBlocYears(pairs)).map(({ membership, organization }) => {
      primeOrganization(organization);
      return membership;
    });
    return groupByKey(keys, rows, (row) => yearKey(row.blocId, row.year));
  });

  /** Blocs an organization belongs to in a year. Key: `${organizationId}|${year}`. */
  const membershipsByOrganizationYear = new DataLoader<string, BlocMembership[]>(async (keys) => {
    const pairs = parseYearKeys(keys).map(({ id, year }) => ({ organizationId: id, year }));
    const rows = (await stores.blocs.membershipsOfOrganizationYears(pairs)).map(({ membership, bloc }) => {
      primeBloc(bloc);
      return membership;
    });
    return groupByKey(keys, rows, (row) => yearKey(row.organizationId, row.year));
  });

  const yearsByBlocId = new DataLoader<string, number[]>(async (ids) => {
    const rows = await stores.blocs.yearsOf(ids.filter(isUuid));
    return groupByKey(ids, rows, (row) => row.blocId).map((group) => group.map((row) => row.year));
  });

  return {
    blocById,
    blocByCode,
    membershipsByBlocYear: {
      load: (blocId: string, year: number) => membershipsByBlocYear.load(yearKey(blocId, year)),
      clear: (blocId: string, year: number) => membershipsByBlocYear.clear(yearKey(blocId, year)),
    },
    membershipsByOrganizationYear: {
      load: (organizationId: string, year: number) => membershipsByOrganizationYear.load(yearKey(organizationId, year)),
    },
    yearsByBlocId,
  };
}
