/**
 * Whether a bloc-year's membership list may stand. Bloc leadership follows HD 2746/HD-BTĐKT (2015):
 * a bloc has one Khối trưởng (LEAD) and one Khối phó (DEPUTY), chosen among its members each year.
 */
import { BlocMemberRole } from './values.js';
import { isValidInYear, type Validity } from './organization.rule.js';

export interface ProposedMember {
  index: number;
  code: string;
  role: BlocMemberRole;
  organization: (Validity & { name: string }) | null;
}

export interface MembershipProblem {
  code: 'UNKNOWN_ORGANIZATION' | 'DUPLICATE_MEMBER' | 'NOT_VALID_IN_YEAR' | 'TOO_MANY_LEADS' | 'TOO_MANY_DEPUTIES';
  index: number;
  message: string;
}

export function checkBlocMembership(year: number, members: readonly ProposedMember[]): MembershipProblem[] {
  const problems: MembershipProblem[] = [];
  const seen = new Map<string, number>();
  for (const member of members) {
    if (!member.organization) {
      problems.push({
        code: 'UNKNOWN_ORGANIZATION',
        index: member.index,
        message: `Không tìm thấy đơn vị có mã ${member.code}.`,
      });
      continue;
    }
    if (seen.has(member.code)) {
      problems.push({
        code: 'DUPLICATE_MEMBER',
        index: member.index,
        message: `Đơn vị ${member.code} được liệt kê hai lần.`,
      });
    }
    seen.set(member.code, member.index);
    if (!isValidInYear(member.organization, year)) {
      problems.push({
        code: 'NOT_VALID_IN_YEAR',
        index: member.index,
        message: `${member.organization.name} (${member.code}) không còn hoặc chưa tồn tại trong năm ${year}.`,
      });
    }
  }
  const leads = members.filter((member) => member.role === BlocMemberRole.LEAD);
  const deputies = members.filter((member) => member.role === BlocMemberRole.DEPUTY);
  if (leads.length > 1) {
    problems.push({
      code: 'TOO_MANY_LEADS',
      index: leads[1]!.index,
      message: `Mỗi khối/cụm chỉ có một Khối trưởng (Cụm trưởng) trong năm ${year}.`,
    });
  }
  if (deputies.length > 1) {
    problems.push({
      code: 'TOO_MANY_DEPUTIES',
      index: deputies[1]!.index,
      message: `Mỗi khối/cụm chỉ có một Khối phó (Cụm phó) trong năm ${year}.`,
    });
  }
  return problems;
}
