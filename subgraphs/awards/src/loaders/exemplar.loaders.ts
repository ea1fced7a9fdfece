/** A person's exemplar profiles, for every person of a request in one statement. */
import DataLoader from 'dataloader';
import { groupByKey } from '@tdkt/subgraph-kit';
import type { AwardsStores } from '../store/index.js';
import type { Exemplar } from '../types/exemplar.types.js';
import { canonical } from './grant.loaders.js';

export function createExemplarLoaders(stores: AwardsStores) {
  const exemplarsByPersonId = new DataLoader<string, Exemplar[]>(async (ids) => {
    const rows = await stores.exemplars.ofPersons(canonical(ids));
    return groupByKey(
      ids.map((id) => id.toLowerCase()),
      rows,
      (row) => row.personId!,
    );
  });
  return { exemplarsByPersonId: { load: (id: string) => exemplarsByPersonId.load(id.toLowerCase()) } };
}
