/**
 * Pure decisions of the pledge year: scorecard totals, the closing ranking, the leading-unit vote,
 * reporting periods and progress figures.
 * Numbers come from each bloc's own scoring framework (khung tiêu chí / bảng chấm điểm), never from
 * here: each bloc issues its own (e.g. Ninh Thuận QĐ 27/2016/QĐ-UBND), with max points per criterion,
 * a capped bonus and penalties — the shape this code follows.
 */

export interface ItemScheme {
  code: string;
  maxScore: number;
}

export interface ItemScore {
  itemCode: string;
  points: number;
}

export interface ScoreProblem {
  field: string;
  message: string;
}

export interface ScoreVerdict {
  total: number;
  problems: ScoreProblem[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** A score as an officer writes it: "2,5" (decimal comma), "5". */
export const formatPoints = (value: number): string => String(value).replace('.', ',');

/**
 * total = Σ points + bonus − penalty, every item scored once, none unknown. A score the scheme does not
 * allow is refused, never silently clipped: an item's points lie within 0 … its maximum, the bonus
 * (điểm thưởng) within 0 … the pledge's cap, and the penalty (điểm trừ) is not negative — the bloc's
 * scoring framework (khung tiêu chí) fixes those limits when the pledge is opened, and a card that
 * breaks them would be ranked on a total nobody entered.
 */
export function scoreTotal(
  items: readonly ItemScheme[],
  scores: readonly ItemScore[],
  bonus: number,
  penalty: number,
  bonusCap: number,
): ScoreVerdict {
  const problems: ScoreProblem[] = [];
  const byCode = new Map(items.map((item) => [item.code, item]));
  const seen = new Set<string>();
  let sum = 0;
  scores.forEach((score, index) => {
    const item = byCode.get(score.itemCode);
    const field = `input.scores[${index}]`;
    if (!item)
      return problems.push({ field: `${field}.itemCode`, message: `Giao ước không có tiêu chí ${score.itemCode}.` });
    if (seen.has(score.itemCode))
      return problems.push({ field: `${field}.itemCode`, message: `Tiêu chí ${score.itemCode} được chấm hai lần.` });
    seen.add(score.itemCode);
    if (!Number.isFinite(score.points) || score.points < 0)
      return problems.push({
        field: `${field}.points`,
        message: `Điểm của tiêu chí ${score.itemCode} phải là số không âm.`,
      });
    if (score.points > item.maxScore)
      return problems.push({
        field: `${field}.points`,
        message: `Tiêu chí ${score.itemCode} có điểm tối đa ${formatPoints(item.maxScore)}; không thể chấm ${formatPoints(score.points)}.`,
      });
    sum += score.points;
  });
  const missing = items.filter((item) => !seen.has(item.code)).map((item) => item.code);
  if (missing.length)
    problems.push({ field: 'input.scores', message: `Chưa chấm các tiêu chí: ${missing.join(', ')}.` });
  if (!Number.isFinite(bonus) || bonus < 0)
    problems.push({ field: 'input.bonus', message: 'Điểm thưởng phải là số không âm.' });
  else if (bonus > bonusCap)
    problems.push({
      field: 'input.bonus',
      message:
        bonusCap > 0
          ? `Điểm thưởng tối đa là ${formatPoints(bonusCap)} điểm; không thể cộng ${formatPoints(bonus)} điểm.`
          : `Thang điểm của giao ước này không có điểm thưởng; không thể cộng ${formatPoints(bonus)} điểm.`,
    });
  if (!Number.isFinite(penalty) || penalty < 0)
    problems.push({ field: 'input.penalty', message: 'Điểm trừ phải là số không âm.' });
  return { total: problems.length ? 0 : round2(sum + bonus - penalty), problems };
}

export interface RankingInput {
  organizationId: string;
  total: number;
}

export interface RankingEntry extends RankingInput {
  rank: number;
}

/** Competition ranking: equal totals share a rank and the next rank skips (1, 2, 2, 4). */
export function rankByTotal(entries: readonly RankingInput[]): RankingEntry[] {
  const sorted = [...entries].sort((a, b) => b.total - a.total || a.organizationId.localeCompare(b.organizationId));
  return sorted.map((entry, index) => {
    const firstEqual = sorted.findIndex((other) => other.total === entry.total);
    return { ...entry, rank: (firstEqual === -1 ? index : firstEqual) + 1 };
  });
}

export interface VoteInput {
  membersTotal: number;
  yes: number;
  no: number;
  abstain: number;
  threshold: number;
}

/**
 * The leading unit is acclaimed when the yes votes reach the threshold of ALL members of the bloc
 * (default 80 %), not of the ballots cast — absent members count against.
 */
export function votePasses(vote: VoteInput): { passed: boolean; required: number; problems: ScoreProblem[] } {
  const problems: ScoreProblem[] = [];
  for (const key of ['yes', 'no', 'abstain'] as const) {
    if (!Number.isInteger(vote[key]) || vote[key] < 0)
      problems.push({ field: `input.${key}`, message: 'Số phiếu phải là số nguyên không âm.' });
  }
  if (vote.yes + vote.no + vote.abstain > vote.membersTotal) {
    problems.push({
      field: 'input',
      message: `Tổng số phiếu (${vote.yes + vote.no + vote.abstain}) vượt quá số thành viên của khối (${vote.membersTotal}).`,
    });
  }
  if (!(vote.threshold > 0 && vote.threshold <= 1))
    problems.push({ field: 'input.threshold', message: 'Tỷ lệ biểu quyết phải lớn hơn 0 và không quá 1 (100 %).' });
  const required = Math.ceil(vote.threshold * vote.membersTotal - 1e-9);
  return { passed: problems.length === 0 && vote.yes >= required, required, problems };
}

/**
 * Reporting periods of a pledge year: the whole year ("2026"), a quarter ("2026-Q2"), a half-year
 * ("2026-H1": the six-month review, sơ kết 6 tháng, that blocs hold mid-year) or a month ("2026-07");
 * always in the pledge's own year. Mirrored by progress_report_period_check.
 */
export const PERIOD_PATTERN = /^[0-9]{4}(-Q[1-4]|-H[12]|-(0[1-9]|1[0-2]))?$/;

/** The period's problem, in words an officer reads, or null. */
export function checkPeriod(period: string, year: number): string | null {
  if (!PERIOD_PATTERN.test(period))
    return `Kỳ báo cáo "${period}" không hợp lệ: dùng "${year}" (cả năm), "${year}-H1" (6 tháng), "${year}-Q2" (quý) hoặc "${year}-07" (tháng).`;
  if (Number(period.slice(0, 4)) !== year) return `Kỳ báo cáo ${period} không thuộc năm ${year} của giao ước.`;
  return null;
}

/**
 * A progress figure counts what was done (cases settled, % digitised …): it is not negative unless the
 * pledged item says it may be (a change against a baseline, e.g. a reduction written as −3 %).
 */
export function checkProgressValue(value: number, item: { code: string; allowNegative: boolean }): string | null {
  if (!Number.isFinite(value)) return 'Giá trị tiến độ phải là một số.';
  if (value < 0 && !item.allowNegative)
    return `Giá trị tiến độ của nội dung ${item.code} không được âm (${formatPoints(value)}).`;
  return null;
}
