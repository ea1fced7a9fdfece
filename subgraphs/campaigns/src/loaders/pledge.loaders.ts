/**
 * Pledge loaders: one statement per field over all parents of a request (a board of 30 members,
 * 10 items and 4 periods reads each table once).
 */
import DataLoader from 'dataloader';
import { groupByKey, isUuid } from '@tdkt/subgraph-kit';
import type { Stores } from '../store/index.js';
import type {
  BlocVote,
  Pledge,
  PledgeItem,
  PledgeSignature,
  ProgressReport,
  RankingEntry,
  Scorecard,
} from '../types/pledge.types.js';

export function createPledgeLoaders(stores: Stores) {
  const { pledges, pledgeProgress } = stores;

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

  const itemsByPledgeId = new DataLoader<string, PledgeItem[]>(async (ids) =>
    groupByKey(ids, await pledges.itemsOf(ids), (row) => row.pledgeId),
  );

  const signaturesByPledgeId = new DataLoader<string, PledgeSignature[]>(async (ids) =>
    groupByKey(ids, await pledges.signaturesOf(ids), (row) => row.pledgeId),
  );

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
  const currentProgressByPledgeId = new DataLoader<string, ProgressReport[]>(async (ids) =>
    groupByKey(ids, await pledgeProgress.currentProgressOf(ids), (row) => row.pledgeId),
  );

  /** Every revision of every report (corrections keep the earlier values). */
  const progressHistoryByPledgeId = new DataLoader<string, ProgressReport[]>(async (ids) =>
    groupByKey(ids, await pledgeProgress.progressHistoryOf(ids), (row) => row.pledgeId),
  );

  const scorecardsByPledgeId = new DataLoader<string, Scorecard[]>(async (ids) =>
    groupByKey(ids, await pledgeProgress.scorecardsOf(ids), (row) => row.pledgeId),
  );

  const rankingByPledgeId = new DataLoader<string, RankingEntry[]>(async (ids) =>
    groupByKey(ids, await pledges.rankingsOf(ids), (row) => row.pledgeId),
  );

  const votesByPledgeId = new DataLoader<string, BlocVote[]>(async (ids) =>
    groupByKey(ids, await pledges.votesOf(ids), (row) => row.pledgeId),
  );

  return {
    pledgeById,
    pledgeByBlocYear: {
      load: (blocId: string, year: number) => pledgeByBlocYear.load(`${blocId.toLowerCase()}|${year}`),
    },
    pledgesByBlocId,
    itemsByPledgeId,
    signaturesByPledgeId,
    signaturesByOrganizationYear: {
      load: (organizationId: string, year: number) =>
        signaturesByOrganizationYear.load(`${organizationId.toLowerCase()}|${year}`),
    },
    currentProgressByPledgeId,
    progressHistoryByPledgeId,
    scorecardsByPledgeId,
    rankingByPledgeId,
    votesByPledgeId,
  };
}
