/**
 * Emulation & Commendation Council votes (Hội đồng TĐKT: ND 98/2023 Art 30, ND 152/2025).
 *
 * ND 98/2023 Art 30(7) [V]: secret ballot is mandatory for Anh hùng LLVTND / Anh hùng Lao động, CSTĐ
 * toàn quốc, CSTĐ bộ/tỉnh, CSTĐ cơ sở, Cờ thi đua bộ/tỉnh and Cờ thi đua CP, and a candidate passes
 * with yes votes of at least 90 % (Anh hùng, CSTĐ toàn quốc, CSTĐ bộ/tỉnh) or 80 % (CSTĐ cơ sở, Cờ
 * bộ/tỉnh, Cờ CP) of ALL council members — not of those present: absent members vote in writing and
 * their votes are recorded in the minutes.
 *
 * Under ND 152/2025 the same thresholds appear in sector circulars (e.g. TT 01/2024/TT-TANDTC) [V];
 * the ND 152 article that carries them is not identified [U]. The values are kept per
 * ruleset so that a change lands in one row.
 *
 * Not modelled here (configurable elsewhere): quorum of 2/3 and 80 % attendance at award sessions
 * (a provincial rule), at most two ballot rounds then escalation (a courts' rule).
 */
import type { Ruleset } from './ruleset.rule.js';

const ND_98_THRESHOLDS: Readonly<Record<string, number>> = {
  ANH_HUNG_LAO_DONG: 0.9,
  ANH_HUNG_LLVTND: 0.9,
  CSTD_TOAN_QUOC: 0.9,
  CSTD_BO_TINH: 0.9,
  CSTD_CO_SO: 0.8,
  CO_THI_DUA_BO_TINH: 0.8,
  CO_THI_DUA_CP: 0.8,
};

export const COUNCIL_THRESHOLDS: Readonly<Record<Ruleset, Readonly<Record<string, number>>>> = {
  // The 2003 Law's councils are not evaluated: no threshold is asserted for old decisions.
  LAW_2003: {},
  'LAW_2022+ND_98_2023': ND_98_THRESHOLDS,
  // [U] same values carried over; see header.
  'LAW_2022+ND_152_2025': ND_98_THRESHOLDS,
};

/** Share of all council members that must vote yes, or null when no secret-ballot vote is required. */
export function councilThreshold(awardTypeCode: string, ruleset: Ruleset): number | null {
  return COUNCIL_THRESHOLDS[ruleset]?.[awardTypeCode] ?? null;
}

export interface CouncilVote {
  membersTotal: number;
  yes: number;
  no: number;
  abstain: number;
}

export interface CouncilVoteProblem {
  code: 'INVALID_MEMBERS_TOTAL' | 'INVALID_VOTE_COUNT' | 'MORE_VOTES_THAN_MEMBERS' | 'INVALID_THRESHOLD';
  message: string;
}

export interface CouncilVoteResult {
  passed: boolean;
  /** Yes votes needed: ceil(threshold × all members). */
  required: number;
  problems: CouncilVoteProblem[];
}

/**
 * Whether a ballot reaches the threshold of ALL members (ND 98/2023 Art 30(7)). A null threshold
 * means no vote is required: passed, 0 required. Votes not cast count against the candidate. Bad
 * counts are reported as problems and never pass.
 */
export function councilVotePasses(vote: CouncilVote, threshold: number | null): CouncilVoteResult {
  const problems: CouncilVoteProblem[] = [];
  const { membersTotal, yes, no, abstain } = vote;
  if (!Number.isInteger(membersTotal) || membersTotal <= 0) {
    problems.push({
      code: 'INVALID_MEMBERS_TOTAL',
      message: `Tổng số thành viên Hội đồng phải là số nguyên dương (nhận được ${membersTotal}).`,
    });
  }
  for (const [label, count] of [
    ['đồng ý', yes],
    ['không đồng ý', no],
    ['không biểu quyết', abstain],
  ] as const) {
    if (!Number.isInteger(count) || count < 0)
      problems.push({
        code: 'INVALID_VOTE_COUNT',
        message: `Số phiếu ${label} phải là số nguyên không âm (nhận được ${count}).`,
      });
  }
  if (problems.length === 0 && yes + no + abstain > membersTotal) {
    problems.push({
      code: 'MORE_VOTES_THAN_MEMBERS',
      message: `Tổng số phiếu (${yes + no + abstain}) vượt quá tổng số thành viên Hội đồng (${membersTotal}).`,
    });
  }
  if (threshold !== null && !(Number.isFinite(threshold) && threshold > 0 && threshold <= 1)) {
    problems.push({
      code: 'INVALID_THRESHOLD',
      message: `Tỷ lệ phiếu yêu cầu phải trong khoảng (0, 1] (nhận được ${threshold}).`,
    });
  }
  if (threshold === null) return { passed: problems.length === 0, required: 0, problems };
  // Whole percent arithmetic so that 80 % of 15 is 12, not 12.000000000000002 rounded up to 13.
  const percent = Math.round(threshold * 10_000);
  const required =
    Number.isInteger(membersTotal) && membersTotal > 0 ? Math.ceil((percent * membersTotal) / 10_000) : 0;
  return { passed: problems.length === 0 && yes >= required, required, problems };
}
