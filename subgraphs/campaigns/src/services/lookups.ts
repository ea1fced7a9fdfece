/** Lookups and refusals the campaigns services share. */
import { badInput, notFound, type DirectoryOrganization } from '@tdkt/subgraph-kit';
import type { CampaignsContext } from '../context.js';
import { normalizeCode } from '../rules/movement.rule.js';

/**
 * The unit through which the Central Board organizes the central blocs and clusters (HĐ TĐKT Trung ương
 * acts through Ban TĐKT Trung ương, HD 2746/HD-BTĐKT, HD 1479/HD-BTĐKT): what such a bloc's organizer
 * decides is the Central Board's, as in the organizations subgraph.
 */
export const CENTRAL_BLOC_ORGANIZER = 'BTDKTTW';

/** Same format as the organizations subgraph's codes; anything else cannot be a unit. */
export const ORGANIZATION_CODE = /^[A-Z0-9][A-Z0-9_]{1,39}$/;

/** A unit by code, read live from the organizations subgraph on behalf of the caller. */
export async function directoryOrganizationOrFail(
  context: CampaignsContext,
  rawCode: string,
  field: string,
): Promise<DirectoryOrganization> {
  const code = normalizeCode(rawCode);
  const unit = ORGANIZATION_CODE.test(code) ? await context.organizations.organizationByCode.load(code) : null;
  if (!unit) throw notFound(`Không tìm thấy đơn vị có mã ${rawCode.trim() || '(trống)'}.`, { field });
  return unit;
}

/** The first problem a rule found, as the error an officer sees; every problem travels in extensions. */
export function refuse(problems: { field: string; message: string }[]): never {
  const first = problems[0]!;
  throw badInput(problems.map((problem) => problem.message).join(' '), { field: first.field, problems });
}
