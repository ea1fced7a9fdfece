/**
 * The bloc's vote acclaiming its leading unit (bình xét, suy tôn đơn vị dẫn đầu) once the year is
 * closed. The leading unit of a bloc organized by HĐ TĐKT Trung ương is the one collective the bloc
 * proposes for the Government's emulation flag (Luật TĐKT 2022, Điều 25 khoản 2), so a year has at
 * most one standing acclamation: another vote is held only after a failed one, every vote is kept, and
 * a passed vote is undone only by annulment (by the Central Board, with its reason), never replaced.
 */

export interface RecordedVote {
  passed: boolean;
  annulledAt: Date | string | null;
}

export interface VoteProblem {
  field: string;
  message: string;
}

/** The vote that stands: passed and not annulled (at most one, a database constraint says so too). */
export function standingVote<T extends RecordedVote>(votes: readonly T[]): T | undefined {
  return votes.find((vote) => vote.passed && !vote.annulledAt);
}

/** Whether another vote may be recorded: not while an acclamation stands. */
export function canRecordAnotherVote(votes: readonly RecordedVote[], year: number): string | null {
  return standingVote(votes)
    ? `Khối đã suy tôn đơn vị dẫn đầu năm ${year}; chỉ biểu quyết lại sau khi Ban TĐKT Trung ương hủy kết quả đó.`
    : null;
}

const formatDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * The vote is held at the bloc's year-end meeting, after the year is closed (ranked) and not in the
 * future: `closedOn` ≤ `votedOn` ≤ `today`, all three calendar days in Việt Nam (Asia/Ho_Chi_Minh).
 */
export function checkVoteDate(votedOn: string, closedOn: string | null, today: string): VoteProblem | null {
  const field = 'input.votedOn';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(votedOn)) return { field, message: `Ngày biểu quyết "${votedOn}" không hợp lệ.` };
  if (votedOn > today)
    return {
      field,
      message: `Ngày biểu quyết ${formatDate(votedOn)} chưa tới (hôm nay là ${formatDate(today)}).`,
    };
  if (closedOn && votedOn < closedOn)
    return {
      field,
      message: `Ngày biểu quyết ${formatDate(votedOn)} trước ngày tổng kết giao ước (${formatDate(closedOn)}); khối biểu quyết suy tôn sau khi tổng kết.`,
    };
  return null;
}

/** Only a standing acclamation can be annulled, and only once. */
export function checkAnnulment(vote: RecordedVote): VoteProblem | null {
  if (vote.annulledAt) return { field: 'input.voteId', message: 'Kết quả biểu quyết này đã bị hủy trước đó.' };
  if (!vote.passed)
    return {
      field: 'input.voteId',
      message: 'Chỉ hủy được biểu quyết đã đạt; biểu quyết không đạt không có hiệu lực.',
    };
  return null;
}
