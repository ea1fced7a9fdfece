/** The follow-up of a pledge year (rotation, deadlines) and its reminders: one statement each per request. */
import DataLoader from 'dataloader';
import { groupByKey } from '@tdkt/subgraph-kit';
import type { Stores } from '../store/index.js';
import type { FollowUp } from '../store/pledge-duties.store.js';
import type { OrganizationCopyAccess } from '../services/organization-copy.service.js';
import type { PledgeReminder } from '../types/pledge-duties.types.js';

export function createPledgeDutiesLoaders(stores: Stores, copy: OrganizationCopyAccess) {
  const followUpByPledgeId = new DataLoader<string, FollowUp>(async (ids) => {
    const rows = await stores.pledgeDuties.followUpOf(ids);
    const byId = new Map(rows.map((row) => [row.pledgeId, row]));
    return ids.map((id) => byId.get(id) ?? { pledgeId: id, shift: null, deadlines: [] });
  });
  const remindersByPledgeId = new DataLoader<string, PledgeReminder[]>(async (ids) => {
    await copy.refreshIfDue();
    return groupByKey(ids, await stores.pledgeDuties.remindersOf(ids), (row) => row.pledgeId);
  });
  return { followUpByPledgeId, remindersByPledgeId };
}
