/** Each bloc's lead and deputy year by year: one statement for every bloc of a request. */
import DataLoader from 'dataloader';
import { groupByKey } from '@tdkt/subgraph-kit';
import type { Stores } from '../store/index.js';
import type { LeadershipRow } from '../store/bloc-admin.store.js';
import { isUuid } from './ids.js';

export function createBlocAdminLoaders(stores: Stores) {
  const leadershipByBlocId = new DataLoader<string, LeadershipRow[]>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await stores.blocAdmin.leadershipOf(valid) : [];
    return groupByKey(ids, rows, (row) => row.blocId);
  });
  return { leadershipByBlocId };
}
