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

export interface LeadershipProblem {
  code: 'LEAD_NOT_MEMBER' | 'DEPUTY_NOT_MEMBER' | 'LEAD_IS_DEPUTY';
  field: 'leadCode' | 'deputyCode';
  message: string;
}

/**
 * Whether a rotation of a bloc-year's Khối trưởng and Khối phó may stand (HD 2746/HD-BTĐKT 2015: both
 * are chosen among the year's members, and they are two different units). `memberCodes` are the codes
 * of that year's members; a null deputy leaves the year without one.
 */
export function checkLeadershipRotation(
  year: number,
  memberCodes: readonly string[],
  leadCode: string,
  deputyCode: string | null,
): LeadershipProblem[] {
  const members = new Set(memberCodes);
  const problems: LeadershipProblem[] = [];
  if (!members.has(leadCode)) {
    problems.push({
      code: 'LEAD_NOT_MEMBER',
      field: 'leadCode',
      message: `Đơn vị ${leadCode} không là thành viên của khối/cụm trong năm ${year}: Khối trưởng (Cụm trưởng) phải là thành viên.`,
    });
  }
  if (deputyCode !== null && deputyCode === leadCode) {
    problems.push({
      code: 'LEAD_IS_DEPUTY',
      field: 'deputyCode',
      message: 'Khối trưởng (Cụm trưởng) và Khối phó (Cụm phó) phải là hai đơn vị khác nhau.',
    });
  } else if (deputyCode !== null && !members.has(deputyCode)) {
    problems.push({
      code: 'DEPUTY_NOT_MEMBER',
      field: 'deputyCode',
      message: `Đơn vị ${deputyCode} không là thành viên của khối/cụm trong năm ${year}: Khối phó (Cụm phó) phải là thành viên.`,
    });
  }
  return problems;
}

/**
 * Which members of the last year carry over into a new year's list: units that still exist in the new
 * year (a unit merged or dissolved in between is left out and named, so the officer adds its
 * successor). Roles carry over only when asked: the lead and deputy are chosen again each year.
 */
export function carryOverMembers<T extends { organization: Validity; role: BlocMemberRole }>(
  toYear: number,
  previous: readonly T[],
  keepRoles: boolean,
): { kept: (T & { role: BlocMemberRole })[]; dropped: T[] } {
  const kept: (T & { role: BlocMemberRole })[] = [];
  const dropped: T[] = [];
  for (const member of previous) {
    if (!isValidInYear(member.organization, toYear)) dropped.push(member);
    else kept.push({ ...member, role: keepRoles ? member.role : BlocMemberRole.MEMBER });
  }
  return { kept, dropped };
}
