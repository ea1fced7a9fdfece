/**
 * Per-request loaders for conferences and their delegates: one statement per batch, so a page of N
 * conferences with their delegates, selections and composition reports costs the same for any N.
 */
import DataLoader from 'dataloader';
import { byKey, groupByKey, isUuid } from '@tdkt/subgraph-kit';
import type { Stores } from '../store/index.js';
import type { Conference } from '../types/conference.types.js';
import type { ConferenceDelegate } from '../types/conference-delegate.types.js';

export function createConferenceLoaders(stores: Stores) {
  const { conferences } = stores;

  const conferenceById: DataLoader<string, Conference | null> = new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await conferences.byIds(valid) : [];
    for (const row of rows) conferenceByCode.prime(row.code, row);
    return byKey(ids, rows, (row) => row.id);
  });

  const conferenceByCode: DataLoader<string, Conference | null> = new DataLoader(async (codes) => {
    const rows = await conferences.byCodes([...codes]);
    for (const row of rows) conferenceById.prime(row.id, row);
    return byKey(codes, rows, (row) => row.code);
  });

  /** Lower-level conferences that send delegates to each conference. */
  const conferenceFeedersById = new DataLoader<string, Conference[]>(async (ids) => {
    const rows = await conferences.feedersOf(ids.filter(isUuid));
    for (const row of rows) conferenceById.prime(row.id, row);
    return groupByKey(ids, rows, (row) => row.feedsIntoId!);
  });

  /** Conferences each organization hosts, by period then code. */
  const conferencesByHostId = new DataLoader<string, Conference[]>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await conferences.hostedBy(valid) : [];
    for (const row of rows) conferenceById.prime(row.id, row);
    return groupByKey(ids, rows, (row) => row.hostId);
  });

  /** Each conference's own delegate list, in list order. */
  const delegatesByConferenceId = new DataLoader<string, ConferenceDelegate[]>(async (ids) =>
    groupByKey(ids, await conferences.delegatesOf(ids.filter(isUuid)), (row) => row.conferenceId),
  );

  /** Delegates that lower-level conferences selected to attend each conference. */
  const delegatesSelectedForConferenceId = new DataLoader<string, ConferenceDelegate[]>(async (ids) =>
    groupByKey(ids, await conferences.delegatesSelectedFor(ids.filter(isUuid)), (row) => row.selectedForId!),
  );

  return {
    conferenceById,
    conferenceByCode,
    conferenceFeedersById,
    conferencesByHostId,
    delegatesByConferenceId,
    delegatesSelectedForConferenceId,
  };
}
