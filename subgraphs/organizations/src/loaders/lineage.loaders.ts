/** Lineage links and events of organizations, and the participants of events. */
import DataLoader from 'dataloader';
import { groupByKey } from '@tdkt/subgraph-kit';
import type { LineageEvent } from '../types/lineage-event.types.js';
import type { LineageLink, LineageParticipant } from '../store/lineage.store.js';
import type { Stores } from '../store/index.js';
import { isUuid } from './ids.js';

export function createLineageLoaders(stores: Stores) {
  /** Both directions of lineage for each organization, in one statement. */
  const lineageLinksByOrganizationId = new DataLoader<string, LineageLink[]>(async (ids) => {
    const rows = await stores.lineage.linksOf(ids.filter(isUuid));
    return groupByKey(ids, rows, (row) => row.organizationId);
  });

  const lineageEventsByOrganizationId = new DataLoader<string, LineageEvent[]>(async (ids) => {
    const rows = await stores.lineage.eventsOf(ids.filter(isUuid));
    return groupByKey(ids, rows, (row) => row.organizationId).map((group) => group.map((row) => row.event));
  });

  const participantsByEventId = new DataLoader<string, LineageParticipant[]>(async (ids) => {
    const rows = await stores.lineage.participantsOf(ids.filter(isUuid));
    return groupByKey(ids, rows, (row) => row.eventId);
  });

  return { lineageLinksByOrganizationId, lineageEventsByOrganizationId, participantsByEventId };
}
