/**
 * The ranges of the numeric columns that inputs are written to, mirrored from the migrations
 * (1763900000000-pledges): checked before any SQL so a refusal names the input field and the range
 * (see the kit's ranges.ts). Conferences' numbers (period, delegates, share, birth year) and the bloc
 * vote's ballots are checked by their rules (conference.rule.ts, pledge-scoring.rule.ts).
 */
import { decimalRange } from '@tdkt/subgraph-kit';

export const RANGES = {
  /** pledge_item.target_value numeric(18,4) */
  targetValue: decimalRange('Chỉ tiêu', 18, 4),
  /** pledge_item.max_score numeric(10,2) CHECK (max_score > 0); at most 10 000 by the scoring scheme. */
  maxScore: decimalRange('Điểm tối đa', 10, 2, { min: 0, minExclusive: true, max: 10_000 }),
  /** pledge.bonus_cap numeric(10,2) CHECK (bonus_cap >= 0) */
  bonusCap: decimalRange('Mức trần điểm thưởng', 10, 2, { min: 0 }),
  /** pledge.leading_vote_threshold numeric(4,3) CHECK (> 0 AND <= 1) */
  leadingVoteThreshold: decimalRange('Tỷ lệ biểu quyết', 4, 3, { min: 0, minExclusive: true, max: 1 }),
  /** progress_report.value numeric(18,4) */
  progressValue: decimalRange('Giá trị tiến độ', 18, 4),
  /** scorecard_item.points numeric(10,2) CHECK (points >= 0) */
  points: decimalRange('Điểm chấm', 10, 2, { min: 0 }),
  /** scorecard.bonus numeric(10,2) CHECK (bonus >= 0) */
  bonus: decimalRange('Điểm thưởng', 10, 2, { min: 0 }),
  /** scorecard.penalty numeric(10,2) CHECK (penalty >= 0) */
  penalty: decimalRange('Điểm trừ', 10, 2, { min: 0 }),
} as const;
