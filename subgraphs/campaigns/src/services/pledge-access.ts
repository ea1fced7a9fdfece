/**
 * Who may act on, and see, the pledge year of a bloc. Contract roles: the Central Board always; the
 * officers of the bloc's LEAD for that year create, open and close the pledge, verify scores and record
 * the vote (HD 2746/HD-BTĐKT: the Khối trưởng runs the bloc's year); each member's own officers sign,
 * report progress and self-score for it. Membership and leadership are read live from the
 * organizations subgraph, never copied.
 */
import {
  badInput,
  forbidden,
  isUuid,
  notFound,
  requireSignedIn,
  withheld,
  type DirectoryMember,
  type DirectoryOrganization,
} from '@tdkt/subgraph-kit';
import { callerOrganization, isInCallerSubtree, type CampaignsContext } from '../context.js';
import { PledgeStatus, type Pledge } from '../types/pledge.types.js';

export interface BlocYear {
  members: DirectoryMember[];
  lead: DirectoryMember | undefined;
  /** The Khối phó (deputy leads) of that year; often one, none in some years. */
  deputies: DirectoryMember[];
  blocName: string;
  /** The organization that set the bloc up and directs it (Ban TĐKT Trung ương for the central blocs). */
  organizerId: string;
}

export async function loadPledge(context: CampaignsContext, id: string, field = 'id'): Promise<Pledge> {
  const pledge = isUuid(id) ? await context.loaders.pledgeById.load(id) : null;
  if (!pledge) throw notFound('Không tìm thấy giao ước này.', { field });
  return pledge;
}

/** The pledge as it is now, after a mutation changed it. */
export async function reloadPledge(context: CampaignsContext, id: string): Promise<Pledge> {
  context.loaders.pledgeById.clear(id);
  return (await context.loaders.pledgeById.load(id))!;
}

export async function blocYearOf(context: CampaignsContext, blocId: string, year: number): Promise<BlocYear> {
  const found = await context.organizations.blocYear(blocId, year);
  if (!found) throw notFound('Không tìm thấy khối/cụm thi đua của giao ước.');
  return {
    members: found.members,
    lead: found.members.find((member) => member.role === 'LEAD'),
    deputies: found.members.filter((member) => member.role === 'DEPUTY'),
    blocName: found.bloc.name,
    organizerId: found.bloc.organizerId,
  };
}

/** The Central Board, or an ORG_OFFICER of the bloc's LEAD organization for that year. */
export async function requireBlocLead(
  context: CampaignsContext,
  blocYear: BlocYear,
  year: number,
  action: string,
): Promise<void> {
  requireSignedIn(context);
  if (context.caller.role === 'CENTRAL_BOARD') return;
  const own = await callerOrganization(context);
  if (context.caller.role === 'ORG_OFFICER' && own && blocYear.lead && own.id === blocYear.lead.organization.id) return;
  const leadName = blocYear.lead ? blocYear.lead.organization.name : 'chưa có Khối trưởng';
  throw forbidden(
    `Chỉ Khối trưởng của ${blocYear.blocName} năm ${year} (${leadName}) hoặc Ban TĐKT Trung ương được ${action}.`,
  );
}

export async function isBlocLeadOfficer(context: CampaignsContext, blocYear: BlocYear): Promise<boolean> {
  if (context.caller.role !== 'ORG_OFFICER' || !blocYear.lead) return false;
  return (await callerOrganization(context))?.id === blocYear.lead.organization.id;
}

/** A unit by code (the directory of organizations is public). */
export async function unitOrFail(
  context: CampaignsContext,
  code: string,
  field: string,
): Promise<DirectoryOrganization> {
  const organization = await context.organizations.organizationByCode.load(code.trim().toUpperCase());
  if (!organization) throw notFound(`Không tìm thấy đơn vị có mã ${code}.`, { field });
  return organization;
}

/**
 * Refuses a unit that is not a member of the bloc that year. A service asks this only after it has
 * checked that the caller may act for the unit: a caller who may not gets FORBIDDEN, never a word on
 * who belongs to the bloc or what state the pledge is in.
 */
export function requireMember(
  blocYear: BlocYear,
  organization: DirectoryOrganization,
  year: number,
  field: string,
): void {
  if (!blocYear.members.some((member) => member.organization.id === organization.id)) {
    throw badInput(`${organization.name} không phải thành viên của ${blocYear.blocName} năm ${year}.`, { field });
  }
}

/** A member of the bloc that year, by code (for callers already known to act for the bloc). */
export async function memberOrFail(
  context: CampaignsContext,
  blocYear: BlocYear,
  code: string,
  year: number,
  field: string,
): Promise<DirectoryOrganization> {
  const organization = await unitOrFail(context, code, field);
  requireMember(blocYear, organization, year, field);
  return organization;
}

/** Who may see progress and scores: the Central Board and staff of the bloc's members that year. */
export async function canSeeWorkingData(context: CampaignsContext, pledge: Pledge): Promise<boolean> {
  if (!context.caller.role) return false;
  if (context.caller.role === 'CENTRAL_BOARD') return true;
  const blocYear = await context.organizations.blocYear(pledge.blocId, pledge.year);
  if (!blocYear) return false;
  for (const member of blocYear.members) if (await isInCallerSubtree(context, member.organization)) return true;
  return false;
}

export const WORKING_DATA_READERS =
  'Ban Thi đua – Khen thưởng Trung ương và cán bộ các đơn vị thành viên của khối trong năm của giao ước';

/**
 * The bloc's working data (progress, its history, scorecards, the progress rates of a summary), or a
 * FORBIDDEN error naming who may see it: never an empty list that would read as "nothing reported".
 */
export async function requireWorkingData(context: CampaignsContext, pledge: Pledge, what: string): Promise<void> {
  if (!(await canSeeWorkingData(context, pledge))) throw await withheld(context, what, WORKING_DATA_READERS);
}

/**
 * A pledge still being drafted (DRAFT) is the bloc's working paper: the Central Board and staff of that
 * year's members see it; everyone else sees it once it is opened for signature.
 */
export async function canSeePledge(context: CampaignsContext, pledge: Pledge): Promise<boolean> {
  return pledge.status !== PledgeStatus.DRAFT || canSeeWorkingData(context, pledge);
}

/** The pledge, or a FORBIDDEN error while it is a DRAFT the caller may not see (null: there is none). */
export async function visiblePledge(context: CampaignsContext, pledge: Pledge | null): Promise<Pledge | null> {
  if (!pledge || (await canSeePledge(context, pledge))) return pledge;
  throw await withheld(
    context,
    'Giao ước đang soạn thảo (chưa mở ký)',
    `${WORKING_DATA_READERS}; giao ước được công khai khi Khối trưởng mở ký`,
  );
}
