// A bloc-year's member list: every problem reported, by position, so the officer can fix them all at once.
import { BlocMemberRole, carryOverMembers, checkBlocMembership, checkLeadershipRotation } from '@tdkt/organizations';

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

describe('leadership rotation', () => {
  it('accepts a lead and a deputy chosen among the year’s members, or no deputy', () => {
    expect(checkLeadershipRotation(2026, ['A', 'B', 'C'], 'B', 'C')).toEqual([]);
    expect(checkLeadershipRotation(2026, ['A', 'B'], 'A', null)).toEqual([]);
  });

  it('refuses a lead or deputy outside the year’s members, and one unit holding both roles', () => {
    expect(checkLeadershipRotation(2026, ['A', 'B'], 'X', 'Y').map((problem) => problem.code)).toEqual([
      'LEAD_NOT_MEMBER',
      'DEPUTY_NOT_MEMBER',
    ]);
    expect(checkLeadershipRotation(2026, ['A', 'B'], 'A', 'A')).toEqual([
      expect.objectContaining({ code: 'LEAD_IS_DEPUTY', field: 'deputyCode' }),
    ]);
  });
});

describe('carrying last year’s members over', () => {
  const unit = (validTo: string | null) => ({ validFrom: null, validTo });
  const previous = [
    { code: 'A', role: BlocMemberRole.LEAD, organization: unit(null) },
    { code: 'B', role: BlocMemberRole.DEPUTY, organization: unit(null) },
    { code: 'OLD', role: BlocMemberRole.MEMBER, organization: unit('2025-06-30') },
  ];

  it('drops units that no longer exist in the new year and resets the roles unless asked to keep them', () => {
    const { kept, dropped } = carryOverMembers(2026, previous, false);
    expect(kept.map((member) => [member.code, member.role])).toEqual([
      ['A', BlocMemberRole.MEMBER],
      ['B', BlocMemberRole.MEMBER],
    ]);
    expect(dropped.map((member) => member.code)).toEqual(['OLD']);
    expect(carryOverMembers(2026, previous, true).kept.map((member) => member.role)).toEqual([
      BlocMemberRole.LEAD,
      BlocMemberRole.DEPUTY,
    ]);
  });
});
