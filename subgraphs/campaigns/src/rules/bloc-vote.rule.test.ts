/**
 * The acclamation of the leading unit: one standing vote per pledge (the leading unit of a central bloc
 * is its one candidate for the Government's flag, Luật TĐKT 2022, Điều 25 khoản 2), a vote dated
 * between the closing of the year and today in Việt Nam, annulment only of a standing vote.
 */
import { canRecordAnotherVote, checkAnnulment, checkVoteDate, standingVote } from './bloc-vote.rule';

const failed = { passed: false, annulledAt: null };
const passed = { passed: true, annulledAt: null };
const annulled = { passed: true, annulledAt: '2026-12-06T03:00:00Z' };

describe('canRecordAnotherVote', () => {
  it.each([
    ['no vote yet', [], true],
    ['after a failed vote', [failed], true],
    ['after a passed vote', [failed, passed], false],
    ['after the passed vote was annulled', [annulled], true],
    ['an annulled one and a standing one', [annulled, passed], false],
  ])('%s', (_case, votes, allowed) => {
    expect(canRecordAnotherVote(votes, 2026) === null).toBe(allowed);
  });

  it('names the standing vote', () => {
    expect(standingVote([failed, annulled, passed])).toBe(passed);
    expect(standingVote([failed, annulled])).toBeUndefined();
  });
});

describe('checkVoteDate (closed 2026-12-05, today 2026-12-06 in Việt Nam)', () => {
  it.each([
    ['2026-12-05', null],
    ['2026-12-06', null],
    ['2026-12-04', 'trước ngày tổng kết'],
    ['2026-12-07', 'chưa tới'],
    ['2030-01-01', 'chưa tới'],
    ['06/12/2026', 'không hợp lệ'],
  ])('%s', (votedOn, problem) => {
    const verdict = checkVoteDate(votedOn, '2026-12-05', '2026-12-06');
    if (problem === null) expect(verdict).toBeNull();
    else expect(verdict).toEqual({ field: 'input.votedOn', message: expect.stringContaining(problem) });
  });
});

describe('checkAnnulment', () => {
  it.each([
    ['a standing vote', passed, null],
    ['a failed vote', failed, 'input.voteId'],
    ['an annulled vote', annulled, 'input.voteId'],
  ])('%s', (_case, vote, field) => {
    expect(checkAnnulment(vote)?.field ?? null).toBe(field);
  });
});
