// A bloc-year's member list: every problem reported, by position, so the officer can fix them all at once.
import { BlocMemberRole, checkBlocMembership } from '@tdkt/organizations';

describe('bloc membership', () => {
  it('reports every problem of a bloc-year list, by position', () => {
    const unit = { name: 'Sở A', validFrom: null, validTo: null };
    const problems = checkBlocMembership(2026, [
      { index: 0, code: 'A', role: BlocMemberRole.LEAD, organization: unit },
      { index: 1, code: 'B', role: BlocMemberRole.LEAD, organization: unit },
      { index: 2, code: 'A', role: BlocMemberRole.MEMBER, organization: unit },
      { index: 3, code: 'X', role: BlocMemberRole.MEMBER, organization: null },
      {
        index: 4,
        code: 'OLD',
        role: BlocMemberRole.MEMBER,
        organization: { name: 'Tỉnh cũ', validFrom: null, validTo: '2025-06-30' },
      },
    ]);
    expect(problems.map((problem) => [problem.code, problem.index])).toEqual([
      ['DUPLICATE_MEMBER', 2],
      ['UNKNOWN_ORGANIZATION', 3],
      ['NOT_VALID_IN_YEAR', 4],
      ['TOO_MANY_LEADS', 1],
    ]);
  });
});
