// The emulation council's vote thresholds (NĐ 98/2023 Art. 30(7)). Every case names the article it guards.
import { councilThreshold, councilVotePasses } from '@tdkt/awards';

// ── Council votes (ND 98/2023 Art 30(7)) ───────────────────────────────────────────────────────────

describe('council thresholds and votes', () => {
  it.each([
    ['ANH_HUNG_LAO_DONG', 0.9],
    ['ANH_HUNG_LLVTND', 0.9],
    ['CSTD_TOAN_QUOC', 0.9],
    ['CSTD_BO_TINH', 0.9],
    ['CSTD_CO_SO', 0.8],
    ['CO_THI_DUA_BO_TINH', 0.8],
    ['CO_THI_DUA_CP', 0.8],
    ['LDTT', null],
    ['BANG_KHEN_TTG', null],
  ])('requires %s to reach %s of all members under both rulesets', (code, threshold) => {
    expect(councilThreshold(code, 'LAW_2022+ND_98_2023')).toBe(threshold);
    expect(councilThreshold(code, 'LAW_2022+ND_152_2025')).toBe(threshold);
  });

  it.each([
    ['9 of 10 reach 90 %', { membersTotal: 10, yes: 9, no: 1, abstain: 0 }, 0.9, true, 9],
    ['8 of 10 miss 90 %', { membersTotal: 10, yes: 8, no: 2, abstain: 0 }, 0.9, false, 9],
    ['12 of 15 reach 80 % exactly (no float drift)', { membersTotal: 15, yes: 12, no: 3, abstain: 0 }, 0.8, true, 12],
    ['10 of 11 reach 90 % (9.9 rounds up to 10)', { membersTotal: 11, yes: 10, no: 0, abstain: 1 }, 0.9, true, 10],
    [
      'absent members count against: 8 yes of 10 members, 2 absent, 90 %',
      { membersTotal: 10, yes: 8, no: 0, abstain: 0 },
      0.9,
      false,
      9,
    ],
    [
      'absent members count against: 8 yes of 10 members, 2 absent, 80 %',
      { membersTotal: 10, yes: 8, no: 0, abstain: 0 },
      0.8,
      true,
      8,
    ],
    ['no vote required', { membersTotal: 10, yes: 0, no: 0, abstain: 0 }, null, true, 0],
  ])('%s', (_name, vote, threshold, passed, required) => {
    expect(councilVotePasses(vote, threshold)).toEqual({ passed, required, problems: [] });
  });

  it.each([
    ['more ballots than members', { membersTotal: 5, yes: 5, no: 1, abstain: 0 }, 'MORE_VOTES_THAN_MEMBERS'],
    ['a negative count', { membersTotal: 5, yes: -1, no: 0, abstain: 0 }, 'INVALID_VOTE_COUNT'],
    ['no members', { membersTotal: 0, yes: 0, no: 0, abstain: 0 }, 'INVALID_MEMBERS_TOTAL'],
  ])('reports %s and never passes it', (_name, vote, problem) => {
    const result = councilVotePasses(vote, 0.8);
    expect(result.passed).toBe(false);
    expect(result.problems.map((entry) => entry.code)).toContain(problem);
  });
});
