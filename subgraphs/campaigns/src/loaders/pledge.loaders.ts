/**
 * Pledge loaders: one statement per field over all parents of a request (a board of 30 members,
 * 10 items and 4 periods reads each table once). A board's items, signatures, ranking and votes come
 * from one statement (the pledge's sheet), its progress from another, both naming the units from the
 * copy of the organizations (its log read first when due: services/organization-copy.service.ts).
 */
import DataLoader from 'dataloader';
import { groupByKey, isUuid } from '@tdkt/subgraph-kit';
import type { Stores } from '../store/index.js';
import type { PledgeSheet } from '../store/pledge-sheet.store.js';
import type { OrganizationCopyAccess } from '../services/organization-copy.service.js';
import type { Pledge, PledgeSignature, ProgressReport, Scorecard } from '../types/pledge.types.js';

export function createPledgeLoaders(stores: Stores, copy: OrganizationCopyAccess) {
  const { pledges, pledgeProgress, pledgeSheets } = stores;

  const pledgeById = new DataLoader<string, Pledge | null>(async (ids) => {
    const rows = await pledges.byIds(ids.filter(isUuid).map((id) => id.toLowerCase()));
    const byId = new Map(rows.map((pledge) => [pledge.id, pledge]));
    return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
  });

  /** Key: `${blocId}|${year}`. */
  const pledgeByBlocYear = new DataLoader<string, Pledge | null>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]).filter(([id]) => isUuid(id));
    const rows = await pledges.byBlocYears(
      pairs.map(([id]) => id.toLowerCase()),
      pairs.map(([, year]) => Number(year)),
    );
    const byKey = new Map(rows.map((pledge) => [`${pledge.blocId}|${pledge.year}`, pledge]));
    for (const pledge of byKey.values()) pledgeById.prime(pledge.id, pledge);
    return keys.map((key) => byKey.get(key.toLowerCase()) ?? null);
  });

  const pledgesByBlocId = new DataLoader<string, Pledge[]>(async (ids) => {
    return groupByKey(ids, await pledges.byBlocIds(ids.filter(isUuid)), (pledge) => pledge.blocId);
  });

  const EMPTY_SHEET: PledgeSheet = { items: [], signatures: [], ranking: [], votes: [] };
  const sheetByPledgeId = new DataLoader<string, PledgeSheet>(async (ids) => {
    await copy.refreshIfDue();
    const sheets = await pledgeSheets.sheetsOf(ids);
    return ids.map((id) => sheets.get(id) ?? EMPTY_SHEET);
  });
  /** One part of the sheet; clearing it (after a write) clears the whole sheet. */
  const sheetPart = <K extends keyof PledgeSheet>(part: K) => ({
    load: async (pledgeId: string): Promise<PledgeSheet[K]> => (await sheetByPledgeId.load(pledgeId))[part],
    clear: (pledgeId: string) => void sheetByPledgeId.clear(pledgeId),
  });

  /** Signatures of an organization on pledges of a year. Key: `${organizationId}|${year}`. */
  const signaturesByOrganizationYear = new DataLoader<string, PledgeSignature[]>(async (keys) => {
    const pairs = keys.map((key) => key.split('|') as [string, string]).filter(([id]) => isUuid(id));
    const rows = await pledges.signaturesByOrganizationYears(
      pairs.map(([id]) => id.toLowerCase()),
      pairs.map(([, year]) => Number(year)),
    );
    const years = new Map(rows.map((row) => [row.signature, row.year]));
    return groupByKey(
      keys.map((key) => key.toLowerCase()),
      rows.map((row) => row.signature),
      (signature) => `${signature.organizationId}|${years.get(signature)}`,
    );
  });

  /** The current value of every (member, item, period): the latest revision. */
  const currentProgressByPledgeId = new DataLoader<string, ProgressReport[]>(async (ids) => {
    await copy.refreshIfDue();
    return groupByKey(ids, await pledgeProgress.currentProgressOf(ids), (row) => row.pledgeId);
  });

  /** Every revision of every report (corrections keep the earlier values). */
  const progressHistoryByPledgeId = new DataLoader<string, ProgressReport[]>(async (ids) => {
    await copy.refreshIfDue();
    return groupByKey(ids, await pledgeProgress.progressHistoryOf(ids), (row) => row.pledgeId);
  });

  const scorecardsByPledgeId = new DataLoader<string, Scorecard[]>(async (ids) =>
    groupByKey(ids, await pledgeProgress.scorecardsOf(ids), (row) => row.pledgeId),
  );

  return {
    pledgeById,
    pledgeByBlocYear: {
      load: (blocId: string, year: number) => pledgeByBlocYear.load(`${blocId.toLowerCase()}|${year}`),
    },
    pledgesByBlocId,
    itemsByPledgeId: sheetPart('items'),
    signaturesByPledgeId: sheetPart('signatures'),
    signaturesByOrganizationYear: {
      load: (organizationId: string, year: number) =>
        signaturesByOrganizationYear.load(`${organizationId.toLowerCase()}|${year}`),
    },
    currentProgressByPledgeId,
    progressHistoryByPledgeId,
    scorecardsByPledgeId,
    rankingByPledgeId: sheetPart('ranking'),
    votesByPledgeId: sheetPart('votes'),
  };
}
