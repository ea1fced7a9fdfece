/** A nomination's history and council votes, for every nomination of a request in one statement each. */
import DataLoader from 'dataloader';
import { groupByKey } from '@tdkt/subgraph-kit';
import type { AwardsStores } from '../store/index.js';
import type { CouncilVote, NominationEvent } from '../types/nomination.types.js';
import { canonical } from './grant.loaders.js';

export function createNominationLoaders(stores: AwardsStores) {
  const eventsByNominationId = new DataLoader<string, NominationEvent[]>(async (ids) => {
    const rows = await stores.nominations.eventsOf(canonical(ids));
    return groupByKey(
      ids.map((id) => id.toLowerCase()),
      rows,
      (row) => row.nominationId,
    ).map((group) => group.map((row) => row.event));
  });

  const councilVotesByNominationId = new DataLoader<string, CouncilVote[]>(async (ids) => {
    const rows = await stores.councilVotes.ofNominations(canonical(ids));
    return groupByKey(
      ids.map((id) => id.toLowerCase()),
      rows,
      (row) => row.nominationId,
    );
  });

  return {
    eventsByNominationId: { load: (id: string) => eventsByNominationId.load(id.toLowerCase()) },
    councilVotesByNominationId: { load: (id: string) => councilVotesByNominationId.load(id.toLowerCase()) },
  };
}
