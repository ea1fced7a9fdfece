/** Persons by id and their annual ratings. */
import DataLoader from 'dataloader';
import { byKey, groupByKey } from '@tdkt/subgraph-kit';
import type { AnnualRating, Person } from '../types/person.types.js';
import type { Stores } from '../store/index.js';
import { isUuid } from './ids.js';

export function createPersonLoaders(stores: Stores) {
  const personById = new DataLoader<string, Person | null>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await stores.persons.findByIds(valid) : [];
    return byKey(ids, rows, (row) => row.id);
  });

  const ratingsByPersonId = new DataLoader<string, AnnualRating[]>(async (ids) => {
    const rows = await stores.persons.ratingsOf(ids.filter(isUuid));
    return groupByKey(ids, rows, (row) => row.personId);
  });

  return { personById, ratingsByPersonId };
}
