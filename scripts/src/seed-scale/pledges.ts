/**
 * The campaigns subgraph's part: for every bloc-year with members, the pledge (giao ước thi đua) with
 * its items, the members' signatures, progress reports, staged scorecards (SELF → CROSS by another
 * member → VERIFIED by the lead), the closing ranking and the vote on the leading unit — in the states
 * the application itself would leave them: years up to 2025 CLOSED, the current year SIGNED, OPEN (some
 * signatures) or DRAFT. Totals, ranks and vote outcomes come from the campaigns subgraph's own rules
 * (scoreTotal, rankByTotal, votePasses), so they are exactly what the API computes.
 */
import { rankByTotal, scoreTotal, votePasses } from '@tdkt/campaigns';
import { RowBuffer, text, NULL } from './copy.js';
import { day, iso, stamp } from './dates.js';
import { apportion, blocYear, BLOC_YEARS, type Plan, type PlanBloc } from './plan.js';
import { CURRENT_YEAR } from './presets.js';
import { hash32, Rng, scaleUuid, TAG } from './random.js';
import type { LoadContext, StepDefinition } from './runner.js';
import { CAMPAIGNS_SCALE_TABLES as T, tableName } from './tables.js';
import { PLEDGE_ITEMS, PLEDGE_THEMES, PROGRESS_NOTES } from './vietnamese.js';

export interface PledgeItemPlan {
  code: string;
  title: string;
  unit: string | null;
  target: number | null;
  maxScore: number;
}

export interface VotePlan {
  id: string;
  candidate: number;
  yes: number;
  no: number;
  abstain: number;
  passed: boolean;
  votedOn: number;
}

export interface PledgeOutcome {
  bloc: PlanBloc;
  year: number;
  id: string;
  status: 'DRAFT' | 'OPEN' | 'SIGNED' | 'CLOSED';
  members: number[];
  lead: number;
  items: PledgeItemPlan[];
  bonusCap: number;
  /** Member → day it signed (only those who signed). */
  signatures: Map<number, number>;
  /** VERIFIED totals ranked (CLOSED only). */
  ranking: { organization: number; rank: number; total: number }[];
  votes: VotePlan[];
  /** The acclaimed leading unit (last passed vote), or -1. */
  leadingUnit: number;
  rng: Rng;
}

const THRESHOLD = 0.8;

/** The pledge of a bloc-year, decided up to the votes (rows are written by the step). */
export function pledgeOutcome(plan: Plan, bloc: PlanBloc, year: number): PledgeOutcome | null {
  const members = blocYear(plan, bloc, year);
  if (!members) return null;
  const rng = new Rng(hash32(0x91ed, bloc.index, year));
  const id = scaleUuid(TAG.pledge, bloc.index, year);
  const itemCount = 4 + rng.int(3);
  const chosen = rng.shuffled(PLEDGE_ITEMS.map((_, index) => index)).slice(0, itemCount);
  if (!chosen.includes(0)) chosen[0] = 0; // the political tasks item is always there
  const scores = apportion(
    100,
    chosen.map(() => 0.6 + rng.next()),
  );
  const items = chosen.map((index, position) => ({
    ...PLEDGE_ITEMS[index]!,
    code: String(position + 1),
    maxScore: Math.max(1, scores[position]!),
  }));
  let status: PledgeOutcome['status'] = 'CLOSED';
  if (year === CURRENT_YEAR) {
    const roll = rng.next();
    status = roll < 0.65 ? 'SIGNED' : roll < 0.85 ? 'OPEN' : 'DRAFT';
  }
  const signatures = new Map<number, number>();
  if (status !== 'DRAFT') {
    for (const member of members.members) {
      if (status === 'OPEN' && rng.chance(0.5)) continue;
      signatures.set(member, day(year, 1, 25) + rng.int(26));
    }
    // The pledge turns SIGNED with the last signature: an OPEN one lacks at least one.
    if (status === 'OPEN' && signatures.size === members.members.length)
      signatures.delete(members.members[members.members.length - 1]!);
  }
  const outcome: PledgeOutcome = {
    bloc,
    year,
    id,
    status,
    members: members.members,
    lead: members.lead,
    items,
    bonusCap: rng.chance(0.5) ? 5 : 10,
    signatures,
    ranking: [],
    votes: [],
    leadingUnit: -1,
    rng,
  };
  if (status !== 'CLOSED') return outcome;

  // Scores are decided here (the step writes the same numbers): VERIFIED totals → ranking → votes.
  // Ranked as closePledge ranks (ties broken by organization id, as the API does).
  const byId = new Map(members.members.map((member) => [plan.orgs[member]!.id, member]));
  const verified = members.members.map((member) => ({
    organizationId: plan.orgs[member]!.id,
    total: verifiedTotal(outcome, member),
  }));
  outcome.ranking = rankByTotal(verified).map((entry) => ({
    organization: byId.get(entry.organizationId)!,
    rank: entry.rank,
    total: entry.total,
  }));
  const n = members.members.length;
  const required = Math.ceil(THRESHOLD * n - 1e-9);
  const candidate = outcome.ranking[0]!.organization;
  const votedOn = day(year + 1, 1, 12) + rng.int(10);
  const scenario = rng.next();
  const vote = (yes: number, on: number, index: number): VotePlan => {
    const no = Math.min(n - yes, rng.int(2));
    const abstain = Math.min(n - yes - no, rng.int(2));
    const passed = votePasses({ membersTotal: n, yes, no, abstain, threshold: THRESHOLD }).passed;
    return {
      id: scaleUuid(TAG.blocVote, hash32(bloc.index, year), index),
      candidate,
      yes,
      no,
      abstain,
      passed,
      votedOn: on,
    };
  };
  if (scenario < 0.9 || required === 0) outcome.votes.push(vote(required + rng.int(n - required + 1), votedOn, 0));
  else if (scenario < 0.97) {
    outcome.votes.push(vote(Math.max(0, required - 1), votedOn, 0));
    outcome.votes.push(vote(required + rng.int(n - required + 1), votedOn + 7, 1));
  } else outcome.votes.push(vote(Math.max(0, required - 1 - rng.int(2)), votedOn, 0));
  const passed = outcome.votes.filter((entry) => entry.passed);
  outcome.leadingUnit = passed.length ? passed[passed.length - 1]!.candidate : -1;
  return outcome;
}

/** A member's performance in the year (0.72 – 1.0 of the points), stable across stages. */
function performance(outcome: PledgeOutcome, member: number): number {
  return 0.72 + ((hash32(member, outcome.year, 0x5c0) % 1000) / 1000) * 0.28;
}

function stagePoints(outcome: PledgeOutcome, member: number, stage: number): number[] {
  const base = performance(outcome, member);
  // SELF is a little generous, CROSS a little strict, VERIFIED in between.
  const shift = stage === 0 ? 0.03 : stage === 1 ? -0.02 : 0;
  return outcome.items.map((item, position) => {
    const wobble = ((hash32(member, outcome.year, stage, position) % 100) / 100 - 0.5) * 0.06;
    const share = Math.min(1, Math.max(0.4, base + shift + wobble));
    return Math.round(item.maxScore * share * 100) / 100;
  });
}

function bonusOf(outcome: PledgeOutcome, member: number, stage: number): { bonus: number; penalty: number } {
  const h = hash32(member, outcome.year, stage, 0xb0);
  return { bonus: (h % 7) * 0.5 + (stage === 0 ? 0.5 : 0), penalty: h % 23 === 0 ? 1 + (h % 3) : 0 };
}

function stageTotal(outcome: PledgeOutcome, member: number, stage: number): number {
  const points = stagePoints(outcome, member, stage);
  const { bonus, penalty } = bonusOf(outcome, member, stage);
  return scoreTotal(
    outcome.items.map((item) => ({ code: item.code, maxScore: item.maxScore })),
    outcome.items.map((item, position) => ({ itemCode: item.code, points: points[position]! })),
    bonus,
    penalty,
    outcome.bonusCap,
  ).total;
}

function verifiedTotal(outcome: PledgeOutcome, member: number): number {
  return stageTotal(outcome, member, 2);
}

const STAGES = ['SELF', 'CROSS', 'VERIFIED'] as const;
const money = (value: number) => value.toFixed(2);

/** The step's tables by the role they play here (the order is the order they are copied in). */
const TABLES = {
  pledge: T.pledge,
  item: T.pledge_item,
  signature: T.pledge_signature,
  progress: T.progress_report,
  scorecard: T.scorecard,
  scorecardItem: T.scorecard_item,
  ranking: T.pledge_ranking,
  vote: T.bloc_vote,
} as const;

export function pledgesStep(context: LoadContext): StepDefinition {
  const plan = context.plan;
  const blocsPerChunk = 100;
  const chunks = Math.max(1, Math.ceil(plan.blocs.length / blocsPerChunk));
  return {
    step: 'pledges',
    subgraph: 'campaigns',
    tables: Object.values(TABLES).map(tableName),
    chunks,
    bulk: true,
    async runChunk(chunkIndex, client, progress) {
      const b = {
        pledge: new RowBuffer(TABLES.pledge),
        item: new RowBuffer(TABLES.item),
        signature: new RowBuffer(TABLES.signature),
        progress: new RowBuffer(TABLES.progress),
        scorecard: new RowBuffer(TABLES.scorecard),
        scorecardItem: new RowBuffer(TABLES.scorecardItem),
        ranking: new RowBuffer(TABLES.ranking),
        vote: new RowBuffer(TABLES.vote),
      };
      const blocs = plan.blocs.slice(chunkIndex * blocsPerChunk, (chunkIndex + 1) * blocsPerChunk);
      blocs.forEach((bloc, position) => {
        for (const year of BLOC_YEARS) {
          const outcome = pledgeOutcome(plan, bloc, year);
          if (outcome) writePledge(plan, outcome, b);
        }
        progress((position + 1) / blocs.length, 0);
      });
      const rows: Record<string, number> = {};
      for (const buffer of Object.values(b)) rows[buffer.table] = await buffer.copy(client);
      return { rows };
    },
  };
}

function writePledge(plan: Plan, outcome: PledgeOutcome, b: Record<keyof typeof TABLES, RowBuffer>): void {
  const { year, id, rng } = outcome;
  const org = (index: number) => plan.orgs[index]!.id;
  const leadCode = plan.orgs[outcome.lead]!.code;
  const by = `seed-scale:${leadCode}`;
  const created = day(year, 1, 8) + rng.int(6);
  const opened = created + 5 + rng.int(5);
  const signedDays = [...outcome.signatures.values()];
  const signedAt = outcome.status === 'SIGNED' || outcome.status === 'CLOSED' ? Math.max(...signedDays) : null;
  const version = { DRAFT: 1, OPEN: 2, SIGNED: 3, CLOSED: 4 }[outcome.status];
  const theme = PLEDGE_THEMES[(outcome.bloc.index + year) % PLEDGE_THEMES.length]!;
  const legal = `Bảng chấm điểm thi đua năm ${year} của ${outcome.bloc.name}`;
  b.pledge.row(
    [
      id,
      outcome.bloc.id,
      year,
      text(theme),
      outcome.status,
      money(outcome.bonusCap),
      '0.800',
      1,
      text(legal.slice(0, 500)),
      outcome.status === 'DRAFT' ? NULL : stamp(opened, 9 * 60),
      signedAt === null ? NULL : stamp(signedAt, 16 * 60 + 30),
      outcome.status === 'CLOSED' ? stamp(day(year, 12, 28), 17 * 60) : NULL,
      'f',
      version,
      stamp(created, 8 * 60 + 30),
      by,
    ].join('\t'),
  );
  outcome.items.forEach((item, position) => {
    b.item.row(
      `${id}\t${item.code}\t${text(item.title)}\t${item.target === null ? NULL : item.target}\t${text(item.unit)}\t${money(item.maxScore)}\t${position + 1}`,
    );
  });
  for (const [member, signed] of outcome.signatures) {
    b.signature.row(
      `${id}\t${org(member)}\t${stamp(signed, 10 * 60 + (member % 360))}\tseed-scale:${plan.orgs[member]!.code}`,
    );
  }
  if (outcome.status !== 'SIGNED' && outcome.status !== 'CLOSED') return;

  // Progress of the measurable items: half-year and full year (current year: quarters so far).
  const periods = outcome.status === 'CLOSED' ? [`${year}-Q2`, `${year}`] : [`${year}-Q1`, `${year}-Q2`, `${year}-Q3`];
  const reportDay = (period: string) => {
    if (period === `${year}`) return day(year, 12, 15);
    const quarter = Number(period.slice(-1));
    return day(year, quarter * 3, 28);
  };
  for (const member of outcome.members) {
    const performanceShare = performance(outcome, member);
    for (const item of outcome.items) {
      if (item.target === null) continue;
      for (const period of periods) {
        const share =
          period === `${year}`
            ? performanceShare + 0.12
            : period.endsWith('Q1')
              ? 0.25
              : period.endsWith('Q2')
                ? 0.5
                : 0.75;
        const value = Math.round(item.target * share * (0.9 + rng.next() * 0.2) * 100) / 100;
        const corrected = rng.chance(0.04);
        const at = reportDay(period) + rng.int(8);
        b.progress.row(
          `${id}\t${org(member)}\t${item.code}\t${period}\t1\t${value}\t${corrected ? text(PROGRESS_NOTES[0]) : NULL}\t${stamp(at, 15 * 60)}\tseed-scale:${plan.orgs[member]!.code}`,
        );
        if (corrected) {
          const fixed = Math.round(value * (0.95 + rng.next() * 0.1) * 100) / 100;
          b.progress.row(
            `${id}\t${org(member)}\t${item.code}\t${period}\t2\t${fixed}\t${text(PROGRESS_NOTES[2])}\t${stamp(at + 3, 10 * 60)}\tseed-scale:${plan.orgs[member]!.code}`,
          );
        }
      }
    }
  }
  if (outcome.status !== 'CLOSED') return;

  const members = outcome.members;
  members.forEach((member, position) => {
    const crossScorer = members[(position + 1) % members.length]!;
    STAGES.forEach((stage, stageIndex) => {
      const points = stagePoints(outcome, member, stageIndex);
      const { bonus, penalty } = bonusOf(outcome, member, stageIndex);
      const total = stageTotal(outcome, member, stageIndex);
      const scorer = stageIndex === 0 ? member : stageIndex === 1 ? crossScorer : outcome.lead;
      const submitted = day(year, 12, 3 + stageIndex * 6) + (member % 4);
      b.scorecard.row(
        `${id}\t${org(member)}\t${stage}\t${money(bonus)}\t${money(penalty)}\t${money(total)}\t1\t${org(scorer)}\t${stamp(submitted, 14 * 60 + (member % 180))}\tseed-scale:${plan.orgs[scorer]!.code}`,
      );
      outcome.items.forEach((item, itemPosition) =>
        b.scorecardItem.row(`${id}\t${org(member)}\t${stage}\t${item.code}\t${money(points[itemPosition]!)}`),
      );
    });
  });
  for (const entry of outcome.ranking)
    b.ranking.row(`${id}\t${org(entry.organization)}\t${entry.rank}\t${money(entry.total)}`);
  for (const vote of outcome.votes) {
    b.vote.row(
      `${vote.id}\t${id}\t${org(vote.candidate)}\t${members.length}\t${vote.yes}\t${vote.no}\t${vote.abstain}\t0.800\t${vote.passed ? 't' : 'f'}\t${iso(vote.votedOn)}\t${stamp(vote.votedOn, 16 * 60)}\t${by}`,
    );
  }
}
