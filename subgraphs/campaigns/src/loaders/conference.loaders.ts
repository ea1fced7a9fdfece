/**
 * Per-request loaders for conferences and their delegates: one statement per batch, so a page of N
 * conferences with their delegates, selections and composition reports costs the same for any N.
 */
import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { Conference, ConferenceDelegate } from '../entities/conference.entity.js';
import { byKey, groupByKey, isUuid } from '@tdkt/subgraph-kit';

export function createConferenceLoaders(db: DataSource) {
  const conferences = db.getRepository(Conference);
  const delegates = db.getRepository(ConferenceDelegate);

  const conferenceById: DataLoader<string, Conference | null> = new DataLoader(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await conferences.findBy({ id: In(valid) }) : [];
    for (const row of rows) conferenceByCode.prime(row.code, row);
    return byKey(ids, rows, (row) => row.id);
  });

  const conferenceByCode: DataLoader<string, Conference | null> = new DataLoader(async (codes) => {
    const rows = await conferences.findBy({ code: In([...codes]) });
    for (const row of rows) conferenceById.prime(row.id, row);
    return byKey(codes, rows, (row) => row.code);
  });

  /** Lower-level conferences that send delegates to each conference. */
  const conferenceFeedersById = new DataLoader<string, Conference[]>(async (ids) => {
    const rows = await conferences.find({ where: { feedsIntoId: In(ids.filter(isUuid)) }, order: { periodFrom: 'ASC', code: 'ASC' } });
    for (const row of rows) conferenceById.prime(row.id, row);
    return groupByKey(ids, rows, (row) => row.feedsIntoId!);
  });

  /** Conferences each organization hosts, by period then code (conference_host_idx). */
  const conferencesByHostId = new DataLoader<string, Conference[]>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await conferences.find({ where: { hostId: In(valid) }, order: { periodFrom: 'ASC', code: 'ASC' } }) : [];
    for (const row of rows) conferenceById.prime(row.id, row);
    return groupByKey(ids, rows, (row) => row.hostId);
  });

  /** Each conference's own delegate list, in list order. */
  const delegatesByConferenceId = new DataLoader<string, ConferenceDelegate[]>(async (ids) => {
    const rows = await delegates.find({ where: { conferenceId: In(ids.filter(isUuid)) }, order: { conferenceId: 'ASC', ordinal: 'ASC' } });
    return groupByKey(ids, rows, (row) => row.conferenceId);
  });

  /** Delegates that lower-level conferences selected to attend each conference. */
  const delegatesSelectedForConferenceId = new DataLoader<string, ConferenceDelegate[]>(async (ids) => {
    const rows = await delegates.find({ where: { selectedForId: In(ids.filter(isUuid)) }, order: { conferenceId: 'ASC', ordinal: 'ASC' } });
    return groupByKey(ids, rows, (row) => row.selectedForId!);
  });

  return { conferenceById, conferenceByCode, conferenceFeedersById, conferencesByHostId, delegatesByConferenceId, delegatesSelectedForConferenceId };
}
